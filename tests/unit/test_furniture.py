"""Page furniture (bylines, datelines, credits, headlines) is recognised by general patterns, never linked."""

from __future__ import annotations

from pathlib import Path

from subject_texts import SUBJECTS, document_text

from compare.align.engine import compare
from compare.model import Document
from compare.report.contract import to_contract
from compare.store import open_comparison, save_comparison
from compare.text.segment import segment

WIRE = (
    "Rivers burst their banks across the valley\n"
    "COAST WIRE (fictional) | Tuesday 3 October | 4 min read\n\n"
    "By Ana Lee and Tom Berg, Coast Wire\n\n"
    "VALLEY TOWN, Norway (Coast Wire) – " + " ".join(SUBJECTS["weather"][:3]) + "\n\n"
    "Photo: © Jon Smith / Coast Wire\n\n"
    "What comes next\n\n" + " ".join(SUBJECTS["weather"][3:6]) + "\n\n"
    "Share this story · Comments (12)"
)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end]) for s in segment(text) if s.kind]


def test_wire_page_furniture_is_recognised():
    assert kinds(WIRE) == [
        ("heading", "Rivers burst their banks across the valley"),
        ("heading", "COAST WIRE (fictional) | Tuesday 3 October | 4 min read"),
        ("byline", "By Ana Lee and Tom Berg, Coast Wire"),
        ("dateline", "VALLEY TOWN, Norway (Coast Wire) –"),
        ("credit", "Photo: © Jon Smith / Coast Wire"),
        ("heading", "What comes next"),
        ("heading", "Share this story · Comments (12)"),
    ]
    claims = [WIRE[s.start : s.end] for s in segment(WIRE) if not s.kind]
    assert claims == SUBJECTS["weather"][:6]


def test_datelines_of_several_styles_leave_the_sentence_whole():
    for opener in ("MOSCOW, July 15 –", "SPLIT, 16 July 2018 —", "OSLO –", "NEW YORK (Markets Wire) —"):
        for sentence in (SUBJECTS["business"][0], SUBJECTS["science"][0]):
            text = f"A headline without a full stop\n\n{opener} {sentence} {SUBJECTS['sport'][4]}"
            found = kinds(text)
            assert ("dateline", opener) in found, (opener, found)
            claims = [text[s.start : s.end] for s in segment(text) if not s.kind]
            assert claims == [sentence, SUBJECTS["sport"][4]]


def test_a_document_of_one_line_or_only_headlines_is_all_claims():
    for subject in SUBJECTS.values():
        assert kinds(subject[0].rstrip(".")) == []
    headlines = "Council votes to close library\n\nResidents protest outside town hall"
    assert kinds(headlines) == []
    assert len(segment(headlines)) == 2


def test_sentences_that_open_with_by_or_capitals_are_claims():
    text = (
        "Storm warning for the coast\n\n"
        "By Friday, most of the roads had reopened. By February 2021 the repairs were finished.\n\n"
        "NATO said the exercise would go ahead as planned in the spring."
    )
    assert kinds(text) == [("heading", "Storm warning for the coast")]


def test_an_aside_between_two_dashes_is_not_cut_out():
    sentence = (
        "The old bridge over the river – built in 1932 and repaired twice since the war – was closed by "
        "the council on Monday after engineers found deep cracks in two of its main supports."
    )
    assert [sentence[s.start : s.end] for s in segment(sentence)] == [sentence]


def test_furniture_is_never_linked_nor_marked_and_is_kept(tmp_path: Path):
    sport = SUBJECTS["sport"]
    base = document_text(
        [["Cup final ends in extra-time win"], ["By Jane Doe, Reuters"], sport[:3], sport[3:6]]
    )
    other = document_text(
        [["Home side lifts the cup"], ["By Tomas Berg, Reuters"], sport[1:4], ["© Ana Lee / Reuters"]]
    )
    result = compare([Document("d0", "a", base), Document("d1", "b", other)])
    claim_texts = {c.text for c in result.claims}
    assert not claim_texts & {"By Jane Doe, Reuters", "By Tomas Berg, Reuters", "© Ana Lee / Reuters"}
    assert {f.kind for f in result.furniture} == {"heading", "byline", "credit"}
    assert result.links and all(result.claim(lk.a).text in sport for lk in result.links)
    contract = to_contract(result)
    assert {"kind": "byline", "text": "By Jane Doe, Reuters"}.items() <= contract["furniture"][1].items()
    path = tmp_path / "p.ncproj"
    save_comparison(path, result)
    assert open_comparison(path).furniture == result.furniture
