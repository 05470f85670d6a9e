"""Meaning-level matching speed: the bundled sample (seed + 3 accounts) aligned with the semantic scorer.

usage: python benchmarks/bench_semantic.py [--runs N] [--settings]

Prints, over N runs each (median, min, max, in seconds):
  cold     a new Python process: imports, reading the sample, loading the model, embedding, aligning
           (what one `narrative-compare align ... ` run or the app's first alignment costs)
  load     the model load inside those cold runs (sha256 check, tokenizer, onnxruntime session)
  CPU      the CPU time of those cold runs, all threads: less sensitive to other jobs than the wall time
  warm     a second alignment in the same process with the model loaded but an empty embedding cache
  project  a saved project re-aligned in a new process: embeddings from the file, no model load
  cached   the same alignment again, every embedding in the session cache (the app re-aligning)
  lexical  the same alignment without the semantic scorer, for comparison
--settings also times the embedding alone under alternative onnxruntime settings (threads, spin-waiting),
interleaved so that the machine's load hits them alike. Needs the semantic scorer's model installed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# One cold run, in a fresh interpreter: times from the first import to the finished comparison.
COLD = """
import json, time
start = time.perf_counter()
from compare import workflows
from compare.model import AlignSettings
docs = workflows.load_sample()
t = time.perf_counter()
workflows.embedder()
load = time.perf_counter() - t
result = workflows.align(docs, AlignSettings(semantic=True))
assert result.engine_version.endswith(workflows.embedder().model_id)
print(json.dumps({"total": time.perf_counter() - start, "load": load}))
"""


# A saved project re-aligned in a fresh interpreter: its claim embeddings come from the file, so the model
# need not be loaded at all (workflows.align checks the cache first).
PROJECT = """
import json, sys, time
start = time.perf_counter()
from compare import store, workflows
from compare.model import AlignSettings
cache = store.ProjectEmbeddingCache()
previous = store.open_comparison(sys.argv[1], embeddings=cache)
result = workflows.align(previous.documents, AlignSettings(semantic=True), cache=cache)
assert result.settings.semantic and not workflows._EMBEDDER, "the model was loaded"
print(json.dumps({"total": time.perf_counter() - start}))
"""


def stats(values: list[float]) -> str:
    return f"median {statistics.median(values):.3f}  min {min(values):.3f}  max {max(values):.3f}"


def child_env() -> dict[str, str]:
    return dict(
        os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    )


def cold_runs(runs: int) -> tuple[list[float], list[float], list[float]]:
    env = child_env()
    totals, loads, cpus = [], [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        out = subprocess.run([sys.executable, "-c", COLD], env=env, cwd=REPO, capture_output=True, text=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        if out.returncode != 0:
            raise SystemExit(f"cold run failed:\n{out.stderr.strip()}")
        got = json.loads(out.stdout.strip().splitlines()[-1])
        totals.append(got["total"])
        loads.append(got["load"])
    return totals, loads, cpus


def project_runs(runs: int) -> list[float]:
    """Re-aligning a saved project (with its embeddings) in a new process each time."""
    import tempfile

    from compare import store, workflows
    from compare.model import AlignSettings

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sample.ncproj"
        cache = store.ProjectEmbeddingCache()
        comparison = workflows.align(workflows.load_sample(), AlignSettings(semantic=True), cache=cache)
        store.save_comparison(path, comparison, embeddings=cache)
        totals = []
        for _ in range(runs):
            out = subprocess.run([sys.executable, "-c", PROJECT, str(path)], env=child_env(), cwd=REPO,
                                 capture_output=True, text=True)  # fmt: skip
            if out.returncode != 0:
                raise SystemExit(f"project run failed:\n{out.stderr.strip()}")
            totals.append(json.loads(out.stdout.strip().splitlines()[-1])["total"])
    return totals


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def warm_runs(runs: int) -> dict[str, list[float]]:
    from compare import workflows
    from compare.align.semantic import MemoryCache
    from compare.model import AlignSettings

    docs = workflows.load_sample()
    workflows.embedder()
    semantic, lexical = AlignSettings(semantic=True), AlignSettings(semantic=False)
    out: dict[str, list[float]] = {"warm": [], "cached": [], "lexical": []}
    for _ in range(runs):
        cache = MemoryCache()
        out["warm"].append(timed(lambda: workflows.align(docs, semantic, cache=cache)))  # noqa: B023
        out["cached"].append(timed(lambda: workflows.align(docs, semantic, cache=cache)))  # noqa: B023
        out["lexical"].append(timed(lambda: workflows.align(docs, lexical)))
    return out


def settings_runs(runs: int) -> None:
    """Embedding time of the sample's claims under alternative session settings, interleaved."""
    import onnxruntime

    from compare import workflows
    from compare.align import semantic
    from compare.align.engine import claims_of

    texts = [c.text for d in workflows.load_sample() for c in claims_of(d)]
    base = workflows.embedder()
    variants = {}
    for threads in sorted({1, semantic.cpu_count()}):
        for spin in (False, True):
            options = semantic.session_options(onnxruntime, threads=threads, spin=spin)
            emb = semantic.Embedder.__new__(semantic.Embedder)
            emb._tokenizer = base._tokenizer
            emb._session = onnxruntime.InferenceSession(
                str(semantic.find_model()), options, providers=["CPUExecutionProvider"]
            )
            variants[f"threads={threads} spin={int(spin)}"] = emb
    walls: dict[str, list[float]] = {k: [] for k in variants}
    cpus: dict[str, list[float]] = {k: [] for k in variants}
    for _ in range(runs):
        for name, emb in variants.items():
            c = time.process_time()
            walls[name].append(timed(lambda: emb.embed(texts)))  # noqa: B023
            cpus[name].append(time.process_time() - c)
    print(f"embedding {len(texts)} claims alone, by onnxruntime setting (wall s; cpu s median):")
    for name in variants:
        print(f"  {name:20s} {stats(walls[name])}   cpu {statistics.median(cpus[name]):.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--settings", action="store_true", help="also compare onnxruntime settings")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from compare.align.semantic import SemanticUnavailable, compute_threads, cpu_count

    try:
        from compare import workflows

        workflows.embedder()
    except SemanticUnavailable as exc:
        print(f"bench_semantic: {exc}", file=sys.stderr)
        return 2
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"sample with meaning-level matching, {args.runs} runs each, {cpu_count()} cores, load {load:.1f}, "
        f"{compute_threads()} onnxruntime thread(s)"
    )
    totals, loads, cpus = cold_runs(args.runs)
    print(f"cold (new process, end to end)  {stats(totals)}")
    print(f"  model load within it          {stats(loads)}")
    print(f"  CPU time (all threads)        {stats(cpus)}")
    print(f"saved project re-aligned, new process, embeddings from the file (no model load)  "
          f"{stats(project_runs(args.runs))}")  # fmt: skip
    for name, values in warm_runs(args.runs).items():
        label = {"warm": "warm (model loaded, no cache)", "cached": "cached (embeddings kept)",
                 "lexical": "lexical only (--no-semantic)"}[name]  # fmt: skip
        print(f"{label:32s}{stats(values)}")
    if args.settings:
        settings_runs(args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
