"""Readings of a claim's text kept for the next claim it meets.

A claim is related to every claim it is linked with, and each rule reads its text again (tokens, lemmas,
speakers, agents, evaluations). Each reading is a pure function of the text, so it is computed once and
kept in a bounded cache: the least recently used text is dropped first, so memory stays bounded in a long
session or on a 400,000-word pair.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

T = TypeVar("T")

# Texts kept per reading: more than the claims of a pair at the per-document limit (13,957).
TEXTS = 1 << 14


def per_text(fn: Callable[[str], list[T]]) -> Callable[[str], list[T]]:
    """``fn`` with its result kept per text; every call returns a list of its own (a caller may change it)."""
    kept = lru_cache(maxsize=TEXTS)(lambda text: tuple(fn(text)))

    @wraps(fn)
    def read(text: str) -> list[T]:
        return list(kept(text))

    read.cache_clear = kept.cache_clear  # type: ignore[attr-defined]
    read.cache_info = kept.cache_info  # type: ignore[attr-defined]
    return read
