"""A person's edits as pure functions: each takes a Comparison and returns a new one (no Qt here).

The undo stack keeps the before/after values, so undo is exact and the edits are easy to test.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from compare.align.judge import by_hand
from compare.model import Annotation, Comparison, Document, Link, LinkStatus, Relation


class EditError(ValueError):
    """An edit that cannot be made (shown in the status bar)."""


def _find(comparison: Comparison, key: tuple[str, str]) -> int:
    for i, link in enumerate(comparison.links):
        if link.key == key:
            return i
    raise EditError(f"no link between {key[0]} and {key[1]}")


def _replace_link(comparison: Comparison, key: tuple[str, str], **changes) -> Comparison:
    i = _find(comparison, key)
    links = list(comparison.links)
    links[i] = dataclasses.replace(links[i], **changes)
    return dataclasses.replace(comparison, links=tuple(links))


def confirm_link(comparison: Comparison, key: tuple[str, str]) -> Comparison:
    link = comparison.links[_find(comparison, key)]
    status = LinkStatus.MANUAL if link.status is LinkStatus.MANUAL else LinkStatus.CONFIRMED
    return _replace_link(comparison, key, status=status)


def reject_link(comparison: Comparison, key: tuple[str, str]) -> Comparison:
    """Kept as rejected (not deleted) so that a re-align does not silently bring it back."""
    return _replace_link(comparison, key, status=LinkStatus.REJECTED)


def relabel_link(comparison: Comparison, key: tuple[str, str], relation: Relation) -> Comparison:
    """A person's label on a link: it overrides the computed relation, and the reasons show both."""
    link = comparison.links[_find(comparison, key)]
    status = LinkStatus.MANUAL if link.status is LinkStatus.MANUAL else LinkStatus.CONFIRMED
    new, reasons = by_hand(
        comparison.claim(link.a),
        comparison.claim(link.b),
        Relation(relation),
        drawn=link.status is LinkStatus.MANUAL,
    )
    return _replace_link(comparison, key, relation=new, reasons=reasons, status=status)


def unlink(comparison: Comparison, key: tuple[str, str]) -> Comparison:
    """Removes a hand-drawn link; an engine link is marked rejected instead (see ``reject_link``)."""
    link = comparison.links[_find(comparison, key)]
    if link.status is LinkStatus.MANUAL:
        return dataclasses.replace(comparison, links=tuple(lk for lk in comparison.links if lk.key != key))
    return reject_link(comparison, key)


def link_claims(
    comparison: Comparison,
    first: str,
    second: str,
    relation: Relation | None = None,
    *,
    author: str = "",
) -> tuple[Comparison, tuple[str, str]]:
    """Draws a manual link between two claims of different documents; returns the new comparison and key.

    The end in the earlier document (the base first) becomes ``a``. An existing link between the two claims
    (even a rejected one) is replaced by the manual one. Its relation and reasons are computed as for an
    engine link; a ``relation`` given by the person overrides the computed one (both are shown).
    """
    ca, cb = comparison.claim(first), comparison.claim(second)
    if ca.doc == cb.doc:
        raise EditError("a link joins claims of two different accounts")
    order = {d.id: i for i, d in enumerate(comparison.documents)}
    if order[ca.doc] > order[cb.doc]:
        ca, cb = cb, ca
    key = (ca.id, cb.id)
    kept = tuple(lk for lk in comparison.links if lk.key != key and lk.key != (cb.id, ca.id))
    computed, reasons = by_hand(ca, cb, relation, drawn=True)
    link = Link(ca.id, cb.id, computed, 1.0, reasons, LinkStatus.MANUAL, author or "user")
    return dataclasses.replace(comparison, links=(*kept, link)), key


def annotate(comparison: Comparison, target: str, *, label: str, note: str, author: str = "") -> Comparison:
    """Sets (or, with an empty label and note, removes) the annotation of a claim or link."""
    others = tuple(a for a in comparison.annotations if a.target != target)
    if not label.strip() and not note.strip():
        return dataclasses.replace(comparison, annotations=others)
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    ann = Annotation(target, label.strip(), note.strip(), author, stamp)
    return dataclasses.replace(comparison, annotations=(*others, ann))


def annotation_of(comparison: Comparison, target: str) -> Annotation | None:
    for ann in comparison.annotations:
        if ann.target == target:
            return ann
    return None


def renumber_documents(existing: tuple[Document, ...], new: list[Document]) -> list[Document]:
    """Gives newly loaded documents ids after the existing ones (d3, d4...) so they can join a comparison."""
    used = {d.id for d in existing}
    out, n = [], len(existing)
    for doc in new:
        while f"d{n}" in used:
            n += 1
        out.append(dataclasses.replace(doc, id=f"d{n}"))
        used.add(f"d{n}")
        n += 1
    return out
