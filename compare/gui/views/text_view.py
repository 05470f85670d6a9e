"""One account's text, shown as plain text with its claims marked, plus its header (a pane).

The text goes in with ``setPlainText`` only, so nothing in a document is ever interpreted as markup. Marks
are *extra selections* (painted over the laid-out text), so changing marks or scrolling never re-lays out the
document. Each claim's vertical extent is computed once per layout and cached for the bands and the gutter.
"""

from __future__ import annotations

import bisect
import html
import itertools
from collections.abc import Callable

from compare.gui.qt import (
    QColor,
    QEvent,
    QFont,
    QFrame,
    QHelpEvent,
    QLabel,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QSizePolicy,
    Qt,
    QTextCharFormat,
    QTextCursor,
    QTextEdit,
    QTextOption,
    QTimer,
    QToolTip,
    QVBoxLayout,
    QWidget,
    Signal,
)
from compare.gui.views.theme import DECISION_GLYPH, MARK_STYLES, is_dark, selection_tint, tint
from compare.model import Claim, Document, Mark
from compare.review.queue import Decision

GUTTER = 34  # the mark's glyph, a person's decision (✓ ✍ ✗) and the mark's colour bar


class _Gutter(QWidget):
    """The glyph column (=, ≠, −, +) beside the text: the marks without colour."""

    def __init__(self, view: ClaimTextView) -> None:
        super().__init__(view)
        self._view = view
        self.setAccessibleName("Mark glyphs")

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        view = self._view
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().color(self.backgroundRole()).darker(104))
        font = QFont(view.font())
        font.setBold(True)
        painter.setFont(font)
        height = self.height()
        first, end = view._visible_claims()
        for claim in view.claims[first:end]:
            claim_id = claim.id
            mark = view.marks.get(claim_id)
            if mark is None:
                continue
            rng = view.claim_y_range(claim_id)
            if rng is None or rng[1] < 0 or rng[0] > height:
                continue
            style = MARK_STYLES[mark]
            top = int(rng[0])
            line_h = view.fontMetrics().height()
            if claim_id == view.current or claim_id in view.related:
                painter.fillRect(0, top, self.width(), int(rng[1] - rng[0]), selection_tint())
            decision = view.decisions.get(claim_id)
            bar_h = int(rng[1] - rng[0])
            if decision is Decision.REJECTED:  # an outline: the engine's link is gone, a person decided so
                painter.setPen(QColor(style.colour))
                painter.drawRect(self.width() - 5, top, 4, max(bar_h - 1, 1))
            else:
                painter.fillRect(self.width() - 4, top, 4, bar_h, QColor(style.colour))
            ink = QColor(style.colour).lighter(150) if is_dark() else QColor(style.colour).darker(120)
            painter.setPen(ink)
            painter.drawText(0, top, 18, line_h, Qt.AlignmentFlag.AlignCenter, style.glyph)
            if decision is not None:
                painter.setPen(self.palette().color(self.foregroundRole()))
                painter.drawText(17, top, 12, line_h, Qt.AlignmentFlag.AlignCenter, DECISION_GLYPH[decision])
        painter.end()


class ClaimTextView(QTextEdit):
    """Read-only plain text with claim marks. Emits ``claimActivated(claim_id)`` when the caret enters a claim
    (by click or by keyboard), and ``scrolled()`` when the visible part changes."""

    claimActivated = Signal(str)  # noqa: N815 - Qt signal naming
    scrolled = Signal()
    layoutChanged = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setViewportMargins(GUTTER, 0, 0, 0)
        self.document().setDocumentMargin(8)
        self._gutter = _Gutter(self)
        self.claims: tuple[Claim, ...] = ()
        self._starts: list[int] = []
        self._by_id: dict[str, Claim] = {}
        self.marks: dict[str, Mark] = {}
        self.decisions: dict[str, Decision] = {}
        self.current: str | None = None
        self.related: set[str] = set()
        self._y_cache: dict[str, tuple[float, float]] | None = None
        self._tops: list[float] = []
        self._bottoms: list[float] = []
        self._painted: tuple[int, int] | None = None
        self._repaint_pending = False
        self._quiet = False
        self.tooltip_provider: Callable[[str], str] | None = None
        self.verticalScrollBar().valueChanged.connect(self._on_scroll)
        self.cursorPositionChanged.connect(self._on_cursor)
        self.document().documentLayout().documentSizeChanged.connect(self._invalidate)

    # content
    def set_content(self, document: Document, claims: tuple[Claim, ...]) -> None:
        self._quiet = True
        try:
            self.setPlainText(document.text)
        finally:
            self._quiet = False
        self.claims = tuple(sorted(claims, key=lambda c: c.start))
        self._starts = [c.start for c in self.claims]
        self._by_id = {c.id: c for c in self.claims}
        self._invalidate()

    def claim_at(self, pos: int) -> Claim | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and self.claims[i].start <= pos < self.claims[i].end:
            return self.claims[i]
        return None

    def has_claim(self, claim_id: str) -> bool:
        return claim_id in self._by_id

    # marks and selection (no re-layout: extra selections are painted over the text)
    def set_marks(
        self,
        marks: dict[str, Mark],
        current: str | None,
        related: set[str],
        decisions: dict[str, Decision] | None = None,
    ) -> None:
        self.marks = marks
        self.decisions = decisions or {}
        self.current = current if current in self._by_id else None
        self.related = {c for c in related if c in self._by_id}
        self._painted = None
        self._paint_marks()
        self._gutter.update()

    def _visible_claims(self) -> tuple[int, int]:
        """Indexes (first, end) of the claims within a screen above and below the visible part."""
        if not self.claims:
            return 0, 0
        self.claim_doc_y(self.claims[0].id)  # fills the cache and the sorted tops
        h = self.viewport().height()
        top = self.verticalScrollBar().value()
        first = max(bisect.bisect_left(self._bottoms, top - h), 0)
        end = bisect.bisect_right(self._tops, top + 2 * h)
        return first, max(end, first)

    def _paint_marks(self) -> None:
        """Extra selections for the claims near the visible part only: Qt walks every extra selection on
        every paint, and a long text has thousands of claims. Scrolling brings the next ones in."""
        span = self._visible_claims()
        if span == self._painted:
            return
        self._painted = span
        selections = []
        dark = is_dark()
        sel_colour = selection_tint(dark=dark)
        tints = {m: tint(m, dark=dark) for m in MARK_STYLES}
        for claim in self.claims[span[0] : span[1]]:
            mark = self.marks.get(claim.id)
            if mark is None:
                continue
            style = MARK_STYLES[mark]
            fmt = QTextCharFormat()
            chosen = claim.id == self.current or claim.id in self.related
            fmt.setBackground(sel_colour if chosen else tints[mark])
            fmt.setUnderlineStyle(style.underline)
            fmt.setUnderlineColor(QColor(style.colour))
            cursor = QTextCursor(self.document())
            cursor.setPosition(claim.start)
            cursor.setPosition(claim.end, QTextCursor.MoveMode.KeepAnchor)
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            sel.format = fmt
            selections.append(sel)
        self.setExtraSelections(selections)

    # geometry
    def _invalidate(self, *_args) -> None:
        self._y_cache = None
        self._painted = None
        if self.marks and not self._repaint_pending:
            # after the layout settles (it reports many size changes while it works): marks for the new span
            self._repaint_pending = True
            QTimer.singleShot(0, self._repaint_marks)
        self.layoutChanged.emit()

    def _repaint_marks(self) -> None:
        self._repaint_pending = False
        if self.marks:
            self._paint_marks()

    def _compute_y(self) -> dict[str, tuple[float, float]]:
        doc = self.document()
        layout = doc.documentLayout()
        out: dict[str, tuple[float, float]] = {}
        for claim in self.claims:
            ys = []
            for pos, use_bottom in ((claim.start, False), (max(claim.end - 1, claim.start), True)):
                block = doc.findBlock(pos)
                rect = layout.blockBoundingRect(block)
                line = block.layout().lineForTextPosition(pos - block.position())
                if not line.isValid():
                    ys.append(rect.bottom() if use_bottom else rect.top())
                else:
                    y = rect.top() + line.y()
                    ys.append(y + line.height() if use_bottom else y)
            out[claim.id] = (ys[0], max(ys[1], ys[0] + 1))
        return out

    def claim_doc_y(self, claim_id: str) -> tuple[float, float] | None:
        """Top and bottom of a claim in document coordinates (cached until the layout changes)."""
        if self._y_cache is None:
            self._y_cache = self._compute_y()
            # claims are sorted by offset, so their tops (and bottoms) rise with them: bisectable
            self._tops = [self._y_cache[c.id][0] for c in self.claims]
            self._bottoms = list(itertools.accumulate((self._y_cache[c.id][1] for c in self.claims), max))
        return self._y_cache.get(claim_id)

    def claim_y_range(self, claim_id: str) -> tuple[float, float] | None:
        """Top and bottom of a claim in viewport coordinates (may lie outside the viewport)."""
        rng = self.claim_doc_y(claim_id)
        if rng is None:
            return None
        off = self.verticalScrollBar().value()
        return rng[0] - off, rng[1] - off

    def scroll_to_claim(self, claim_id: str, *, align: float = 0.3) -> None:
        """Scrolls so that the claim sits ``align`` of the way down the viewport, unless already visible."""
        rng = self.claim_y_range(claim_id)
        if rng is None:
            return
        h = self.viewport().height()
        if rng[0] >= 0 and rng[1] <= h:
            return
        doc_top = self.claim_doc_y(claim_id)[0]  # type: ignore[index]
        self.verticalScrollBar().setValue(int(doc_top - h * align))

    # events
    def _on_scroll(self, _value: int) -> None:
        if self.marks:
            self._paint_marks()
        self._gutter.update()
        self.scrolled.emit()

    def _on_cursor(self) -> None:
        if self._quiet:
            return
        claim = self.claim_at(self.textCursor().position())
        if claim is not None and claim.id != self.current:
            self.claimActivated.emit(claim.id)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        cr = self.contentsRect()
        self._gutter.setGeometry(cr.left(), cr.top(), GUTTER, cr.height())
        self._invalidate()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) and self.tooltip_provider:
            pos = self.viewport().mapFrom(self, event.pos())
            claim = self.claim_at(self.cursorForPosition(pos).position())
            if claim is not None:
                QToolTip.showText(event.globalPos(), self.tooltip_provider(claim.id), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


class ElidedLabel(QLabel):
    """A plain-text label elided in the middle ("Evening Po…21 September") when too narrow, so that both the
    start and the end of a title stay readable; the full text is in the tooltip."""

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        mode: Qt.TextElideMode = Qt.TextElideMode.ElideMiddle,
    ) -> None:
        super().__init__(parent)
        self.mode = mode
        self.setTextFormat(Qt.TextFormat.PlainText)  # document titles are untrusted
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full = ""
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self._full = text
        if not self.toolTip() or self.toolTip() == getattr(self, "_auto_tip", None):
            self._auto_tip = html.escape(text)
            self.setToolTip(self._auto_tip)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def _elide(self) -> None:
        width = max(self.width() - self.contentsMargins().left() - self.contentsMargins().right(), 20)
        super().setText(self.fontMetrics().elidedText(self._full, self.mode, width))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()


class DetailsLabel(ElidedLabel):
    """Outlet · date · claim count, shortened by whole parts: the date goes first, then the outlet is cut at
    its end, and the count always stays (a middle cut read "The Levant Le…1 · 36 claims")."""

    _parts: tuple[str, str, str] | None = None

    def set_parts(self, outlet: str, date: str, count: str) -> None:
        self._parts = (outlet, date, count)
        self.set_full_text(" · ".join(x for x in self._parts if x))

    def _elide(self) -> None:
        if self._parts is None:
            super()._elide()
            return
        outlet, date, count = self._parts
        width = max(self.width() - self.contentsMargins().left() - self.contentsMargins().right(), 20)
        metrics = self.fontMetrics()
        for shown in ((outlet, date, count), (outlet, count)):
            text = " · ".join(x for x in shown if x)
            if metrics.horizontalAdvance(text) <= width:
                QLabel.setText(self, text)
                return
        tail = f" · {count}" if outlet else count
        room = width - metrics.horizontalAdvance(tail)
        head = metrics.elidedText(outlet, Qt.TextElideMode.ElideRight, room) if outlet and room > 0 else ""
        QLabel.setText(self, head + tail if head else count)


class Pane(QWidget):
    """A document's header (title, outlet, date, claim count) above its text."""

    def __init__(self, document: Document, claims: tuple[Claim, ...], *, is_base: bool, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.is_base = is_base
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = ElidedLabel("", self)
        self.header.setContentsMargins(8, 5, 8, 1)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.subheader = DetailsLabel("", self)
        self.subheader.setContentsMargins(8, 0, 8, 5)
        role = "Base text" if is_base else "Account"
        self.header.set_full_text(("BASE · " if is_base else "") + (document.title or document.id))
        self.subheader.set_parts(document.outlet, document.date, f"{len(claims)} claims")
        tip = "\n".join(
            x for x in (role, document.title, document.outlet, document.date, document.source) if x
        )
        self.header.setToolTip(html.escape(tip).replace("\n", "<br>"))
        self.subheader.setToolTip(self.header.toolTip())
        self.view = ClaimTextView(self)
        self.view.set_content(document, claims)
        self.view.setAccessibleName(f"{role}: {document.title or document.id}")
        self.view.setAccessibleDescription(
            "Text with its claims marked; move the caret into a claim to select it"
        )
        self.setAutoFillBackground(True)
        layout.addWidget(self.header)
        layout.addWidget(self.subheader)
        layout.addWidget(self.view, 1)
