"""Never lose work: failed saves leave the previous file intact, and the autosave journal recovers edits."""

from __future__ import annotations

import errno
import os
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from helpers.synthetic import synthetic_comparison

from compare.model import Annotation
from compare.store import (
    Journal,
    SaveFailed,
    autosave,
    discard_autosave,
    open_comparison,
    recover,
    save,
    save_comparison,
    write,
)


@pytest.fixture
def saved(tmp_path: Path):
    """A project saved twice (so a .bak exists), and an edited version not yet saved."""
    path = tmp_path / "mine.ncproj"
    first = synthetic_comparison(3, 30, seed=5)
    save_comparison(path, replace(first, annotations=()))
    save_comparison(path, first)
    edited = replace(
        first, annotations=(Annotation(target=first.claims[0].id, note="new note", author="ana"),)
    )
    return path, first, edited


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_write_that_fails_half_way_keeps_the_previous_file(monkeypatch, saved) -> None:
    path, first, edited = saved
    backup = save.backup_path(path).read_bytes()
    real = write._links

    def links_then_disk_full(*args):
        for n, row in enumerate(real(*args)):
            if n == 3:  # rows already written to the temporary file when the disk fills up
                raise OSError(errno.ENOSPC, "No space left on device")
            yield row

    monkeypatch.setattr(write, "_links", links_then_disk_full)
    with pytest.raises(SaveFailed, match="the disk is full; the previous file is unchanged") as info:
        save_comparison(path, edited)
    assert str(path) in str(info.value)
    assert open_comparison(path) == first
    assert save.backup_path(path).read_bytes() == backup
    assert leftovers(path.parent) == []


def test_sqlite_reporting_a_full_disk(monkeypatch, saved) -> None:
    path, first, edited = saved

    def full(*args):
        raise sqlite3.OperationalError("database or disk is full")
        yield

    monkeypatch.setattr(write, "_claims", full)
    with pytest.raises(SaveFailed, match="disk is full"):
        save_comparison(path, edited)
    assert open_comparison(path) == first
    assert leftovers(path.parent) == []


def test_read_only_folder(monkeypatch, saved) -> None:
    path, first, edited = saved
    real_open = os.open

    def read_only(file, flags, *args, **kwargs):
        if flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system", str(file))
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(save.os, "open", read_only)
    with pytest.raises(SaveFailed, match="read-only"):
        save_comparison(path, edited)
    monkeypatch.undo()
    assert open_comparison(path) == first
    assert leftovers(path.parent) == []


def test_rename_refused_at_the_last_step(monkeypatch, saved) -> None:
    path, first, edited = saved
    real_replace = os.replace

    def refuse_target(src, dst):
        if Path(dst) == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(dst))
        return real_replace(src, dst)

    monkeypatch.setattr(save.os, "replace", refuse_target)
    with pytest.raises(SaveFailed, match="no permission"):
        save_comparison(path, edited)
    monkeypatch.undo()
    assert open_comparison(path) == first
    assert leftovers(path.parent) == []


def test_a_bug_during_the_write_still_cleans_up(monkeypatch, saved) -> None:
    path, first, edited = saved
    monkeypatch.setattr(write, "_claims", lambda *a: iter([{"nonsense": 1}]))
    with pytest.raises(SaveFailed):  # sqlite-utils refuses the unknown column: an sqlite3 error
        save_comparison(path, edited)
    monkeypatch.setattr(write, "_claims", lambda *a: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        save_comparison(path, edited)
    assert open_comparison(path) == first
    assert leftovers(path.parent) == []


def test_an_invalid_comparison_is_never_written(tmp_path: Path) -> None:
    c = synthetic_comparison(2, 10)
    bad = replace(c, claims=(replace(c.claims[0], end=10**6), *c.claims[1:]))
    with pytest.raises(SaveFailed, match="outside"):
        save_comparison(tmp_path / "bad.ncproj", bad)
    assert list(tmp_path.iterdir()) == []


def test_a_lone_surrogate_is_stored_as_a_replacement_character(tmp_path: Path) -> None:
    # Only a Python caller can make one (decoded files never hold one): the save survives it.
    c = synthetic_comparison(2, 4)
    doc = replace(c.documents[1], title="broken \ud800 surrogate")
    save_comparison(tmp_path / "x.ncproj", replace(c, documents=(c.documents[0], doc)))
    assert open_comparison(tmp_path / "x.ncproj").documents[1].title == "broken \ufffd surrogate"


def test_autosave_is_a_valid_project_and_recovers_after_a_crash(saved) -> None:
    path, first, edited = saved
    autosave(path, edited, author="ana")
    journal = Journal(path)
    assert journal.path == save.autosave_path(path) and journal.pending()
    assert open_comparison(journal.path) == edited  # same format, checked like any file
    # ... the app crashes here; on the next start:
    assert recover(path) == edited
    assert open_comparison(path) == first  # the project file itself was never touched


def test_saving_clears_the_journal(saved) -> None:
    path, _, edited = saved
    autosave(path, edited)
    save_comparison(path, edited)
    assert not save.autosave_path(path).exists()
    assert recover(path) is None


def test_an_older_journal_is_not_offered(saved) -> None:
    path, _, edited = saved
    autosave(path, edited)
    stat = path.stat()
    os.utime(save.autosave_path(path), ns=(stat.st_atime_ns, stat.st_mtime_ns - 10**9))
    assert recover(path) is None
    discard_autosave(path)
    assert not save.autosave_path(path).exists()


def test_journal_of_a_project_never_saved(tmp_path: Path) -> None:
    path = tmp_path / "untitled.ncproj"
    c = synthetic_comparison(2, 6)
    Journal(path).write(c)
    assert recover(path) == c
    Journal(path).discard()
    assert recover(path) is None
