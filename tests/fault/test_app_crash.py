"""The app's reported crash, replayed in a separate process (a segmentation fault would end pytest itself):
select a claim in the claims table, Ctrl+L (Link to), Ctrl+F and type until the selected row is filtered out.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from tests.fault.conftest import REPO, cli_env

pytest.importorskip("PySide6.QtWidgets", reason="the app needs PySide6")
pytestmark = pytest.mark.gui

SCRIPT = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[1])
    from fixture_data import build_comparison
    from PySide6.QtTest import QTest
    from compare.gui.actions import Act
    from compare.gui.qt import QApplication, QSettings
    from compare.gui.main_window import MainWindow
    from compare.gui.work.background import SyncExecutor

    app = QApplication([])
    window = MainWindow(build_comparison(), settings=QSettings(sys.argv[2], QSettings.Format.IniFormat),
                        executor=SyncExecutor())
    window.autosave.recovery_dir = __import__("pathlib").Path(sys.argv[3])
    window.resize(1400, 850)
    window.show()
    panel = window.claims_panel
    window.tabs.setCurrentWidget(panel)
    panel.table.setFocus()
    panel.table.selectRow(0)
    link_to = window.actions[Act.LINK_PICK]  # link by clicking: the mode that waits while the table filters
    assert link_to.shortcut().toString() == "Ctrl+Shift+K"
    link_to.trigger()  # what Ctrl+L does (offscreen windows get no shortcut events)
    assert window.edits.pending_link is not None, "Link to did not start"
    window._find()  # what Ctrl+F does
    for word in sys.argv[4:]:
        panel.search.clear()
        for ch in word:
            QTest.keyClick(panel.search, ch)
            app.processEvents()
    print("survived", panel.proxy.rowCount(), flush=True)
    """
)


def test_filtering_out_the_selected_row_in_link_mode_does_not_crash(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(REPO / "tests" / "gui"), str(tmp_path / "s.ini"),
         str(tmp_path / "recovery"), "Volunteers", "convoy", "Relief", "zzz", "the"],
        env=cli_env(), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])
    assert "survived" in result.stdout


EDIT_THEN_DIE = textwrap.dedent(
    """
    import os, signal, sys, time
    sys.path.insert(0, sys.argv[1])
    from fixture_data import build_comparison
    from compare.gui.qt import QApplication, QSettings
    from compare.gui.main_window import MainWindow

    app = QApplication([])
    app.setOrganizationName("NarrativeCompareFault")
    app.setApplicationName("fault")
    window = MainWindow(build_comparison(), settings=QSettings(sys.argv[2], QSettings.Format.IniFormat))
    window.show()
    window.edits.set_note("d0:c1", "check", "call the ministry")  # the comparison was never saved
    folder = window.autosave.recovery_dir
    deadline = time.monotonic() + 60
    while not list(folder.glob("*.ncproj.autosave")) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.05)
    print("autosaved", folder, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)

NEXT_START = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[1])
    from fixture_data import build_comparison
    from compare.gui.qt import QApplication, QSettings
    from compare.gui.main_window import MainWindow

    app = QApplication([])
    app.setOrganizationName("NarrativeCompareFault")
    app.setApplicationName("fault")
    window = MainWindow(build_comparison(), settings=QSettings(sys.argv[2], QSettings.Format.IniFormat))
    window.autosave.ask_recover_unsaved = lambda comparison, when: True
    print("recovered", window.recover_if_needed(unsaved=True), flush=True)
    print("notes", [a.note for a in window.session.comparison.annotations], flush=True)
    """
)


def test_an_unsaved_comparison_survives_kill_9_of_the_app_and_is_offered_at_the_next_start(tmp_path):
    env = cli_env() | {"XDG_DATA_HOME": str(tmp_path / "data")}
    args = [str(REPO / "tests" / "gui"), str(tmp_path / "s.ini")]
    first = subprocess.run([sys.executable, "-c", EDIT_THEN_DIE, *args], env=env, capture_output=True,
                           text=True, timeout=120)  # fmt: skip
    assert first.returncode == -9 and "autosaved" in first.stdout, (first.returncode, first.stderr[-2000:])
    second = subprocess.run([sys.executable, "-c", NEXT_START, *args], env=env, capture_output=True,
                            text=True, timeout=120)  # fmt: skip
    assert second.returncode == 0, second.stderr[-2000:]
    assert "recovered True" in second.stdout and "call the ministry" in second.stdout, second.stdout
