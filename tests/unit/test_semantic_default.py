"""Meaning-level matching is on by default; without its model the workflows layer falls back to wording
with one line saying so, and the CLI takes --no-semantic (and still --semantic)."""

from __future__ import annotations

import json

import numpy as np
import pytest

import compare.cli as cli
from compare import workflows
from compare.align.engine import claims_of
from compare.align.semantic import MODEL_ID, MemoryCache, SemanticUnavailable, text_key
from compare.model import AlignSettings, Document

DOCS = [
    Document("d0", "Base", "The river rose four metres overnight. Schools in the valley stayed closed."),
    Document("d1", "Other", "Overnight the river rose by four metres. The schools were shut."),
]


@pytest.fixture
def no_model(monkeypatch, tmp_path):
    """The model file is absent, as on an install without it (through the real loader)."""
    monkeypatch.setenv("NC_MODEL_PATH", str(tmp_path / "absent.onnx"))
    monkeypatch.setattr(workflows, "_EMBEDDER", [])
    monkeypatch.setattr(workflows, "_CACHE", MemoryCache())  # nothing embedded earlier in this process


@pytest.fixture
def model():
    try:
        return workflows.embedder()
    except SemanticUnavailable as exc:
        pytest.skip(f"the semantic model is not installed here: {exc}")


def test_meaning_is_the_default():
    assert AlignSettings().semantic


def test_fallback_is_one_notice_and_a_lexical_result(no_model):
    notes: list[str] = []
    result = workflows.align(DOCS, notice=notes.append)
    assert len(notes) == 1
    assert notes[0].startswith("meaning-level matching unavailable (the semantic model file is missing")
    assert notes[0].endswith("; using wording only") and "\n" not in notes[0]
    assert not result.settings.semantic and "+" not in result.engine_version
    assert result.links  # still aligned, by wording
    assert workflows.semantic_problem() == notes[0]


def test_wording_only_asks_nothing_of_the_model(no_model):
    notes: list[str] = []
    result = workflows.align(DOCS, AlignSettings(semantic=False), notice=notes.append)
    assert notes == [] and not result.settings.semantic


def test_default_uses_the_model_when_it_loads(model):
    notes: list[str] = []
    result = workflows.align(DOCS, notice=notes.append)
    assert notes == [] and result.settings.semantic
    assert result.engine_version.endswith(f"+ {model.model_id}")
    assert workflows.semantic_problem() == ""


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def texts(tmp_path):
    paths = []
    for d in DOCS:
        path = tmp_path / f"{d.id}.txt"
        path.write_text(d.text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_cli_falls_back_with_one_line_on_stderr(capsys, no_model, texts, tmp_path):
    out_json = tmp_path / "out.json"
    code, out, err = run_cli(capsys, "align", *texts, "--json", str(out_json))
    assert code == 0
    assert len(err.strip().splitlines()) == 1
    assert "meaning-level matching unavailable" in err and "using wording only" in err
    assert "Traceback" not in err and out.startswith("Base:")
    assert "+" not in json.loads(out_json.read_text(encoding="utf-8"))["engine"]


def test_cli_no_semantic_is_quiet_and_lexical(capsys, no_model, texts):
    code, out, err = run_cli(capsys, "align", *texts, "--no-semantic")
    assert code == 0 and err == "" and out.startswith("Base:")


def test_cli_semantic_flags_exclude_each_other(capsys, texts):
    with pytest.raises(SystemExit) as exc:
        cli.main(["align", *texts, "--semantic", "--no-semantic"])
    assert exc.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_cli_semantic_and_default_use_the_model(capsys, model, texts, tmp_path):
    for flags in ([], ["--semantic"]):
        out_json = tmp_path / "out.json"
        code, _, err = run_cli(capsys, "align", *texts, *flags, "--json", str(out_json))
        assert code == 0 and err == ""
        version = json.loads(out_json.read_text(encoding="utf-8"))["engine"]
        assert version.endswith(model.model_id)


def filled_cache(documents, skip: int = 0) -> MemoryCache:
    """A cache with a (made-up, unit) embedding under the real model's name for each claim but ``skip``."""
    texts = sorted({c.text for d in documents for c in claims_of(d)})
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(len(texts), 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    cache = MemoryCache()
    cache.put_many(MODEL_ID, {text_key(t): v for t, v in list(zip(texts, vectors, strict=True))[skip:]})
    return cache


def test_a_full_cache_needs_no_model(no_model, monkeypatch):
    def must_not_load():
        raise AssertionError("the model was loaded although every embedding was cached")

    monkeypatch.setattr(workflows, "embedder", must_not_load)
    notes: list[str] = []
    result = workflows.align(DOCS, cache=filled_cache(DOCS), notice=notes.append)
    assert notes == [] and result.settings.semantic
    assert result.engine_version.endswith(f"+ {MODEL_ID}")


def test_a_cache_missing_one_claim_loads_the_model(no_model):
    notes: list[str] = []
    result = workflows.align(DOCS, cache=filled_cache(DOCS, skip=1), notice=notes.append)
    assert len(notes) == 1 and "model file is missing" in notes[0]  # it tried to load, and fell back
    assert not result.settings.semantic


def test_project_commands_take_the_semantic_flags(capsys, no_model, texts, tmp_path):
    from compare.store import open_comparison

    project = tmp_path / "p.ncproj"
    code, _, err = run_cli(capsys, "project", "new", str(project), *texts, "--no-semantic")
    assert code == 0 and err == ""
    assert not open_comparison(project).settings.semantic
    code, _, err = run_cli(capsys, "project", "align", str(project))  # keeps the project's choice: quiet
    assert code == 0 and err == ""
    code, _, err = run_cli(capsys, "project", "align", str(project), "--semantic")  # asks: no model here
    assert code == 0 and "meaning-level matching unavailable" in err
    assert not open_comparison(project).settings.semantic  # what was done, not what was asked


def test_project_new_keeps_the_embeddings_in_the_file(capsys, model, texts, tmp_path):
    from compare.store import ProjectEmbeddingCache, open_comparison

    project = tmp_path / "p.ncproj"
    assert run_cli(capsys, "project", "new", str(project), *texts)[0] == 0
    cache = ProjectEmbeddingCache()
    comparison = open_comparison(project, embeddings=cache)
    assert comparison.settings.semantic
    assert cache.count() == len({c.text for c in comparison.claims})
