"""The command line under abuse, each command as its own process: outputs naming inputs, a full disk, closed
pipes, Ctrl+C, bad input to every command. Always one line on stderr, never a traceback."""

from __future__ import annotations

import argparse
import signal
import subprocess
import time
from pathlib import Path

import pytest

from compare.cli import build_parser
from tests.fault.conftest import (
    assert_one_line_error,
    cli_command,
    cli_env,
    fill_up,
    mounted_tmpfs,
    run_cli,
    stderr_lines,
    two_word_paragraphs,
    write_docs,
)

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> tuple[Path, Path, Path]:
    return write_docs(tmp_path_factory.mktemp("docs"))


@pytest.fixture(scope="module")
def project(tmp_path_factory, docs) -> Path:
    path = tmp_path_factory.mktemp("project") / "p.ncproj"
    assert run_cli("project", "new", path, docs[0], docs[1]).returncode == 0
    return path


def test_json_output_naming_an_input_is_refused_and_the_input_kept(docs):
    before = docs[1].read_bytes()
    line = assert_one_line_error(run_cli("align", docs[0], docs[1], "--json", docs[1]))
    assert str(docs[1]) in line and "input" in line
    assert docs[1].read_bytes() == before


def test_csv_output_naming_an_input_through_another_path_is_refused(docs):
    before = docs[0].read_bytes()
    other_name = docs[0].parent / "." / docs[0].name
    assert_one_line_error(run_cli("align", docs[0], docs[1], "--csv", other_name))
    assert docs[0].read_bytes() == before


def test_project_export_and_new_never_overwrite_their_input(project, docs, tmp_path):
    before = project.read_bytes()
    assert_one_line_error(run_cli("project", "export", project, "--json", project))
    assert project.read_bytes() == before
    doc = docs[2].read_bytes()
    assert_one_line_error(run_cli("project", "new", docs[2], docs[0], docs[2], "--force"))
    assert docs[2].read_bytes() == doc


def test_disk_full_export_says_so_in_one_line_naming_the_file(docs):
    with mounted_tmpfs("64k") as disk:
        fill_up(disk)
        out = disk / "out.json"
        line = assert_one_line_error(run_cli("align", docs[0], docs[1], "--json", out))
        assert "the disk is full" in line and str(out) in line and "None" not in line
        assert sorted(p.name for p in disk.iterdir()) == ["filler"]


def _pipe_commands(docs, project, tmp_path) -> list[list[str | Path]]:
    return [
        ["align", docs[0], docs[1], docs[2]],
        ["--help"],
        ["align", "--help"],
        ["project", "info", project],
        ["project", "check", project],
        ["project", "new", tmp_path / "n.ncproj", docs[0], docs[1]],
        ["project", "align", tmp_path / "n.ncproj"],
        ["project", "export", project, "--json", tmp_path / "e.json"],
    ]


def test_every_command_ends_quietly_when_its_output_pipe_is_closed(docs, project, tmp_path):
    for args in _pipe_commands(docs, project, tmp_path):
        child = subprocess.Popen(
            cli_command(*args), env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        child.stdout.close()  # like `| head -0`: the reader is gone before anything is written
        err = child.stderr.read()
        status = child.wait(timeout=300)
        assert "Traceback" not in err and "Exception ignored" not in err and "BrokenPipe" not in err, (
            args,
            err,
        )
        assert not stderr_lines(err), (args, err)
        assert status in (0, 141), (args, status)


def test_ctrl_c_ends_with_one_line_and_status_130(tmp_path):
    base = two_word_paragraphs(tmp_path / "a.txt", 10_000, 3)  # several seconds of work: still running
    other = two_word_paragraphs(tmp_path / "b.txt", 10_000, 7)
    for delay in (0.6, 1.5):  # while loading the documents, and in the middle of the work
        child = subprocess.Popen(
            cli_command("align", base, other), env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        _wait_until_python_catches_sigint(child.pid)
        time.sleep(delay)
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=300)
        assert child.returncode == 130, (delay, child.returncode, err)
        assert "Traceback" not in err and stderr_lines(err) == ["narrative-compare: interrupted"], err


def _wait_until_python_catches_sigint(pid: int, limit: float = 60.0) -> None:
    """Before Python installs its SIGINT handler the signal kills the child outright (-2, no message).

    On a loaded machine the interpreter can take longer than the test's delay to start, so the delay counts
    from the moment the handler is in place (Linux shows it in /proc; elsewhere the delay alone is used).
    """
    status = Path(f"/proc/{pid}/status")
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            lines = status.read_text().splitlines()
        except OSError:  # not Linux, or the child has already ended
            return
        caught = next((line for line in lines if line.startswith("SigCgt:")), "")
        if caught and int(caught.split()[1], 16) & (1 << (signal.SIGINT - 1)):
            return
        time.sleep(0.02)


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    found = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                inner = _subcommands(sub)
                found.update({f"{name} {k}": v for k, v in inner.items()} if inner else {name: sub})
    return found


def _bad_files(folder: Path) -> dict[str, Path]:
    folder.mkdir(exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 64)
    (folder / "fake.ncproj").write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    (folder / "a-folder").mkdir(exist_ok=True)
    return {
        "missing": folder / "missing.txt",
        "empty": folder / "empty.txt",
        "binary": folder / "binary.bin",
        "fake project": folder / "fake.ncproj",
        "folder": folder / "a-folder",
    }


def _argv(command: str, bad: Path, docs, tmp_path: Path) -> list[str | Path] | None:
    out = tmp_path / "out.ncproj"
    table = {
        "align": ["align", docs[0], bad],
        "project new": ["project", "new", out, docs[0], bad, "--force"],
        "project add": ["project", "add", bad, docs[1]],
        "project align": ["project", "align", bad],
        "project info": ["project", "info", bad],
        "project export": ["project", "export", bad, "--json", tmp_path / "x.json"],
        "project merge": ["project", "merge", bad, bad],
        "project check": ["project", "check", bad],
        "archive": ["archive", bad, tmp_path / "archive-out"],
        "gui": None,  # opens a window; the app's own errors are dialogs (tests/gui)
    }
    if command in table:
        return table[command]
    return [*command.split(), bad]  # a command added later: still no traceback, one line


def test_every_command_with_bad_input_prints_one_line_and_no_traceback(docs, tmp_path):
    commands = _subcommands(build_parser())
    assert {"align", "project new", "project add", "project check"} <= set(commands)
    for command in commands:
        for kind, bad in _bad_files(tmp_path / "bad").items():
            argv = _argv(command, bad, docs, tmp_path)
            if argv is None:
                continue
            result = run_cli(*argv)
            assert "Traceback" not in result.stderr, (command, kind, result.stderr)
            assert result.returncode == 2, (command, kind, result.returncode, result.stderr)
            lines = stderr_lines(result.stderr)
            if command == "project check":  # its report of problems is its output (stdout)
                assert not lines and str(bad) in result.stdout, (kind, result.stdout)
            else:
                assert len(lines) == 1, (command, kind, result.stderr)
