"""A source named after "according to" with its role in lower case, and a group named by its role."""

from __future__ import annotations

import pytest
from helpers.pairs import judged

from compare.model import Relation
from compare.text.speakers import is_group


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        (
            "Mayor Ann Lee said the ferry would sail again in June.",
            "According to transport minister Omar Diallo, the ferry is due to sail again in June.",
            "speaker differs: Ann Lee vs Omar Diallo",
        ),
        (
            "According to a company spokesman, Omar Diallo, the plant will close in March.",
            "The plant will close in March, Ann Lee told reporters.",
            "speaker differs: Omar Diallo vs Ann Lee",
        ),
    ],
)
def test_a_source_after_according_to_and_a_lower_case_role_is_compared(a: str, b: str, reason: str) -> None:
    relation, reasons = judged(a, b)
    assert relation is Relation.CONTRADICT
    assert reason in reasons


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Omar Diallo said the ferry would sail again in June.",
            "According to transport minister Omar Diallo, the ferry is due to sail again in June.",
        ),
        ("Officials said the plan had failed.", "Omar Diallo said the plan had failed."),
        (
            "Officials said the plan had failed.",
            "According to deputy mayor Omar Diallo, the plan had failed.",
        ),
    ],
)
def test_the_same_source_or_a_group_they_may_belong_to_agrees(a: str, b: str) -> None:
    assert judged(a, b)[0] is Relation.AGREE


def test_a_group_is_a_role_in_the_plural() -> None:
    assert is_group("Officials")
    assert not is_group("Official")
    assert not is_group("Ann Lee")


def test_according_to_against_a_named_speaker_is_no_certainty_caution() -> None:
    relation, reasons = judged(
        "Omar Diallo said the ferry would sail again in June.",
        "According to transport minister Omar Diallo, the ferry is due to sail again in June.",
    )
    assert relation is Relation.AGREE
    assert not any(r.startswith("certainty differs") for r in reasons), reasons
    # against a plain statement, "according to" still reports what the other asserts
    assert any(
        r.startswith("certainty differs")
        for r in judged(
            "The ferry will sail again in June.",
            "According to Omar Diallo, the ferry will sail again in June.",
        )[1]
    )
