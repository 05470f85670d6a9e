"""Measure a trained contradiction reader on the pairs the engine links, before wiring it into the engine.

usage: python benchmarks/nli_measure.py --full DIR --fold DIR:subj,subj,... [--fold ...] [--cache DIR]
                                        [--guard GUARD.jsonl] [--no-semantic]

Each DIR holds a ``model.int8.onnx`` of benchmarks/train_contradiction.py. The engine runs on every development
set (its result cached in --cache); every base-account link it calls "agree", and every rank-1 review
candidate of a base claim left unlinked in that account that the rules would call "agree", is read by the
model: a fit subject by the fold model that did not train on it (cross-validation by subject), a held-out
subject by the full model. A threshold is chosen on the fit subjects alone (the lowest whose turned pairs are
right >= 90% of the time), then the pooled figures are scored with eval_dev's own matching (devkit.score_accounts)
as if pairs above it were contradictions. Held-out subjects: counts only, no text is printed.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
from devkit import DevSet, _hits, _oriented_links, load_devsets, pool, score_accounts  # noqa: E402
from nli_encode import encode_pair, pad  # noqa: E402

from compare import workflows  # noqa: E402
from compare.align.judge import judge  # noqa: E402
from compare.align.wordpiece import WordPiece  # noqa: E402
from compare.model import AlignSettings, Claim, Relation  # noqa: E402
from compare.report.contract import to_contract  # noqa: E402
from compare.text.facts import extract  # noqa: E402

TOKENIZER = (
    Path(__file__).resolve().parents[1] / "resources" / "models" / "all-MiniLM-L6-v2" / "tokenizer.json"
)
GRID = [round(x, 3) for x in np.arange(0.5, 0.999, 0.01)]


class Scorer:
    def __init__(self, path: Path) -> None:
        import onnxruntime

        opts = onnxruntime.SessionOptions()
        opts.intra_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        self.tok = WordPiece.from_file(TOKENIZER, max_length=512)

    def __call__(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        out: list[float] = []
        enc = [encode_pair(self.tok, a, b) for a, b in pairs]
        for i in range(0, len(enc), 32):
            ids, mask, types = pad(enc[i : i + 32])
            logits = self.session.run(None, {"input_ids": np.array(ids, dtype=np.int64),
                                             "attention_mask": np.array(mask, dtype=np.int64),
                                             "token_type_ids": np.array(types, dtype=np.int64)})[0]  # fmt: skip
            z = logits - logits.max(axis=1, keepdims=True)
            p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
            out.extend(float(x) for x in p[:, 1])
        return out


def contract_of(s: DevSet, semantic: bool, cache: Path) -> dict[str, Any]:
    path = cache / ("semantic" if semantic else "lexical") / f"{s.name}.json"
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    c = to_contract(workflows.align(s.documents(), AlignSettings(semantic=semantic)))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(c), encoding="utf-8")
    return c


def _claim(c: dict[str, Any]) -> Claim:
    return Claim(c["id"], c["doc"], 0, len(c["text"]), c["text"], extract(c["text"]))


def read_pairs(s: DevSet, contract: dict[str, Any], scorer: Scorer) -> dict[str, list[dict[str, Any]]]:
    """Linked "agree" pairs and rank-1 candidates the rules call "agree", each with the model's probability
    and whether it hits a gold contradiction / any gold match (used for fit subjects only)."""
    claims = {c["id"]: c for c in contract["claims"]}
    base_id = contract["documents"][0]["id"]
    out: dict[str, list[dict[str, Any]]] = {"linked": [], "candidate": []}
    for n, acc in enumerate(s.accounts, 1):
        other_id = contract["documents"][n]["id"]
        gc = [g for g in acc.matches if g.relation == "contradict"]
        oriented = _oriented_links(contract, base_id, other_id)
        for a, b, link in oriented:
            if link["relation"] == "agree":
                out["linked"].append({"link": link, "a": a, "b": b, "contra": any(_hits((a, b), g) for g in gc),
                                      "gold": any(_hits((a, b), g) for g in acc.matches)})  # fmt: skip
        linked = {a["id"] for a, _, _ in oriented}
        for cand in contract["candidates"]:
            a, b = claims[cand["claim"]], claims[cand["other"]]
            if cand["rank"] != 1 or a["doc"] != base_id or b["doc"] != other_id or a["id"] in linked:
                continue
            if judge(_claim(a), _claim(b))[0] is not Relation.AGREE:
                continue
            out["candidate"].append({"cand": cand, "a": a, "b": b, "contra": any(_hits((a, b), g) for g in gc),
                                     "gold": any(_hits((a, b), g) for g in acc.matches)})  # fmt: skip
    for rows in out.values():
        probs = scorer([(r["a"]["text"], r["b"]["text"]) for r in rows])
        for r, p in zip(rows, probs, strict=True):
            r["p"] = p
    return out


def turned(
    s: DevSet, contract: dict[str, Any], read: dict[str, list[dict]], t_link: float, t_cand: float
) -> list:
    """score_accounts of the contract with linked pairs >= t_link relabelled and candidates >= t_cand added."""
    c = copy.deepcopy(contract)
    flip = {(r["link"]["a"], r["link"]["b"]) for r in read["linked"] if r["p"] >= t_link}
    for link in c["links"]:
        if (link["a"], link["b"]) in flip:
            link["relation"] = "contradict"
    for r in read["candidate"]:
        if r["p"] >= t_cand:
            c["links"].append({"a": r["a"]["id"], "b": r["b"]["id"], "relation": "contradict"})
    return score_accounts(c, s)


def turned_precision(reads: Sequence[dict[str, list[dict]]], kind: str, t: float) -> tuple[int, int]:
    rows = [r for read in reads for r in read[kind] if r["p"] >= t]
    return sum(r["contra"] for r in rows), len(rows)


def auc(reads: Sequence[dict[str, list[dict]]], kind: str) -> float:
    """How well the reader ranks gold contradictions above the other pairs (0.5 = no better than chance)."""
    pos = [r["p"] for read in reads for r in read[kind] if r["contra"]]
    neg = [r["p"] for read in reads for r in read[kind] if not r["contra"]]
    if not pos or not neg:
        return float("nan")
    return sum((p > q) + 0.5 * (p == q) for p in pos for q in neg) / (len(pos) * len(neg))


def choose(reads: Sequence[dict[str, list[dict]]], kind: str, aim: float = 0.9, least: int = 3) -> float:
    """The lowest threshold whose turned fit pairs are right >= ``aim`` (at least ``least`` of them); 1.01
    (turn nothing) when no threshold reaches it."""
    for t in GRID:
        right, n = turned_precision(reads, kind, t)
        if n >= least and right / n >= aim:
            return t
    return 1.01


def fmt(p: dict[str, Any]) -> str:
    c, lk = p["contra"], p["link"]
    return f"link P {lk[0]:.2f} | contradiction P/R/F1 {c[0]:.2f} / {c[1]:.2f} / {c[2]:.2f}"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--full", type=Path, required=True)
    ap.add_argument(
        "--fold", action="append", default=[], help="DIR:subject,subject (fit subjects it left out)"
    )
    ap.add_argument("--cache", type=Path, default=Path("/tmp/nc-nli-contracts"))
    ap.add_argument("--no-semantic", action="store_true")
    ap.add_argument(
        "--at",
        type=float,
        nargs="*",
        default=[],
        help="also print every figure at these fixed thresholds (a look, not a choice)",
    )
    args = ap.parse_args(argv)
    semantic = not args.no_semantic
    full = Scorer(args.full / "model.int8.onnx")
    folds = {}
    for spec in args.fold:
        d, subjects = spec.split(":")
        sc = Scorer(Path(d) / "model.int8.onnx")
        folds.update({name: sc for name in subjects.split(",")})
    sets = load_devsets("all")
    fit = [s for s in sets if s.split == "fit"]
    held = [s for s in sets if s.split == "heldout"]
    contracts = {s.name: contract_of(s, semantic, args.cache) for s in sets}
    reads = {}
    for s in fit:
        if s.name not in folds:
            raise SystemExit(f"no fold model left out fit subject {s.name}")
        reads[s.name] = read_pairs(s, contracts[s.name], folds[s.name])
    for s in held:
        reads[s.name] = read_pairs(s, contracts[s.name], full)
    mode = "with meaning" if semantic else "wording only"
    print(f"## Trained contradiction reader on the engine's pairs ({mode})\n")
    fit_reads = [reads[s.name] for s in fit]
    print("Fit subjects, out-of-fold (threshold: pairs turned, of which gold contradictions):")
    for kind in ("linked", "candidate"):
        total = sum(len(r[kind]) for r in fit_reads)
        gold_c = sum(x["contra"] for r in fit_reads for x in r[kind])
        cells = []
        for t in (0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99):
            right, n = turned_precision(fit_reads, kind, t)
            cells.append(f"{t}: {right}/{n}")
        print(f"- {kind} 'agree' pairs {total} ({gold_c} gold contradictions), AUC {auc(fit_reads, kind):.2f}: "
              + ", ".join(cells))  # fmt: skip
    held_reads = [reads[s.name] for s in held]
    for kind in ("linked", "candidate"):
        total = sum(len(r[kind]) for r in held_reads)
        gold_c = sum(x["contra"] for r in held_reads for x in r[kind])
        print(
            f"- held-out {kind} 'agree' pairs {total} ({gold_c} gold contradictions), AUC {auc(held_reads, kind):.2f}"
        )
    t_link = choose(fit_reads, "linked")
    t_cand = choose(fit_reads, "candidate")
    print(f"\nChosen on fit (turned pairs right >= 0.90): linked {t_link}, candidates {t_cand}\n")
    for t in [t_link, *args.at]:
        figures(fit, held, contracts, reads, t, t_cand if t == t_link else t)
    return 0


def figures(
    fit: list[DevSet], held: list[DevSet], contracts: dict, reads: dict, t_link: float, t_cand: float
) -> None:
    print(f"### linked pairs turned at >= {t_link}, candidates at >= {t_cand}\n")
    for label, group in (("fit (out-of-fold)", fit), ("held-out", held)):
        base = pool(r for s in group for r in score_accounts(contracts[s.name], s))
        lk = pool(r for s in group for r in turned(s, contracts[s.name], reads[s.name], t_link, 9))
        both = pool(r for s in group for r in turned(s, contracts[s.name], reads[s.name], t_link, t_cand))
        print(f"{label}:\n- rules alone:              {fmt(base)}\n- + linked turned:          {fmt(lk)}"
              f"\n- + linked and candidates:  {fmt(both)}")  # fmt: skip
        for kind, t in (("linked", t_link), ("candidate", t_cand)):
            right, n = turned_precision([reads[s.name] for s in group], kind, t)
            print(f"  {kind} turned at {t}: {n}, of which gold contradictions {right}")
    print()


if __name__ == "__main__":
    raise SystemExit(main())
