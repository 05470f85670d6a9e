"""Link to…: choose the counterpart of a claim from a searchable list, without scrolling the texts.

The list holds the claims of the other texts (the base's first for an account claim; the compared account's
first for a base claim), the likeliest first by the words they share. Typing filters it (every word must
appear); Up/Down/PageUp/PageDown move in the list while the search keeps the focus; Return links; Esc cancels.
"""

from __future__ import annotations

import html
import re

from compare.gui.qt import (
    QDialog,
    QDialogButtonBox,
    QEvent,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QObject,
    Qt,
    QVBoxLayout,
    QWidget,
)
from compare.model import Claim, Comparison
from compare.review import navigation

_WORD = re.compile(r"\w+", re.UNICODE)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
PICK_IN_TEXTS = "pick-in-texts"  # chosen() when the person prefers to click the claim in a text


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.casefold()) if len(w) > 2}


def link_targets(comparison: Comparison, claim_id: str, focus: str | None = None) -> list[Claim]:
    """Claims of the other texts that ``claim_id`` could be linked to, likeliest first."""
    source = comparison.claim(claim_id)
    base = comparison.base.id
    if source.doc == base:
        docs = [focus] if focus else []
        docs += [d.id for d in comparison.accounts if d.id not in docs]
    else:
        docs = [base] + [d.id for d in comparison.accounts if d.id != source.doc]
    rank = {doc: i for i, doc in enumerate(docs)}
    mine = _words(source.text)
    targets = [c for doc in docs for c in comparison.claims_of(doc)]

    def key(c: Claim) -> tuple[float, int, int]:
        shared = len(mine & _words(c.text))
        return (-shared, rank[c.doc], c.start)

    return sorted(targets, key=key)


def matches(query: str, text: str) -> bool:
    hay = text.casefold()
    return all(word in hay for word in query.casefold().split())


class LinkDialog(QDialog):
    def __init__(
        self, comparison: Comparison, claim_id: str, focus: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Link to…")
        self.resize(760, 520)
        self.comparison = comparison
        source = comparison.claim(claim_id)
        doc = comparison.document(source.doc)
        layout = QVBoxLayout(self)
        quote = QLabel(f"{navigation.short_name(doc)}: “{source.text}”", self)
        quote.setTextFormat(Qt.TextFormat.PlainText)
        quote.setWordWrap(True)
        layout.addWidget(QLabel("Link this claim:", self))
        layout.addWidget(quote)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Type words of the matching claim… (↑ ↓ to choose, Return to link)")
        self.search.setAccessibleName("Search the claims to link to")
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Claims to link to")
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setAlternatingRowColors(True)  # long claims wrap: tell one from the next
        self.list.setSpacing(1)
        layout.addWidget(self.list, 1)
        self.count = QLabel(self)
        self.count.setStyleSheet("color: gray")
        layout.addWidget(self.count)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Link")
        pick = buttons.addButton("Click it in the texts instead", QDialogButtonBox.ButtonRole.ActionRole)
        pick.setToolTip("Close this list and click the matching claim in a text (Esc cancels)")
        pick.clicked.connect(self._pick_in_texts)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._picked_in_texts = False
        for claim in link_targets(comparison, claim_id, focus):
            name = navigation.short_name(comparison.document(claim.doc))
            item = QListWidgetItem(f"{name}: {claim.text}")
            item.setData(ID_ROLE, claim.id)
            item.setToolTip(html.escape(navigation.long_name(comparison.document(claim.doc))))
            self.list.addItem(item)
        self.search.textChanged.connect(self._filter)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.search.installEventFilter(self)
        self._filter("")
        self.search.setFocus()

    def _filter(self, query: str) -> None:
        first = None
        shown = 0
        for row in range(self.list.count()):
            item = self.list.item(row)
            hide = not matches(query, item.text())
            item.setHidden(hide)
            if not hide:
                shown += 1
                first = first if first is not None else row
        self.list.setCurrentRow(first if first is not None else -1)
        self.count.setText(f"{shown} of {self.list.count()} claims")
        self.ok_button.setEnabled(first is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Up/Down/PageUp/PageDown typed in the search move the list's choice: the hands stay on the keys."""
        moves = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in moves
        ):
            self.list.keyPressEvent(event)
            return True
        return super().eventFilter(watched, event)

    def _pick_in_texts(self) -> None:
        self._picked_in_texts = True
        self.accept()

    def chosen(self) -> str | None:
        """The claim id chosen, ``PICK_IN_TEXTS``, or None."""
        if self._picked_in_texts:
            return PICK_IN_TEXTS
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return item.data(ID_ROLE)
