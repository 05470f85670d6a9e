"""People's edits (links they drew, confirmed or rejected; their notes) and how they survive a re-run.

Pure functions of model values. A claim is identified across runs and across files by its document's text
(sha256) and its span, never by its id alone: ids are only unique within one comparison.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import replace

from compare.model import Annotation, Claim, Comparison, Document, Link, LinkStatus


def is_user_edit(link: Link) -> bool:
    return LinkStatus(link.status) is not LinkStatus.MACHINE


def pair(link: Link) -> tuple[str, str]:
    """The two claims of a link, in a fixed order: a link a->b and b->a are the same link."""
    return (link.a, link.b) if link.a <= link.b else (link.b, link.a)


def link_identity(link: Link) -> tuple:
    """What makes two links the same for merging: the pair, the relation, the status and who made it."""
    return (pair(link), str(link.relation), str(link.status), link.created_by)


def annotation_identity(note: Annotation) -> tuple:
    return (note.target, note.label, note.note, note.author)


def drop_superseded(links: Iterable[Link]) -> list[Link]:
    """Remove machine links on a pair that a person has already decided about (drawn, confirmed, rejected)."""
    links = list(links)
    decided = {pair(lk) for lk in links if is_user_edit(lk)}
    return [lk for lk in links if is_user_edit(lk) or pair(lk) not in decided]


def text_sha(document: Document) -> str:
    return hashlib.sha256(document.text.encode("utf-8")).hexdigest()


def claim_locator(comparison: Comparison) -> dict[tuple[str, int, int], str]:
    """(document sha256, start, end) -> claim id."""
    sha = {d.id: text_sha(d) for d in comparison.documents}
    return {(sha[c.doc], c.start, c.end): c.id for c in comparison.claims if c.doc in sha}


def claim_mapping(source: Comparison, target: Comparison) -> dict[str, str]:
    """Claim ids of ``source`` -> ids of the same span of the same text in ``target`` (where there is one)."""
    sha = {d.id: text_sha(d) for d in source.documents}
    where = claim_locator(target)
    out = {}
    for c in source.claims:
        found = where.get((sha.get(c.doc, ""), c.start, c.end))
        if found is not None:
            out[c.id] = found
    return out


def map_link(link: Link, ids: dict[str, str]) -> Link | None:
    if link.a not in ids or link.b not in ids:
        return None
    return replace(link, a=ids[link.a], b=ids[link.b])


def map_annotation(note: Annotation, ids: dict[str, str]) -> Annotation | None:
    parts = note.target.split("|")
    if not all(p in ids for p in parts):
        return None
    return replace(note, target="|".join(ids[p] for p in parts))


def carry_user_edits(fresh: Comparison, previous: Comparison) -> Comparison:
    """``fresh`` (a new engine run) plus the edits of ``previous`` whose claims still exist in it.

    Manual, confirmed and rejected links and all annotations are kept when both ends map onto a claim of
    the new run with the same text span; a machine link of the new run on a pair someone already decided
    about is dropped, so that a rejected link does not silently come back.
    """
    ids = claim_mapping(previous, fresh)
    known = {link_identity(lk) for lk in fresh.links}
    links = list(fresh.links)
    for link in previous.links:
        mapped = map_link(link, ids) if is_user_edit(link) else None
        if mapped is not None and link_identity(mapped) not in known:
            known.add(link_identity(mapped))
            links.append(mapped)
    carried = (map_annotation(n, ids) for n in previous.annotations)
    notes = _unique([*fresh.annotations, *(n for n in carried if n is not None)])
    # A pair a person has decided about is no longer a suggestion.
    decided = {pair(lk) for lk in links if is_user_edit(lk)}
    suggestions = tuple(s for s in fresh.suggestions if pair(s) not in decided)
    return replace(
        fresh, links=tuple(drop_superseded(links)), annotations=tuple(notes), suggestions=suggestions
    )


def _unique(notes: Iterable[Annotation]) -> list[Annotation]:
    seen: set[tuple] = set()
    out = []
    for note in notes:
        if annotation_identity(note) not in seen:
            seen.add(annotation_identity(note))
            out.append(note)
    return out


def sort_claims(claims: Sequence[Claim], documents: Sequence[Document]) -> tuple[Claim, ...]:
    """The order the store reads claims back in: document position, start, end, id."""
    position = {d.id: i for i, d in enumerate(documents)}
    return tuple(sorted(claims, key=lambda c: (position.get(c.doc, len(position)), c.start, c.end, c.id)))
