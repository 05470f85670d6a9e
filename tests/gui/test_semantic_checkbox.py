"""The toolbar's "Meaning (semantic)" box: on by default, re-align with the semantic scorer in the worker, wording
only with a status-bar note when the model cannot load, and embeddings kept in the project file so that
reopening embeds nothing again."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import replace

import numpy as np
import pytest

from compare import workflows
from compare.align.semantic import MemoryCache, SemanticUnavailable
from compare.model import AlignSettings, Cancelled


def wait(qtbot, op):
    assert op is not None
    if op.running:
        qtbot.waitSignal(op.finished, timeout=20_000).wait()


class CountingEmbedder:
    """Stands in for the model: deterministic unit vectors, and a record of every text it embedded."""

    model_id = "counting-test"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def embed(self, texts, progress=None, should_cancel=None):
        self.seen.extend(texts)
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for row, text in enumerate(texts):
            digest = hashlib.sha256(text.encode()).digest()
            out[row, digest[0] % 384] = 1.0
            out[row, digest[1] % 384] += 1.0
        return out / np.linalg.norm(out, axis=1, keepdims=True)


@pytest.fixture
def counting(monkeypatch):
    embedder = CountingEmbedder()
    monkeypatch.setattr(workflows, "embedder", lambda: embedder)
    # The process-wide fallback cache must stay unused: every vector goes through the project's cache.
    fallback = MemoryCache()
    monkeypatch.setattr(workflows, "_CACHE", fallback)
    yield embedder
    assert fallback.store == {}, "the project's embedding cache was bypassed"


def stored_vectors(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM embeddings").fetchone()[0]
    finally:
        conn.close()


def test_checkbox_sits_by_the_threshold_is_on_by_default_and_explains_itself(window):
    box = window.semantic_box
    assert box.text() == "Meaning (semantic)"
    assert box.isChecked() and box.isEnabled() and box.isVisible()
    assert window.files.semantic
    tip = box.toolTip()
    assert "offline" in tip and "wording only" in tip
    toolbar = window.threshold.parentWidget()
    assert box.parentWidget() is toolbar


def test_missing_model_falls_back_to_wording_with_a_note_not_a_dialog(qtbot, window, messages, monkeypatch):
    def missing():
        raise SemanticUnavailable("the semantic model is not installed; reinstall Narrative Compare")

    monkeypatch.setattr(workflows, "embedder", missing)
    assert window.semantic_box.isChecked()
    wait(qtbot, window.files.realign())
    assert messages == []  # the comparison itself is fine: no dialog
    comparison = window.session.comparison
    assert not comparison.settings.semantic and "+" not in comparison.engine_version
    assert comparison.links  # aligned by wording
    assert not window.semantic_box.isChecked() and not window.files.semantic
    note = window.statusBar().currentMessage()
    assert "meaning-level matching unavailable (the semantic model is not installed" in note
    assert note.endswith("; using wording only")
    assert window.status_summary.endswith("· wording only")  # stays visible after the message times out
    assert "not installed" in window._status_label.toolTip()
    wait(qtbot, window.files.realign())  # unticked: a plain lexical re-align, still no dialog
    assert messages == []


def test_missing_model_file_through_the_real_loader(qtbot, window, messages, monkeypatch, tmp_path):
    monkeypatch.setenv("NC_MODEL_PATH", str(tmp_path / "no-such-model.onnx"))
    monkeypatch.setattr(workflows, "_EMBEDDER", [])
    monkeypatch.setattr(workflows, "_CACHE", MemoryCache())
    window.semantic_box.setChecked(True)
    wait(qtbot, window.files.realign())
    assert messages == []
    assert "model file is missing" in window.files.semantic_note
    assert not window.semantic_box.isChecked()
    assert not window.session.comparison.settings.semantic


def test_a_lexical_comparison_shows_no_fallback_note(qtbot, make_window, comparison, counting):
    lexical = make_window(replace(comparison, settings=AlignSettings(semantic=False)))
    assert not lexical.semantic_box.isChecked()
    wait(qtbot, lexical.files.realign())  # asked for wording only: that is not a fallback
    assert lexical.files.semantic_note == "" and not lexical.status_summary.endswith("wording only")
    assert counting.seen == []


def test_semantic_realign_then_save_and_reopen_embeds_nothing_new(
    qtbot, window, make_window, counting, tmp_path
):
    texts = {c.text for c in window.session.comparison.claims}
    assert window.semantic_box.isChecked()  # on by default
    wait(qtbot, window.files.realign())
    comparison = window.session.comparison
    assert comparison.settings.semantic
    assert comparison.engine_version.endswith("+ counting-test")
    assert sorted(counting.seen) == sorted(texts)  # each claim text once

    wait(qtbot, window.files.realign())  # same session: all cached
    assert len(counting.seen) == len(texts)

    assert window.files.embeddings.count() == len(texts)
    path = tmp_path / "meaning.ncproj"
    window.files.ask_save_path = lambda *a: path
    assert window.files.save_as()
    assert stored_vectors(path) == len(texts)

    other = make_window(replace(window.session.comparison, settings=AlignSettings(semantic=False)))
    assert not other.semantic_box.isChecked()
    wait(qtbot, other.files.open_paths([path]))
    assert other.session.path == path
    assert other.semantic_box.isChecked()  # the project was aligned by meaning
    assert other.files.embeddings.count() == len(texts)
    wait(qtbot, other.files.realign())
    assert other.session.comparison.settings.semantic
    assert len(counting.seen) == len(texts), "reopening re-embedded claims"

    # an edit and another save keep the vectors (the file is rewritten each time)
    other.edits.set_note("d0:c1", "check", "call the ministry")
    assert other.files.save()
    assert stored_vectors(path) == len(texts)
    third = make_window()
    wait(qtbot, third.files.open_paths([path]))
    wait(qtbot, third.files.realign())
    assert len(counting.seen) == len(texts)


def test_adding_an_account_embeds_only_its_claims(qtbot, window, counting):
    pytest.importorskip("compare.text.ingest")
    window.semantic_box.setChecked(True)
    wait(qtbot, window.files.realign())
    before = len(counting.seen)
    text = "A new account says the river rose by four metres overnight. Schools stay closed."
    wait(qtbot, window.files.add_pasted(text, "Pasted", ""))
    new = {c.text for c in window.session.comparison.claims if c.doc == "d3"}
    assert sorted(counting.seen[before:]) == sorted(new)


def test_semantic_alignment_is_cancellable(qtbot, comparison, counting):
    from compare.gui.work.background import SyncExecutor
    from compare.gui.work.jobs import align_documents, new_embedding_cache
    from compare.model import AlignSettings

    got = []
    op = align_documents(
        parent=None,
        documents=comparison.documents,
        settings=AlignSettings(semantic=True),
        previous=None,
        success=got.append,
        executor=SyncExecutor(),
        embeddings=new_embedding_cache(),
    )
    op.cancel()
    with qtbot.waitSignal(op.finished, timeout=10_000) as blocker:
        op.run()
    assert got == [] and isinstance(blocker.args[1], Cancelled)
    assert counting.seen == []
