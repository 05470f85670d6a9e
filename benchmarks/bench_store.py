"""Project-file speed: save and open of 50 documents with 10,000 claims, full-text search, check, merge.

usage: python benchmarks/bench_store.py [--quick]
The comparison is synthetic (tests/helpers/synthetic.py), so the numbers do not depend on the engine. Prints
one line per case: seconds (median of N runs) and, for the file, its size. Numbers go in docs/project-file.md.
"""

from __future__ import annotations

import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np

from compare.model import Annotation, LinkStatus
from compare.store import (
    ProjectEmbeddingCache,
    check_file,
    merge_comparisons,
    open_comparison,
    save_comparison,
    search_claims,
)
from compare.store.read import sha256_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # the test data is not in the package
from helpers.synthetic import synthetic_comparison  # noqa: E402

DOCUMENTS, CLAIMS = 50, 10_000
QUERIES = ("people Kherson", "refug", "governor denied", "September 12", "vehicles left Odesa")


def median_of(n: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    runs = 3 if "--quick" in argv else 7
    comparison = synthetic_comparison(DOCUMENTS, CLAIMS, seed=0)
    reviewed = tuple(
        replace(lk, status=LinkStatus.CONFIRMED, created_by="ana") if i % 10 == 0 else lk
        for i, lk in enumerate(comparison.links)
    )
    notes = tuple(Annotation(c.id, note="check", author="ana") for c in comparison.claims[::50])
    comparison = replace(comparison, links=reviewed, annotations=notes)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}"
    )
    print(
        f"project: {len(comparison.documents)} documents, {len(comparison.claims):,} claims, "
        f"{len(comparison.links):,} links, {len(comparison.annotations)} annotations, "
        f"{sum(len(d.text) for d in comparison.documents):,} characters"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.ncproj"
        print(f"save (atomic, with .bak) {median_of(runs, lambda: save_comparison(path, comparison)):.3f} s")
        print(f"file size                {path.stat().st_size / 1e6:.1f} MB")
        print(f"open (all checks)        {median_of(runs, lambda: open_comparison(path)):.3f} s")
        print(f"check_file               {median_of(runs, lambda: check_file(path)):.3f} s")
        for query in QUERIES:
            hits = len(search_claims(path, query))
            seconds = median_of(runs * 3, lambda q=query: search_claims(path, q))
            print(f"search {query!r:24} {seconds * 1000:.1f} ms ({hits} claims, including the file checks)")
        conn = sqlite3.connect(path)
        seconds = median_of(runs * 3, lambda: search_claims(conn, "people Kherson"))
        print(f"search on an open connection {seconds * 1000:.1f} ms")
        conn.close()
        other = replace(comparison, annotations=tuple(replace(n, author="bruno") for n in notes))
        print(
            f"merge (in memory)        {median_of(runs, lambda: merge_comparisons(comparison, other)):.3f} s"
        )
        cache = ProjectEmbeddingCache()
        rng = np.random.default_rng(0)
        cache.put_many(
            "bench-model",
            {sha256_text(c.text): rng.standard_normal(384).astype(np.float32) for c in comparison.claims},
        )
        vectors = f"with {cache.count():,} cached embeddings"
        seconds = median_of(runs, lambda: save_comparison(path, comparison, embeddings=cache))
        print(f"save {vectors} {seconds:.3f} s, file {path.stat().st_size / 1e6:.1f} MB")
        seconds = median_of(runs, lambda: open_comparison(path, embeddings=ProjectEmbeddingCache()))
        print(f"open {vectors} {seconds:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
