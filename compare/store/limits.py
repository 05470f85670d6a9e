"""Size bounds for project files. A file over any of them is refused before its rows are read.

They protect the app from files built to exhaust memory (a "zip bomb" of text); real projects are far below
them. They are documented in docs/project-file.md; change both together.
"""

MAX_FILE_BYTES = 1 << 30  # 1 GiB on disk
MAX_DOCUMENTS = 100
MAX_TEXT_CHARS = 5_000_000  # one document's text
MAX_TOTAL_TEXT_CHARS = 50_000_000  # all documents together
MAX_CLAIMS = 500_000
MAX_LINKS = 2_000_000
MAX_SUGGESTIONS = 2_000_000
MAX_CANDIDATES = 6_000_000  # at most 3 per claim and other account, in both directions
MAX_FURNITURE = 100_000
MAX_ANNOTATIONS = 200_000
MAX_RUNS = 10_000
MAX_INFO_ROWS = 1_000
MAX_EMBEDDINGS = 500_000  # cached claim vectors (all models together); 500,000 x 1,536 bytes = 768 MB
EMBEDDING_DIMS = 384  # the only vector size kept (all-MiniLM-L6-v2); other sizes are refused
MAX_MODEL_CHARS = 100  # embeddings.model
MAX_STAMP_CHARS = 64  # embeddings.created_at
MAX_FIELD_CHARS = 100_000  # any other text value: title, note, label, facts JSON, reasons JSON, ...

# SQLite refuses any single value longer than this (bytes), so even a row we never meant to read stays bounded.
# A document of MAX_TEXT_CHARS characters is at most 4 bytes per character in UTF-8.
MAX_VALUE_BYTES = 4 * MAX_TEXT_CHARS + 1024
