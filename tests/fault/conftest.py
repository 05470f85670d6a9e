"""Helpers of the fault-injection suite: the CLI as a separate process, small documents, and small or
read-only filesystems (a tmpfs, when this machine lets the tests mount one; otherwise those tests skip)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "resources" / "samples"
WORDS = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet")


def cli_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("PYTHONWARNINGS", None)
    return env


def cli_command(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "compare", *(str(a) for a in args)]


def run_cli(
    *args: str | Path, cwd: Path | None = None, timeout: float = 300, **kw
) -> subprocess.CompletedProcess:
    return subprocess.run(
        cli_command(*args), cwd=cwd, env=cli_env(), capture_output=True, text=True, timeout=timeout, **kw
    )


def stderr_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def assert_one_line_error(result: subprocess.CompletedProcess, *, status: int = 2) -> str:
    """Exactly one line on stderr, no traceback, the given exit status; returns the line."""
    lines = stderr_lines(result.stderr)
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr, result.stderr
    assert len(lines) == 1, result.stderr
    assert result.returncode == status, (result.returncode, result.stderr)
    return lines[0]


def write_docs(folder: Path, paragraphs: int = 4) -> tuple[Path, Path, Path]:
    """A base and two accounts of the same small story (numbers differ, so there is something to mark)."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = []
    for n, count in enumerate((12, 15, 12)):
        body = [f"The mayor said {count} people came to the square on Monday."]
        body += [
            f"Report {k}: the {WORDS[k % 10]} team counted {k + n} boats near the port."
            for k in range(paragraphs)
        ]
        texts.append("\n\n".join(body) + "\n")
    paths = tuple(folder / f"{name}.txt" for name in ("base", "one", "two"))
    for path, text in zip(paths, texts, strict=True):
        path.write_text(text, encoding="utf-8")
    return paths  # type: ignore[return-value]


def two_word_paragraphs(path: Path, count: int, seed: int) -> Path:
    """The issue's memory bomb: ``count`` paragraphs of two words each."""
    lines = (f"{WORDS[(k * seed) % 10]} {WORDS[(k * 7 + seed) % 10]}" for k in range(count))
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return path


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@contextlib.contextmanager
def mounted_tmpfs(size: str, *, read_only: bool = False) -> Iterator[Path]:
    """A fresh tmpfs of ``size`` (e.g. "256k"); skips the test when mounting is not allowed here."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root on Linux to mount a small tmpfs")
    point = Path("/tmp") / f"nc-fault-{uuid.uuid4().hex[:8]}"
    point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)], capture_output=True
    )
    if done.returncode != 0:
        point.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)
        with contextlib.suppress(OSError):
            point.rmdir()


def remount_read_only(point: Path) -> None:
    done = subprocess.run(["mount", "-o", "remount,ro", str(point)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot remount the tmpfs read-only here")


def fill_up(folder: Path) -> None:
    """Fill the filesystem of ``folder`` completely."""
    with contextlib.suppress(OSError), open(folder / "filler", "wb", buffering=0) as f:
        while True:
            f.write(b"x" * 4096)
            f.flush()
