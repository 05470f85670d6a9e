"""Scores for large inputs without a claims x claims matrix: candidates first, then every view on them.

Each claim keeps its ``CANDIDATES_PER_CLAIM`` nearest claims of the other side by word and character-gram
overlap (both directions), found through postings in row blocks, so memory grows with claims x k and a
block, never with the product of the two documents' lengths. Words so common that they sit in more than
``MAX_POSTING`` claims are left out of the search (not of the scores): they find everything and nothing.
The views computed on the candidates are the same as ``score.pair_scores`` computes on a full matrix.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from compare.align.pairs import Pairs
from compare.align.score import PairScores, _same_text_key, char_grams, fact_keys, shared_idf
from compare.model import Facts
from compare.text.normalize import content_tokens

CANDIDATES_PER_CLAIM = 12
# Cells of one block of the search (rows x columns of the other side): 4 million float64 = 32 MB.
BLOCK_CELLS = 4_000_000
# A token in more claims of the other side than this is not used to find candidates.
MAX_POSTING = 400
# Expanded (pair, token) entries handled at once when scoring candidates.
BATCH_ENTRIES = 2_000_000


@dataclass(frozen=True, slots=True)
class SparseRows:
    """Row-wise sparse vectors: row r holds ``index[indptr[r]:indptr[r+1]]`` (sorted) and their values."""

    indptr: np.ndarray
    index: np.ndarray
    value: np.ndarray

    @property
    def rows(self) -> int:
        return len(self.indptr) - 1

    def row_of_entry(self) -> np.ndarray:
        return np.repeat(np.arange(self.rows), np.diff(self.indptr))


def _sparse(rows: Sequence[dict[int, float]]) -> SparseRows:
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(r) for r in rows])
    index = np.empty(indptr[-1], dtype=np.int64)
    value = np.empty(indptr[-1], dtype=np.float64)
    for r, row in enumerate(rows):
        keys = sorted(row)
        index[indptr[r] : indptr[r + 1]] = keys
        value[indptr[r] : indptr[r + 1]] = [row[k] for k in keys]
    return SparseRows(indptr, index, value)


def _idf(token_lists: Sequence[Sequence[str]]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for toks in token_lists:
        df.update(set(toks))
    n = len(token_lists)
    return {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}


def _vectors(
    left: Sequence[Sequence[str]], right: Sequence[Sequence[str]], idf: dict[str, float]
) -> tuple[SparseRows, SparseRows, SparseRows, SparseRows, np.ndarray, np.ndarray]:
    """Unit TF-IDF rows and idf-weighted binary rows over the shared vocabulary, and each row's idf mass."""
    shared = sorted({t for toks in left for t in toks} & {t for toks in right for t in toks})
    col = {t: i for i, t in enumerate(shared)}

    def build(lists: Sequence[Sequence[str]]) -> tuple[SparseRows, SparseRows, np.ndarray]:
        unit, binary, mass = [], [], np.zeros(len(lists))
        for r, toks in enumerate(lists):
            counts = Counter(toks)
            norm = math.sqrt(sum((c * idf[t]) ** 2 for t, c in counts.items())) or 1.0
            mass[r] = sum(idf[t] for t in counts)
            unit.append({col[t]: c * idf[t] / norm for t, c in counts.items() if t in col})
            binary.append({col[t]: idf[t] for t in counts if t in col})
        return _sparse(unit), _sparse(binary), mass

    lu, lb, lm = build(left)
    ru, rb, rm = build(right)
    return lu, lb, ru, rb, lm, rm


def _ragged(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Concatenated ranges ``starts[k] .. starts[k] + lengths[k]``."""
    total = int(lengths.sum())
    offsets = np.cumsum(lengths) - lengths
    return np.arange(total) - np.repeat(offsets, lengths) + np.repeat(starts, lengths)


def _postings(right: SparseRows, vocab: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    order = np.argsort(right.index, kind="stable")
    ptr = np.zeros(vocab + 1, dtype=np.int64)
    ptr[1:] = np.cumsum(np.bincount(right.index, minlength=vocab))
    return ptr, right.row_of_entry()[order], right.value[order]


def _accumulate(acc: np.ndarray, left: SparseRows, start: int, stop: int, post: tuple, cap: int) -> None:
    """Add the products of rows ``start:stop`` of ``left`` with every right row to ``acc`` (one block)."""
    ptr, cols, vals = post
    lo, hi = left.indptr[start], left.indptr[stop]
    toks = left.index[lo:hi]
    weights = left.value[lo:hi]
    rows = np.repeat(np.arange(stop - start), np.diff(left.indptr[start : stop + 1]))
    df = ptr[toks + 1] - ptr[toks]
    keep = df <= cap
    toks, weights, rows, df = toks[keep], weights[keep], rows[keep], df[keep]
    at = _ragged(ptr[toks], df)
    m = acc.shape[1]
    flat = np.repeat(rows, df) * m + cols[at]
    acc += np.bincount(flat, weights=np.repeat(weights, df) * vals[at], minlength=acc.size).reshape(acc.shape)


def _top_rows(acc: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(local row, column) of each row's ``k`` best positive cells."""
    k = min(k, acc.shape[1])
    idx = np.argpartition(-acc, k - 1, axis=1)[:, :k]
    vals = np.take_along_axis(acc, idx, axis=1)
    r, c = np.nonzero(vals > 0)
    return r, idx[r, c]


def _nearest(
    words: tuple[SparseRows, SparseRows, int], grams: tuple[SparseRows, SparseRows, int], m: int, k: int
) -> np.ndarray:
    """``row * m + column`` of each left row's ``k`` nearest right rows, searched one block of rows at a time."""
    word_post = _postings(words[1], words[2])
    gram_post = _postings(grams[1], grams[2])
    n = words[0].rows
    block = max(1, BLOCK_CELLS // max(m, 1))
    keys: list[np.ndarray] = [np.zeros(0, dtype=np.int64)]
    for start in range(0, n, block):
        stop = min(n, start + block)
        acc = np.zeros((stop - start, m))
        _accumulate(acc, words[0], start, stop, word_post, MAX_POSTING)
        _accumulate(acc, grams[0], start, stop, gram_post, MAX_POSTING)
        r, c = _top_rows(acc, k)
        keys.append((r + start) * m + c)
    return np.concatenate(keys)


def candidates(
    words: tuple[SparseRows, SparseRows, int],
    grams: tuple[SparseRows, SparseRows, int],
    n: int,
    m: int,
    k: int = CANDIDATES_PER_CLAIM,
) -> Pairs:
    """Each row's and each column's ``k`` nearest by word + character-gram cosine, as sorted pairs."""
    rows = _nearest(words, grams, m, k)
    flipped = _nearest((words[1], words[0], words[2]), (grams[1], grams[0], grams[2]), n, k)
    cols = (flipped % n) * m + flipped // n
    flat = np.unique(np.concatenate([rows, cols]))
    return Pairs(n, m, flat // m, flat % m)


def pair_dot(left: SparseRows, right: SparseRows, vocab: int, pairs: Pairs) -> np.ndarray:
    """The dot product of left row i and right row j for every pair."""
    rkeys = right.row_of_entry() * vocab + right.index  # sorted: rows ascending, indexes sorted within
    lens = left.indptr[pairs.i + 1] - left.indptr[pairs.i]
    out = np.zeros(len(pairs))
    start = 0
    ends = np.cumsum(lens)
    while start < len(pairs):
        # A batch holds about BATCH_ENTRIES expanded (pair, token) entries.
        before = ends[start - 1] if start else 0
        stop = max(start + 1, int(np.searchsorted(ends, before + BATCH_ENTRIES, side="right")))
        if lens[start:stop].sum():
            pid = np.repeat(np.arange(stop - start), lens[start:stop])
            at = _ragged(left.indptr[pairs.i[start:stop]], lens[start:stop])
            query = pairs.j[start:stop][pid] * vocab + left.index[at]
            pos = np.minimum(np.searchsorted(rkeys, query), max(len(rkeys) - 1, 0))
            hit = rkeys[pos] == query if len(rkeys) else np.zeros(len(query), dtype=bool)
            out[start:stop] = np.bincount(
                pid[hit], weights=left.value[at][hit] * right.value[pos[hit]], minlength=stop - start
            )
        start = stop
    return out


def _identical(left: Sequence[str], right: Sequence[str], k: int) -> list[tuple[int, int]]:
    """Pairs of equal texts, at most ``k`` per left claim (those nearest in document order)."""
    where: dict[str, list[int]] = {}
    for j, t in enumerate(right):
        where.setdefault(_same_text_key(t), []).append(j)
    out = []
    n, m = max(len(left), 1), max(len(right), 1)
    for i, t in enumerate(left):
        js = where.get(_same_text_key(t))
        if js:
            centre = int(np.searchsorted(js, i / n * m))
            out += [(i, j) for j in js[max(0, centre - k // 2) : centre + k // 2 + 1]]
    return out


def blocked_scores(
    left_texts: Sequence[str],
    right_texts: Sequence[str],
    left_facts: Sequence[Facts],
    right_facts: Sequence[Facts],
    *,
    idf_texts: Sequence[Sequence[str]] | None = None,
    vectors: tuple[np.ndarray, np.ndarray] | None = None,
    k: int = CANDIDATES_PER_CLAIM,
) -> tuple[Pairs, PairScores]:
    """The candidate pairs and every view of similarity on them (flat arrays, one value per pair)."""
    lt = [content_tokens(t) for t in left_texts]
    rt = [content_tokens(t) for t in right_texts]
    idf = shared_idf(idf_texts) if idf_texts is not None else _idf(lt + rt)
    for toks in (*lt, *rt):
        for t in toks:
            idf.setdefault(t, 1.0)
    wl, wlb, wr, wrb, ml, mr = _vectors(lt, rt, idf)
    wlb = SparseRows(wlb.indptr, wlb.index, np.ones_like(wlb.value))  # shared mass: the right side's idf
    lg = [char_grams(t) for t in left_texts]
    rg = [char_grams(t) for t in right_texts]
    gl, _, gr, _, _, _ = _vectors(lg, rg, _idf(lg + rg))
    word_vocab = int(max(wl.index.max(initial=-1), wr.index.max(initial=-1)) + 1)
    gram_vocab = int(max(gl.index.max(initial=-1), gr.index.max(initial=-1)) + 1)
    n, m = len(left_texts), len(right_texts)
    pairs = candidates((wl, wr, word_vocab), (gl, gr, gram_vocab), n, m, k)
    same = _identical(left_texts, right_texts, k)
    if same:
        flat = np.unique(np.concatenate([pairs.i * m + pairs.j, np.array([i * m + j for i, j in same])]))
        pairs = Pairs(n, m, flat // m, flat % m)
    cosine = np.clip(pair_dot(wl, wr, word_vocab, pairs), 0, 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        containment = np.nan_to_num(
            pair_dot(wlb, wrb, word_vocab, pairs) / np.minimum(ml[pairs.i], mr[pairs.j])
        )
    containment = np.clip(containment, 0, 1)
    grams = np.clip(pair_dot(gl, gr, gram_vocab, pairs), 0, 1)
    ls = [" ".join(t) for t in lt]
    rs = [" ".join(t) for t in rt]
    token_set = np.array(
        [
            fuzz.token_set_ratio(ls[i], rs[j]) / 100.0
            for i, j in zip(pairs.i.tolist(), pairs.j.tolist(), strict=True)
        ]
    )
    lk = [fact_keys(f) for f in left_facts]
    rk = [fact_keys(f) for f in right_facts]
    facts = np.array(
        [
            2 * len(lk[i] & rk[j]) / (len(lk[i]) + len(rk[j])) if lk[i] and rk[j] else 0.0
            for i, j in zip(pairs.i.tolist(), pairs.j.tolist(), strict=True)
        ]
    )
    semantic = None
    if vectors is not None:
        semantic = np.zeros(len(pairs), dtype=np.float32)
        step = max(1, BATCH_ENTRIES // max(vectors[0].shape[1], 1))
        for a in range(0, len(pairs), step):
            i, j = pairs.i[a : a + step], pairs.j[a : a + step]
            semantic[a : a + step] = np.clip(np.einsum("ij,ij->i", vectors[0][i], vectors[1][j]), 0, 1)
    if same:
        index = pairs.index()
        for i, j in same:
            k_ = index[(i, j)]
            cosine[k_] = containment[k_] = grams[k_] = token_set[k_] = 1.0
    views = [v.astype(np.float32) for v in (cosine, containment, grams, token_set, facts)]
    return pairs, PairScores(*views, semantic=semantic)
