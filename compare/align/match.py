"""Choose links from a score matrix: a global one-to-one assignment, then the second halves of splits.

Greedy best-first lets one strong but wrong pair steal a claim from its true partner; an assignment that
maximises the total margin over the threshold does not. The assignment runs per connected component of
the candidate graph, so a book-length pair costs little more than its candidates.
"""

from __future__ import annotations

import numpy as np

from compare.align.pairs import Pairs, components, group_best

# A component larger than this is assigned greedily: the exact method is cubic in its size.
MAX_EXACT_COMPONENT = 600
# Far below any real difference of strength (scores are shown to 3 decimals): only settles exact ties.
TIE_BREAK = 1e-4
# Larger than any sum of ordinary margins (each is below 1, and a component has at most n of them).
PRIORITY = 1e6


def hungarian(cost: np.ndarray) -> list[tuple[int, int]]:
    """Minimum-cost assignment of every row of a (rows <= cols) cost matrix (shortest augmenting paths).

    >>> hungarian(np.array([[4.0, 1.0, 3.0], [2.0, 0.0, 5.0], [3.0, 2.0, 2.0]]))
    [(0, 1), (1, 0), (2, 2)]
    """
    n, m = cost.shape
    if n > m:
        return [(i, j) for j, i in hungarian(cost.T)]
    u = np.zeros(n + 1)
    v = np.zeros(m + 1)
    p = np.zeros(m + 1, dtype=int)  # p[j]: row assigned to column j (1-based; 0 = none)
    way = np.zeros(m + 1, dtype=int)
    c = np.zeros((n + 1, m + 1))
    c[1:, 1:] = cost
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = np.full(m + 1, np.inf)
        used = np.zeros(m + 1, dtype=bool)
        while True:
            used[j0] = True
            i0 = p[j0]
            cur = c[i0, 1:] - u[i0] - v[1:]
            free = ~used[1:]
            better = free & (cur < minv[1:])
            minv[1:][better] = cur[better]
            way[1:][better] = j0
            masked = np.where(free, minv[1:], np.inf)
            j1 = int(np.argmin(masked)) + 1
            delta = masked[j1 - 1]
            u[p[used]] += delta
            v[used] -= delta
            minv[1:][free] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    return sorted((int(p[j]) - 1, j - 1) for j in range(1, m + 1) if p[j])


def _greedy(order: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> list[int]:
    """Positions taken best first (``order``), skipping any whose row or column is already used."""
    used_r: set[int] = set()
    used_c: set[int] = set()
    out = []
    for k in order:
        r, c = int(rows[k]), int(cols[k])
        if r not in used_r and c not in used_c:
            used_r.add(r)
            used_c.add(c)
            out.append(int(k))
    return out


def _position_gap(pairs: Pairs) -> np.ndarray:
    """How far apart two claims sit in their documents, as fractions of the way through (0 = level)."""
    return np.abs(pairs.i / max(pairs.n, 1) - pairs.j / max(pairs.m, 1))


def assign_pairs(
    pairs: Pairs, scores: np.ndarray, threshold: float, *, first: np.ndarray | None = None
) -> np.ndarray:
    """One-to-one pairs (positions into ``pairs``) maximising the summed margin ``score - threshold``.

    ``first`` marks pairs that must win over any mix of others (near-identical claims): each counts as
    much as every ordinary pair together, so adding claims to either side never takes one away. Among
    equal candidates (a sentence repeated) the pair nearer in document order wins.
    """
    gain = scores - threshold
    edges = gain > 0
    ranked = gain - TIE_BREAK * _position_gap(pairs)
    if first is not None:
        ranked = ranked + np.where(first & edges, PRIORITY, 0.0)
    chosen: list[int] = []
    for at in components(pairs, edges):
        rows, row_of = np.unique(pairs.i[at], return_inverse=True)
        cols, col_of = np.unique(pairs.j[at], return_inverse=True)
        if len(rows) == 1 or len(cols) == 1:
            chosen.append(int(at[np.argmax(ranked[at])]))
        elif len(rows) + len(cols) > MAX_EXACT_COMPONENT:
            chosen += [int(at[k]) for k in _greedy(np.argsort(-ranked[at], kind="stable"), row_of, col_of)]
        else:
            # Non-edges get zero gain, so the assignment may leave a claim unlinked rather than force it.
            sub = np.zeros((len(rows), len(cols)))
            sub[row_of, col_of] = ranked[at]
            where = np.full((len(rows), len(cols)), -1, dtype=np.int64)
            where[row_of, col_of] = at
            chosen += [int(where[r, c]) for r, c in hungarian(-sub) if where[r, c] >= 0]
    return np.array(sorted(chosen), dtype=np.int64)


def assign(scores: np.ndarray, threshold: float, *, first: np.ndarray | None = None) -> list[tuple[int, int]]:
    """``assign_pairs`` on a full matrix: the chosen (row, column) pairs.

    >>> assign(np.array([[0.9, 0.8], [0.85, 0.1]]), 0.5)
    [(0, 1), (1, 0)]
    """
    pairs = Pairs.full(*scores.shape)
    flat_first = None if first is None else np.asarray(first).ravel()
    at = assign_pairs(pairs, scores.ravel(), threshold, first=flat_first)
    return sorted((int(pairs.i[k]), int(pairs.j[k])) for k in at)


def split_pairs(
    pairs: Pairs,
    scores: np.ndarray,
    chosen: np.ndarray,
    threshold: float,
    *,
    duplicates: np.ndarray | None = None,
) -> np.ndarray:
    """Let a claim also link to a second claim when the other account split (or merged) the sentence.

    A claim left unlinked by the assignment joins its best partner if that score clears the threshold:
    the partner already has a link, so the two claims together are its counterpart. A near-identical
    copy (``duplicates``) is not a part of its partner but a repetition, and repetitions link one to one.
    """
    linked_r = np.zeros(pairs.n, dtype=bool)
    linked_c = np.zeros(pairs.m, dtype=bool)
    linked_r[pairs.i[chosen]] = True
    linked_c[pairs.j[chosen]] = True
    best_of_col = group_best(pairs.j, scores, pairs.m)
    best_of_row = group_best(pairs.i, scores, pairs.n)
    extra = set()
    for best, unlinked, partner_linked in (
        (best_of_col, ~linked_c, linked_r[pairs.i]),
        (best_of_row, ~linked_r, linked_c[pairs.j]),
    ):
        for k in best[unlinked & (best >= 0)]:
            dup = duplicates is not None and bool(duplicates[k])
            if scores[k] >= threshold and partner_linked[k] and not dup:
                extra.add(int(k))
    return np.array(sorted(set(chosen.tolist()) | extra), dtype=np.int64)


def add_split_links(
    scores: np.ndarray,
    pairs: list[tuple[int, int]],
    threshold: float,
    *,
    duplicates: np.ndarray | None = None,
) -> list[tuple[int, int]]:
    """``split_pairs`` on a full matrix and a list of chosen (row, column) pairs."""
    full = Pairs.full(*scores.shape)
    chosen = np.array(sorted(i * scores.shape[1] + j for i, j in pairs), dtype=np.int64)
    flat_dup = None if duplicates is None else np.asarray(duplicates).ravel()
    at = split_pairs(full, scores.ravel(), chosen, threshold, duplicates=flat_dup)
    return sorted((int(full.i[k]), int(full.j[k])) for k in at)
