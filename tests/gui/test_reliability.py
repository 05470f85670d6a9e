"""The app under abuse (issue 12): link mode survives filtering and model resets, every comparison is
autosaved from its first change and offered back after a crash, saves run off the GUI thread and never
replace someone else's save."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from fixture_data import build_comparison
from PySide6.QtTest import QTest

from compare import store
from compare.gui.actions import Act
from compare.gui.work import background


def wait(qtbot, op):
    if op is not None and op.running:
        qtbot.waitSignal(op.finished, timeout=20_000).wait()


def _type(widget, text: str) -> None:
    for ch in text:
        QTest.keyClick(widget, ch)


def test_filtering_out_the_claim_a_link_started_from_neither_crashes_nor_links(qtbot, window):
    panel = window.claims_panel
    window.tabs.setCurrentWidget(panel)
    panel.table.setFocus()
    panel.table.selectRow(0)
    first = window.session.selected
    window.actions[Act.LINK_PICK].trigger()
    assert window.edits.pending_link == first
    links_before = window.session.comparison.links
    window._find()
    _type(panel.search, "Volunteers")  # only a claim of another text is left: the view moves to it
    assert panel.proxy.rowCount() == 1
    assert window.session.comparison.links == links_before  # filtering is not a click: nothing linked
    assert window.session.selected == first and window.edits.pending_link == first
    panel.search.clear()
    assert panel.proxy.rowCount() == panel.model.rowCount()


def test_link_mode_is_cancelled_when_the_comparison_is_replaced(window):
    window.session.select_claim("d0:c4")
    window.actions[Act.LINK_PICK].trigger()
    other = build_comparison()
    other = replace(other, documents=tuple(replace(d, title=d.title + " (new)") for d in other.documents))
    window.session.replace(other, None, saved=False)
    assert window.edits.pending_link is None
    window.session.select_claim("d2:c4")
    assert not any(lk.key == ("d0:c4", "d2:c4") for lk in window.session.comparison.links)


def test_an_unsaved_comparison_is_autosaved_from_its_first_change_and_offered_after_a_crash(
    qtbot, make_window, tmp_path
):
    window = make_window()
    window.autosave.recovery_dir = tmp_path / "recovery"
    assert window.session.path is None
    window.edits.set_note("d0:c1", "check", "call the ministry")
    assert window.autosave.soon.isActive()  # the first change is autosaved within seconds
    assert window.autosave.tick()
    journals = list((tmp_path / "recovery").glob("*.ncproj.autosave"))
    assert len(journals) == 1
    # Another window of the running app must not be offered the live autosave of this one.
    other = make_window()
    other.autosave.recovery_dir = tmp_path / "recovery"
    assert other.autosave.offer_unsaved_recovery() is None
    # The app dies: its lock goes with the process, the autosave stays.
    window.autosave.folder().release(window.autosave.session_id, discard=False)
    next_start = make_window()
    next_start.autosave.recovery_dir = tmp_path / "recovery"
    asked = []
    next_start.autosave.ask_recover_unsaved = lambda comparison, when: asked.append(when) or True
    assert next_start.recover_if_needed(unsaved=True)
    assert asked
    assert any(a.note == "call the ministry" for a in next_start.session.comparison.annotations)
    assert next_start.session.dirty and next_start.session.path is None
    # Saving it makes the recovery copy unnecessary.
    path = tmp_path / "saved.ncproj"
    next_start.files.ask_save_path = lambda *a: path
    assert next_start.files.save_as()
    assert not list((tmp_path / "recovery").glob("*.ncproj.autosave"))


def test_a_declined_recovery_is_removed(make_window, tmp_path):
    window = make_window()
    window.autosave.recovery_dir = tmp_path / "recovery"
    window.edits.set_note("d0:c1", "x", "y")
    assert window.autosave.tick()
    window.autosave.folder().release(window.autosave.session_id, discard=False)
    later = make_window()
    later.autosave.recovery_dir = tmp_path / "recovery"
    later.autosave.ask_recover_unsaved = lambda comparison, when: False
    assert not later.recover_if_needed(unsaved=True)
    assert not list((tmp_path / "recovery").glob("*.autosave"))


def test_save_autosave_and_open_run_on_one_file_thread_off_the_gui_thread(
    qtbot, make_window, tmp_path, monkeypatch
):
    monkeypatch.setattr(background, "_default_executor", None)
    window = make_window()
    pool = background.io_executor()
    window.files.io_executor = pool
    window.autosave.executor = pool
    threads: list[str] = []
    real_save, real_autosave = store.save_comparison, store.autosave
    monkeypatch.setattr(
        store,
        "save_comparison",
        lambda *a, **k: threads.append(threading.current_thread().name) or real_save(*a, **k),
    )
    monkeypatch.setattr(
        store,
        "autosave",
        lambda *a, **k: threads.append(threading.current_thread().name) or real_autosave(*a, **k),
    )
    path = tmp_path / "p.ncproj"
    window.files.ask_save_path = lambda *a: path
    assert window.files.save_as()  # waits for the file thread, the window stays responsive meanwhile
    assert not window.session.dirty and path.is_file()
    window.edits.set_note("d0:c1", "label", "a note")
    assert window.autosave.tick()
    pool.waitForDone(20_000)
    qtbot.wait(50)
    assert store.recover(path) is not None
    main = threading.main_thread().name
    assert len(threads) == 2 and main not in threads
    op = window.files.open_paths([path])
    wait(qtbot, op)
    assert window.files.stamp == store.stamp_of(path)


def test_the_app_does_not_replace_a_project_someone_else_saved_meanwhile(qtbot, window, tmp_path, messages):
    path = tmp_path / "shared.ncproj"
    store.save_comparison(path, build_comparison())
    wait(qtbot, window.files.open_paths([path]))
    window.edits.set_note("d0:c1", "mine", "my note")
    theirs = replace(build_comparison(), links=build_comparison().links[:2])
    store.save_comparison(path, theirs)  # a colleague saves the same file
    assert not window.files.save()
    assert messages and "changed by another save" in messages[-1][1]
    assert store.open_comparison(path) == theirs
    assert window.session.dirty


@pytest.mark.parametrize("needed", ["", "0.1.0", "0.0.9"])
def test_a_newer_file_never_asks_for_the_version_already_running(tmp_path, needed):
    import sqlite3

    from compare import __version__

    path = tmp_path / "newer.ncproj"
    store.save_comparison(path, build_comparison())
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 99")
        conn.execute("UPDATE project_info SET value = ? WHERE key = 'min_app_version'", (needed,))
    with pytest.raises(store.SchemaTooNew) as caught:
        store.open_comparison(path)
    message = str(caught.value)
    assert f">= {__version__}" not in message and ">= 0.0.9" not in message
    assert "a newer Narrative Compare than this one" in message


def test_the_app_never_exports_or_saves_over_one_of_its_documents(window, tmp_path, messages):
    doc = tmp_path / "account.txt"
    doc.write_text("the user's own text\n", encoding="utf-8")
    docs = list(window.session.comparison.documents)
    docs[1] = replace(docs[1], source=str(doc))
    window.session.replace(replace(window.session.comparison, documents=tuple(docs)), None, saved=True)
    window.files.ask_save_path = lambda *a: doc
    assert window.files.export_json() is None
    assert window.files.export_html() is None
    assert not window.files.save_as()
    assert doc.read_text(encoding="utf-8") == "the user's own text\n"
    assert len(messages) == 3 and all("input" in text for _, text in messages)


def test_links_planted_at_the_recovery_names_are_never_followed(tmp_path):
    folder = store.RecoveryFolder(tmp_path / "recovery")
    folder.folder.mkdir()
    session_id = folder.new_id()
    victim = tmp_path / "victim"
    victim.write_text("keep me\n", encoding="utf-8")
    (folder.folder / f"{session_id}.lock").symlink_to(victim)
    (folder.folder / f"{session_id}.ncproj.autosave").symlink_to(victim)
    with pytest.raises(OSError):
        folder.hold(session_id)
    folder.journal(session_id).write(build_comparison())
    assert victim.read_text(encoding="utf-8") == "keep me\n"
    assert not (folder.folder / f"{session_id}.ncproj.autosave").is_symlink()
