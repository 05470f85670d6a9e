"""Pair scores between two lists of claims, as matrices in [0, 1].

Four views of similarity, each cheap as a matrix: weighted word overlap (TF-IDF cosine and containment,
which forgives a claim that is half of a longer sentence), weighted character 4-gram overlap (which
forgives inflection and compounds), rapidfuzz's token-set ratio on content words, and the overlap of
checkable facts (names, numbers, dates). ``combine`` weighs them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from compare.align.pairs import Pairs, top_k_mean
from compare.model import Facts
from compare.text.memo import TEXTS, per_text
from compare.text.normalize import content_string, content_tokens, fold

# Above this many pairs, rapidfuzz runs only on the candidates that word overlap already finds:
# the full matrix costs ~1.4 s per million pairs on two cores (platform notes), the pruned one a fraction.
FULL_MATRIX_PAIRS = 400_000
CANDIDATES_PER_ROW = 12
LOCAL_NEIGHBOURS = 3
# Wording this close (``PairScores.wording``) says the same words: such a pair links whatever its
# neighbours look like. On STS-B train news pairs (../shared/pairs), none of those at or above 0.8 was scored
# below 2 of 5 by people, and 72 % were scored 4 or more (the rest mostly differ in a number or a name).
NEAR_IDENTICAL = 0.8
# How similar a claim typically is to its nearest candidates in another account on the same story: the
# median of the mean of each claim's 3 best combined scores on the fit subjects of benchmarks/devsets
# (quartiles 0.12-0.24). It stands in for the neighbours a one- or two-claim document does not have.
TYPICAL_NEIGHBOUR = 0.18


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each view counts in the combined score (they sum to 1)."""

    cosine: float = 0.2
    containment: float = 0.1
    grams: float = 0.45
    token_set: float = 0.05
    facts: float = 0.2
    semantic: float = 0.3  # share of the embedding cosine when the semantic scorer is on; the rest is lexical


DEFAULT_WEIGHTS = Weights()


@dataclass(frozen=True, slots=True)
class PairScores:
    cosine: np.ndarray
    containment: np.ndarray
    grams: np.ndarray
    token_set: np.ndarray
    facts: np.ndarray
    semantic: np.ndarray | None = None

    def combine(self, weights: Weights = DEFAULT_WEIGHTS) -> np.ndarray:
        lexical = self.lexical(weights)
        if self.semantic is None:
            return lexical
        return ((1 - weights.semantic) * lexical + weights.semantic * self.semantic).astype(np.float32)

    def wording(self, weights: Weights = DEFAULT_WEIGHTS) -> np.ndarray:
        """How close the words are, in [0, 1], from the lexical views alone (no facts, no embeddings)."""
        w = weights
        total = w.cosine + w.containment + w.grams + w.token_set
        return (
            (w.cosine * self.cosine + w.containment * self.containment + w.grams * self.grams
             + w.token_set * self.token_set) / total
        ).astype(np.float32)  # fmt: skip

    def lexical(self, weights: Weights = DEFAULT_WEIGHTS) -> np.ndarray:
        return (
            weights.cosine * self.cosine
            + weights.containment * self.containment
            + weights.grams * self.grams
            + weights.token_set * self.token_set
            + weights.facts * self.facts
        ).astype(np.float32)


def _idf(token_lists: Sequence[Sequence[str]]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for toks in token_lists:
        df.update(set(toks))
    n = len(token_lists)
    return {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}


@lru_cache(maxsize=2)
def _kept_idf(token_lists: tuple[tuple[str, ...], ...]) -> dict[str, float]:
    return _idf(token_lists)


def shared_idf(token_lists: Sequence[Sequence[str]]) -> dict[str, float]:
    """``_idf`` of the texts a comparison weighs words by: the same for every account, so counted once
    (each caller gets a dict of its own, which it may extend)."""
    return dict(_kept_idf(tuple(tuple(t) for t in token_lists)))


def _weighted_overlap(
    left: Sequence[Sequence[str]], right: Sequence[Sequence[str]], idf: dict[str, float]
) -> tuple[np.ndarray, np.ndarray]:
    """TF-IDF cosine and idf-weighted containment (shared weight / the smaller claim's weight)."""
    shared = sorted({t for toks in left for t in toks} & {t for toks in right for t in toks})
    col = {t: i for i, t in enumerate(shared)}

    def matrices(lists: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        tf = np.zeros((len(lists), len(shared)), dtype=np.float32)
        binary = np.zeros_like(tf)
        norms = np.zeros(len(lists), dtype=np.float32)
        mass = np.zeros(len(lists), dtype=np.float32)
        for r, toks in enumerate(lists):
            counts = Counter(toks)
            norms[r] = math.sqrt(sum((c * idf[t]) ** 2 for t, c in counts.items()))
            mass[r] = sum(idf[t] for t in counts)
            for t, c in counts.items():
                j = col.get(t)
                if j is not None:
                    tf[r, j] = c * idf[t]
                    binary[r, j] = idf[t]
        return tf, binary, norms, mass

    lt, lb, ln, lm = matrices(left)
    rt, rb, rn, rm = matrices(right)
    with np.errstate(divide="ignore", invalid="ignore"):
        cosine = (lt @ rt.T) / np.outer(ln, rn)
        shared_mass = (lb > 0).astype(np.float32) @ rb.T
        containment = shared_mass / np.minimum.outer(lm, rm)
    return np.nan_to_num(cosine).clip(0, 1), np.nan_to_num(containment).clip(0, 1)


def char_grams(text: str, n: int = 4) -> list[str]:
    """Character n-grams of the content words: "airstrike" meets "air strikes", "Peshmerga" its stem."""
    return _grams(text) if n == 4 else _char_grams(text, n)


def _char_grams(text: str, n: int) -> list[str]:
    s = f" {content_string(text)} "
    return [s[i : i + n] for i in range(len(s) - n + 1)]


@per_text  # the base's claims meet every account
def _grams(text: str) -> list[str]:
    return _char_grams(text, 4)


def fact_keys(facts: Facts) -> set[str]:
    """What two claims can share: names, numbers, dates and durations, as comparable keys."""
    return set(_fact_keys(facts))


@lru_cache(maxsize=TEXTS)  # a claim's facts meet every claim of the other side
def _fact_keys(facts: Facts) -> frozenset[str]:
    keys = {"e:" + e.lower() for e in facts.entities}
    keys |= {f"n:{q.value:g}" for q in facts.numbers}
    for d in facts.dates:
        if d.day and d.month:
            keys.add(f"d:{d.month}-{d.day}")
        elif d.month and d.year:
            keys.add(f"d:{d.year}-{d.month}")
        elif d.weekday:
            keys.add("w:" + d.weekday)
        elif d.year:
            keys.add(f"y:{d.year}")
    keys |= {f"t:{d.value:g}{d.unit}" for d in facts.durations}
    if facts.speaker:
        keys.add("e:" + facts.speaker.lower())
    return frozenset(keys)


def fact_overlap(left: Sequence[Facts], right: Sequence[Facts]) -> np.ndarray:
    """Dice overlap of fact keys for every pair; 0 where either claim has none."""
    lk = [fact_keys(f) for f in left]
    rk = [fact_keys(f) for f in right]
    vocab = sorted({k for s in lk for k in s} & {k for s in rk for k in s})
    col = {k: i for i, k in enumerate(vocab)}
    a = np.zeros((len(lk), len(vocab)), dtype=np.float32)
    b = np.zeros((len(rk), len(vocab)), dtype=np.float32)
    for m, keysets in ((a, lk), (b, rk)):
        for r, ks in enumerate(keysets):
            for k in ks:
                j = col.get(k)
                if j is not None:
                    m[r, j] = 1.0
    sizes_l = np.array([len(s) for s in lk], dtype=np.float32)
    sizes_r = np.array([len(s) for s in rk], dtype=np.float32)
    with np.errstate(divide="ignore", invalid="ignore"):
        dice = 2 * (a @ b.T) / np.add.outer(sizes_l, sizes_r)
    return np.nan_to_num(dice).clip(0, 1)


def _token_set(left: Sequence[str], right: Sequence[str], prefilter: np.ndarray) -> np.ndarray:
    if len(left) * len(right) <= FULL_MATRIX_PAIRS:
        return process.cdist(left, right, scorer=fuzz.token_set_ratio, processor=None, workers=-1,
                             dtype=np.float32) / 100.0  # fmt: skip
    # Large inputs: score only each row's and each column's best candidates by word overlap.
    out = np.zeros((len(left), len(right)), dtype=np.float32)
    k = min(CANDIDATES_PER_ROW, prefilter.shape[1])
    rows = np.argpartition(-prefilter, k - 1, axis=1)[:, :k]
    k2 = min(CANDIDATES_PER_ROW, prefilter.shape[0])
    cols = np.argpartition(-prefilter, k2 - 1, axis=0)[:k2, :]
    pairs = {(i, int(j)) for i in range(len(left)) for j in rows[i]}
    pairs |= {(int(i), j) for j in range(len(right)) for i in cols[:, j]}
    for i, j in pairs:
        if prefilter[i, j] > 0:
            out[i, j] = fuzz.token_set_ratio(left[i], right[j]) / 100.0
    return out


def pair_scores(
    left_texts: Sequence[str],
    right_texts: Sequence[str],
    left_facts: Sequence[Facts],
    right_facts: Sequence[Facts],
    *,
    idf_texts: Sequence[Sequence[str]] | None = None,
    semantic: np.ndarray | None = None,
) -> PairScores:
    """Every view of similarity for every (left, right) pair.

    ``idf_texts`` are the token lists that define how rare a word is (default: both sides together).
    """
    lt = [content_tokens(t) for t in left_texts]
    rt = [content_tokens(t) for t in right_texts]
    idf = shared_idf(idf_texts) if idf_texts is not None else _idf(lt + rt)
    for toks in (*lt, *rt):
        for t in toks:
            idf.setdefault(t, 1.0)
    cosine, containment = _weighted_overlap(lt, rt, idf)
    lg = [char_grams(t) for t in left_texts]
    rg = [char_grams(t) for t in right_texts]
    grams, _ = _weighted_overlap(lg, rg, _idf(lg + rg))
    token_set = _token_set([" ".join(t) for t in lt], [" ".join(t) for t in rt], cosine + grams)
    # The same text is the same wording even when it has no content word to weigh ("He said so.").
    for i, j in identical_pairs(left_texts, right_texts):
        cosine[i, j] = containment[i, j] = grams[i, j] = token_set[i, j] = 1.0
    return PairScores(cosine, containment, grams, token_set, fact_overlap(left_facts, right_facts), semantic)


@lru_cache(maxsize=TEXTS)
def _same_text_key(text: str) -> str:
    return " ".join(fold(text).split())


def identical_pairs(left: Sequence[str], right: Sequence[str]) -> list[tuple[int, int]]:
    """Index pairs whose texts are equal up to case, accents, quotes and spacing."""
    where: dict[str, list[int]] = {}
    for j, t in enumerate(right):
        where.setdefault(_same_text_key(t), []).append(j)
    return [(i, j) for i, t in enumerate(left) for j in where.get(_same_text_key(t), ())]


def pair_strength(
    pairs: Pairs, scores: np.ndarray, k: int = LOCAL_NEIGHBOURS, *, wording: np.ndarray | None = None
) -> np.ndarray:
    """How much each pair stands out from each claim's other candidates, in [0, 1] (0.5 = no better than usual).

    Cross-domain similarity local scaling (CSLS, Conneau et al. 2018): ``2 s(i, j) - r(i) - r(j)`` where
    ``r`` is a claim's mean similarity to its ``k`` nearest candidates. A claim about a minister and a city is
    similar to every other claim about that minister and city; what marks its counterpart is standing out.

    A side with fewer than ``k`` claims (a headline, a one-line post) cannot show which of its partners
    resemble everything: the missing neighbours count as ``TYPICAL_NEIGHBOUR`` similarity instead of as
    the pair itself, which would cancel every pair of a one-claim document to "no better than usual".
    Pairs that were never scored (large inputs) count as dissimilar.

    Standing out is not the only evidence: with ``wording`` given, a pair whose words are near-identical
    (``NEAR_IDENTICAL``) is at least ``0.5 + wording / 2``, so a sentence repeated, a 1x1 comparison or a
    claim with several equally good copies still links.
    """
    if not len(pairs):
        return np.zeros(0, dtype=np.float32)
    rows = top_k_mean(pairs.i, scores, pairs.n, k, TYPICAL_NEIGHBOUR if pairs.m < k else 0.0)
    cols = top_k_mean(pairs.j, scores, pairs.m, k, TYPICAL_NEIGHBOUR if pairs.n < k else 0.0)
    csls = 2 * scores - rows[pairs.i] - cols[pairs.j]
    strength = np.clip(0.5 + csls / 2, 0.0, 1.0)
    if wording is not None:
        strength = np.maximum(strength, np.where(wording >= NEAR_IDENTICAL, 0.5 + wording / 2, 0.0))
    return strength.astype(np.float32)


def match_strength(
    scores: np.ndarray, k: int = LOCAL_NEIGHBOURS, *, wording: np.ndarray | None = None
) -> np.ndarray:
    """``pair_strength`` of every pair of a full score matrix, as a matrix.

    >>> m = np.array([[0.9, 0.2], [0.3, 0.35]])
    >>> bool(match_strength(m)[0, 0] > match_strength(m)[1, 1] > 0.5)
    True
    >>> float(match_strength(np.array([[0.8]]), wording=np.array([[1.0]]))[0, 0])
    1.0
    """
    if scores.size == 0:
        return scores.astype(np.float32)
    flat_wording = None if wording is None else np.asarray(wording).ravel()
    pairs = Pairs.full(*scores.shape)
    return pair_strength(pairs, scores.ravel(), k, wording=flat_wording).reshape(scores.shape)


def similarity(left: Sequence[str], right: Sequence[str]) -> np.ndarray:
    """Lexical similarity of every pair of texts, in [0, 1] (no facts): usable on any sentence pairs.

    >>> s = similarity(["Air strikes on Halden were halted on Tuesday."],
    ...                ["On Tuesday the air strikes on Halden were halted.", "Corvo is a port."])
    >>> bool(s[0, 0] > 0.8 > 0.2 > s[0, 1])
    True
    """
    return pair_scores(left, right, [Facts()] * len(left), [Facts()] * len(right)).wording()
