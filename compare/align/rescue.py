"""Same claim, one fact differs: links that whole-sentence similarity misses.

A long sentence of one account may tell, in one clause, what another account tells in a short sentence of
its own with another figure ("killed at least 62 soldiers" inside a paragraph-long sentence, "killing at
least 90 soldiers" alone). Sentence scores are low, so the two stay apart, yet the words around the figure
are the same. This pass looks only at claims the assignment left unlinked on one side at least, and links
two claims when a fact of the same kind (a number, a date, a duration) sits in the same frame of words on
both sides, or, for two claims both left unlinked that are each other's best candidate and nearly strong
enough, when such a fact shares at least a word of its frame. The relation is then computed as for any link.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from compare.align.pairs import Pairs, group_best
from compare.align.polarity import context, lemma, read
from compare.model import AlignSettings, Claim
from compare.text.facts import BOUNDS

FRAME = 6  # content words either side of a fact that make its frame (within its clause)
MIN_SHARED = 3  # frame words two mentions must share to be the same fact
# The two claims must still look alike: at most this far below the link threshold (0.55 -> 0.30).
BELOW_THRESHOLD = 0.25
# Two claims left unlinked on both sides that are each other's best candidate need less: a fact of the
# same kind with one frame word in common, and nearly the strength of an ordinary link.
MUTUAL_BELOW = 0.10
_BOUND_WORDS = frozenset(lemma(w) for b in BOUNDS for w in b.split())


def _frames(claim: Claim) -> list[tuple[str, frozenset[str]]]:
    """(kind, frame words) of each fact mention of a claim."""
    r = read(claim.text)
    mentions: list[tuple[str, str]] = [("number", q.text) for q in claim.facts.numbers]
    mentions += [("date", d.text) for d in claim.facts.dates if (d.day and d.month) or d.weekday]
    mentions += [("duration", d.text) for d in claim.facts.durations]
    out = []
    for kind, text in mentions:
        pos = claim.text.find(text)
        idx = [i for i, t in enumerate(r.toks) if pos >= 0 and t.start >= pos and t.end <= pos + len(text)]
        if idx:
            out.append((kind, frozenset(context(r, idx[0], idx[-1], FRAME)) - _BOUND_WORDS))
    return out


def _shared_frame(a: list[tuple[str, frozenset[str]]], b: list[tuple[str, frozenset[str]]]) -> int:
    return max((len(fa & fb) for ka, fa in a for kb, fb in b if ka == kb), default=0)


def fact_frame_positions(
    base: Sequence[Claim],
    other: Sequence[Claim],
    pairs: Pairs,
    strength: np.ndarray,
    chosen: np.ndarray,
    threshold: float,
) -> np.ndarray:
    """Positions (into ``pairs``) of extra links: an unlinked claim and the claim whose fact shares its frame.

    Each unlinked claim gets at most one such partner: the one sharing the most frame words (then the
    strongest overall); a pair already chosen is never repeated.
    """
    if threshold > AlignSettings().threshold:
        return np.array([], dtype=np.int64)  # a stricter threshold asks for fewer links: no rescue then
    linked_a = {int(pairs.i[k]) for k in chosen.tolist()}
    linked_b = {int(pairs.j[k]) for k in chosen.tolist()}
    taken = {int(k) for k in chosen.tolist()}
    row_best = group_best(pairs.i, strength, pairs.n)
    col_best = group_best(pairs.j, strength, pairs.m)
    fa: dict[int, list[tuple[str, frozenset[str]]]] = {}
    fb: dict[int, list[tuple[str, frozenset[str]]]] = {}
    best: dict[tuple[str, int], tuple[int, float, int]] = {}
    for k in np.flatnonzero(strength >= threshold - BELOW_THRESHOLD).tolist():
        i, j = int(pairs.i[k]), int(pairs.j[k])
        if k in taken or (i in linked_a and j in linked_b):
            continue
        frames_a = fa[i] if i in fa else fa.setdefault(i, _frames(base[i]))
        frames_b = fb[j] if j in fb else fb.setdefault(j, _frames(other[j]))
        if not frames_a or not frames_b:
            continue
        shared = _shared_frame(frames_a, frames_b)
        mutual = (
            i not in linked_a
            and j not in linked_b
            and strength[k] >= threshold - MUTUAL_BELOW
            and row_best[i] == k
            and col_best[j] == k
        )
        if shared < MIN_SHARED and not (mutual and shared >= 1):
            continue
        key = ("b", j) if j not in linked_b else ("a", i)
        candidate = (shared, float(strength[k]), k)
        if key not in best or candidate[:2] > best[key][:2]:
            best[key] = candidate
    return np.array(sorted({k for _, _, k in best.values()}), dtype=np.int64)
