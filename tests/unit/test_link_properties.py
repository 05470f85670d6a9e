"""Properties of the link engine on texts of several subjects: identical claims always find each other."""

from __future__ import annotations

import random

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from subject_texts import SUBJECTS, document_text

from compare.align.engine import compare
from compare.align.score import match_strength
from compare.model import Comparison, Document, Relation

NAMES = sorted(SUBJECTS)


@st.composite
def documents(draw: st.DrawFn) -> list[list[str]]:
    """Paragraphs of 1-3 sentences from one subject (sentences may repeat)."""
    subject = SUBJECTS[draw(st.sampled_from(NAMES))]
    sentences = draw(st.lists(st.sampled_from(subject), min_size=1, max_size=10))
    sizes = draw(st.lists(st.integers(1, 3), min_size=len(sentences), max_size=len(sentences)))
    paragraphs, pos = [], 0
    for size in sizes:
        if pos >= len(sentences):
            break
        paragraphs.append(sentences[pos : pos + size])
        pos += size
    return paragraphs


def twin_links(result: Comparison, base_id: str = "d0", other_id: str = "d1") -> dict[str, list[str]]:
    """Base claim id -> texts of its counterparts in ``other_id``."""
    return {c.id: [o.text for o, _ in result.counterparts(c.id, other_id)] for c in result.claims_of(base_id)}


def assert_one_to_one_twins(result: Comparison) -> None:
    for c in result.claims_of("d0"):
        texts = [o.text for o, _ in result.counterparts(c.id, "d1")]
        assert texts == [c.text], (c.text, texts)
    assert not result.suggestions


PROPERTY = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(documents())
def test_a_document_aligned_with_its_copy_links_every_claim_to_its_twin(paragraphs: list[list[str]]):
    text = document_text(paragraphs)
    result = compare([Document("d0", "a", text), Document("d1", "b", text)])
    assert_one_to_one_twins(result)
    assert all(lk.relation is Relation.AGREE for lk in result.links)


@PROPERTY
@given(documents(), st.randoms(use_true_random=False))
def test_a_copy_with_shuffled_paragraphs_links_every_claim_to_its_twin(
    paragraphs: list[list[str]], rnd: random.Random
):
    shuffled = list(paragraphs)
    rnd.shuffle(shuffled)
    result = compare(
        [Document("d0", "a", document_text(paragraphs)), Document("d1", "b", document_text(shuffled))]
    )
    assert_one_to_one_twins(result)


@PROPERTY
@given(documents(), st.sampled_from(NAMES), st.sampled_from(NAMES), st.randoms(use_true_random=False))
def test_adding_unrelated_claims_never_removes_a_link_between_identical_claims(
    paragraphs: list[list[str]], extra_a: str, extra_b: str, rnd: random.Random
):
    text = document_text(paragraphs)
    before = twin_links(compare([Document("d0", "a", text), Document("d1", "b", text)]))
    own = {s for p in paragraphs for s in p}
    add_a = [s for s in SUBJECTS[extra_a] if s not in own][:3]
    add_b = [s for s in SUBJECTS[extra_b] if s not in own][-3:]
    base = [*paragraphs, add_a] if rnd.random() < 0.5 else [add_a, *paragraphs]
    other = [add_b, *paragraphs] if rnd.random() < 0.5 else [*paragraphs, add_b]
    after = compare([Document("d0", "a", document_text(base)), Document("d1", "b", document_text(other))])
    for c in after.claims_of("d0"):
        if c.text in own:
            assert c.text in [o.text for o, _ in after.counterparts(c.id, "d1")], c.text
    assert sum(len(v) for v in before.values()) == len([c for c in after.claims_of("d0") if c.text in own])


def test_a_one_sentence_document_links_to_its_identical_copy():
    for subject in SUBJECTS.values():
        doc = Document("d0", "a", subject[0])
        result = compare([doc, Document("d1", "b", subject[0])])
        assert [(lk.a, lk.b) for lk in result.links] == [("d0:c0", "d1:c0")]


def test_a_sentence_repeated_three_times_links_one_to_one():
    sentence = SUBJECTS["weather"][3]
    thrice = " ".join([sentence] * 3)
    result = compare([Document("d0", "a", thrice), Document("d1", "b", thrice)])
    assert sorted((lk.a, lk.b) for lk in result.links) == [(f"d0:c{n}", f"d1:c{n}") for n in range(3)]
    once = compare([Document("d0", "a", thrice), Document("d1", "b", sentence)])
    assert len(once.links) == 1


def test_match_strength_has_no_blind_spot_for_small_or_ambiguous_matrices():
    # A 1x1 matrix: no neighbours to compare with, so the missing ones count as typical, not as the pair.
    assert match_strength(np.array([[0.8]], dtype=np.float32))[0, 0] > 0.55
    assert match_strength(np.array([[0.1]], dtype=np.float32))[0, 0] < 0.5
    # Three claims with three equally good candidates each: CSLS alone says "no better than usual"...
    three = np.full((3, 3), 0.8, dtype=np.float32)
    assert (match_strength(three) == 0.5).all()
    # ...but identical wording links whatever the neighbours, and a mere look-alike does not.
    assert (match_strength(three, wording=np.ones((3, 3))) >= 0.9).all()
    assert (match_strength(three, wording=np.full((3, 3), 0.5)) == 0.5).all()


def test_a_headline_links_to_the_sentences_that_carry_it():
    headlines = {
        "sport": "Home side wins cup final with extra-time header",
        "science": "Water vapour detected on distant planet",
        "business": "Carmaker profit reaches 2.4 billion euros as electric sales double",
        "local": "Council votes to close old town library",
        "weather": "Homes evacuated as heavy rain makes rivers burst banks",
    }
    for name, headline in headlines.items():
        article = document_text([SUBJECTS[name][:4], SUBJECTS[name][4:]])
        result = compare([Document("d0", "headline", headline), Document("d1", "article", article)])
        linked = [o.text for o, _ in result.counterparts("d0:c0", "d1")]
        assert SUBJECTS[name][0] in linked, (name, linked)
        assert len(linked) <= 2, (name, linked)
