"""The claims table: every claim with its mark, best score, counterpart and reasons; sortable and filterable.

``ClaimsModel`` is a plain ``QAbstractTableModel`` (reset when the comparison changes); ``ClaimFilterProxy``
filters by mark, account, minimum score and text; ``ClaimsPanel`` puts a filter bar above the view.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from compare.gui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QItemSelectionModel,
    QLabel,
    QLineEdit,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from compare.gui.session import Session
from compare.gui.views.theme import DECISION_GLYPH, DECISION_WORDS, MARK_STYLES, tint
from compare.model import Comparison, Mark
from compare.review import navigation
from compare.review.edits import annotation_of
from compare.review.queue import Decision

CLAIM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
MARK_ROLE = Qt.ItemDataRole.UserRole + 3
DOC_ROLE = Qt.ItemDataRole.UserRole + 4
SCORE_ROLE = Qt.ItemDataRole.UserRole + 5

COLUMNS = ("Account", "Mark", "Score · conf.", "Claim", "Counterpart", "Reasons", "Note")


@dataclass(frozen=True, slots=True)
class _Row:
    claim_id: str
    doc_id: str
    doc_title: str
    doc_order: int
    start: int
    mark: Mark
    score: float | None
    text: str
    counterpart: str
    reasons: str
    note: str
    decision: Decision | None = None
    confidence: float | None = None  # of the best link, when the engine estimated it


def _rows(comparison: Comparison, focus: str | None) -> list[_Row]:
    out = []
    for order, doc in enumerate(comparison.documents):
        for claim in comparison.claims_of(doc.id):
            pairs = comparison.counterparts(claim.id)
            if focus is not None and doc.id == comparison.base.id:
                pairs = comparison.counterparts(claim.id, focus)
            elif doc.id != comparison.base.id:
                pairs = comparison.counterparts(claim.id, comparison.base.id) or pairs
            best = max((lk for _, lk in pairs), key=lambda lk: lk.score, default=None)
            score = best.score if best is not None else None
            counterpart = pairs[0][0].text if pairs else ""
            reasons = "; ".join(dict.fromkeys(r for _, lk in pairs for r in lk.reasons))
            ann = annotation_of(comparison, claim.id)
            note = " — ".join(x for x in ((ann.label, ann.note) if ann else ()) if x)
            out.append(
                _Row(
                    claim.id,
                    doc.id,
                    navigation.short_name(doc),
                    order,
                    claim.start,
                    navigation.claim_mark(comparison, claim, focus),
                    score,
                    claim.text,
                    counterpart,
                    reasons,
                    note,
                    navigation.claim_decision(comparison, claim, focus),
                    best.confidence if best is not None else None,
                )
            )
    return out


class ClaimsModel(QAbstractTableModel):
    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self._rows = _rows(session.comparison, session.focus)
        self._row_of = {r.claim_id: i for i, r in enumerate(self._rows)}
        session.changed.connect(self.reload)

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = _rows(self.session.comparison, self.session.focus)
        self._row_of = {r.claim_id: i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def row_of(self, claim_id: str) -> int | None:
        return self._row_of.get(claim_id)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        if horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section == 2:
            return "Match strength of the best link · the engine's confidence that the pair is right"
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return row.doc_title
            if col == 1:
                style = MARK_STYLES[row.mark]
                decided = f"  {DECISION_GLYPH[row.decision]}" if row.decision else ""
                return f"{style.glyph} {style.label}{decided}"
            if col == 2:
                if row.score is None:
                    return ""
                sure = "" if row.confidence is None else f" · {round(row.confidence * 100)}%"
                return f"{row.score:.2f}{sure}"
            return (row.text, row.counterpart, row.reasons, row.note)[col - 3] if col >= 3 else None
        if role == SORT_ROLE:
            keys = (
                row.doc_order * 10_000_000 + row.start,
                list(MARK_STYLES).index(row.mark),
                -1.0 if row.score is None else row.score,
                row.text.casefold(),
                row.counterpart.casefold(),
                row.reasons.casefold(),
                row.note.casefold(),
            )
            return keys[col]
        if role == Qt.ItemDataRole.ToolTipRole and col >= 3:
            value = (row.text, row.counterpart, row.reasons, row.note)[col - 3]
            return f"<qt>{html.escape(value)}</qt>" if value else None
        if role == Qt.ItemDataRole.ToolTipRole and col == 1:
            decided = (
                f"\n{DECISION_GLYPH[row.decision]} {DECISION_WORDS[row.decision]}" if row.decision else ""
            )
            return html.escape(MARK_STYLES[row.mark].description + decided).replace("\n", "<br>")
        if role == Qt.ItemDataRole.BackgroundRole and col == 1:
            return tint(row.mark, strong=True)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole and col == 1:
            return MARK_STYLES[row.mark].label
        if role == CLAIM_ID_ROLE:
            return row.claim_id
        if role == MARK_ROLE:
            return row.mark.value
        if role == DOC_ROLE:
            return row.doc_id
        if role == SCORE_ROLE:
            return row.score
        return None


class ClaimFilterProxy(QSortFilterProxyModel):
    """Filters rows by mark set, account, minimum score and a case-insensitive text search."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.marks: set[str] | None = None
        self.account: str | None = None
        self.min_score = 0.0
        self.text = ""
        self.setSortRole(SORT_ROLE)

    def set_filters(
        self,
        *,
        marks: set[str] | None = ...,  # type: ignore[assignment]
        account: str | None = ...,  # type: ignore[assignment]
        min_score: float | None = None,
        text: str | None = None,
    ) -> None:
        changing = hasattr(self, "beginFilterChange")
        if changing:
            self.beginFilterChange()
        if marks is not ...:
            self.marks = marks
        if account is not ...:
            self.account = account
        if min_score is not None:
            self.min_score = min_score
        if text is not None:
            self.text = text.casefold().strip()
        if changing:
            self.endFilterChange()
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        idx = model.index(source_row, 0, source_parent)
        if self.marks is not None and model.data(idx, MARK_ROLE) not in self.marks:
            return False
        if self.account is not None and model.data(idx, DOC_ROLE) != self.account:
            return False
        if self.min_score > 0:
            score = model.data(idx, SCORE_ROLE)
            if score is None or score < self.min_score:
                return False
        if self.text:
            hay = " ".join(
                str(model.data(model.index(source_row, c, source_parent)) or "") for c in (0, 3, 4, 5, 6)
            )
            if self.text not in hay.casefold():
                return False
        return True

    def lessThan(
        self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex
    ) -> bool:  # noqa: N802
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)


MARK_FILTERS = (
    ("All claims", None),
    ("Differences (≠ − +)", {Mark.CONTRADICT.value, Mark.OMITTED.value, Mark.ONLY_HERE.value}),
    ("≠ Differs", {Mark.CONTRADICT.value}),
    ("− Not found in account", {Mark.OMITTED.value}),
    ("+ Only in this account", {Mark.ONLY_HERE.value}),
    ("= Agrees", {Mark.AGREE.value}),
)


class ClaimsPanel(QWidget):
    """Filter bar + table. Selecting a row selects the claim in the session, and vice versa."""

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self._filtering = False
        self.model = ClaimsModel(session, self)
        self.proxy = ClaimFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search claims, counterparts, reasons, notes…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search claims")
        self.mark_filter = QComboBox(self)
        self.mark_filter.setAccessibleName("Show claims marked")
        for label, _ in MARK_FILTERS:
            self.mark_filter.addItem(label)
        self.account_filter = QComboBox(self)
        self.account_filter.setAccessibleName("Show claims of account")
        for combo in (self.mark_filter, self.account_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
        self.min_score = QDoubleSpinBox(self)
        self.min_score.setRange(0.0, 1.0)
        self.min_score.setSingleStep(0.05)
        self.min_score.setDecimals(2)
        self.min_score.setPrefix("score ≥ ")
        self.min_score.setAccessibleName("Minimum score")
        self.min_score.setToolTip("Hide claims whose best link scores below this value")
        self.count_label = QLabel(self)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.mark_filter)
        bar.addWidget(self.account_filter)
        bar.addWidget(self.min_score)
        bar.addWidget(self.count_label)
        layout.addLayout(bar)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Claims table")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((130, 150, 84, 360, 300, 260, 120)):
            self.table.setColumnWidth(col, width)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.search.textChanged.connect(lambda t: self._filter(text=t))
        self.mark_filter.currentIndexChanged.connect(lambda i: self._filter(marks=MARK_FILTERS[i][1]))
        self.account_filter.currentIndexChanged.connect(
            lambda i: self._filter(account=self.account_filter.itemData(i))
        )
        self.min_score.valueChanged.connect(lambda v: self._filter(min_score=v))
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        session.changed.connect(self._on_changed)
        session.selectionChanged.connect(self.show_selected)
        self._fill_accounts()
        self._update_count()

    def _filter(self, **kw) -> None:
        self._set_filters(**kw)
        self._update_count()

    def _set_filters(self, **kw) -> None:
        """Filter without letting the view's own moves of its current row select claims.

        Filtering out the current row makes the view pick another one and say so (``currentRowChanged``)
        while the proxy is still inside its filter change. Taken as the user's choice, that completed a
        pending Link to, whose edit reset the model in the middle of the change: a crash (issue 12). The
        session's selection stays the truth; the view is put back in line with it afterwards.
        """
        self._filtering = True
        try:
            self.proxy.set_filters(**kw)
            self._sync_current()
        finally:
            self._filtering = False

    def _sync_current(self) -> None:
        claim_id = self.session.selected
        row = self.model.row_of(claim_id) if claim_id is not None else None
        idx = self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else QModelIndex()
        sm = self.table.selectionModel()
        if idx.isValid():
            if sm.currentIndex().row() != idx.row():
                sm.setCurrentIndex(
                    idx,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
        elif sm.currentIndex().isValid():
            sm.clear()  # the selected claim is filtered out: no other row pretends to be selected

    def _fill_accounts(self) -> None:
        current = self.account_filter.currentData()
        self.account_filter.blockSignals(True)
        self.account_filter.clear()
        self.account_filter.addItem("All texts", None)
        for doc in self.session.comparison.documents:
            self.account_filter.addItem(navigation.short_name(doc), doc.id)
        i = self.account_filter.findData(current)
        self.account_filter.setCurrentIndex(max(i, 0))
        self.account_filter.blockSignals(False)
        self._set_filters(account=self.account_filter.currentData())

    def _on_changed(self) -> None:
        self._fill_accounts()
        self._update_count()
        self.show_selected()

    def _update_count(self) -> None:
        self.count_label.setText(f"{self.proxy.rowCount()} of {self.model.rowCount()}")

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._filtering:
            return  # the view moved its current row because of a filter, not because of the user
        if current.isValid():
            claim_id = current.data(CLAIM_ID_ROLE)
            if claim_id:
                self.session.select_claim(claim_id)

    def selected_claims(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        return [r.data(CLAIM_ID_ROLE) for r in rows]

    def show_selected(self) -> None:
        claim_id = self.session.selected
        if claim_id is None:
            return
        row = self.model.row_of(claim_id)
        if row is None:
            return
        idx = self.proxy.mapFromSource(self.model.index(row, 0))
        if not idx.isValid() or self.table.currentIndex().row() == idx.row():
            return
        sm = self.table.selectionModel()
        sm.blockSignals(True)
        sm.setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        sm.blockSignals(False)
        self.table.viewport().update()
        self.table.scrollTo(idx)
