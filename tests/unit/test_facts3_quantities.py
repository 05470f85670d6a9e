"""Times of day in words, counts whose noun is left out, offsets between events, and the day of a document's
main event (issue 11, second pass: facts of separately written accounts)."""

from __future__ import annotations

import pytest

from compare.align import quantities
from compare.align.judge import judge
from compare.model import Claim, Relation
from compare.text.facts import extract, find_times


def _claim(text: str, cid: str = "d0:c0", written: str = "") -> Claim:
    doc = cid.split(":")[0]
    return Claim(cid, doc, 0, len(text), text, extract(text, written=written))


def _judge(a: str, b: str) -> tuple[Relation, tuple[str, ...]]:
    return judge(_claim(a), _claim(b, "d1:c0"))


@pytest.mark.parametrize(
    ("text", "minutes", "bound"),
    [
        ("The storm hit at about half past two in the morning.", 150, "about"),
        ("Doors opened at a quarter to six in the evening.", 1065, ""),
        ("The vote closed at ten o'clock.", 600, ""),
        ("The train left at 3 a.m. sharp.", 180, ""),
        ("It ended at 3pm.", 900, ""),
        ("They met at noon.", 720, ""),
        ("Guards changed at midnight.", 0, ""),
        ("The plane landed at eleven at night.", 1380, ""),
        ("The shift began at 2:30 in the morning.", 150, ""),
        ("It was 22.45 GMT on Friday.", 1365, ""),
        ("It was Friday 2245 UTC.", 1365, ""),
        ("The office opens at five past nine.", 545, ""),
    ],
)
def test_times_of_day_in_words_and_figures(text: str, minutes: int, bound: str) -> None:
    found = find_times(text)
    assert [(q.value, q.bound) for q in found] == [(float(minutes), bound)]


@pytest.mark.parametrize(
    "text",
    [
        "Between ten to twelve people were hurt.",  # a range of counts, not "ten to twelve" o'clock
        "Four people died and two were hurt.",
        "The score was 2.45 on average.",  # a decimal without a.m., p.m. or a zone
        "Sales reached 2019 units.",
    ],
)
def test_counts_are_not_times(text: str) -> None:
    assert find_times(text) == []


def test_a_time_in_words_differs_from_a_time_in_figures() -> None:
    rel, reasons = _judge(
        "The quake struck the valley at 3:32 a.m. local time.",
        "The quake struck at about half past two in the morning.",
    )
    assert rel is Relation.CONTRADICT
    assert reasons[0] == "number differs: 3:32 a.m. local time vs about half past two in the morning"


def test_about_allows_minutes_not_hours() -> None:
    rel, _ = _judge(
        "The quake struck the valley at 2:38 a.m. local time.",
        "The quake struck at about half past two in the morning.",
    )
    assert rel is Relation.AGREE


def test_the_hour_of_a_time_in_words_is_not_a_count() -> None:
    # "two" of "half past two" is not compared with "three" aftershocks.
    rel, reasons = _judge(
        "Three aftershocks followed the quake at half past two in the morning.",
        "Three aftershocks followed the quake at 2:30 a.m.",
    )
    assert rel is Relation.AGREE, reasons


def test_gmt_and_utc_are_one_clock() -> None:
    rel, reasons = _judge(
        "The train derailed at 4:15 a.m. local time (Friday 2245 UTC).",
        "The train derailed at 4.15am local time, which was 22.45 GMT on Friday.",
    )
    assert rel is Relation.AGREE, reasons
    rel, reasons = _judge(
        "The train derailed on Friday at 2245 UTC.",
        "The train derailed on Friday at 21.45 GMT.",
    )
    assert rel is Relation.CONTRADICT and reasons[0].startswith("number differs: 2245 UTC vs 21.45 GMT")


def test_a_count_whose_noun_is_left_out() -> None:
    base = "At least nine aftershocks have shaken the area since the first quake."
    rel, reasons = _judge(
        base, "The strongest aftershock came an hour later, one of only three the town felt."
    )
    assert rel is Relation.CONTRADICT
    assert reasons[0] == "number differs: at least nine vs three"
    rel, _ = _judge(base, "The strongest aftershock came an hour later, one of twelve the town felt.")
    assert rel is Relation.AGREE


def test_a_left_out_noun_must_be_named_in_the_claim() -> None:
    # "one of three" with nothing of the other side's noun in its claim counts something else.
    rel, reasons = _judge(
        "At least nine aftershocks have shaken the area since the first quake.",
        "The mayor, one of only three the town elected, visited the area.",
    )
    assert rel is Relation.AGREE, reasons


def test_offsets_of_one_event_differ() -> None:
    rel, reasons = _judge(
        "The quake struck the valley at dawn with a 4.8 aftershock about an hour after.",
        "Aftershocks went on all morning, the strongest of them roughly two hours after the main shock.",
    )
    assert rel is Relation.CONTRADICT
    assert reasons[0] == "duration differs: about an hour vs roughly two hours"
    # With one offset on each side (not two, as in the test below), the offsets are compared.
    rel, reasons = _judge(
        "A tremor came an hour after.",
        "Tremors went on all day, the strongest of them three hours after the main shock.",
    )
    assert reasons[0] == "duration differs: an hour vs three hours"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Offsets of two events: their verbs say so.
        ("Police arrived an hour later.", "The ambulance left two hours later."),
        # The same offset in other units.
        ("The aftershock came about an hour after.", "The aftershock came some 60 minutes after the quake."),
        # Two offsets on a side: which pairs with which is not written.
        (
            "The first tremor came an hour after, and a second tremor two hours after.",
            "Tremors went on all day, the strongest of them three hours after the main shock.",
        ),
    ],
)
def test_offsets_that_do_not_conflict(a: str, b: str) -> None:
    rel, reasons = _judge(a, b)
    assert rel is Relation.AGREE, reasons


def test_bounds_that_a_figure_meets_agree() -> None:
    # "at least 100" and 250 can both be right; "passed 200" is not read as a bound (gold of the rail set calls
    # "at least 100" vs "passed 200" a contradiction; by logic it is not one).
    for other in ("Officials said 250 people were hurt.", "By evening the number hurt had passed 200."):
        rel, reasons = _judge("At least 100 people were hurt in the derailment.", other)
        assert rel is Relation.AGREE, reasons


def _doc(doc: str, *texts: str, written: str = "") -> list[Claim]:
    return [_claim(t, f"{doc}:c{i}", written) for i, t in enumerate(texts)]


BASE = _doc(
    "d0",
    "The vote count was slow.",
    "The May 6, 2010 council vote, also known as the long count, ended at dusk.",
    "Turnout was high.",
)


def test_a_weekday_and_a_date_that_lead_their_documents_are_one_event() -> None:
    other = _doc("d1", "Councillors voted on Wednesday afternoon after a long count.", "It was close.")
    args = (BASE[1], BASE, "", other[0], other, "2010-05-06")
    assert quantities.same_lead_event(*args)
    assert quantities.lead_events_differ(*args) == "weekday differs: 6 May 2010 (a Thursday) vs Wednesday"
    # The other way round, the reason names the account's weekday second, as the rules do.
    back = (other[0], other, "2010-05-06", BASE[1], BASE, "")
    assert quantities.lead_events_differ(*back) == "weekday differs: Wednesday vs 6 May 2010 (a Thursday)"
    same = _doc("d2", "Councillors voted on Thursday afternoon after a long count.")
    assert quantities.same_lead_event(BASE[1], BASE, "", same[0], same, "2010-05-07")
    assert quantities.lead_events_differ(BASE[1], BASE, "", same[0], same, "2010-05-07") == ""


def test_a_weekday_is_not_tied_to_a_date_it_cannot_be_of() -> None:
    other = _doc("d1", "Councillors voted on Wednesday afternoon.", "It was close.")
    # Written a month after the vote: "on Wednesday" is of another week.
    assert not quantities.same_lead_event(BASE[1], BASE, "", other[0], other, "2010-06-10")
    # Written before it.
    assert not quantities.same_lead_event(BASE[1], BASE, "", other[0], other, "2010-05-01")
    # Not the first day the account names: its lead is dated by another weekday.
    later = _doc("d2", "Councillors met on Monday.", "They voted on Wednesday afternoon.")
    assert not quantities.same_lead_event(BASE[1], BASE, "", later[1], later, "2010-05-06")
    # Two full dates are never paired this way (a lead may be of a later event).
    dated = _doc("d3", "On Monday, August 24, the council voted again.")
    assert not quantities.same_lead_event(BASE[1], BASE, "", dated[0], dated, "")
    # Past the lead: the day named in the fourth claim is not the main event's.
    deep = _doc("d4", "A long night.", "Nobody slept.", "The count dragged on.", "They voted on Wednesday.")
    assert not quantities.same_lead_event(BASE[1], BASE, "", deep[3], deep, "2010-05-06")


@pytest.mark.parametrize(
    ("a", "b", "differs"),
    [
        ("Hundreds of workers walked out at the plant.", "About 40 workers walked out at the plant.", True),
        (
            "Thousands of people marched through the capital.",
            "Police said 800 people marched in the capital.",
            True,
        ),
        (
            "Thousands of people marched through the capital.",
            "Some 12,000 people marched through the capital.",
            False,
        ),
        (
            "Dozens of people were hurt in the blast.",
            "Officials said 35 people were hurt in the blast.",
            False,
        ),
        ("Tens of thousands of people marched.", "Police said 8,000 people marched.", True),
        # Hundreds of another thing do not count the workers.
        ("Hundreds of police lined the road.", "About 40 workers walked out at the plant.", False),
        # "more" adds to a count; a shared name is not a shared frame ("killed" is not "gathered").
        ("Dozens of bodies were found in the valley.", "Eight more bodies were found in the valley.", False),
        ("Four Rivera supporters were killed in clashes.", "Thousands of Rivera supporters gathered.", False),
    ],
)
def test_counts_of_a_scale_without_a_figure(a: str, b: str, differs: bool) -> None:
    rel, reasons = _judge(a, b)
    assert (rel is Relation.CONTRADICT) is differs, reasons
    if differs:
        assert reasons[0].startswith("number differs: ")


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("The strike ran from 3 to 9 May.", [(6, "from 3 to 9 May")]),
        ("It lasted from 28 April to 2 May.", [(4, "from 28 April to 2 May")]),
        ("Talks ran from 30 December to 2 January.", [(3, "from 30 December to 2 January")]),
        ("Polls were open May 3-9.", [(6, "May 3-9")]),
        ("Trains ran from Monday to Wednesday.", [(2, "from Monday to Wednesday")]),
        ("Shops opened Monday through Friday.", [(4, "Monday through Friday")]),
        ("Attacks on 3 and 9 May were reported.", []),  # two days, not a span
        ("The 2019-2020 season ended.", []),
    ],
)
def test_spans_of_days_given_by_their_ends(text: str, spans: list[tuple[int, str]]) -> None:
    assert quantities.date_spans(text) == spans


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        (
            "The strike at the plant ran from 3 to 9 May.",
            "Workers at the plant were on strike for three days.",
            "duration differs: from 3 to 9 May vs three days",
        ),
        (
            "The two-day strike at the plant ended.",
            "The strike at the plant ran from Monday to Friday.",
            "duration differs: two-day vs from Monday to Friday",
        ),
        (
            "The strike at the plant ran from 3 to 9 May.",
            "Workers at the plant were on strike for a week.",
            "",
        ),
        (
            "The strike at the plant ran from Monday to Wednesday.",
            "The three-day strike at the plant ended.",
            "",
        ),
        # Not how long the span lasted: "twice a day", an offset.
        ("The festival ran from Monday to Friday.", "Twice a day the festival opened its gates.", ""),
        ("The festival ran from Monday to Friday.", "The festival ended two days after the storm.", ""),
    ],
)
def test_a_span_of_days_against_a_duration(a: str, b: str, reason: str) -> None:
    rel, reasons = _judge(a, b)
    if reason:
        assert rel is Relation.CONTRADICT and reasons[0] == reason
    else:
        assert rel is Relation.AGREE, reasons


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The deal is worth £1.2bn to the firm.", [1.2e9]),
        ("It cost $30m last year.", [3e7]),
        ("Damages of at least €2.5m were claimed.", [2.5e6]),
        ("They built a 4m wall.", []),  # metres: no currency, and never the count "4"
        ("About 5k people ran.", []),
    ],
)
def test_abbreviated_scales(text: str, values: list[float]) -> None:
    assert [q.value for q in extract(text).numbers] == values


def test_abbreviated_scales_compare_rounded_and_written_out() -> None:
    base = "The strike cost the firm £1.2bn, the union said."
    assert _judge(base, "The strike cost the firm £1.25bn, the union said.")[0] is Relation.AGREE
    assert _judge(base, "The strike cost the firm 1.2 billion pounds, the union said.")[0] is Relation.AGREE
    rel, reasons = _judge(base, "The strike cost the firm £800m, the union said.")
    assert rel is Relation.CONTRADICT and reasons[0] == "number differs: 1.2bn vs 800m"


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        (
            "Talks between the union and the firm lasted for hours.",
            "Talks between the union and the firm lasted 90 minutes.",
            "duration differs: for hours vs 90 minutes",
        ),
        (
            "The union agreed after weeks of talks with the firm.",
            "The union agreed after three days of talks with the firm.",
            "duration differs: weeks of talks vs three days",
        ),
        (
            "Talks between the union and the firm lasted for hours.",
            "Talks with the firm lasted five hours.",
            "",
        ),
        (
            "The union agreed after weeks of talks with the firm.",
            "The union agreed after a month of talks.",
            "",
        ),
        # Not a length of time: "the days of the week", "hours ago", a counted plural.
        ("The union met on all the days of the week.", "The union met for three days.", ""),
        ("The union met hours ago.", "The union met 90 minutes ago.", ""),
    ],
)
def test_a_plural_unit_without_a_count(a: str, b: str, reason: str) -> None:
    rel, reasons = _judge(a, b)
    if reason:
        assert rel is Relation.CONTRADICT and reasons[0] == reason
    else:
        assert rel is Relation.AGREE, reasons


@pytest.mark.parametrize(
    ("a", "b", "differs"),
    [
        (
            "Four out of five voters in the town backed the plan.",
            "Some 55 percent of voters in the town backed it.",
            True,
        ),
        (
            "Four out of five voters in the town backed the plan.",
            "Some 78 percent of voters in the town backed it.",
            False,
        ),
        (
            "3 in 10 voters in the town backed the plan.",
            "A third of voters in the town backed the plan.",
            False,
        ),
        ("A dozen people were hurt in the blast.", "Officials said 30 people were hurt in the blast.", True),
        ("A dozen people were hurt in the blast.", "Officials said 13 people were hurt in the blast.", False),
        (
            "Half a dozen people were hurt in the blast.",
            "Officials said six people were hurt in the blast.",
            False,
        ),
    ],
)
def test_shares_out_of_a_whole_and_dozens(a: str, b: str, differs: bool) -> None:
    rel, reasons = _judge(a, b)
    assert (rel is Relation.CONTRADICT) is differs, reasons


def test_a_count_in_a_span_of_time_is_not_a_share() -> None:
    assert [(q.value, q.unit) for q in extract("He scored 2 in 10 days.").numbers] == [(2.0, "")]


def test_a_possessor_is_not_what_a_figure_counts() -> None:
    text = "The flames reduced roughly 1,900 of the city's homes to ash."
    assert [(q.text, q.unit) for q in extract(text).numbers] == [("1,900", "home")]
    rel, reasons = _judge("The fire destroyed approximately 2,400 homes in the city.", text)
    assert rel is Relation.CONTRADICT and reasons[0] == "number differs: approximately 2,400 vs roughly 1,900"
