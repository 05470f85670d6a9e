"""Saving a comparison as a project file: checked, atomic, with a ``.bak`` of the previous save."""

from __future__ import annotations

import contextlib
from pathlib import Path

from compare.model import Comparison
from compare.safe_write import scrub_deep
from compare.store.atomic import write_atomically
from compare.store.embeddings import ProjectEmbeddingCache, rows_to_save
from compare.store.errors import SaveFailed
from compare.store.lock import ANY, Expected, FileStamp, check_unchanged, project_lock, stamp_of
from compare.store.paths import autosave_path
from compare.store.stamps import read_stamps
from compare.store.validate import check_comparison
from compare.store.write import RunTimes, write_comparison


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

    >>> save_comparison("war.ncproj", comparison, author="ana")  # doctest: +SKIP
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
