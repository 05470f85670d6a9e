"""GUI test fixtures: offscreen Qt, isolated settings, a synchronous executor, captured message boxes."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

import pytest  # noqa: E402
from fixture_data import build_comparison  # noqa: E402

from compare.gui.qt import QMessageBox, QSettings  # noqa: E402
from compare.gui.work.background import SyncExecutor  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory, qapp, monkeypatch):
    folder = tmp_path_factory.mktemp("settings")
    # The app's data folder (autosaves of unsaved comparisons) too: never the home folder of whoever runs us.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    qapp.setOrganizationName("NarrativeCompareTests")
    qapp.setApplicationName("tests")
    yield


@pytest.fixture
def comparison():
    return build_comparison()


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def messages(monkeypatch):
    """Message boxes are captured instead of blocking: a list of (title, text)."""
    seen: list[tuple[str, str]] = []

    def fake_exec(box):
        seen.append((box.windowTitle(), box.text()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda *a, **k: seen.append(("question", a[2])) or QMessageBox.StandardButton.Discard),
    )
    return seen


@pytest.fixture
def make_window(qtbot, settings, messages):
    from compare.gui.main_window import MainWindow

    def make(comp=None, *, resize=True, **kw):
        window = MainWindow(comp or build_comparison(), settings=settings, executor=SyncExecutor(), **kw)
        qtbot.addWidget(window)
        if resize:
            window.resize(1400, 850)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window):
    return make_window()
