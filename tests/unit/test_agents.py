"""Who did it on separately written accounts: passive agents of one act, a view given to the other of two named
people, and one person's attitude turned round; with the guards that keep these rules precise."""

from __future__ import annotations

import pytest

from compare.align.judge import judge
from compare.align.relate import kind_of
from compare.model import Claim, Relation
from compare.text.facts import extract
from compare.text.speakers import agents, attitudes, views


def _claim(text: str, doc: str = "d0") -> Claim:
    return Claim(f"{doc}:c0", doc, 0, len(text), text, extract(text))


def _judged(a: str, b: str) -> tuple[Relation, tuple[str, ...]]:
    return judge(_claim(a), _claim(b, "d1"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The depot was built by Halden Works in 2019.", [("built", "Halden Works")]),
        (
            "Built by Halden Works, it is run by the Fernhill Transport Commission.",
            [("built", "Halden Works"), ("run", "Fernhill Transport Commission")],
        ),
        (
            "The plan was criticised by residents such as Ann Lee, who called it reckless.",
            [("criticised", "Ann Lee")],
        ),
        ("He was replaced by the veteran coach Omar Diallo last year.", [("replaced", "Omar Diallo")]),
        # descriptions, times, amounts, means and idioms of "by" name no agent
        ("Most of its parts were built by European suppliers.", []),
        ("The road was closed by Friday and tolls were cut by 5%.", []),
        ("The minister travelled by train and was greeted by local workers.", []),
        ("It was finished by the time Ann Lee had arrived.", []),
        ("It was delayed by Friday's storm.", []),
        ("The works were approved by the Prime Minister.", []),
    ],
)
def test_named_agents_of_passives(text, expected):
    assert agents(text) == expected


def test_two_named_agents_of_one_act_differ():
    relation, reasons = _judged(
        "The depot was manufactured by Halden Works and is managed by the Fernhill Transport Commission.",
        "The depot was built by Corvane Industries and is run by the Fernhill Transport Commission.",
    )
    assert relation is Relation.CONTRADICT
    assert reasons == ("actor differs: Halden Works vs Corvane Industries",)


def test_another_body_running_it_differs():
    relation, reasons = _judged(
        "The depot was built by Halden Works and is managed by the Fernhill Transport Commission.",
        "Built by Halden Works, the depot is operated by the Lowbridge Audit Office.",
    )
    assert relation is Relation.CONTRADICT
    assert kind_of(reasons[0]) == "actor differs"
    assert "Fernhill Transport Commission vs Lowbridge Audit Office" in reasons[0]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a list of makers; the same body by its acronym; the longer name of one firm
        (
            "The depot was built by Halden Works and is run by the Fernhill Transport Commission.",
            "The depot was built by Halden Works and Corvane Industries and is run by the FTC.",
        ),
        ("The depot was built by Halden Works Group.", "The depot was built by Halden Works."),
        # an agent on one side only, or only described
        ("The depot was built by Halden Works in Lowbridge.", "The depot was built in Lowbridge."),
        ("The depot was built by Halden Works.", "The depot was built by local contractors."),
        # agents of two different acts
        ("The depot was built by Halden Works.", "The depot is operated by Corvane Industries."),
        # the other's agent is named in the first claim too (one quotes or lists the other)
        (
            "The depot was built by Halden Works, Corvane Industries said.",
            "The depot was built by Corvane Industries.",
        ),
        # a person may act for the body the other names
        ("The depot was opened by Ann Lee.", "The depot was opened by the Fernhill Transport Commission."),
    ],
)
def test_agents_that_do_not_differ(a, b):
    relation, reasons = _judged(a, b)
    assert relation is Relation.AGREE, reasons


def test_views_split_a_claim_between_its_named_people():
    text = "It was criticised by pundits such as Ann Lee, who called it absurd, while others such as Omar Diallo thought it fair."
    assert [name for name, _ in views(text)] == ["Ann Lee", "Omar Diallo"]
    assert views(text)[1][1] == "Omar Diallo thought it fair."


BOTH = (
    "The decision was criticised by residents such as Ann Lee, who called it reckless, "
    "while others such as Omar Diallo thought it was sensible."
)


def test_a_view_given_to_the_other_person_differs():
    relation, reasons = _judged(BOTH, "Even Ann Lee agreed afterwards that the decision was sensible.")
    assert relation is Relation.CONTRADICT
    assert reasons == ("speaker differs: Omar Diallo vs Ann Lee",)


@pytest.mark.parametrize(
    "b",
    [
        "Omar Diallo agreed afterwards that the decision was sensible.",  # the same person's view
        "Ann Lee said the decision was reckless.",
        "Omar Diallo thought the decision was sensible. Ann Lee called it reckless.",  # both named again
    ],
)
def test_views_kept_with_their_people_agree(b):
    relation, reasons = _judged(BOTH, b)
    assert relation is Relation.AGREE, reasons


def test_the_topic_shared_before_a_pronoun_is_not_a_moved_view():
    relation, reasons = _judged(
        "Ann Lee welcomed the decision to close the road, while Omar Diallo opposed it.",
        "Omar Diallo opposed the decision to close the road.",
    )
    assert relation is Relation.AGREE, reasons


def test_attitudes_of_named_people():
    got = attitudes("The plan was criticised by Ann Lee, while Omar Diallo did not defend it.")
    assert got == {"Ann Lee": ("criticised", {"disapprove"})}  # a negated attitude is left out


def test_one_persons_attitude_turned_round_differs():
    relation, reasons = _judged(
        "The plan was criticised by pundits such as Ann Lee, who called it reckless.",
        "The row: Omar Diallo hated the plan, Lee defended it.",
    )
    assert relation is Relation.CONTRADICT
    assert reasons == ("characterisation differs: 'criticised' vs 'defended' (Lee)",)


@pytest.mark.parametrize(
    "b",
    ["Ann Lee condemned the plan.", "Omar Diallo defended the plan.", "Ann Lee did not defend the plan."],
)
def test_the_same_attitude_or_another_person_agrees(b):
    relation, reasons = _judged("The plan was criticised by Ann Lee.", b)
    assert not any(kind_of(r) == "characterisation differs" for r in reasons), reasons


def test_an_active_maker_against_a_passive_one():
    relation, reasons = _judged(
        "Corvane Industries built the depot in 2019.", "The depot was built by Halden Works."
    )
    assert (relation, reasons) == (
        Relation.CONTRADICT,
        ("actor differs: Corvane Industries vs Halden Works",),
    )
    relation, reasons = _judged(
        "Halden Works built the depot in 2019.", "The depot was built by Halden Works."
    )
    assert relation is Relation.AGREE, reasons


def test_light_verbs_are_read_in_the_passive_only():
    # "made a speech", "ran for office": an active "made" or "ran" is no act of making or running a thing
    assert agents("Ann Lee made a speech and Omar Diallo ran for office.") == []
    assert agents("The speech was made by Ann Lee.") == [("made", "Ann Lee")]


@pytest.mark.parametrize(
    ("a", "b", "contradict"),
    [
        ("Ann Lee accused Omar Diallo of lying.", "Omar Diallo accused Ann Lee of lying.", True),
        ("Ann Lee replaced Omar Diallo as coach.", "Omar Diallo replaced Ann Lee as coach.", True),
        (
            "Ann Lee told Omar Diallo the talks were over.",
            "Omar Diallo told Ann Lee the talks were over.",
            True,
        ),
        # a reciprocal verb, a passive, a list: the order of the names says nothing of their roles
        ("Ann Lee met Omar Diallo at the depot.", "Omar Diallo met Ann Lee at the depot.", False),
        ("Ann Lee beat Omar Diallo in the final.", "Omar Diallo was beaten by Ann Lee in the final.", False),
        ("Ann Lee and Omar Diallo signed the deal.", "Omar Diallo and Ann Lee signed the deal.", False),
    ],
)
def test_two_people_in_swapped_roles(a, b, contradict):
    relation, reasons = _judged(a, b)
    assert (relation is Relation.CONTRADICT) is contradict, reasons
    if contradict:
        assert kind_of(reasons[0]) == ("speaker differs" if " told " in a else "actor differs")


def test_a_compound_names_the_maker():
    relation, reasons = _judged(
        "The Halden-built depot opened in 2019.", "The depot was built by Corvane Industries."
    )
    assert (relation, reasons) == (Relation.CONTRADICT, ("actor differs: Halden vs Corvane Industries",))
    relation, reasons = _judged(
        "The Halden-built depot opened in 2019.", "The depot was built by Halden Works."
    )
    assert relation is Relation.AGREE, reasons
    # a place of a firm, a demonym: no agent
    assert agents("A Paris-based firm put up the German-built depot.") == []


def test_a_said_b_agreed_is_no_swap_of_roles():
    relation, reasons = _judged(
        "Ann Lee had accused Omar Diallo of lying.", "Omar Diallo had accused Ann Lee of lying."
    )
    assert relation is Relation.CONTRADICT, reasons
    relation, reasons = _judged(
        "Ann Lee said Omar Diallo had agreed to the plan.", "Omar Diallo said Ann Lee had agreed to the plan."
    )
    assert not any(kind_of(r) == "actor differs" for r in reasons), reasons


def test_a_person_named_after_an_office_in_a_body_is_a_person():
    relation, reasons = _judged(
        "FHA Director Ann Lee said the two bridges were safe.",
        "Foreign Minister Omar Diallo said the two bridges were safe.",
    )
    assert (relation, reasons) == (Relation.CONTRADICT, ("speaker differs: Ann Lee vs Omar Diallo",))
    for other in ("Ann Lee said the two bridges were safe.", "The FHA said the two bridges were safe."):
        relation, reasons = _judged("FHA Director Ann Lee said the two bridges were safe.", other)
        assert relation is Relation.AGREE, reasons
