"""Choose links from a score matrix: a global one-to-one assignment, then the second halves of splits.

Greedy best-first lets one strong but wrong pair steal a claim from its true partner; an assignment that
maximises the total margin over the threshold does not. The assignment runs per connected component of
the candidate graph, so a book-length pair costs little more than its candidates.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

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


def _components(edges: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Connected components (row indices, column indices) of a boolean bipartite adjacency matrix."""
    n, m = edges.shape
    seen_r = np.zeros(n, dtype=bool)
    seen_c = np.zeros(m, dtype=bool)
    for start in np.flatnonzero(edges.any(axis=1)):
        if seen_r[start]:
            continue
        rows = {int(start)}
        cols: set[int] = set()
        frontier_r = [int(start)]
        seen_r[start] = True
        while frontier_r:
            new_c = np.flatnonzero(edges[frontier_r].any(axis=0) & ~seen_c)
            seen_c[new_c] = True
            cols.update(int(x) for x in new_c)
            new_r = np.flatnonzero(edges[:, new_c].any(axis=1) & ~seen_r) if len(new_c) else []
            seen_r[new_r] = True
            rows.update(int(x) for x in new_r)
            frontier_r = [int(x) for x in new_r]
        yield np.array(sorted(rows)), np.array(sorted(cols))


def _greedy(gain: np.ndarray) -> list[tuple[int, int]]:
    order = np.dstack(np.unravel_index(np.argsort(-gain, axis=None), gain.shape))[0]
    used_r: set[int] = set()
    used_c: set[int] = set()
    out = []
    for i, j in order:
        if gain[i, j] <= 0:
            break
        if i not in used_r and j not in used_c:
            used_r.add(int(i))
            used_c.add(int(j))
            out.append((int(i), int(j)))
    return out


def _position_gap(n: int, m: int) -> np.ndarray:
    """How far apart two claims sit in their documents, as fractions of the way through (0 = level)."""
    return np.abs(np.arange(n)[:, None] / max(n, 1) - np.arange(m)[None, :] / max(m, 1))


def assign(scores: np.ndarray, threshold: float, *, first: np.ndarray | None = None) -> list[tuple[int, int]]:
    """One-to-one pairs maximising the summed margin ``score - threshold`` over pairs above threshold.

    ``first`` marks pairs that must win over any mix of others (near-identical claims): each counts as
    much as every ordinary pair together, so adding claims to either side never takes one away. Among
    equal candidates (a sentence repeated) the pair nearer in document order wins.
    """
    gain = scores - threshold
    edges = gain > 0
    ranked = gain - TIE_BREAK * _position_gap(*gain.shape)
    if first is not None:
        ranked = ranked + np.where(first & edges, PRIORITY, 0.0)
    pairs: list[tuple[int, int]] = []
    for rows, cols in _components(edges):
        sub = gain[np.ix_(rows, cols)]
        rank = ranked[np.ix_(rows, cols)]
        if len(rows) == 1 or len(cols) == 1:
            i, j = np.unravel_index(int(np.argmax(np.where(sub > 0, rank, -np.inf))), sub.shape)
            chosen = [(int(i), int(j))]
        elif len(rows) + len(cols) > MAX_EXACT_COMPONENT:
            chosen = _greedy(np.where(sub > 0, rank, 0.0))
        else:
            # Non-edges get zero gain, so the assignment may leave a claim unlinked rather than force it.
            chosen = hungarian(-np.where(sub > 0, rank, 0.0))
        pairs.extend((int(rows[i]), int(cols[j])) for i, j in chosen if sub[i, j] > 0)
    return sorted(pairs)


def add_split_links(
    scores: np.ndarray,
    pairs: list[tuple[int, int]],
    threshold: float,
    *,
    duplicates: np.ndarray | None = None,
) -> list[tuple[int, int]]:
    """Let a claim also link to a second claim when the other account split (or merged) the sentence.

    A claim left unlinked by the assignment joins its best partner if that score clears the threshold:
    the partner already has a link, so the two claims together are its counterpart. A near-identical
    copy (``duplicates``) is not a part of its partner but a repetition, and repetitions link one to one.
    """
    linked_r = {i for i, _ in pairs}
    linked_c = {j for _, j in pairs}
    extra = []
    for j in range(scores.shape[1]):
        if j not in linked_c and scores.shape[0]:
            i = int(np.argmax(scores[:, j]))
            if scores[i, j] >= threshold and i in linked_r and not _dup(duplicates, i, j):
                extra.append((i, j))
    for i in range(scores.shape[0]):
        if i not in linked_r and scores.shape[1]:
            j = int(np.argmax(scores[i]))
            if scores[i, j] >= threshold and j in linked_c and not _dup(duplicates, i, j):
                extra.append((i, j))
    return sorted(set(pairs) | set(extra))


def _dup(duplicates: np.ndarray | None, i: int, j: int) -> bool:
    return duplicates is not None and bool(duplicates[i, j])
