"""Full-text search over claim text (the ``claims_fts`` FTS5 table) for the GUI's search box."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from compare.model import Comparison
from compare.store import schema
from compare.store.errors import UnsafeSchema
from compare.store.schema import check_header, untrusted
from compare.store.write import write_comparison

_WORD = re.compile(r"\w+")


def match_expression(query: str) -> str:
    """User text -> an FTS5 query: every word must occur, the last one may be a prefix ("refug" finds
    "refugees"). Words are quoted, so FTS5 operators and punctuation typed by the user are plain text."""
    words = _WORD.findall(query)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def search_claims(source: str | Path | sqlite3.Connection, query: str, *, limit: int = 500) -> list[str]:
    """Ids of the claims matching ``query``, best match first.

    ``source`` is a project file (checked like any file before it is searched) or a connection from
    ``memory_index``.

    >>> from compare.align.engine import compare
    >>> from compare.model import Document
    >>> comparison = compare([Document("d0", "Base", "The river rose by four metres. The dam held."),
    ...                       Document("d1", "Other", "The river rose four metres. The dam held firm.")])
    >>> search_claims(memory_index(comparison), "dam")
    ['d0:c1', 'd1:c1']
    """
    expression = match_expression(query)
    if not expression:
        return []
    if isinstance(source, sqlite3.Connection):
        return _search(source, expression, limit)
    path = Path(source)
    version = check_header(path)
    with untrusted(path) as conn:
        problems = schema.compare_structure(conn, version)
        if problems:
            raise UnsafeSchema(path, problems)
        return _search(conn, expression, limit)


def memory_index(comparison: Comparison) -> sqlite3.Connection:
    """The comparison in an in-memory database, for searching a comparison that is not saved yet."""
    conn = sqlite3.connect(":memory:")
    write_comparison(conn, comparison)
    return conn


def _search(conn: sqlite3.Connection, expression: str, limit: int) -> list[str]:
    rows = conn.execute(
        "SELECT claim_id FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rank LIMIT ?", (expression, limit)
    )
    return [r[0] for r in rows]
