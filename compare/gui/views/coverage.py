"""The coverage matrix: base claims (rows) by accounts (columns), like a collation table.

Each cell says whether the account carries the claim, tells it differently, or lacks it; the column headers
carry per-account totals (the legend's numbers). Clicking a cell selects the claim and, when there is one, its
counterpart in that account; the account the base is compared with stays as chosen on the toolbar.
"""

from __future__ import annotations

import html

from compare.gui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QHeaderView,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTableView,
)
from compare.gui.session import Session
from compare.gui.views.theme import COVERAGE_LABEL, COVERAGE_MARK, MARK_STYLES, tint
from compare.model import Coverage
from compare.review.navigation import short_name

CLAIM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DOC_ROLE = Qt.ItemDataRole.UserRole + 2
COVERAGE_ROLE = Qt.ItemDataRole.UserRole + 3


class CoverageModel(QAbstractTableModel):
    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self._compute()
        session.changed.connect(self.reload)

    def _compute(self) -> None:
        c = self.session.comparison
        self._claims = c.claims_of(c.base.id)
        self._accounts = c.accounts
        self._cells = [[c.coverage_of(cl.id, d.id) for d in self._accounts] for cl in self._claims]
        self._totals = [
            {cov: sum(1 for row in self._cells if row[j] is cov) for cov in Coverage}
            for j in range(len(self._accounts))
        ]

    def reload(self) -> None:
        self.beginResetModel()
        self._compute()
        self.endResetModel()

    def totals(self, column: int) -> dict[Coverage, int]:
        return self._totals[column - 1]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._claims)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._accounts) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._claims):
                return str(section + 1)
            return None
        if not (0 <= section <= len(self._accounts)):
            return None
        if section == 0:
            return "Base claim" if role == Qt.ItemDataRole.DisplayRole else None
        doc = self._accounts[section - 1]
        t = self._totals[section - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            # The legend's glyphs keep the totals short enough for a column; the tooltip spells them out.
            return (
                f"{short_name(doc)}\n= {t[Coverage.CARRIED]}   ≠ {t[Coverage.CONTRADICTED]}   "
                f"− {t[Coverage.OMITTED]}"
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            where = " · ".join(x for x in (doc.title, doc.outlet, doc.date) if x)
            totals = (
                f"{t[Coverage.CARRIED]} carried, {t[Coverage.CONTRADICTED]} differ, "
                f"{t[Coverage.OMITTED]} not found"
            )
            return html.escape(f"{where}\n{totals}").replace("\n", "<br>")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._claims)):
            return None
        claim = self._claims[index.row()]
        col = index.column()
        if role == CLAIM_ID_ROLE:
            return claim.id
        if col == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return claim.text
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"<qt>{html.escape(claim.text)}</qt>"
            return None
        if not (1 <= col <= len(self._accounts)):
            return None
        cov = self._cells[index.row()][col - 1]
        style = MARK_STYLES[COVERAGE_MARK[cov]]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{style.glyph} {COVERAGE_LABEL[cov]}"
        if role == Qt.ItemDataRole.BackgroundRole:
            return tint(COVERAGE_MARK[cov], strong=True)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return html.escape(f"{self._accounts[col - 1].title}: {COVERAGE_LABEL[cov]}")
        if role == DOC_ROLE:
            return self._accounts[col - 1].id
        if role == COVERAGE_ROLE:
            return cov.value
        return None


class CoverageView(QTableView):
    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.model_ = CoverageModel(session, self)
        self.setModel(self.model_)
        self.setAccessibleName("Coverage of the base claims by account")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setMinimumSectionSize(150)
        self.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideMiddle)  # full names in the tooltip
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.clicked.connect(self.jump)
        self.activated.connect(self.jump)
        session.changed.connect(self._resize)
        self._resize()

    def _resize(self) -> None:
        for col in range(1, self.model_.columnCount()):
            self.setColumnWidth(col, 190)

    def jump(self, index: QModelIndex) -> None:
        claim_id = index.data(CLAIM_ID_ROLE)
        if not claim_id:
            return
        doc = index.data(DOC_ROLE)
        if doc:
            # Selects the counterpart in that account, but leaves "Compare base with" alone: changing it
            # would silently change every mark of the base text.
            pairs = self.session.comparison.counterparts(claim_id, doc)
            if pairs:
                self.session.select_claim(claim_id, pairs[0][1].key)
                return
        self.session.select_claim(claim_id)
