"""A clause that a claim's other links leave untold, differing in one fact: linked as a difference."""

from compare.align.engine import GROUNDED_PAIR, LONE_CONFIDENCE, compare
from compare.align.rescue import grounded_pair, grounded_reason, stated_in
from compare.model import AlignSettings, Claim, Document, Relation
from compare.text.facts import extract


def _claim(cid: str, text: str) -> Claim:
    return Claim(cid, cid.split(":")[0], 0, len(text), text, extract(text))


def test_the_grounded_reason_is_the_first_typed_difference_its_clauses_share():
    a = _claim(
        "d0:c0", "Forty people were hurt and the harbour board says the repair bill is likely to grow."
    )
    b = _claim(
        "d1:c0", "Three ferries were held and the harbour board is sure the repair bill will not grow."
    )
    reasons = ["number differs: Forty vs Three", "negation differs: 'grow' vs 'will not grow'"]
    # "Forty people" and "Three ferries" count other things: the negation is the difference.
    assert grounded_reason(a, b, reasons) == reasons[1]
    assert grounded_reason(a, b, reasons[:1]) is None
    assert grounded_reason(a, b, ["characterisation differs: 'busy' vs 'quiet'"]) is None


def test_a_figure_the_other_account_states_elsewhere_is_not_disputed():
    a = _claim("d0:c0", "At least 40 people were hurt when the roof fell.")
    reason = "number differs: At least 40 vs 12"
    assert stated_in(a, reason, 0, [_claim("d1:c3", "Officials counted 40 injured by noon.")])
    assert not stated_in(a, reason, 0, [_claim("d1:c3", "Officials counted 35 injured by noon.")])
    b = _claim("d1:c0", "The strike began on 3 March 2021.")
    date = "date differs: 2 March 2021 vs 3 March 2021"
    assert stated_in(b, date, 1, [_claim("d0:c5", "Talks broke down on 3 March 2021.")])
    assert not stated_in(b, date, 1, [_claim("d0:c5", "Talks broke down in April 2021.")])
    # A negation has no value to state elsewhere.
    assert not stated_in(a, "negation differs: 'fell' vs 'did not fall'", 0, [a])


def test_a_pair_is_grounded_only_when_its_links_tell_the_clause_less():
    a = _claim("d0:c0", "Nine dock workers were hurt by falling steel near the river.")
    b = _claim("d1:c0", "Six dock workers were hurt by falling steel, the company said.")
    reason = "number differs: Nine vs Six"
    unrelated = _claim("d1:c4", "The company said the crane had been inspected in May.")
    assert grounded_pair(a, b, reason, [unrelated], [], [a], [b, unrelated])
    # A partner of a that tells its clause as well (the same workers and steel) is the clause's counterpart.
    told = _claim("d1:c5", "Nine dock workers were hurt by falling steel near the river bank.")
    assert not grounded_pair(a, b, reason, [told], [], [a], [b, told])
    # The account giving a's figure elsewhere means the two figures count different things.
    elsewhere = _claim("d1:c6", "Nine ships were waiting outside the port.")
    assert not grounded_pair(a, b, reason, [], [], [a], [b, elsewhere])


BASE = (
    "Dozens of dock workers were evacuated from nearby sheds, and the harbour board says the repair bill is "
    "likely to grow. "
    "A fire destroyed a grain warehouse in the port district late on Monday. "
    "Firefighters fought the blaze for six hours before it was under control. "
    "Two cranes on the quay were also damaged by the heat. "
    "The owner of the warehouse said the building was fully insured."
)
OTHER = (
    "The owner said the warehouse was fully insured, and the harbour board is confident the repair bill will "
    "not grow much further. "
    "Fire tore through a grain warehouse in the port district late on Monday. "
    "Crews needed six hours to bring the blaze under control. "
    "Two quay cranes were damaged too."
)


def test_a_claim_linked_for_one_clause_gets_a_difference_for_the_clause_left_untold():
    result = compare(
        [Document("d0", "Base", BASE), Document("d1", "Other", OTHER)], AlignSettings(semantic=False)
    )
    by_pair = {(lk.a, lk.b): lk for lk in result.links}
    # The account's first sentence tells the owner's clause (linked) and the repair bill's (disputed).
    assert by_pair[("d0:c4", "d1:c0")].relation is Relation.AGREE
    link = by_pair[("d0:c0", "d1:c0")]
    assert link.relation is Relation.CONTRADICT
    assert link.reasons[0] == "negation differs: 'grow' vs 'will not grow'"
    assert link.reasons[-1] == GROUNDED_PAIR and link.confidence == LONE_CONFIDENCE
    assert ("d0:c0", "d1:c0") not in {(s.a, s.b) for s in result.suggestions}


def test_a_stricter_threshold_links_less_here_too():
    strict = AlignSettings(semantic=False, threshold=0.75)
    result = compare([Document("d0", "Base", BASE), Document("d1", "Other", OTHER)], strict)
    assert not [lk for lk in result.links if lk.reasons[-1:] == (GROUNDED_PAIR,)]


def test_an_account_without_the_clause_gains_no_difference():
    other = OTHER.replace(
        ", and the harbour board is confident the repair bill will not grow much further", ""
    )
    result = compare(
        [Document("d0", "Base", BASE), Document("d1", "Other", other)], AlignSettings(semantic=False)
    )
    assert not [lk for lk in result.links if lk.a == "d0:c0"]


def test_a_reason_without_two_sides_states_nothing():
    a = _claim("d0:c0", "At least 40 people were hurt when the roof fell.")
    assert not stated_in(a, "wording 40% similar", 0, [a])
    assert not stated_in(a, "number differs: 40", 1, [a])
