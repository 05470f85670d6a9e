"""Edits with undo, manual links saved and reopened, opening bad files, exports, paste and drop."""

from __future__ import annotations

import json

import pytest

from compare.gui.actions import Act
from compare.gui.qt import QDropEvent, QMimeData, QPointF, Qt, QUrl
from compare.model import LinkStatus, Relation
from compare.review.queue import claim_counts


def wait(qtbot, op):
    assert op is not None
    if op.running:
        qtbot.waitSignal(op.finished, timeout=20_000).wait()


def test_confirm_relabel_reject_with_undo(window):
    s = window.session
    s.select_claim("d0:c0", ("d0:c0", "d1:c0"))
    window.actions[Act.CONFIRM].trigger()
    assert s.current_link().status is LinkStatus.CONFIRMED
    window.actions[Act.RELABEL].trigger()
    assert s.current_link().relation is Relation.AGREE
    assert window.isWindowModified()
    window.undo_action.trigger()
    assert s.current_link().relation is Relation.CONTRADICT
    window.undo_action.trigger()
    assert s.current_link().status is LinkStatus.MACHINE
    assert not window.isWindowModified()
    window.redo_action.trigger()
    assert s.current_link().status is LinkStatus.CONFIRMED
    window.actions[Act.REJECT].trigger()
    assert ("d0:c0", "d1:c0") not in {lk.key for lk in s.comparison.links if lk.active}
    assert window.legend.shown_counts()["d1"]["contradict"] == 0


def test_manual_link_by_clicking_then_unlink(window):
    s = window.session
    s.select_claim("d0:c4")  # "Relief convoys reached the town" - not found anywhere
    window.actions[Act.LINK_PICK].trigger()
    assert window.edits.pending_link == "d0:c4"
    s.select_claim("d2:c4")  # "Volunteers from nearby towns arrived."
    link = next(lk for lk in s.comparison.links if lk.key == ("d0:c4", "d2:c4"))
    assert link.status is LinkStatus.MANUAL
    assert s.link_key == ("d0:c4", "d2:c4")
    assert window.legend.shown_counts()["d2"]["agree"] == 3
    window.actions[Act.UNLINK].trigger()
    assert ("d0:c4", "d2:c4") not in {lk.key for lk in s.comparison.links}


def test_escape_cancels_pending_link(window):
    window.session.select_claim("d0:c4")
    window.actions[Act.LINK_PICK].trigger()
    window.cancel_link_action.trigger()
    assert window.edits.pending_link is None


def test_note_on_a_claim_shows_in_details_and_table(window):
    window.session.select_claim("d0:c2")
    window.edits.set_note("d0:c2", "check with source", "Is it four metres or four feet?")
    assert "check with source" in window.details.browser.toPlainText()
    row = window.claims_panel.model.row_of("d0:c2")
    assert "four feet" in window.claims_panel.model.index(row, 6).data()


def test_manual_link_is_saved_and_reopened(window, tmp_path):
    store = pytest.importorskip("compare.store")
    window.session.select_claim("d0:c4")
    window.actions[Act.LINK_PICK].trigger()
    window.session.select_claim("d2:c4")
    window.edits.set_note("d0:c4", "manual", "linked by a test")
    path = tmp_path / "edited.ncproj"
    window.files.ask_save_path = lambda *a: path
    window.actions[Act.SAVE].trigger()
    assert path.is_file()
    assert not window.isWindowModified()
    reopened = store.open_comparison(path)
    link = next(lk for lk in reopened.links if lk.key == ("d0:c4", "d2:c4"))
    assert link.status is LinkStatus.MANUAL
    assert any(a.target == "d0:c4" and a.note == "linked by a test" for a in reopened.annotations)


def test_open_project_in_window_shows_manual_link(qtbot, window, tmp_path, make_window):
    store = pytest.importorskip("compare.store")
    from compare.review import edits

    comp, _ = edits.link_claims(window.session.comparison, "d0:c4", "d2:c4")
    path = tmp_path / "p.ncproj"
    store.save_comparison(path, comp)
    other = make_window()
    op = other.files.open_paths([path])
    wait(qtbot, op)
    assert other.session.path == path
    assert ("d0:c4", "d2:c4") in {lk.key for lk in other.session.comparison.links}
    assert other.legend.shown_counts() == claim_counts(comp)
    assert str(path) in other.files.recent()


def test_bad_project_file_shows_error_dialog(qtbot, window, tmp_path, messages):
    pytest.importorskip("compare.store")
    bad = tmp_path / "hostile.ncproj"
    bad.write_bytes(b"this is not a sqlite file at all" * 10)
    before = window.session.comparison
    op = window.files.open_paths([bad])
    wait(qtbot, op)
    assert messages, "an error dialog was shown"
    assert "Traceback" not in messages[-1][1]
    assert window.session.comparison is before


def test_missing_document_shows_error_dialog(qtbot, window, tmp_path, messages):
    op = window.files.open_paths([tmp_path / "nope.txt", tmp_path / "missing.txt"])
    wait(qtbot, op)
    assert messages and "Traceback" not in messages[-1][1]
    assert len(window.session.comparison.documents) == 3


def test_one_document_is_refused_with_a_clear_message(window, tmp_path, messages):
    window.files.open_paths([tmp_path / "a.txt"])
    assert "at least two documents" in messages[-1][1]


def test_exports(window, tmp_path):
    out = {}
    for act, name in (
        (Act.EXPORT_JSON, "r.json"),
        (Act.EXPORT_CSV, "links.csv"),
        (Act.EXPORT_HTML, "r.html"),
    ):
        path = tmp_path / name
        window.files.ask_save_path = lambda *a, p=path: p
        window.actions[act].trigger()
        out[name] = path
    data = json.loads(out["r.json"].read_text(encoding="utf-8"))
    assert len(data["links"]) == len(window.session.comparison.links)
    assert out["links.csv"].read_text(encoding="utf-8").count("\n") >= len(window.session.comparison.links)
    html_text = out["r.html"].read_text(encoding="utf-8")
    assert "date differs: 19 September vs 17 September" in html_text
    assert "<script" not in html_text


def test_paste_adds_an_account_and_realigns(qtbot, window):
    pytest.importorskip("compare.text.ingest")
    text = "Floods hit the valley on 19 September after three days of rain. At least 80 people died."
    op = window.files.add_pasted(text, "Pasted wire copy", "Agency")
    wait(qtbot, op)
    docs = window.session.comparison.documents
    assert len(docs) == 4 and docs[3].id == "d3" and docs[3].outlet == "Agency"
    assert len(window.compare_view.panes) == 4
    window.undo_action.trigger()
    assert len(window.session.comparison.documents) == 3


def test_realign_keeps_manual_links(qtbot, window):
    s = window.session
    s.select_claim("d0:c4")
    window.actions[Act.LINK_PICK].trigger()
    s.select_claim("d2:c4")
    window.threshold_slider.setValue(40)
    op = window.files.realign()
    wait(qtbot, op)
    assert s.comparison.settings.threshold == pytest.approx(0.40)
    link = next(lk for lk in s.comparison.links if lk.key == ("d0:c4", "d2:c4"))
    assert link.status is LinkStatus.MANUAL
    assert window.legend.shown_counts() == claim_counts(s.comparison)


def test_drop_documents_adds_accounts(qtbot, window, tmp_path):
    pytest.importorskip("compare.text.ingest")
    doc = tmp_path / "dropped.txt"
    doc.write_text(
        "Dropped account\n\nThe river rose by four metres overnight. The mayor spoke.", encoding="utf-8"
    )
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(doc))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    wait(qtbot, window.files.last_op)
    assert len(window.session.comparison.documents) == 4
    assert window.session.comparison.documents[3].id == "d3"


def test_autosave_and_recovery(qtbot, window, tmp_path, make_window):
    store = pytest.importorskip("compare.store")
    path = tmp_path / "work.ncproj"
    window.files.ask_save_path = lambda *a: path
    assert window.files.save_as()
    assert not window.autosave.tick()  # nothing unsaved
    window.edits.set_note("d0:c1", "check", "call the ministry")
    assert window.autosave.tick()
    assert store.recover(path) is not None
    other = make_window()
    other.autosave.ask_recover = lambda p: True
    op = other.files.open_paths([path])
    wait(qtbot, op)
    assert any(a.note == "call the ministry" for a in other.session.comparison.annotations)
    assert other.isWindowModified()


def test_open_dialog_asks_for_the_base_and_puts_it_first(qtbot, window, tmp_path):
    pytest.importorskip("compare.text.ingest")
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(
        "Account A\n\nThe river rose by four metres overnight. The mayor said the dam did not fail.", "utf-8"
    )
    b.write_text(
        "Base B\n\nThe river rose four metres in one night. A spokesman said the dam failed.", "utf-8"
    )
    window.files.ask_open_paths = lambda: [a, b]
    window.files.ask_base = lambda paths: [paths[1], paths[0]]
    window.actions[Act.OPEN].trigger()
    wait(qtbot, window.files.last_op)
    docs = window.session.comparison.documents
    assert [d.source for d in docs][0].endswith("b.txt")
    assert window.isWindowModified()  # a new comparison, not yet saved
