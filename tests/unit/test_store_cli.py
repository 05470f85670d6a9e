"""``narrative-compare project ...`` end to end through ``compare.cli.main``, on the bundled sample."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

import compare.cli as cli
from compare.cli import project_cmd
from compare.model import Annotation, Link, LinkStatus, Relation
from compare.store import open_comparison, save_comparison

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
BASE, *ACCOUNTS = (
    SAMPLES / n for n in ("seed.txt", "levant-ledger.txt", "meridian-wire.txt", "northgate-review.txt")
)


@pytest.fixture(scope="module", autouse=True)
def project_command_registered():
    with pytest.MonkeyPatch.context() as m:
        if project_cmd not in cli.COMMANDS:  # until the lead adds it to compare/cli/__init__.py
            m.setattr(cli, "COMMANDS", (*cli.COMMANDS, project_cmd))
        yield


@pytest.fixture(scope="module")
def sample_project(tmp_path_factory, project_command_registered) -> Path:
    path = tmp_path_factory.mktemp("made") / "sample.ncproj"
    cmd = ["project", "new", str(path), str(BASE), str(ACCOUNTS[0]), str(ACCOUNTS[1]), "--author", "ana"]
    assert cli.main(cmd) == 0
    return path


@pytest.fixture
def project(sample_project: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(sample_project, tmp_path / "war.ncproj"))


def test_new_makes_a_project_readable_in_sqlite(sample_project: Path) -> None:
    comparison = open_comparison(sample_project)
    assert len(comparison.documents) == 3 and comparison.claims and comparison.links
    conn = sqlite3.connect(sample_project)
    titles = [t for (t,) in conn.execute("SELECT title FROM documents ORDER BY position")]
    assert titles == [d.title for d in comparison.documents]
    conn.close()
    if shutil.which("sqlite3"):
        out = subprocess.run(
            ["sqlite3", sample_project, ".tables"], capture_output=True, text=True, check=True
        )
        assert {"documents", "claims", "links", "annotations", "runs", "claims_fts"} <= set(
            out.stdout.split()
        )


def test_new_refuses_to_overwrite(project: Path, capsys) -> None:
    assert cli.main(["project", "new", str(project), str(BASE), str(ACCOUNTS[0])]) == 2
    assert "already exists" in capsys.readouterr().err


def test_realign_and_add_keep_peoples_edits(project: Path, capsys) -> None:
    c = open_comparison(project)
    a, b = c.claims_of("d0")[0], c.claims_of("d2")[-1]
    rejected = replace(c.links[0], status=LinkStatus.REJECTED, created_by="ana")
    manual = Link(a.id, b.id, Relation.CONTRADICT, 1.0, ("dates",), LinkStatus.MANUAL, "ana")
    note = Annotation(a.id, note="ask the desk", author="ana")
    save_comparison(project, replace(c, links=(rejected, *c.links[1:], manual), annotations=(note,)))

    assert cli.main(["project", "align", str(project), "--threshold", "0.6"]) == 0
    assert cli.main(["project", "add", str(project), str(ACCOUNTS[2])]) == 0
    after = open_comparison(project)
    assert len(after.documents) == 4 and after.settings.threshold == 0.6
    assert manual in after.links and note in after.annotations
    assert rejected in after.links
    assert not any(lk.key == rejected.key and lk.status is LinkStatus.MACHINE for lk in after.links)
    assert "4 documents" in capsys.readouterr().out
    assert cli.main(["project", "add", str(project), str(ACCOUNTS[2])]) == 2
    assert "already in" in capsys.readouterr().err


def test_info_prints_a_summary(project: Path, capsys) -> None:
    assert cli.main(["project", "info", str(project)]) == 0
    out = capsys.readouterr().out
    assert "3 documents" in out and "by ana" in out and "base" in out


def test_export_json_and_csv(project: Path, tmp_path: Path) -> None:
    assert cli.main(["project", "export", str(project), "--json", str(tmp_path / "out.json")]) == 0
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert data["format"] == "narrative-compare/1"
    assert len(data["claims"]) == len(open_comparison(project).claims)
    assert cli.main(["project", "export", str(project), "--csv", str(tmp_path / "links.csv")]) == 0
    assert (tmp_path / "links.csv").read_text(encoding="utf-8").startswith("a,b,")
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["project", "export", str(project)])
    assert exit_info.value.code == 2


def test_merge_prints_what_came_in(project: Path, sample_project: Path, tmp_path: Path, capsys) -> None:
    c = open_comparison(sample_project)
    theirs = tmp_path / "bruno.ncproj"
    note = Annotation(c.claims[0].id, note="seen", author="bruno")
    save_comparison(theirs, replace(c, annotations=(note,)), author="bruno")
    assert cli.main(["project", "merge", str(project), str(theirs)]) == 0
    assert "1 annotation(s) added" in capsys.readouterr().out
    assert note in open_comparison(project).annotations


def test_check_passes_a_good_file_and_fails_a_bad_one(project: Path, tmp_path: Path, capsys) -> None:
    assert cli.main(["project", "check", str(project)]) == 0
    assert capsys.readouterr().out.strip().endswith(": OK")
    conn = sqlite3.connect(project)
    conn.execute("CREATE TRIGGER t AFTER INSERT ON links BEGIN DELETE FROM claims; END")
    conn.commit()
    conn.close()
    assert cli.main(["project", "check", str(project)]) == 2
    assert "trigger named 't'" in capsys.readouterr().out


def test_errors_are_one_line_with_status_2(tmp_path: Path, capsys) -> None:
    junk = tmp_path / "junk.ncproj"
    junk.write_bytes(b"<html><script>alert(1)</script></html>")
    assert cli.main(["project", "info", str(junk)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a Narrative Compare project" in err
    assert cli.main(["project", "info", str(tmp_path / "missing.ncproj")]) == 2
