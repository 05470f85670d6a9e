"""OUT's text files go through the program's one safe writer, so a killed run never leaves a half-written
one; and the temporary files a killed run leaves beside the projects are cleared before a resumed run."""

from __future__ import annotations

import contextlib
from pathlib import Path

from compare.safe_write import TEMP_SUFFIXES, write_file


def write_text_atomically(path: Path, text: str) -> None:
    """Temp file, fsync, rename (``compare.safe_write``); ``WriteFailed`` names the file and the reason."""
    write_file(path, text)


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
