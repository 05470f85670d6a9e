"""How likely a proposed pair is right: a small logistic model over features the engine already has.

The coefficients are data (``resources/models/confidence.json``), refitted by ``benchmarks/fit_confidence.py``
on development material only; that file records what it was fitted on and its calibration on held-out data.
Below ``SUGGESTION_LEVEL`` a pair is not a link but a possible counterpart, listed for review.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from compare.align.evidence import shared_facts, words_beyond_names
from compare.align.pairs import Pairs, group_best
from compare.align.score import DEFAULT_WEIGHTS, PairScores, Weights
from compare.model import Claim, CompareError
from compare.text.normalize import content_tokens

# A pair is shown as a link (a mark) when the model gives it at least an even chance of being right; below
# that it is a suggestion. 0.5 is where a calibrated probability says "more likely right than wrong";
# the share of shown links that are right is then measured on held-out data (docs/quality.md).
SUGGESTION_LEVEL = 0.5
MODEL_FILE = Path("models") / "confidence.json"

FEATURES = (
    "strength",  # match strength (CSLS, with the near-identical floor), 0..1
    "combined",  # combined similarity before local scaling
    "wording",  # lexical similarity without facts
    "facts",  # overlap of names, numbers, dates
    "semantic",  # embedding cosine (0 when the semantic scorer is off)
    "has_semantic",  # 1 when the semantic scorer is on
    "margin",  # strength minus the next best candidate of either claim (0.5 where there is none)
    "mutual_best",  # 1 when each claim is the other's best candidate
    "beyond_names",  # Dice overlap of content words that are not names
    "shared_facts",  # 1 when the two state a number, date or duration in common
    "short",  # log(1 + content words of the shorter claim)
)


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    """p(right) = sigmoid(bias + weights . standardised features)."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]

    def predict(self, x: np.ndarray) -> np.ndarray:
        if x.size == 0:
            return np.zeros(len(x), dtype=np.float64)
        z = (x - np.asarray(self.mean)) / np.asarray(self.scale)
        logit = z @ np.asarray(self.weights) + self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(logit, -30, 30)))

    def to_json(self, **about: object) -> str:
        data = {
            "features": list(self.features),
            "weights": [round(w, 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "mean": [round(m, 6) for m in self.mean],
            "scale": [round(s, 6) for s in self.scale],
            **about,
        }
        return json.dumps(data, indent=1, allow_nan=False) + "\n"  # strict JSON, like every file we write


class ConfidenceModelMissing(CompareError):
    """The coefficients file is missing or damaged: the installation is incomplete."""


def load(path: Path) -> ConfidenceModel:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        model = ConfidenceModel(
            features=tuple(data["features"]),
            weights=tuple(float(w) for w in data["weights"]),
            bias=float(data["bias"]),
            mean=tuple(float(m) for m in data["mean"]),
            scale=tuple(float(s) for s in data["scale"]),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfidenceModelMissing(
            f"the confidence model {path} cannot be read ({exc}); reinstall"
        ) from None
    sizes = {len(model.features), len(model.weights), len(model.mean), len(model.scale)}
    if model.features != FEATURES or sizes != {len(FEATURES)} or not all(s > 0 for s in model.scale):
        raise ConfidenceModelMissing(f"the confidence model {path} does not fit this version; reinstall")
    return model


def model_path() -> Path:
    """Where the coefficients are: a PyInstaller bundle, a source checkout or an installed package."""
    frozen = getattr(sys, "_MEIPASS", None)
    roots = [Path(frozen) / "resources"] if frozen else []
    roots.append(Path(__file__).resolve().parents[2] / "resources")
    roots.append(Path(sys.prefix) / "share" / "narrative-compare" / "resources")
    for root in roots:
        if (root / MODEL_FILE).is_file():
            return root / MODEL_FILE
    return roots[-1] / MODEL_FILE


@cache
def default_model() -> ConfidenceModel:
    return load(model_path())


@dataclass(frozen=True, slots=True)
class Neighbours:
    """Each claim's best and second-best pair by strength (positions into the pair arrays, -1 = none)."""

    row_best: np.ndarray
    row_second: np.ndarray
    col_best: np.ndarray
    col_second: np.ndarray

    @classmethod
    def of(cls, pairs: Pairs, strength: np.ndarray) -> Neighbours:
        return cls(
            group_best(pairs.i, strength, pairs.n),
            group_best(pairs.i, strength, pairs.n, 1),
            group_best(pairs.j, strength, pairs.m),
            group_best(pairs.j, strength, pairs.m, 1),
        )

    def margin(self, k: int, i: int, j: int, strength: np.ndarray) -> float:
        """Strength of pair ``k`` minus the best other candidate of either of its claims (0.5 if none)."""
        others = [
            self.row_second[i] if self.row_best[i] == k else self.row_best[i],
            self.col_second[j] if self.col_best[j] == k else self.col_best[j],
        ]
        second = max((float(strength[o]) if o >= 0 else 0.5) for o in others)
        return float(strength[k]) - second


def pair_features(
    positions: Sequence[int],
    pairs: Pairs,
    base: Sequence[Claim],
    other: Sequence[Claim],
    scores: PairScores,
    strength: np.ndarray,
    weights: Weights = DEFAULT_WEIGHTS,
) -> np.ndarray:
    """One row of ``FEATURES`` per pair position (``scores`` and ``strength`` are flat, one value per pair)."""
    out = np.zeros((len(positions), len(FEATURES)), dtype=np.float64)
    if not len(positions):
        return out
    at = np.asarray(positions, dtype=np.int64)
    combined = scores.combine(weights)[at]
    wording = scores.wording(weights)[at]
    near = Neighbours.of(pairs, strength)
    for n, k in enumerate(at):
        i, j = int(pairs.i[k]), int(pairs.j[k])
        a, b = base[i], other[j]
        shortest = min(len(content_tokens(a.text)), len(content_tokens(b.text)))
        out[n] = (
            strength[k],
            combined[n],
            wording[n],
            scores.facts[k],
            float(scores.semantic[k]) if scores.semantic is not None else 0.0,
            1.0 if scores.semantic is not None else 0.0,
            near.margin(int(k), i, j, strength),
            1.0 if near.row_best[i] == k and near.col_best[j] == k else 0.0,
            words_beyond_names(a, b),
            1.0 if shared_facts(a, b) else 0.0,
            math.log1p(shortest),
        )
    return out
