"""Autosave: a journal of unsaved edits that survives a crash.

The journal of ``war.ncproj`` is ``war.ncproj.autosave``, a complete project file written atomically in the
same format (so it is checked like any other file when recovered). A successful ``save_comparison``
removes it. After a crash, ``recover`` returns the autosaved comparison when the journal is at least as new
as the project file; the GUI then offers it and calls ``discard`` when the user declines.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from compare.model import Comparison
from compare.safe_write import scrub_deep
from compare.store.atomic import write_atomically
from compare.store.embeddings import ProjectEmbeddingCache, rows_to_save
from compare.store.paths import autosave_path
from compare.store.project import open_comparison
from compare.store.stamps import read_stamps
from compare.store.write import write_comparison


class Journal:
    """The autosave journal of one project file.

    >>> journal = Journal("war.ncproj")  # doctest: +SKIP
    >>> journal.write(comparison)  # every few minutes while there are unsaved edits  # doctest: +SKIP
    >>> journal.recover()  # at start-up: the autosaved comparison, or None  # doctest: +SKIP
    """

    def __init__(self, path: str | Path) -> None:
        self.project = Path(path)
        self.path = autosave_path(self.project)

    def write(
        self, comparison: Comparison, *, author: str = "", embeddings: ProjectEmbeddingCache | None = None
    ) -> None:
        """Write the journal atomically (no ``.bak``); ``SaveFailed`` if it cannot be written."""
        comparison = scrub_deep(comparison)
        stamps = read_stamps(self.path, self.project)
        vectors = rows_to_save(comparison, embeddings, (self.path, self.project))
        write_atomically(
            self.path,
            lambda conn: write_comparison(conn, comparison, author=author, stamps=stamps, embeddings=vectors),
            keep_backup=False,
        )

    def pending(self) -> bool:
        """True when a journal exists and is at least as new as the project file (or there is no file)."""
        if not self.path.is_file():
            return False
        if not self.project.exists():
            return True
        return self.path.stat().st_mtime_ns >= self.project.stat().st_mtime_ns

    def recover(self, *, embeddings: ProjectEmbeddingCache | None = None) -> Comparison | None:
        """The autosaved comparison if ``pending()``, else None. A damaged journal raises a ``StoreError``."""
        if not self.pending():
            return None
        return open_comparison(self.path, embeddings=embeddings)

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)


def autosave(
    path: str | Path,
    comparison: Comparison,
    *,
    author: str = "",
    embeddings: ProjectEmbeddingCache | None = None,
) -> None:
    Journal(path).write(comparison, author=author, embeddings=embeddings)


def recover(path: str | Path) -> Comparison | None:
    return Journal(path).recover()


def discard_autosave(path: str | Path) -> None:
    Journal(path).discard()
