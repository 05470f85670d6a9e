"""A progress bar on stderr: stories done, rate, time left. Redrawn in place on a terminal; a line now and
then in a log file, so that a long run's log stays readable."""

from __future__ import annotations

import time
from typing import TextIO

LOG_EVERY_SECONDS = 10.0
WIDTH = 24


class ProgressBar:
    def __init__(self, total: int, stream: TextIO, *, label: str = "stories", clock=time.monotonic) -> None:
        self.total = total
        self.stream = stream
        self.label = label
        self.clock = clock
        self.started = clock()
        self.done = 0
        self.skipped = 0  # done before this run (--resume): not counted in the rate
        self._last = -LOG_EVERY_SECONDS
        self._tty = bool(getattr(stream, "isatty", lambda: False)())

    def advance(self, n: int = 1, *, skipped: bool = False) -> None:
        self.done += n
        if skipped:
            self.skipped += n
        now = self.clock()
        if self._tty or now - self._last >= LOG_EVERY_SECONDS or self.done >= self.total:
            self._last = now
            self._draw(now)

    def line(self, now: float | None = None) -> str:
        now = self.clock() if now is None else now
        elapsed = max(now - self.started, 1e-9)
        worked = self.done - self.skipped
        rate = worked / elapsed
        left = self.total - self.done
        eta = _clock(left / rate) if rate > 0 else "?"
        filled = int(WIDTH * self.done / self.total) if self.total else WIDTH
        bar = "#" * filled + "-" * (WIDTH - filled)
        return f"[{bar}] {self.done:,}/{self.total:,} {self.label}  {rate:.1f}/s  ETA {eta}"

    def finish(self) -> None:
        if self._tty:
            self.stream.write("\n")
            self.stream.flush()

    def _draw(self, now: float) -> None:
        text = self.line(now)
        self.stream.write(f"\r{text}\x1b[K" if self._tty else text + "\n")
        self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
