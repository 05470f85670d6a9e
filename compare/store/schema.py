"""The schema: its SQL, its version, its migrations, and the exact shape a project file of each version has.

The expected shape of version N is not written down by hand: it is what SQLite builds from migrations
0001..N in an empty in-memory database. Comparing a file against it (tables, columns, indexes, the FTS5
table and its shadow tables) is how an untrusted file is checked, and a file migrated step by step is
checked against the same thing.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from compare.store import paths

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
    return _migrations(paths.db_dir())


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
    return _schema_sql(paths.db_dir())


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
    return _expected_structure(paths.db_dir(), version)


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
