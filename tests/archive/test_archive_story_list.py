"""The app opens an archive's OUT/: the story list, and a double-click opens that story's comparison."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from planted_archive import planted_archive, write_jsonl

pytest.importorskip(
    "distributed", reason="the 'archive' extra is not installed (pip install -e '.[archive]')"
)

from compare.archive.grouping import GroupingSettings  # noqa: E402
from compare.archive.run import ArchiveOptions, run_archive  # noqa: E402
from compare.archive.stories import read_stories  # noqa: E402
from compare.gui.dialogs.stories_dialog import StoriesDialog, archive_folder  # noqa: E402


@pytest.fixture
def archive_out(tmp_path: Path) -> Path:
    records = [dict(r) for r in planted_archive(stories=4, per_story=(1, 4), seed=2).records]
    records[0]["title"] = "<b>bold?</b> title"
    path = write_jsonl(tmp_path / "a.jsonl", records)
    options = ArchiveOptions(workers=1, processes=False, grouping=GroupingSettings(link=0.35, average=0.3))
    run_archive(path, tmp_path / "out", options, err=io.StringIO())
    return tmp_path / "out"


def test_story_list_opens_a_story_project(qtbot, archive_out: Path) -> None:
    stories = read_stories(archive_out)
    opened: list[Path] = []
    dialog = StoriesDialog(archive_out, stories, opened.append)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(stories)
    titles = {dialog.table.item(r, 0).text() for r in range(len(stories))}
    assert titles == {s.title for s in stories}
    row = next(r for r in range(len(stories)) if dialog.story_at(r).project)
    dialog.table.cellDoubleClicked.emit(row, 0)
    assert opened == [archive_out / dialog.story_at(row).project]
    single = [r for r in range(len(stories)) if not dialog.story_at(r).project]
    for r in single:
        dialog.open_row(r)
    assert len(opened) == 1  # a single article has nothing to open
    assert (
        archive_folder([str(archive_out)]) == archive_out
        and archive_folder([str(archive_out.parent)]) is None
    )
