"""Writing OUT's text files so that a killed run never leaves a half-written one: temp file, fsync, rename."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from compare.model import CompareError
from compare.store.atomic import describe, fsync_path, temp_path_beside

TEMP_SUFFIXES = ("writing", "saving", "bak")  # our own temporary names: .<name>.<hex>.<suffix>


def write_text_atomically(path: Path, text: str) -> None:
    tmp = temp_path_beside(path, "writing")
    try:
        with open(tmp, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        fsync_path(path.parent, directory=True)
    except (OSError, UnicodeError) as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise CompareError(f"{path}: not written: {describe(exc)}") from None


def remove_stale_temporaries(folder: Path) -> int:
    """Temporary files a killed run left behind (ours only: hidden, with our suffixes); how many."""
    removed = 0
    if not folder.is_dir():
        return 0
    for path in folder.iterdir():
        if path.name.startswith(".") and path.name.rsplit(".", 1)[-1] in TEMP_SUFFIXES and path.is_file():
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
    return removed
