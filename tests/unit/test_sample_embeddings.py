"""The sample's shipped embeddings: what the model computes for its claims, used only where they fit."""

from __future__ import annotations

import numpy as np
import pytest

from compare import workflows
from compare.align import semantic
from compare.align.engine import claims_of
from compare.align.semantic import MemoryCache, text_key

needs_model = pytest.mark.skipif(not semantic.installed(), reason="the semantic model is not installed")


def _sample_keys() -> set[str]:
    return {text_key(c.text) for d in workflows.load_sample() for c in claims_of(d)}


def test_the_shipped_file_holds_every_claim_of_the_sample() -> None:
    shipped = workflows.shipped_sample_embeddings()
    assert _sample_keys() <= shipped.keys(), "run scripts/sample_embeddings.py after changing the sample"


@needs_model
def test_the_shipped_embeddings_are_what_the_model_computes() -> None:
    shipped = workflows.shipped_sample_embeddings()
    texts = sorted({c.text for d in workflows.load_sample() for c in claims_of(d)})[:40]
    computed = workflows.embedder().embed(texts)
    for text, vector in zip(texts, computed, strict=True):
        np.testing.assert_allclose(shipped[text_key(text)], vector, atol=1e-5)


@needs_model
def test_the_sample_aligns_the_same_with_and_without_them() -> None:
    with_file = workflows.open_sample(cache=MemoryCache(), shipped=True)
    without = workflows.open_sample(cache=MemoryCache(), shipped=False)
    assert with_file.settings.semantic and without.settings.semantic
    assert with_file.links == without.links
    assert with_file.suggestions == without.suggestions


def test_a_file_made_by_another_model_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workflows, "MODEL_ID", "another-model")
    assert workflows.shipped_sample_embeddings() == {}


def test_without_the_model_installed_the_sample_says_wording_only(monkeypatch: pytest.MonkeyPatch) -> None:
    # A build without the model must not align the sample by meaning from the shipped vectors alone.
    monkeypatch.setattr(workflows, "installed", lambda: False)
    monkeypatch.setattr(workflows, "embedder", _unavailable)
    cache = MemoryCache()
    comparison = workflows.open_sample(cache=cache)
    assert not comparison.settings.semantic
    assert not cache.store


def _unavailable() -> semantic.Embedder:
    raise semantic.SemanticUnavailable("the semantic model is not installed")


def test_a_damaged_model_file_is_not_installed(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    damaged = tmp_path / "model.onnx"
    damaged.write_bytes(b"not the model")
    monkeypatch.setenv("NC_MODEL_PATH", str(damaged))
    assert not semantic.installed()
