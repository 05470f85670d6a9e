"""Merging colleagues' files and re-running the engine: nothing lost, nothing doubled."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import replace
from pathlib import Path

from helpers.synthetic import synthetic_comparison

from compare.model import Annotation, Comparison, Link, LinkStatus, Relation
from compare.review.carry import carry_user_edits
from compare.store import (
    merge_comparisons,
    merge_files,
    open_comparison,
    save,
    save_comparison,
)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def canonical(c: Comparison) -> dict:
    """The comparison with every id replaced by what it means (document text, span): comparable across files."""
    doc_sha = {d.id: sha(d.text) for d in c.documents}
    where = {cl.id: (doc_sha[cl.doc], cl.start, cl.end) for cl in c.claims}
    return {
        "documents": Counter(doc_sha.values()),
        "claims": Counter(where.values()),
        "links": Counter(
            (tuple(sorted((where[lk.a], where[lk.b]))), str(lk.relation), str(lk.status), lk.created_by)
            for lk in c.links
        ),
        "annotations": Counter(
            ("|".join(map(str, (where[p] for p in n.target.split("|")))), n.label, n.note, n.author)
            for n in c.annotations
        ),
    }


def edit(c: Comparison, *, links=(), notes=(), reviewed=()) -> Comparison:
    """A person's session: new links and notes; ``reviewed`` maps a machine link index -> (status, person)."""
    changed = list(c.links)
    for index, (status, person) in reviewed:
        changed[index] = replace(changed[index], status=status, created_by=person)
    return replace(c, links=(*changed, *links), annotations=(*c.annotations, *notes))


def people_edits(c: Comparison) -> set:
    canon = canonical(c)
    return {k for k in canon["links"] if k[2] != "machine"} | set(canon["annotations"])


def project_pair():
    base = synthetic_comparison(3, 30, seed=7)
    a0, a1, b0 = base.claims_of("d0")[3], base.claims_of("d1")[4], base.claims_of("d2")[5]
    ana = edit(
        base,
        links=(Link(a0.id, a1.id, Relation.AGREE, 1.0, (), LinkStatus.MANUAL, "ana"),),
        notes=(Annotation(a0.id, label="check", note="is 62 right?", author="ana"),),
        reviewed=[(0, (LinkStatus.CONFIRMED, "ana")), (1, (LinkStatus.REJECTED, "ana"))],
    )
    # Bruno has a fourth account, decides differently on link 0, and drew the same manual link as Ana.
    extra = synthetic_comparison(4, 40, seed=99)
    new_doc = replace(extra.documents[3], id="d3")
    new_claims = [c for c in extra.claims if c.doc == "d3"]
    bruno = replace(
        base,
        documents=(*base.documents, new_doc),
        claims=(*base.claims, *new_claims),
        links=(*base.links, Link(base.claims_of("d0")[0].id, new_claims[0].id, Relation.AGREE, 0.7)),
    )
    bruno = edit(
        bruno,
        links=(
            Link(
                a1.id, a0.id, Relation.AGREE, 1.0, (), LinkStatus.MANUAL, "ana"
            ),  # same link, other direction
            Link(b0.id, new_claims[1].id, Relation.CONTRADICT, 1.0, ("dates",), LinkStatus.MANUAL, "bruno"),
        ),
        notes=(
            Annotation(a0.id, label="check", note="is 62 right?", author="ana"),  # Ana's note, already shared
            Annotation(new_claims[1].id, note="new outlet", author="bruno"),
        ),
        reviewed=[(0, (LinkStatus.REJECTED, "bruno"))],
    )
    return ana, bruno


def test_merge_both_ways_gives_the_same_set_nothing_lost_nothing_doubled() -> None:
    ana, bruno = project_pair()
    ab = merge_comparisons(ana, bruno)
    ba = merge_comparisons(bruno, ana)
    assert canonical(ab) == canonical(ba)
    assert people_edits(ab) == people_edits(ana) | people_edits(bruno)
    canon = canonical(ab)
    assert max(canon["links"].values()) == 1 and max(canon["annotations"].values()) == 1
    assert max(canon["claims"].values()) == 1 and max(canon["documents"].values()) == 1
    assert len(ab.documents) == 4 and len(ab.claims) == len(bruno.claims)


def test_disagreements_are_kept_with_their_authors() -> None:
    ana, bruno = project_pair()
    merged = merge_comparisons(ana, bruno)
    decided = [
        lk for lk in merged.links if lk.key in {ana.links[0].key} and lk.status is not LinkStatus.MACHINE
    ]
    assert {(lk.status, lk.created_by) for lk in decided} == {
        (LinkStatus.CONFIRMED, "ana"),
        (LinkStatus.REJECTED, "bruno"),
    }


def test_merging_twice_changes_nothing() -> None:
    ana, bruno = project_pair()
    once = merge_comparisons(ana, bruno)
    assert merge_comparisons(once, bruno) == once
    assert merge_comparisons(once, ana) == once


def test_documents_are_matched_by_text_not_by_id() -> None:
    ana, bruno = project_pair()
    renumber = {"d0": "d2", "d1": "d0", "d2": "d1", "d3": "d3"}

    def new_id(claim_id: str) -> str:
        doc, rest = claim_id.split(":", 1)
        return f"{renumber[doc]}:{rest}"

    shuffled = replace(
        bruno,
        documents=tuple(replace(d, id=renumber[d.id]) for d in bruno.documents),
        claims=tuple(replace(c, id=new_id(c.id), doc=renumber[c.doc]) for c in bruno.claims),
        links=tuple(replace(lk, a=new_id(lk.a), b=new_id(lk.b)) for lk in bruno.links),
        annotations=tuple(replace(n, target=new_id(n.target)) for n in bruno.annotations),
    )
    assert canonical(merge_comparisons(ana, shuffled)) == canonical(merge_comparisons(ana, bruno))


def test_edits_without_an_author_get_the_other_persons_name() -> None:
    ana, bruno = project_pair()
    c0, c1 = bruno.claims_of("d1")[0], bruno.claims_of("d2")[0]
    anonymous = replace(
        bruno,
        links=(*bruno.links, Link(c0.id, c1.id, Relation.AGREE, 1.0, (), LinkStatus.MANUAL, "")),
        annotations=(*bruno.annotations, Annotation(c1.id, note="who wrote this?")),
    )
    merged = merge_comparisons(ana, anonymous, their_author="bruno")
    assert any(lk.created_by == "bruno" and lk.key == (c0.id, c1.id) for lk in merged.links)
    assert any(n.note == "who wrote this?" and n.author == "bruno" for n in merged.annotations)


def test_merge_files_saves_once_and_reports(tmp_path: Path) -> None:
    ana, bruno = project_pair()
    mine, theirs = tmp_path / "ana.ncproj", tmp_path / "bruno.ncproj"
    save_comparison(mine, ana, author="ana")
    save_comparison(theirs, bruno, author="bruno")
    theirs_before = theirs.read_bytes()
    report = merge_files(mine, theirs, author="ana")
    assert report.documents_added == 1 and report.links_added >= 3 and report.annotations_added == 1
    assert report.already_present == 2  # the shared manual link and the shared note
    assert canonical(open_comparison(mine)) == canonical(merge_comparisons(ana, bruno))
    assert theirs.read_bytes() == theirs_before
    backup = save.backup_path(mine).read_bytes()
    again = merge_files(mine, theirs, author="ana")
    assert not again.changed and "0 document(s)" in again.summary()
    assert save.backup_path(mine).read_bytes() == backup  # nothing new: not even re-saved


def test_rerun_keeps_decisions_and_drops_machine_links_someone_rejected() -> None:
    base = synthetic_comparison(3, 30, seed=8)
    first, second = base.links[0], base.links[1]
    c0, c2 = base.claims_of("d0")[0], base.claims_of("d2")[2]
    previous = replace(
        base,
        links=(
            replace(first, status=LinkStatus.REJECTED, created_by="ana"),
            replace(second, status=LinkStatus.CONFIRMED, created_by="ana"),
            *base.links[2:],
            Link(c0.id, c2.id, Relation.CONTRADICT, 1.0, (), LinkStatus.MANUAL, "ana"),
        ),
        annotations=(Annotation(c0.id, note="keep"),),
    )
    fresh = base  # the engine proposes the same machine links again, including the rejected one
    kept = carry_user_edits(fresh, previous)
    keys = Counter(lk.key for lk in kept.links)
    assert max(keys.values()) == 1
    by_key = {lk.key: lk for lk in kept.links}
    assert by_key[first.key].status is LinkStatus.REJECTED
    assert by_key[second.key].status is LinkStatus.CONFIRMED
    assert by_key[(c0.id, c2.id)].status is LinkStatus.MANUAL
    assert kept.annotations == previous.annotations


def test_rerun_drops_edits_whose_claims_changed() -> None:
    base = synthetic_comparison(2, 10, seed=9)
    c0, c1 = base.claims_of("d0")[0], base.claims_of("d1")[0]
    previous = replace(
        base,
        links=(Link(c0.id, c1.id, Relation.AGREE, 1.0, (), LinkStatus.MANUAL, "ana"),),
        annotations=(Annotation(c1.id, note="gone"), Annotation(f"{c0.id}|{c1.id}", note="link note")),
    )
    shorter = replace(c1, end=c1.end - 1, text=c1.text[:-1])  # the segmenter now cuts this claim differently
    fresh = replace(base, claims=tuple(shorter if c.id == c1.id else c for c in base.claims), links=())
    kept = carry_user_edits(fresh, previous)
    assert kept.links == () and kept.annotations == ()
