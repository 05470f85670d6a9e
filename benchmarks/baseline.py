"""The plain baseline of docs/quality.md: regex sentences, difflib ratio, one-to-one assignment.

Everything agrees (a baseline has no notion of contradiction), so its contradiction F1 is 0 by design.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from compare.align.match import assign
from compare.model import FORMAT, Document

THRESHOLD = 0.4  # the best of 0.3-0.6 on the corpus: the baseline gets its fairest chance


def regex_sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+(?:[.!?]+|$)", text) if m.group().strip()]


def baseline_contract(documents: Sequence[Document], threshold: float = THRESHOLD) -> dict[str, Any]:
    claims: list[dict[str, Any]] = []
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for d in documents:
        for n, (s, e) in enumerate(regex_sentences(d.text)):
            while s < e and d.text[s].isspace():
                s += 1
            c = {"id": f"{d.id}:c{n}", "doc": d.id, "start": s, "end": e, "text": d.text[s:e]}
            claims.append(c)
            by_doc.setdefault(d.id, []).append(c)
    links = []
    base = by_doc.get(documents[0].id, [])
    for d in documents[1:]:
        other = by_doc.get(d.id, [])
        scores = np.array(
            [
                [difflib.SequenceMatcher(None, a["text"].lower(), b["text"].lower()).ratio() for b in other]
                for a in base
            ]
        ).reshape(len(base), len(other))
        for i, j in assign(scores, threshold):
            links.append({"a": base[i]["id"], "b": other[j]["id"], "relation": "agree", "score": float(scores[i, j]),
                          "reasons": []})  # fmt: skip
    return {
        "format": FORMAT,
        "documents": [{"id": d.id, "title": d.title, "path": d.source, "text": d.text} for d in documents],
        "claims": claims,
        "links": links,
        "omissions": [],
    }
