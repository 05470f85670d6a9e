-- Migration 0002: a cache of sentence embeddings of claim texts (the optional semantic scorer).
-- Never edit a migration once released: add NNNN_name.sql instead and update db/schema.sql to match.

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
