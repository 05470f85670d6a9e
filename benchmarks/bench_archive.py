"""Archive benchmark: grouping quality on real articles and throughput on Dask (docs/scale-out.md).

    python benchmarks/bench_archive.py quality DIR      # DIR: WikiRef220-style files named <topic>.<n>.txt
    python benchmarks/bench_archive.py throughput [--stories 300 | --folder DIR]

``quality`` splits every labelled subject's files in two (alternate files, sorted by name), chooses the
thresholds of both methods on one half and prints pairwise precision/recall/F1 on the other, both ways:
ours (MinHash LSH candidates, TF-IDF cosine, union-find with an average-link guard) beside a plain TF-IDF
connected-components baseline (every pair above one cosine threshold joined). No text of the set is kept.

``throughput`` runs the archive command's own code on a generated archive with 1 and 2 worker processes
(a LocalCluster started here and reached by its address, the ``--scheduler`` path) and prints articles/s,
stories/s and each worker's memory.
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "archive"))

from compare.archive.grouping import GroupingSettings, article_terms, group_articles  # noqa: E402
from compare.text.normalize import STOPWORDS  # noqa: E402

_LABEL = re.compile(r"^(.*?)[ .]*(?:\(\d+\)|\d+)\.txt$")


def pairwise(predicted: list[list[int]], gold: list[str]) -> tuple[float, float, float]:
    pred = {(a, b) for g in predicted for a in g for b in g if a < b}
    gold_pairs = {(a, b) for a, b in itertools.combinations(range(len(gold)), 2) if gold[a] == gold[b]}
    tp = len(pred & gold_pairs)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold_pairs) if gold_pairs else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_labelled(folder: Path) -> tuple[list[str], list[str], list[str]]:
    names, texts, labels = [], [], []
    for path in sorted(folder.glob("*.txt")):
        m = _LABEL.match(path.name)
        if not m:
            continue
        names.append(path.name)
        texts.append(path.read_text(encoding="utf-8", errors="replace"))
        labels.append(m.group(1).lower())
    return names, texts, labels


def split(labels: list[str]) -> tuple[list[int], list[int]]:
    dev, test = [], []
    seen: dict[str, int] = {}
    for i, label in enumerate(labels):
        (dev if seen.get(label, 0) % 2 == 0 else test).append(i)
        seen[label] = seen.get(label, 0) + 1
    return dev, test


def ours(texts: list[str], settings: GroupingSettings) -> list[list[int]]:
    terms = [article_terms("", t) for t in texts]
    grouping = group_articles(terms, [None] * len(texts), settings, texts=texts)
    return [list(s) for s in grouping.stories]


def baseline_matrix(texts: list[str]) -> np.ndarray:
    """Plain TF-IDF: lower-cased words less stop words, raw counts times idf, cosine of every pair."""
    docs = [[w for w in re.findall(r"[a-z0-9]+", t.lower()) if w not in STOPWORDS] for t in texts]
    vocab = {w: k for k, w in enumerate(sorted({w for d in docs for w in d}))}
    tf = np.zeros((len(docs), len(vocab)))
    for i, d in enumerate(docs):
        for w in d:
            tf[i, vocab[w]] += 1
    idf = np.log((1 + len(docs)) / (1 + (tf > 0).sum(axis=0))) + 1
    x = tf * idf
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
    return x @ x.T


def components(sim: np.ndarray, threshold: float) -> list[list[int]]:
    n = len(sim)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in zip(*np.nonzero(np.triu(sim >= threshold, 1)), strict=True):
        parent[find(int(i))] = find(int(j))
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def quality(folder: Path) -> None:
    """Two-fold: thresholds chosen on one half, scored on the other, both ways; then the shipped defaults."""
    _, texts, labels = load_labelled(folder)
    halves = split(labels)
    print(
        f"{len(texts)} articles, {len(set(labels))} labelled subjects; halves of {len(halves[0])} and {len(halves[1])}"
    )
    links = np.round(np.arange(0.1, 0.41, 0.025), 3)
    averages = np.round(np.arange(0.05, 0.21, 0.025), 3)
    cosines = np.round(np.arange(0.05, 0.71, 0.025), 3)
    for fit, held in ((0, 1), (1, 0)):
        fit_texts, fit_labels = [texts[i] for i in halves[fit]], [labels[i] for i in halves[fit]]
        held_texts, held_labels = [texts[i] for i in halves[held]], [labels[i] for i in halves[held]]
        best = max(
            (pairwise(ours(fit_texts, GroupingSettings(link=lk, average=av)), fit_labels)[2], lk, av)
            for lk in links
            for av in averages
            if av <= lk
        )
        fit_matrix = baseline_matrix(fit_texts)
        base_best = max((pairwise(components(fit_matrix, t), fit_labels)[2], t) for t in cosines)
        p, r, f = pairwise(ours(held_texts, GroupingSettings(link=best[1], average=best[2])), held_labels)
        bp, br, bf = pairwise(components(baseline_matrix(held_texts), base_best[1]), held_labels)
        print(f"fit on half {fit}, scored on half {held}:")
        print(f"  ours      link {best[1]:.3f} average {best[2]:.3f}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
        print(f"  baseline  cosine >= {base_best[1]:.3f}:          P {bp:.3f} R {br:.3f} F1 {bf:.3f}")
    d = GroupingSettings()
    for half in (0, 1):
        idx = halves[half]
        p, r, f = pairwise(ours([texts[i] for i in idx], d), [labels[i] for i in idx])
        print(
            f"shipped defaults (link {d.link}, average {d.average}) on half {half}: P {p:.3f} R {r:.3f} F1 {f:.3f}"
        )


# Generated stories share template sentences: the thresholds that recover them (tests/archive), so that the
# stories compared have the planted sizes (1 to 6 articles) rather than a few merged giants.
PLANTED = GroupingSettings(link=0.35, average=0.3)


def event_set(repo: Path) -> tuple[list[str], list[str]]:
    """A small event-level archive from the repository's development sets: each subject's base and its
    accounts are one story; every headline item is a story of its own; the test corpus, when present, too."""
    root = repo / "benchmarks" / "devsets"
    texts, labels = [], []
    for story in sorted(p for p in root.iterdir() if (p / "base.txt").is_file()):
        for path in [story / "base.txt", *sorted((story / "accounts").iterdir())]:
            texts.append(path.read_text(encoding="utf-8"))
            labels.append(story.name)
    for item in json.loads((root / "headlines" / "headlines.json").read_text(encoding="utf-8"))["items"]:
        if item.get("article"):  # items that point to another set's base would repeat it
            texts.append(f"{item['headline']}\n\n{item['article']}")
            labels.append(f"headline {item['id']}")
    corpus = repo.parent / "shared" / "corpus"
    if (corpus / "seed.txt").is_file():
        for path in [corpus / "seed.txt", *sorted((corpus / "accounts").iterdir())]:
            texts.append(path.read_text(encoding="utf-8"))
            labels.append("corpus")
    return texts, labels


def events(repo: Path) -> None:
    texts, labels = event_set(repo)
    print(f"event set: {len(texts)} articles, {len(set(labels))} stories (no dates)")
    d = GroupingSettings()
    p, r, f = pairwise(ours(texts, d), labels)
    print(f"  ours, shipped defaults (link {d.link}, average {d.average}): P {p:.3f} R {r:.3f} F1 {f:.3f}")
    matrix = baseline_matrix(texts)
    for threshold in (0.15, 0.175):
        bp, br, bf = pairwise(components(matrix, threshold), labels)
        print(f"  baseline cosine >= {threshold} (as fitted on WikiRef): P {bp:.3f} R {br:.3f} F1 {bf:.3f}")


def throughput(stories: int, folder: Path | None = None) -> None:
    from dask.distributed import Client, LocalCluster
    from planted_archive import planted_archive, write_jsonl

    from compare.archive.run import ArchiveOptions, run_archive

    with tempfile.TemporaryDirectory() as tmp:
        if folder is None:
            planted = planted_archive(stories=stories, per_story=(1, 6), seed=11)
            path, settings = write_jsonl(Path(tmp) / "a.jsonl", planted.records), PLANTED
        else:
            path, settings = folder, GroupingSettings()
        for workers in (1, 2):
            with LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as cluster:
                out = Path(tmp) / f"out{workers}"
                started = time.perf_counter()
                options = ArchiveOptions(scheduler=cluster.scheduler_address, grouping=settings)
                result = run_archive(path, out, options, err=io.StringIO())
                seconds = time.perf_counter() - started
                with Client(cluster) as client:
                    rss = client.run(lambda: __import__("psutil").Process().memory_info().rss)
                mem = ", ".join(f"{v / 2**20:.0f} MB" for v in rss.values())
                compared = result.compared
                print(
                    f"{workers} worker(s): {result.articles} articles, {result.stories} stories ({compared} compared) "
                    f"in {seconds:.1f} s = {result.articles / seconds:.1f} articles/s, {compared / seconds:.2f} "
                    f"compared stories/s (grouping {result.grouping_seconds:.1f} s of it); worker memory {mem}"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    q = sub.add_parser("quality")
    q.add_argument("folder", type=Path)
    t = sub.add_parser("throughput")
    t.add_argument("--stories", type=int, default=300)
    t.add_argument("--folder", type=Path, help="a folder of real articles instead of a generated archive")
    args = parser.parse_args()
    if args.what == "quality":
        quality(args.folder)
        events(Path(__file__).resolve().parents[1])
    else:
        throughput(args.stories, args.folder)


if __name__ == "__main__":
    main()
