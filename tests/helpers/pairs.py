"""Two sentences judged as one linked pair, the way the engine judges any pair (``compare.align.judge``)."""

from __future__ import annotations

from compare.align.judge import judge
from compare.model import Claim, Relation
from compare.text.facts import extract


def claim(text: str, doc: str) -> Claim:
    return Claim(f"{doc}:c0", doc, 0, len(text), text, extract(text))


def judged(a: str, b: str) -> tuple[Relation, tuple[str, ...]]:
    """The relation and reasons the rules give sentence ``a`` of one account against ``b`` of another."""
    return judge(claim(a, "d0"), claim(b, "d1"))
