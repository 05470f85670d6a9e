"""An archive's OUT/ in the window: File ▸ Open archive stories, and a story's project opened from the list."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

pytest.importorskip(
    "distributed", reason="the 'archive' extra is not installed (pip install -e '.[archive]')"
)

from compare.archive.grouping import GroupingSettings  # noqa: E402
from compare.archive.run import ArchiveOptions, run_archive  # noqa: E402
from compare.gui.dialogs.stories_dialog import StoriesDialog, show_stories  # noqa: E402

ARTICLES = (
    '{"id": "a1", "outlet": "Coast News", "text": "Flooding closed the Ventor bridge and the Sunmar ferry on '
    'Tuesday, the Kalo Agency said. Repairs of the Ventor bridge will take three weeks."}\n'
    '{"id": "a2", "outlet": "Harbour Times", "text": "The Kalo Agency said flooding closed the Ventor bridge and '
    'the Sunmar ferry on Tuesday. Repairs of the bridge will take five weeks."}\n'
    '{"id": "b1", "outlet": "Coast News", "text": "The Ostmar library reopened after a year of building work, '
    'with a new reading room for children."}\n'
)


@pytest.fixture
def archive_out(tmp_path: Path) -> Path:
    (tmp_path / "a.jsonl").write_text(ARTICLES, encoding="utf-8")
    options = ArchiveOptions(workers=1, processes=False, grouping=GroupingSettings(link=0.3, average=0.2))
    run_archive(tmp_path / "a.jsonl", tmp_path / "out", options, err=io.StringIO())
    return tmp_path / "out"


def test_file_menu_offers_archive_stories(window) -> None:
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "Open a&rchive stories…" in texts


def test_double_click_opens_the_story_in_the_window(window, archive_out: Path, qtbot) -> None:
    dialog = show_stories(window, archive_out)
    assert isinstance(dialog, StoriesDialog)  # a child of the window: it goes with it
    row = next(r for r in range(dialog.table.rowCount()) if dialog.story_at(r).project)
    story = dialog.story_at(row)
    assert story.articles == ("a1", "a2") or story.articles == ("a2", "a1")
    dialog.table.cellDoubleClicked.emit(row, 0)
    op = window.files.last_op
    if op.running:
        qtbot.waitSignal(op.finished, timeout=20_000).wait()
    assert window.session.path == archive_out / story.project
    assert {d.outlet for d in window.session.comparison.documents} == {"Coast News", "Harbour Times"}


def test_a_folder_that_is_not_an_archive_says_so(window, tmp_path: Path, messages) -> None:
    (tmp_path / "stories.json").write_text('{"format": "something else"}', encoding="utf-8")
    assert show_stories(window, tmp_path) is None
    assert messages and "not a Narrative Compare archive index" in messages[-1][1]


def test_gui_with_an_archive_folder_shows_its_stories(archive_out: Path, messages, monkeypatch) -> None:
    from compare.gui import app
    from compare.gui.qt import QApplication

    monkeypatch.setattr(app, "make_app", lambda argv=(): QApplication.instance())
    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)
    assert app.main([str(archive_out)]) == 0
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, StoriesDialog) and w.isVisible()]
    assert [d.folder for d in shown] == [archive_out] and not messages
    for dialog in shown:
        dialog.parent().close()
