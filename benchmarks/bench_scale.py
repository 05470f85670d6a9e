"""Cost of large inputs: time and peak memory of aligning big document pairs (lexical engine).

usage: python benchmarks/bench_scale.py [CASE ...]      (cases: paragraphs, words197k, words400k; default all)
Each case runs in its own process, so its peak resident memory (getrusage ru_maxrss) is its own. Documents
are synthetic, made from the bundled sample's words and sentences (shuffled, lightly changed), so the
numbers do not depend on ../shared:
- paragraphs: two documents of 20,000 two-word paragraphs each (every paragraph is a claim);
- words197k: a pair of documents of 98,500 words each (197,000 words together);
- words400k: a pair just under the per-document limit, 199,000 words each.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_engine import sentence_pool, synthetic  # noqa: E402

from compare.align.engine import compare  # noqa: E402
from compare.model import Document  # noqa: E402
from compare.text.normalize import content_tokens  # noqa: E402
from compare.workflows import load_sample  # noqa: E402

CASES = ("paragraphs", "words197k", "words400k")


def two_word_paragraphs(vocab: list[str], count: int, rng: random.Random, doc_id: str) -> Document:
    paras = [f"{rng.choice(vocab).capitalize()} {rng.choice(vocab)}." for _ in range(count)]
    return Document(doc_id, doc_id, "\n\n".join(paras))


def documents(case: str) -> list[Document]:
    rng = random.Random(7)
    pool = sentence_pool(load_sample())
    if case == "paragraphs":
        vocab = sorted({w for s in pool for w in s.split() if w.isalpha() and content_tokens(w)})
        return [two_word_paragraphs(vocab, 20_000, rng, f"d{k}") for k in range(2)]
    words = {"words197k": 98_500, "words400k": 199_000}[case]
    return [synthetic(pool, words, rng, f"d{k}") for k in range(2)]


def run_one(case: str) -> dict:
    docs = documents(case)
    t = time.perf_counter()
    result = compare(docs)
    seconds = time.perf_counter() - t
    return {
        "case": case,
        "words": sum(len(d.text.split()) for d in docs),
        "claims": len(result.claims),
        "links": len(result.links),
        "seconds": round(seconds, 1),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> int:
    if "--one" in sys.argv:
        print(json.dumps(run_one(sys.argv[sys.argv.index("--one") + 1])))
        return 0
    cases = [a for a in sys.argv[1:] if a in CASES] or list(CASES)
    print("| case | words | claims | links | time | peak memory |")
    print("|---|---|---|---|---|---|")
    for case in cases:
        out = subprocess.run([sys.executable, __file__, "--one", case], capture_output=True, text=True)
        if out.returncode:
            print(f"| {case} | failed: {out.stderr.strip().splitlines()[-1]} | | | | |")
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"| {case} | {r['words']:,} | {r['claims']:,} | {r['links']:,} | {r['seconds']} s | {r['peak_mb']:,} MB |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
