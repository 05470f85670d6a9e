"""The main window: toolbar, texts side by side with bands, claims table / coverage matrix below, legend and
details on the right. Controllers for files and edits live in their own modules; this file only arranges."""

from __future__ import annotations

import html
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from compare.gui.actions import Act, create_actions
from compare.gui.controllers.autosave import AutosaveController
from compare.gui.controllers.edit_controller import EditController
from compare.gui.controllers.file_controller import FileController
from compare.gui.dialogs import stories_dialog
from compare.gui.dialogs.basic import show_about, show_shortcuts
from compare.gui.qt import (
    QAction,
    QCheckBox,
    QCloseEvent,
    QComboBox,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QLabel,
    QMainWindow,
    QMessageBox,
    QRect,
    QSettings,
    QSplitter,
    Qt,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from compare.gui.resources import app_icon
from compare.gui.session import Session
from compare.gui.views.claims_table import ClaimsPanel
from compare.gui.views.compare_view import CompareView
from compare.gui.views.coverage import CoverageView
from compare.gui.views.details import DetailsPanel
from compare.gui.views.legend import Legend
from compare.gui.views.review_bar import ReviewBar, kind_words
from compare.gui.views.theme import apply_theme
from compare.gui.views.threshold import ThresholdControl, threshold_words
from compare.gui.work.background import Executor
from compare.model import Comparison, Relation
from compare.review.navigation import long_name, short_name
from compare.review.queue import Kind

if TYPE_CHECKING:
    from compare.store import ProjectEmbeddingCache


def semantic_requirement() -> str:
    """What the semantic box needs, for its tooltip (a packaged app cannot pip-install anything)."""
    if getattr(sys, "frozen", False):
        return "Built into this app, unless it was built with NC_SEMANTIC=0 (see docs/packaging.md)."
    return "On by default; if its model cannot load, claims are matched by wording only and the status bar says so."


# The largest size a first window takes, and what window decorations usually add around it.
PREFERRED_SIZE = (1600, 1000)
FRAME_ALLOWANCE = (16, 40)


def initial_geometry(available: QRect) -> QRect:
    """A first window: the preferred size or the whole available screen if smaller, centred on it."""
    w = min(PREFERRED_SIZE[0], available.width() - FRAME_ALLOWANCE[0])
    h = min(PREFERRED_SIZE[1], available.height() - FRAME_ALLOWANCE[1])
    x = available.x() + (available.width() - w) // 2
    y = available.y() + max((available.height() - h - FRAME_ALLOWANCE[1]) // 2, 0) + FRAME_ALLOWANCE[1] // 2
    return QRect(x, y, w, h)


def clamp_geometry(geometry: QRect, available: QRect) -> QRect:
    """A remembered geometry made to fit the screen it opens on (it may come from a bigger monitor)."""
    w = min(geometry.width(), available.width() - FRAME_ALLOWANCE[0])
    h = min(geometry.height(), available.height() - FRAME_ALLOWANCE[1])
    x = min(max(geometry.x(), available.x()), available.right() + 1 - w)
    y = min(max(geometry.y(), available.y()), available.bottom() + 1 - h)
    return QRect(x, y, w, h)


class MainWindow(QMainWindow):
    def __init__(
        self,
        comparison: Comparison,
        *,
        path: Path | None = None,
        settings: QSettings | None = None,
        executor: Executor | None = None,
        author: str = "",
        embeddings: ProjectEmbeddingCache | None = None,
    ) -> None:
        """``embeddings``: the claim embeddings read from ``path`` (a ``store.ProjectEmbeddingCache``)."""
        super().__init__()
        self.settings = settings if settings is not None else QSettings()
        self.session = Session(comparison, path, self)
        self.actions = create_actions(self)
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.setObjectName("MainWindow")
        self.files = FileController(
            self,
            self.session,
            self.actions,
            self.settings,
            executor=executor,
            author=author,
            embeddings=embeddings,
        )
        self.edits = EditController(self, self.session, self.actions, author=author)
        self.autosave = AutosaveController(self, self.session, author=author, executor=executor)
        self.files.recovery = self.autosave.offer_recovery
        self.autosave.embeddings = lambda: self.files.embeddings
        self._build_views()
        self._build_toolbar()
        self._build_menus()
        self._connect()
        self._restore()
        self.session.changed.connect(self._update_title)
        self.session.dirtyChanged.connect(self._update_title)
        self.session.changed.connect(self._update_status)
        self._update_title()
        self._update_status()
        self.statusBar().showMessage(
            "Click a claim to see how each account tells it · F8 / F7: next / previous difference · "
            "F1: all shortcuts",
            30_000,
        )

    # building
    def _build_views(self) -> None:
        s = self.session
        self.compare_view = CompareView(s, self)
        self.claims_panel = ClaimsPanel(s, self)
        self.coverage_view = CoverageView(s, self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Claims and coverage")
        self.tabs.addTab(self.claims_panel, "Claims")
        self.tabs.addTab(self.coverage_view, "Coverage matrix")
        self.tabs.setTabToolTip(0, "Every claim with its mark, score and counterpart (Ctrl+1)")
        self.tabs.setTabToolTip(1, "Which account carries each base claim (Ctrl+2)")
        self.v_split = QSplitter(Qt.Orientation.Vertical, self)
        self.v_split.setObjectName("v_split")
        self.v_split.addWidget(self.compare_view)
        self.v_split.addWidget(self.tabs)
        self.v_split.setStretchFactor(0, 3)
        self.v_split.setStretchFactor(1, 1)
        self.v_split.setChildrenCollapsible(False)

        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.legend = Legend(s, right)
        a = self.actions
        a[Act.NEXT_DIFF].setIconText("▼ Next difference")
        a[Act.NEXT_CHECK].setIconText("▼ Next to check")
        a[Act.MARK_CHECKED].setIconText("✓ Checked")
        self.review_bar = ReviewBar(s, [a[Act.NEXT_DIFF], a[Act.NEXT_CHECK], a[Act.MARK_CHECKED]], right)
        link_actions = [
            self.actions[a] for a in (Act.CONFIRM, Act.REJECT, Act.RELABEL, Act.UNLINK, Act.LINK, Act.NOTE)
        ]
        self.details = DetailsPanel(s, link_actions, right)
        self.details.link_requested = lambda first, second: self.edits.link(first, second)
        rl.addWidget(self.legend)
        rl.addWidget(self.review_bar)
        rl.addWidget(self.details, 1)
        self.h_split = QSplitter(Qt.Orientation.Horizontal, self)
        self.h_split.setObjectName("h_split")
        self.h_split.addWidget(self.v_split)
        self.h_split.addWidget(right)
        self.h_split.setStretchFactor(0, 4)
        self.h_split.setStretchFactor(1, 1)
        self.h_split.setChildrenCollapsible(False)
        self.setCentralWidget(self.h_split)

    def _build_toolbar(self) -> None:
        a = self.actions
        tb = QToolBar("Main", self)
        tb.setObjectName("main_toolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tb.setMovable(False)
        self.addToolBar(tb)
        # Only what a review needs often; the rest is in the menus, so that the bar fits 1280 px.
        tb.addAction(a[Act.OPEN])
        a[Act.SAVE].setIconText("Save")
        tb.addAction(a[Act.SAVE])
        tb.addSeparator()
        a[Act.PREV_DIFF].setIconText("▲ Previous")
        a[Act.NEXT_DIFF].setIconText("▼ Next difference")
        tb.addAction(a[Act.PREV_DIFF])
        tb.addAction(a[Act.NEXT_DIFF])
        tb.addSeparator()
        tb.addWidget(QLabel(" Compare with: ", self))
        self.focus_combo = QComboBox(self)
        self.focus_combo.setAccessibleName("Compare the base text with")
        self.focus_combo.setToolTip(
            "Marks on the base text are measured against this account (or all of them); the account is "
            "placed next to the base, so that its bands show what was compared"
        )
        self.focus_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.focus_combo.setMinimumContentsLength(14)
        tb.addWidget(self.focus_combo)
        tb.addSeparator()
        self.threshold = ThresholdControl(self)
        self.threshold_slider = self.threshold.slider
        self.threshold_label = self.threshold.label
        self.semantic_box = QCheckBox("Meaning (semantic)", self)
        self.semantic_box.setAccessibleName("Match claims by meaning")
        self.semantic_box.setToolTip(
            "Also match claims that say the same thing in other words (\u201cair strikes were halted\u201d / "
            "\u201cstopped bombing the city\u201d), with a sentence-embedding model.\n"
            "Runs offline, on this computer only; each claim is embedded once and kept in the project file.\n"
            f"{semantic_requirement()}\n"
            "Press Re-align (F5) to apply."
        )
        tb.addWidget(self.threshold)
        tb.addWidget(self.semantic_box)
        tb.addAction(a[Act.REALIGN])
        tb.addSeparator()
        a[Act.EXPORT_HTML].setIconText("Export report")
        tb.addAction(a[Act.EXPORT_HTML])
        self.toolbar = tb
        self.threshold_changed_externally(self.files.threshold)
        self.semantic_changed_externally(self.files.semantic)
        self._fill_focus()

    def _build_menus(self) -> None:
        a = self.actions
        mb = self.menuBar()
        m = mb.addMenu("&File")
        m.addAction(a[Act.OPEN])
        m.addMenu(self.files.recent_menu)
        m.addAction(a[Act.OPEN_SAMPLE])
        m.addAction(stories_dialog.open_archive_action(self))
        m.addAction(a[Act.PASTE])
        m.addSeparator()
        m.addAction(a[Act.SAVE])
        m.addAction(a[Act.SAVE_AS])
        m.addSeparator()
        for act in (Act.EXPORT_HTML, Act.EXPORT_PDF, Act.EXPORT_JSON, Act.EXPORT_CSV):
            m.addAction(a[act])
        m.addSeparator()
        m.addAction(a[Act.QUIT])
        m = mb.addMenu("&Edit")
        self.undo_action = self.session.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self.session.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)
        m.addAction(self.undo_action)
        m.addAction(self.redo_action)
        m.addSeparator()
        for act in (
            Act.CONFIRM,
            Act.REJECT,
            Act.RELABEL,
            Act.LINK,
            Act.LINK_PICK,
            Act.LINK_OFFER,
            Act.UNLINK,
            Act.NOTE,
            Act.MARK_CHECKED,
        ):
            m.addAction(a[act])
        self.cancel_link_action = QAction("Cancel linking", self)
        self.cancel_link_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.cancel_link_action.triggered.connect(self.edits.cancel_link)
        self.addAction(self.cancel_link_action)
        m = mb.addMenu("&View")
        for act in (Act.NEXT_DIFF, Act.PREV_DIFF, Act.NEXT_CHECK, Act.PREV_CHECK):
            m.addAction(a[act])
        m.addSeparator()
        for act in (Act.SYNC_SCROLL, Act.SHOW_CLAIMS, Act.SHOW_COVERAGE, Act.FIND):
            m.addAction(a[act])
        m.addSeparator()
        m.addAction(a[Act.REALIGN])
        m.addAction(a[Act.DARK])
        m = mb.addMenu("&Help")
        m.addAction(a[Act.SHORTCUTS])
        m.addAction(a[Act.ABOUT])

    def _connect(self) -> None:
        a = self.actions
        a[Act.NEXT_DIFF].triggered.connect(lambda: self.go_difference(1))
        a[Act.PREV_DIFF].triggered.connect(lambda: self.go_difference(-1))
        a[Act.NEXT_CHECK].triggered.connect(lambda: self.go_check(1))
        a[Act.LINK_OFFER].triggered.connect(self._link_offer)
        a[Act.PREV_CHECK].triggered.connect(lambda: self.go_check(-1))
        a[Act.SYNC_SCROLL].toggled.connect(self.compare_view.set_sync_scroll)
        a[Act.SHOW_CLAIMS].triggered.connect(lambda: self._show_tab(0))
        a[Act.SHOW_COVERAGE].triggered.connect(lambda: self._show_tab(1))
        a[Act.FIND].triggered.connect(self._find)
        a[Act.DARK].toggled.connect(self.set_dark)
        a[Act.ABOUT].triggered.connect(lambda: show_about(self))
        a[Act.SHORTCUTS].triggered.connect(lambda: show_shortcuts(self))
        a[Act.QUIT].triggered.connect(self.close)
        self.focus_combo.currentIndexChanged.connect(
            lambda i: self.session.set_focus(self.focus_combo.itemData(i))
        )
        self.threshold.valueChanged.connect(self._on_threshold)
        self.semantic_box.toggled.connect(self._on_semantic)
        self.session.changed.connect(self._fill_focus)

    # behaviour
    def recover_if_needed(self, *, unsaved: bool = False) -> bool:
        """At start-up: offers the autosaved edits of the project, if any, or with ``unsaved`` (the app
        started without files) the autosave of a comparison never saved. True when recovered."""
        path = self.session.path
        if path is not None:
            recovered = self.autosave.offer_recovery(path)
        else:
            recovered = self.autosave.offer_unsaved_recovery() if unsaved else None
        if recovered is None:
            return False
        self.session.replace(recovered, path, saved=False)
        return True

    def show_first_difference(self) -> str | None:
        """Selects the first claim that differs (else the first difference of any kind): on first launch the
        window opens on what the app is for."""
        c = self.session.comparison
        for claim in c.claims_of(c.base.id):
            for _other, link in c.counterparts(claim.id):
                if link.relation is Relation.CONTRADICT:
                    self.session.select_claim(claim.id, link.key)
                    return claim.id
        return self.go_difference(1)

    def go_difference(self, step: int) -> str | None:
        target = self.session.go_difference(step)
        if target is None:
            self.statusBar().showMessage(
                "No differences. Next to check (F6) leads through the rest of the review.", 4000
            )
        else:
            stops = self.session.stops()
            self.statusBar().showMessage(f"Difference {stops.index(target) + 1} of {len(stops)}", 4000)
        return target

    def go_check(self, step: int):
        item = self.session.go_check(step)
        if item is None:
            self.statusBar().showMessage("Everything after the differences is checked.", 4000)
        else:
            items = self.session.queue()
            todo = sum(1 for i in items if not i.checked and i.kind is not Kind.DIFFERENCE)
            words = kind_words(item.kind, self.session.focus).capitalize()
            self.statusBar().showMessage(f"{words}: {todo} left to check", 4000)
        return item

    def _link_offer(self) -> None:
        if not self.details.link_offer():
            self.statusBar().showMessage("No possible counterpart for the selected claim.", 4000)

    def _show_tab(self, i: int) -> None:
        self.tabs.setCurrentIndex(i)
        self.tabs.currentWidget().setFocus()

    def _find(self) -> None:
        self._show_tab(0)
        self.claims_panel.search.setFocus()
        self.claims_panel.search.selectAll()

    def set_dark(self, on: bool) -> None:
        apply_theme("dark" if on else "light")
        self.settings.setValue("dark", on)
        self.session.changed.emit()  # marks and bands pick up the new tints

    def _fill_focus(self) -> None:
        combo = self.focus_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("All accounts", None)
        for doc in self.session.comparison.accounts:
            combo.addItem(short_name(doc), doc.id)
        combo.setCurrentIndex(max(combo.findData(self.session.focus), 0))
        for i, doc in enumerate(self.session.comparison.accounts, start=1):
            combo.setItemData(i, html.escape(long_name(doc)), Qt.ItemDataRole.ToolTipRole)
        combo.blockSignals(False)

    def _on_threshold(self, value: float) -> None:
        self.files.choose_threshold(value)
        if abs(value - self.session.comparison.settings.threshold) > 1e-9:
            self.statusBar().showMessage(
                f"Press Re-align (F5) to link claims at threshold {value:.2f}.", 8000
            )
        self._update_status()

    def _on_semantic(self, on: bool) -> None:
        self.files.semantic = on
        if on != self.session.comparison.settings.semantic:
            how = "by meaning and wording" if on else "by wording only"
            self.statusBar().showMessage(f"Press Re-align (F5) to match claims {how}.", 8000)

    def show_semantic_note(self, note: str) -> None:
        """Meaning-level matching fell back to wording only: say so now (after what the step itself said), and
        keep a mark in the status bar."""
        current = self.statusBar().currentMessage()
        self.statusBar().showMessage(
            f"{current} · {note}" if current and note not in current else note, 15_000
        )
        self._update_status()

    def semantic_changed_externally(self, on: bool) -> None:
        self.semantic_box.blockSignals(True)
        self.semantic_box.setChecked(on)
        self.semantic_box.blockSignals(False)

    def threshold_changed_externally(self, threshold: float) -> None:
        self.threshold.set_value(threshold)
        self._update_status()

    def _update_title(self) -> None:
        s = self.session
        name = s.path.name if s.path else (s.comparison.base.title or "untitled")
        self.setWindowTitle(f"{name}[*] — Narrative Compare")
        self.setWindowModified(s.dirty)

    def _update_status(self) -> None:
        c = self.session.comparison
        diffs = len(self.session.stops())
        missing = sum(1 for i in self.session.queue() if i.kind is Kind.OMISSION)
        against = "all accounts" if self.session.focus is None else "the chosen account"
        self.status_summary = (
            f"{len(c.documents)} texts · {len(c.claims)} claims · {sum(1 for lk in c.links if lk.active)} links · "
            f"{diffs} base claims differ, {missing} not found ({against}) · "
            f"threshold {threshold_words(c.settings.threshold)}"
        )
        pending = getattr(self, "files", None) and self.files.threshold
        if pending and abs(pending - c.settings.threshold) > 1e-9:
            self.status_summary += f" · slider at {pending:.2f}: press Re-align (F5) to apply"
        files = getattr(self, "files", None)
        note = files.semantic_note if files is not None and not c.settings.semantic else ""
        if note:
            self.status_summary += " · wording only"
        if not hasattr(self, "_status_label"):
            self._status_label = QLabel(self)
            self._status_label.setTextFormat(Qt.TextFormat.PlainText)
            self.statusBar().addPermanentWidget(self._status_label)
        self._status_label.setText(self.status_summary)
        self._status_label.setToolTip(html.escape(note))

    # drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files.drop_paths(paths)

    # settings and closing
    def _restore(self) -> None:
        st = self.settings
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        geometry = st.value("geometry")
        if geometry is not None and self.restoreGeometry(geometry):
            self.setGeometry(clamp_geometry(self.geometry(), available))
        else:
            self.setGeometry(initial_geometry(available))
        state = st.value("window_state")
        if state is not None:
            self.restoreState(state)
        for split in (self.v_split, self.h_split):
            value = st.value(f"splitter/{split.objectName()}")
            if value is not None:
                split.restoreState(value)
            elif split is self.h_split:
                right = max(300, self.width() // 4)
                split.setSizes([self.width() - right, right])
            else:
                split.setSizes([self.height() * 7 // 10, self.height() * 3 // 10])
        sync = st.value("sync_scroll", True)
        self.actions[Act.SYNC_SCROLL].setChecked(sync in (True, "true", "1", 1))
        dark = st.value("dark", False) in (True, "true", "1", 1)
        self.actions[Act.DARK].blockSignals(True)
        self.actions[Act.DARK].setChecked(dark)
        self.actions[Act.DARK].blockSignals(False)

    def save_settings(self) -> None:
        st = self.settings
        st.setValue("geometry", self.saveGeometry())
        st.setValue("window_state", self.saveState())
        for split in (self.v_split, self.h_split):
            st.setValue(f"splitter/{split.objectName()}", split.saveState())
        st.setValue("sync_scroll", self.actions[Act.SYNC_SCROLL].isChecked())
        st.sync()

    def may_discard(self) -> bool:
        """True when there are no unsaved edits, or the user saved or chose to discard them. A comparison that
        was only opened or aligned (no edit on the undo stack) is not asked about: nothing would be lost that
        opening the same texts again would not give back."""
        if not self.session.has_edits:
            if self.session.dirty:
                self.autosave.discard()  # its recovery copy would only give back what opening again gives
            return True
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            "This comparison has changes that are not saved in a project file. Save them?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.files.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.autosave.discard()
            return True
        return False

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.may_discard():
            event.ignore()
            return
        self.save_settings()
        event.accept()
