"""The archive command on Dask: a LocalCluster of threads and of processes, an existing scheduler, resume,
a kill, Ctrl+C, and what OUT holds afterwards."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from planted_archive import pairwise_f1, planted_archive, write_jsonl

pytest.importorskip(
    "distributed", reason="the 'archive' extra is not installed (pip install -e '.[archive]')"
)
pytest.importorskip("datasketch", reason="the 'archive' extra is not installed (pip install -e '.[archive]')")

from compare.archive.grouping import GroupingSettings  # noqa: E402
from compare.archive.run import ArchiveOptions, run_archive  # noqa: E402
from compare.archive.stories import FORMAT, read_stories  # noqa: E402
from compare.cli import main as cli_main  # noqa: E402
from compare.store import check_file, open_comparison  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
PLANTED = GroupingSettings(link=0.35, average=0.3)  # see test_archive_grouping.py
THREADS_2 = ArchiveOptions(workers=2, processes=False, grouping=PLANTED)


def _archive(tmp_path: Path, stories: int = 8, seed: int = 5, extra: dict[int, str] | None = None):
    planted = planted_archive(stories=stories, per_story=(1, 5), seed=seed)
    return planted, write_jsonl(tmp_path / "articles.jsonl", planted.records, extra)


def _cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-m", "compare", *args], capture_output=True, text=True, timeout=timeout, env=env
    )


def _check_out(out: Path, planted) -> list:
    stories = read_stories(out)
    index = json.loads((out / "stories.json").read_text(encoding="utf-8"))
    assert index["format"] == FORMAT
    ids = [a for s in stories for a in s.articles]
    assert sorted(ids) == sorted(planted.gold)  # every article in exactly one story
    for story in stories:
        if len(story.articles) > 1:
            path = out / story.project
            assert check_file(path) == [], story.id
            comparison = open_comparison(path)
            assert [d.source for d in comparison.documents] == [
                f"https://example.org/{a}" for a in story.articles
            ]
        else:
            assert story.project is None
    assert sorted(p.name for p in (out / "stories").iterdir()) == sorted(
        Path(s.project).name for s in stories if s.project
    )
    return stories


def test_two_thread_workers_write_a_complete_archive(tmp_path: Path) -> None:
    planted = planted_archive(stories=8, per_story=(1, 5), seed=5)
    records = [dict(r) for r in planted.records]
    records[0]["outlet"] = "<script>alert(1)</script> & friends"
    path = write_jsonl(tmp_path / "articles.jsonl", records)
    err = io.StringIO()
    result = run_archive(path, tmp_path / "out", THREADS_2, err=err)
    stories = _check_out(tmp_path / "out", planted)
    assert result.articles == len(records) and result.stories == len(stories)
    assert pairwise_f1([list(s.articles) for s in stories], planted.gold)[2] >= 0.95
    report = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "<script>" not in report and "&lt;script&gt;" in report and "<svg" in report
    for outlet in {r["outlet"] for r in records[1:]} - {records[0]["outlet"]}:
        assert outlet in report
    assert "stories" in err.getvalue() and "ETA" in err.getvalue()


def test_one_and_two_workers_give_the_same_stories_json(tmp_path: Path) -> None:
    _, path = _archive(tmp_path)
    run_archive(
        path,
        tmp_path / "one",
        ArchiveOptions(workers=1, processes=False, grouping=PLANTED),
        err=io.StringIO(),
    )
    run_archive(path, tmp_path / "two", THREADS_2, err=io.StringIO())
    assert (tmp_path / "one" / "stories.json").read_bytes() == (
        tmp_path / "two" / "stories.json"
    ).read_bytes()


def test_resume_keeps_clean_projects_and_redoes_the_rest(tmp_path: Path) -> None:
    planted, path = _archive(tmp_path)
    out = tmp_path / "out"
    first = run_archive(path, out, THREADS_2, err=io.StringIO())
    projects = sorted((out / "stories").glob("*.ncproj"))
    assert len(projects) >= 3 and first.compared == len(projects)
    # What a killed run leaves: no index yet, one project missing, one broken, a temporary file.
    original = (out / "stories.json").read_bytes()
    (out / "stories.json").unlink()
    projects[0].unlink()
    projects[1].write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    (out / "stories" / f".{projects[2].name}.ab12cd34.saving").write_bytes(b"half")
    (out / "stories" / projects[1].name).with_name(projects[1].name + ".bak").unlink(missing_ok=True)
    again = run_archive(
        path,
        out,
        ArchiveOptions(workers=1, processes=False, resume=True, grouping=PLANTED),
        err=io.StringIO(),
    )
    assert (again.compared, again.resumed) == (2, len(projects) - 2)
    assert (out / "stories.json").read_bytes() == original
    assert not list((out / "stories").glob(".*"))
    _check_out_ignoring_backups(out, planted)


def _check_out_ignoring_backups(out: Path, planted) -> None:
    for bak in (out / "stories").glob("*.bak"):
        bak.unlink()
    _check_out(out, planted)


def test_out_must_be_new_or_resumed(tmp_path: Path) -> None:
    _, path = _archive(tmp_path, stories=2)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("mine", encoding="utf-8")
    assert cli_main(["archive", str(path), str(tmp_path / "out"), "--workers", "1"]) == 2
    assert (tmp_path / "out" / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_without_the_extra_one_line_says_how_to_install(monkeypatch, capsys, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    monkeypatch.delitem(sys.modules, "compare.archive.run", raising=False)
    assert cli_main(["archive", str(tmp_path / "a.jsonl"), str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "narrative-compare: the archive command needs the 'archive' extra: pip install 'narrative-compare[archive]'"
    ]


@pytest.mark.e2e
def test_cli_with_two_worker_processes_reports_bad_lines(tmp_path: Path) -> None:
    planted, path = _archive(tmp_path, extra={3: "{not json", 7: json.dumps({"id": "t", "text": ""})})
    done = _cli("archive", str(path), str(tmp_path / "out"), "--workers", "2")
    assert done.returncode == 0, done.stderr
    err = done.stderr.splitlines()
    assert "narrative-compare: articles.jsonl line 3: not valid JSON" in err[0]
    assert err[1].startswith("narrative-compare: articles.jsonl line 7: article 't': 'text' is missing")
    assert "2 Dask workers" in done.stderr and "Traceback" not in done.stderr
    assert "2 input lines or files left out" in done.stdout
    _check_out(tmp_path / "out", planted)


@pytest.mark.e2e
def test_cli_sends_the_work_to_an_existing_scheduler(tmp_path: Path) -> None:
    from dask.distributed import LocalCluster

    planted, path = _archive(tmp_path, stories=5)
    with LocalCluster(n_workers=2, processes=False, protocol="tcp://", dashboard_address=None) as cluster:
        done = _cli("archive", str(path), str(tmp_path / "out"), "--scheduler", cluster.scheduler_address)
        assert done.returncode == 0, done.stderr
        assert "2 Dask workers" in done.stderr
    _check_out(tmp_path / "out", planted)
    bad = _cli("archive", str(path), str(tmp_path / "out2"), "--scheduler", "tcp://127.0.0.1:9")
    assert bad.returncode == 2 and bad.stderr.strip().count("\n") == 0
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in bad.stderr


def _start_and_wait_for_a_project(tmp_path: Path) -> tuple[subprocess.Popen, Path, Path]:
    planted_path = _archive(tmp_path, stories=40, seed=9)[1]
    out = tmp_path / "out"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen(
        [sys.executable, "-m", "compare", "archive", str(planted_path), str(out), "--workers", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if any((out / "stories").glob("*.ncproj")):
            break
        time.sleep(0.01)
    return proc, planted_path, out


@pytest.mark.e2e
def test_killed_run_leaves_no_broken_file_and_resume_finishes(tmp_path: Path) -> None:
    proc, path, out = _start_and_wait_for_a_project(tmp_path)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    for project in (out / "stories").glob("*.ncproj"):
        assert check_file(project) == []
    if (out / "stories.json").exists():  # the run finished before the kill: still whole
        read_stories(out)
    done = _cli("archive", str(path), str(out), "--workers", "1", "--resume")
    assert done.returncode == 0, done.stderr
    assert "kept from the earlier run" in done.stdout
    stories = read_stories(out)
    assert all(check_file(out / s.project) == [] for s in stories if s.project)


@pytest.mark.e2e
def test_ctrl_c_stops_cleanly_with_one_line(tmp_path: Path) -> None:
    proc, _, out = _start_and_wait_for_a_project(tmp_path)
    if proc.poll() is not None:
        pytest.skip("the run finished before it could be interrupted")
    os.killpg(proc.pid, signal.SIGINT)  # a terminal's Ctrl+C reaches the whole process group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    last = err.strip().splitlines()[-1]
    assert last.startswith("narrative-compare: interrupted;") and "--resume" in last
    assert "Traceback" not in err
    assert not (out / "stories.json").exists()
    for project in (out / "stories").glob("*.ncproj"):
        assert check_file(project) == []


def test_grouping_thresholds_come_from_the_command_line(monkeypatch, tmp_path: Path) -> None:
    import compare.archive.run as run_module
    from compare.archive.run import ArchiveResult

    seen: list[ArchiveOptions] = []

    def fake_run(articles, out, options, err):  # the grouping itself is tested in test_archive_grouping.py
        seen.append(options)
        return ArchiveResult(
            articles=0, stories=0, compared=0, resumed=0, failed=(), problems=(), seconds=0.0
        )

    monkeypatch.setattr(run_module, "run_archive", fake_run)
    assert (
        cli_main(["archive", "a.jsonl", str(tmp_path / "o"), "--story-link", "0.35", "--max-days", "3"]) == 0
    )
    assert cli_main(["archive", "a.jsonl", str(tmp_path / "o")]) == 0
    assert (seen[0].grouping.link, seen[0].grouping.max_days) == (0.35, 3)
    assert seen[1].grouping == GroupingSettings()


@pytest.mark.parametrize(
    "option, value", [("--story-link", "1.5"), ("--story-link", "x"), ("--max-days", "-1")]
)
def test_bad_grouping_thresholds_are_refused_in_one_line(option, value, capsys, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stop:
        cli_main(["archive", "a.jsonl", str(tmp_path / "o"), option, value])
    assert stop.value.code == 2
    assert capsys.readouterr().err.strip().splitlines()[-1].startswith("narrative-compare: error: argument")


def _worker_log_level() -> int:
    import logging

    return logging.getLogger("distributed.worker").getEffectiveLevel()


@pytest.mark.e2e
def test_worker_processes_start_with_distributed_logs_off_and_the_environment_is_restored() -> None:
    # A heartbeat that meets the closed scheduler at shutdown used to print a worker's traceback (CI, once).
    import logging

    from compare.archive.run import _client

    before = os.environ.get("DASK_LOGGING__DISTRIBUTED")
    with _client(ArchiveOptions(workers=1, processes=True)) as client:
        levels = client.run(_worker_log_level)
    assert list(levels.values()) == [logging.CRITICAL]
    assert os.environ.get("DASK_LOGGING__DISTRIBUTED") == before
