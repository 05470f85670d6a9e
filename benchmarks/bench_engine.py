"""Engine speed: the sample end to end, 50 accounts of ~1,000 words, and a 50,000-word pair.

usage: python benchmarks/bench_engine.py [--quick]
Synthetic accounts are made from the bundled sample's sentences, shuffled and lightly changed, so the
numbers do not depend on ../shared. Prints one line per case: seconds (best of N) and claim pairs scored.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable

from compare.align.engine import claims_of, compare
from compare.model import Document
from compare.text.segment import segment
from compare.workflows import load_sample


def best_of(n: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def sentence_pool(docs: list[Document]) -> list[str]:
    return [d.text[s.start : s.end] for d in docs for s in segment(d.text)]


def synthetic(pool: list[str], words: int, rng: random.Random, doc_id: str) -> Document:
    out: list[str] = []
    count = 0
    while count < words:
        s = rng.choice(pool)
        if rng.random() < 0.3:  # reword a little: drop a word, change a number
            ws = s.split()
            if len(ws) > 6:
                del ws[rng.randrange(len(ws))]
            s = " ".join(str(rng.randint(2, 900)) if w.isdigit() else w for w in ws)
        out.append(s)
        count += len(s.split())
    paras = [" ".join(out[i : i + 4]) for i in range(0, len(out), 4)]
    return Document(doc_id, doc_id, "\n\n".join(paras))


def main() -> int:
    quick = "--quick" in sys.argv
    rng = random.Random(7)
    sample = load_sample()
    pool = sentence_pool(sample)
    n_claims = sum(len(claims_of(d)) for d in sample)
    t = best_of(3, lambda: compare(sample))
    print(f"sample (seed + {len(sample) - 1} accounts, {n_claims} claims): {t:.3f} s")

    base = sample[0]
    many = [base] + [synthetic(pool, 1000, rng, f"d{i}") for i in range(1, 51 if not quick else 11)]
    pairs = len(claims_of(base)) * sum(len(claims_of(d)) for d in many[1:])
    t = best_of(1, lambda: compare(many))
    print(
        f"{len(many) - 1} accounts of ~1,000 words: {t:.2f} s ({pairs:,} claim pairs, {t / pairs * 1e6:.2f} µs/pair)"
    )

    words = 50_000 if not quick else 10_000
    left = synthetic(pool, words, rng, "d0")
    right = synthetic(pool, words, rng, "d1")
    pairs = len(claims_of(left)) * len(claims_of(right))
    t = best_of(1, lambda: compare([left, right]))
    print(f"{words:,}-word pair: {t:.2f} s ({pairs:,} claim pairs, {t / pairs * 1e6:.2f} µs/pair)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
