"""An offset ("19 days after the quake") against an ordinal count from the same start ("on the eleventh day
after the quake"), and ranks of time ("the fifth day") that are not editions."""

from __future__ import annotations

import pytest
from helpers.pairs import judged

from compare.model import Relation


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        (
            "Nineteen days after the quake, a survivor was found.",
            "A survivor was found on the eleventh day after the quake.",
            "duration differs: Nineteen days vs the eleventh day",
        ),
        (
            "The ferry service resumed five weeks after the storm.",
            "The ferry service resumed in the second week after the storm.",
            "duration differs: five weeks vs the second week",
        ),
        (
            "The first letters arrived on the third day after the strike began.",
            "The first letters arrived ten days after the strike began.",
            "duration differs: the third day vs ten days",
        ),
    ],
)
def test_an_offset_outside_the_nth_day_from_the_same_start_differs(a: str, b: str, reason: str) -> None:
    relation, reasons = judged(a, b)
    assert relation is Relation.CONTRADICT
    assert reason in reasons


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the eleventh day after is between ten and eleven days after
        (
            "Eleven days after the quake, a survivor was found.",
            "A survivor was found on the eleventh day after the quake.",
        ),
        (
            "Ten days after the quake, a survivor was found.",
            "A survivor was found on the eleventh day after the quake.",
        ),
        # two events: one arrived, another left
        ("A ship arrived three days after the storm.", "On the ninth day after the storm, the army left."),
        # the start's own verb is not the event's ("closed" is on both sides)
        (
            "The first homes were reconnected nine days after the council closed the road.",
            "On the fifth day after the council closed the road, the inspectors left.",
        ),
        # a point inside a spell is not counted from an event
        ("The strike ended after 40 days.", "On the third day of the strike, talks resumed."),
    ],
)
def test_an_offset_that_fits_or_places_another_event_agrees(a: str, b: str) -> None:
    assert judged(a, b)[0] is Relation.AGREE


def test_a_rank_of_time_is_not_an_edition() -> None:
    relation, reasons = judged(
        "The first homes were reconnected nine days after the council closed the road.",
        "On the fifth day after the council closed the road, the inspectors left.",
    )
    assert not any(r.startswith("number differs") for r in reasons), reasons
    # an edition against an edition still compares
    assert judged("It was the 21st edition of the fair.", "It was the 19th edition of the fair.")[0] is (
        Relation.CONTRADICT
    )
