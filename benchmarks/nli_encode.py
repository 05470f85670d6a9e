"""Pair encoding for the trained contradiction reader (benchmarks/train_contradiction.py, nli_measure.py).

The reader is a MiniLM-L6 cross-encoder with a two-way head: it reads ``[CLS] a [SEP] b [SEP]`` with segment
ids and gives P(contradiction). The ids come from the application's own WordPiece (compare.align.wordpiece,
the vocabulary in resources/models), so that training and measuring see the same ids; they equal those of
the Hugging Face tokenizer of all-MiniLM-L6-v2 for a pair (checked when the script was written). Only
standard-library and project imports: the training environment (with torch) has no project dependencies.
"""

from __future__ import annotations

from collections.abc import Sequence

from compare.align.wordpiece import WordPiece

MAX_TOKENS = 128


def encode_pair(
    tokenizer: WordPiece, a: str, b: str, max_length: int = MAX_TOKENS
) -> tuple[list[int], list[int]]:
    """(input ids, token type ids) of ``[CLS] a [SEP] b [SEP]``; the longer side is cut first to fit."""
    left = tokenizer.encode(a)[1:-1]
    right = tokenizer.encode(b)[1:-1]
    room = max(0, max_length - 3)
    while len(left) + len(right) > room:
        if len(left) >= len(right):
            left.pop()
        else:
            right.pop()
    ids = [tokenizer.cls, *left, tokenizer.sep, *right, tokenizer.sep]
    types = [0] * (len(left) + 2) + [1] * (len(right) + 1)
    return ids, types


def pad(
    rows: Sequence[tuple[list[int], list[int]]],
) -> tuple[list[list[int]], list[list[int]], list[list[int]]]:
    """Input ids, attention masks and token types of a batch, padded with zeros to its longest row."""
    width = max((len(ids) for ids, _ in rows), default=0)
    ids = [r[0] + [0] * (width - len(r[0])) for r in rows]
    mask = [[1] * len(r[0]) + [0] * (width - len(r[0])) for r in rows]
    types = [r[1] + [0] * (width - len(r[1])) for r in rows]
    return ids, mask, types
