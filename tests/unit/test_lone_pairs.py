"""Two claims neither account links elsewhere, differing in one fact: linked as a difference, with a reason."""

from compare.align.engine import LONE_CONFIDENCE, LONE_PAIR, compare
from compare.align.rescue import clause_overlap, lone_difference, lone_pairs
from compare.model import AlignSettings, Claim, Document, Relation
from compare.text.facts import extract


def _claim(cid: str, text: str) -> Claim:
    return Claim(cid, cid.split(":")[0], 0, len(text), text, extract(text))


def test_a_lone_difference_is_a_typed_fact_grounded_in_its_clause():
    a = _claim("d0:c0", "The ferry service to the island will resume in spring, the port said.")
    b = _claim("d1:c0", "Port staff say ferries to the island will not resume before the summer.")
    assert lone_difference(a, b, ["negation differs: 'resume' vs 'will not resume'"])
    # A characterisation or a certainty is not one concrete fact; a shared name is not a difference at all.
    assert not lone_difference(a, b, ["characterisation differs: 'busy' vs 'quiet'"])
    assert not lone_difference(a, b, ["shared names: Paris"])
    assert not lone_difference(a, b, [])


def test_figures_must_count_the_same_thing_in_the_same_clause():
    a = _claim("d0:c0", "Nine workers were hurt by falling steel near the river.")
    b = _claim("d1:c0", "Six workers were hurt by falling steel, the company said.")
    assert lone_difference(a, b, ["number differs: Nine vs Six"])
    c = _claim("d1:c1", "Six buses were added to the morning timetable.")
    assert not lone_difference(a, c, ["number differs: Nine vs Six"])
    # A figure both claims give means the two may be counting other things, not disagreeing.
    d = _claim("d1:c2", "Six workers, not nine, were hurt by falling steel, the company said.")
    assert not lone_difference(a, d, ["number differs: Nine vs Six"])


def test_a_date_compatible_with_one_of_the_other_side_is_not_a_difference():
    a = _claim("d0:c0", "The probe launched on 5 May 2018 and landed on 26 November 2018.")
    b = _claim("d1:c0", "The probe landed in late November 2018.")
    assert not lone_difference(a, b, ["date differs: 5 May 2018 vs November 2018"])


def test_a_speaker_difference_needs_the_same_words():
    a = _claim("d0:c0", '"We will rebuild the bridge within a year," the mayor said.')
    b = _claim("d1:c0", '"We will rebuild the bridge within a year," the governor said.')
    reasons = ["speaker differs: the mayor vs the governor"]
    assert lone_difference(a, b, reasons, similar=True)
    assert not lone_difference(a, b, reasons, similar=False)


def test_a_date_written_in_another_order_is_found_in_its_clause():
    a = _claim("d0:c0", "The May 6, 2010 crash wiped out a trillion dollars of market value.")
    b = _claim("d1:c0", "On Wednesday the crash wiped out a trillion dollars of market value.")
    reason = "weekday differs: 6 May 2010 (a Thursday) vs Wednesday"
    assert clause_overlap(a, b, reason) > 0.5


def test_lone_pairs_takes_one_partner_per_claim_strongest_first_above_the_floor():
    candidates = [(0, 1, 0.5), (0, 2, 0.45), (3, 2, 0.42), (4, 4, 0.3), (5, 5, 0.6)]
    assert lone_pairs(candidates, {5}, set()) == [(0, 1), (3, 2)]
    assert lone_pairs(candidates, set(), {1}) == [(5, 5), (0, 2)]
    assert lone_pairs(candidates, set(), set(), shift=0.05) == [(5, 5), (0, 1)]


BASE = (
    "The city council met on Monday to discuss the budget. "
    "Members approved a new cycle lane along the harbour road. "
    "The ferry service to the island will resume in spring, a spokesman for the port told reporters after "
    "a long session at the town hall. "
    "Shops on the harbour road had asked for more parking."
)
OTHER = (
    "On Monday the city council met to discuss the budget. "
    "A new cycle lane along the harbour road was approved by members. "
    "{} Parking was not mentioned."
)


def _compare(sentence: str) -> list:
    docs = [Document("d0", "Base", BASE), Document("d1", "Other", OTHER.format(sentence))]
    # A stricter setting than the default leaves the ferry pair below the link threshold, as the wording of
    # separately written accounts does at the default.
    return list(compare(docs, AlignSettings(semantic=False, threshold=0.65)).links)


def test_two_unlinked_claims_differing_in_one_fact_are_linked_with_a_reason():
    links = _compare("Port staff say ferries to the island will not resume before the summer holidays.")
    ferry = [lk for lk in links if lk.a == "d0:c2"]
    assert len(ferry) == 1
    link = ferry[0]
    assert (link.b, link.relation) == ("d1:c2", Relation.CONTRADICT)
    assert link.reasons[0].startswith("negation differs") and link.reasons[-1] == LONE_PAIR
    assert link.confidence == LONE_CONFIDENCE


def test_a_claim_linked_elsewhere_is_not_paired_again():
    # The base's ferry claim has its counterpart (a copy) in the account, so the account's negation, told far
    # from it, is another claim of that account and not a lone difference.
    copy = "The ferry service to the island will resume in spring, a spokesman for the port said."
    negation = "Port staff say ferries to the island will not resume before the summer holidays."
    docs = [
        Document("d0", "Base", BASE),
        Document("d1", "Other", OTHER.format(copy) + " Traffic was heavy all day. " + negation),
    ]
    links = compare(docs, AlignSettings(semantic=False)).links
    assert [lk.b for lk in links if lk.a == "d0:c2"] == ["d1:c2"]
    assert not [lk for lk in links if LONE_PAIR in lk.reasons]
