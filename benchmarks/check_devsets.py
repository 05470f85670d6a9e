"""Check the gold files of the development sets: every substring found exactly once, labels valid, counts.

usage: python benchmarks/check_devsets.py [SET_DIR...]   (no argument: every set in benchmarks/devsets)
Exits 1 when any set has an error (the same checks run in tests/unit/test_devsets.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devkit import DEVSETS, check_devset, load_devset  # noqa: E402


def main(argv: list[str]) -> int:
    dirs = [Path(a) for a in argv] or sorted(p for p in DEVSETS.iterdir() if (p / "corpus.json").is_file())
    bad = 0
    for d in dirs:
        errs = check_devset(d)
        if not errs:
            s = load_devset(d)
            for a in s.accounts:
                contra = sum(m.relation == "contradict" for m in a.matches)
                print(
                    f"{d.name}/{a.slug}: {len(a.text.split())} words, {len(a.matches)} matches, {contra} contradictions"
                )
        for e in errs:
            print("   ", e)
        bad += bool(errs)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
