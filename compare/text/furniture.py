"""Page furniture: bylines, datelines, photo credits, headlines and other lines that are not claims.

Recognised by general patterns of news pages, never by a name: a line opening "By" and a capitalised
name; an all-capitals place (with an optional date or agency) and a dash opening the first paragraph;
a line with "©", "Photo:" or AGENCY/Name; and short lines without a sentence end above the first or below
the last paragraph of prose (headlines, mastheads, "Updated ..." stamps, "Share this story"). A document
that is all such lines (a headline on its own, a post) has no furniture: its lines are its claims.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from compare.text.facts import MONTH_NAMES, WEEKDAYS

# Line lengths (in words) beyond which a line is prose whatever it looks like.
MAX_HEADING_WORDS = 20
MAX_BYLINE_WORDS = 15
# A short line without a sentence end between paragraphs of prose is a subheading.
MAX_SUBHEADING_WORDS = 6

_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*\s*$""")
_BYLINE = re.compile(r"(?:^|[·|•–—-]\s*)By\s+(?:Dr\.?\s+|Prof\.?\s+)?([A-Z][\w'’.-]*)")
_CREDIT = re.compile(
    r"©|^\s*(?:Photo(?:graph)?|Picture|Image|Illustration|Graphic|Video)s?\s*(?:credit)?\s*:|"
    r"^\s*Credits?\s*:|\b[A-Z]{3,}/[A-Z][\w.]+"
)
# "ERBIL, Iraq –", "MOSCOW, July 15 –", "ROME, April 6 (Agency) –", "BEIRUT –" at the start of a paragraph.
_DATELINE = re.compile(
    r"""[A-Z][A-Z'’.-]{2,}(?:[ -][A-Z][A-Z'’.-]+)*"""  # an all-capitals place
    r"""(?:,\s*[\w.'’]+(?:\s+[\w.'’]+){0,3})?"""  # ", Iraq" / ", July 15" / ", 16 July 2018"
    r"""(?:\s*\([^()\n]{1,80}\))?"""  # "(Continental Press Agency)"
    r"""\s*(?:[–—]|--?)(?=\s|$)"""
)
_BULLET = re.compile(r"^\s*(?:[•*·▪◦-]|\d+[.)])\s")


def _is_time(word: str) -> bool:
    """ "By February, ..." and "By Monday" open a sentence about time, not a byline."""
    return word.rstrip(".,") in (*MONTH_NAMES[1:], *WEEKDAYS)


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


def line_kind(line: str, *, edge: bool) -> str:
    """The kind of furniture a whole line is ("" = content); ``edge``: above or below the prose."""
    words = len(line.split())
    if words <= MAX_HEADING_WORDS and _CREDIT.search(line):
        return "credit"
    byline = _BYLINE.search(line)
    if byline and words <= MAX_BYLINE_WORDS and not ends_sentence(line) and not _is_time(byline.group(1)):
        return "byline"
    if ends_sentence(line) or _BULLET.match(line):
        return ""
    if edge and words <= MAX_HEADING_WORDS:
        return "heading"
    if (
        words <= MAX_SUBHEADING_WORDS
        and not re.search(r"\d", line)
        and not line.rstrip().endswith((",", ";", ":"))
    ):
        return "heading"
    return ""


def dateline_end(text: str, start: int, end: int) -> int:
    """Where a dateline opening ``text[start:end]`` ends (after its dash), or ``start`` when there is none."""
    m = _DATELINE.match(text, start, end)
    return m.end() if m else start


def is_prose(lines: Sequence[str]) -> bool:
    """Whether a paragraph has a line of prose: one that ends a sentence or is too long for a heading."""
    return any(ends_sentence(ln) or len(ln.split()) > MAX_HEADING_WORDS for ln in lines)
