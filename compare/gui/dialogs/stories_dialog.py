"""The stories of an archive folder (``narrative-compare archive`` OUT/): a list to choose one from.

Title, articles, outlets and differences found per story; a double-click (or Enter) opens that story's
project in the window. Reads ``stories.json`` through ``compare.archive.stories``, which needs no Dask.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from compare.archive.stories import Story, is_archive, read_stories
from compare.gui.qt import (
    QAbstractItemView,
    QAction,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from compare.gui.work.background import show_error
from compare.model import CompareError

COLUMNS = ("Story", "Articles", "Outlets", "Differences", "Not found somewhere")


class StoriesDialog(QDialog):
    def __init__(
        self, folder: Path, stories: list[Story], open_project: Callable[[Path], object], parent=None
    ):
        super().__init__(parent)
        self.folder = folder
        self.stories = stories
        self.open_project = open_project
        self.setWindowTitle(f"Stories in {folder.name}")
        self.resize(900, 520)
        compared = sum(1 for s in stories if s.project)
        note = QLabel(
            f"{len(stories):,} stories, {compared:,} with two or more articles. Double-click a story to open its "
            "comparison; single articles have nothing to compare."
        )
        note.setWordWrap(True)
        self.table = QTableWidget(len(stories), len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, story in enumerate(stories):
            self._fill(row, story)
        self.table.setSortingEnabled(True)
        self.table.cellDoubleClicked.connect(lambda row, _col: self.open_row(row))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Close
        )
        buttons.accepted.connect(lambda: self.open_row(self.table.currentRow()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def _fill(self, row: int, story: Story) -> None:
        # Text from the archive is untrusted: plain-text items, never rich text.
        values: tuple[object, ...] = (
            story.title,
            len(story.articles),
            ", ".join(story.outlets),
            story.differences if story.project else "",
            story.not_found if story.project else "",
        )
        for col, value in enumerate(values):
            item = QTableWidgetItem()
            if isinstance(value, int):
                item.setData(Qt.ItemDataRole.DisplayRole, value)
            else:
                item.setText(str(value))
            item.setData(Qt.ItemDataRole.UserRole, self.stories.index(story))
            if not story.project:
                item.setToolTip("a single article: nothing to compare")
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, col, item)

    def story_at(self, row: int) -> Story | None:
        item = self.table.item(row, 0) if row >= 0 else None
        return None if item is None else self.stories[item.data(Qt.ItemDataRole.UserRole)]

    def open_row(self, row: int) -> None:
        story = self.story_at(row)
        if story is None or not story.project:
            return
        path = self.folder / story.project
        if not path.is_file():
            show_error(self, CompareError(f"{path} is missing; run the archive again with --resume"))
            return
        self.open_project(path)
        self.accept()


def archive_folder(args: list[str]) -> Path | None:
    """The archive folder when the command line names one (``narrative-compare gui OUT/``)."""
    if len(args) == 1 and Path(args[0]).is_dir() and is_archive(args[0]):
        return Path(args[0])
    return None


def show_stories(window: QWidget, folder: Path) -> StoriesDialog | None:
    """Open the story list of ``folder`` over ``window``; a story opens through the window's file controller."""
    try:
        stories = read_stories(folder)
    except CompareError as exc:
        show_error(window, exc, "Narrative Compare: cannot open")
        return None
    dialog = StoriesDialog(folder, stories, lambda path: window.files.open_paths([path]), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def open_archive_action(window: QWidget) -> QAction:
    """File ▸ Open archive stories…: choose an OUT/ folder of ``narrative-compare archive``."""
    action = QAction("Open a&rchive stories…", window)
    action.setStatusTip("List the stories of a folder written by 'narrative-compare archive'")

    def choose() -> None:
        folder = QFileDialog.getExistingDirectory(window, "Open archive stories")
        if folder:
            show_stories(window, Path(folder))

    action.triggered.connect(choose)
    return action
