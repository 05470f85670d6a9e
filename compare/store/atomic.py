"""Writing a whole database file so that a crash, a full disk or a read-only folder never costs the old one.

The new file is built under a hidden temporary name in the same folder (so the final rename stays on one
filesystem), flushed to the disk, the previous file is kept as ``.bak``, and only then renamed over the
target. Any failure removes the temporary file and leaves the target exactly as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from compare.store.errors import SaveFailed
from compare.store.paths import backup_path

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exhausted",
    errno.EROFS: "the folder is on a read-only disk",
    errno.EACCES: "no permission to write in the folder",
    errno.EPERM: "no permission to write in the folder",
}


def temp_path_beside(target: Path, suffix: str) -> Path:
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.{suffix}")


def write_atomically(target: Path, fill: Callable[[sqlite3.Connection], None], *, keep_backup: bool) -> None:
    """Make ``target`` the database that ``fill`` writes into an empty connection, or raise ``SaveFailed``."""
    tmp: Path | None = None
    try:
        tmp = temp_path_beside(target, "saving")
        # O_EXCL: never reuse someone else's file; mode 0o666 so the umask decides, like any other save.
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        _fill(tmp, fill)
        fsync_path(tmp)
        if target.exists():
            shutil.copymode(target, tmp)
            if keep_backup:
                _backup(target)
        os.replace(tmp, target)
        tmp = None
        fsync_path(target.parent, directory=True)
    except (OSError, sqlite3.Error, UnicodeError, ValueError) as exc:
        raise SaveFailed(target, f"not saved: {describe(exc)}; the previous file is unchanged") from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)


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
            os.link(target, tmp)
        except OSError:
            shutil.copy2(target, tmp)
        os.replace(tmp, bak)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def fsync_path(path: Path, *, directory: bool = False) -> None:
    """Flush a file, or a folder's entries after a rename, to the disk (folders cannot be opened on Windows)."""
    flags = os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        if directory:
            return
        raise
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.errno in _REASONS:
        return _REASONS[exc.errno]
    if isinstance(exc, sqlite3.Error) and "full" in str(exc):
        return "the disk is full"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    if isinstance(exc, UnicodeError):
        return "a text contains characters that cannot be stored (invalid Unicode)"
    return str(exc)
