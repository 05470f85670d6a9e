"""What makes an "agrees" more than a shared topic: a fact in common, close wording or close meaning.

Two claims about the same people and places are alike without saying the same thing; an agreement shown
on that alone is the costliest mistake the app can make. A pair with nothing beyond names in common is
therefore a possible counterpart (a suggestion), never an agreement. Contradictions are not judged here:
they rest on a checkable difference that ``relate`` names.
"""

from __future__ import annotations

from functools import lru_cache

from compare.align.score import NEAR_IDENTICAL, fact_keys
from compare.model import Claim
from compare.text.memo import TEXTS
from compare.text.normalize import content_tokens

# Dice overlap of the content words that are not part of a name, at or above which two claims share
# wording beyond their topic: about one word in common for claims of ten content words each. Chosen on the
# fit subjects of benchmarks/devsets: from 0.25 (a first guess from STS-B) down to 0.1 the link recall
# there rose from 0.60 to 0.64 with precision unchanged at 1.00; lower bars added little. Names alone stay
# no evidence at any level.
CLOSE_WORDS = 0.1
# Sentence-embedding cosine (MiniLM, see semantic.py) at or above which two claims are close in meaning:
# on every other STS-B train pair it keeps 94 % of the pairs scored 3.5 or more and 12 % of those below 2.
CLOSE_MEANING = 0.65


def shared_facts(a: Claim, b: Claim) -> set[str]:
    """Numbers, dates and durations both claims state (names and speakers left out: they are the topic)."""
    keys_a = {k for k in fact_keys(a.facts) if not k.startswith("e:")}
    keys_b = {k for k in fact_keys(b.facts) if not k.startswith("e:")}
    return keys_a & keys_b


def _words_beyond_names(claim: Claim) -> frozenset[str]:
    return _beyond(claim.text, (*claim.facts.entities, claim.facts.speaker))


@lru_cache(maxsize=TEXTS)  # a claim meets every claim of the other side
def _beyond(text: str, names: tuple[str, ...]) -> frozenset[str]:
    words = set()
    for name in names:
        words.update(content_tokens(name))
    return frozenset(set(content_tokens(text)) - words)


def words_beyond_names(a: Claim, b: Claim) -> float:
    """Dice overlap of the stemmed content words of two claims, names left out."""
    wa, wb = _words_beyond_names(a), _words_beyond_names(b)
    return 2 * len(wa & wb) / (len(wa) + len(wb)) if wa and wb else 0.0


def agreement_evidence(a: Claim, b: Claim, *, wording: float, meaning: float | None = None) -> str:
    """Why two linked claims may be shown as agreeing, or "" when nothing beyond the topic supports it.

    >>> from compare.text.facts import extract
    >>> x = Claim("d0:c0", "d0", 0, 9, "By Jane Doe", extract("By Jane Doe"))
    >>> y = Claim("d1:c0", "d1", 0, 12, "By John Smith", extract("By John Smith"))
    >>> agreement_evidence(x, y, wording=0.1)
    ''
    """
    if wording >= NEAR_IDENTICAL:
        return "near-identical wording"
    if shared_facts(a, b):
        return "shared facts"
    if words_beyond_names(a, b) >= CLOSE_WORDS:
        return "close wording"
    if meaning is not None and meaning >= CLOSE_MEANING:
        return "close meaning"
    return ""
