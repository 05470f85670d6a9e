"""Large inputs: only each claim's nearest candidates are scored, with the same views as the full matrix."""

from __future__ import annotations

import random

import numpy as np
import pytest
from subject_texts import SUBJECTS, document_text

from compare.align import engine
from compare.align.blocking import CANDIDATES_PER_CLAIM, blocked_scores
from compare.align.score import pair_scores
from compare.model import Document
from compare.text.facts import extract

ALL = [s for sentences in SUBJECTS.values() for s in sentences]


def test_views_on_candidates_equal_the_full_matrix():
    left = ALL
    right = ALL[::3] + ["Drier weather is expected to arrive at the weekend."]
    lf, rf = [extract(t) for t in left], [extract(t) for t in right]
    pairs, flat = blocked_scores(left, right, lf, rf, k=4)
    dense = pair_scores(left, right, lf, rf)
    assert 0 < len(pairs) <= (len(left) + len(right)) * 4 + len(right)
    for view in ("cosine", "containment", "grams", "token_set", "facts"):
        np.testing.assert_allclose(getattr(flat, view), getattr(dense, view)[pairs.i, pairs.j], atol=1e-5)
    # Every claim keeps its best partner by the full matrix among its candidates.
    best = (dense.cosine + dense.grams).argmax(axis=1)
    have = set(zip(pairs.i.tolist(), pairs.j.tolist(), strict=True))
    assert all((i, int(j)) in have for i, j in enumerate(best) if (dense.cosine + dense.grams)[i, j] > 0)


def _documents(seed: int) -> list[Document]:
    rnd = random.Random(seed)
    names = sorted(SUBJECTS)
    paragraphs = [rnd.sample(SUBJECTS[rnd.choice(names)], 3) for _ in range(20)]
    other = [list(p) for p in paragraphs if rnd.random() < 0.7]
    rnd.shuffle(other)
    return [Document("d0", "a", document_text(paragraphs)), Document("d1", "b", document_text(other))]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_blocked_alignment_finds_the_same_links_as_the_full_matrix(monkeypatch, seed: int):
    docs = _documents(seed)
    full = engine.compare(docs)
    monkeypatch.setattr(engine, "DENSE_PAIRS", 0)
    blocked = engine.compare(docs)
    assert {lk.key for lk in blocked.links} == {lk.key for lk in full.links}
    assert len(blocked.candidates) <= 3 * len(blocked.claims)


def test_scored_pairs_grow_with_claims_not_their_product():
    rnd = random.Random(5)
    words = sorted({w.strip(".,").lower() for s in ALL for w in s.split() if len(w) > 3})
    for count in (400, 1600):
        texts = [f"{rnd.choice(words)} {rnd.choice(words)}" for _ in range(count)]
        facts = [extract(t) for t in texts]
        pairs, _ = blocked_scores(texts, texts[::-1], facts, facts[::-1])
        assert len(pairs) <= 2 * count * (CANDIDATES_PER_CLAIM + 1)
