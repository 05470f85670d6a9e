"""Text processing: reading documents (ingest), splitting them into claims and extracting facts."""
