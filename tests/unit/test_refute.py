"""An account that calls a headline's claim untrue gets a "disputes" contradiction; one that only reports it
(or a denial of it) does not. Every text here is invented."""

from __future__ import annotations

import pytest

from compare.align.engine import compare
from compare.align.polarity import refutations
from compare.align.refute import verdicts
from compare.model import Document, Relation

HEADLINE = "Giant eel photographed in the Lowbridge canal"


def _disputes(body: str, headline: str = HEADLINE) -> list[str]:
    result = compare([Document("h", "headline", headline), Document("a", "article", body)])
    return [
        r
        for lk in result.links
        if lk.relation is Relation.CONTRADICT
        for r in lk.reasons
        if r.startswith("disputes")
    ]


@pytest.mark.parametrize(
    ("sentence", "asserted"),
    [
        ("The story is a hoax.", True),
        ("Experts say the picture is probably a doctored fake.", True),
        ("Reports that the eel was caught are not true.", True),
        ("It is not a hoax.", False),
        ("Is the picture a hoax?", False),
        ("Readers asked whether the picture was an elaborate hoax.", False),
        ("Some think it may be fake.", False),
    ],
)
def test_a_verdict_counts_only_when_asserted(sentence: str, asserted: bool) -> None:
    assert bool(verdicts(sentence)) is asserted


def test_a_verdict_next_to_the_claim_disputes_the_headline() -> None:
    body = (
        "A picture of a giant eel in the Lowbridge canal spread online on Monday. "
        "The photo was taken by a local angler, who shared it with friends. "
        "A biologist at the city museum said the picture of the giant eel was a hoax. "
        "The canal will be dredged next spring."
    )
    found = _disputes(body)
    assert found and found[0] == "disputes: 'hoax'"


def test_a_verdict_in_a_sentence_about_another_subject_disputes_nothing() -> None:
    body = (
        "A picture of a giant eel in the Lowbridge canal spread online on Monday. "
        "The photo was taken by a local angler, who shared it with friends. "
        "The council spent the week answering questions about its budget. "
        "Last year a story about a haunted school in Fernhill turned out to be a hoax."
    )
    assert _disputes(body) == []


def test_an_article_that_reports_a_denial_or_a_question_does_not_dispute() -> None:
    body = (
        "A picture of a giant eel in the Lowbridge canal spread online on Monday. "
        "Readers asked whether the picture of the giant eel was a hoax. "
        "The angler who took it says it is not fake."
    )
    assert _disputes(body) == []


def test_a_headline_that_itself_calls_something_a_hoax_is_not_disputed_by_the_same_word() -> None:
    body = "The picture of a giant eel in the Lowbridge canal was a hoax, a biologist said."
    assert _disputes(body, "Giant eel in the Lowbridge canal was a hoax") == []


def test_a_headline_that_denies_the_verdict_is_disputed_by_it() -> None:
    body = (
        "An angler said this week that his picture of a giant eel was real. "
        "A biologist at the city museum said the picture of the giant eel was a hoax."
    )
    assert _disputes(body, "Giant eel picture is not fake, angler says") != []


def test_a_cue_that_qualifies_a_noun_is_not_a_refutation() -> None:
    assert refutations("The girl is wearing a fake nose and glasses") == []
    assert refutations("The council said the report was fake.") == ["fake"]
    assert refutations("It is a fake story.") == ["fake"]
    assert refutations("The photo is not fake.") == []


def test_a_headline_that_reports_a_denial_is_not_disputed_by_a_verdict_on_the_same_subject() -> None:
    body = "Ministers said the report of a giant eel in the Lowbridge canal was not true."
    assert _disputes(body, "Council denies giant eel seen in the Lowbridge canal") == []
