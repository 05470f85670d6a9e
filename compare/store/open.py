"""Opening and checking project files. Every file is treated as untrusted: it may come from anyone.

The order of the checks matters: cheap header checks (size, SQLite magic, application_id, truncation),
then the version, then the schema compared with ours *before* any table is read, then SQLite's own
``quick_check`` and foreign keys, then sizes and column types by aggregate queries, and only then the rows,
decoded strictly and checked as a comparison (offsets, claim text, references).

An older file is upgraded on a copy, step by step, then swapped in with the original kept. The original is
checked against the schema of its own version before any migration runs on the copy, so a migration never
executes against a tampered schema. If the upgraded copy cannot replace the original (read-only folder, a
file received by mail), the copy is still used for this session and removed after; the next save writes the
current version.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import tempfile
from pathlib import Path

from compare import __version__
from compare.model import Comparison
from compare.safe_write import describe, fsync_path
from compare.store import schema
from compare.store.embeddings import ProjectEmbeddingCache, claim_keys, read_embeddings
from compare.store.errors import (
    CorruptProject,
    InvalidData,
    MigrationFailed,
    NotAProject,
    ProjectChanged,
    SchemaTooNew,
    StoreError,
    UnsafeSchema,
)
from compare.store.lock import FileStamp, stamp_of
from compare.store.read import load_comparison, read_info
from compare.store.save import copy_file_safely, new_temp_copy, version_backup_path
from compare.store.schema import check_header, foreign_key_problems, quick_check, untrusted


def open_comparison(
    path: str | Path,
    *,
    upgrade_in_place: bool = True,
    embeddings: ProjectEmbeddingCache | None = None,
) -> Comparison:
    """Open a project file, upgrading it first if it is older; a ``StoreError`` subclass if it fails a check.

    An older file is upgraded on a copy; with ``upgrade_in_place`` (the default) the copy then replaces it
    and the original is kept as ``<path>.v<N>.bak``, otherwise the file is left as it is (use that for
    files that are not yours, e.g. the other side of a merge). A newer file raises ``SchemaTooNew`` naming
    the app version it needs.

    The file's cached claim embeddings are always checked; with ``embeddings`` they are also added to that
    cache (only those of texts that are claims of the comparison).

    >>> import tempfile
    >>> from pathlib import Path
    >>> from compare.align.engine import compare
    >>> from compare.model import Document
    >>> comparison = compare([Document("d0", "Base", "The river rose by four metres. The dam held."),
    ...                       Document("d1", "Other", "The river rose four metres. The dam held firm.")])
    >>> folder = tempfile.TemporaryDirectory()
    >>> path = Path(folder.name) / "war.ncproj"
    >>> from compare.store.save import save_comparison
    >>> _ = save_comparison(path, comparison)
    >>> open_comparison(path).counts()
    {'d1': {'agree': 2, 'contradict': 0, 'omitted': 0, 'only_here': 0}}
    >>> _ = path.write_bytes(b"not a database")
    >>> open_comparison(path)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    compare.store.errors.NotAProject: .../war.ncproj: not a Narrative Compare project (not an SQLite database)
    >>> folder.cleanup()
    """
    return _open(Path(path), swap=upgrade_in_place, embeddings=embeddings)


def open_for_update(
    path: str | Path, *, embeddings: ProjectEmbeddingCache | None = None
) -> tuple[Comparison, FileStamp | None]:
    """``open_comparison`` plus the stamp of the version read: pass it to ``save_comparison(expected=...)``.

    When the file changes while it is read (opening upgraded an older file in place, or another program
    saved it), it is read once more; if it changes again, ``ProjectChanged``.
    """
    path = Path(path)
    for _ in range(2):
        before = stamp_of(path)
        comparison = open_comparison(path, embeddings=embeddings)
        if stamp_of(path) == before:
            return comparison, before
    raise ProjectChanged(path, "keeps changing while it is read (another program is saving it?); try again")


def check_file(path: str | Path) -> list[str]:
    """Every problem that stops ``path`` from opening, as sentences; empty when it opens. Never changes it."""
    try:
        _open(Path(path), swap=False)
    except StoreError as exc:
        return list(exc.problems)
    return []


def read_project_info(path: str | Path) -> dict[str, str]:
    """The ``project_info`` rows of a checked file: format, schema_version, app_version, saved_at, saved_by..."""
    path = Path(path)
    version = check_header(path)
    with untrusted(path) as conn:
        _check_schema(conn, path, version)
        return read_info(conn)


def _open(path: Path, *, swap: bool, embeddings: ProjectEmbeddingCache | None = None) -> Comparison:
    version = check_header(path)
    with untrusted(path) as conn:
        _check_schema(conn, path, version)
        _check_integrity(conn, path)
        if version == schema.schema_version():
            return _load(conn, path, embeddings)
    copy = upgraded_copy(path, version, beside=swap)
    try:
        with untrusted(copy, shown_as=path) as conn:
            _check_schema(conn, path, schema.schema_version())
            comparison = _load(conn, path, embeddings)
        if swap and swap_in(copy, path, version):
            copy = None
        return comparison
    finally:
        if copy is not None:
            with contextlib.suppress(OSError):
                copy.unlink(missing_ok=True)


def _load(conn: sqlite3.Connection, path: Path, embeddings: ProjectEmbeddingCache | None) -> Comparison:
    comparison = load_comparison(conn, path)
    vectors = read_embeddings(conn, path, claim_keys(comparison))
    if embeddings is not None:
        embeddings.add_rows(vectors)
    return comparison


def _check_schema(conn: sqlite3.Connection, path: Path, version: int) -> None:
    current = schema.schema_version()
    if version > current:
        raise SchemaTooNew(path, _too_new(conn, version, current))
    if version < 1:
        raise NotAProject(path, f"schema version {version} is not a Narrative Compare project version")
    problems = schema.compare_structure(conn, version)
    if problems:
        raise UnsafeSchema(path, problems)


def _check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    problems = quick_check(conn)
    if problems:
        raise CorruptProject(path, problems)
    problems = foreign_key_problems(conn)
    if problems:
        raise InvalidData(path, problems)


def _too_new(conn: sqlite3.Connection, version: int, current: int) -> str:
    """Which app to install, from the newer file's own project_info when it can be read."""
    needed = ""
    with contextlib.suppress(sqlite3.Error):
        row = conn.execute("SELECT value FROM project_info WHERE key = 'min_app_version'").fetchone()
        if row and isinstance(row[0], str) and len(row[0]) <= 32:
            needed = row[0]
    running = __version__
    if needed and _newer(needed, running):
        app = f"Narrative Compare >= {needed}"
    else:  # the file names no version, or one that is not newer than this one: never ask for this very version
        app = f"a newer Narrative Compare than this one ({running})"
    return f"needs {app} (file schema version {version}; this version reads up to {current})"


def _newer(needed: str, running: str) -> bool:
    """True when version ``needed`` is later than ``running``; unreadable versions count as newer."""
    a, b = _version_key(needed), _version_key(running)
    return a is None or b is None or a > b


def _version_key(text: str) -> tuple[int, ...] | None:
    parts = re.match(r"^\s*v?(\d+(?:\.\d+)*)", text)
    if parts is None:
        return None
    numbers = [int(p) for p in parts.group(1).split(".")[:4]]
    while numbers and numbers[-1] == 0:
        numbers.pop()  # 0.1 and 0.1.0 are the same version
    return tuple(numbers)


# Upgrading an older file


def upgraded_copy(path: Path, from_version: int, *, beside: bool) -> Path:
    """A copy of ``path`` migrated to the current version: beside it when possible, else in the temp folder."""
    copy = _copy(path, beside=beside)
    try:
        conn = sqlite3.connect(copy)
        try:
            conn.execute("PRAGMA trusted_schema = OFF")
            conn.execute("PRAGMA foreign_keys = ON")
            for migration in schema.migrations()[from_version:]:
                apply_migration_checked(conn, migration)
        finally:
            conn.close()
        fsync_path(copy)
    except (OSError, sqlite3.Error) as exc:
        copy.unlink(missing_ok=True)
        raise MigrationFailed(
            path, f"cannot be upgraded from schema version {from_version}: {describe(exc)}"
        ) from exc
    return copy


def apply_migration_checked(conn: sqlite3.Connection, migration: schema.Migration) -> None:
    schema.apply_migration(conn, migration)
    problems = [r[0] for r in conn.execute("PRAGMA foreign_key_check").fetchmany(1)]
    if problems:
        raise sqlite3.IntegrityError(f"migration {migration.name} broke a reference in table {problems[0]}")


def swap_in(copy: Path, path: Path, from_version: int) -> bool:
    """Replace ``path`` by its upgraded ``copy``, keeping the original as ``<path>.v<N>.bak``.

    Returns False (and leaves ``path`` untouched) when the folder does not allow it.
    """
    if copy.parent != path.parent:
        return False
    try:
        copy_file_safely(path, version_backup_path(path, from_version))
        os.replace(copy, path)
        fsync_path(path.parent, directory=True)
    except OSError:
        return False
    return True


def _copy(path: Path, *, beside: bool) -> Path:
    if beside:
        with contextlib.suppress(OSError):
            return new_temp_copy(path, "upgrading")
    fd, name = tempfile.mkstemp(prefix="ncproj-upgrade-", suffix=".sqlite")
    os.close(fd)
    shutil.copyfile(path, name)
    return Path(name)
