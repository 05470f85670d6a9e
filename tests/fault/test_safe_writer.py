"""One safe writer for every output: no planted link is written through, a failure changes nothing and
leaves no temporary file, the message names the file and the reason, killed saves are cleaned up later."""

from __future__ import annotations

import errno
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from compare import safe_write, workflows
from compare.model import Comparison, Quantity
from compare.report.contract import links_csv, write_json
from compare.report.html_report import write_html_report
from compare.safe_write import WriteFailed
from compare.store import SaveFailed, autosave, open_comparison, save_comparison
from compare.store import errors as store_errors
from tests.fault.conftest import files_in, fill_up, mounted_tmpfs, remount_read_only, write_docs

VICTIM_TEXT = "someone else's file\n"


@pytest.fixture(scope="module")
def comparison(tmp_path_factory) -> Comparison:
    return workflows.align(workflows.load_documents(write_docs(tmp_path_factory.mktemp("docs"))))


def export(kind: str, comparison: Comparison, path: Path) -> None:
    {"json": write_json, "csv": links_csv, "html": write_html_report}[kind](comparison, path)


def plant(link: Path, victim: Path) -> None:
    victim.write_text(VICTIM_TEXT, encoding="utf-8")
    link.symlink_to(victim)


@pytest.mark.parametrize("kind", ["json", "csv", "html"])
def test_export_never_writes_through_a_link_planted_at_the_old_fixed_temp_name(tmp_path, comparison, kind):
    out = tmp_path / f"report.{kind}"
    plant(tmp_path / f"report.{kind}.tmp", tmp_path / "victim")
    export(kind, comparison, out)
    assert (tmp_path / "victim").read_text(encoding="utf-8") == VICTIM_TEXT
    assert out.is_file() and not out.is_symlink() and out.stat().st_size > 0


@pytest.mark.parametrize("kind", ["json", "csv", "html"])
def test_a_link_at_the_output_name_is_replaced_never_followed(tmp_path, comparison, kind):
    out = tmp_path / f"report.{kind}"
    plant(out, tmp_path / "victim")
    export(kind, comparison, out)
    assert (tmp_path / "victim").read_text(encoding="utf-8") == VICTIM_TEXT
    assert not out.is_symlink()


@pytest.mark.parametrize("kind", ["json", "csv", "html"])
@pytest.mark.parametrize("race", [False, True], ids=["before", "during"])
def test_a_link_planted_at_the_random_temp_name_is_never_followed(
    tmp_path, comparison, kind, race, monkeypatch
):
    monkeypatch.setattr(safe_write.secrets, "token_hex", lambda n: "ab" * n)  # make the random name known
    out = tmp_path / f"report.{kind}"
    plant(tmp_path / f".report.{kind}.{'ab' * 8}.tmp", tmp_path / "victim")
    if race:  # planted after the clean-up of stale names, just before the file is created
        monkeypatch.setattr(safe_write, "remove_stale_temps", lambda _target: 0)
        with pytest.raises(WriteFailed) as caught:
            export(kind, comparison, out)
        assert str(out) in str(caught.value) and "\n" not in str(caught.value)
        assert not out.exists()
    else:  # a link at a temporary name is not a writer's: the clean-up removes it
        export(kind, comparison, out)
        assert out.stat().st_size > 0
    assert (tmp_path / "victim").read_text(encoding="utf-8") == VICTIM_TEXT


def test_project_save_never_writes_through_links_at_its_names(tmp_path, comparison):
    path = tmp_path / "p.ncproj"
    save_comparison(path, comparison)
    for name in ("p.ncproj.bak", "p.ncproj.autosave"):
        plant(tmp_path / name, tmp_path / f"victim-{name}")
    edited = replace(comparison, links=comparison.links[1:])
    autosave(path, edited)
    save_comparison(path, edited)
    for name in ("p.ncproj.bak", "p.ncproj.autosave"):
        assert (tmp_path / f"victim-{name}").read_text(encoding="utf-8") == VICTIM_TEXT
    assert open_comparison(path) == edited


def test_upgrading_an_old_file_never_writes_through_a_link_at_the_version_backup(tmp_path, monkeypatch):
    from tests.unit.test_store_migration import save_old

    comparison = workflows.align(workflows.load_documents(write_docs(tmp_path / "docs")))
    path = tmp_path / "old.ncproj"
    save_old(monkeypatch, tmp_path / "db_v1", path, comparison)
    monkeypatch.undo()
    plant(tmp_path / "old.ncproj.v1.bak", tmp_path / "victim")
    assert open_comparison(path).claims == comparison.claims  # upgraded (v1 had no confidence)
    assert (tmp_path / "victim").read_text(encoding="utf-8") == VICTIM_TEXT


def _enospc(*_args, **_kw):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("kind", ["json", "csv", "html"])
def test_injected_disk_full_names_the_file_keeps_the_old_one_and_leaves_no_temp(
    tmp_path, comparison, kind, monkeypatch
):
    out = tmp_path / f"report.{kind}"
    out.write_text("the previous report\n", encoding="utf-8")
    monkeypatch.setattr(safe_write.os, "fsync", _enospc)
    with pytest.raises(WriteFailed) as caught:
        export(kind, comparison, out)
    message = str(caught.value)
    assert "the disk is full" in message and str(out) in message and "None" not in message
    assert out.read_text(encoding="utf-8") == "the previous report\n"
    assert files_in(tmp_path) == [out.name]


def test_real_disk_full_keeps_the_existing_report_whole_and_leaves_no_temp(comparison):
    with mounted_tmpfs("96k") as disk:
        out = disk / "report.html"
        out.write_text("<p>the previous report</p>\n", encoding="utf-8")
        fill_up(disk)
        with pytest.raises(WriteFailed, match="the disk is full"):
            write_html_report(comparison, out)
        assert out.read_text(encoding="utf-8") == "<p>the previous report</p>\n"
        assert files_in(disk) == ["filler", "report.html"]
        with pytest.raises(SaveFailed, match="the disk is full"):
            save_comparison(disk / "p.ncproj", comparison)
        assert files_in(disk) == ["filler", "report.html"]


def test_read_only_folder_refuses_every_writer_in_one_line_and_changes_nothing(comparison):
    with mounted_tmpfs("1m") as disk:
        save_comparison(disk / "p.ncproj", comparison)
        write_json(comparison, disk / "r.json")
        before = {p.name: p.read_bytes() for p in disk.iterdir()}
        remount_read_only(disk)
        for kind in ("json", "csv", "html"):
            with pytest.raises(WriteFailed, match="read-only"):
                export(kind, comparison, disk / f"r.{kind}")
        with pytest.raises(SaveFailed, match="read-only"):
            save_comparison(disk / "p.ncproj", replace(comparison, links=()))
        with pytest.raises(SaveFailed, match="read-only"):
            autosave(disk / "p.ncproj", replace(comparison, links=()))
        assert {p.name: p.read_bytes() for p in disk.iterdir()} == before


def test_temp_files_of_killed_writes_are_removed_by_the_next_write(tmp_path, comparison):
    stale = [
        tmp_path / ".r.json.0123456789abcdef.tmp",
        tmp_path / ".p.ncproj.01234567.saving",  # the name an older version used
        tmp_path / ".p.ncproj.0123456789abcdef.saving",
    ]
    for path in stale:
        path.write_bytes(b"half a file")
    unrelated = tmp_path / ".p.ncproj.notes.saving"
    unrelated.write_bytes(b"not ours")
    write_json(comparison, tmp_path / "r.json")
    save_comparison(tmp_path / "p.ncproj", comparison)
    assert not any(p.exists() for p in stale)
    assert unrelated.exists()


def test_a_temp_file_a_live_writer_holds_is_not_removed(tmp_path, comparison):
    target = tmp_path / "r.json"
    tmp, fd = safe_write.create_temp(target)
    try:
        write_json(comparison, target)
        assert tmp.exists()
    finally:
        os.close(fd)
    write_json(comparison, target)
    assert not tmp.exists()


def test_every_writer_survives_lone_surrogates(tmp_path, comparison):
    docs = [replace(d, title=d.title + "\ud800") for d in comparison.documents]
    bad = replace(comparison, documents=tuple(docs))
    for kind in ("json", "csv", "html"):
        export(kind, bad, tmp_path / f"r.{kind}")
        (tmp_path / f"r.{kind}").read_text(encoding="utf-8", errors="strict")
    save_comparison(tmp_path / "p.ncproj", bad)
    assert open_comparison(tmp_path / "p.ncproj").documents[0].title.endswith("\ufffd")


def test_json_is_strict_even_for_a_number_too_large_to_hold(tmp_path, comparison):
    claim = comparison.claims[0]
    huge = replace(claim.facts, numbers=(Quantity(value=float("inf"), text="9" * 400),))
    bad = replace(comparison, claims=(replace(claim, facts=huge), *comparison.claims[1:]))
    write_json(bad, tmp_path / "r.json")

    def refuse(name: str):
        raise AssertionError(f"{name} is not JSON")

    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"), parse_constant=refuse)
    assert data["claims"][0]["facts"]["numbers"][0] == {
        "text": "9" * 400,
        "value": None,
        "bound": huge.numbers[0].bound,
        "unit": huge.numbers[0].unit,
    }


def test_a_second_writer_waits_briefly_then_fails_in_one_line_naming_the_file(
    tmp_path, comparison, monkeypatch
):
    from compare.store import ProjectBusy, lock

    path = tmp_path / "p.ncproj"
    save_comparison(path, comparison)
    before = path.read_bytes()
    with lock.project_lock(path):  # another save is writing in this folder (a separate descriptor)
        with pytest.raises(ProjectBusy) as caught, lock.project_lock(path, wait_s=0.3):
            pass
        message = str(caught.value)
        assert str(path) in message and "\n" not in message
    assert path.read_bytes() == before
    save_comparison(path, replace(comparison, links=()))  # once the other save ends, this one goes ahead
    assert open_comparison(path).links == ()


def test_a_save_over_a_file_changed_since_it_was_read_is_refused(tmp_path, comparison):
    from compare.store import ProjectChanged, open_for_update

    path = tmp_path / "p.ncproj"
    save_comparison(path, comparison)
    mine, stamp = open_for_update(path)
    theirs = replace(comparison, links=comparison.links[:1])
    save_comparison(path, theirs)
    with pytest.raises(ProjectChanged, match="changed by another save"):
        save_comparison(path, replace(mine, links=()), expected=stamp)
    assert open_comparison(path) == theirs
    with pytest.raises(store_errors.ProjectExists):
        save_comparison(tmp_path / "p.ncproj", mine, expected=None)  # "new" over a file made meanwhile
