"""Score the engine and the plain baseline on a corpus with gold alignments; print a Markdown table.

usage: python benchmarks/quality.py [CORPUS_DIR]   (default ../shared/corpus; exits 0 with a note if absent)
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from baseline import baseline_contract  # noqa: E402

from compare.align.engine import compare  # noqa: E402
from compare.model import Document  # noqa: E402
from compare.report.contract import to_contract  # noqa: E402

METRICS = ("link_f1", "contradiction_f1", "omission_macro_f1", "only_in_other_macro_f1")


def corpus_documents(corpus: Path) -> list[Document]:
    meta = json.loads((corpus / "corpus.json").read_text(encoding="utf-8"))
    docs = [Document("d0", "base", (corpus / meta["base"]).read_text(encoding="utf-8"))]
    for n, acc in enumerate(meta["accounts"], 1):
        docs.append(Document(f"d{n}", acc["slug"], (corpus / acc["file"]).read_text(encoding="utf-8")))
    return docs


def score(contract: dict, corpus: Path) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(contract, f)
    out = subprocess.run([sys.executable, str(corpus / "score.py"), f.name, str(corpus), "--quiet"],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    Path(f.name).unlink()
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    corpus = Path(
        sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "corpus"
    )
    if not (corpus / "score.py").is_file():
        print(f"no corpus at {corpus}: nothing to measure")
        return 0
    docs = corpus_documents(corpus)
    rows = []
    for name, run in (("engine (lexical)", lambda: to_contract(compare(docs))),
                      ("baseline: regex + difflib + assignment", lambda: baseline_contract(docs))):  # fmt: skip
        t = time.perf_counter()
        contract = run()
        elapsed = time.perf_counter() - t
        rows.append((name, score(contract, corpus), elapsed))
    print("| method | link F1 | contradiction F1 | omission macro-F1 | only-in-other macro-F1 | time |")
    print("|---|---|---|---|---|---|")
    for name, s, elapsed in rows:
        print(f"| {name} | " + " | ".join(f"{s[m]:.3f}" for m in METRICS) + f" | {elapsed:.2f} s |")
    print()
    print("contradictions found by kind (engine):", json.dumps(rows[0][1]["contradiction_found_by_kind"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
