"""Crash safety: every comparison with unsaved changes is autosaved, from its first change.

A comparison with a project file autosaves into that file's journal (``war.ncproj.autosave``); one never
saved autosaves into a recovery folder in the app's data directory (``store.RecoveryFolder``). Writes run
on the one file thread (``background.io_executor``), never on the GUI thread, in order with saves and opens. When
a project is opened and a newer journal exists, or the app starts and finds the autosave of a session that
ended without saving, the user is offered to recover it (the store owns the journal's format).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from compare.gui.qt import QMessageBox, QObject, QStandardPaths, QTimer, QWidget
from compare.gui.session import Session
from compare.gui.work.background import Executor, Op, io_executor
from compare.model import CompareError, Comparison

INTERVAL_MS = 60_000
FIRST_CHANGE_MS = 3_000  # the first change is autosaved soon, not only at the next full minute


def default_recovery_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".narrative-compare") / "recovery"


class AutosaveController(QObject):
    def __init__(
        self,
        window: QWidget,
        session: Session,
        *,
        author: str = "",
        interval_ms: int = INTERVAL_MS,
        executor: Executor | None = None,
        recovery_dir: Path | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.author = author
        self.executor = executor
        self.last_error: str = ""
        self.embeddings = lambda: None  # the window points it at the project's embedding cache
        self._recovery_dir = recovery_dir
        self._folder = None  # store.RecoveryFolder, made when first needed
        self.session_id = ""
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.setInterval(min(FIRST_CHANGE_MS, interval_ms))
        self.soon.timeout.connect(self.tick)
        session.dirtyChanged.connect(self._on_dirty_changed)

    # where
    @property
    def recovery_dir(self) -> Path:
        if self._recovery_dir is None:
            self._recovery_dir = default_recovery_dir()
        return self._recovery_dir

    @recovery_dir.setter
    def recovery_dir(self, folder: Path) -> None:
        self._recovery_dir = folder
        self._folder = None

    def folder(self):
        from compare import store  # lazy: start-up time

        if self._folder is None:
            self._folder = store.RecoveryFolder(self.recovery_dir)
        return self._folder

    def _recovery_target(self) -> Path:
        folder = self.folder()
        if not self.session_id:
            self.session_id = folder.new_id()
        folder.hold(self.session_id)
        return folder.journal(self.session_id).project

    # writing
    def _on_dirty_changed(self) -> None:
        s = self.session
        if s.dirty and not self.soon.isActive():
            self.soon.start()
        if (not s.dirty or s.path is not None) and self.session_id:
            self.discard_recovery()  # saved (or back to a saved state): the recovery copy is not needed

    def tick(self) -> bool:
        """Queues an autosave if there is something unsaved; True when one was queued."""
        s = self.session
        if not s.dirty:
            return False
        from compare import store  # lazy: start-up time

        try:
            target = s.path if s.path is not None else self._recovery_target()
        except OSError as exc:
            self._failed(exc)
            return False
        comparison, author, embeddings = s.comparison, self.author, self.embeddings()

        def work(_progress, _should_cancel) -> None:
            store.autosave(target, comparison, author=author, embeddings=embeddings)

        op = Op(parent=self.window, work=work, success=self._written, executor=self._executor())
        op.failure(self._failed).run()
        return True

    def _executor(self) -> Executor:
        return self.executor if self.executor is not None else io_executor()

    def _written(self, _result: object) -> None:
        self.last_error = ""

    def _failed(self, exc: BaseException) -> None:
        if str(exc) != self.last_error:  # say it once, not every minute
            self.last_error = str(exc)
            self.window.statusBar().showMessage(f"Autosave failed: {exc}", 10_000)

    def _run_io(self, work) -> None:
        """Run small file work on the file thread, after any autosave already queued there."""
        Op(parent=self.window, work=lambda _p, _c: work(), executor=self._executor()).failure(
            lambda _exc: None
        ).run()

    def discard(self) -> None:
        """The user chose to throw the unsaved changes away: no autosave of them is kept."""
        path = self.session.path
        if path is not None:
            from compare import store  # lazy: start-up time

            self._run_io(lambda: store.discard_autosave(path))
        self.discard_recovery()

    def discard_recovery(self) -> None:
        if not self.session_id:
            return
        session_id, folder = self.session_id, self.folder()
        self.session_id = ""
        self._run_io(lambda: folder.release(session_id, discard=True))

    # recovering
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
            from compare import store  # lazy: start-up time

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

    def ask_recover_unsaved(self, comparison: Comparison, when: datetime) -> bool:
        titles = ", ".join(d.title or d.id for d in comparison.documents[:3])
        more = f" and {len(comparison.documents) - 3} more" if len(comparison.documents) > 3 else ""
        answer = QMessageBox.question(
            self.window,
            "Recover an unsaved comparison?",
            f"A comparison that was never saved was autosaved at {when:%Y-%m-%d %H:%M} "
            f"(the app may have closed unexpectedly): {titles}{more}. Recover it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def offer_unsaved_recovery(self) -> Comparison | None:
        """At start-up: the autosave of an unsaved comparison whose session ended, if the user wants it.

        A recovered comparison keeps autosaving into the same recovery file; declined ones are removed.
        """
        try:
            pending = self.folder().pending()
        except OSError:
            return None
        for item in pending:
            try:
                comparison = item.recover()
            except (CompareError, OSError) as exc:
                self.window.statusBar().showMessage(f"An autosave could not be read: {exc}", 10_000)
                self.folder().release(item.session_id, discard=True)
                continue
            if comparison is None:
                continue
            if self.ask_recover_unsaved(comparison, datetime.fromtimestamp(item.mtime_ns / 1e9)):
                if self.folder().hold(item.session_id):
                    self.session_id = item.session_id
                return comparison
            self.folder().release(item.session_id, discard=True)
        return None
