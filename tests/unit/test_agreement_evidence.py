"""An "agrees" needs evidence beyond the topic; shared names alone make at most a suggestion."""

from __future__ import annotations

from subject_texts import SUBJECTS, document_text

from compare.align.engine import NO_EVIDENCE, compare
from compare.align.evidence import agreement_evidence, words_beyond_names
from compare.model import Claim, Document, Relation
from compare.text.facts import extract


def claim(cid: str, text: str) -> Claim:
    return Claim(cid, cid.split(":")[0], 0, len(text), text, extract(text))


def test_names_alone_are_no_evidence_but_facts_words_or_meaning_are():
    a = claim("d0:c0", "Maria Lopez praised the Harbour Authority at length.")
    b = claim("d1:c0", "The Harbour Authority sued Maria Lopez over unpaid rent.")
    assert words_beyond_names(a, b) == 0.0
    assert agreement_evidence(a, b, wording=0.4) == ""
    assert agreement_evidence(a, b, wording=0.4, meaning=0.9) == "close meaning"
    c = claim("d1:c1", "Maria Lopez praised the Harbour Authority at length on Tuesday.")
    assert agreement_evidence(a, c, wording=0.7) == "close wording"
    d = claim("d1:c2", "The Harbour Authority paid Maria Lopez 4,200 euros.")
    e = claim("d0:c1", "Maria Lopez got 4,200 euros from the Harbour Authority.")
    assert agreement_evidence(d, e, wording=0.3) == "shared facts"


def test_bylines_of_two_reporters_do_not_agree():
    for subject in SUBJECTS.values():
        base = "By Jane Doe, Reuters\n\n" + document_text([subject[:3], subject[3:6]])
        other = "By Tomas Berg, Reuters\n\n" + document_text([subject[2:5], subject[5:8]])
        result = compare([Document("d0", "a", base), Document("d1", "b", other)])
        bylines = [lk for lk in result.links if result.claim(lk.a).text.startswith("By ")]
        assert not bylines
        assert len(result.links) >= 3  # the shared sentences still link


def test_a_pair_sharing_only_names_is_a_suggestion_not_an_agreement():
    base = Document(
        "d0", "a",
        "Maria Lopez praised the Harbour Authority at length. The ferry timetable changes in May.",
    )  # fmt: skip
    other = Document(
        "d1", "b",
        "The Harbour Authority sued Maria Lopez over unpaid rent. Bakers expect flour prices to double.",
    )  # fmt: skip
    result = compare([base, other])
    assert not result.links
    (suggestion,) = result.suggestions
    assert (suggestion.a, suggestion.b) == ("d0:c0", "d1:c0")
    assert suggestion.relation is Relation.AGREE and NO_EVIDENCE in suggestion.reasons
    # A suggestion is not a mark: the claims stay "not found" / "only here" and nothing is counted.
    assert result.counts()["d1"]["agree"] == 0
    assert result.mark_of("d0:c0", "d1").value == "omitted"
    assert result.suggestions_of("d1:c0") == (suggestion,)
