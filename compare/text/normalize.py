"""Named text processors for scoring: the engine never lower-cases or strips anything behind your back.

Each function is passed explicitly (as rapidfuzz's ``processor=``) so a reader sees what was compared.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

STOPWORDS = frozenset(
    """
    a an the and or but if then than that this these those there their they them its it it's is are was
    were be been being am do does did done to of in on at by for from with as into onto about over under
    after before between through during since until while so such too very can could would should will
    shall may might must have has had having he she his her him we us our you your i me my mine who whom
    whose which what when where why how all any both each few more most other some own same just also
    only even still yet now here up down out off again further once s t re ve ll d m said says say told
    according one
    """.split()  # noqa: SIM905 - a word list reads better as words
)

_TOKEN = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*")
_SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ies", "ied", "ers", "er", "ed", "es", "ly", "s")


def fold(text: str) -> str:
    """Lower-case, strip accents, unify quotes and dashes: "Shi’ite" and "Shiite" compare equal."""
    if text.isascii():  # nothing to decompose and no accent to strip: the same result, much sooner
        return text.replace("'", "").lower()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "").replace("'", "").replace("‘", "")
    return text.lower()


def stem(word: str) -> str:
    """A light suffix stripper: "halted"/"halts"/"halt" -> "halt". Crude on purpose: fast and predictable."""
    if word.isdigit() or len(word) <= 3:
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= (3 if suffix == "s" else 4):
            if suffix == "s" and word.endswith("ss"):
                break
            word = word[: -len(suffix)]
            break
    return word[:8]


@lru_cache(maxsize=1 << 16)
def content_tokens(text: str) -> tuple[str, ...]:
    """Stemmed content words of a text, in order (cached: the base's claims meet every account).

    >>> content_tokens("The airstrikes were halted on Tuesday, two days early.")
    ('airstrik', 'halt', 'tuesday', 'two', 'day', 'early')
    """
    out = []
    for tok in _TOKEN.findall(fold(text)):
        tok = tok.replace(",", "")
        if tok in STOPWORDS:
            continue
        out.append(stem(tok))
    return tuple(out)


def content_string(text: str) -> str:
    """``content_tokens`` joined by spaces: the processor used before rapidfuzz's scorers."""
    return " ".join(content_tokens(text))
