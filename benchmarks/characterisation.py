"""How often the characterisation rules alone fire where they should not, and where they should.

usage: python benchmarks/characterisation.py [--sick PATH] [--stsb PATH...] [--verbose]

Counts, for ``polarity.antonym_differs`` (antonyms, negative prefixes) and ``stance.stance_differs`` (degree
and evaluation scales), each on its own (not the whole relation): the STS-B pairs rated as
paraphrases (score >= 4), SICK's ENTAILMENT and CONTRADICTION pairs, the typed battery's agreeing
paraphrases, and the agreeing gold pairs of the development sets judged directly (fit and held-out, pooled
counts only: the held-out texts are never printed). ``--verbose`` prints the public pairs that fire (STS-B,
SICK, battery), for looking into a figure.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from battery import battery  # noqa: E402
from devkit import load_devsets  # noqa: E402

from compare.align.polarity import antonym_differs  # noqa: E402
from compare.align.stance import stance_differs  # noqa: E402

RULES = {
    "an antonym characterisation": lambda a, b: antonym_differs(a, b)[0],
    "a stance characterisation": stance_differs,
}

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "pairs"


def _table(path: Path) -> tuple[dict[str, int], list[list[str]]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {name: n for n, name in enumerate(lines[0].split("\t"))}, [line.split("\t") for line in lines[1:]]


def stsb(path: Path, floor: float = 4.0) -> Iterator[tuple[str, str]]:
    col, rows = _table(path)
    for c in rows:
        if len(c) > 2 and float(c[col["score"]]) >= floor:
            yield c[col["sentence1"]], c[col["sentence2"]]


def sick(path: Path, label: str) -> Iterator[tuple[str, str]]:
    col, rows = _table(path)
    a, b = col.get("sentence_A", col.get("sentence1", 1)), col.get("sentence_B", col.get("sentence2", 2))
    lab = col.get("entailment_label", col.get("label", 0))
    for c in rows:
        if len(c) > max(a, b, lab) and c[lab].strip().upper() == label:
            yield c[a], c[b]


def gold_agreeing(split: str) -> Iterator[tuple[str, str]]:
    for s in load_devsets(split):
        for account, m in s.pairs():
            if m.relation != "contradict":
                yield s.base[m.base[0] : m.base[1]], account.text[m.other[0] : m.other[1]]


def gold_contradicting(split: str) -> Iterator[tuple[str, str]]:
    for s in load_devsets(split):
        for account, m in s.pairs():
            if m.relation == "contradict":
                yield s.base[m.base[0] : m.base[1]], account.text[m.other[0] : m.other[1]]


def fires(
    pairs: Iterator[tuple[str, str]], rule: Callable[[str, str], str]
) -> tuple[int, list[tuple[str, str, str]]]:
    n, hits = 0, []
    for a, b in pairs:
        n += 1
        reason = rule(a, b)
        if reason:
            hits.append((reason, a, b))
    return n, hits


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    sick_path = Path(argv[argv.index("--sick") + 1]) if "--sick" in argv else SHARED / "sick-train.tsv"
    stsb_paths = [SHARED / "stsb-train.tsv", SHARED / "stsb-dev.tsv"]
    if "--stsb" in argv:
        stsb_paths = [Path(p) for p in argv[argv.index("--stsb") + 1 :] if not p.startswith("--")]
    public: list[tuple[str, Iterator[tuple[str, str]]]] = []
    for path in stsb_paths:
        if path.is_file():
            public.append((f"STS-B {path.name} paraphrases (score >= 4)", stsb(path)))
        else:
            print(f"no STS-B file at {path}: skipped")
    if sick_path.is_file():
        public.append(("SICK entailments", sick(sick_path, "ENTAILMENT")))
        public.append(("SICK contradictions (found, not false)", sick(sick_path, "CONTRADICTION")))
    else:
        print(f"no SICK file at {sick_path}: skipped")
    public.append(("battery agreeing paraphrases", iter([(p.a, p.b) for p in battery() if not p.contradict])))
    public.append(("fit gold contradictions (found, not false)", gold_contradicting("fit")))
    for name, pairs in public:
        listed = list(pairs)
        for label, rule in RULES.items():
            n, hits = fires(iter(listed), rule)
            print(f"{name}: {len(hits)} of {n} get {label}")
            if verbose:
                for reason, a, b in hits:
                    print(f"    {reason} | {a} | {b}")
    for split in ("fit", "heldout"):
        listed = list(gold_agreeing(split))
        for label, rule in RULES.items():
            n, hits = fires(iter(listed), rule)
            print(f"dev sets, {split}, agreeing gold pairs (pooled): {len(hits)} of {n} get {label}")
            if verbose and split == "fit":
                for reason, a, b in hits:
                    print(f"    {reason} | {a} | {b}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
