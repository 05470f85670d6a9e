"""Refit the link-confidence model (resources/models/confidence.json) and report its calibration.

usage: python benchmarks/fit_confidence.py [--write] [--plot docs/reliability.png]

Training material, never ../shared/corpus (that is measurement material):
- the "fit" subjects of benchmarks/devsets (gold claim pairs on other subjects), when present;
- STS-B train (../shared/pairs) turned into alignment-like document pairs: each document pair holds a
  dozen sentence pairs on neighbouring topics, one sentence per paragraph, the second side shuffled and
  with some partners left out, so that every claim has look-alike distractors.
  SICK train can be added (--with-sick) but is left out by default: its caption sentences are near copies
  of each other, so documents made from them teach that close pairs are usually wrong, which is not so
  for news accounts (with it, the held-out calibration error on the development accounts went from 0.05
  to 0.07).
The model learns the shape from all of it, then its logit is rescaled (Platt) on the development accounts
of the fit split, which say how often a proposed pair is right in real accounts.
Held out for the calibration report: the "heldout" subjects of benchmarks/devsets and STS-B dev, turned
into document pairs the same way. A pair the engine proposes or offers as a candidate is labelled right
when it overlaps a gold pair (the overlap rule of the development scorer).

Prints, per held-out set: expected calibration error (10 equal-width bins), Brier score, and the share of
shown links (confidence >= the suggestion level) that are right, against the share of all proposed pairs.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from compare.align.confidence import FEATURES, SUGGESTION_LEVEL, ConfidenceModel, pair_features  # noqa: E402
from compare.align.engine import candidate_positions, claims_of, score_claims  # noqa: E402
from compare.align.semantic import MemoryCache, SemanticUnavailable, embed_cached  # noqa: E402
from compare.model import AlignSettings, Claim, Document  # noqa: E402
from compare.text.normalize import content_tokens  # noqa: E402

PAIRS = REPO.parent / "shared" / "pairs"
Span = tuple[int, int]
L2 = 1.0  # ridge penalty on the standardised weights: keeps the fit stable on correlated features
GROUP = 12  # sentence pairs per synthetic document pair
BINS = 10


@dataclass
class Example:
    """The scored material of one document pair: features and labels of every proposed or offered pair."""

    features: np.ndarray
    labels: np.ndarray
    chosen: np.ndarray  # whether the assignment chose the pair (a link or a suggestion)


def _overlaps(span: Span, claim: Claim) -> bool:
    return span[0] < claim.end and claim.start < span[1]


EMBED: list[Any] = []  # [embedder, cache] when fitting with the semantic scorer on


def examples(base: str, other: str, gold: Sequence[tuple[Span, Span]], settings: AlignSettings) -> Example:
    """Features and labels for one base/account pair (``gold``: character spans of matching passages)."""
    bc = claims_of(Document("d0", "base", base))
    oc = claims_of(Document("d1", "other", other))
    idf = [content_tokens(c.text) for c in (*bc, *oc)]
    vectors = None
    if settings.semantic:
        embedder, cache = EMBED
        vectors = tuple(embed_cached(embedder, [c.text for c in cs], cache) for cs in (bc, oc))
    scored = score_claims(bc, oc, settings, idf_texts=idf, vectors=vectors)
    rows, cols = candidate_positions(scored)
    at = np.unique(np.concatenate([scored.chosen, rows, cols]))
    feats = pair_features(at, scored.pairs, bc, oc, scored.scores, scored.strength)
    labels = np.array(
        [
            any(
                _overlaps(g[0], bc[scored.pairs.i[k]]) and _overlaps(g[1], oc[scored.pairs.j[k]])
                for g in gold
            )
            for k in at
        ],
        dtype=float,
    )
    return Example(feats, labels, np.isin(at, scored.chosen))


# --- material ------------------------------------------------------------------------------------------


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def sentence_pairs(name: str) -> list[tuple[str, str, bool | None]]:
    """(sentence 1, sentence 2, same claim?) with None for the ambiguous middle of the scale."""
    out: list[tuple[str, str, bool | None]] = []
    if name.startswith("stsb"):
        for r in _read_tsv(PAIRS / f"{name}.tsv"):
            score = float(r["score"])
            out.append(
                (r["sentence1"], r["sentence2"], True if score >= 3.0 else False if score < 2.0 else None)
            )
    else:
        for r in _read_tsv(PAIRS / f"{name}.tsv"):
            rel = float(r["relatedness"])
            out.append((r["sentence1"], r["sentence2"], True if rel >= 4.0 else False if rel < 3.0 else None))
    return [p for p in out if p[0].strip() and p[1].strip()]


def document_pairs(
    pairs: list[tuple[str, str, bool | None]], seed: int
) -> Iterator[tuple[str, str, list[tuple[Span, Span]], list[tuple[Span, Span]]]]:
    """(base text, other text, gold spans, ambiguous spans) of documents built from neighbouring pairs."""
    rnd = random.Random(seed)
    words = [set(content_tokens(a)) for a, _, _ in pairs]
    order = list(range(len(pairs)))
    rnd.shuffle(order)
    used: set[int] = set()
    for start in order:
        if start in used:
            continue
        # Neighbours on the same topic make the distractors: claims that resemble each other.
        near = sorted(
            (k for k in range(len(pairs)) if k not in used and k != start),
            key=lambda k: -len(words[k] & words[start]),
        )[: GROUP - 1]
        group = [start, *near]
        used.update(group)
        left = [pairs[k][0] for k in group]
        right_keys = [k for k in group if rnd.random() > 0.25]  # some claims have no counterpart
        rnd.shuffle(right_keys)
        base, b_spans = _join(left)
        other, o_spans = _join([pairs[k][1] for k in right_keys])
        where = {k: n for n, k in enumerate(right_keys)}
        gold, unsure = [], []
        for n, k in enumerate(group):
            if k in where:
                label = pairs[k][2]
                target = gold if label else unsure if label is None else None
                if target is not None:
                    target.append((b_spans[n], o_spans[where[k]]))
        yield base, other, gold, unsure


def _join(sentences: list[str]) -> tuple[str, list[Span]]:
    text, spans = "", []
    for s in sentences:
        s = s.strip()
        if not s.endswith((".", "!", "?")):
            s += "."
        if text:
            text += "\n\n"
        spans.append((len(text), len(text) + len(s)))
        text += s
    return text, spans


def pairs_examples(name: str, settings: AlignSettings, limit: int | None = None) -> list[Example]:
    out = []
    for n, (base, other, gold, unsure) in enumerate(document_pairs(sentence_pairs(name), seed=len(name))):
        if limit is not None and n >= limit:
            break
        ex = examples(base, other, gold, settings)
        if unsure:
            # Pairs of the middle of the scale are neither right nor wrong: left out of fitting and scoring.
            ambiguous = examples(base, other, unsure, settings).labels.astype(bool) & ~ex.labels.astype(bool)
            ex = Example(ex.features[~ambiguous], ex.labels[~ambiguous], ex.chosen[~ambiguous])
        out.append(ex)
    return out


def devset_examples(split: str, settings: AlignSettings) -> list[Example]:
    try:
        from devkit import load_devsets  # benchmarks/devkit.py, from the development-data work
    except ImportError:
        return []
    out = []
    for ds in load_devsets(split):
        for acc in ds.accounts:
            gold = [(m.base, m.other) for m in acc.matches]
            out.append(examples(ds.base, acc.text, gold, settings))
    return out


# --- fitting and calibration -----------------------------------------------------------------------------


def fit_logistic(x: np.ndarray, y: np.ndarray) -> ConfidenceModel:
    """Ridge-penalised logistic regression by Newton's method on standardised features."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], L2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(z @ w, -30, 30)))
        grad = z.T @ (p - y) + penalty * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return ConfidenceModel(
        FEATURES, tuple(w[1:].tolist()), float(w[0]), tuple(mean.tolist()), tuple(scale.tolist())
    )


def recalibrate(model: ConfidenceModel, x: np.ndarray, y: np.ndarray) -> ConfidenceModel:
    """Platt scaling of the model's logit on realistic material: the sentence-pair documents teach which
    features matter, the development accounts how often a proposed pair is right (a base-rate shift)."""
    z = (x - np.asarray(model.mean)) / np.asarray(model.scale)
    logit = z @ np.asarray(model.weights) + model.bias
    platt = fit_logistic(logit[:, None], y)
    # fit_logistic standardised the logit: a * (logit - mean) / scale + b
    a = platt.weights[0] / platt.scale[0]
    b = platt.bias - a * platt.mean[0]
    return ConfidenceModel(
        model.features, tuple(a * w for w in model.weights), a * model.bias + b, model.mean, model.scale
    )


def calibration(p: np.ndarray, y: np.ndarray) -> tuple[float, list[tuple[float, float, int]]]:
    """Expected calibration error and (mean predicted, share right, count) per non-empty bin."""
    bins = np.minimum((p * BINS).astype(int), BINS - 1)
    ece, table = 0.0, []
    for b in range(BINS):
        m = bins == b
        if m.any():
            ece += m.sum() / len(p) * abs(p[m].mean() - y[m].mean())
            table.append((float(p[m].mean()), float(y[m].mean()), int(m.sum())))
    return ece, table


def report(name: str, model: ConfidenceModel, exs: list[Example]) -> dict:
    x = np.vstack([e.features for e in exs])
    y = np.concatenate([e.labels for e in exs])
    chosen = np.concatenate([e.chosen for e in exs])
    p = model.predict(x)
    ece, table = calibration(p, y)
    shown = chosen & (p >= SUGGESTION_LEVEL)
    out = {
        "set": name,
        "pairs": int(len(y)),
        "ece": round(ece, 4),
        "brier": round(float(((p - y) ** 2).mean()), 4),
        "proposed_right": round(float(y[chosen].mean()), 3) if chosen.any() else None,
        "shown_right": round(float(y[shown].mean()), 3) if shown.any() else None,
        "shown": int(shown.sum()),
        "proposed": int(chosen.sum()),
        "bins": [[round(a, 3), round(b, 3), n] for a, b, n in table],
    }
    print(
        f"{name:>24}: {out['pairs']:6d} pairs  ECE {out['ece']:.3f}  Brier {out['brier']:.3f}  "
        f"right among proposed {out['proposed_right']}  among shown (>= {SUGGESTION_LEVEL}) {out['shown_right']}"
        f"  ({out['shown']} of {out['proposed']} proposed pairs shown)"
    )
    return out


LEVELS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)


def level_row(model: ConfidenceModel, exs: list[Example], level: float) -> str:
    x = np.vstack([e.features for e in exs])
    y = np.concatenate([e.labels for e in exs]).astype(bool)
    chosen = np.concatenate([e.chosen for e in exs])
    shown = chosen & (model.predict(x) >= level)
    right = (y & shown).sum()
    return f"{level:.1f}: {right / max(shown.sum(), 1):.2f}/{right / max((y & chosen).sum(), 1):.2f}"


def reliability_png(path: Path, sets: list[dict]) -> None:
    """A reliability diagram (predicted confidence against measured share right) as a small PNG."""
    size, pad = 360, 30
    img = np.full((size, size, 3), 255, dtype=np.uint8)
    plot = size - 2 * pad

    def xy(px: float, py: float) -> tuple[int, int]:
        return pad + int(px * plot), size - pad - int(py * plot)

    img[pad : size - pad, pad] = img[size - pad, pad : size - pad] = (0, 0, 0)
    for t in np.linspace(0, 1, 400):
        x, y = xy(t, t)
        img[y, x] = (150, 150, 150)
    colours = [(31, 119, 180), (214, 39, 40), (44, 160, 44), (148, 103, 189)]
    for s, colour in zip(sets, colours, strict=False):
        for pred, right, count in s["bins"]:
            x, y = xy(pred, right)
            r = 2 + int(np.log10(max(count, 1)) * 2)
            img[max(y - r, 0) : y + r + 1, max(x - r, 0) : x + r + 1] = colour
    raw = b"".join(b"\x00" + img[row].tobytes() for row in range(size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = size.to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )
    path.write_bytes(png)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write resources/models/confidence.json")
    parser.add_argument("--plot", type=Path, help="write a reliability diagram (PNG) of the held-out sets")
    parser.add_argument("--limit", type=int, help="document pairs per sentence-pair file (quick runs)")
    parser.add_argument("--with-sick", action="store_true", help="add SICK train to the fit (see the note)")
    parser.add_argument("--lexical-only", action="store_true", help="fit without the semantic scorer's mode")
    args = parser.parse_args()
    if not (PAIRS / "stsb-train.tsv").is_file():
        print(f"no sentence pairs at {PAIRS}: nothing to fit")
        return 0
    modes = [AlignSettings()]
    if not args.lexical_only:
        try:
            from compare.workflows import embedder

            EMBED[:] = [embedder(), MemoryCache()]
            modes.append(AlignSettings(semantic=True))
        except SemanticUnavailable as exc:
            print(f"semantic scorer unavailable ({exc}): fitting the lexical mode only")
    fit_sets: dict[str, list[Example]] = {}
    held: dict[str, list[Example]] = {}
    for settings in modes:
        mode = " +semantic" if settings.semantic else ""
        fit_sets[f"devsets fit{mode}"] = devset_examples("fit", settings)
        fit_sets[f"STS-B train{mode}"] = pairs_examples("stsb-train", settings, args.limit)
        fit_sets[f"SICK train{mode}"] = (
            [] if not args.with_sick else pairs_examples("sick-train", settings, args.limit)
        )
        held[f"devsets held-out{mode}"] = devset_examples("heldout", settings)
        held[f"STS-B dev{mode}"] = pairs_examples("stsb-dev", settings, args.limit)
    train = [e for exs in fit_sets.values() for e in exs]
    model = fit_logistic(np.vstack([e.features for e in train]), np.concatenate([e.labels for e in train]))
    real = [e for name, exs in fit_sets.items() if name.startswith("devsets") for e in exs]
    if real:
        model = recalibrate(
            model, np.vstack([e.features for e in real]), np.concatenate([e.labels for e in real])
        )
    else:
        print("no development accounts (benchmarks/devsets): not recalibrated to real accounts")
    print(
        "fitted on:", ", ".join(f"{k} ({sum(len(e.labels) for e in v)} pairs)" for k, v in fit_sets.items())
    )
    results = [report(name, model, exs) for name, exs in held.items() if exs]
    results += [report(f"{name} (fit, in-sample)", model, exs) for name, exs in fit_sets.items() if exs]
    print("suggestion level: share of shown pairs right / share of right proposed pairs kept")
    for name, exs in [*held.items(), *((k, v) for k, v in fit_sets.items() if k.startswith("devsets"))]:
        if exs:
            print(f"  {name:>18}: " + "  ".join(level_row(model, exs, lv) for lv in LEVELS))
    for f, w in zip(FEATURES, model.weights, strict=True):
        print(f"  {f:>13} {w:+.3f}")
    if args.write:
        about = {
            "fitted_on": {k: sum(len(e.labels) for e in v) for k, v in fit_sets.items()},
            "heldout": {r["set"]: {"pairs": r["pairs"], "ece": r["ece"], "brier": r["brier"],
                                   "shown_right": r["shown_right"]} for r in results if "in-sample" not in r["set"]},
            "note": "refit with benchmarks/fit_confidence.py --write; never fitted on ../shared/corpus",
        }  # fmt: skip
        out = REPO / "resources" / "models" / "confidence.json"
        out.write_text(model.to_json(**about), encoding="utf-8")
        print(f"wrote {out}")
    if args.plot:
        reliability_png(args.plot, [r for r in results if "in-sample" not in r["set"]])
        print(f"wrote {args.plot}")
    print(json.dumps({r["set"]: {"ece": r["ece"], "shown_right": r["shown_right"]} for r in results}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
