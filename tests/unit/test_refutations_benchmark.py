"""benchmarks/refutations.py on invented stance files: it splits by headline, counts a refuting article as
found and a reporting one as not, and says in one line when the data is absent."""

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import refutations  # noqa: E402

HEADLINES = [f"Giant eel number {n} photographed in the Lowbridge canal" for n in range(12)]
REFUTING = (
    "A picture of a giant eel in the Lowbridge canal spread online. The story is a hoax, a biologist said."
)
REPORTING = "A picture of a giant eel in the Lowbridge canal spread online. Anglers hope to see it again."


def _write(folder: Path) -> None:
    with (folder / refutations.BODIES).open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerows([["Body ID", "articleBody"], ["1", REFUTING], ["2", REPORTING]])
    with (folder / refutations.STANCES).open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Headline", "Body ID", "Stance"])
        for h in HEADLINES:
            w.writerows([[h, "1", "disagree"], [h, "2", "discuss"], [h, "2", "unrelated"]])


def test_the_benchmark_finds_the_refuting_article_and_not_the_reporting_one(tmp_path, capsys):
    _write(tmp_path)
    pairs = refutations.load(tmp_path)
    assert pairs is not None and len(pairs) == 2 * len(HEADLINES)  # "unrelated" pairs are left out
    halves = {p.half for p in pairs}
    assert halves <= {"fit", "heldout"} and all(
        p.half == q.half for p in pairs for q in pairs if p.headline == q.headline
    )
    assert refutations.main([str(tmp_path), "--no-semantic", "--per-class", "3"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("| fit | disputes")]
    assert rows and "| 3/3 = 1.00 | 0/3 = 0.000 |" in rows[0]


def test_absent_data_is_one_line_and_no_error(tmp_path, capsys):
    assert refutations.main([str(tmp_path / "missing"), "--no-semantic"]) == 0
    assert capsys.readouterr().out.strip().count("\n") == 0
