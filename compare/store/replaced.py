"""Best-effort reads of the files a save replaces (the project itself, its autosave journal).

What a save carries over from them (stamps, embeddings) is a convenience, never a condition: a file that is
missing, of another schema version, foreign or damaged simply gives nothing, and the save goes on.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from compare.store import schema
from compare.store.connect import untrusted
from compare.store.errors import StoreError

T = TypeVar("T")


def read_each(paths: Iterable[Path], read: Callable[[sqlite3.Connection, Path], T]) -> Iterator[T]:
    """``read(conn, path)`` for each of ``paths`` that is a readable project file of the current schema."""
    for path in paths:
        if not path.is_file():
            continue
        try:
            with untrusted(path) as conn:
                if conn.execute("PRAGMA user_version").fetchone()[0] != schema.schema_version():
                    continue
                if schema.compare_structure(conn, schema.schema_version()):
                    continue
                result = read(conn, path)
        except (StoreError, sqlite3.Error, ValueError):
            continue
        yield result
