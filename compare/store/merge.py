"""Merging a colleague's comparison into yours: their accounts, their edits, nothing doubled, nothing lost.

- Documents are matched by the sha256 of their text; an account you do not have is added with a fresh id,
  and its claims (and the engine's links to it from their file) come along.
- Their manual, confirmed and rejected links and their annotations are added unless you have the very same
  one (same claims, relation, status and author). When you and they decided differently about the same pair,
  both decisions are kept, each with its author; an edit without an author gets ``their_author``.
- A machine link on a pair someone decided about is dropped (``compare.review.carry.drop_superseded``), on both sides.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from pathlib import Path

from compare.model import Annotation, Claim, Comparison, Document
from compare.review.carry import (
    annotation_identity,
    claim_locator,
    drop_superseded,
    is_user_edit,
    link_identity,
    map_annotation,
    map_link,
    sort_claims,
    text_sha,
)
from compare.store.open import open_comparison, open_for_update, read_project_info
from compare.store.save import save_comparison


@dataclass(frozen=True, slots=True)
class MergeReport:
    """What a merge brought in."""

    documents_added: int = 0
    claims_added: int = 0
    links_added: int = 0
    annotations_added: int = 0
    already_present: int = 0  # their edits you already had (not doubled)

    @property
    def changed(self) -> bool:
        return bool(self.documents_added or self.claims_added or self.links_added or self.annotations_added)

    def summary(self) -> str:
        return (
            f"merged: {self.documents_added} document(s), {self.claims_added} claim(s), "
            f"{self.links_added} link(s), {self.annotations_added} annotation(s) added; "
            f"{self.already_present} already present"
        )


def merge_comparisons(mine: Comparison, theirs: Comparison, *, their_author: str = "") -> Comparison:
    """``mine`` plus what ``theirs`` has that ``mine`` lacks (see the module docstring). Pure."""
    return _merge(mine, theirs, their_author)[0]


def merge_files(mine_path: str | Path, theirs_path: str | Path, *, author: str = "") -> MergeReport:
    """Merge the project file ``theirs_path`` into ``mine_path`` and save it (only if anything was added).

    Their file is only read, never upgraded in place. ``author`` is recorded as who saved the result.
    """
    mine, expected = open_for_update(mine_path)
    theirs = open_comparison(theirs_path, upgrade_in_place=False)
    their_author = read_project_info(theirs_path).get("saved_by", "")
    merged, report = _merge(mine, theirs, their_author)
    if report.changed:
        save_comparison(mine_path, merged, author=author, expected=expected)
    return report


def _merge(mine: Comparison, theirs: Comparison, their_author: str) -> tuple[Comparison, MergeReport]:
    documents, doc_ids = _merge_documents(mine, theirs)
    claims, claim_ids = _merge_claims(mine, theirs, doc_ids, documents)
    new_docs = {d.id for d in documents[len(mine.documents) :]}
    links = list(mine.links)
    known = {link_identity(lk) for lk in links}
    added = already = 0
    for link in theirs.links:
        mapped = map_link(link, claim_ids)
        brings_new_doc = mapped is not None and bool({_doc_of(mapped.a), _doc_of(mapped.b)} & new_docs)
        if mapped is None or not (is_user_edit(link) or brings_new_doc):
            continue
        if link_identity(mapped) in known:
            already += 1
            continue
        known.add(link_identity(mapped))
        if is_user_edit(mapped) and mapped.created_by in ("", "engine"):
            mapped = replace(mapped, created_by=their_author or mapped.created_by)
        links.append(mapped)
        added += 1
    notes, notes_added, notes_already = _merge_annotations(mine, theirs, claim_ids, their_author)
    merged = replace(
        mine,
        documents=tuple(documents),
        claims=sort_claims(claims, documents),
        links=tuple(drop_superseded(links)),
        annotations=tuple(notes),
        # The page furniture of the documents their file brings (that of shared documents is the same).
        furniture=(
            *mine.furniture,
            *(replace(f, doc=doc_ids[f.doc]) for f in theirs.furniture if doc_ids.get(f.doc) in new_docs),
        ),
    )
    report = MergeReport(
        documents_added=len(new_docs),
        claims_added=len(claims) - len(mine.claims),
        links_added=added,
        annotations_added=notes_added,
        already_present=already + notes_already,
    )
    return merged, report


def _doc_of(claim_id: str) -> str:
    return claim_id.split(":", 1)[0]


def _merge_documents(mine: Comparison, theirs: Comparison) -> tuple[list[Document], dict[str, str]]:
    """All documents (yours first), and their document ids -> ids in the merged comparison."""
    documents = list(mine.documents)
    by_sha = {text_sha(d): d.id for d in documents}
    used = {d.id for d in documents}
    fresh = (f"d{i}" for i in itertools.count() if f"d{i}" not in used)
    ids = {}
    for doc in theirs.documents:
        sha = text_sha(doc)
        if sha not in by_sha:
            by_sha[sha] = next(fresh)
            documents.append(replace(doc, id=by_sha[sha]))
        ids[doc.id] = by_sha[sha]
    return documents, ids


def _merge_claims(
    mine: Comparison, theirs: Comparison, doc_ids: dict[str, str], documents: list[Document]
) -> tuple[list[Claim], dict[str, str]]:
    """All claims, and their claim ids -> merged ids (an existing claim with the same span, or a new one)."""
    claims = list(mine.claims)
    sha = {d.id: text_sha(d) for d in documents}
    where = claim_locator(mine)
    used = {c.id for c in claims}
    ids = {}
    for c in theirs.claims:
        doc = doc_ids[c.doc]
        key = (sha[doc], c.start, c.end)
        if key not in where:
            where[key] = _free_claim_id(doc, c.id, used)
            used.add(where[key])
            claims.append(replace(c, id=where[key], doc=doc))
        ids[c.id] = where[key]
    return claims, ids


def _free_claim_id(doc: str, their_id: str, used: set[str]) -> str:
    wanted = f"{doc}:{their_id.split(':', 1)[-1]}"
    if wanted not in used:
        return wanted
    return next(f"{doc}:m{i}" for i in itertools.count(1) if f"{doc}:m{i}" not in used)


def _merge_annotations(
    mine: Comparison, theirs: Comparison, claim_ids: dict[str, str], their_author: str
) -> tuple[list[Annotation], int, int]:
    notes = list(mine.annotations)
    known = {annotation_identity(n) for n in notes}
    added = already = 0
    for note in theirs.annotations:
        mapped = map_annotation(note, claim_ids)
        if mapped is None:
            continue
        if annotation_identity(mapped) in known:
            already += 1
            continue
        known.add(annotation_identity(mapped))
        notes.append(replace(mapped, author=mapped.author or their_author))
        added += 1
    return notes, added, already
