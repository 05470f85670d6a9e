"""Guards for the trained contradiction reader: what turning rules-"agree" pairs above a threshold would do
to pairs it was not trained on.

usage: python benchmarks/nli_guards.py MODEL_DIR GUARD.jsonl THRESHOLD [THRESHOLD...] [--sick PATH]

GUARD.jsonl is benchmarks/nli_data.py's guard file: the battery pairs of its last three subjects (held back
from training) and the STS-B dev pairs scored >= 4. For each threshold: battery agreeing pairs turned into
contradictions (false) and contradicting pairs the rules missed that the reader finds, STS-B dev paraphrases
turned. ``--sick`` also counts SICK train entailments turned (SICK train IS training data: in-sample only).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from battery import judge  # noqa: E402
from nli_measure import Scorer  # noqa: E402

from compare.model import Relation  # noqa: E402


def main() -> int:
    argv = sys.argv[1:]
    sick = None
    if "--sick" in argv:
        i = argv.index("--sick")
        sick = Path(argv[i + 1])
        argv = argv[:i] + argv[i + 2 :]
    model, guard, thresholds = Path(argv[0]), Path(argv[1]), [float(x) for x in argv[2:]]
    rows = [json.loads(line) for line in guard.read_text(encoding="utf-8").splitlines()]
    if sick is not None:
        lines = sick.read_text(encoding="utf-8").splitlines()
        head = lines[0].split("\t")
        for line in lines[1:]:
            r = dict(zip(head, line.split("\t"), strict=False))
            if r.get("label") == "ENTAILMENT":
                rows.append({"a": r["sentence1"], "b": r["sentence2"], "label": 0, "source": "sick-entail"})
    scorer = Scorer(model / "model.int8.onnx")
    for r in rows:
        r["rules"] = judge(r["a"], r["b"])[0] is Relation.CONTRADICT
    probs = scorer([(r["a"], r["b"]) for r in rows])
    for r, p in zip(rows, probs, strict=True):
        r["p"] = p
    for t in thresholds:
        print(f"threshold {t}:")
        for source in sorted({r["source"] for r in rows}):
            mine = [r for r in rows if r["source"] == source]
            for label in (0, 1):
                part = [r for r in mine if r["label"] == label]
                if not part:
                    continue
                rules = sum(r["rules"] for r in part)
                turned = sum((not r["rules"]) and r["p"] >= t for r in part)
                what = "contradicting" if label else "agreeing"
                print(f"- {source} {what} {len(part)}: rules call {rules} contradictions; the reader turns "
                      f"{turned} more ({(rules + turned) / len(part):.1%} in all)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
