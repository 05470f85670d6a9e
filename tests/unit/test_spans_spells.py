"""How long a spell lasted, told by its length on one side and by its end or its Nth unit on the other.

Invented sentences of several subjects; each shape has agreeing controls, including two spells of two things.
"""

import pytest
from helpers.pairs import judged

from compare.align.relate import kind_of
from compare.model import Relation


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        # A spell against the time its end is told after.
        ("The boil-water notice lasted for five months.", "The notice was lifted after three weeks.",
         "duration differs: five months vs three weeks"),
        ("The hostages were held for 11 days.", "The hostages were freed after three weeks in captivity.",
         "duration differs: 11 days vs three weeks"),
        ("The storm raged over the coast for 14 hours.", "The storm over the coast passed within three hours.",
         "duration differs: 14 hours vs within three hours"),
        ("The museum was closed for two months.", "The museum reopened after just nine days.",
         "duration differs: two months vs nine days"),
        ("The dockers' blockade lasted six days.", "The dockers lifted their blockade after a fortnight.",
         "duration differs: six days vs a fortnight"),
        # How far into a spell against its length.
        ("Nurses have been on strike for 12 days.", "The nurses' strike is now in its fourth week.",
         "duration differs: 12 days vs its fourth week"),
        ("The walkout entered its third day on Friday.", "The walkout, now in its second week, went on on Friday.",
         "duration differs: its third day vs its second week"),
        ("The siege of the fort has lasted nine months so far.", "The siege of the fort, in its third month, goes on.",
         "duration differs: nine months vs its third month"),
        ("The drought has run for eight weeks so far.", "The drought, now in its fifth month, has emptied wells.",
         "duration differs: eight weeks vs its fifth month"),
    ],
)  # fmt: skip
def test_a_spell_told_two_ways_differs(a: str, b: str, reason: str) -> None:
    relation, reasons = judged(a, b)
    assert relation is Relation.CONTRADICT
    assert reason in reasons, reasons


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The boil-water notice lasted for five months.", "The notice was lifted after about 20 weeks."),
        ("The hostages were held for 11 days.", "The hostages were freed after nearly two weeks in captivity."),
        ("The storm raged over the coast for 14 hours.", "The storm over the coast passed within a day."),
        # Two spells of two things, told with verbs of two senses.
        ("The strike lasted three days.", "The strike leaders were jailed for two years."),
        ("The museum was closed for two months.", "The museum director was suspended for a week."),
        # How far into a spell, consistent with its length.
        ("Nurses have been on strike for 12 days.", "The nurses' strike is now in its second week."),
        ("The summit lasted two days.", "On the first day of the summit, the leaders met alone."),
        ("The war lasted four years.", "In the third year of the war, the city fell."),
        # A longer spell told as a whole, not as the length so far: it may be another spell.
        ("The trial, now in its fifth day, heard from the doctor.", "The trial has been adjourned for two weeks."),
        # Two Nth days told on different days.
        ("The walkout entered its third day on Friday.", "The walkout, now in its second week, went on on Monday."),
    ],
)  # fmt: skip
def test_spells_that_fit_or_are_of_two_things_agree(a: str, b: str) -> None:
    relation, reasons = judged(a, b)
    assert not any(kind_of(r) == "duration differs" for r in reasons), reasons
