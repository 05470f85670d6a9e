"""Who said or did it: sources read from a claim's text, and "speaker differs" only for the same words."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from compare.align.judge import judge
from compare.align.relate import kind_of
from compare.model import Claim, Document, Relation
from compare.text.facts import extract
from compare.text.speakers import resolve_speakers, same_source, sources

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import speaker_edits  # noqa: E402


def _claim(text: str, doc: str = "d0", speaker: str = "") -> Claim:
    return Claim(f"{doc}:c0", doc, 0, len(text), text, extract(text, speaker=speaker))


def _kinds(a: str, b: str) -> tuple[Relation, set[str]]:
    relation, reasons = judge(_claim(a), _claim(b, "d1"))
    return relation, {kind_of(r) for r in reasons}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ann Lee said the bridge would reopen.", ["Ann Lee"]),
        ("The bridge would reopen, the Harbour Agency said.", ["Harbour Agency"]),
        ("According to Omar Diallo, the bridge would reopen.", ["Omar Diallo"]),
        (
            "A 2019 report by the Tollgate Audit Commission described it as a turning point.",
            ["Tollgate Audit Commission"],
        ),
        ("A TAC 2019 report described it as a turning point.", ["TAC"]),
        ("The Tollgate Commission would later call it a turning point.", ["Tollgate Commission"]),
        ("It was criticised by residents such as Ann Lee, who labelled it 'absurd'.", ["Ann Lee"]),
        ("Officials said the bridge would reopen.", []),
        ("The Ministry said the bridge would reopen.", []),
        ("The agency said Europe's bridges were ageing.", []),
    ],
)
def test_sources_are_read_from_the_text(text: str, expected: list[str]) -> None:
    assert sources(text) == expected


def test_the_same_source_named_another_way() -> None:
    assert same_source("Kerry", "Secretary of State John Kerry")
    assert same_source("TAC", "the Tollgate Audit Commission")
    assert same_source("the Kremlin", "Russia")  # a capital for its government (aliases.tsv)
    assert same_source("John Kerry", "Boris Johnson") is False
    assert same_source("Ann Lee", "Ann Hart") is False  # a first name in common, another surname
    assert same_source("Jim King", "Senate President Jim King")  # a surname that is also a title word
    assert same_source("Foreign Secretary Boris Johnson", "Secretary of State John Kerry") is False
    assert same_source("the Ministry", "Ann Lee") is None  # a generic body names nobody in particular
    assert same_source("Google CEO", "Ann Lee") is None  # a role, held by someone the other may name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The Harbour Agency said the strike hit a depot.",
            "The Tollgate Commission said the strike hit a depot.",
        ),
        ("The strike hit a depot, the Pentagon said.", "The strike hit a depot, the Kremlin said."),
        (
            "A TAC 2019 report described it as one of the worst weeks in the history of the port.",
            "The Harbour Agency would later call it one of the worst weeks in the history of the port.",
        ),
        (
            "The plan was criticised by residents such as Ann Lee, who labelled it “reckless”.",
            "Former councillor Omar Diallo called the harbour plan “reckless”.",
        ),
        (
            "Secretary of State Ann Lee said the talks would resume.",
            "Foreign Minister Omar Diallo said the talks would resume.",
        ),
    ],
)
def test_the_same_words_from_another_source_differ(a: str, b: str) -> None:
    relation, kinds = _kinds(a, b)
    assert relation is Relation.CONTRADICT and "speaker differs" in kinds


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the same source, named another way
        ("Ann Lee said the talks would resume.", "Foreign Minister Ann Lee said the talks would resume."),
        ("Ann Lee said the talks would resume.", "The US secretary of state said the talks would resume."),
        ("Ann Lee said the talks would resume.", "The foreign minister said the talks would resume."),
        ("The strike hit a depot, TAC said.", "The strike hit a depot, the Tollgate Audit Commission said."),
        ("The Kremlin said the strike hit a depot.", "Russia said the strike hit a depot."),
        # a person may speak for a body
        ("The Harbour Agency said the strike hit a depot.", "Ann Lee said the strike hit a depot."),
        ("The strike hit a depot, the British Harbour Office said.", "The strike hit a depot, Ann Lee said."),
        # named on one side only
        ("Ann Lee said the talks would resume.", "The talks would resume."),
        # both names in both texts: one quotes the other
        (
            "Ann Lee said Omar Diallo had agreed to the plan.",
            "Omar Diallo said Ann Lee had agreed to the plan.",
        ),
        # two bodies saying different things about one topic are not "the same words"
        (
            "The Harbour Agency said the bridge would reopen in May after repairs.",
            "The Tollgate Commission said funding for the bridge had not been approved.",
        ),
    ],
)
def test_no_speaker_difference(a: str, b: str) -> None:
    relation, kinds = _kinds(a, b)
    assert "speaker differs" not in kinds and "actor differs" not in kinds


def test_a_pronoun_after_the_quote_speaks_for_the_person_named_before() -> None:
    first = _claim("Ann Lee said there was little appetite for war.")
    quote = Claim(
        "d0:c1", "d0", 49, 99, "“Nobody wants a war,” she said.", extract("“Nobody wants a war,” she said.")
    )
    assert resolve_speakers([first, quote])[1].facts.speaker == "Ann Lee"


def test_a_quote_whose_speaker_is_named_earlier_differs_when_that_name_does() -> None:
    a = _claim("The tools we have are diplomatic.", speaker="Ann Lee")
    b = _claim("The tools we have are diplomatic.", "d1", speaker="Omar Diallo")
    relation, reasons = judge(a, b)
    assert relation is Relation.CONTRADICT and reasons[0] == "speaker differs: Ann Lee vs Omar Diallo"


def test_speaker_edits_of_the_bundled_sample_are_found_and_copies_stay_agreed() -> None:
    """The typed-edit generator on the sample's files (in the repository): most swaps found, no keep."""
    r = random.Random(3)
    found = swaps = kept_false = 0
    for path in sorted(speaker_edits.SAMPLES.glob("*.txt"))[:2]:
        for edit in list(speaker_edits.edits(r, path.stem, path.read_text(encoding="utf-8")))[:8]:
            state, _, others = speaker_edits.judged(edit)
            if edit.kind == "keep":
                kept_false += state == "found"
            else:
                swaps += 1
                found += state == "found"
            kept_false += sum(1 for _, _, why in others if edit.note.split()[-1] not in " ".join(why))
    assert swaps >= 5 and found >= 0.8 * swaps
    assert kept_false == 0


def test_edit_documents_are_real_documents() -> None:
    edit = next(speaker_edits.edits(random.Random(1), "t", "Ann Lee said the bridge would reopen soon."))
    assert isinstance(edit.copy, Document) and "Ann Lee" not in edit.copy.text


def test_a_quotation_given_to_the_other_person_differs_even_when_both_are_named() -> None:
    a = "The plan was criticised by residents such as Ann Lee, who labelled it “reckless”, while Omar Diallo backed it."
    b = "Omar Diallo called the plan “reckless”; Ann Lee backed it."
    relation, reasons = judge(_claim(a), _claim(b, "d1"))
    assert relation is Relation.CONTRADICT and "speaker differs: Ann Lee vs Omar Diallo" in reasons
    same = "Ann Lee called the plan “reckless”; Omar Diallo backed it."
    assert "speaker differs" not in _kinds(a, same)[1]


def test_an_unnamed_officer_or_source_is_not_the_named_person() -> None:
    relation, kinds = _kinds(
        "Ann Lee said the corridor had been shelled overnight.",
        "A police officer said the corridor had been shelled overnight.",
    )
    assert relation is Relation.CONTRADICT and "speaker differs" in kinds
