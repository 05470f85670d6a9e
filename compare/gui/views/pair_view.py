"""The pair view: two linked claims one above the other, with what differs between them highlighted, and the
link's reasons beside them (rich text for the details panel; no Qt here).

Facts that differ (numbers, dates, durations, negations, the speaker) are marked strongly; other words found
in only one of the two claims lightly. Every piece of document text goes through ``html.escape``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from compare.model import Claim, Facts, Link

WORD = re.compile(r"\w+(?:[.,:]\d+)*", re.UNICODE)
FACT_STYLE = "background:#FAD7C0;color:#7A2E00;font-weight:bold;text-decoration:underline"
WORD_STYLE = "background:#E8E8E2;color:#1D1D1B"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str  # "fact" (a number, date, negation or speaker that the other claim lacks) or "word"
    what: str = ""  # for a fact: "number", "date", "duration", "negation", "speaker"


def _fact_texts(facts: Facts) -> list[tuple[str, str]]:
    out = [("number", q.text) for q in facts.numbers]
    out += [("date", d.text) for d in facts.dates]
    out += [("duration", d.text) for d in facts.durations]
    out += [("negation", n) for n in facts.negations]
    if facts.speaker:
        out.append(("speaker", facts.speaker))
    return [(what, text) for what, text in out if text]


def _norm(text: str) -> str:
    return " ".join(WORD.findall(text.casefold()))


def differing_spans(claim: Claim, other: Claim) -> list[Span]:
    """Where ``claim`` differs from ``other``: its facts that ``other`` does not state the same way, then its
    words that ``other`` does not use. Non-overlapping, in text order."""
    other_facts = {(what, _norm(t)) for what, t in _fact_texts(other.facts)}
    other_words = {w.casefold() for w in WORD.findall(other.text)}
    lowered = claim.text.casefold()
    spans: list[Span] = []
    for what, text in _fact_texts(claim.facts):
        if (what, _norm(text)) in other_facts:
            continue
        at = lowered.find(text.casefold())
        if at >= 0:
            spans.append(Span(at, at + len(text), "fact", what))
    taken = [(s.start, s.end) for s in spans]
    for m in WORD.finditer(claim.text):
        if m.group().casefold() in other_words:
            continue
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        spans.append(Span(m.start(), m.end(), "word"))
    return sorted(spans, key=lambda s: s.start)


def highlighted(claim: Claim, other: Claim) -> str:
    """The claim's text as HTML, with what differs from ``other`` highlighted (escaped everywhere)."""
    out, pos = [], 0
    for span in differing_spans(claim, other):
        out.append(html.escape(claim.text[pos : span.start]))
        piece = html.escape(claim.text[span.start : span.end])
        if span.kind == "fact":
            out.append(f"<span style='{FACT_STYLE}' title='{span.what} differs'>{piece}</span>")
        else:
            out.append(f"<span style='{WORD_STYLE}'>{piece}</span>")
        pos = span.end
    out.append(html.escape(claim.text[pos:]))
    return "".join(out)


def pair_html(first: Claim, first_label: str, second: Claim, second_label: str, link: Link) -> str:
    """Both claims one above the other (labelled with their texts' names), the reasons in a column beside."""
    reasons = "".join(f"<li>{html.escape(r)}</li>" for r in link.reasons) or "<li>no reason recorded</li>"
    claims = (
        f"<p style='margin:0;color:gray'>{html.escape(first_label)}</p>"
        f"<p style='margin:1px 0 6px 0'>“{highlighted(first, second)}”</p>"
        f"<p style='margin:0;color:gray'>{html.escape(second_label)}</p>"
        f"<p style='margin:1px 0 0 0'>“{highlighted(second, first)}”</p>"
    )
    return (
        "<table width='100%' cellspacing=0 cellpadding=2><tr>"
        f"<td width='58%' valign='top'>{claims}</td>"
        "<td width='42%' valign='top' style='border-left:1px solid #bbb;padding-left:6px'>"
        f"<span style='color:gray'>Why</span><ul style='margin:0 0 0 -18px'>{reasons}</ul></td>"
        "</tr></table>"
        "<p style='margin:2px 0;color:gray;font-size:small'>"
        f"<span style='{FACT_STYLE}'>&nbsp;fact&nbsp;</span> a number, date, negation or speaker the other "
        f"does not state the same way · <span style='{WORD_STYLE}'>&nbsp;word&nbsp;</span> only in one of the "
        "two</p>"
    )
