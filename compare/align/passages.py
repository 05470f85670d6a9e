"""A quoted passage has one speaker: the name found on any of its sentences applies to all of them.

'Kerry added: "So we have to work with the tools we have. The tools we have are diplomatic."' is two
claims; only the first names Kerry, but the second is his words too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from compare.model import Claim

_OPEN, _CLOSE = "“", "”"


def _balance(text: str) -> int:
    """Quotation marks a claim leaves open (positive) or closes that an earlier claim opened (negative)."""
    curly = text.count(_OPEN) - text.count(_CLOSE)
    straight = text.count('"') % 2
    if straight:
        # An odd straight quote opens when it comes before the words it quotes, else it closes.
        at = text.rfind('"') if text.rstrip().endswith('"') else text.find('"')
        straight = -1 if at >= len(text.rstrip()) - 2 else 1
    return curly + straight


def passages(claims: Sequence[Claim]) -> list[list[int]]:
    """Indices of claims that form one quoted passage (two or more claims), in order."""
    out: list[list[int]] = []
    current: list[int] = []
    depth = 0
    for n, c in enumerate(claims):
        b = _balance(c.text)
        if depth > 0:
            current.append(n)
            depth += b
            if depth <= 0:
                out.append(current)
                current, depth = [], 0
        elif b > 0:
            current, depth = [n], b
    if len(current) > 1:
        out.append(current)
    return [p for p in out if len(p) > 1]


def share_speakers(claims: Sequence[Claim]) -> list[Claim]:
    """The claims, with the speaker of each quoted passage given to its sentences that name none."""
    out = list(claims)
    for group in passages(claims):
        speakers = {out[n].facts.speaker for n in group if out[n].facts.speaker}
        if len(speakers) != 1:
            continue  # nobody named, or two different people: nothing safe to share
        who = speakers.pop()
        for n in group:
            if not out[n].facts.speaker and out[n].doc == out[group[0]].doc:
                out[n] = replace(out[n], facts=replace(out[n].facts, speaker=who, quoted=True))
    return out
