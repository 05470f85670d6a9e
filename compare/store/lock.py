"""One writer at a time on a project file, and no save over changes someone else made meanwhile.

A save takes an advisory lock (``flock`` on the project's folder, so no lock file is left beside the
project), then checks that the file is still the one that was read (``FileStamp``: device, inode, size and
modification time; every save replaces the file by a rename, so any save changes the inode). A second
writer waits up to ``WAIT_S`` for the lock and then fails with one line naming the file; a writer whose file
changed since it read it fails too (the command line then redoes its step once from a fresh read), so
two writers never both report success with one's work lost.

Without ``fcntl`` (Windows) there is no lock; the check that the file did not change still applies.
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from compare.store.errors import ProjectBusy, ProjectChanged, ProjectExists

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

WAIT_S = 10.0
_POLL_S = 0.05


@dataclass(frozen=True, slots=True)
class FileStamp:
    """What identifies one saved version of a file."""

    device: int
    inode: int
    size: int
    mtime_ns: int


class _Anything:
    """``expected=ANY``: save whatever the file on disk is (the caller has not read it)."""


ANY = _Anything()
Expected = FileStamp | None | _Anything


def stamp_of(path: str | Path) -> FileStamp | None:
    """The file's stamp now, or None when there is no file at ``path``."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return FileStamp(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


@contextlib.contextmanager
def project_lock(path: str | Path, *, wait_s: float = WAIT_S) -> Iterator[None]:
    """Hold the save lock of ``path``'s folder; ``ProjectBusy`` after ``wait_s`` seconds of waiting."""
    path = Path(path)
    fd = _open_folder(path.parent)
    if fd is None:
        yield
        return
    try:
        deadline = time.monotonic() + wait_s
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise ProjectBusy(
                    path,
                    f"another save is still writing in this folder after {wait_s:.0f} s; nothing written",
                )
            time.sleep(_POLL_S)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def check_unchanged(path: Path, expected: Expected) -> None:
    """``ProjectChanged`` when ``path`` is not the version that was read (``expected``)."""
    if isinstance(expected, _Anything):
        return
    now = stamp_of(path)
    if now == expected:
        return

    if expected is None:
        raise ProjectExists(path, "was created by another program meanwhile; nothing written")
    raise ProjectChanged(
        path,
        "was changed by another save since it was read; nothing written (repeat this step to keep both changes)",
    )


def _open_folder(folder: Path) -> int | None:
    if fcntl is None:  # pragma: no cover - Windows
        return None
    try:
        return os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None  # the save itself will fail and say why


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:
        # A filesystem without locks (ENOLCK, EOPNOTSUPP) counts as locked: the stamp check still guards.
        return exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES)
    return True
