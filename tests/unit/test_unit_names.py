"""A unit written as a symbol, a US spelling or a name is one unit, so two accounts' figures compare."""

from __future__ import annotations

import pytest
from helpers.pairs import judged

from compare.model import Relation
from compare.text import lexicon
from compare.text.facts import extract


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The well is 300 m deep.", "metre"),
        ("The well is 300 metres deep.", "metre"),
        ("The well is 300 meters deep.", "metre"),
        ("The route is 42 km long.", "kilometre"),
        ("The route is 42 kilometers long.", "kilometre"),
        ("The wave was 12 ft high.", "foot"),
        ("The wave was 12 feet high.", "foot"),
        ("The parcel weighed 4 lbs.", "pound"),
    ],
)
def test_a_unit_has_one_name_however_it_is_written(text: str, unit: str) -> None:
    assert [q.unit for q in extract(text).numbers] == [unit]


@pytest.mark.parametrize(
    ("a", "b", "shown"),
    [
        ("The divers reached a depth of 48 m.", "The divers reached a depth of 30 metres.", "48 vs 30"),
        (
            "The pipeline runs 120 km to the coast.",
            "The pipeline runs 75 kilometres to the coast.",
            "120 vs 75",
        ),
        ("The tower is 95 meters tall.", "The tower is 140 metres tall.", "95 vs 140"),
        ("The truck carried 900 kg of rice.", "The truck carried 2,000 kilograms of rice.", "900 vs 2,000"),
    ],
)
def test_two_figures_of_one_unit_written_differently_differ(a: str, b: str, shown: str) -> None:
    relation, reasons = judged(a, b)
    assert relation is Relation.CONTRADICT
    assert any(r.startswith("number differs") and shown in r for r in reasons), reasons


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The divers reached a depth of 48 m.", "The divers reached a depth of 48 metres."),
        ("The pipeline runs 120 km to the coast.", "The pipeline runs about 120 kilometers to the coast."),
        # another prefix is another unit: not converted, so never called a difference
        ("The new road runs for 700 m.", "The new road runs for 0.7 km."),
        # with a currency, "m" is millions, not metres
        ("The club paid $40m for the striker.", "The club paid 40 million dollars for the striker."),
    ],
)
def test_the_same_figure_in_another_spelling_agrees(a: str, b: str) -> None:
    assert judged(a, b)[0] is Relation.AGREE


def test_every_unit_row_names_a_unit_and_a_source() -> None:
    rows = lexicon.rows("units")
    assert len(rows) >= 15
    assert all(r["written"] and r["unit"] and r["source"] for r in rows)
    assert len({r["written"] for r in rows}) == len(rows), "a written form maps to one unit"


@pytest.mark.parametrize(
    ("text", "day", "month", "year"),
    [
        ("The dam gave way on Sunday, the ninth of March.", 9, 3, None),
        ("It closed on the thirty-first of December 1999.", 31, 12, 1999),
        ("The talks resumed on March ninth, 2019.", 9, 3, 2019),
        ("Voting ends on May the twenty-first.", 21, 5, None),
    ],
)
def test_a_day_written_as_an_ordinal_word_is_a_date(
    text: str, day: int, month: int, year: int | None
) -> None:
    days = [(d.day, d.month, d.year) for d in extract(text).dates if d.day]
    assert days == [(day, month, year)]


@pytest.mark.parametrize(
    "text", ["Sales fell in May first quarter results.", "By August third parties had left."]
)
def test_a_month_before_an_ordinal_that_goes_on_names_no_day(text: str) -> None:
    assert not [d for d in extract(text).dates if d.day]


def test_a_weekday_put_to_a_date_in_words_is_checked_against_the_calendar() -> None:
    relation, reasons = judged(
        "The bridge reopened on 9 March 2019.", "The bridge reopened on Sunday, the ninth of March."
    )
    assert relation is Relation.CONTRADICT
    assert "weekday differs: 9 March 2019 (a Saturday) vs Sunday" in reasons
    assert (
        judged(
            "The bridge reopened on 9 March 2019.", "The bridge reopened on Saturday, the ninth of March."
        )[0]
        is Relation.AGREE
    )
