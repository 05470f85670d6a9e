"""Rules every comparison in a project file obeys, checked on save and again on open.

Saving checks them so that the app never writes a file it would refuse to open; opening checks them because
the file may come from anyone. Pure functions of model values: no SQL here.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from compare.model import Claim, Comparison, LinkStatus, Relation
from compare.store import limits

MAX_REPORTED = 20  # problems listed per check; a broken file can have thousands


def check_comparison(comparison: Comparison) -> list[str]:
    """Every rule the comparison breaks, as short sentences (at most ``MAX_REPORTED``); empty when valid."""
    problems = []
    for problem in _problems(comparison):
        problems.append(problem)
        if len(problems) >= MAX_REPORTED:
            break
    return problems


def _problems(c: Comparison) -> Iterator[str]:
    yield from _check_documents(c)
    yield from _check_claims(c)
    yield from _check_links(c)
    yield from _check_suggestions(c)
    yield from _check_furniture(c)
    yield from _check_annotations(c)


def _check_documents(c: Comparison) -> Iterator[str]:
    if not c.documents:
        yield "no documents"
    if len(c.documents) > limits.MAX_DOCUMENTS:
        yield f"{len(c.documents)} documents, more than the limit of {limits.MAX_DOCUMENTS}"
    seen: set[str] = set()
    total = 0
    for d in c.documents:
        if not d.id or ":" in d.id or "|" in d.id:
            yield f"document id {d.id!r} is empty or contains ':' or '|'"
        if d.id in seen:
            yield f"document id {d.id!r} is used twice"
        seen.add(d.id)
        if len(d.text) > limits.MAX_TEXT_CHARS:
            yield f"document {d.id} has {len(d.text):,} characters, more than the limit of {limits.MAX_TEXT_CHARS:,}"
        total += len(d.text)
    if total > limits.MAX_TOTAL_TEXT_CHARS:
        yield f"documents hold {total:,} characters, more than the limit of {limits.MAX_TOTAL_TEXT_CHARS:,}"


def _check_claims(c: Comparison) -> Iterator[str]:
    if len(c.claims) > limits.MAX_CLAIMS:
        yield f"{len(c.claims):,} claims, more than the limit of {limits.MAX_CLAIMS:,}"
    docs = {d.id: d for d in c.documents}
    seen: set[str] = set()
    for claim in c.claims:
        doc = docs.get(claim.doc)
        if doc is None:
            yield f"claim {claim.id} belongs to unknown document {claim.doc!r}"
            continue
        if claim.id in seen:
            yield f"claim id {claim.id!r} is used twice"
        seen.add(claim.id)
        if not claim.id.startswith(f"{claim.doc}:") or "|" in claim.id:
            yield f"claim id {claim.id!r} does not start with its document id {claim.doc}: or contains '|'"
        if not 0 <= claim.start < claim.end <= len(doc.text):
            yield f"claim {claim.id} spans {claim.start}..{claim.end}, outside 0..{len(doc.text)} of document {doc.id}"
        elif doc.text[claim.start : claim.end] != claim.text:
            yield f"claim {claim.id} text differs from its document at {claim.start}..{claim.end}"
        if not all(math.isfinite(q.value) for q in (*claim.facts.numbers, *claim.facts.durations)):
            yield f"claim {claim.id} has a number that is not finite"


def _check_links(c: Comparison) -> Iterator[str]:
    if len(c.links) > limits.MAX_LINKS:
        yield f"{len(c.links):,} links, more than the limit of {limits.MAX_LINKS:,}"
    claims = {claim.id: claim for claim in c.claims}
    for link in c.links:
        a, b = claims.get(link.a), claims.get(link.b)
        if a is None or b is None:
            yield f"link {link.a} -> {link.b} points to a claim that does not exist"
        elif a.doc == b.doc:
            yield f"link {link.a} -> {link.b} joins two claims of the same document"
        if link.relation not in tuple(Relation) or link.status not in tuple(LinkStatus):
            yield f"link {link.a} -> {link.b} has relation {link.relation!r} / status {link.status!r}"
        if not math.isfinite(link.score):
            yield f"link {link.a} -> {link.b} has a score that is not a finite number"
        if link.confidence is not None and not (
            math.isfinite(link.confidence) and 0.0 <= link.confidence <= 1.0
        ):
            yield f"link {link.a} -> {link.b} has a confidence that is not a number from 0 to 1"


def _check_pair(
    claims: dict[str, Claim], what: str, a_id: str, b_id: str, score: float, confidence: float | None
) -> Iterator[str]:
    a, b = claims.get(a_id), claims.get(b_id)
    if a is None or b is None:
        yield f"{what} {a_id} -> {b_id} points to a claim that does not exist"
    elif a.doc == b.doc:
        yield f"{what} {a_id} -> {b_id} joins two claims of the same document"
    if not math.isfinite(score):
        yield f"{what} {a_id} -> {b_id} has a score that is not a finite number"
    if confidence is not None and not (math.isfinite(confidence) and 0.0 <= confidence <= 1.0):
        yield f"{what} {a_id} -> {b_id} has a confidence that is not a number from 0 to 1"


def _check_suggestions(c: Comparison) -> Iterator[str]:
    if len(c.suggestions) > limits.MAX_SUGGESTIONS:
        yield f"{len(c.suggestions):,} suggestions, more than the limit of {limits.MAX_SUGGESTIONS:,}"
    if len(c.candidates) > limits.MAX_CANDIDATES:
        yield f"{len(c.candidates):,} candidates, more than the limit of {limits.MAX_CANDIDATES:,}"
    claims = {claim.id: claim for claim in c.claims}
    for s in c.suggestions:
        yield from _check_pair(claims, "suggestion", s.a, s.b, s.score, s.confidence)
        if s.relation not in tuple(Relation):
            yield f"suggestion {s.a} -> {s.b} has relation {s.relation!r}"
    for cand in c.candidates:
        yield from _check_pair(claims, "candidate", cand.claim, cand.other, cand.score, cand.confidence)
        if cand.rank < 1:
            yield f"candidate {cand.claim} -> {cand.other} has rank {cand.rank}"


FURNITURE_KINDS = ("byline", "dateline", "credit", "heading")


def _check_furniture(c: Comparison) -> Iterator[str]:
    if len(c.furniture) > limits.MAX_FURNITURE:
        yield f"{len(c.furniture):,} furniture spans, more than the limit of {limits.MAX_FURNITURE:,}"
    docs = {d.id: d for d in c.documents}
    for f in c.furniture:
        doc = docs.get(f.doc)
        if doc is None:
            yield f"furniture span of {f.doc!r} points to a document that does not exist"
        elif not 0 <= f.start < f.end <= len(doc.text):
            yield f"furniture span {f.start}..{f.end} is outside 0..{len(doc.text)} of document {doc.id}"
        if f.kind not in FURNITURE_KINDS:
            yield f"furniture span of {f.doc} has kind {f.kind!r}"


def _check_annotations(c: Comparison) -> Iterator[str]:
    if len(c.annotations) > limits.MAX_ANNOTATIONS:
        yield f"{len(c.annotations):,} annotations, more than the limit of {limits.MAX_ANNOTATIONS:,}"
    claims = {claim.id for claim in c.claims}
    for note in c.annotations:
        parts = note.target.split("|")
        if len(parts) > 2 or not all(p in claims for p in parts):
            yield f"annotation on {note.target!r} points to a claim that does not exist"
