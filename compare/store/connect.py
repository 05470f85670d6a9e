"""Opening a project file that may come from anyone: header checks first, then a locked-down connection.

Nothing in the file gets to run: the connection is read-only and ``query_only``, ``trusted_schema`` is off
(functions and virtual tables in the schema are not trusted), and the schema itself is compared with ours
(``schema.compare_structure``) before any table is read.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from compare.store import limits, schema
from compare.store.errors import (
    CorruptProject,
    InvalidData,
    LimitExceeded,
    NotAProject,
    ProjectNotFound,
    StoreError,
)

SQLITE_MAGIC = b"SQLite format 3\x00"


@contextmanager
def untrusted(path: Path, *, shown_as: Path | None = None) -> Iterator[sqlite3.Connection]:
    """A read-only, locked-down connection to ``path`` after the header checks; errors name ``shown_as``."""
    name = shown_as or path
    check_header(path, shown_as=name)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise CorruptProject(name, f"cannot be opened by SQLite ({exc})") from None
    try:
        _lock_down(conn)
        yield conn
    except UnicodeDecodeError:
        raise InvalidData(name, "a text value is not valid UTF-8") from None
    except sqlite3.DatabaseError as exc:
        if "decode" in str(exc):  # the message quotes the bad value, which may be huge: keep it out
            raise InvalidData(name, "a text value is not valid UTF-8") from None
        raise CorruptProject(name, f"SQLite reports: {str(exc)[:200]}") from None
    finally:
        conn.close()


def _lock_down(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA query_only = ON")
    conn.execute("PRAGMA cell_size_check = ON")  # catch damaged pages early instead of reading garbage
    conn.execute("PRAGMA mmap_size = 0")  # a damaged file must not be mapped into memory
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, limits.MAX_VALUE_BYTES)


def check_header(path: Path, *, shown_as: Path | None = None) -> int:
    """Check the file exists, is not too big, is SQLite, is ours and is complete; return its user_version."""
    name = shown_as or path
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            header = f.read(100)
    except FileNotFoundError:
        raise ProjectNotFound(name, "no such file") from None
    except IsADirectoryError:
        raise NotAProject(name, "is a folder, not a project file") from None
    except OSError as exc:
        raise StoreError(name, f"cannot be read ({exc.strerror or exc})") from None
    if size > limits.MAX_FILE_BYTES:
        raise LimitExceeded(name, f"{size:,} bytes, more than the limit of {limits.MAX_FILE_BYTES:,}")
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise NotAProject(name, "not a Narrative Compare project (not an SQLite database)")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != schema.APPLICATION_ID:
        raise NotAProject(
            name,
            f"not a Narrative Compare project (SQLite application_id is 0x{app_id:08X}, "
            f"expected 0x{schema.APPLICATION_ID:08X})",
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The page count in the header is only maintained when the two change counters agree (SQLite >= 3.7.0).
    if header[24:28] == header[92:96] and pages * page_size > size:
        raise CorruptProject(
            name, f"the file is truncated: {size:,} bytes, its header says {pages * page_size:,}"
        )
    return int.from_bytes(header[60:64], "big", signed=True)


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """SQLite's own consistency check of every page (cheaper than integrity_check, no index content)."""
    rows = [r[0] for r in conn.execute("PRAGMA quick_check(20)")]
    return [] if rows == ["ok"] else [f"SQLite integrity check: {r}" for r in rows]


def foreign_key_problems(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("PRAGMA foreign_key_check").fetchmany(20)
    return [f"row {rowid} of {table} refers to a missing row of {parent}" for table, rowid, parent, _ in rows]
