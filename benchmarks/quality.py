"""Score the engine (lexical, lexical+semantic) and a plain baseline on a gold corpus; print a Markdown table.

usage: python benchmarks/quality.py [CORPUS_DIR]   (default ../shared/corpus; exits 0 with a note if absent)
Each method runs in its own process so that its time (model load included) and peak memory are its own.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from baseline import baseline_contract  # noqa: E402

from compare import workflows  # noqa: E402
from compare.align.semantic import SemanticUnavailable  # noqa: E402
from compare.model import AlignSettings, Document  # noqa: E402
from compare.report.contract import to_contract  # noqa: E402

METRICS = ("link_f1", "contradiction_f1", "omission_macro_f1", "only_in_other_macro_f1")
METHODS = {
    "lexical": "engine, lexical (`--no-semantic`)",
    "semantic": "engine, lexical + semantic (default)",
    "baseline": "baseline: regex sentences + difflib + assignment",
}


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


def run_one(method: str, corpus: Path) -> dict:
    docs = corpus_documents(corpus)
    t = time.perf_counter()
    if method == "baseline":
        contract = baseline_contract(docs)
    else:
        contract = to_contract(workflows.align(docs, AlignSettings(semantic=method == "semantic")))
    elapsed = time.perf_counter() - t
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"scores": score(contract, corpus), "seconds": elapsed, "peak_mb": peak_mb}


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    corpus = Path(args[0] if args else Path(__file__).resolve().parents[2] / "shared" / "corpus")
    if not (corpus / "score.py").is_file():
        print(f"no corpus at {corpus}: nothing to measure")
        return 0
    if "--one" in sys.argv:
        method = sys.argv[sys.argv.index("--one") + 1]
        try:
            print(json.dumps(run_one(method, corpus)))
        except SemanticUnavailable as exc:
            print(json.dumps({"unavailable": str(exc)}))
        return 0
    print(
        "| method | link F1 | contradiction F1 | omission macro-F1 | only-in-other macro-F1 | time | peak memory |"
    )
    print("|---|---|---|---|---|---|---|")
    kinds = {}
    for method, label in METHODS.items():
        out = subprocess.run([sys.executable, __file__, str(corpus), "--one", method],
                             capture_output=True, text=True, check=True).stdout  # fmt: skip
        r = json.loads(out.strip().splitlines()[-1])
        if "unavailable" in r:
            print(f"| {label} | not installed: {r['unavailable']} | | | | | |")
            continue
        s = r["scores"]
        kinds[method] = s["contradiction_found_by_kind"]
        print(f"| {label} | " + " | ".join(f"{s[m]:.3f}" for m in METRICS)
              + f" | {r['seconds']:.2f} s | {r['peak_mb']:.0f} MB |")  # fmt: skip
    print()
    for method, k in kinds.items():
        if method != "baseline":
            print(f"contradictions found by kind ({method}): {json.dumps(k)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
