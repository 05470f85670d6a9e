"""Saving a comparison as a project file: checked, atomic, with a ``.bak`` of the previous save.

The new file is built under a random hidden temporary name in the same folder, created exclusively without
following links (``compare.safe_write``), flushed to the disk, the previous file is kept as ``.bak``, and
only then renamed over the target. Any failure removes the temporary file and leaves the target exactly as
it was; temporary files of a save that was killed are removed by the next save. The same writer makes the
autosave journal (``recovery``) and the copy an upgrade works on (``open``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from compare.model import Comparison
from compare.safe_write import create_temp, describe, replacing, scrub_deep, temp_path_beside
from compare.store.check import check_comparison
from compare.store.embeddings import ProjectEmbeddingCache, rows_to_save
from compare.store.errors import SaveFailed
from compare.store.lock import ANY, Expected, FileStamp, check_unchanged, project_lock, stamp_of
from compare.store.write import RunTimes, read_stamps, write_comparison


def save_comparison(
    path: str | Path,
    comparison: Comparison,
    *,
    author: str = "",
    run: RunTimes | None = None,
    embeddings: ProjectEmbeddingCache | None = None,
    expected: Expected = ANY,
) -> FileStamp | None:
    """Save ``comparison`` (documents, claims, links with their status, annotations) to ``path``.

    The file is replaced in one step: the new content is written to a temporary file beside it and flushed,
    the previous file is kept as ``<path>.bak``, then the temporary file is renamed over ``path``. On any
    failure (disk full, read-only folder, invalid comparison) ``SaveFailed`` names the file and the reason,
    and ``path`` is exactly as before. A successful save removes the autosave journal, which it supersedes.

    :param author: recorded as ``saved_by`` in ``project_info``.
    :param run: when the engine run started and finished; by default the times of the previous save are
        kept if the engine version and settings are unchanged, else left empty.
    :param embeddings: cached claim embeddings to keep in the file (table ``embeddings``). Whether given or
        not, the vectors of the file being replaced are kept too; only vectors of texts that are claims of
        ``comparison`` are written.
    :param expected: the ``stamp_of(path)`` taken before the file was read (None: there was no file). When
        given, the save holds the folder's save lock and refuses (``ProjectChanged`` / ``ProjectExists``)
        if the file is no longer that version, so another writer's save is never silently replaced.
    :returns: the stamp of the file just written (pass it as ``expected`` to the next save).

    >>> import tempfile
    >>> from pathlib import Path
    >>> from compare.align.engine import compare
    >>> from compare.model import Document
    >>> comparison = compare([Document("d0", "Base", "The river rose by four metres. The dam held."),
    ...                       Document("d1", "Other", "The river rose four metres. The dam held firm.")])
    >>> folder = tempfile.TemporaryDirectory()
    >>> path = Path(folder.name) / "war.ncproj"
    >>> stamp = save_comparison(path, comparison, author="ana")
    >>> from compare.store.open import open_comparison
    >>> open_comparison(path) == comparison
    True
    >>> save_comparison(path, comparison, expected=stamp) is not None  # nobody saved in between
    True
    >>> sorted(p.name for p in path.parent.iterdir())
    ['war.ncproj', 'war.ncproj.bak']
    >>> folder.cleanup()
    """
    path = Path(path)
    comparison = scrub_deep(comparison)  # a lone surrogate from a Python caller becomes U+FFFD, not a crash
    problems = check_comparison(comparison)
    if problems:
        raise SaveFailed(path, [f"not saved: {p}" for p in problems])
    journal = autosave_path(path)
    with project_lock(path):
        check_unchanged(path, expected)
        stamps = read_stamps(journal, path)
        vectors = rows_to_save(comparison, embeddings, (path, journal))
        write_atomically(
            path,
            lambda conn: write_comparison(
                conn, comparison, author=author, run=run, stamps=stamps, embeddings=vectors
            ),
            keep_backup=True,
        )
        stamp = stamp_of(path)
    with contextlib.suppress(OSError):
        journal.unlink(missing_ok=True)
    return stamp


# Files beside a project


def backup_path(path: Path) -> Path:
    """The previous save, kept by every save: ``project.ncproj.bak``."""
    return path.with_name(path.name + ".bak")


def autosave_path(path: Path) -> Path:
    """The autosave journal of a project: ``project.ncproj.autosave`` (a complete project file)."""
    return path.with_name(path.name + ".autosave")


def version_backup_path(path: Path, version: int) -> Path:
    """Where an older file is kept when opening upgrades it: ``project.ncproj.v1.bak``."""
    return path.with_name(f"{path.name}.v{version}.bak")


# Atomic replacement of a whole database file


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
