"""Links drawn or relabelled by hand get the same relation logic as engine links; a label is shown with it."""

from compare.align.engine import compare
from compare.model import Document, LinkStatus, Relation
from compare.review import edits


def _comparison():
    base = Document("d0", "Base", "The ceasefire was extended for three days. The river flooded the town.")
    other = Document(
        "d1", "Other", "Officials said the ceasefire was extended for two days. Rain fell in the hills."
    )
    return compare([base, other])


def test_a_hand_link_gets_its_computed_relation_and_reasons():
    comp = _comparison()
    after, key = edits.link_claims(comp, "d0:c0", "d1:c0")
    link = next(lk for lk in after.links if lk.key == key)
    assert link.status is LinkStatus.MANUAL
    assert link.relation is Relation.CONTRADICT
    assert link.reasons == ("duration differs: three days vs two days", "linked by hand")


def test_a_label_overrides_and_both_are_shown():
    comp = _comparison()
    after, key = edits.link_claims(comp, "d0:c0", "d1:c0", Relation.AGREE)
    link = next(lk for lk in after.links if lk.key == key)
    assert link.relation is Relation.AGREE
    assert link.reasons[0] == "marked agrees by hand (the rules found: differs)"
    assert "duration differs: three days vs two days" in link.reasons


def test_relabel_recomputes_the_reasons():
    comp = _comparison()
    after, key = edits.link_claims(comp, "d0:c1", "d1:c1")
    assert next(lk for lk in after.links if lk.key == key).relation is Relation.AGREE
    relabelled = edits.relabel_link(after, key, Relation.CONTRADICT)
    link = next(lk for lk in relabelled.links if lk.key == key)
    assert link.relation is Relation.CONTRADICT
    assert link.reasons[0] == "marked differs by hand (the rules found: agrees)"
    assert link.reasons[-1] == "linked by hand"
    back = edits.relabel_link(relabelled, key, Relation.AGREE)
    assert not any(r.startswith("marked") for r in next(lk for lk in back.links if lk.key == key).reasons)
