"""The file format: its SQL, its version, its migrations, the exact shape of each version, and the
locked-down connection through which a file that may come from anyone is checked against that shape.

The expected shape of version N is not written down by hand: it is what SQLite builds from migrations
0001..N in an empty in-memory database. Comparing a file against it (tables, columns, indexes, the FTS5
table and its shadow tables) is how an untrusted file is checked, and a file migrated step by step is
checked against the same thing.

Nothing in an untrusted file gets to run: ``untrusted`` checks the header first, then connects read-only
and ``query_only`` with ``trusted_schema`` off (functions and virtual tables in the schema are not trusted);
the schema itself is compared with ours (``compare_structure``) before any table is read.
"""

from __future__ import annotations

import re
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from compare.store import limits
from compare.store.errors import (
    CorruptProject,
    InvalidData,
    LimitExceeded,
    NotAProject,
    ProjectNotFound,
    StoreError,
)

APPLICATION_ID = 0x4E43504A  # "NCPJ": PRAGMA application_id of every project file
FORMAT = "narrative-compare-project"

# The first app release that reads each schema version, written into every file as min_app_version so that
# an older app can say which version it needs. Add a line with every migration.
# Versions 2 (the embeddings table) and 3 (link confidence, suggestions, candidates) came before the first
# release, so 0.1.0 reads all three.
FIRST_APP_VERSION = {1: "0.1.0", 2: "0.1.0", 3: "0.1.0"}

# Tables SQLite itself may add when someone runs ANALYZE on the file in sqlite3: harmless, planner only.
ALLOWED_INTERNAL = frozenset({"sqlite_stat1", "sqlite_stat4"})

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


_SOURCE_ROOT = Path(__file__).resolve().parents[2]  # compare/store/schema.py -> repository root


def db_dir() -> Path:
    """The ``db/`` folder: ``schema.sql`` and ``migrations/``.

    From a source tree it sits at the repository root; in a PyInstaller bundle ``build.spec`` copies it to
    ``<bundle>/db`` and ``sys._MEIPASS`` is the bundle. Never relative to the working directory.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else _SOURCE_ROOT
    return root / "db"


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


@dataclass(frozen=True, slots=True)
class Structure:
    """The shape of a database: enough to tell our file from a tampered one."""

    tables: dict[
        str, tuple[tuple, ...]
    ]  # name -> PRAGMA table_xinfo rows (name, type, notnull, default, pk, hidden)
    indexes: dict[str, tuple]  # name -> (table, unique, origin, partial, index_xinfo rows)
    virtual: dict[str, str]  # name -> CREATE VIRTUAL TABLE statement, whitespace-normalised


def migrations() -> tuple[Migration, ...]:
    """Every migration in ``db/migrations``, numbered 1..N without gaps."""
    return _migrations(db_dir())


@cache
def _migrations(db_dir: Path) -> tuple[Migration, ...]:
    found = []
    for file in sorted((db_dir / "migrations").glob("*.sql")):
        match = _MIGRATION_NAME.match(file.name)
        if match is None:
            raise RuntimeError(f"{file}: migration names look like 0001_initial.sql")
        found.append(Migration(int(match.group(1)), file.stem, file.read_text(encoding="utf-8")))
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError(
            f"{db_dir / 'migrations'}: migrations must be numbered 0001, 0002, ... without gaps"
        )
    return tuple(found)


def schema_version() -> int:
    """The version this app writes: the number of the last migration."""
    return len(migrations())


def schema_sql() -> str:
    """``db/schema.sql``: the script that creates a new file at the current version."""
    return _schema_sql(db_dir())


@cache
def _schema_sql(db_dir: Path) -> str:
    return (db_dir / "schema.sql").read_text(encoding="utf-8")


def min_app_version(version: int) -> str:
    return FIRST_APP_VERSION.get(version, "")


def apply_migration(conn: sqlite3.Connection, migration: Migration) -> None:
    """Run one migration and set ``user_version``, in one transaction (all or nothing)."""
    conn.isolation_level = None  # we issue BEGIN/COMMIT ourselves; executescript would commit early otherwise
    try:
        conn.executescript(f"BEGIN;\n{migration.sql}\n;PRAGMA user_version = {migration.version};\nCOMMIT;")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def expected_structure(version: int) -> Structure:
    """The shape of a file of ``version``, built by running migrations 1..version in memory."""
    return _expected_structure(db_dir(), version)


@cache
def _expected_structure(db_dir: Path, version: int) -> Structure:
    conn = sqlite3.connect(":memory:")
    try:
        for migration in _migrations(db_dir)[:version]:
            apply_migration(conn, migration)
        return read_structure(conn, trusted=True)[0]
    finally:
        conn.close()


def read_structure(conn: sqlite3.Connection, *, trusted: bool = False) -> tuple[Structure, list[str]]:
    """The shape of a database, and the objects that no project file may have (triggers, views).

    For an untrusted file, call ``compare_structure`` before touching any table: virtual tables are only
    described here from their SQL text, never opened.
    """
    problems = []
    tables: dict[str, tuple[tuple, ...]] = {}
    indexes: dict[str, tuple] = {}
    virtual: dict[str, str] = {}
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    for kind, name, table, sql in rows:
        if kind in ("trigger", "view"):
            problems.append(f"contains a {kind} named {name!r} (project files never have {kind}s)")
        elif kind == "table" and (sql or "").upper().startswith("CREATE VIRTUAL TABLE"):
            virtual[name] = _normalise(sql)
        elif kind == "table":
            tables[name] = ()  # columns filled in below, only for tables we expect (see compare_structure)
        elif kind == "index":
            indexes[name] = (table,)
        else:
            problems.append(f"contains an unknown schema object {kind!r} named {name!r}")
    if trusted:
        _describe(conn, tables, indexes)
    return Structure(tables, indexes, virtual), problems


def _describe(conn: sqlite3.Connection, tables: dict, indexes: dict) -> None:
    for name in tables:
        tables[name] = tuple(
            tuple(row[1:])  # drop cid
            for row in conn.execute("SELECT * FROM pragma_table_xinfo(?)", (name,))
        )
    for name, (table,) in list(indexes.items()):
        listing = {row[1]: row for row in conn.execute("SELECT * FROM pragma_index_list(?)", (table,))}
        meta = listing.get(name)
        columns = tuple(tuple(row) for row in conn.execute("SELECT * FROM pragma_index_xinfo(?)", (name,)))
        indexes[name] = (
            table,
            meta[2] if meta else None,
            meta[3] if meta else None,
            meta[4] if meta else None,
            columns,
        )


def compare_structure(conn: sqlite3.Connection, version: int) -> list[str]:
    """Problems that make a file's schema differ from what ``version`` writes; empty when it matches.

    Only names are looked at until every virtual table has been matched, so a hostile module or argument
    never gets instantiated.
    """
    expected = expected_structure(version)
    found, problems = read_structure(conn)
    for name, sql in found.virtual.items():
        if expected.virtual.get(name) != sql:
            problems.append(f"unexpected virtual table {name!r}")
    for name in found.tables.keys() - expected.tables.keys() - ALLOWED_INTERNAL:
        problems.append(f"unexpected table {name!r}")
    for name in found.indexes.keys() - expected.indexes.keys():
        if found.indexes[name][0] not in ALLOWED_INTERNAL:
            problems.append(f"unexpected index {name!r}")
    for name in sorted(expected.tables.keys() - found.tables.keys()):
        problems.append(f"missing table {name!r}")
    for name in sorted(expected.virtual.keys() - found.virtual.keys()):
        problems.append(f"missing full-text table {name!r}")
    for name in sorted(expected.indexes.keys() - found.indexes.keys()):
        problems.append(f"missing index {name!r}")
    if problems:
        return sorted(problems)
    known_tables = {n: () for n in found.tables if n in expected.tables}
    known_indexes = {n: v for n, v in found.indexes.items() if n in expected.indexes}
    _describe(conn, known_tables, known_indexes)
    for name, columns in known_tables.items():
        if columns != expected.tables[name]:
            problems.append(f"table {name!r}: {_column_difference(columns, expected.tables[name])}")
    for name, shape in known_indexes.items():
        if shape != expected.indexes[name]:
            problems.append(f"index {name!r} differs from the one this version creates")
    return problems


def _column_difference(found: tuple[tuple, ...], expected: tuple[tuple, ...]) -> str:
    found_by_name = {c[0]: c for c in found}
    expected_by_name = {c[0]: c for c in expected}
    extra = [n for n in found_by_name if n not in expected_by_name]
    missing = [n for n in expected_by_name if n not in found_by_name]
    if extra:
        return f"unexpected column{'s' if len(extra) > 1 else ''} {', '.join(map(repr, extra))}"
    if missing:
        return f"missing column{'s' if len(missing) > 1 else ''} {', '.join(map(repr, missing))}"
    changed = [n for n in expected_by_name if found_by_name[n] != expected_by_name[n]]
    if changed:
        return f"column {changed[0]!r} is declared differently (type, NOT NULL, default or key)"
    return "columns are in a different order"


def _normalise(sql: str) -> str:
    return " ".join(sql.split())


# The untrusted connection: header checks, then a locked-down read-only connection


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
    if app_id != APPLICATION_ID:
        raise NotAProject(
            name,
            f"not a Narrative Compare project (SQLite application_id is 0x{app_id:08X}, "
            f"expected 0x{APPLICATION_ID:08X})",
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
