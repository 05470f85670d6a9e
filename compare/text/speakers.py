"""Who speaks in each claim: a sentence opening "He said ..." and the sentences of a quoted passage speak for
the person named nearby.

- A claim that opens with a pronoun and a verb of saying ("He described ...") speaks for the person the
  previous claim named last (its speaker, else the last full name among its entities).
- A quoted passage has one speaker: the name found on any of its sentences applies to all of them.
  'Kerry added: "So we have to work with the tools we have. The tools we have are diplomatic."' is two
  claims; only the first names Kerry, but the second is his words too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from compare.model import Claim

# A linguistic rule (a pronoun subject and a verb of saying), not a word list fitted to any text.
PRONOUN_OPENER = re.compile(
    r"(?:He|She)\s+(?:said|told|added|described|warned|wrote|reported|posted|called)\b"
)
_OPEN, _CLOSE = "“", "”"


def resolve_speakers(claims: Sequence[Claim]) -> list[Claim]:
    """The claims of one document in reading order, with the speakers a pronoun or a passage implies.

    >>> from compare.model import Facts
    >>> said = Claim("d0:c0", "d0", 0, 16, "Ann Lee said so.", Facts(speaker="Ann Lee"))
    >>> more = Claim("d0:c1", "d0", 17, 32, "She added more.", Facts())
    >>> resolve_speakers([said, more])[1].facts.speaker
    'Ann Lee'
    """
    out: list[Claim] = []
    for claim in claims:
        if not claim.facts.speaker and out and PRONOUN_OPENER.match(claim.text):
            # "He described ..." speaks for the person the previous claim named last.
            prior = out[-1].facts
            person = prior.speaker or next((e for e in reversed(prior.entities) if " " in e), "")
            if person:
                claim = replace(claim, facts=replace(claim.facts, speaker=person))
        out.append(claim)
    return share_speakers(out)


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
