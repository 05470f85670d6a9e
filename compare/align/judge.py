"""The relation of any two claims, measured the way the engine measures a link it draws.

Links drawn or relabelled by hand go through here, so that a hand link shows the same kind of reasons as an
engine link ("duration differs: three days vs two days"), and a person's label is shown next to what the
rules found rather than in place of it.
"""

from __future__ import annotations

from compare.align.engine import SIMILAR_WORDING
from compare.align.relate import relate
from compare.align.score import pair_scores
from compare.model import Claim, Relation

WORD = {Relation.AGREE: "agrees", Relation.CONTRADICT: "differs"}


def judge(a: Claim, b: Claim) -> tuple[Relation, tuple[str, ...]]:
    """``relate`` with the engine's own test of "worded alike" for this one pair."""
    scores = pair_scores([a.text], [b.text], [a.facts], [b.facts])
    lexical = float(max(scores.cosine[0, 0], scores.token_set[0, 0]))
    return relate(a, b, lexical, similar=lexical >= SIMILAR_WORDING)


def by_hand(a: Claim, b: Claim, label: Relation | None, *, drawn: bool) -> tuple[Relation, tuple[str, ...]]:
    """The relation and reasons of a link a person drew (``drawn``) or labelled (``label``).

    Without a label the computed relation stands. A label overrides it, and the first reason says both,
    e.g. "marked differs by hand (the rules found: agrees)", followed by the rules' own reasons.

    >>> from compare.text.facts import extract
    >>> x = Claim("d0:c0", "d0", 0, 30, "The pause lasted three days.", extract("The pause lasted three days."))
    >>> y = Claim("d1:c0", "d1", 0, 28, "The pause lasted two days.", extract("The pause lasted two days."))
    >>> by_hand(x, y, None, drawn=True)
    (<Relation.CONTRADICT: 'contradict'>, ('duration differs: three days vs two days', 'linked by hand'))
    >>> by_hand(x, y, Relation.AGREE, drawn=False)[1][0]
    'marked agrees by hand (the rules found: differs)'
    """
    computed, reasons = judge(a, b)
    tail = ("linked by hand",) if drawn else ()
    if label is None or Relation(label) is computed:
        return computed, (*reasons, *tail)
    note = f"marked {WORD[Relation(label)]} by hand (the rules found: {WORD[computed]})"
    return Relation(label), (note, *reasons, *tail)
