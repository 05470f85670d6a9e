"""Upgrading an older project file: on a copy, step by step, then swapped in with the original kept.

The original is checked against the schema of its own version before any migration runs on the copy, so
a migration never executes against a tampered schema. If the upgraded copy cannot replace the original
(read-only folder, a file received by mail), the copy is still used for this session and removed after;
the next save writes the current version.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from compare.store import schema
from compare.store.atomic import copy_file_safely, describe, fsync_path, new_temp_copy
from compare.store.errors import MigrationFailed
from compare.store.paths import version_backup_path


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
