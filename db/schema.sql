-- Narrative Compare project file (*.ncproj): the current schema, version 3.
--
-- A project file is a plain SQLite database that holds one comparison: the full text of every account, the
-- claims cut from them, the links between claims (proposed by the engine or drawn by a person) and people's
-- notes. Everything needed to show the comparison again is inside: no path in here is ever re-read.
--
-- New files are created from this script. Older files are upgraded with db/migrations/NNNN_*.sql; a test
-- checks that applying every migration to an empty database gives exactly the tables built here.
-- The store sets PRAGMA application_id = 0x4E43504A ("NCPJ") and PRAGMA user_version = the schema version
-- (the number of the last migration); neither is set here so that the version lives in one place.
-- No triggers and no views, on purpose: files come from other people and are checked for both.
-- See docs/project-file.md for every column and for the checks made when a file is opened.

-- Who wrote the file and when: keys format, schema_version, app_version, min_app_version, created_at,
-- saved_at, saved_by.
CREATE TABLE project_info (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

-- The accounts, base first (position 0). text is the exact string every claim offset indexes.
CREATE TABLE documents (
    id         TEXT PRIMARY KEY NOT NULL,      -- "d0", "d1", ...; every claim id starts with it
    position   INTEGER NOT NULL UNIQUE,        -- order in the comparison; 0 is the base account
    title      TEXT NOT NULL,
    source     TEXT NOT NULL DEFAULT '',       -- path or URL as the user gave it; informational only
    outlet     TEXT NOT NULL DEFAULT '',
    date       TEXT NOT NULL DEFAULT '',       -- publication date as written
    text       TEXT NOT NULL,
    char_count INTEGER NOT NULL,               -- length(text) in characters
    sha256     TEXT NOT NULL,                  -- of text as UTF-8; merging uses it to find the same account
    added_at   TEXT NOT NULL DEFAULT ''        -- ISO 8601 UTC, when the account joined the project
);
CREATE INDEX documents_by_sha256 ON documents (sha256);

-- Spans of the documents: text = substr(documents.text, char_start + 1, char_end - char_start).
CREATE TABLE claims (
    id          TEXT PRIMARY KEY NOT NULL,     -- "d0:c12"
    document_id TEXT NOT NULL REFERENCES documents (id),
    char_start  INTEGER NOT NULL,              -- 0-based character offset into the document text
    char_end    INTEGER NOT NULL,              -- exclusive
    text        TEXT NOT NULL,
    facts       TEXT NOT NULL DEFAULT '{}',    -- JSON: numbers, dates, durations, entities, negations, speaker
    CHECK (char_start >= 0 AND char_start < char_end)
);
CREATE INDEX claims_by_document ON claims (document_id, char_start);

-- The engine run whose machine links the file holds.
CREATE TABLE runs (
    id             INTEGER PRIMARY KEY,
    engine_version TEXT NOT NULL DEFAULT '',
    settings       TEXT NOT NULL DEFAULT '{}', -- JSON: threshold, allow_split, max_words
    started_at     TEXT NOT NULL DEFAULT '',   -- ISO 8601 UTC; '' when not known
    finished_at    TEXT NOT NULL DEFAULT '',
    document_count INTEGER NOT NULL DEFAULT 0,
    claim_count    INTEGER NOT NULL DEFAULT 0,
    link_count     INTEGER NOT NULL DEFAULT 0  -- links the engine proposed (machine, confirmed or rejected)
);

-- Two claims of different documents that tell the same thing, and how they relate.
CREATE TABLE links (
    id         INTEGER PRIMARY KEY,
    run_id     INTEGER REFERENCES runs (id),   -- the run that proposed it; NULL for a link drawn by a person
    claim_a    TEXT NOT NULL REFERENCES claims (id),
    claim_b    TEXT NOT NULL REFERENCES claims (id),
    relation   TEXT NOT NULL CHECK (relation IN ('agree', 'contradict')),
    score      REAL NOT NULL,                  -- 0..1
    reasons    TEXT NOT NULL DEFAULT '[]',     -- JSON array of human-readable strings
    status     TEXT NOT NULL CHECK (status IN ('machine', 'confirmed', 'rejected', 'manual')),
    created_by TEXT NOT NULL DEFAULT '',       -- "engine" or the person who drew, confirmed or rejected it
    created_at TEXT NOT NULL DEFAULT '',       -- ISO 8601 UTC
    confidence REAL                            -- engine's calibrated probability 0..1; NULL: not estimated
);
CREATE INDEX links_by_claim_a ON links (claim_a);
CREATE INDEX links_by_claim_b ON links (claim_b);

-- A person's label or note on a claim ("d0:c3") or on a link ("d0:c3|d1:c7").
CREATE TABLE annotations (
    id         INTEGER PRIMARY KEY,
    target     TEXT NOT NULL,
    label      TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    author     TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX annotations_by_target ON annotations (target);

-- Full-text index over claim text, rebuilt on every save. It keeps its own copy of the text (no external
-- content table) so it needs no triggers and stays right even after someone runs VACUUM on the file.
CREATE VIRTUAL TABLE claims_fts USING fts5 (claim_id UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2');

-- One vector per (model, claim text): re-aligning a project does not embed the same sentence again.
-- text_sha256 is the SHA-256 of the claim text in UTF-8 (lowercase hex), the same key as documents.sha256
-- uses for whole texts; vector is dims float32 values, little-endian (4 * dims bytes). Only vectors of
-- texts that are claims of the project are kept: a save drops the others.
CREATE TABLE embeddings (
    model       TEXT NOT NULL,                 -- the embedding model, e.g. "all-MiniLM-L6-v2-int8"
    text_sha256 TEXT NOT NULL,                 -- sha256 of the claim text as UTF-8, lowercase hex
    dims        INTEGER NOT NULL,              -- number of float32 values in vector (384)
    vector      BLOB NOT NULL,                 -- dims float32 values, little-endian
    created_at  TEXT NOT NULL,                 -- ISO 8601 UTC, when the vector was computed
    PRIMARY KEY (model, text_sha256),
    CHECK (length(vector) = 4 * dims)
);

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
