"""The side-by-side area: one pane per document (base on the left, the compared account next to it) with link
bands between neighbours.

It renders the session and reports clicks back to it; synchronized scrolling follows the alignment by
interpolating between linked claims (Meld-style), so the same story stays level across panes.
"""

from __future__ import annotations

import bisect
import html

from compare.gui.qt import QHBoxLayout, QWidget, Signal
from compare.gui.session import Session
from compare.gui.views.bands import LinkBands
from compare.gui.views.text_view import ClaimTextView, Pane
from compare.gui.views.theme import COVERAGE_LABEL, DECISION_GLYPH, DECISION_WORDS, MARK_STYLES
from compare.model import Comparison, Mark
from compare.review import navigation
from compare.review.navigation import BandPair


def claim_tooltip(comparison: Comparison, claim_id: str, focus: str | None) -> str:
    """Rich-text tooltip for a claim; every piece of document text is escaped."""
    claim = comparison.claim(claim_id)
    mark = navigation.claim_mark(comparison, claim, focus)
    style = MARK_STYLES[mark]
    parts = [f"<b>{html.escape(style.glyph)} {html.escape(style.label)}</b>"]
    decision = navigation.claim_decision(comparison, claim, focus)
    if decision is not None:
        parts.append(f"{DECISION_GLYPH[decision]} {DECISION_WORDS[decision]}")
    if claim.doc == comparison.base.id:
        rows = []
        for doc in comparison.accounts:
            cov = comparison.coverage_of(claim_id, doc.id)
            rows.append(f"{html.escape(navigation.short_name(doc))}: {COVERAGE_LABEL[cov]}")
        parts.append("<br>".join(rows))
    for other, link in comparison.counterparts(claim_id):
        doc = comparison.document(other.doc)
        reasons = "; ".join(link.reasons)
        text = other.text if len(other.text) < 160 else other.text[:157] + "…"
        line = f"<i>{html.escape(navigation.short_name(doc))}</i>: “{html.escape(text)}”"
        if reasons:
            line += f"<br>&nbsp;&nbsp;{html.escape(reasons)}"
        parts.append(line)
    return "<qt>" + "<br>".join(parts) + "</qt>"


class CompareView(QWidget):
    """Panes and bands for the session's comparison. Rebuilt only when the set of documents changes."""

    syncChanged = Signal(bool)  # noqa: N815 - Qt signal naming

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.panes: list[Pane] = []
        self.bands: list[LinkBands] = []
        self.sync_scroll = True
        self._syncing = False
        self._doc_key: tuple = ()
        self._order: tuple[str, ...] = ()
        self._marks_cache: dict[str, tuple[dict, dict]] = {}
        self._pair_cache: dict[tuple[str, str], list[BandPair]] = {}
        self._anchor_cache: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self.setAccessibleName("Texts side by side")
        session.changed.connect(self.refresh)
        session.selectionChanged.connect(self._on_selection)
        self.refresh()

    # building
    def _rebuild(self) -> None:
        """New panes for a new set of documents (setting a long text is the slow part: done only here)."""
        for w in (*self.panes, *self.bands):
            self._layout.removeWidget(w)
            w.deleteLater()
        self.panes, self.bands = [], []
        comparison = self.session.comparison
        for i, doc in enumerate(comparison.documents):
            pane = Pane(doc, comparison.claims_of(doc.id), is_base=i == 0, parent=self)
            pane.view.tooltip_provider = lambda cid: claim_tooltip(
                self.session.comparison, cid, self.session.focus
            )
            pane.view.claimActivated.connect(self.session.select_claim)
            pane.view.verticalScrollBar().valueChanged.connect(lambda _v, v=pane.view: self._follow(v))
            self.panes.append(pane)
        self._order = ()
        self._arrange()

    def _arrange(self) -> None:
        """Puts the panes in ``pane_order`` (the compared account next to the base) with bands between them.

        Bands always show what the engine compared: a band that touches the base is an account's link to it,
        coloured by relation; between two accounts, a grey band only says that both tell the same base claim.
        """
        comparison = self.session.comparison
        order = tuple(navigation.pane_order(comparison, self.session.focus))
        if order == self._order:
            return
        self._order = order
        for w in (*self.panes, *self.bands):
            self._layout.removeWidget(w)
        for band in self.bands:
            band.deleteLater()
        self.bands = []
        by_doc = {p.document.id: p for p in self.panes}
        self.panes = [by_doc[d] for d in order]
        for i, pane in enumerate(self.panes):
            if i:
                left = self.panes[i - 1]
                band = LinkBands(
                    left.view,
                    pane.view,
                    lambda a=left.document.id, b=pane.document.id: self.pairs(a, b),
                    self._highlighted,
                    self,
                )
                band.pairClicked.connect(self._on_pair_clicked)
                self.bands.append(band)
                self._layout.addWidget(band)
            self._layout.addWidget(pane, 1)

    def refresh(self) -> None:
        comparison = self.session.comparison
        key = tuple((d.id, d.title, len(d.text), hash(d.text)) for d in comparison.documents)
        key += (tuple(c.id for c in comparison.claims),)
        if key != self._doc_key:
            self._doc_key = key
            self._rebuild()
        else:
            self._arrange()
        self._pair_cache.clear()
        self._anchor_cache.clear()
        self._marks_cache.clear()
        self._on_selection()

    def pairs(self, left_doc: str, right_doc: str) -> list[BandPair]:
        key = (left_doc, right_doc)
        if key not in self._pair_cache:
            self._pair_cache[key] = navigation.pairs_between(self.session.comparison, left_doc, right_doc)
        return self._pair_cache[key]

    def _highlighted(self) -> set[str]:
        if self.session.selected is None:
            return set()
        return {self.session.selected}

    def pane_of(self, claim_id: str) -> Pane | None:
        doc = navigation.doc_of(claim_id)
        for pane in self.panes:
            if pane.document.id == doc:
                return pane
        return None

    # selection
    def _pane_marks(self, doc_id: str) -> tuple[dict, dict]:
        """Marks and people's decisions of a pane's claims: they change with the comparison or the focus
        (both end in ``refresh``), not with the selection, so they are computed once per change."""
        if doc_id not in self._marks_cache:
            s = self.session
            claims = s.comparison.claims_of(doc_id)
            marks = {c.id: navigation.claim_mark(s.comparison, c, s.focus) for c in claims}
            decisions = {c.id: navigation.claim_decision(s.comparison, c, s.focus) for c in claims}
            self._marks_cache[doc_id] = (marks, {k: v for k, v in decisions.items() if v is not None})
        return self._marks_cache[doc_id]

    def _on_selection(self) -> None:
        s = self.session
        related = s.related()
        for pane in self.panes:
            marks, decisions = self._pane_marks(pane.document.id)
            pane.view.set_marks(marks, s.selected, related, decisions)
        if s.selected is not None:
            self.reveal(s.selected, related)
        for band in self.bands:
            band.update()

    def reveal(self, claim_id: str, related: set[str]) -> None:
        """Scrolls the claim into view, and each other pane to its counterpart (first by position)."""
        self._syncing = True
        try:
            origin = self.pane_of(claim_id)
            if origin is not None:
                origin.view.scroll_to_claim(claim_id)
            unrelated = []
            for pane in self.panes:
                if pane is origin:
                    continue
                mine = [c for c in pane.view.claims if c.id in related]
                level = origin.view.claim_y_range(claim_id) if origin is not None else None
                if mine and level is not None and self.sync_scroll:
                    # level with the selected claim, so the band between them runs straight across
                    top = pane.view.claim_doc_y(mine[0].id)
                    if top is not None:
                        pane.view.verticalScrollBar().setValue(int(top[0] - level[0]))
                    pane.view.scroll_to_claim(mine[0].id)
                elif mine:
                    pane.view.scroll_to_claim(mine[0].id)
                else:
                    unrelated.append(pane)
            if origin is not None and self.sync_scroll:
                # panes without a counterpart follow the alignment around the claim
                view = origin.view
                centre = view.verticalScrollBar().value() + view.viewport().height() / 2
                for pane in unrelated:
                    target = self._map_y(origin, pane, centre)
                    if target is not None:
                        pane.view.verticalScrollBar().setValue(
                            int(target - pane.view.viewport().height() / 2)
                        )
        finally:
            self._syncing = False

    def _on_pair_clicked(self, left: str, right: str) -> None:
        for other, link in self.session.comparison.counterparts(left):
            if other.id == right:
                self.session.select_claim(left, link.key)
                return
        self.session.select_claim(left)

    # synchronized scrolling
    def set_sync_scroll(self, on: bool) -> None:
        self.sync_scroll = on
        self.syncChanged.emit(on)

    def _anchors(self, src_doc: str, dst_doc: str) -> list[tuple[str, str]]:
        """Monotone list of (claim in src, claim in dst) pairs used to map a scroll position."""
        key = (src_doc, dst_doc)
        if key not in self._anchor_cache:
            order = {d: i for i, d in enumerate(self._order)}
            if order[src_doc] < order[dst_doc]:
                raw = [
                    (p.left, p.right)
                    for p in navigation.pairs_between(self.session.comparison, src_doc, dst_doc)
                ]
            else:
                raw = [
                    (p.right, p.left)
                    for p in navigation.pairs_between(self.session.comparison, dst_doc, src_doc)
                ]
            comparison = self.session.comparison
            raw.sort(key=lambda p: (comparison.claim(p[0]).start, comparison.claim(p[1]).start))
            mono, last = [], -1
            for a, b in raw:
                start = comparison.claim(b).start
                if start >= last:
                    mono.append((a, b))
                    last = start
            self._anchor_cache[key] = mono
        return self._anchor_cache[key]

    def _follow(self, source: ClaimTextView) -> None:
        if self._syncing or not self.sync_scroll:
            return
        src_pane = next((p for p in self.panes if p.view is source), None)
        if src_pane is None:
            return
        self._syncing = True
        try:
            centre = source.verticalScrollBar().value() + source.viewport().height() / 2
            for pane in self.panes:
                if pane is src_pane:
                    continue
                target = self._map_y(src_pane, pane, centre)
                if target is not None:
                    bar = pane.view.verticalScrollBar()
                    bar.setValue(int(target - pane.view.viewport().height() / 2))
        finally:
            self._syncing = False

    def _map_y(self, src: Pane, dst: Pane, y: float) -> float | None:
        anchors = self._anchors(src.document.id, dst.document.id)
        pts = []
        for a, b in anchors:
            ya, yb = src.view.claim_doc_y(a), dst.view.claim_doc_y(b)
            if ya is not None and yb is not None:
                pts.append((ya[0], yb[0]))
        if not pts:
            return None
        xs = [p[0] for p in pts]
        i = bisect.bisect_right(xs, y)
        if i == 0:
            return pts[0][1] - (pts[0][0] - y)
        if i == len(pts):
            return pts[-1][1] + (y - pts[-1][0])
        (x0, y0), (x1, y1) = pts[i - 1], pts[i]
        t = 0.0 if x1 == x0 else (y - x0) / (x1 - x0)
        return y0 + t * (y1 - y0)

    def legend_marks(self) -> list[Mark]:
        return list(MARK_STYLES)
