"""Crash safety: while a project has unsaved edits, write its autosave journal every minute; when a project
is opened and a newer journal exists, offer to recover it (the store owns the journal's format)."""

from __future__ import annotations

from pathlib import Path

from compare.gui.qt import QMessageBox, QObject, QTimer, QWidget
from compare.gui.session import Session
from compare.model import CompareError, Comparison

INTERVAL_MS = 60_000


class AutosaveController(QObject):
    def __init__(
        self, window: QWidget, session: Session, *, author: str = "", interval_ms: int = INTERVAL_MS
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.author = author
        self.last_error: str = ""
        self.embeddings = lambda: None  # the window points it at the project's embedding cache
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> bool:
        """Writes the journal if there is something unsaved; True when written."""
        s = self.session
        if s.path is None or not s.dirty:
            return False
        try:
            from compare import store

            store.autosave(s.path, s.comparison, author=self.author, embeddings=self.embeddings())
        except (CompareError, OSError) as exc:
            if str(exc) != self.last_error:  # say it once, not every minute
                self.last_error = str(exc)
                self.window.statusBar().showMessage(f"Autosave failed: {exc}", 10_000)
            return False
        self.last_error = ""
        return True

    def discard(self) -> None:
        if self.session.path is not None:
            try:
                from compare import store

                store.discard_autosave(self.session.path)
            except (CompareError, OSError):
                pass

    def ask_recover(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self.window,
            "Recover unsaved edits?",
            f"{path.name} has edits that were autosaved but never saved (the app may have closed unexpectedly). "
            "Recover them?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def offer_recovery(self, path: Path) -> Comparison | None:
        """The autosaved comparison if there is one and the user wants it; else None (journal discarded)."""
        try:
            from compare import store

            recovered = store.recover(path)
        except (CompareError, OSError) as exc:
            self.window.statusBar().showMessage(
                f"The autosave of {path.name} could not be read: {exc}", 10_000
            )
            return None
        if recovered is None:
            return None
        if self.ask_recover(path):
            return recovered
        store.discard_autosave(path)
        return None
