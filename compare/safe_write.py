"""The one way this program replaces a file: every export (JSON, CSV, HTML) and every project save.

A file is never written in place. The new content goes into a temporary file with a random name in the
target's own folder (so the final rename stays on one filesystem), created exclusively and without following
links, so that a name planted in advance (a symlink to someone's file) is never written through. It is
written, flushed and fsynced, then renamed over the target in one step and the folder entry fsynced. On any
failure the temporary file is removed and the target is exactly as it was; the error names the file and the
reason in one line (``WriteFailed``).

While a writer fills its temporary file it holds an advisory lock on it; a later write to the same target
removes temporary files nobody holds any more (those of a save that was killed), so none accumulate.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import os
import re
import secrets
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, TypeVar

from compare.model import CompareError

try:  # POSIX; on Windows stale temporary files are recognised by their age instead
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

T = TypeVar("T")

TEMP_SUFFIXES = ("tmp", "saving", "bak")  # every temporary name a writer uses: .NAME.<hex>.<suffix>
STALE_AFTER_S = 3600  # without advisory locks (Windows): a temp file this old belongs to a dead writer

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exhausted",
    errno.EROFS: "the folder is on a read-only disk",
    errno.EACCES: "no permission to write in the folder",
    errno.EPERM: "no permission to write in the folder",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "the folder does not exist",
    errno.EISDIR: "it is a folder",
    errno.ENAMETOOLONG: "the name is too long",
    errno.ELOOP: "a symbolic link was planted at the temporary name",
    errno.EEXIST: "the temporary name is taken",
}


class WriteFailed(CompareError):
    """Nothing was written; the file that was there before is unchanged."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"cannot write {self.path}: {reason}; nothing was changed")


def describe(exc: BaseException) -> str:
    """A short reason for a failed write, in words (never ``None``)."""
    if isinstance(exc, OSError) and exc.errno in _REASONS:
        return _REASONS[exc.errno]
    if isinstance(exc, OSError):
        return exc.strerror or exc.__class__.__name__
    if isinstance(exc, UnicodeError):
        return "a text contains characters that cannot be stored (invalid Unicode)"
    if "full" in str(exc):  # sqlite3.OperationalError: database or disk is full
        return "the disk is full"
    return str(exc) or exc.__class__.__name__


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def scrub(text: str) -> str:
    """``text`` with each surrogate code point (from a Python caller; never from a decoded file) as U+FFFD.

    One code point for one, so the length stays the same and claim offsets into a document stay valid.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE_RE.sub("\ufffd", text)
    return text


def scrub_deep(value: T) -> T:
    """``value`` (dataclasses, tuples, lists, dicts of them) with every string scrubbed; unchanged parts are
    returned as they are, so a clean value costs one pass and no copies."""
    if isinstance(value, str):
        return scrub(value)  # type: ignore[return-value]
    if isinstance(value, tuple | list):
        items = [scrub_deep(v) for v in value]
        if all(a is b for a, b in zip(items, value, strict=True)):
            return value
        return type(value)(items)  # type: ignore[return-value]
    if isinstance(value, dict):
        pairs = [(scrub_deep(k), scrub_deep(v)) for k, v in value.items()]
        if all(a is k and b is v for (a, b), (k, v) in zip(pairs, value.items(), strict=True)):
            return value
        return dict(pairs)  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            if not f.init:
                continue
            old = getattr(value, f.name)
            new = scrub_deep(old)
            if new is not old:
                changes[f.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value


def encode_text(text: str) -> bytes:
    return scrub(text).encode("utf-8")


def same_file(a: str | Path, b: str | Path) -> bool:
    """True when both names are the same existing file (through links, ``..`` or hard links)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def refuse_inputs(target: str | Path, inputs: Iterable[str | Path]) -> None:
    """``WriteFailed`` when ``target`` is one of the files this run reads: an input is never overwritten."""
    for source in inputs:
        if same_file(target, source):
            raise WriteFailed(target, f"it is an input of this run ({source}); choose another output name")


def temp_path_beside(target: Path, suffix: str) -> Path:
    return target.with_name(f".{target.name}.{secrets.token_hex(8)}.{suffix}")


def _is_temp_of(name: str, target: Path) -> bool:
    prefix = f".{target.name}."
    if not name.startswith(prefix):
        return False
    token, _, suffix = name[len(prefix) :].partition(".")
    return suffix in TEMP_SUFFIXES and len(token) in (8, 16) and all(c in "0123456789abcdef" for c in token)


def remove_stale_temps(target: Path) -> int:
    """Remove the temporary files of earlier writes to ``target`` that no live writer holds; how many."""
    removed = 0
    try:
        names = os.listdir(target.parent)
    except OSError:
        return 0
    for name in names:
        if _is_temp_of(name, target):
            with contextlib.suppress(OSError):
                if _stale(target.parent / name):
                    os.unlink(target.parent / name)
                    removed += 1
    return removed


def _stale(path: Path) -> bool:
    info = os.lstat(path)
    if not stat.S_ISREG(info.st_mode):
        return True  # a link or anything else at a temporary name was planted; no writer of ours made it
    if fcntl is None:  # pragma: no cover - Windows
        return time.time() - info.st_mtime > STALE_AFTER_S
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # a live writer holds it
    finally:
        os.close(fd)
    return True


def create_temp(target: Path, suffix: str = "tmp") -> tuple[Path, int]:
    """A new, empty temporary file beside ``target`` (exclusive, no links followed), locked; (path, fd)."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    for _ in range(3):  # a taken random name is astronomically unlikely; try a fresh one, then give up
        tmp = temp_path_beside(target, suffix)
        try:
            # mode 0o666 so the umask decides, like any other new file
            fd = os.open(tmp, flags, 0o666)
        except FileExistsError:
            continue
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return tmp, fd
    raise FileExistsError(errno.EEXIST, "temporary names taken", str(target))


def fsync_path(path: Path, *, directory: bool = False) -> None:
    """Flush a file, or a folder's entries after a rename, to the disk (folders cannot be opened on Windows)."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) if directory else os.O_RDONLY
    try:
        fd = os.open(path, flags)
    except OSError:
        if directory:
            return
        raise
    try:
        os.fsync(fd)
    except OSError:
        if not directory:  # some filesystems refuse fsync on a folder; the file itself is what matters
            raise
    finally:
        os.close(fd)


def check_target(target: Path) -> None:
    """The target may be a new name, a regular file or a link (replaced, never followed); not a folder."""
    with contextlib.suppress(FileNotFoundError):
        if stat.S_ISDIR(os.lstat(target).st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(target))


def copy_mode(target: Path, tmp: Path) -> None:
    """A replaced regular file keeps its permissions (a replaced link's target is never looked at)."""
    with contextlib.suppress(FileNotFoundError):
        info = os.lstat(target)
        if stat.S_ISREG(info.st_mode):
            os.chmod(tmp, stat.S_IMODE(info.st_mode))


@contextlib.contextmanager
def replacing(target: str | Path, *, suffix: str = "tmp") -> Iterator[tuple[Path, int]]:
    """``with replacing(path) as (tmp, fd):`` fill ``tmp`` (via ``fd`` or by name); on a clean exit it is
    fsynced and renamed over ``path``; on any exception it is removed and ``path`` is untouched.

    Errors are raised as they come (the caller words them); ``fd`` is closed by this context.
    """
    target = Path(target)
    check_target(target)
    remove_stale_temps(target)
    tmp, fd = create_temp(target, suffix)
    done = False
    try:
        yield tmp, fd
        os.fsync(fd)
        copy_mode(target, tmp)
        os.replace(tmp, target)
        done = True
        fsync_path(target.parent, directory=True)
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)
        if not done:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def write_file(
    target: str | Path,
    content: bytes | str | Callable[[BinaryIO], None],
    *,
    inputs: Iterable[str | Path] = (),
) -> Path:
    """Replace ``target`` with ``content`` (bytes, text as UTF-8, or a function writing to a binary file).

    Raises ``WriteFailed`` (one line: the file and the reason) and leaves ``target`` as it was on any failure:
    a full disk, a read-only folder, a folder at that name, or a name that is an input of this run.
    """
    target = Path(target)
    refuse_inputs(target, inputs)
    try:
        data = encode_text(content) if isinstance(content, str) else content
        with replacing(target) as (_tmp, fd), os.fdopen(os.dup(fd), "wb") as f:
            if callable(data):
                data(f)
            else:
                f.write(data)
            f.flush()
    except WriteFailed:
        raise
    except (OSError, UnicodeError, ValueError) as exc:
        raise WriteFailed(target, describe(exc)) from None
    return target
