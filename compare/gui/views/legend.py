"""The legend: what each mark looks like (colour, glyph, underline) and how many there are per account."""

from __future__ import annotations

import html

from compare.gui.qt import (
    QColor,
    QFrame,
    QGridLayout,
    QLabel,
    QPainter,
    QPaintEvent,
    QPen,
    QSize,
    Qt,
    QWidget,
)
from compare.gui.session import Session
from compare.gui.views.text_view import ElidedLabel
from compare.gui.views.theme import DECISION_GLYPH, DECISION_WORDS, MARK_STYLES, is_dark, tint
from compare.model import Mark
from compare.review.navigation import long_name, short_name
from compare.review.queue import Decision, claim_counts

COUNT_KEYS = {
    Mark.AGREE: "agree",
    Mark.CONTRADICT: "contradict",
    Mark.OMITTED: "omitted",
    Mark.ONLY_HERE: "only_here",
}
SHORT = {
    Mark.AGREE: "Agree",
    Mark.CONTRADICT: "Differ",
    Mark.OMITTED: "Not found",
    Mark.ONLY_HERE: "Only here",
}


class Swatch(QWidget):
    """A sample of a mark: tinted box, the glyph, and the underline style."""

    def __init__(self, mark: Mark, parent=None) -> None:
        super().__init__(parent)
        self.mark = mark
        self.setFixedSize(QSize(34, 20))
        self.setAccessibleName(MARK_STYLES[mark].label)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        style = MARK_STYLES[self.mark]
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect().adjusted(0, 0, 0, -4), tint(self.mark, strong=True))
        pen = QPen(QColor(style.colour))
        pen.setWidthF(2.0)
        pen.setStyle(style.pen)
        p.setPen(pen)
        y = self.height() - 3
        p.drawLine(1, y, self.width() - 1, y)
        font = p.font()
        font.setBold(True)
        p.setFont(font)
        p.setPen(QColor(style.colour).lighter(160) if is_dark() else QColor(style.colour).darker(130))
        p.drawText(self.rect().adjusted(0, 0, 0, -4), Qt.AlignmentFlag.AlignCenter, style.glyph)
        p.end()


class Legend(QFrame):
    """Rows: accounts; columns: marks. ``count_label(doc_id, key)`` exposes the numbers for tests."""

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Legend and counts")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(8, 6, 8, 6)
        self._grid.setHorizontalSpacing(10)
        self._grid.setVerticalSpacing(2)
        for col, mark in enumerate(MARK_STYLES, start=1):
            sw = Swatch(mark, self)
            sw.setToolTip(html.escape(f"{MARK_STYLES[mark].label}: {MARK_STYLES[mark].description}"))
            label = QLabel(SHORT[mark], self)
            label.setToolTip(sw.toolTip())
            self._grid.addWidget(sw, 0, col, Qt.AlignmentFlag.AlignHCenter)
            self._grid.addWidget(label, 1, col, Qt.AlignmentFlag.AlignHCenter)
        caption = QLabel("Base claims\nper account", self)
        caption.setToolTip(
            "For each account: how many claims of the base text it carries, tells differently or lacks (as in "
            "the coverage matrix), and how many of its own claims are not in the base."
        )
        caption.setStyleSheet("color: gray")
        self._grid.addWidget(caption, 0, 0, 2, 1, Qt.AlignmentFlag.AlignBottom)
        self._grid.setColumnStretch(0, 1)
        decided = " · ".join(f"{DECISION_GLYPH[d]} {DECISION_WORDS[d]}" for d in Decision)
        self.decisions = QLabel(decided, self)
        self.decisions.setWordWrap(True)
        self.decisions.setStyleSheet("color: gray")
        self.decisions.setToolTip("Beside a claim's mark: what a person decided about the link behind it")
        self._grid.addWidget(self.decisions, 99, 0, 1, len(MARK_STYLES) + 1)
        self._labels: dict[tuple[str, str], QLabel] = {}
        self._row_widgets: list[QWidget] = []
        session.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        for w in self._row_widgets:
            self._grid.removeWidget(w)
            w.hide()  # at once: deleteLater waits for the event loop, and a grab or paint may come first
            w.deleteLater()
        self._row_widgets, self._labels = [], {}
        comparison = self.session.comparison
        counts = claim_counts(comparison)
        for row, doc in enumerate(comparison.accounts, start=2):
            name = ElidedLabel(
                short_name(doc), self, Qt.TextElideMode.ElideRight
            )  # outlets: the start matters
            name.setToolTip(html.escape(f"{long_name(doc)} — compared with the base text"))
            name.setMinimumWidth(90)
            if doc.id == self.session.focus:
                f = name.font()
                f.setBold(True)
                name.setFont(f)
            self._grid.addWidget(name, row, 0)
            self._row_widgets.append(name)
            for col, mark in enumerate(MARK_STYLES, start=1):
                n = counts.get(doc.id, {}).get(COUNT_KEYS[mark], 0)
                lab = QLabel(str(n), self)
                lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
                lab.setAccessibleName(f"{short_name(doc)}: {n} {MARK_STYLES[mark].label}")
                self._grid.addWidget(lab, row, col)
                self._labels[(doc.id, COUNT_KEYS[mark])] = lab
                self._row_widgets.append(lab)

    def count_label(self, doc_id: str, key: str) -> QLabel:
        return self._labels[(doc_id, key)]

    def shown_counts(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for (doc, key), lab in self._labels.items():
            out.setdefault(doc, {})[key] = int(lab.text())
        return out
