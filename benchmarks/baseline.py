"""The two plain baselines of docs/quality.md: regex sentences, a pair score, one-to-one assignment.

- difflib: ``difflib.SequenceMatcher.ratio`` of the lower-cased sentences;
- MiniLM: cosine of all-MiniLM-L6-v2 sentence embeddings (the engine's own model, run through its Embedder).

Everything agrees (a baseline has no notion of contradiction), so their contradiction F1 is 0 by design.
Thresholds are chosen on the fit split of benchmarks/devsets (see eval_dev.py), never on held-out material.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from compare.align.match import assign
from compare.model import FORMAT, Document

THRESHOLD = 0.4  # difflib: the best of 0.3-0.6 on the seed corpus, kept for benchmarks/quality.py
MINILM_THRESHOLD = 0.6  # MiniLM cosine: replaced by the threshold chosen on the fit split when eval_dev runs

Embed = Callable[[Sequence[str]], np.ndarray]
PairScores = Callable[[list[str], list[str]], np.ndarray]


def regex_sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+(?:[.!?]+|$)", text) if m.group().strip()]


def _claims(documents: Sequence[Document]) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    claims: list[dict[str, Any]] = []
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for d in documents:
        for n, (s, e) in enumerate(regex_sentences(d.text)):
            while s < e and d.text[s].isspace():
                s += 1
            c = {"id": f"{d.id}:c{n}", "doc": d.id, "start": s, "end": e, "text": d.text[s:e]}
            claims.append(c)
            by_doc.setdefault(d.id, []).append(c)
    return claims, by_doc


def difflib_scores(base: list[str], other: list[str]) -> np.ndarray:
    rows = [[difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio() for b in other] for a in base]
    return np.array(rows, dtype=float).reshape(len(base), len(other))


def cosine_scores(embed: Embed) -> PairScores:
    def scores(base: list[str], other: list[str]) -> np.ndarray:
        if not base or not other:
            return np.zeros((len(base), len(other)))
        return np.asarray(embed(base), dtype=float) @ np.asarray(embed(other), dtype=float).T

    return scores


def scored_pairs(documents: Sequence[Document], pair_scores: PairScores) -> dict[str, Any]:
    """Claims and the base x account score matrices: computed once, then assigned at any threshold."""
    claims, by_doc = _claims(documents)
    base = by_doc.get(documents[0].id, [])
    matrices = []
    for d in documents[1:]:
        other = by_doc.get(d.id, [])
        matrices.append((other, pair_scores([c["text"] for c in base], [c["text"] for c in other])))
    return {"documents": documents, "claims": claims, "base": base, "matrices": matrices}


def assigned_contract(scored: dict[str, Any], threshold: float) -> dict[str, Any]:
    links = []
    for other, scores in scored["matrices"]:
        for i, j in assign(scores, threshold):
            links.append({"a": scored["base"][i]["id"], "b": other[j]["id"], "relation": "agree",
                          "score": float(scores[i, j]), "reasons": []})  # fmt: skip
    return {
        "format": FORMAT,
        "documents": [
            {"id": d.id, "title": d.title, "path": d.source, "text": d.text} for d in scored["documents"]
        ],
        "claims": scored["claims"],
        "links": links,
        "omissions": [],
    }


def baseline_contract(documents: Sequence[Document], threshold: float = THRESHOLD) -> dict[str, Any]:
    return assigned_contract(scored_pairs(documents, difflib_scores), threshold)


def minilm_contract(
    documents: Sequence[Document], embed: Embed, threshold: float = MINILM_THRESHOLD
) -> dict[str, Any]:
    return assigned_contract(scored_pairs(documents, cosine_scores(embed)), threshold)
