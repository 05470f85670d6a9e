"""The details panel: the selected claim in full, each counterpart with the link's reasons, the facts found in
each claim, notes, and the buttons that confirm, reject, relabel or unlink the current link.

Rendered as rich text in a QTextBrowser; every string that comes from a document or a person goes through
``html.escape`` first.
"""

from __future__ import annotations

import html

from compare.gui.qt import (
    QAction,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    Qt,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from compare.gui.session import Session
from compare.gui.views.pair_view import pair_html
from compare.gui.views.theme import COVERAGE_LABEL, COVERAGE_MARK, MARK_STYLES
from compare.model import Claim, Comparison, Facts, Link, LinkStatus, Mark, Relation
from compare.review import navigation
from compare.review.edits import annotation_of
from compare.review.queue import possible_counterparts

STATUS_LABEL = {
    LinkStatus.MACHINE: "proposed by the engine",
    LinkStatus.CONFIRMED: "confirmed by you",
    LinkStatus.REJECTED: "rejected",
    LinkStatus.MANUAL: "drawn by hand",
}
RELATION_MARK = {Relation.AGREE: Mark.AGREE, Relation.CONTRADICT: Mark.CONTRADICT}


def confidence_words(confidence: float | None, *, short: bool = False) -> str:
    """`` · confidence 82%`` (the engine's estimate that the pair is right); nothing when none was made."""
    if confidence is None:
        return ""
    return f" · {round(confidence * 100)}%" if short else f" · confidence {round(confidence * 100)}%"


def e(text: object) -> str:
    return html.escape(str(text))


def facts_html(facts: Facts) -> str:
    rows = []
    if facts.speaker:
        rows.append(("Speaker", e(facts.speaker)))
    if facts.numbers:
        rows.append(("Numbers", ", ".join(e(f"{q.bound} {q.text} {q.unit}".strip()) for q in facts.numbers)))
    if facts.dates:
        rows.append(("Dates", ", ".join(e(d.text) for d in facts.dates)))
    if facts.durations:
        rows.append(("Durations", ", ".join(e(d.text) for d in facts.durations)))
    if facts.entities:
        rows.append(("Names", ", ".join(e(x) for x in facts.entities)))
    if facts.negations:
        rows.append(("Negation", ", ".join(e(x) for x in facts.negations)))
    if facts.quoted:
        rows.append(("Quote", "yes"))
    if not rows:
        return "<span style='color:gray'>No numbers, dates, names or negations found.</span>"
    return (
        "<table cellspacing=0 cellpadding=1>"
        + "".join(f"<tr><td style='color:gray;padding-right:8px'>{k}</td><td>{v}</td></tr>" for k, v in rows)
        + "</table>"
    )


def _badge(mark: Mark) -> str:
    style = MARK_STYLES[mark]
    return (
        f"<span style='background:{style.colour};color:white;font-weight:bold'>"
        f"&nbsp;{e(style.glyph)} {e(style.label)}&nbsp;</span>"
    )


def _note_html(comparison: Comparison, target: str) -> str:
    ann = annotation_of(comparison, target)
    if ann is None:
        return ""
    label = f"<b>[{e(ann.label)}]</b> " if ann.label else ""
    who = f" <span style='color:gray'>— {e(ann.author)}</span>" if ann.author else ""
    return f"<p style='margin-top:4px'>✎ {label}{e(ann.note)}{who}</p>"


def claim_block(comparison: Comparison, claim: Claim) -> str:
    doc = comparison.document(claim.doc)
    return (
        f"<p style='margin:0'><span style='color:gray'>{e(navigation.long_name(doc))}</span></p>"
        f"<p style='margin:2px 0 4px 0'>“{e(claim.text)}”</p>"
        + facts_html(claim.facts)
        + _note_html(comparison, claim.id)
    )


def _coverage_rows(comparison: Comparison, claim_id: str) -> str:
    rows = []
    for d in comparison.accounts:
        cov = comparison.coverage_of(claim_id, d.id)
        style = MARK_STYLES[COVERAGE_MARK[cov]]
        rows.append(
            f"<tr><td style='color:{style.colour};font-weight:bold'>{e(style.glyph)}</td>"
            f"<td>{COVERAGE_LABEL[cov]}</td><td style='padding-left:6px'>{e(navigation.short_name(d))}</td></tr>"
        )
    return (
        "<p style='margin:8px 0 2px 0;color:gray'>In each account</p>"
        f"<table cellspacing=0 cellpadding=1>{''.join(rows)}</table>"
    )


def details_html(comparison: Comparison, claim_id: str | None, focus: str | None, link: Link | None) -> str:
    """The selected claim's mark, then the selected link as a pair view (both claims, what differs, why),
    then what every account does with the claim, then the facts found."""
    if claim_id is None:
        return (
            "<p style='color:gray'>Click a claim in a text, a band between texts, or a row of the table to see "
            "how the accounts tell it. F8 / F7 step through the differences; F6 through the rest to check.</p>"
        )
    claim = comparison.claim(claim_id)
    mark = navigation.claim_mark(comparison, claim, focus)
    parts = [f"<p style='margin:0 0 4px 0'><span style='color:gray'>Claim</span> {_badge(mark)}</p>"]
    other = None
    if link is not None:
        other_id = link.b if link.a == claim_id else link.a
        if other_id in {c.id for c in comparison.claims}:
            other = comparison.claim(other_id)
    if link is not None and other is not None:
        rel = RELATION_MARK[link.relation]
        parts.append(
            f"<p style='margin:0 0 4px 0'><span style='color:gray'>Link</span> {_badge(rel)} &nbsp;"
            f"score {link.score:.2f}{confidence_words(link.confidence)} · "
            f"{e(STATUS_LABEL[link.status])}</p>"
        )
        first, second = (claim, other) if link.a == claim_id else (other, claim)
        parts.append(
            pair_html(
                first,
                navigation.short_name(comparison.document(first.doc)),
                second,
                navigation.short_name(comparison.document(second.doc)),
                link,
            )
        )
        parts.append(_note_html(comparison, claim.id) + _note_html(comparison, other.id))
        parts.append(_note_html(comparison, f"{link.a}|{link.b}"))
    else:
        parts.append(claim_block(comparison, claim))
        if not comparison.counterparts(claim_id):
            where = "the base text" if claim.doc != comparison.base.id else "any account"
            parts.append(
                f"<p style='color:gray'>Not found in {where}. "
                "You can link it by hand: Link to… (Ctrl+L) lists the claims to choose from.</p>"
            )
    if claim.doc == comparison.base.id and comparison.accounts:
        parts.append(_coverage_rows(comparison, claim_id))
    if other is not None:
        for c in (claim, other):
            name = navigation.short_name(comparison.document(c.doc))
            parts.append(f"<p style='margin:8px 0 2px 0;color:gray'>Facts found · {e(name)}</p>")
            parts.append(facts_html(c.facts))
    return "".join(parts)


class DetailsPanel(QWidget):
    """Selected claim + its links. ``actions`` are the window's link actions shown as buttons."""

    def __init__(self, session: Session, actions: list[QAction], parent=None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        title = QLabel("Details", self)
        f = title.font()
        f.setBold(True)
        title.setFont(f)
        layout.addWidget(title)
        self.links = QListWidget(self)
        self.links.setAccessibleName("Links of the selected claim")
        self.links.setToolTip("The links of the selected claim; the buttons below act on the chosen one")
        self.links.setMaximumHeight(80)
        self.links.setMinimumHeight(24)
        self.links.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.links.setTextElideMode(Qt.TextElideMode.ElideRight)
        layout.addWidget(self.links)
        buttons = QGridLayout()
        buttons.setSpacing(3)
        self.buttons = []
        for i, action in enumerate(actions):
            b = QToolButton(self)
            b.setDefaultAction(action)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            buttons.addWidget(b, i // 3, i % 3)
            self.buttons.append(b)
        layout.addLayout(buttons)
        self.offers_title = QLabel("Possible counterparts (★ suggested): Return links", self)
        self.offers_title.setStyleSheet("color: gray")
        self.offers = QListWidget(self)
        self.offers.setAccessibleName("Possible counterparts of the selected claim")
        self.offers.setToolTip(
            "Claims the engine found close but not sure enough to link, most likely first. Return, a "
            "double-click or Ctrl+Shift+Return links the chosen one (the relation and reasons are worked out "
            "as for any link)."
        )
        self.offers.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.offers.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.offers.itemActivated.connect(lambda _item: self.link_offer())
        layout.addWidget(self.offers_title)
        layout.addWidget(self.offers)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName("Details of the selected claim")
        layout.addWidget(self.browser, 1)
        self.links.currentRowChanged.connect(self._on_link_row)
        session.selectionChanged.connect(self.refresh)
        session.changed.connect(self.refresh)
        self._keys: list[tuple[str, str]] = []
        self._offers: list[str] = []
        self.link_requested = None  # set by the window: (claim id, other claim id) -> None
        self.refresh()

    def link_offer(self) -> bool:
        """Links the selected claim to the chosen possible counterpart (the first if none is chosen)."""
        if self.session.selected is None or not self._offers or self.link_requested is None:
            return False
        row = max(self.offers.currentRow(), 0)
        self.link_requested(self.session.selected, self._offers[row])
        return True

    def _fill_offers(self) -> None:
        s = self.session
        self.offers.clear()
        offers = possible_counterparts(s.comparison, s.selected) if s.selected is not None else []
        self._offers = [o.other for o in offers]
        for o in offers:
            other = s.comparison.claim(o.other)
            name = navigation.short_name(s.comparison.document(other.doc))
            sure = f"{round(o.confidence * 100)}%" if o.confidence is not None else f"score {o.score:.2f}"
            item = QListWidgetItem(f"{'★ ' if o.suggested else ''}{sure} · {name}: {other.text}")
            reasons = "; ".join(o.reasons)
            item.setData(Qt.ItemDataRole.ToolTipRole, html.escape(f"{other.text}\n{reasons}".strip()))
            self.offers.addItem(item)
        if offers:
            self.offers.setCurrentRow(0)
            rows = min(len(offers), 4)
            self.offers.setFixedHeight(
                rows * self.offers.sizeHintForRow(0) + 2 * self.offers.frameWidth() + 2
            )
        self.offers.setVisible(bool(offers))
        self.offers_title.setVisible(bool(offers))

    def _on_link_row(self, row: int) -> None:
        if 0 <= row < len(self._keys):
            self.session.select_link(self._keys[row])

    def refresh(self) -> None:
        s = self.session
        comparison = s.comparison
        self.links.blockSignals(True)
        self.links.clear()
        self._keys = []
        if s.selected is not None:
            for other, link in comparison.counterparts(s.selected):
                doc = comparison.document(other.doc)
                style = MARK_STYLES[RELATION_MARK[link.relation]]
                item = QListWidgetItem(
                    f"{style.glyph} {style.label} · {link.score:.2f}{confidence_words(link.confidence, short=True)}"
                    f" · {navigation.short_name(doc)}"
                )
                item.setData(
                    Qt.ItemDataRole.ToolTipRole,
                    html.escape(f"{doc.title}: {other.text} ({STATUS_LABEL[link.status]})"),
                )
                self.links.addItem(item)
                self._keys.append(link.key)
            if s.link_key in self._keys:
                self.links.setCurrentRow(self._keys.index(s.link_key))
        # as tall as its rows (up to four), so a single link does not take the room of the pair view
        rows = min(max(self.links.count(), 1), 4)
        self.links.setFixedHeight(rows * self.links.sizeHintForRow(0) + 2 * self.links.frameWidth() + 2)
        self.links.blockSignals(False)
        self._fill_offers()
        self.browser.setHtml(details_html(comparison, s.selected, s.focus, s.current_link()))
