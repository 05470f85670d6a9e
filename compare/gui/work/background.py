"""The one background-operation helper (cf. Anki's ``QueryOp``, Picard's ``run_task``).

``Op(parent=..., work=fn, success=cb).with_progress("Aligning…").failure(cb).run()`` runs
``fn(progress, should_cancel)`` on a worker thread; ``success(result)`` or ``failure(error)`` runs back on
the main thread. Progress and cancel are plain data (habit 6): the worker writes the latest ``Progress``
into the op, a main-thread timer copies it into a progress dialog that appears only after a short delay,
and Cancel sets a flag that the engine polls and answers with ``Cancelled``.

Tests inject ``SyncExecutor`` so that work runs inline and no test ever sleeps.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any, Protocol

from compare.gui.qt import (
    QEventLoop,
    QMessageBox,
    QObject,
    QProgressDialog,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    QWidget,
    Signal,
)
from compare.model import Cancelled, CompareError, Progress

Work = Callable[[Callable[[Progress], None], Callable[[], bool]], Any]

SHOW_AFTER_MS = 600


class Executor(Protocol):
    def start(self, runnable: QRunnable) -> None: ...


class SyncExecutor:
    """Runs work inline on the calling thread (tests; Picard's ``FakeThreadPool``)."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()


_default_executor: Executor | None = None


def set_default_executor(executor: Executor | None) -> None:
    global _default_executor
    _default_executor = executor


def default_executor() -> Executor:
    return _default_executor or QThreadPool.globalInstance()


_io_pool: list[QThreadPool] = []


def io_executor() -> Executor:
    """One worker thread for everything that reads or writes project files (open, save, autosave), so they
    run off the GUI thread, in the order asked, and never two at once on the same file."""
    if _default_executor is not None:
        return _default_executor
    if not _io_pool:
        pool = QThreadPool()
        pool.setMaxThreadCount(1)
        _io_pool.append(pool)
    return _io_pool[0]


def wait_io(timeout_ms: int = 60_000) -> None:
    """Let queued file work finish (at exit): a save is never cut off because the window closed."""
    if _io_pool:
        _io_pool[0].waitForDone(timeout_ms)


def wait_for(op: Op) -> None:
    """Run the event loop (the window stays painted, its progress dialog shows) until ``op`` has ended."""
    if not op.running:
        return

    loop = QEventLoop()
    op.finished.connect(loop.quit)
    if op.running:
        loop.exec()


class _Runnable(QRunnable):
    def __init__(self, op: Op) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._op = op

    def run(self) -> None:
        op = self._op
        try:
            result = op._work(op._report, op.should_cancel)
        except Cancelled as exc:
            op._signals.done.emit(None, exc)
        except BaseException as exc:  # noqa: BLE001 - reported on the main thread, never swallowed silently
            if not isinstance(exc, CompareError):
                exc.__notes__ = [*getattr(exc, "__notes__", []), traceback.format_exc()]
            if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                raise
            op._signals.done.emit(None, exc)
        else:
            op._signals.done.emit(result, None)


class _Signals(QObject):
    done = Signal(object, object)  # (result, error)


class Op(QObject):
    """One piece of long work. Emits ``finished(result, error)`` on the main thread when it ends."""

    finished = Signal(object, object)

    def __init__(
        self,
        *,
        parent: QWidget | None,
        work: Work,
        success: Callable[[Any], None] | None = None,
        executor: Executor | None = None,
    ) -> None:
        super().__init__(parent)
        self._parent_widget = parent
        self._work = work
        self._success = success
        self._failure: Callable[[BaseException], None] | None = None
        self._on_cancel: Callable[[], None] | None = None
        self._label = ""
        self._cancellable = True
        self._executor = executor
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._latest: Progress | None = None
        self._dialog: QProgressDialog | None = None
        self._timer: QTimer | None = None
        self._signals = _Signals()
        self._signals.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self.running = False

    # configuration (fluent)
    def with_progress(self, label: str, *, cancellable: bool = True) -> Op:
        self._label = label
        self._cancellable = cancellable
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op:
        self._failure = callback
        return self

    def on_cancel(self, callback: Callable[[], None]) -> Op:
        """Runs on the main thread when the work stopped because the person pressed Cancel."""
        self._on_cancel = callback
        return self

    # worker side
    def _report(self, progress: Progress) -> None:
        with self._lock:
            self._latest = progress

    def should_cancel(self) -> bool:
        return self._cancel.is_set()

    # main-thread side
    def cancel(self) -> None:
        self._cancel.set()
        if self._dialog is not None:
            self._dialog.setLabelText("Stopping…")

    @property
    def progress(self) -> Progress | None:
        with self._lock:
            return self._latest

    @property
    def dialog(self) -> QProgressDialog | None:
        return self._dialog

    def run(self) -> Op:
        self.running = True
        if self._label:
            self._dialog = QProgressDialog(self._label, "Cancel", 0, 0, self._parent_widget)
            self._dialog.setWindowTitle("Narrative Compare")
            self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self._dialog.setMinimumDuration(SHOW_AFTER_MS)
            self._dialog.setAutoClose(False)
            self._dialog.setAutoReset(False)
            self._dialog.setAccessibleName("Progress of " + self._label)
            self._dialog.canceled.connect(self.cancel)
            if not self._cancellable:  # e.g. a save: stopping half-way would only throw the work away
                self._dialog.setCancelButton(None)
            self._timer = QTimer(self)
            self._timer.setInterval(100)
            self._timer.timeout.connect(self._poll)
            self._timer.start()
        # Queued connection: even with the synchronous executor, results arrive via the event loop, so the
        # caller always sees the same order of events (run() returns before success/failure run).
        (self._executor or default_executor()).start(_Runnable(self))
        return self

    def _poll(self) -> None:
        p = self.progress
        if self._dialog is None or p is None or self._cancel.is_set():
            return
        self._dialog.setMaximum(max(p.total, 0))
        self._dialog.setValue(min(p.done, p.total) if p.total else 0)
        if p.label:
            self._dialog.setLabelText(f"{self._label}\n{p.label}")

    def _on_done(self, result: object, error: object) -> None:
        self.running = False
        if self._timer is not None:
            self._timer.stop()
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self.cancel)
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        try:
            if error is None:
                if self._success is not None:
                    self._success(result)
            elif isinstance(error, Cancelled):
                if self._on_cancel is not None:  # the user asked for it: no error, only the callback
                    self._on_cancel()
            elif self._failure is not None:
                self._failure(error)  # type: ignore[arg-type]
            else:
                show_error(self._parent_widget, error)  # type: ignore[arg-type]
        finally:
            self.finished.emit(result, error)
            self.deleteLater()


def error_text(error: BaseException) -> str:
    """One clear line for the user; a traceback only for errors the user cannot cause."""
    if isinstance(error, CompareError):
        return str(error) or type(error).__name__
    return f"Unexpected error: {type(error).__name__}: {error}"


def show_error(parent: QWidget | None, error: BaseException, title: str = "Narrative Compare") -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, error_text(error), QMessageBox.StandardButton.Ok, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    notes = getattr(error, "__notes__", None)
    if notes and not isinstance(error, CompareError):
        box.setDetailedText("\n".join(notes))
    box.exec()
