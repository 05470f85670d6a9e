"""Elapsed time: a duration one account states, the other implies by the days it gives two events.

Pairs judged alone (both days in one claim) and claims set in their documents (the earlier day given
elsewhere in the dating account). Sentences are invented; each shape has agreeing controls.
"""

import pytest

from compare.align.judge import judge
from compare.align.quantities import elapsed_differs
from compare.align.relate import kind_of
from compare.model import Claim, Relation
from compare.text.facts import extract


def claim(text: str, doc: str = "d0", n: int = 0) -> Claim:
    return Claim(f"{doc}:c{n}", doc, 0, len(text), text, extract(text))


def doc(doc_id: str, *texts: str) -> list[Claim]:
    return [claim(t, doc_id, n) for n, t in enumerate(texts)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The ferry left Corran on 2 March 2021 and reached Talmey on 30 April 2021.",
            "The ferry reached Talmey on 30 April 2021 after a voyage of just ten days from Corran on 2 March 2021.",
        ),
        (
            "The probe launched on 4 January 2019 and arrived at the comet on 20 September 2019.",
            "It arrived at the comet on 20 September 2019, a week after it launched.",
        ),
        (
            "Drilling began on 10 May 2015 and the tunnel broke through on 12 May 2017.",
            "Crews broke through on 12 May 2017, after drilling from 10 May 2015 for some five years.",
        ),
        (
            "The dam was breached on 3 August 2012; the valley was cleared on 6 August 2012.",
            "The valley was cleared on 6 August 2012, two weeks after the dam was breached.",
        ),
        (
            "The rowers set off on 1 June 2018 and landed at Brest on 9 September 2018.",
            "They landed at Brest on 9 September 2018, after a crossing of a month from 1 June 2018.",
        ),
    ],
)
def test_two_days_of_one_claim_against_a_duration_differ(a: str, b: str) -> None:
    relation, reasons = judge(claim(a), claim(b, "d1"))
    assert relation is Relation.CONTRADICT
    assert kind_of(reasons[0]) == "duration differs", reasons


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The ferry left Corran on 2 March 2021 and reached Talmey on 30 April 2021.",
            "The ferry reached Talmey on 30 April 2021 after a voyage of about two months from Corran on 2 March 2021.",
        ),
        (
            "The probe launched on 4 January 2019 and arrived at the comet on 20 September 2019.",
            "It arrived at the comet on 20 September 2019, some eight months after it launched.",
        ),
        (
            "The dam was breached on 3 August 2012; the valley was cleared on 6 August 2012.",
            "The valley was cleared on 6 August 2012, three days after the dam was breached.",
        ),
        # A stretch that does not start on the first day given: the other account does not name that day.
        (
            "The truce began on 3 May 2020 and the talks resumed on 20 May 2020.",
            "The talks resumed on 20 May 2020 after a pause of two days.",
        ),
        # A duration after an event the dating claim does not date.
        (
            "The truce began on 3 May 2020 and the talks resumed on 20 May 2020.",
            "The talks resumed on 20 May 2020, two days after the envoys arrived.",
        ),
    ],
)
def test_elapsed_time_that_fits_or_is_not_spanned_agrees(a: str, b: str) -> None:
    relation, reasons = judge(claim(a), claim(b, "d1"))
    assert not any(kind_of(r) == "duration differs" for r in reasons), reasons


BASE = doc(
    "d0",
    "On 2 April 2019, a landslide closed the mountain pass above Verrin.",
    "Road crews reached the slide on 4 April 2019.",
    "The pass was reopened to traffic on 21 June 2019.",
    "On 30 June 2019, the first lorries crossed again.",
)


def test_a_duration_since_the_start_differs_from_the_days_of_the_other_account() -> None:
    other = doc(
        "d1",
        "The slide came down on 2 April 2019, burying the road.",
        "The pass stayed shut for some five months, officials said, before it reopened.",
    )
    reason = elapsed_differs(BASE[2], BASE, other[1], other)
    assert reason == "duration differs: 3 months (2 April 2019 to 21 June 2019) vs some five months"


def test_a_duration_after_an_event_the_other_account_dates_elsewhere() -> None:
    other = doc("d1", "Lorries crossed again on 30 June 2019, just three days after the pass reopened.")
    reason = elapsed_differs(BASE[3], BASE, other[0], other)
    assert reason.startswith("duration differs: 9 days (21 June 2019 to 30 June 2019) vs")
    assert elapsed_differs(other[0], other, BASE[3], BASE).endswith(
        "vs 9 days (21 June 2019 to 30 June 2019)"
    )


@pytest.mark.parametrize(
    "text",
    [
        "The pass stayed shut for about 11 weeks, officials said, before it reopened.",
        "The pass stayed shut for more than two months, officials said, before it reopened.",
        "The pass stayed shut for nearly three months before it reopened.",
    ],
)
def test_a_duration_since_the_start_that_fits_agrees(text: str) -> None:
    other = doc("d1", "The slide came down on 2 April 2019, burying the road.", text)
    assert elapsed_differs(BASE[2], BASE, other[1], other) == ""


def test_the_start_must_be_a_day_both_accounts_give() -> None:
    # The other account never says when the pass closed: its "five months" may count from anything.
    other = doc("d1", "The pass stayed shut for some five months, officials said, before it reopened.")
    assert elapsed_differs(BASE[2], BASE, other[0], other) == ""


def test_days_later_counts_from_the_day_the_account_gave_just_before() -> None:
    other = doc("d1", "Crews were sent on 2 April 2019.", "Two days later they reached the slide.")
    assert elapsed_differs(BASE[1], BASE, other[1], other) == ""
    late = doc("d1", "Crews were sent on 2 April 2019.", "Six days later they reached the slide.")
    assert elapsed_differs(BASE[1], BASE, late[1], late).startswith("duration differs: 2 days")


def test_a_week_is_a_rounded_figure() -> None:
    other = doc("d1", "Lorries crossed again on 30 June 2019, barely a week after the pass reopened.")
    assert elapsed_differs(BASE[3], BASE, other[0], other) == ""  # 9 days: a week, rounded


@pytest.mark.parametrize(
    ("a", "b", "differs"),
    [
        ("The outbreak began in May 2000 and was declared over in December 2000.",
         "The outbreak was declared over in December 2000, just two months after it began.", True),
        ("The outbreak began in May 2000 and was declared over in December 2000.",
         "The outbreak was declared over in December 2000, some seven months after it began.", False),
        ("The strike began on 3 March 2019 and ended in May 2019.",
         "The strike ended in May 2019, a year after it began.", True),
        ("The strike began on 3 March 2019 and ended in May 2019.",
         "The strike ended in May 2019, nine weeks after it began.", False),
    ],
)  # fmt: skip
def test_a_month_without_its_day_allows_any_day_of_it(a: str, b: str, differs: bool) -> None:
    _, reasons = judge(claim(a), claim(b, "d1"))
    assert any(kind_of(r) == "duration differs" for r in reasons) is differs, reasons


@pytest.mark.parametrize(
    ("a", "b", "differs"),
    [
        ("The poll was published on 20 June 2016 and the vote was held on 23 June 2016.",
         "The poll, published on 20 June 2016, came just a week before the vote.", True),
        ("The poll was published on 20 June 2016 and the vote was held on 23 June 2016.",
         "The poll, published on 20 June 2016, came three days before the vote.", False),
        ("The envoys arrived on 9 September 2016 and the truce began on 12 September 2016.",
         "The envoys arrived on 9 September 2016, a day ahead of the truce.", True),
        # "the talks began" is not "the truce began": the other event is not dated.
        ("The envoys arrived on 9 September 2016 and the truce began on 12 September 2016.",
         "The envoys arrived on 9 September 2016, two days before the talks began.", False),
    ],
)  # fmt: skip
def test_a_duration_before_a_named_event(a: str, b: str, differs: bool) -> None:
    _, reasons = judge(claim(a), claim(b, "d1"))
    assert any(kind_of(r) == "duration differs" for r in reasons) is differs, reasons


def test_took_so_long_counts_from_the_start_both_accounts_give() -> None:
    base = doc(
        "d0",
        "The mill burned down on 3 March 2011, at night.",
        "On 1 April 2011, its owner was charged with arson.",
    )
    other = doc(
        "d1", "The mill burned down on the night of 3 March.", "Police took six months to charge the owner."
    )
    assert elapsed_differs(base[1], base, other[1], other).startswith("duration differs: 4 weeks")
    fits = doc(
        "d1", "The mill burned down on the night of 3 March.", "Police took four weeks to charge the owner."
    )
    assert elapsed_differs(base[1], base, fits[1], fits) == ""


def test_the_engine_marks_a_stretch_its_account_dates_elsewhere() -> None:
    from compare.align.engine import ELAPSED, compare
    from compare.model import Document, Relation

    base = Document(
        "d0",
        "Base",
        "On 2 April 2019, a landslide closed the mountain pass above Verrin. Road crews cleared rock for weeks. "
        "The pass above Verrin was reopened to traffic on 21 June 2019, the roads office said.",
    )
    other = Document(
        "d1",
        "Other",
        "A landslide shut the pass above Verrin on 2 April 2019. "
        "The pass above Verrin was reopened to traffic after some five months, the roads office said.",
    )
    result = compare([base, other])
    marked = [lk for lk in result.links if ELAPSED in lk.reasons]
    assert marked, [(lk.a, lk.b, lk.relation, lk.reasons) for lk in result.links]
    assert marked[0].relation is Relation.CONTRADICT
    assert marked[0].reasons[0].startswith("duration differs: 3 months (2 April 2019 to 21 June 2019) vs")
