import json

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.align.engine import compare
from compare.align.match import TIE_BREAK, add_split_links, assign, hungarian
from compare.align.score import similarity
from compare.model import AlignSettings, Cancelled, Coverage, Document, Mark, Relation
from compare.report.contract import links_csv_text, to_contract

BASE = Document(
    "d0",
    "Base",
    "Russia halted airstrikes on Aleppo on Tuesday. The convoy was attacked on 19 September. "
    "Mosul has been held by ISIS since June 2014. The weather in Geneva was mild.",
)
OTHER = Document(
    "d1",
    "Other",
    "The aid convoy was attacked on 17 September. On Tuesday Russia halted its airstrikes on Aleppo. "
    "A new bridge opened in Basra.",
)


def test_compare_links_agreements_contradictions_and_omissions():
    result = compare([BASE, OTHER])
    rel = {(result.claim(lk.a).text[:20], result.claim(lk.b).text[:20]): lk for lk in result.links}
    halted = rel[("Russia halted airstr", "On Tuesday Russia ha")]
    assert halted.relation is Relation.AGREE
    convoy = rel[("The convoy was attac", "The aid convoy was a")]
    assert convoy.relation is Relation.CONTRADICT
    assert "date differs: 19 September vs 17 September" in convoy.reasons
    weather = next(c for c in result.claims_of("d0") if "weather" in c.text)
    assert result.coverage_of(weather.id, "d1") is Coverage.OMITTED
    basra = next(c for c in result.claims_of("d1") if "Basra" in c.text)
    assert result.mark_of(basra.id) is Mark.ONLY_HERE
    assert result.counts()["d1"] == {"agree": 1, "contradict": 1, "omitted": 2, "only_here": 1}


def test_contract_round_trips_through_json_and_offsets_hold():
    result = compare([BASE, OTHER])
    data = json.loads(json.dumps(to_contract(result)))
    assert data["format"] == "narrative-compare/1"
    texts = {d["id"]: d["text"] for d in data["documents"]}
    for c in data["claims"]:
        assert texts[c["doc"]][c["start"] : c["end"]] == c["text"]
    assert {o["claim"] for o in data["omissions"]} == {c.id for c, _ in result.omissions()}
    assert links_csv_text(result).splitlines()[0].startswith("a,b,doc_a,doc_b,relation")


def test_csv_cells_cannot_become_formulas():
    doc = Document("d1", "Evil", '=HYPERLINK("http://x") Russia halted airstrikes on Aleppo on Tuesday.')
    result = compare([BASE, doc])
    assert "\n=" not in links_csv_text(result) and ",=" not in links_csv_text(result)


def test_cancel_stops_the_engine():
    try:
        compare([BASE, OTHER], should_cancel=lambda: True)
    except Cancelled:
        return
    raise AssertionError("Cancelled was not raised")


def _steps(seen):
    """The (done, total, label) of each named step: consecutive reports with one label are one step."""
    steps = []
    for p in seen:
        if not steps or steps[-1][2] != p.label:
            steps.append((p.done, p.total, p.label))
    return steps


def test_progress_is_reported_and_ends_at_total():
    """Every step moves the bar forward (a step reporting the count of the one before it looks stuck)."""
    seen = []
    compare([BASE, OTHER], progress=seen.append)
    steps = _steps(seen)
    assert [label for _, _, label in steps] == ["Reading Base", "Reading Other", "Aligning Other", "Done"]
    assert {total for _, total, _ in steps} == {steps[-1][0]}
    dones = [done for done, _, _ in steps]
    assert all(a < b for a, b in zip(dones, dones[1:], strict=False)), steps


class _QuietEmbedder:
    """Embedder stand-in that reports nothing itself, so only the engine's own steps are seen."""

    model_id = "quiet"

    def embed(self, texts, *, progress=None, should_cancel=None):
        out = np.zeros((len(texts), 384), dtype=np.float32)
        out[:, 0] = 1.0
        return out


def test_progress_advances_over_the_embedding_step():
    seen = []
    compare([BASE, OTHER], AlignSettings(semantic=True), embedder=_QuietEmbedder(), progress=seen.append)
    steps = _steps(seen)
    assert [label for _, _, label in steps] == [
        "Reading Base", "Reading Other", "Embedding claims", "Aligning Other", "Done"
    ]  # fmt: skip
    assert {total for _, total, _ in steps} == {steps[-1][0]}
    dones = [done for done, _, _ in steps]
    assert all(a < b for a, b in zip(dones, dones[1:], strict=False)), steps


def test_threshold_controls_how_much_is_linked():
    # A paraphrase (not near-identical wording, which always links) is dropped by a strict threshold.
    base = Document("d0", "B", "Russia halted airstrikes on Aleppo on Tuesday. The harvest in Kansas was poor "
                    "this year. A new museum opened in Lyon.")  # fmt: skip
    other = Document("d1", "O", "On Tuesday the Russian air force halted its strikes over Aleppo, officials "
                     "said. Farmers in Kansas reported a poor harvest this year.")  # fmt: skip
    loose = compare([base, other], AlignSettings(threshold=0.3))
    strict = compare([base, other], AlignSettings(threshold=0.9))
    assert {lk.key for lk in strict.links} < {lk.key for lk in loose.links}
    assert ("d0:c0", "d1:c0") in {lk.key for lk in loose.links}


def test_similarity_is_bounded_and_symmetric_enough():
    s = similarity(
        ["Russia halted airstrikes on Aleppo."], ["Airstrikes on Aleppo were halted by Russia.", "Basra"]
    )
    assert s.shape == (1, 2)
    assert s.min() >= 0.0 and s.max() <= 1.0
    assert s[0, 0] > 0.6 > s[0, 1]


def test_hungarian_beats_greedy():
    # Greedy takes (0, 0) = 0.9 and is left with (1, 1) = 0.1; the optimum pairs crosswise.
    scores = np.array([[0.9, 0.8], [0.85, 0.1]])
    assert assign(scores, 0.05) == [(0, 1), (1, 0)]


def test_split_links_let_one_claim_match_two():
    scores = np.array([[0.9, 0.6, 0.0], [0.1, 0.0, 0.2]])
    pairs = assign(scores, 0.5)
    assert pairs == [(0, 0)]
    assert add_split_links(scores, pairs, 0.5) == [(0, 0), (0, 1)]


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 7), st.integers(1, 7), st.integers(0, 10_000))
def test_assignment_is_one_to_one_and_optimal(n, m, seed):
    rng = np.random.default_rng(seed)
    scores = rng.random((n, m))
    pairs = assign(scores, 0.3)
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    assert all(scores[i, j] > 0.3 for i, j in pairs)
    # Brute force over permutations of the padded problem gives the same total margin.
    import itertools

    gain = np.where(scores > 0.3, scores - 0.3, 0.0)
    size = max(n, m)
    padded = np.zeros((size, size))
    padded[:n, :m] = gain
    best = max(sum(padded[i, p[i]] for i in range(size)) for p in itertools.permutations(range(size)))
    # Optimal up to the tie-break, which may give up TIE_BREAK per pair (a position gap is at most 1) for
    # the pair nearer in document order (seed 686, 3x3: 8.7e-6 below the brute-force total).
    assert best - TIE_BREAK * size - 1e-9 <= sum(gain[i, j] for i, j in pairs) <= best + 1e-9
    assert hungarian(-padded) and len(hungarian(-padded)) == size
