"""Autosave and recovery: nothing a person did is lost to a crash.

Autosave: a journal of unsaved edits that survives a crash.

The journal of ``war.ncproj`` is ``war.ncproj.autosave``, a complete project file written atomically in the
same format (so it is checked like any other file when recovered). A successful ``save_comparison``
removes it. After a crash, ``recover`` returns the autosaved comparison when the journal is at least as new
as the project file; the GUI then offers it and calls ``discard`` when the user declines.

The recovery folder: autosaves of comparisons that were never saved as a project file.

Each running window autosaves its unsaved comparison as ``<id>.ncproj.autosave`` (a ``Journal`` of a
project ``<id>.ncproj`` that never exists) in a folder of the app's data directory, and holds an advisory
lock on ``<id>.lock`` while it runs. At the next start, the journals whose lock nobody holds belong to a
session that ended without saving (a crash, a killed process): those are the ones offered for recovery,
never the live autosave of another window that is still open.
"""

from __future__ import annotations

import contextlib
import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from compare.model import Comparison
from compare.safe_write import scrub_deep
from compare.store.embeddings import ProjectEmbeddingCache, rows_to_save
from compare.store.open import open_comparison
from compare.store.save import autosave_path, write_atomically
from compare.store.write import read_stamps, write_comparison


class Journal:
    """The autosave journal of one project file.

    >>> import tempfile
    >>> from pathlib import Path
    >>> from compare.align.engine import compare
    >>> from compare.model import Document
    >>> comparison = compare([Document("d0", "Base", "The river rose by four metres. The dam held."),
    ...                       Document("d1", "Other", "The river rose four metres. The dam held firm.")])
    >>> folder = tempfile.TemporaryDirectory()
    >>> journal = Journal(Path(folder.name) / "war.ncproj")
    >>> journal.recover() is None  # at start-up: nothing was autosaved
    True
    >>> journal.write(comparison)  # every few minutes while there are unsaved edits
    >>> journal.recover() == comparison  # after a crash: the autosaved comparison
    True
    >>> folder.cleanup()
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


# The recovery folder: comparisons never saved as a file


try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks; every journal counts as pending
    fcntl = None  # type: ignore[assignment]

_ID = re.compile(r"^[0-9a-f]{32}$")
_JOURNAL_SUFFIX = ".ncproj.autosave"


@dataclass(frozen=True, slots=True)
class Pending:
    """An unsaved comparison left by a session that ended: its id, journal and when it was written."""

    session_id: str
    journal: Journal
    mtime_ns: int

    def recover(self) -> Comparison | None:
        return self.journal.recover()


class RecoveryFolder:
    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self._held: dict[str, int] = {}

    def new_id(self) -> str:
        return uuid.uuid4().hex

    def journal(self, session_id: str) -> Journal:
        return Journal(self.folder / f"{session_id}.ncproj")

    def hold(self, session_id: str) -> bool:
        """Mark ``session_id`` as live (this process); False when another process holds it."""
        if session_id in self._held:
            return True
        self.folder.mkdir(parents=True, exist_ok=True)
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(self.folder / f"{session_id}.lock", flags, 0o600)
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                return False
        self._held[session_id] = fd
        return True

    def release(self, session_id: str, *, discard: bool) -> None:
        """Stop holding ``session_id``; with ``discard`` its journal and lock file are removed."""
        if discard:
            self.journal(session_id).discard()
            with contextlib.suppress(OSError):
                (self.folder / f"{session_id}.lock").unlink(missing_ok=True)
        fd = self._held.pop(session_id, None)
        if fd is not None:
            os.close(fd)

    def pending(self) -> list[Pending]:
        """The journals of ended sessions, newest first."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return []
        found = []
        for name in names:
            if not name.endswith(_JOURNAL_SUFFIX):
                continue
            session_id = name[: -len(_JOURNAL_SUFFIX)]
            if not _ID.match(session_id) or session_id in self._held or self._live(session_id):
                continue
            journal = self.journal(session_id)
            with contextlib.suppress(OSError):
                found.append(Pending(session_id, journal, journal.path.stat().st_mtime_ns))
        return sorted(found, key=lambda p: p.mtime_ns, reverse=True)

    def _live(self, session_id: str) -> bool:
        if fcntl is None:  # pragma: no cover - Windows
            return False
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(self.folder / f"{session_id}.lock", flags)
        except OSError:
            return False  # no lock file: nobody is running it
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        finally:
            os.close(fd)
        return False
