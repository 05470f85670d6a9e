"""Training and guard pairs for the trained contradiction reader (benchmarks/train_contradiction.py).

usage: python benchmarks/nli_data.py OUT_DIR [--pairs DIR] [--linked]

Writes ``train.jsonl`` and ``guard.jsonl`` ({"a", "b", "label" 1 = contradiction, "source", "group"}) to OUT_DIR
(outside the repository: the public pairs are never copied into it). What goes where:

- train: SICK train (CONTRADICTION = 1, ENTAILMENT and NEUTRAL = 0); STS-B train pairs scored >= 4 (0); the gold
  pairs of the FIT development subjects (contradict = 1, agree = 0; ``group`` is the subject, for
  cross-validation by subject); the battery's pairs of the first five of its eight invented subjects.
- with ``--linked`` also (source "fit-linked") every base-account link the engine draws on the fit subjects,
  as the engine cuts its claims: 1 when it overlaps a gold contradiction, else 0.
- guard (never trained on): the battery's pairs of its last three subjects; STS-B dev pairs scored >= 4.

The held-out development subjects are never read here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from battery import SUBJECTS, battery  # noqa: E402
from devkit import label_links, load_devsets  # noqa: E402

from compare import workflows  # noqa: E402
from compare.model import AlignSettings  # noqa: E402
from compare.report.contract import to_contract  # noqa: E402

PAIRS = Path(__file__).resolve().parents[2] / "shared" / "pairs"
GUARD_SUBJECTS = 3  # the battery's last three subjects are held back as a guard


def _tsv(path: Path) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t")
    return [dict(zip(head, line.split("\t"), strict=False)) for line in lines[1:] if line.strip()]


def subject_of(a: str, b: str) -> int:
    """The battery subject whose own words the pair carries; -1 when none or several (kept as guard)."""
    text = f"{a} {b}".lower()
    hits = {
        n
        for n, s in enumerate(SUBJECTS)
        if any(w.lower() in text for w in (s.actor, s.object, s.place, s.happening))
    }
    return hits.pop() if len(hits) == 1 else -1


def linked_rows() -> list[dict]:
    """The engine's own base-account links on the fit subjects (with meaning), labelled by the gold."""
    out = []
    for s in load_devsets("fit"):
        contract = to_contract(workflows.align(s.documents(), AlignSettings(semantic=True)))
        text = {c["id"]: c["text"] for c in contract["claims"]}
        for lb in label_links(contract, s):
            out.append({"a": text[lb.link["a"]], "b": text[lb.link["b"]],
                        "label": int(lb.gold_relation == "contradict"), "source": "fit-linked", "group": s.name})  # fmt: skip
    return out


def rows(pairs: Path) -> tuple[list[dict], list[dict]]:
    train: list[dict] = []
    guard: list[dict] = []
    for r in _tsv(pairs / "sick-train.tsv"):
        train.append({"a": r["sentence1"], "b": r["sentence2"], "label": int(r["label"] == "CONTRADICTION"),
                      "source": "sick", "group": ""})  # fmt: skip
    for name, out in (("stsb-train.tsv", train), ("stsb-dev.tsv", guard)):
        for r in _tsv(pairs / name):
            if float(r["score"]) >= 4:
                out.append({"a": r["sentence1"], "b": r["sentence2"], "label": 0, "source": name[:-4],
                            "group": ""})  # fmt: skip
    for s in load_devsets("fit"):
        for acc, m in s.pairs():
            train.append({"a": s.base[m.base[0] : m.base[1]], "b": acc.text[m.other[0] : m.other[1]],
                          "label": int(m.relation == "contradict"), "source": "fit", "group": s.name})  # fmt: skip
    cut = len(SUBJECTS) - GUARD_SUBJECTS
    for p in battery():
        n = subject_of(p.a, p.b)
        row = {"a": p.a, "b": p.b, "label": int(p.contradict), "source": "battery", "group": p.kind}
        (train if 0 <= n < cut else guard).append(row)
    return train, guard


def main() -> int:
    out = Path(sys.argv[1])
    pairs = Path(sys.argv[sys.argv.index("--pairs") + 1]) if "--pairs" in sys.argv else PAIRS
    out.mkdir(parents=True, exist_ok=True)
    train, guard = rows(pairs)
    if "--linked" in sys.argv:
        train += linked_rows()
    for name, data in (("train", train), ("guard", guard)):
        with (out / f"{name}.jsonl").open("w", encoding="utf-8") as f:
            for r in data:
                f.write(json.dumps(r) + "\n")
        by: dict[tuple[str, int], int] = {}
        for r in data:
            by[(r["source"], r["label"])] = by.get((r["source"], r["label"]), 0) + 1
        print(name, len(data), dict(sorted(by.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
