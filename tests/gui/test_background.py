"""The background-operation helper: results on the main thread, progress, cancel, errors."""

from __future__ import annotations

import threading

from compare.gui.qt import QPushButton, QThreadPool
from compare.gui.work.background import Op, SyncExecutor, error_text
from compare.model import Cancelled, InputError, Progress


def test_sync_executor_delivers_result(qtbot):
    got = []
    op = Op(parent=None, work=lambda progress, cancel: 41 + 1, success=got.append, executor=SyncExecutor())
    with qtbot.waitSignal(op.finished, timeout=5000) as blocker:
        op.run()
    assert got == [42]
    assert blocker.args == [42, None]


def test_worker_thread_can_be_cancelled(qtbot):
    """A real worker thread polls should_cancel; Cancel ends it with Cancelled and no success call."""
    started = threading.Event()
    got = []

    def work(progress, should_cancel):
        started.set()
        n = 0
        while not should_cancel():  # busy work, no sleeping: the engine polls the same way
            n += 1
            progress(Progress(n % 100, 100, "working"))
        raise Cancelled("stopped")

    pool = QThreadPool()
    op = Op(parent=None, work=work, success=got.append, executor=pool).with_progress("Testing…")
    with qtbot.waitSignal(op.finished, timeout=10_000) as blocker:
        op.run()
        assert started.wait(5)
        assert op.dialog is not None
        button = op.dialog.findChild(QPushButton)
        assert button is not None and button.text() == "Cancel"
        button.click()  # the Cancel button of the progress dialog
    assert got == []
    assert isinstance(blocker.args[1], Cancelled)
    pool.waitForDone(5000)


def test_align_operation_is_cancellable(qtbot, comparison):
    from compare.gui.work.jobs import align_documents
    from compare.model import AlignSettings

    got = []
    op = align_documents(
        parent=None,
        documents=comparison.documents,
        settings=AlignSettings(),
        previous=None,
        success=got.append,
        executor=SyncExecutor(),
    )
    op.cancel()  # cancelled before the engine starts: it must stop at its first check
    with qtbot.waitSignal(op.finished, timeout=10_000) as blocker:
        op.run()
    assert got == []
    assert isinstance(blocker.args[1], Cancelled)


def test_failure_goes_to_failure_callback(qtbot):
    errors = []

    def work(progress, cancel):
        raise InputError("empty.txt is empty")

    op = Op(parent=None, work=work, executor=SyncExecutor()).failure(errors.append)
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.run()
    assert len(errors) == 1 and error_text(errors[0]) == "empty.txt is empty"


def test_unexpected_error_shows_a_dialog(qtbot, messages):
    def work(progress, cancel):
        raise RuntimeError("boom")

    op = Op(parent=None, work=work, executor=SyncExecutor())
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.run()
    assert messages and "boom" in messages[-1][1]


def test_void_qt_calls_do_not_exhaust_none():
    """PySide6 6.12 on Python 3.11 drops a reference to None per void call; the guard keeps the app alive.

    Whichever PySide6 is installed, the guard's measurement must agree with an independent one, and
    20,000 void calls (seconds of painting) must leave None's count far from zero.
    """
    import sys

    from compare.gui import _none_guard
    from compare.gui.qt import void_qt_call

    before = sys.getrefcount(None)
    for _ in range(1000):
        void_qt_call()
    measured_leak = sys.getrefcount(None) < before - 500
    assert _none_guard.leaks_none(void_qt_call) is measured_leak
    # compare.gui.qt applied the margin on import exactly when the leak is there (3.12+ makes None immortal)
    assert _none_guard.protect(void_qt_call) is (measured_leak and sys.version_info < (3, 12))
    for _ in range(20_000):
        void_qt_call()
    assert sys.getrefcount(None) > 1_000_000 or not measured_leak
