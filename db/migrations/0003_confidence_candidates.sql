-- Migration 0003: how sure the engine is of each link, the pairs it only suggests, each claim's best
-- candidates in the other accounts, and the page furniture of each document (issue 10). Never edit a migration once released: add NNNN_name.sql instead
-- and update db/schema.sql to match.

-- The engine's calibrated probability (0..1) that the link is right. NULL when nobody estimated it: a link
-- drawn by a person, or one saved before this version (re-align the project to have it estimated).
ALTER TABLE links ADD COLUMN confidence REAL;

-- Possible counterparts: pairs the engine would pair but is not sure enough of to show as a mark (confidence
-- below the suggestion level, or nothing in common beyond names and topic). Listed for review only.
CREATE TABLE suggestions (
    id         INTEGER PRIMARY KEY,
    run_id     INTEGER REFERENCES runs (id),   -- the run that proposed it
    claim_a    TEXT NOT NULL REFERENCES claims (id),
    claim_b    TEXT NOT NULL REFERENCES claims (id),
    relation   TEXT NOT NULL CHECK (relation IN ('agree', 'contradict')),
    score      REAL NOT NULL,                  -- match strength 0..1
    confidence REAL,                           -- 0..1, as for links
    reasons    TEXT NOT NULL DEFAULT '[]'      -- JSON array of human-readable strings
);

-- The best few claims of another account for each claim (rank 1 = best), offered for one-click linking.
CREATE TABLE candidates (
    id         INTEGER PRIMARY KEY,
    run_id     INTEGER REFERENCES runs (id),
    claim_id   TEXT NOT NULL REFERENCES claims (id),
    other_id   TEXT NOT NULL REFERENCES claims (id),
    rank       INTEGER NOT NULL CHECK (rank >= 1),
    score      REAL NOT NULL,                  -- match strength 0..1
    confidence REAL NOT NULL                   -- 0..1
);
CREATE INDEX candidates_by_claim ON candidates (claim_id, rank);

-- Page furniture: spans of a document that are not claims (bylines, datelines, photo credits, headlines).
-- Shown in the document, never marked or linked. text = substr(documents.text, char_start + 1, ...).
CREATE TABLE furniture (
    id          INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id),
    char_start  INTEGER NOT NULL,              -- 0-based character offset into the document text
    char_end    INTEGER NOT NULL,              -- exclusive
    kind        TEXT NOT NULL CHECK (kind IN ('byline', 'dateline', 'credit', 'heading')),
    CHECK (char_start >= 0 AND char_start < char_end)
);
