"""The GUI entry point: what it opens for each kind of argument, and clean failures."""

from __future__ import annotations

import pytest

from compare.gui import app
from compare.model import CompareError


def test_no_arguments_opens_the_aligned_sample():
    pytest.importorskip("compare.workflows")
    comparison, path = app.load_initial([])
    assert path is None
    assert len(comparison.documents) >= 3 and comparison.links


def test_documents_are_loaded_and_aligned(tmp_path):
    pytest.importorskip("compare.workflows")
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(
        "Base\n\nThe river rose by four metres overnight. The mayor said the dam did not fail.", "utf-8"
    )
    b.write_text(
        "Other\n\nThe river rose four metres in one night. A spokesman said the dam failed.", "utf-8"
    )
    comparison, path = app.load_initial([str(a), str(b)])
    assert path is None
    assert [d.id for d in comparison.documents] == ["d0", "d1"]


def test_project_file_is_opened(tmp_path, comparison):
    store = pytest.importorskip("compare.store")
    p = tmp_path / "x.ncproj"
    store.save_comparison(p, comparison)
    opened, path = app.load_initial([str(p)])
    assert path == p and opened.counts() == comparison.counts()


@pytest.mark.parametrize(
    "args, message",
    [(["one.txt"], "at least two documents"), (["a.ncproj", "b.txt"], "one project file")],
)
def test_bad_arguments_raise_clear_errors(args, message):
    with pytest.raises(CompareError, match=message):
        app.load_initial(args)


def test_main_with_a_missing_file_shows_a_dialog_and_exits_1(tmp_path, messages):
    assert app.main([str(tmp_path / "missing.txt"), str(tmp_path / "gone.txt")]) == 1
    assert messages and "Traceback" not in messages[-1][1]


def test_help_exits_0(capsys):
    assert app.main(["--help"]) == 0
    assert "--self-test" in capsys.readouterr().out


def test_first_window_says_when_the_model_did_not_load(make_window, monkeypatch, tmp_path):
    from compare import workflows
    from compare.align.semantic import MemoryCache

    monkeypatch.setenv("NC_MODEL_PATH", str(tmp_path / "absent.onnx"))
    monkeypatch.setattr(workflows, "_EMBEDDER", [])
    monkeypatch.setattr(workflows, "_CACHE", MemoryCache())  # nothing embedded earlier in this process
    comparison, path = app.load_initial([])
    assert not comparison.settings.semantic  # aligned by wording only
    window = make_window(comparison)
    app.note_meaning_fallback(window, comparison, path)
    assert not window.semantic_box.isChecked()
    assert "meaning-level matching unavailable" in window.statusBar().currentMessage()
    assert window.status_summary.endswith("· wording only")
