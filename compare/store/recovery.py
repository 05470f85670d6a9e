"""The recovery folder: autosaves of comparisons that were never saved as a project file.

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
from compare.store.journal import Journal

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
