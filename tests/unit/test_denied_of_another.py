"""A named doer denied an act that the other account gives to another named doer: both can hold, so the flip
of the predicate is no "negation differs" (invented names and events)."""

import pytest

from compare.align.agents import denied_of_another
from compare.align.relate import relate
from compare.model import Claim, Relation
from compare.text.facts import extract
from compare.text.speakers import denials


def _claim(text: str, doc: str) -> Claim:
    return Claim(f"{doc}:c0", doc, 0, len(text), text, extract(text))


def _relation(a: str, b: str) -> tuple[Relation, tuple[str, ...]]:
    return relate(_claim(a, "d0"), _claim(b, "d1"), 0.8, similar=True)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Rivera did not score the goal.", "The goal was scored by Okafor."),
        ("Rivera did not score the goal.", "Okafor scored the goal."),
        ("Councillor Reyes did not approve the budget.", "The budget was approved by the Finance Committee."),
        (
            "The Ministry of Works did not sign the contract.",
            "The contract was signed by the Regional Office.",
        ),
        ("Halden Air never reached the site.", "Fernhill Rescue reached the site first."),
        ("The bridge was built by Tarn Steel.", "Corvo Works never built the bridge."),
    ],
)
def test_an_act_denied_of_one_doer_and_told_of_another_is_not_a_negation_difference(a: str, b: str) -> None:
    assert denied_of_another(a, b)
    relation, reasons = _relation(a, b)
    assert not any(r.startswith("negation differs") for r in reasons), reasons


@pytest.mark.parametrize(
    "a, b",
    [
        ("Rivera did not score the goal.", "Rivera scored the goal."),
        ("Rivera did not score the goal.", "The goal was scored by Rivera."),
        ("The Ministry of Works did not sign the contract.", "The Ministry of Works signed the contract."),
        ("Halden Air never reached the site.", "Halden Air reached the site at noon."),
        ("The union did not organise the protest.", "The protest was organised by the union."),
        ("Rivera did not score the goal.", "The goal was scored."),  # no second doer named
        ("Rivera did not score the goal, Okafor did.", "Rivera scored the goal."),  # the doer is named there
    ],
)
def test_the_same_doer_or_no_second_doer_keeps_the_negation_difference(a: str, b: str) -> None:
    relation, reasons = _relation(a, b)
    assert relation is Relation.CONTRADICT and reasons[0].startswith("negation differs"), reasons


def test_denials_read_the_named_subject_of_a_denied_act_only() -> None:
    assert denials("Ann Lee did not sign the order, and Halden Air never reached the site.") == [
        ("sign", "Ann Lee"),
        ("reached", "Halden Air"),
    ]
    assert denials("The crew did not sign it.") == []
    assert denials("Ann Lee's crew did not sign it.") == []
