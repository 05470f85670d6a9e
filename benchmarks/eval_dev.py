"""Held-out evaluation on the development sets: the engine beside two plain baselines, per subject.

usage: python benchmarks/eval_dev.py [--no-semantic] [--shared DIR] [--json OUT.json]

Runs the engine (lexical; lexical + semantic when the semantic extra is installed) and the two baselines of
baseline.py on every set of benchmarks/devsets, and on ../shared/corpus when it is there (skipped when absent),
and prints Markdown tables: per held-out subject, per fit subject, pooled, and contradictions found by kind.
The baselines' thresholds are chosen on the fit split only (best pooled link F1 on a grid), then applied to
every set. Scores come from devkit.py (the metrics of the gold corpus's score.py, reimplemented).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
from baseline import assigned_contract, cosine_scores, difflib_scores, scored_pairs  # noqa: E402
from devkit import (  # noqa: E402
    SHARED_CORPUS,
    DevSet,
    Headline,
    Span,
    calibration,
    gold_totals,
    label_links,
    load_devsets,
    load_headlines,
    pool,
    score_accounts,
    score_headlines,
)

from compare import workflows  # noqa: E402
from compare.align.semantic import SemanticUnavailable  # noqa: E402
from compare.model import AlignSettings, Document  # noqa: E402
from compare.report.contract import to_contract  # noqa: E402

GRID = [round(float(t), 2) for t in np.arange(0.2, 0.951, 0.05)]
LABELS = {
    "lexical": "engine, lexical",
    "semantic": "engine, lexical + semantic",
    "difflib": "baseline: difflib + assignment",
    "minilm": "baseline: MiniLM cosine + assignment",
}
Rows = list[dict[str, Any]]


def engine_rows(sets: Sequence[DevSet], semantic: bool) -> dict[str, Rows]:
    settings = AlignSettings(semantic=semantic)
    return {s.name: score_accounts(to_contract(workflows.align(s.documents(), settings)), s) for s in sets}


def fitted_baseline_rows(
    sets: Sequence[DevSet], pair_scores: Callable[[list[str], list[str]], np.ndarray]
) -> tuple[float, dict[str, Rows]]:
    """Rows of a baseline at the threshold that gives the best pooled link F1 on the fit sets alone."""
    scored = {s.name: scored_pairs(s.documents(), pair_scores) for s in sets}

    def rows_at(t: float) -> dict[str, Rows]:
        return {s.name: score_accounts(assigned_contract(scored[s.name], t), s) for s in sets}

    fit = [s for s in sets if s.split == "fit"]

    def fit_f1(t: float) -> float:
        rows = rows_at(t)
        return pool(r for s in fit for r in rows[s.name])["link"][2]

    best = max(GRID, key=fit_f1)
    return best, rows_at(best)


def run(sets: Sequence[DevSet], semantic: bool) -> tuple[dict[str, dict[str, Rows]], dict[str, float]]:
    results = {"lexical": engine_rows(sets, False)}
    thresholds = {}
    thresholds["difflib"], results["difflib"] = fitted_baseline_rows(sets, difflib_scores)
    if semantic:
        try:
            embedder = workflows.embedder()
        except SemanticUnavailable as exc:
            print(
                f"semantic scorer not installed ({exc}): engine + semantic and the MiniLM baseline skipped\n"
            )
        else:
            results["semantic"] = engine_rows(sets, True)
            thresholds["minilm"], results["minilm"] = fitted_baseline_rows(
                sets, cosine_scores(embedder.embed)
            )
    order = [m for m in LABELS if m in results]
    return {m: results[m] for m in order}, thresholds


def _linked_spans(contract: dict[str, Any], doc: str) -> list[Span]:
    claim = {c["id"]: c for c in contract["claims"]}
    out = []
    for link in contract["links"]:
        for end in (claim[link["a"]], claim[link["b"]]):
            if end["doc"] == doc:
                out.append((end["start"], end["end"]))
    return out


def headline_results(
    heads: Sequence[Headline], semantic: bool, thresholds: dict[str, float]
) -> dict[str, dict[str, float]]:
    """Each headline as a one-claim base against every article: related F1 and carrying-sentence hits."""
    methods: dict[str, Callable[[list[Document]], dict[str, Any]]] = {
        "lexical": lambda d: to_contract(workflows.align(d, AlignSettings())),
        "difflib": lambda d: assigned_contract(scored_pairs(d, difflib_scores), thresholds["difflib"]),
    }
    if semantic and "minilm" in thresholds:
        embed = workflows.embedder().embed
        methods["semantic"] = lambda d: to_contract(workflows.align(d, AlignSettings(semantic=True)))
        methods["minilm"] = lambda d: assigned_contract(
            scored_pairs(d, cosine_scores(embed)), thresholds["minilm"]
        )
    out = {}
    for method in [m for m in LABELS if m in methods]:
        linked = {}
        for h in heads:
            for a in heads:
                docs = [Document("h", "headline", h.headline), Document("a", a.id, a.article)]
                linked[(h.id, a.id)] = _linked_spans(methods[method](docs), "a")
        out[method] = linked
    return out


def headline_report(semantic: bool, thresholds: dict[str, float]) -> list[str]:
    heads = load_headlines("all")
    if not heads:
        return []
    linked = headline_results(heads, semantic, thresholds)
    lines = ["### Headline finds its article (Wikinews headlines, each against every article)", "",
             "| split | method | related P / R / F1 | related pairs whose links hit the carrying sentence |",
             "|---|---|---|---|"]  # fmt: skip
    for split in ("heldout", "fit"):
        mine = [h for h in heads if h.split == split]
        for method, by_pair in linked.items():
            r = score_headlines(by_pair, mine, heads)
            lines.append(f"| {split} ({len(mine)} headlines x {len(heads)} articles) | {LABELS[method]} "
                         f"| {cell((r['precision'], r['recall'], r['f1']))} | {r['carrying']:.2f} |")  # fmt: skip
    return lines + [""]


def cell(t: tuple[float, float, float]) -> str:
    return f"{t[0]:.2f} / {t[1]:.2f} / **{t[2]:.2f}**"


def table(title: str, groups: list[tuple[str, list[str]]], results: dict[str, dict[str, Rows]]) -> list[str]:
    """One Markdown table: a block of rows (one per method) for each (label, set names) group."""
    out = [f"### {title}", "", "| set | method | pairs | link P / R / F1 | contradiction P / R / F1 "
           "| omission macro-F1 | only-in-other macro-F1 |", "|---|---|---|---|---|---|---|"]  # fmt: skip
    for label, names in groups:
        for method, by_set in results.items():
            p = pool(r for n in names for r in by_set[n])
            out.append(f"| {label} | {LABELS[method]} | {p['gold_pairs']} | {cell(p['link'])} | {cell(p['contra'])} "
                       f"| {p['omission_macro_f1']:.2f} | {p['only_in_other_macro_f1']:.2f} |")  # fmt: skip
    return out + [""]


def accounts_table(title: str, names: list[str], results: dict[str, dict[str, Rows]]) -> list[str]:
    """Per account of the named sets: link and contradiction P / R / F1 of every method."""
    out = [f"### {title}, per account", "", "| set / account | " + " | ".join(f"{LABELS[m]}: link, contradiction F1"
           for m in results) + " |", "|---|" + "---|" * len(results)]  # fmt: skip
    for name in names:
        first = next(iter(results.values()))[name]
        for k, row in enumerate(first):
            cells = []
            for by_set in results.values():
                p = pool([by_set[name][k]])
                cells.append(f"{p['link'][2]:.2f}, {p['contra'][2]:.2f}")
            out.append(f"| {name} / {row['account']} | " + " | ".join(cells) + " |")
    return out + [""]


def kinds(title: str, names: list[str], results: dict[str, dict[str, Rows]]) -> list[str]:
    out = [f"Contradictions found by kind, {title}:", ""]
    for method, by_set in results.items():
        if method in ("difflib", "minilm"):
            continue  # baselines label everything "agree"
        k = pool(r for n in names for r in by_set[n])["by_kind"]
        out.append(f"- {LABELS[method]}: " + ", ".join(f"{kind} {f}/{n}" for kind, (f, n) in k.items()))
    return out + [""]


def report(
    sets: Sequence[DevSet],
    results: dict[str, dict[str, Rows]],
    thresholds: dict[str, float],
    per_account: bool = False,
) -> str:
    held = [s.name for s in sets if s.split == "heldout"]
    fit = [s.name for s in sets if s.split == "fit"]
    seed = [s.name for s in sets if s.split == "seed"]
    lines = []
    n, c = gold_totals([s for s in sets if s.split != "seed"])
    lines.append(
        f"Development sets: {len(held) + len(fit)} subjects, {n} gold claim pairs ({c} contradictions)."
    )
    lines.append("Baseline thresholds chosen on the fit split: "
                 + ", ".join(f"{m} {t:.2f}" for m, t in thresholds.items()) + ".")  # fmt: skip
    lines.append("")
    if held:
        lines += table(
            "Held-out subjects", [(h, [h]) for h in held] + [("**pooled held-out**", held)], results
        )
        lines += kinds("held-out pooled", held, results)
        if per_account:
            lines += accounts_table("Held-out subjects", held, results)
    if fit:
        lines += table("Fit subjects (used for fitting; not a measure)", [(f, [f]) for f in fit]
                       + [("pooled fit", fit)], results)  # fmt: skip
        lines += kinds("fit pooled", fit, results)
    if seed:
        lines += table(
            "Seed corpus (../shared/corpus; measured, never tuned to)", [("seed corpus", seed)], results
        )
        lines += kinds("seed corpus", seed, results)
    return "\n".join(lines)


def calibration_report(sets: Sequence[DevSet], semantic: bool) -> list[str]:
    """Reliability of the engine's link confidence on the held-out subjects, when the contract carries one."""
    held = [s for s in sets if s.split == "heldout"]
    labels = [lb for s in held for lb in label_links(to_contract(workflows.align(s.documents(),
                                                     AlignSettings(semantic=semantic))), s)]  # fmt: skip
    bins, ece = calibration(labels)
    if not bins:
        return ["(the result contract carries no link confidence: no reliability table)", ""]
    lines = ["### Link confidence on the held-out subjects (right = counterpart and relation as in gold)", "",
             "| confidence | links | mean confidence | measured precision |", "|---|---|---|---|"]  # fmt: skip
    for b in bins:
        lines.append(
            f"| {b.low:.1f}–{b.high:.1f} | {b.count} | {b.mean_confidence:.2f} | {b.precision:.2f} |"
        )
    return lines + ["", f"Expected calibration error: {ece:.3f} over {sum(b.count for b in bins)} links.", ""]


def as_json(
    sets: Sequence[DevSet], results: dict[str, dict[str, Rows]], thresholds: dict[str, float]
) -> dict:
    out: dict[str, Any] = {"thresholds": thresholds, "sets": {}}
    for s in sets:
        out["sets"][s.name] = {"split": s.split}
        for method, by_set in results.items():
            p = pool(by_set[s.name])
            out["sets"][s.name][method] = {k: p[k] for k in ("link", "contra", "omission_macro_f1",
                                                             "only_in_other_macro_f1", "by_kind", "gold_pairs")}  # fmt: skip
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--no-semantic", action="store_true", help="skip the engine's semantic mode and the MiniLM baseline"
    )
    ap.add_argument(
        "--shared", type=Path, default=SHARED_CORPUS, help="the gold corpus (skipped when absent)"
    )
    ap.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    ap.add_argument("--accounts", action="store_true", help="also print held-out figures per account")
    args = ap.parse_args(argv)
    sets = load_devsets("all", shared=args.shared)
    results, thresholds = run(sets, semantic=not args.no_semantic)
    print(report(sets, results, thresholds, per_account=args.accounts))
    print("\n".join(headline_report(semantic="minilm" in thresholds, thresholds=thresholds)))
    print("\n".join(calibration_report(sets, semantic="minilm" in thresholds)))
    if args.json:
        args.json.write_text(json.dumps(as_json(sets, results, thresholds), indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
