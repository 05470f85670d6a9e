"""Counts whose noun comes before the verb that gives the figure ("casualties passed 200", "the number of
people evacuated rose to 3,000"). Invented sentences; agreeing controls included."""

import pytest
from helpers.pairs import judged

from compare.align.relate import kind_of
from compare.model import Relation
from compare.text.facts import extract


def test_the_noun_before_an_amount_verb_is_what_is_counted() -> None:
    (q,) = extract("By evening the number of volunteers had passed 200, organisers said.").numbers
    assert (q.value, q.bound, q.unit) == (200.0, "more than", "volunteer")
    q = extract("Bookings topped 5,000 in the first week.").numbers[0]
    assert (q.value, q.bound, q.unit) == (5000.0, "more than", "booking")
    (q,) = extract("The index reached 1,000 points.").numbers  # the noun after the figure wins
    assert (q.value, q.unit) == (1000.0, "point")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The number of people evacuated rose to 3,000.", "At least 12,000 people were evacuated."),
        ("Casualties passed 200 by evening.", "At least 100 casualties were reported by evening."),
        ("Applications to the college exceeded 900 this year.", "The college received 400 applications this year."),
        ("By noon, arrests had climbed to 45, police said.", "Police said they made 12 arrests by noon."),
        ("Complaints about the ferry numbered 70 in March.", "The ferry drew some 300 complaints in March."),
    ],
)  # fmt: skip
def test_a_count_named_before_its_figure_differs(a: str, b: str) -> None:
    relation, reasons = judged(a, b)
    assert relation is Relation.CONTRADICT
    assert kind_of(reasons[0]) == "number differs", reasons


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The number of people evacuated rose to 3,000.", "About 3,000 people were evacuated."),
        ("Casualties passed 200 by evening.", "More than 200 casualties were reported by evening."),
        ("Applications to the college exceeded 900 this year.", "The college received 950 applications this year."),
        ("Complaints about the ferry numbered 70 in March.", "The ferry drew 70 complaints in March."),
        # A count of another thing in the same claim.
        ("Sales passed 200 as 15 shops opened.", "Fifteen shops opened and sales rose."),
    ],
)  # fmt: skip
def test_a_count_named_before_its_figure_that_fits_agrees(a: str, b: str) -> None:
    relation, reasons = judged(a, b)
    assert not any(kind_of(r) == "number differs" for r in reasons), reasons
