"""The link map between two panes (cf. Meld's ``LinkMap``): curved bands joining linked claims.

A dumb painter: it asks both text views where the claims are (viewport y-ranges, cached per layout) and the
owner for the pairs to join, culls pairs entirely off screen, and paints a cubic band per pair coloured by
relation, with a dash pattern per relation so the bands read without colour too. Redrawn on scroll; nothing
is laid out again.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from compare.gui.qt import (
    QColor,
    QEvent,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPointF,
    QRectF,
    QSize,
    QSizePolicy,
    Qt,
    QToolTip,
    QWidget,
    Signal,
)
from compare.gui.views.text_view import ClaimTextView
from compare.gui.views.theme import DECISION_GLYPH, MARK_STYLES, selection_tint
from compare.model import LinkStatus, Mark, Relation
from compare.review.navigation import BandPair
from compare.review.queue import Decision

BAND_WIDTH = 56
_REL_MARK = {Relation.AGREE: Mark.AGREE, Relation.CONTRADICT: Mark.CONTRADICT}


class LinkBands(QWidget):
    """Bands between ``left`` and ``right``. ``pairs()`` returns the pairs to draw (owner-cached)."""

    pairClicked = Signal(str, str)  # noqa: N815 - Qt signal naming

    def __init__(
        self,
        left: ClaimTextView,
        right: ClaimTextView,
        pairs: Callable[[], list[BandPair]],
        selected: Callable[[], set[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.left, self.right = left, right
        self._pairs = pairs
        self._selected = selected
        self._paths: list[tuple[QPainterPath, BandPair]] = []
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Links between the neighbouring texts")
        self.setToolTip("Bands join claims that tell the same thing. Click a band to select the pair.")
        for view in (left, right):
            view.scrolled.connect(self.update)
            view.layoutChanged.connect(self.update)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(BAND_WIDTH, 100)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(BAND_WIDTH, 10)

    def _offset(self, view: ClaimTextView) -> float:
        """Viewport y=0 of a view, in this widget's coordinates."""
        return float(view.viewport().mapTo(self.window(), view.viewport().rect().topLeft()).y()) - float(
            self.mapTo(self.window(), self.rect().topLeft()).y()
        )

    def visible_paths(self) -> list[tuple[QPainterPath, BandPair]]:
        """The band shapes currently on screen (also used for hit-testing and by tests)."""
        h = float(self.height())
        w = float(self.width())
        lo, ro = self._offset(self.left), self._offset(self.right)
        l_top = lo
        l_bot = lo + self.left.viewport().height()
        r_top = ro
        r_bot = ro + self.right.viewport().height()
        out = []
        for pair in self._pairs():
            a = self.left.claim_y_range(pair.left)
            b = self.right.claim_y_range(pair.right)
            if a is None or b is None:
                continue
            a0, a1 = a[0] + lo, a[1] + lo
            b0, b1 = b[0] + ro, b[1] + ro
            if (a1 < l_top and b1 < r_top) or (a0 > l_bot and b0 > r_bot):
                continue  # entirely off screen on both sides
            # cull: ends off screen are clamped to a stub just outside the visible area (Meld's "culled")
            a0, a1 = (min(max(y, l_top - 6), l_bot + 6) for y in (a0, a1))
            b0, b1 = (min(max(y, r_top - 6), r_bot + 6) for y in (b0, b1))
            if a0 > h + 10 and b0 > h + 10:
                continue
            path = QPainterPath(QPointF(0, a0))
            x1, x2 = w * 0.45, w * 0.55
            path.cubicTo(QPointF(x1, a0), QPointF(x2, b0), QPointF(w, b0))
            path.lineTo(QPointF(w, b1))
            path.cubicTo(QPointF(x2, b1), QPointF(x1, a1), QPointF(0, a1))
            path.closeSubpath()
            out.append((path, pair))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().color(self.backgroundRole()))
        selected = self._selected()
        self._paths = self.visible_paths()
        chosen = []
        for path, pair in self._paths:
            if pair.left in selected or pair.right in selected:
                chosen.append((path, pair))
                continue
            self._paint_band(painter, path, pair, strong=False)
        for path, pair in chosen:  # selected bands on top
            self._paint_band(painter, path, pair, strong=True)
        painter.end()

    def _paint_band(self, painter: QPainter, path: QPainterPath, pair: BandPair, *, strong: bool) -> None:
        if pair.via:  # two accounts telling the same base claim: no relation was computed between them
            grey = QColor(self.palette().color(self.foregroundRole()))
            grey.setAlpha(110 if strong else 38)
            if strong:
                painter.fillPath(path, selection_tint())
            painter.fillPath(path, grey)
            pen = QPen(grey)
            pen.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.drawPath(path)
            return
        style = MARK_STYLES[_REL_MARK[pair.relation]]
        fill = QColor(style.colour)
        fill.setAlpha(150 if strong else (55 if pair.link is None else 85))
        if strong:
            painter.fillPath(path, selection_tint())
        painter.fillPath(path, fill)
        pen = QPen(QColor(style.colour).darker(115 if strong else 100))
        pen.setWidthF(2.0 if strong else 1.0)
        pen.setStyle(style.pen if pair.relation is Relation.CONTRADICT else Qt.PenStyle.SolidLine)
        painter.setPen(pen)
        painter.drawPath(path)
        status = pair.link.status if pair.link is not None else None
        if status in (LinkStatus.CONFIRMED, LinkStatus.MANUAL):  # a person's decision, not only a colour
            glyph = DECISION_GLYPH[Decision.CONFIRMED if status is LinkStatus.CONFIRMED else Decision.MANUAL]
            centre = path.pointAtPercent(0.25)
            mid = QPointF(self.width() / 2, (centre.y() + path.pointAtPercent(0.75).y()) / 2)
            painter.setPen(self.palette().color(self.foregroundRole()))
            painter.drawText(QRectF(mid.x() - 8, mid.y() - 9, 16, 18), Qt.AlignmentFlag.AlignCenter, glyph)

    def pair_at(self, pos: QPointF) -> BandPair | None:
        for path, pair in reversed(self._paths or self.visible_paths()):
            if path.contains(pos):
                return pair
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            pair = self.pair_at(QPointF(event.pos()))
            if pair is None:
                QToolTip.showText(event.globalPos(), html.escape(self.toolTip()), self)
            else:
                QToolTip.showText(event.globalPos(), self.describe(pair), self)
            return True
        return super().event(event)

    def describe(self, pair: BandPair) -> str:
        """Tooltip of a band: relation, reasons and both claims, all escaped."""
        if pair.via:
            lines = [
                "<b>Both tell the same base claim</b>",
                "Each account was compared with the base, not with the other: how each tells it is on the "
                "coloured bands to the base. Choose an account in “Compare with” to put it next to "
                "the base.",
            ]
        else:
            style = MARK_STYLES[_REL_MARK[pair.relation]]
            lines = [f"<b>{html.escape(style.glyph)} {html.escape(style.label)}</b>"]
            lines += [html.escape(r) for r in pair.link.reasons] if pair.link is not None else []
        for view, claim_id in ((self.left, pair.left), (self.right, pair.right)):
            claim = next((c for c in view.claims if c.id == claim_id), None)
            if claim is not None:
                text = claim.text if len(claim.text) < 140 else claim.text[:137] + "…"
                lines.append(f"“{html.escape(text)}”")
        return "<qt>" + "<br>".join(lines) + "</qt>"

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        pair = self.pair_at(event.position())
        if pair is not None:
            self.pairClicked.emit(pair.left, pair.right)
            return
        super().mousePressEvent(event)
