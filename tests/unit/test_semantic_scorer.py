"""The optional semantic scorer: its cache, its combination with the lexical views, its error messages."""

from pathlib import Path

import numpy as np
import pytest

from compare.align import semantic
from compare.align.engine import compare
from compare.align.score import PairScores, Weights
from compare.align.semantic import MemoryCache, SemanticUnavailable, embed_cached, text_key
from compare.model import AlignSettings, Document

TOKENIZER = (
    Path(__file__).resolve().parents[2] / "resources" / "models" / "all-MiniLM-L6-v2" / "tokenizer.json"
)


class CountingEmbedder:
    """Deterministic stand-in with the Embedder interface, to see what the cache lets through."""

    model_id = "counting"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def embed(self, texts, *, progress=None, should_cancel=None):
        self.seen.extend(texts)
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for r, t in enumerate(texts):
            out[r, hash(t) % 384] = 1.0
        return out


def test_cache_embeds_each_text_once():
    embedder, cache = CountingEmbedder(), MemoryCache()
    first = embed_cached(embedder, ["a", "b", "a"], cache)
    second = embed_cached(embedder, ["b", "c"], cache)
    assert sorted(embedder.seen) == ["a", "b", "c"]
    assert np.array_equal(first[1], second[0])
    assert cache.get_many("counting", [text_key("c")]).keys() == {text_key("c")}


def test_combination_mixes_semantic_with_lexical():
    ones, zeros = np.ones((1, 1), np.float32), np.zeros((1, 1), np.float32)
    lexical_only = PairScores(ones, ones, ones, ones, ones)
    with_semantic = PairScores(ones, ones, ones, ones, ones, semantic=zeros)
    w = Weights(semantic=0.3)
    assert lexical_only.combine(w)[0, 0] == pytest.approx(1.0)
    assert with_semantic.combine(w)[0, 0] == pytest.approx(0.7)


def test_missing_model_is_one_clear_message(monkeypatch, tmp_path):
    monkeypatch.setenv("NC_MODEL_PATH", str(tmp_path / "absent.onnx"))
    with pytest.raises(SemanticUnavailable, match="model file is missing"):
        semantic.find_model()


def test_wrong_model_file_is_refused(monkeypatch, tmp_path):
    pytest.importorskip("onnxruntime", reason="the semantic extra is not installed")
    pytest.importorskip("tokenizers", reason="the semantic extra is not installed")
    fake = tmp_path / "model.onnx"
    fake.write_bytes(b"not a model")
    with pytest.raises(SemanticUnavailable, match="sha256 differs"):
        semantic.Embedder(TOKENIZER, fake)


def test_engine_without_an_embedder_matches_by_wording_and_says_so():
    docs = [Document("d0", "a", "Russia halted strikes."), Document("d1", "b", "Russia halted strikes.")]
    result = compare(docs, AlignSettings(semantic=True))
    assert not result.settings.semantic  # the result records what was done, not what was asked
    assert "+" not in result.engine_version
    assert [(lk.a, lk.b) for lk in result.links] == [("d0:c0", "d1:c0")]


def test_engine_with_a_stand_in_embedder_uses_and_fills_the_cache():
    docs = [
        Document("d0", "a", "Russia halted strikes on Aleppo."),
        Document("d1", "b", "Strikes on Aleppo were halted."),
    ]
    embedder, cache = CountingEmbedder(), MemoryCache()
    result = compare(docs, AlignSettings(semantic=True), embedder=embedder, cache=cache)
    assert result.engine_version.endswith("+ counting")
    compare(docs, AlignSettings(semantic=True), embedder=embedder, cache=cache)
    assert len(embedder.seen) == 2  # the second run re-embedded nothing


def test_real_model_sees_paraphrase():
    try:
        embedder = semantic.Embedder(TOKENIZER)
    except SemanticUnavailable as exc:
        pytest.skip(f"semantic extra not installed: {exc}")
    v = embedder.embed(["Air strikes on the city were halted.", "The bombing of the city stopped.",
                        "Mosul lies on the Tigris."])  # fmt: skip
    assert v.shape == (3, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert float(v[0] @ v[1]) > float(v[0] @ v[2]) + 0.2


def test_token_batches_cover_every_text_once_within_the_budgets():
    lengths = [5, 90, 12, 12, 40, 3, 250, 7, 60, 33] * 9
    batches = semantic.token_batches(lengths, budget=300, most=8)
    flat = [i for b in batches for i in b]
    assert sorted(flat) == list(range(len(lengths)))
    assert [lengths[i] for i in flat] == sorted(lengths)  # shortest first, so padding stays small
    for b in batches:
        assert len(b) <= 8
        # a text longer than the budget goes alone; otherwise the padded batch fits the budget
        assert len(b) == 1 or max(lengths[i] for i in b) * len(b) <= 300
    assert semantic.token_batches([]) == []


def test_threads_follow_the_idle_cores():
    assert semantic.compute_threads(2, 0.1) == 2  # a quiet machine: every core
    assert semantic.compute_threads(2, 1.2) == 1  # another program busy on one core
    assert semantic.compute_threads(2, 7.5) == 1  # never fewer than one
    assert semantic.compute_threads(8, 3.0) == 5
    assert 1 <= semantic.compute_threads() <= semantic.cpu_count()


def test_session_uses_the_idle_cores_and_does_not_spin():
    onnxruntime = pytest.importorskip("onnxruntime", reason="the semantic extra is not installed")
    options = semantic.session_options(onnxruntime)
    assert 1 <= options.intra_op_num_threads <= semantic.cpu_count()
    assert semantic.session_options(onnxruntime, threads=3).intra_op_num_threads == 3
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"
    assert options.graph_optimization_level == onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL


def test_real_model_embeds_a_batch_as_it_embeds_one_text_at_a_time():
    try:
        embedder = semantic.Embedder(TOKENIZER)
    except SemanticUnavailable as exc:
        pytest.skip(f"semantic extra not installed: {exc}")
    texts = ["Short.", "A somewhat longer sentence about the river and the bridge.", "Mid length claim here."]
    together = embedder.embed(texts)
    alone = np.stack([embedder.embed([t])[0] for t in texts])
    assert np.allclose(together, alone, atol=1e-4)  # padding never leaks into the pooled vector
