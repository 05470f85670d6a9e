"""``--self-test`` checks the meaning-level path: used when the model is there, tolerated only when absent."""

from __future__ import annotations

import pytest

from compare import workflows
from compare.align.semantic import MemoryCache
from compare.gui.selftest import run


@pytest.fixture(autouse=True)
def fresh_model(monkeypatch):
    monkeypatch.setattr(workflows, "_EMBEDDER", [])  # each test loads (or fails to load) its own model
    monkeypatch.setattr(workflows, "_CACHE", MemoryCache())


def test_without_a_model_the_self_test_passes_by_wording_only(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NC_MODEL_PATH", str(tmp_path / "absent.onnx"))
    assert run(tmp_path) == 0
    out = capsys.readouterr().out
    assert "self-test ok" in out and "by wording only (meaning-level matching unavailable" in out


def test_a_damaged_model_fails_the_self_test(tmp_path, monkeypatch, capsys):
    damaged = tmp_path / "model.onnx"
    damaged.write_bytes(b"not the model")
    monkeypatch.setenv("NC_MODEL_PATH", str(damaged))
    assert run(tmp_path) == 1
    err = capsys.readouterr().err
    assert "the model is there but the sample was aligned by wording only" in err and "sha256 differs" in err


def test_with_the_model_the_sample_is_aligned_by_meaning(tmp_path, capsys):
    try:
        workflows.embedder()
    except Exception as exc:  # noqa: BLE001 - any reason the model is missing here
        pytest.skip(f"the semantic model is not installed here: {exc}")
    assert run(tmp_path) == 0
    assert "by meaning (all-MiniLM-L6-v2-int8, " in capsys.readouterr().out
