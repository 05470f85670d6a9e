"""Numbers, dates, weekdays, durations and ranks of one quantity or event, written in different forms.

Each shape has pairs that differ and pairs that say the same thing otherwise: a difference must be found
with the right kind of reason, and a paraphrase must not be called a difference. Sentences are invented.
"""

import pytest
from helpers.pairs import judged

from compare.align.relate import kind_of
from compare.model import Relation
from compare.text.facts import find_durations


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        # Dates at different precision: compared at the precision both give.
        ("The Harlow bridge opened on June 3, 2009, after years of work.",
         "The Harlow bridge opened on 3 June 2012 after years of work.", "date differs: 3 June 2009 vs 3 June 2012"),
        ("Savers lost money in the March 12, 2014, bank run.", "In the March 2015 bank run, savers lost money.",
         "date differs: 12 March 2014 vs March 2015"),
        ("The Corven mill closed in 1987 after the strike.", "The Corven mill closed in 1991 after the strike.",
         "date differs: 1987 vs 1991"),
        # A weekday against a full date: the weekday the date falls on.
        ("The regatta was rowed on the Tamsin river, on 14 July 2019, and drew crowds.",
         "Tamsin lifted the regatta cup on Saturday evening.",
         "weekday differs: 14 July 2019 (a Sunday) vs Saturday"),
        # Weekdays of one named event with no verb in common.
        ("Many riders were going home for Midsummer, the long holiday, which begins Friday.",
         "Riders were heading home for Midsummer, which falls on Thursday.", "weekday differs: Friday vs Thursday"),
        # Durations across forms.
        ("The outage lasted approximately 40 minutes.", "The outage lasted about an hour and a half.",
         "duration differs: approximately 40 minutes vs about an hour and a half"),
        ("The hearing lasted half an hour.", "The hearing lasted two hours.",
         "duration differs: half an hour vs two hours"),
        ("The blockade lasted a day and a half.", "The blockade lasted three days.",
         "duration differs: a day and a half vs three days"),
        ("The vote was held a day ahead of the deadline.", "The vote was held two days ahead of the deadline.",
         "duration differs: a day vs two days"),
        # Counts of the same noun, with an article in a list of counts.
        ("The club ended the season with three wins and a draw.",
         "The club ended the season with three wins and two draws.", "number differs: a draw vs two draws"),
        ("Four nurses were hurt, the hospital said.", "Two of its nurses were hurt, the hospital said.",
         "number differs: Four vs Two"),
        ("At least 19 hikers were rescued from the ridge.", "Rescuers brought 12 hikers down from the ridge.",
         "number differs: at least 19 vs 12"),
        # Ranks: a bare superlative is first.
        ("It was the second-largest fall in the index that year.", "It was the largest fall in the index that year.",
         "number differs: second-largest vs the largest"),
        ("The port is the third busiest in the region.", "The port is the busiest in the region.",
         "number differs: third busiest vs the busiest"),
        ("The Arden cup final was the 14th edition of the cup.", "It was only the 12th final in the cup's history.",
         "number differs: 14th edition vs 12th final"),
        # More forms: the 19th of a month, a month alone, seconds, a label for the unit, times of day.
        ("The vote was held on the 19th of May.", "The vote was held on 17 May.", "date differs: 19 May vs 17 May"),
        ("The Corven mill closed in October after the strike.", "The Corven mill closed in November after the strike.",
         "date differs: October vs November"),
        ("The shaking lasted about 50 seconds.", "The shaking lasted two minutes.",
         "duration differs: about 50 seconds vs two minutes"),
        ("A 6.8-magnitude tremor hit the valley.", "The tremor, of magnitude 6.1, hit the valley.",
         "number differs: 6.8 vs 6.1"),
        ("The tremor hit at 4:15 a.m. local time.", "The tremor hit at 5:40 a.m. local time.",
         "number differs: 4:15 a.m. local time vs 5:40 a.m. local time"),
        ("A quarter of the wells ran dry.", "Some 40 percent of the wells ran dry.",
         "number differs: A quarter vs some 40"),
        ("One in four wells ran dry.", "Half of the wells ran dry.", "number differs: One in four vs Half"),
        ("The talks lasted several days.", "The talks lasted two weeks.", "duration differs: several days vs two weeks"),
        ("Upwards of 300 homes were flooded.", "About 250 homes were flooded.",
         "number differs: upwards of 300 vs about 250"),
    ],
)  # fmt: skip
def test_differences_in_other_forms(a, b, reason):
    relation, reasons = judged(a, b)
    assert relation is Relation.CONTRADICT, reasons
    assert reason in reasons


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Harlow bridge opened on June 3, 2009, after years of work.", "The Harlow bridge opened in June 2009."),
        ("The regatta on the Tamsin river was held on 14 July 2019.", "The regatta on the Tamsin river was held on Sunday."),
        ("The outage lasted an hour and a half.", "The outage lasted 90 minutes."),
        ("The hearing lasted half an hour.", "The hearing lasted 30 minutes."),
        ("The blockade lasted a day and a half.", "The blockade lasted 36 hours."),
        ("The outage lasted about 40 minutes.", "The outage lasted 45 minutes."),
        ("The club ended the season with three wins and a draw.",
         "The club ended the season with three wins and one draw."),
        ("A cook is cracking two eggs into a bowl.", "A cook is cracking an egg into a bowl."),
        ("Between 3,000 and 5,000 people marched.", "About 4000 people marched."),
        ("It was the largest fall in the index that year.", "It was the biggest fall in the index that year."),
        ("It is one of the largest ports in the region.", "It is the second-largest port in the region."),
        # Two events on two days are not a difference, even with a name in common.
        ("The mayor of Tamsin visited the bridge on Tuesday.", "The bridge in Tamsin collapsed on Monday."),
        # A weekday the other side also gives is accounted for; the other one dates something else.
        ("The ferry sank on Saturday morning (Friday night in London).", "The ferry sank before dawn on Saturday."),
        ("The vote was held on the 19th of May.", "The vote was held on 19 May 2020."),
        ("The Corven mill closed in October after the strike.", "The Corven mill closed on 4 October."),
        ("The shaking lasted 90 seconds.", "The shaking lasted a minute and a half."),
        ("The tremor hit at 4:15 a.m.", "The tremor hit at 4:15."),
        ("The fall began at 2:32 p.m. EDT.", "The fall began shortly after 2:30 in the afternoon."),
        ("The fall began at 2:32 p.m. EDT.", "The fall began at 6:32 p.m. GMT."),
        ("The index rose 41 points, or 0.4 percent, to 9,415.", "The index rose 41 points, a gain of 0.4% and 0.7% on the week."),
        ("He scored two second-half goals.", "He scored two goals after the break."),
        ("A third of the wells ran dry.", "About 30 percent of the wells ran dry."),
        ("The talks lasted several days.", "The talks lasted five days."),
        ("The repairs took a couple of hours.", "The repairs took two hours."),
        ("One in four wells ran dry.", "A quarter of the wells ran dry."),
    ],
)  # fmt: skip
def test_the_same_facts_in_other_forms_agree(a, b):
    relation, reasons = judged(a, b)
    assert relation is Relation.AGREE, reasons


def test_halves_of_units_are_durations():
    found = find_durations(
        "It took one and a half hours, then half a day, then an hour and a half.", articles=True
    )
    assert [(d.value, d.unit) for d in found[0]] == [(1.5, "hour"), (0.5, "day"), (1.5, "hour")]


def test_a_typed_single_edit_is_found_in_every_form():
    base = "On 4 March 2021 the Lisle council said 1,250 homes had lost power for three days on Monday."
    edits = {
        "On 4 March 2021 the Lisle council said 1,520 homes had lost power for three days on Monday.": "number",
        "On 4 March 2021 the Lisle council said 1250 homes had lost power for two days on Monday.": "duration",
        "On 5 March 2021 the Lisle council said 1,250 homes had lost power for three days on Monday.": "date",
        "On 4 April 2021 the Lisle council said 1,250 homes had lost power for three days on Monday.": "date",
        "On 4 March 2022 the Lisle council said 1,250 homes had lost power for three days on Monday.": "date",
        "On 4 March 2021 the Lisle council said 1,250 homes had lost power for three days on Friday.": "weekday",
    }
    for edited, kind in edits.items():
        relation, reasons = judged(base, edited)
        assert relation is Relation.CONTRADICT, (edited, reasons)
        assert any(kind_of(r) == f"{kind} differs" for r in reasons), (edited, reasons)
