"""The result contract (``narrative-compare/1``) as JSON, and the links as CSV."""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from compare.model import FORMAT, Candidate, Comparison, Facts, Link
from compare.safe_write import write_file


def facts_dict(f: Facts) -> dict[str, Any]:
    return {
        "numbers": [
            {"text": q.text, "value": _finite(q.value), "bound": q.bound, "unit": q.unit} for q in f.numbers
        ],
        "dates": [
            {"text": d.text, "day": d.day, "month": d.month, "year": d.year, "weekday": d.weekday}
            for d in f.dates
        ],
        "durations": [{"text": d.text, "value": _finite(d.value), "unit": d.unit} for d in f.durations],
        "entities": list(f.entities),
        "negations": list(f.negations),
        "speaker": f.speaker,
        "quoted": f.quoted,
    }


def _finite(value: float) -> float | None:
    # JSON has no Infinity or NaN: a value too large to hold is null (its text is kept beside it).
    return value if math.isfinite(value) else None


def link_dict(link: Link) -> dict[str, Any]:
    return {
        "a": link.a,
        "b": link.b,
        "relation": link.relation.value,
        "score": _finite(link.score),
        "reasons": list(link.reasons),
        "status": link.status.value,
        "created_by": link.created_by,
        "confidence": None if link.confidence is None else _finite(link.confidence),
    }


def candidate_dict(c: Candidate) -> dict[str, Any]:
    return {"claim": c.claim, "other": c.other, "score": _finite(c.score), "confidence": _finite(c.confidence),
            "rank": c.rank}  # fmt: skip


def to_contract(comparison: Comparison) -> dict[str, Any]:
    """The comparison as the documented JSON contract (see ../shared/design.md and the README).

    Rejected links are left out of ``links``: they are a person's "no", kept in the project file only.
    """
    return {
        "format": FORMAT,
        "engine": comparison.engine_version,
        "settings": {
            "threshold": comparison.settings.threshold,
            "allow_split": comparison.settings.allow_split,
        },
        "documents": [
            {
                "id": d.id,
                "title": d.title,
                "path": d.source,
                "outlet": d.outlet,
                "date": d.date,
                "text": d.text,
            }
            for d in comparison.documents
        ],
        "claims": [
            {
                "id": c.id,
                "doc": c.doc,
                "start": c.start,
                "end": c.end,
                "text": c.text,
                "facts": facts_dict(c.facts),
            }
            for c in comparison.claims
        ],
        "links": [link_dict(lk) for lk in comparison.links if lk.active],
        # Possible counterparts: not marks, not counted; for review.
        "suggestions": [link_dict(s) for s in comparison.suggestions],
        "candidates": [candidate_dict(c) for c in comparison.candidates],
        # Page furniture (bylines, datelines, photo credits, headlines): part of the text, never a claim.
        "furniture": [
            {
                "doc": f.doc,
                "start": f.start,
                "end": f.end,
                "kind": f.kind,
                "text": comparison.document(f.doc).text[f.start : f.end],
            }
            for f in comparison.furniture
        ],
        "omissions": [{"claim": c.id, "missing_in": list(missing)} for c, missing in comparison.omissions()],
        "only_in": {
            d.id: [
                c.id
                for c in comparison.claims_of(d.id)
                if not comparison.counterparts(c.id, comparison.base.id)
            ]
            for d in comparison.accounts
        },
        "coverage": {
            c.id: {d.id: comparison.coverage_of(c.id, d.id).value for d in comparison.accounts}
            for c in comparison.claims_of(comparison.base.id)
        },
        "counts": comparison.counts(),
        "annotations": [
            {
                "target": a.target,
                "label": a.label,
                "note": a.note,
                "author": a.author,
                "created_at": a.created_at,
            }
            for a in comparison.annotations
        ],
    }


def contract_json(comparison: Comparison) -> str:
    """The contract as JSON text; strict JSON (``allow_nan=False``), readable by any JSON reader."""
    return json.dumps(to_contract(comparison), ensure_ascii=False, indent=1, allow_nan=False)


def write_json(comparison: Comparison, path: str | Path, *, inputs: Iterable[str | Path] = ()) -> Path:
    """Write the contract to ``path`` safely (``compare.safe_write``); ``WriteFailed`` names the file.

    ``inputs``: the files this run read; ``path`` naming one of them is refused, never overwritten.
    """
    return write_file(path, contract_json(comparison), inputs=inputs)


CSV_COLUMNS = (
    "a", "b", "doc_a", "doc_b", "relation", "score", "confidence", "status", "reasons", "text_a", "text_b",
)  # fmt: skip
# The status column of a suggestion (a possible counterpart, not a link) in the CSV.
SUGGESTED = "suggested"


def links_csv_text(comparison: Comparison) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CSV_COLUMNS)
    rows = [(lk, lk.status.value) for lk in comparison.links]
    rows += [(s, SUGGESTED) for s in comparison.suggestions]
    for lk, status in rows:
        ca, cb = comparison.claim(lk.a), comparison.claim(lk.b)
        confidence = "" if lk.confidence is None else f"{lk.confidence:.3f}"
        w.writerow([lk.a, lk.b, ca.doc, cb.doc, lk.relation.value, f"{lk.score:.3f}", confidence, status,
                    "; ".join(lk.reasons), _csv_safe(ca.text), _csv_safe(cb.text)])  # fmt: skip
    return buf.getvalue()


def links_csv(comparison: Comparison, path: str | Path, *, inputs: Iterable[str | Path] = ()) -> Path:
    """All links (rejected ones too, with their status) and suggestions (status "suggested") as CSV,
    written safely (``compare.safe_write``)."""
    return write_file(path, links_csv_text(comparison), inputs=inputs)


def _csv_safe(text: str) -> str:
    # A spreadsheet runs a cell that starts with = + - @ as a formula: document text must stay text.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
