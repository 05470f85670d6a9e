import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compare.text.facts import canonical_entity, extract, find_negations, interval, parse_number_words


@pytest.mark.parametrize(
    ("words", "value"),
    [("six", 6), ("nine thousand", 9000), ("twenty-three", 23), ("one hundred and five", 105),
     ("two million", 2_000_000), ("a hundred", 100)],
)  # fmt: skip
def test_number_words(words, value):
    assert parse_number_words(words) == value


def test_digits_words_and_bounds():
    f = extract("At least 62 soldiers died and six more were hurt; 40,000 troops and 1.3 million people.")
    got = [(q.value, q.bound) for q in f.numbers]
    assert got == [(62, "at least"), (6, ""), (40_000, ""), (1_300_000, "")]
    assert f.numbers[0].unit == "soldier"


def test_dates_weekdays_and_years_are_not_numbers():
    f = extract("The convoy was hit on 19 September, after the Sept. 17 raid; talks resume Tuesday in 2016.")
    assert [(d.day, d.month) for d in f.dates if d.day] == [(19, 9), (17, 9)]
    assert [d.weekday for d in f.dates if d.weekday] == ["Tuesday"]
    assert [d.year for d in f.dates if d.year and not d.day] == [2016]
    assert f.numbers == ()


def test_durations():
    f = extract("The pause lasted eight hours and was extended for three days.")
    assert [(d.value, d.unit) for d in f.durations] == [(8, "hour"), (3, "day")]
    assert f.numbers == ()


def test_negation_cues_keep_their_verb():
    assert find_negations("Moscow did not halt the strikes.") == ["did not halt"]
    assert find_negations("They refused to leave and never returned.") == [
        "refused to leave",
        "never returned",
    ]
    assert find_negations("A no-fly zone was proposed.") == []
    assert find_negations("I don’t see a lot of countries.") == ["don’t see"]


def test_entities_are_canonical_and_sentence_openers_need_evidence():
    names = frozenset({"Kerry", "Lavrov"})
    f = extract("Airstrikes by the U.S. hit Deir-ezzor, Kerry told Lavrov.", names=names)
    assert "US" in f.entities
    assert "Deir-ezzor" in f.entities
    assert canonical_entity("the United States of America") == "US"
    assert "Airstrikes" not in f.entities
    assert f.speaker == "Kerry"


def test_speaker_from_attribution():
    assert extract("The ceasefire has failed, according to Sergei Lavrov.").speaker == "Sergei Lavrov"
    assert extract("Quoted words", speaker="Kerry").speaker == "Kerry"


def test_unnamed_speakers_by_role():
    f = extract("“No one will cross,” a Syrian army officer posted at the crossing wrote on Friday.")
    assert f.speaker == "Syrian army officer"


def test_pronoun_inherits_the_person_named_before():
    from compare.align.engine import claims_of
    from compare.model import Document

    doc = Document(
        "d0", "t", "RT correspondent Murad Gazdiev posted video. He described the fire as the worst in weeks."
    )
    claims = claims_of(doc)
    assert claims[1].facts.speaker == "Murad Gazdiev"


def test_speaker_in_a_relative_clause():
    assert extract("It was Mr Johnson, too, who called Aleppo “a disaster”.").speaker == "Johnson"
    assert extract("Kerry, the secretary, described it as “barbarism”.").speaker == "Kerry"


@given(st.text(alphabet="0123456789", min_size=1, max_size=500), st.sampled_from(["", " million", ",000"]))
def test_numbers_stay_finite_and_bounded(digits, tail):
    """A figure of any length is either a finite number or left as text, never inf or nan."""
    for q in extract(f"Officials counted {digits}{tail} people at the border.").numbers:
        assert math.isfinite(q.value)
        assert abs(q.value) < 1e25


def test_a_400_digit_string_stays_text():
    assert extract("The code was " + "7" * 400 + " and nothing else.").numbers == ()


def test_ranges_and_list_markers():
    f = extract("1. Between 3,000 and 5,000 fighters and 3 to 5 million people.")
    assert [(q.text, q.bound) for q in f.numbers] == [
        ("3,000 and 5,000", "between"),
        ("3 to 5 million", "between"),
    ]
    assert [interval(q) for q in f.numbers] == [(3000, 5000), (3_000_000, 5_000_000)]


def test_units_skip_determiners():
    assert [q.unit for q in extract("Two of its officers and three of the soldiers were hurt.").numbers] == [
        "officer",
        "soldier",
    ]


def test_scales_need_their_figure():
    f = extract("The film grossed $85.6-million while millions watched at home.")
    assert [(q.value, q.text) for q in f.numbers] == [(85_600_000, "85.6-million")]
