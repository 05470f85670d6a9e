"""Questions the views ask about a Comparison that the model itself does not answer (no Qt here).

``pairs_between`` feeds the bands between two adjacent panes, ``base_mark``/``claim_mark`` the colours,
``related_claims`` the selection, and ``difference_stops`` the next/previous-difference navigation.
"""

from __future__ import annotations

from dataclasses import dataclass

from compare.model import Claim, Comparison, Document, Link, Mark, Relation
from compare.review import queue as review


@dataclass(frozen=True, slots=True)
class BandPair:
    """Two claims in adjacent panes joined by a band, and the relation that colours it."""

    left: str
    right: str
    relation: Relation
    link: Link | None  # the link itself, or None when the pair is joined through a base claim
    via: str = ""  # the base claim through which two accounts are joined


def doc_of(claim_id: str) -> str:
    return claim_id.split(":", 1)[0]


def base_mark(comparison: Comparison, claim_id: str, focus: str | None) -> Mark:
    """The mark of a base claim against one account, or against all accounts when ``focus`` is None.

    Against all accounts (the model's rule) a claim differs when any account tells it differently, and is
    "not found" only when no account carries it; per-account gaps show when an account is chosen, in the
    coverage matrix, and in the claim's tooltip.
    """
    return comparison.mark_of(claim_id, focus)


def claim_mark(comparison: Comparison, claim: Claim, focus: str | None) -> Mark:
    if claim.doc == comparison.base.id:
        return base_mark(comparison, claim.id, focus)
    return comparison.mark_of(claim.id)


def claim_decision(comparison: Comparison, claim: Claim, focus: str | None) -> review.Decision | None:
    """A person's decision on the links that make the claim's mark (against ``focus`` for a base claim)."""
    if claim.doc == comparison.base.id:
        return review.decision(comparison, claim.id, focus)
    return review.decision(comparison, claim.id, comparison.base.id)


def pane_order(comparison: Comparison, focus: str | None) -> list[str]:
    """Documents left to right: the base, then the account it is compared with (``focus``, else the first
    account), then the others, so the account whose marks the base shows has its bands to the base."""
    accounts = [d.id for d in comparison.accounts]
    if focus in accounts:
        accounts.remove(focus)
        accounts.insert(0, focus)
    return [comparison.base.id, *accounts]


def pairs_between(comparison: Comparison, left_doc: str, right_doc: str) -> list[BandPair]:
    """Pairs of claims to join between two panes: their direct links; and between two accounts also the claims
    that tell the same base claim (``via`` set, ``link`` None: a grey band, since the engine compared each
    account with the base, not the two accounts with each other)."""
    out: dict[tuple[str, str], BandPair] = {}
    for claim in comparison.claims_of(left_doc):
        for other, link in comparison.counterparts(claim.id, right_doc):
            out[(claim.id, other.id)] = BandPair(claim.id, other.id, link.relation, link)
    base = comparison.base.id
    if base not in (left_doc, right_doc):
        for b in comparison.claims_of(base):
            lefts = comparison.counterparts(b.id, left_doc)
            rights = comparison.counterparts(b.id, right_doc)
            for lc, _ in lefts:
                for rc, rlink in rights:
                    if (lc.id, rc.id) not in out:
                        out[(lc.id, rc.id)] = BandPair(lc.id, rc.id, rlink.relation, None, via=b.id)
    return list(out.values())


def related_claims(comparison: Comparison, claim_id: str) -> set[str]:
    """The claims to highlight with ``claim_id``: its counterparts, and for an account claim also the claims
    of other accounts that share its base counterpart."""
    out = {c.id for c, _ in comparison.counterparts(claim_id)}
    if doc_of(claim_id) != comparison.base.id:
        for base_id in [c for c in out if doc_of(c) == comparison.base.id]:
            out |= {c.id for c, _ in comparison.counterparts(base_id)}
    out.discard(claim_id)
    return out


def _reading_keys(comparison: Comparison) -> dict[str, tuple[int, int, int]]:
    """A position for every claim in the base's reading order: base claims by offset; an account claim after
    the base claim that it (or the nearest claim before it in its account) is linked to."""
    base = comparison.base.id
    keys = {c.id: (c.start, 0, 0) for c in comparison.claims_of(base)}
    for order, doc in enumerate(comparison.accounts, start=1):
        anchor = -1
        for c in comparison.claims_of(doc.id):
            linked = comparison.counterparts(c.id, base)
            if linked:
                anchor = max(anchor, min(b.start for b, _ in linked))
            keys[c.id] = (anchor, order, c.start)
    return keys


def difference_stops(comparison: Comparison, focus: str | None = None) -> list[str]:
    """Claims to visit with next/previous difference (F8/F7): base claims told differently by ``focus`` (or by
    any account), in reading order. Differences only: claims not found, which are most of a long text, and
    the engine's suggestions are stepped through with "Next to check" (F6) instead."""
    return review.differing_claims(comparison, focus)


def next_stop(stops: list[str], comparison: Comparison, current: str | None, step: int) -> str | None:
    """The stop after (``step`` = 1) or before (-1) ``current`` in reading order; wraps around."""
    if not stops:
        return None
    if current in stops:
        return stops[(stops.index(current) + step) % len(stops)]
    if current is None:
        return stops[0] if step > 0 else stops[-1]
    keys = _reading_keys(comparison)
    here = keys.get(current, (-1, 0, 0))
    if step > 0:
        return next((s for s in stops if keys[s] > here), stops[0])
    return next((s for s in reversed(stops) if keys[s] < here), stops[-1])


def short_name(doc: Document) -> str:
    """How to name an account in lists: its outlet when known (what journalists say), else its title."""
    return doc.outlet or doc.title or doc.id


def long_name(doc: Document) -> str:
    return " · ".join(x for x in (doc.outlet, doc.title) if x) or doc.id
