"""What a person has to check in a comparison, and what they already decided (no Qt, no I/O).

Shared by the app's review queue and the HTML report, so both count the same things:

- ``claim_counts``: per account, *base claims* carried / told differently / not found, and the account's
  claims only found there; the legend, the coverage matrix and the report all show these numbers.
- ``review_queue``: the items a person should look at, in the order to look at them: differences first, then
  the engine's possible counterparts (suggestions), then claims not found in the other text.
- ``decision``: what a person did about a claim's links (confirmed, drew by hand, rejected), for the marks.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from enum import StrEnum

from compare.model import Comparison, Coverage, Link, LinkStatus, Mark, Relation


class Kind(StrEnum):
    DIFFERENCE = "difference"
    SUGGESTION = "suggestion"
    OMISSION = "omission"  # a base claim not found in the account (or in any account)
    ONLY_HERE = "only_here"  # an account's claim not found in the base


KIND_ORDER = (Kind.DIFFERENCE, Kind.SUGGESTION, Kind.OMISSION, Kind.ONLY_HERE)


class Decision(StrEnum):
    CONFIRMED = "confirmed"
    MANUAL = "manual"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class Offer:
    """A possible counterpart of a claim: the engine's suggestion or one of its best candidates."""

    other: str
    score: float
    confidence: float | None
    reasons: tuple[str, ...] = ()
    suggested: bool = False  # the engine's own suggestion (else one of its best candidates)


@dataclass(frozen=True, slots=True)
class ReviewItem:
    claim: str
    kind: Kind
    checked: bool
    other: str = ""  # the suggested counterpart, for a suggestion


def claim_counts(comparison: Comparison) -> dict[str, dict[str, int]]:
    """Per account: base claims it carries (``agree``), tells differently (``contradict``), lacks
    (``omitted``), and its own claims not found in the base (``only_here``). Claims, not links: a base claim
    told in two sentences of an account counts once, as in the coverage matrix."""
    out: dict[str, dict[str, int]] = {}
    base_claims = comparison.claims_of(comparison.base.id)
    for doc in comparison.accounts:
        cov = [comparison.coverage_of(c.id, doc.id) for c in base_claims]
        only = sum(1 for c in comparison.claims_of(doc.id) if comparison.mark_of(c.id) is Mark.ONLY_HERE)
        out[doc.id] = {
            "agree": cov.count(Coverage.CARRIED),
            "contradict": cov.count(Coverage.CONTRADICTED),
            "omitted": cov.count(Coverage.OMITTED),
            "only_here": only,
        }
    return out


def suggestions(comparison: Comparison) -> tuple[Link, ...]:
    """The engine's possible counterparts: pairs it is not sure enough of to mark."""
    return comparison.suggestions


# Below one chance in twenty the engine is guessing: such candidates are not offered (Link to… lists every
# claim of the other texts anyway).
MIN_OFFER_CONFIDENCE = 0.05


def possible_counterparts(comparison: Comparison, claim_id: str, per_account: int = 3) -> list[Offer]:
    """The engine's suggestions first, then its best candidates in the texts where the claim has no link
    yet, each most likely first (by confidence, then score), at most ``per_account`` in each other text."""
    linked = {lk.b if lk.a == claim_id else lk.a for lk in comparison.links if claim_id in lk.key}
    covered = {other.doc for other, _ in comparison.counterparts(claim_id)}
    offers: dict[str, Offer] = {}
    for s in comparison.suggestions_of(claim_id):
        other = s.b if s.a == claim_id else s.a
        offers[other] = Offer(other, s.score, s.confidence, s.reasons, suggested=True)
    for c in comparison.candidates_of(claim_id):
        if c.other in offers or c.other.split(":")[0] in covered or c.confidence < MIN_OFFER_CONFIDENCE:
            continue
        offers[c.other] = Offer(c.other, c.score, c.confidence)
    known = {c.id for c in comparison.claims}
    ranked = sorted(
        (o for o in offers.values() if o.other not in linked and o.other in known),
        key=lambda o: (
            not o.suggested,
            -(o.confidence if o.confidence is not None else -1.0),
            -o.score,
            o.other,
        ),
    )
    out, per_doc = [], {}
    for o in ranked:
        doc = o.other.split(":")[0]
        per_doc[doc] = per_doc.get(doc, 0) + 1
        if per_doc[doc] <= per_account:
            out.append(o)
    return out


@dataclass(frozen=True, slots=True)
class _Index:
    decided: dict[str, list[Link]]  # claim id -> links a person confirmed, drew or rejected
    noted: set[str]  # claim ids with a label or note


_INDEX: dict[int, tuple[weakref.ref, _Index]] = {}


def _index(comparison: Comparison) -> _Index:
    """People's decisions by claim, built once per comparison value (the views ask for every claim on each
    selection; scanning every link for each claim would be quadratic on long texts)."""
    hit = _INDEX.get(id(comparison))
    if hit is not None and hit[0]() is comparison:
        return hit[1]
    decided: dict[str, list[Link]] = {}
    for lk in comparison.links:
        if lk.status is not LinkStatus.MACHINE:
            decided.setdefault(lk.a, []).append(lk)
            decided.setdefault(lk.b, []).append(lk)
    noted = {a.target for a in comparison.annotations if a.label or a.note}
    index = _Index(decided, noted)
    for key in [k for k, (ref, _) in _INDEX.items() if ref() is None]:
        del _INDEX[key]
    _INDEX[id(comparison)] = (weakref.ref(comparison), index)
    return index


def _decided_links(comparison: Comparison, claim_id: str) -> list[Link]:
    return _index(comparison).decided.get(claim_id, [])


def _has_note(comparison: Comparison, claim_id: str) -> bool:
    return claim_id in _index(comparison).noted


def decision(comparison: Comparison, claim_id: str, other_doc: str | None = None) -> Decision | None:
    """What a person decided about the claim's links (to ``other_doc`` only, when given): a hand-drawn link
    beats a confirmed one, which beats a rejected one; None when nobody decided anything."""
    links = [
        lk
        for lk in _decided_links(comparison, claim_id)
        if other_doc is None or other_doc in (lk.a.split(":")[0], lk.b.split(":")[0])
    ]
    statuses = {lk.status for lk in links}
    for status, result in (
        (LinkStatus.MANUAL, Decision.MANUAL),
        (LinkStatus.CONFIRMED, Decision.CONFIRMED),
        (LinkStatus.REJECTED, Decision.REJECTED),
    ):
        if status in statuses:
            return result
    return None


def _reading_key(comparison: Comparison) -> dict[str, tuple[int, int]]:
    order = {d.id: i for i, d in enumerate(comparison.documents)}
    return {c.id: (order[c.doc], c.start) for c in comparison.claims}


def differing_claims(comparison: Comparison, focus: str | None = None) -> list[str]:
    """Base claims told differently by ``focus`` (or by any account), in reading order."""
    return [
        c.id
        for c in comparison.claims_of(comparison.base.id)
        if comparison.mark_of(c.id, focus) is Mark.CONTRADICT
    ]


def review_queue(comparison: Comparison, focus: str | None = None) -> list[ReviewItem]:
    """Everything to check, differences first, then suggestions, then claims not found (against ``focus``,
    or against every account when None). An item is checked once a person decided about it: confirmed,
    relabelled, rejected or drew a link, or wrote a note on the claim ("Mark as checked" writes one)."""
    base = comparison.base.id
    items: list[ReviewItem] = []
    for claim_id in differing_claims(comparison, focus):
        differing = [
            lk for other, lk in comparison.counterparts(claim_id, focus) if lk.relation is Relation.CONTRADICT
        ]
        checked = _has_note(comparison, claim_id) or all(
            lk.status is not LinkStatus.MACHINE for lk in differing
        )
        items.append(ReviewItem(claim_id, Kind.DIFFERENCE, checked))
    key = _reading_key(comparison)
    offered = []
    for s in suggestions(comparison):
        if s.a not in key or s.b not in key:
            continue
        docs = {s.a.split(":")[0], s.b.split(":")[0]}
        if focus is not None and docs != {base, focus}:
            continue
        checked = (
            _has_note(comparison, s.a)
            or bool(_decided_links(comparison, s.a))
            or bool(_decided_links(comparison, s.b))
        )
        offered.append(ReviewItem(s.a, Kind.SUGGESTION, checked, s.b))
    items += sorted(offered, key=lambda i: key[i.claim])
    for c in comparison.claims_of(base):
        if comparison.mark_of(c.id, focus) is Mark.OMITTED:
            checked = _has_note(comparison, c.id) or bool(_decided_links(comparison, c.id))
            items.append(ReviewItem(c.id, Kind.OMISSION, checked))
    for doc in comparison.accounts:
        if focus is not None and doc.id != focus:
            continue
        for c in comparison.claims_of(doc.id):
            if comparison.mark_of(c.id) is Mark.ONLY_HERE:
                checked = _has_note(comparison, c.id) or bool(_decided_links(comparison, c.id))
                items.append(ReviewItem(c.id, Kind.ONLY_HERE, checked))
    return items


def person_marks(comparison: Comparison) -> dict[str, int]:
    """How many links a person confirmed, drew by hand or rejected, and how many notes they wrote."""
    count = {s: sum(1 for lk in comparison.links if lk.status is s) for s in LinkStatus}
    return {
        "confirmed": count[LinkStatus.CONFIRMED],
        "manual": count[LinkStatus.MANUAL],
        "rejected": count[LinkStatus.REJECTED],
        "notes": sum(1 for a in comparison.annotations if a.label or a.note),
    }
