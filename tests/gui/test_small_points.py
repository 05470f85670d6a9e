"""Issue 13, item 8: the smaller points, each fixed."""

from __future__ import annotations

import sys

import pytest

from compare.gui.actions import Act
from compare.gui.dialogs.basic import NoteDialog, ShortcutsDialog
from compare.gui.qt import QColor, QDialog, Qt
from compare.gui.views.theme import tint
from compare.model import Mark


def test_note_dialog_starts_in_the_label_and_return_saves(qtbot):
    dialog = NoteDialog("The mayor said the dam did not fail.")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.label_edit
    assert dialog.quote.focusPolicy() == Qt.FocusPolicy.NoFocus
    qtbot.keyClicks(dialog.note_edit, "first line")
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(dialog.note_edit, "second")
    assert dialog.note_edit.toPlainText() == "first line\nsecond" and dialog.isVisible()
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_save_and_export_propose_a_file_name(window, monkeypatch, tmp_path):
    from compare.gui.controllers import file_controller

    seen = []

    def fake(parent, caption, start, file_filter):
        seen.append(start)
        return "", ""

    monkeypatch.setattr(file_controller.QFileDialog, "getSaveFileName", staticmethod(fake))
    window.files.save_as()
    window.files.export_html()
    assert seen[0].endswith("Valley floods kill 80.ncproj")
    assert seen[1].endswith("Valley floods kill 80.html")
    window.session.path = tmp_path / "story.ncproj"
    window.files.export_json()
    assert seen[2] == str(tmp_path / "story.json")


def test_file_name_of_a_hostile_title_is_safe(make_window, comparison):
    import dataclasses

    base = dataclasses.replace(comparison.base, title='../../etc/<passwd>: "x"?')
    window = make_window(dataclasses.replace(comparison, documents=(base, *comparison.accounts)))
    name = window.files.proposed_name(".html")
    assert "/" not in name and ".." not in name and name.endswith(".html") and "<" not in name


def test_open_does_not_ask_to_save_when_nothing_changed(window, messages, monkeypatch):
    discarded = []
    monkeypatch.setattr(window.autosave, "discard", lambda: discarded.append(True))
    window.session.unsaved_replacement = True  # opened from documents, aligned, never edited
    assert window.may_discard()
    assert not [m for m in messages if m[0] == "question"]
    assert discarded == [True]  # and its crash-recovery copy is not offered at the next start
    window.session.select_claim("d0:c0", ("d0:c0", "d1:c0"))
    window.actions[Act.CONFIRM].trigger()
    assert window.may_discard()  # the fixture answers "Discard"
    assert [m for m in messages if m[0] == "question"]


def test_f1_lists_undo_redo_and_escape_first(qtbot):
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    first = [dialog.table.item(r, 0).text() for r in range(3)]
    assert first == ["Undo", "Redo", "Cancel linking, close a dialog"]
    keys = {
        dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())
    }
    assert keys["Cancel linking, close a dialog"] == "Esc"
    assert keys["Next to check"] == "F6" and keys["Next difference"] == "F8, Alt+Down"


def test_dark_mode_not_found_and_differs_are_distinct():
    background = QColor("#1C1D20")

    def shown(mark: Mark, strong: bool) -> QColor:
        c = tint(mark, dark=True, strong=strong)
        a = c.alphaF()
        mix = [
            round(a * x + (1 - a) * y) for x, y in zip(c.getRgb()[:3], background.getRgb()[:3], strict=True)
        ]
        return QColor(*mix)

    def apart(a: QColor, b: QColor) -> int:
        d = abs(a.hsvHue() - b.hsvHue()) % 360
        return min(d, 360 - d)

    selection = QColor("#F0E442")
    for strong in (False, True):
        differs, missing = shown(Mark.CONTRADICT, strong), shown(Mark.OMITTED, strong)
        assert apart(differs, missing) >= 40, (differs.name(), missing.name())
        assert apart(missing, selection) >= 40  # never mistaken for the selected claim
    # the light palette keeps the legend's own colours
    assert tint(Mark.OMITTED, dark=False).name() == "#e69f00"


def test_packaged_app_never_says_pip(window, messages, monkeypatch):
    from compare.align.semantic import SemanticUnavailable, find_model
    from compare.gui.main_window import semantic_requirement

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setenv("NC_MODEL_PATH", "/nonexistent/model.onnx")  # as in a build made with NC_SEMANTIC=0
    with pytest.raises(SemanticUnavailable) as missing:
        find_model()
    window.files.semantic_unavailable(missing.value)
    note = window.statusBar().currentMessage()
    assert messages == [] and "pip" not in note and "packaged build was made without" in note
    assert "pip" not in semantic_requirement()


def test_pdf_report_through_qt(window, monkeypatch, tmp_path):
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(window.files, "ask_save_path", lambda *a: target)
    assert window.files.export_pdf() == target
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5_000
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]  # no temporary file left
