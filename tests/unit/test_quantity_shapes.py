"""More shapes of one quantity or event told twice: a label before a figure ("a magnitude 4.8"), a lone figure
of a thing the other side names, bounds written "no fewer than", an equal figure of another thing, dates of
one event told with verbs of one sense, and a weekday put to a date against the calendar.

Every shape has pairs that differ (the right kind of reason) and pairs that must stay "agrees". Sentences are
invented.
"""

import pytest
from helpers.pairs import judged

from compare.model import Relation
from compare.text.facts import extract


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        # The unit word before the figure, on both sides.
        ("Three tremors shook the valley, the worst of them a grade 4.", "The worst tremor in the valley, an hour later, was a grade 6.",
         "number differs: 4 vs 6"),
        ("Five storms hit the coast, with the strongest being a category 2.",
         "The strongest of the storms that hit the coast was a category 3 roughly two days later.", "number differs: 2 vs 3"),
        # A lone figure of each side, the thing it measures named before the figure on one side.
        ("The survey office registered the flood at a severity grade of 5.", "The survey office put the flood at 7.",
         "number differs: 5 vs 7"),
        # "No fewer than", "no more than": bounds, not negations.
        ("No fewer than nine wells ran dry in Corvale.", "Six wells ran dry in Corvale.", "number differs: no fewer than nine vs Six"),
        ("No more than 12 boats left the harbour.", "Fifteen boats left the harbour.", "number differs: no more than 12 vs Fifteen"),
        # An equal figure of another thing does not account for the other side's own count of this thing.
        ("No less than six people, four of them guards, were hurt at the mill.",
         "Four people were hurt at the mill, and six horses.", "number differs: no less than six vs Four"),
        # One event told with verbs of one sense (lifted off / launched, given up / abandoned).
        ("The probe launched on 5 May 2011 from Kerrin Point and landed on 2 October 2011.",
         "The probe lifted off on 5 June 2011 from Kerrin Point.", "date differs: 5 May 2011 vs 5 June 2011"),
        ("After many attempts, the dig was given up as a failure in March 2015.", "The team abandoned it in March 2014.",
         "date differs: March 2015 vs March 2014"),
        # A weekday put to a date both give, that the calendar says is another day (1 May 2011 was a Sunday).
        ("The ferry docked on 1 May 2011.", "The ferry docked on 1 May 2011, a Monday.",
         "weekday differs: 1 May 2011 (a Sunday) vs Monday"),
        ("The ferry docked on Monday, 1 May 2011.", "The ferry docked on 1 May.",
         "weekday differs: Monday vs 1 May 2011 (a Sunday)"),
    ],
)  # fmt: skip
def test_these_shapes_differ(a, b, reason):
    relation, reasons = judged(a, b)
    assert relation is Relation.CONTRADICT, reasons
    assert reason in reasons


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Three tremors shook the valley, the worst of them a grade 4.", "The worst tremor in the valley, of grade 4, came an hour later."),
        # Two labels, two things.
        ("The panel gave the plan a score of 7.", "The panel gave the plan a rank of 3."),
        # A bare figure against a count of something else.
        ("The survey office registered the flood at a severity grade of 5.", "The survey office visited the flood 7 times."),
        # Bounds that hold.
        ("No fewer than six wells ran dry in Corvale.", "Nine wells ran dry in Corvale."),
        ("No more than 12 boats left the harbour.", "Ten boats left the harbour."),
        ("No less than six people were hurt at the mill.", "Six people were hurt at the mill."),
        # An equal figure of another thing, with no other count of this one.
        ("Six people, four of them guards, were hurt at the mill.", "Six people were hurt at the mill, and four horses."),
        # The equal figure on the other side names no thing of its own ("had been treated"): it is this one.
        ("At least 1,500 people have been hurt in Corvale.",
         "By evening at least 150 people were confirmed dead in Corvale, and some 1,500 had been treated for injuries."),
        # "six temporary shelters" counts shelters: the six on each side are one figure, the two are two things.
        ("The council opened six temporary shelters in Corvale and two shelters for families.",
         "Six shelters opened in Corvale, and two volunteers ran them."),
        # One event, one date, verbs of one sense.
        ("The probe launched on 5 May 2011 from Kerrin Point.", "The probe lifted off on 5 May 2011 from Kerrin Point."),
        ("After many attempts, the dig was given up as a failure in March 2015.", "The team abandoned it in March 2015."),
        # Two events: a lift-off and a landing, a visit and a collapse.
        ("The probe lifted off on 5 May 2011.", "The probe landed on 2 October 2011."),
        ("The mayor of Tamsin visited the bridge on Tuesday.", "The bridge in Tamsin collapsed on Monday."),
        # A weekday that the calendar confirms, or one the other side gives no date to compare with.
        ("The ferry docked on 1 May 2011.", "The ferry docked on 1 May 2011, a Sunday."),
        ("The ferry docked on 1 May 2011, a Monday.", "The ferry docked in the evening."),
        # Thread numbering is not a count.
        ("By March the wells gave 40% of their water.", "3/ By March the wells gave 40% of their water."),
    ],
)  # fmt: skip
def test_these_shapes_agree(a, b):
    relation, reasons = judged(a, b)
    assert relation is Relation.AGREE, reasons


def test_a_thread_number_is_not_a_count():
    assert [q.text for q in extract("9/ The panels gave well over half of their capacity.").numbers] == [
        "half"
    ]
    assert [q.text for q in extract("12. The toll rose to 40.").numbers] == ["40"]


def test_a_modifier_before_a_plural_noun_is_not_the_unit():
    units = [
        q.unit for q in extract("They opened six temporary shelters and hired two police officers.").numbers
    ]
    assert units == ["shelter", "officer"]
    assert [q.unit for q in extract("Six people, four children, were hurt.").numbers] == [
        "people",
        "children",
    ]
