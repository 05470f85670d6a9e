"""``narrative-compare align`` as a user runs it: output, the JSON contract, exit codes and one-line errors."""

import json
import subprocess
import sys

import pytest

from compare.cli import main
from compare.workflows import sample_paths

pytestmark = pytest.mark.e2e


def test_align_on_the_sample_prints_counts_and_differences(capsys, tmp_path):
    out_json = tmp_path / "result.json"
    out_csv = tmp_path / "links.csv"
    paths = [str(p) for p in sample_paths()]
    assert main(["align", *paths, "--json", str(out_json), "--csv", str(out_csv)]) == 0
    printed = capsys.readouterr().out
    assert printed.count(" agree, ") == len(paths) - 1
    assert "Differences:" in printed and "differs:" in printed
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert data["format"] == "narrative-compare/1"
    assert len(data["documents"]) == len(paths)
    texts = {d["id"]: d["text"] for d in data["documents"]}
    assert all(texts[c["doc"]][c["start"] : c["end"]] == c["text"] for c in data["claims"])
    assert any(lk["relation"] == "contradict" and lk["reasons"] for lk in data["links"])
    assert out_csv.read_text(encoding="utf-8").startswith("a,b,doc_a,doc_b,relation")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["align", "missing-base.txt", "other.txt"], "missing-base.txt"),
        (["align", "{seed}", "{empty}"], "empty"),
        (["align", "{seed}", "{binary}"], "binary"),
        (["align", "{seed}", "{seed}", "--threshold", "5"], "between 0 and 1"),
        (["align", "{seed}"], "the following arguments are required"),
    ],
)
def test_user_errors_exit_2_with_one_line(args, message, tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    seed = sample_paths()[0]
    filled = [a.format(seed=seed, empty=empty, binary=binary) for a in args]
    assert run(filled) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err and message in err[-1]
    assert "Traceback" not in "\n".join(err)


def run(args: list[str]) -> int:
    """Exit status as the shell sees it (argparse reports usage errors by raising SystemExit)."""
    try:
        return main(args)
    except SystemExit as exc:
        return int(exc.code or 0)


def test_console_entry_point_runs_without_qt(tmp_path):
    """The CLI never loads Qt, so it works on a server without display libraries."""
    code = (
        "import sys\n"
        "from compare.launcher import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit as exc:\n    assert exc.code == 0\n"
        "main(['align', sys.argv[1], sys.argv[2], '--quiet'])\n"
        "assert 'PySide6' not in sys.modules, 'the command line loaded Qt'\n"
    )
    seed, other = sample_paths()[:2]
    proc = subprocess.run([sys.executable, "-c", code, str(seed), str(other)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "narrative-compare" in proc.stdout and " agree, " in proc.stdout
