"""The GUI entry point: what it opens for each kind of argument, and clean failures."""

from __future__ import annotations

import pytest

from compare import store
from compare.gui import app
from compare.model import CompareError, Relation


def test_no_arguments_opens_the_aligned_sample():
    comparison, path = app.load_initial([])
    assert path is None
    assert len(comparison.documents) >= 3 and comparison.links


def test_documents_are_loaded_and_aligned(tmp_path):
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
    # aligned, not only loaded: the river claims agree and the dam claims differ, each with its reasons
    relations = {(comparison.claim(lk.a).text, comparison.claim(lk.b).text): lk for lk in comparison.links}
    river = relations["The river rose by four metres overnight.", "The river rose four metres in one night."]
    dam = relations["The mayor said the dam did not fail.", "A spokesman said the dam failed."]
    assert river.relation is Relation.AGREE and river.reasons
    assert dam.relation is Relation.CONTRADICT and dam.reasons


def test_project_file_is_opened(tmp_path, comparison):
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


class HeldExecutor:
    """Keeps the work instead of running it, so a test can look at the window while it is "aligning"."""

    def __init__(self) -> None:
        self.runnables: list = []

    def start(self, runnable) -> None:
        self.runnables.append(runnable)


def test_window_appears_before_documents_are_aligned(qtbot, tmp_path, settings, messages):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(
        "Base\n\nThe river rose by four metres overnight. The mayor said the dam did not fail.", "utf-8"
    )
    b.write_text(
        "Other\n\nThe river rose four metres in one night. A spokesman said the dam failed.", "utf-8"
    )
    held = HeldExecutor()
    window = app.open_window([str(a), str(b)], executor=held, settings=settings)
    qtbot.addWidget(window)
    # shown at once, with both texts readable, while the alignment waits in the background
    assert window.isVisible() and len(window.compare_view.panes) == 2
    assert "spokesman" in window.compare_view.panes[1].view.toPlainText()
    assert window.files.last_op.running and len(held.runnables) == 1
    held.runnables[0].run()
    qtbot.waitUntil(lambda: not window.files.last_op.running, timeout=20_000)
    assert window.session.comparison.claims and window.session.comparison.links
    assert window.session.dirty  # a new comparison, not yet saved


def test_cancelling_the_first_alignment_keeps_the_texts(qtbot, tmp_path, settings, messages):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Base\n\nThe river rose by four metres overnight.", "utf-8")
    b.write_text("Other\n\nThe river rose four metres in one night.", "utf-8")
    held = HeldExecutor()
    window = app.open_window([str(a), str(b)], executor=held, settings=settings)
    qtbot.addWidget(window)
    window.files.last_op.cancel()
    held.runnables[0].run()
    qtbot.waitUntil(lambda: not window.files.last_op.running, timeout=20_000)
    assert "without alignment" in window.statusBar().currentMessage()
    assert len(window.compare_view.panes) == 2 and not messages


def test_documents_given_at_start_fall_back_with_a_note(qtbot, tmp_path, settings, messages, monkeypatch):
    from compare import workflows
    from compare.align.semantic import MemoryCache

    monkeypatch.setenv("NC_MODEL_PATH", str(tmp_path / "absent.onnx"))
    monkeypatch.setattr(workflows, "_EMBEDDER", [])
    monkeypatch.setattr(workflows, "_CACHE", MemoryCache())
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Base\n\nThe river rose by four metres overnight.", "utf-8")
    b.write_text("Other\n\nThe river rose four metres in one night.", "utf-8")
    held = HeldExecutor()
    window = app.open_window([str(a), str(b)], executor=held, settings=settings)
    qtbot.addWidget(window)
    held.runnables[0].run()
    qtbot.waitUntil(lambda: not window.files.last_op.running, timeout=20_000)
    assert window.session.comparison.links and not window.session.comparison.settings.semantic
    assert not window.semantic_box.isChecked() and messages == []
    assert "meaning-level matching unavailable" in window.statusBar().currentMessage()
    assert window.status_summary.endswith("· wording only")
