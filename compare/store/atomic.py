"""Writing a whole database file so that a crash, a full disk or a read-only folder never costs the old one.

The new file is built under a random hidden temporary name in the same folder, created exclusively without
following links (``compare.safe_write``), flushed to the disk, the previous file is kept as ``.bak``, and
only then renamed over the target. Any failure removes the temporary file and leaves the target exactly as
it was; temporary files of a save that was killed are removed by the next save.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from compare.safe_write import create_temp, describe, fsync_path, replacing, temp_path_beside
from compare.store.errors import SaveFailed
from compare.store.paths import backup_path

__all__ = ["copy_file_safely", "describe", "fsync_path", "temp_path_beside", "write_atomically"]


def write_atomically(target: Path, fill: Callable[[sqlite3.Connection], None], *, keep_backup: bool) -> None:
    """Make ``target`` the database that ``fill`` writes into an empty connection, or raise ``SaveFailed``."""
    try:
        with replacing(target, suffix="saving") as (tmp, _fd):
            _fill(tmp, fill)
            if keep_backup and target.is_file() and not target.is_symlink():
                _backup(target)
    except (OSError, sqlite3.Error, UnicodeError, ValueError) as exc:
        raise SaveFailed(target, f"not saved: {describe(exc)}; the previous file is unchanged") from exc


def _fill(tmp: Path, fill: Callable[[sqlite3.Connection], None]) -> None:
    conn = sqlite3.connect(tmp)
    try:
        # A temporary file needs no rollback journal (a failure discards it) and we fsync it ourselves.
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        fill(conn)
        conn.commit()
    finally:
        conn.close()


def _backup(target: Path) -> None:
    """Keep the previous save as ``.bak``; a hard link is instant, a copy is the fallback (e.g. FAT, SMB)."""
    bak = backup_path(target)
    tmp = temp_path_beside(target, "bak")
    try:
        try:
            os.link(target, tmp)  # the target is a regular file here (a link at its name is replaced)
        except (OSError, NotImplementedError):
            copy_file_safely(target, tmp)
        os.replace(
            tmp, bak
        )  # replaces whatever is at the .bak name (a planted link included), never follows it
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def copy_file_safely(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` through a fresh temporary file: a link at ``target`` is replaced, not
    written through."""
    with replacing(target) as (_tmp, fd), open(source, "rb") as src, os.fdopen(os.dup(fd), "wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)


def new_temp_copy(source: Path, suffix: str) -> Path:
    """A copy of ``source`` under a new temporary name beside it (exclusive, no links followed)."""
    tmp, fd = create_temp(source, suffix)
    try:
        with open(source, "rb") as src, os.fdopen(fd, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp
