"""Candidate pairs as flat arrays: the engine's claims x claims scores without a claims x claims matrix.

A ``Pairs`` holds the (row, column) index of every pair that was scored: all of them for small inputs, the
nearest few of each claim for large ones (``blocking.py``). Every step after scoring (local scaling, the
assignment, split links, features, candidates) works on these arrays, so memory grows with the number of
scored pairs, not with the product of the two documents' lengths.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class Pairs:
    n: int  # rows (claims of the base)
    m: int  # columns (claims of the account)
    i: np.ndarray  # row of each pair, int64
    j: np.ndarray  # column of each pair, int64

    @classmethod
    def full(cls, n: int, m: int) -> Pairs:
        """Every pair, row-major (the order of ``matrix.ravel()``)."""
        return cls(n, m, np.repeat(np.arange(n), m), np.tile(np.arange(m), n))

    def __len__(self) -> int:
        return len(self.i)

    def index(self) -> dict[tuple[int, int], int]:
        return {(int(a), int(b)): k for k, (a, b) in enumerate(zip(self.i, self.j, strict=True))}


def rank_in_group(group: np.ndarray, value: np.ndarray) -> np.ndarray:
    """0 for the largest ``value`` of each group, 1 for the next, ... (ties by position)."""
    order = np.lexsort((-value, group))
    sorted_group = group[order]
    starts = np.flatnonzero(np.r_[True, sorted_group[1:] != sorted_group[:-1]])
    first = np.repeat(starts, np.diff(np.r_[starts, len(order)]))
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order)) - first
    return rank


def top_k_mean(group: np.ndarray, value: np.ndarray, size: int, k: int, pad: float) -> np.ndarray:
    """Per group (0..size-1): the mean of its ``k`` largest values, missing ones counted as ``pad``."""
    if not len(group):
        return np.full(size, pad, dtype=np.float64)
    keep = rank_in_group(group, value) < k
    total = np.bincount(group[keep], weights=value[keep], minlength=size)
    count = np.bincount(group[keep], minlength=size)
    return (total + (k - count) * pad) / k


def group_best(group: np.ndarray, value: np.ndarray, size: int, nth: int = 0) -> np.ndarray:
    """Per group: the position (into the pair arrays) of its ``nth`` largest value, or -1."""
    out = np.full(size, -1, dtype=np.int64)
    if not len(group):
        return out
    at = np.flatnonzero(rank_in_group(group, value) == nth)
    out[group[at]] = at
    return out


def components(pairs: Pairs, edges: np.ndarray) -> Iterator[np.ndarray]:
    """Connected components of the bipartite graph of the pairs where ``edges``, as arrays of pair positions."""
    at = np.flatnonzero(edges)
    parent = np.arange(pairs.n + pairs.m)

    def find(x: int) -> int:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    for k in at:
        a, b = find(int(pairs.i[k])), find(pairs.n + int(pairs.j[k]))
        if a != b:
            parent[b] = a
    roots = np.array([find(int(pairs.i[k])) for k in at], dtype=np.int64)
    for root in np.unique(roots):
        yield at[roots == root]
