"""The review line above the details: how much of the comparison a person has checked, and the keys that lead
through it (differences with F8/F7, then suggestions and claims not found with F6/Shift+F6)."""

from __future__ import annotations

from compare.gui.qt import QAction, QGridLayout, QLabel, QSizePolicy, Qt, QToolButton, QWidget
from compare.gui.session import Session
from compare.review.queue import Kind

KIND_WORDS = {
    Kind.DIFFERENCE: "differences",
    Kind.SUGGESTION: "possible counterparts",
    Kind.OMISSION: "not found in the account",
    Kind.ONLY_HERE: "only in an account",
}


def progress_line(items) -> str:
    done = sum(1 for i in items if i.checked)
    return f"Review: {done} of {len(items)} checked"


def kind_words(kind: Kind, focus: str | None) -> str:
    """How to name a kind of item; claims "not found" are measured against every account when no account
    is chosen, so they are then in none of them."""
    if kind is Kind.OMISSION and focus is None:
        return "not found in any account"
    return KIND_WORDS[kind]


def breakdown(items, focus: str | None = None) -> str:
    parts = []
    for kind in KIND_WORDS:
        words = kind_words(kind, focus)
        mine = [i for i in items if i.kind is kind]
        if mine:
            parts.append(f"{words} {sum(1 for i in mine if i.checked)}/{len(mine)}")
    return " · ".join(parts) or "nothing to check"


class ReviewBar(QWidget):
    """``line`` ("Review: 12 of 31 checked"), ``detail`` (per kind) and three buttons bound to actions."""

    def __init__(self, session: Session, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QGridLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.setSpacing(3)
        self.line = QLabel(self)
        self.line.setTextFormat(Qt.TextFormat.PlainText)
        font = self.line.font()
        font.setBold(True)
        self.line.setFont(font)
        self.line.setAccessibleName("Review progress")
        self.detail = QLabel(self)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: gray")
        layout.addWidget(self.line, 0, 0, 1, len(actions))
        layout.addWidget(self.detail, 1, 0, 1, len(actions))
        self.buttons = []
        for col, action in enumerate(actions):
            b = QToolButton(self)
            b.setDefaultAction(action)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            layout.addWidget(b, 2, col)
            self.buttons.append(b)
        session.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        items = self.session.queue()
        self.line.setText(progress_line(items))
        self.detail.setText(breakdown(items, self.session.focus))
        self.line.setToolTip(
            "Differences first (F8 / F7), then possible counterparts and claims not found (F6 / Shift+F6). "
            "An item counts as checked once you confirm, relabel, reject or link it, or note on it."
        )
