"""Rows of a checked project file -> a ``Comparison``.

Called only after the schema of the file has been compared with ours. Sizes and column types are checked
with cheap aggregate queries before any row is fetched, so a file built to exhaust memory is refused
early; every value is then decoded strictly and the whole comparison is checked by ``check``.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from compare.model import (
    Annotation,
    Candidate,
    Claim,
    Comparison,
    Document,
    Furniture,
    Link,
    LinkStatus,
    Relation,
)
from compare.store import codec, limits
from compare.store.check import MAX_REPORTED, check_comparison
from compare.store.errors import InvalidData, LimitExceeded

TEXT, INT, NUM, INT_OR_NULL = ("text",), ("integer",), ("integer", "real"), ("integer", "null")
NUM_OR_NULL = ("integer", "real", "null")
BLOB = ("blob",)

# Every column the reader uses, with the SQLite storage classes it accepts. Keep in step with db/schema.sql.
COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "project_info": {"key": TEXT, "value": TEXT},
    "documents": {
        "id": TEXT, "position": INT, "title": TEXT, "source": TEXT, "outlet": TEXT, "date": TEXT,
        "text": TEXT, "char_count": INT, "sha256": TEXT, "added_at": TEXT,
    },
    "claims": {"id": TEXT, "document_id": TEXT, "char_start": INT, "char_end": INT, "text": TEXT, "facts": TEXT},
    "runs": {
        "id": INT, "engine_version": TEXT, "settings": TEXT, "started_at": TEXT, "finished_at": TEXT,
        "document_count": INT, "claim_count": INT, "link_count": INT,
    },
    "links": {
        "id": INT, "run_id": INT_OR_NULL, "claim_a": TEXT, "claim_b": TEXT, "relation": TEXT, "score": NUM,
        "reasons": TEXT, "status": TEXT, "created_by": TEXT, "created_at": TEXT, "confidence": NUM_OR_NULL,
    },
    "suggestions": {
        "id": INT, "run_id": INT_OR_NULL, "claim_a": TEXT, "claim_b": TEXT, "relation": TEXT, "score": NUM,
        "confidence": NUM_OR_NULL, "reasons": TEXT,
    },
    "furniture": {"id": INT, "document_id": TEXT, "char_start": INT, "char_end": INT, "kind": TEXT},
    "candidates": {
        "id": INT, "run_id": INT_OR_NULL, "claim_id": TEXT, "other_id": TEXT, "rank": INT, "score": NUM,
        "confidence": NUM,
    },
    "annotations": {"id": INT, "target": TEXT, "label": TEXT, "note": TEXT, "author": TEXT, "created_at": TEXT},
    "embeddings": {"model": TEXT, "text_sha256": TEXT, "dims": INT, "vector": BLOB, "created_at": TEXT},
}  # fmt: skip

ROW_LIMITS = {
    "project_info": limits.MAX_INFO_ROWS,
    "documents": limits.MAX_DOCUMENTS,
    "claims": limits.MAX_CLAIMS,
    "runs": limits.MAX_RUNS,
    "links": limits.MAX_LINKS,
    "suggestions": limits.MAX_SUGGESTIONS,
    "candidates": limits.MAX_CANDIDATES,
    "furniture": limits.MAX_FURNITURE,
    "annotations": limits.MAX_ANNOTATIONS,
    "embeddings": limits.MAX_EMBEDDINGS,
}

# Columns allowed up to a whole document's length; every other text column is bounded by MAX_FIELD_CHARS.
LONG_TEXT = {("documents", "text"), ("claims", "text")}


def size_problems(conn: sqlite3.Connection) -> tuple[list[str], list[str]]:
    """(limits exceeded, wrong column types), from aggregate queries only."""
    too_big: list[str] = []
    wrong: list[str] = []
    for table, columns in COLUMNS.items():
        count = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        if count > ROW_LIMITS[table]:
            too_big.append(f"{count:,} rows in {table}, more than the limit of {ROW_LIMITS[table]:,}")
            continue
        parts = []
        for column, kinds in columns.items():
            allowed = ", ".join(f"'{k}'" for k in kinds)
            parts.append(f"sum(typeof({column}) NOT IN ({allowed}))")
            parts.append(f"max(CASE WHEN typeof({column}) = 'text' THEN length({column}) END)")
        row = conn.execute(f"SELECT {', '.join(parts)} FROM {table}").fetchone()
        for i, column in enumerate(columns):
            bad, longest = row[2 * i], row[2 * i + 1] or 0
            if bad:
                wrong.append(f"{bad} value(s) of {table}.{column} have the wrong type")
            bound = limits.MAX_TEXT_CHARS if (table, column) in LONG_TEXT else limits.MAX_FIELD_CHARS
            if longest > bound:
                too_big.append(f"a value of {table}.{column} has {longest:,} characters, more than {bound:,}")
    if not too_big and not wrong:
        for table in ("documents", "claims"):
            total = conn.execute(f"SELECT coalesce(sum(length(text)), 0) FROM {table}").fetchone()[0]
            if total > limits.MAX_TOTAL_TEXT_CHARS:
                too_big.append(
                    f"{table} hold {total:,} characters, more than {limits.MAX_TOTAL_TEXT_CHARS:,}"
                )
    return too_big, wrong


def check_sizes(conn: sqlite3.Connection, path: Path) -> None:
    too_big, wrong = size_problems(conn)
    if too_big:
        raise LimitExceeded(path, too_big)
    if wrong:
        raise InvalidData(path, wrong)


def read_info(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM project_info ORDER BY key").fetchall())


def load_comparison(conn: sqlite3.Connection, path: Path) -> Comparison:
    """Build the comparison; ``InvalidData`` naming ``path`` if any value or rule is wrong."""
    check_sizes(conn, path)
    problems: list[str] = []
    documents = _documents(conn, problems)
    claims = _claims(conn, problems)
    links = _links(conn, problems)
    suggestions = _suggestions(conn, problems)
    candidates = _candidates(conn, problems)
    furniture = tuple(
        Furniture(doc=d, start=a, end=b, kind=k)
        for d, a, b, k in conn.execute(
            "SELECT document_id, char_start, char_end, kind FROM furniture ORDER BY id"
        )
    )
    annotations = tuple(
        Annotation(target=t, label=lb, note=n, author=a, created_at=at)
        for t, lb, n, a, at in conn.execute(
            "SELECT target, label, note, author, created_at FROM annotations ORDER BY id"
        )
    )
    run = conn.execute("SELECT engine_version, settings FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    engine_version, settings = "", codec.settings_from_json("{}")
    if run is not None:
        engine_version = run[0]
        try:
            settings = codec.settings_from_json(run[1])
        except ValueError as exc:
            problems.append(f"run settings: {exc}")
    if problems:
        raise InvalidData(path, problems[:MAX_REPORTED])
    comparison = Comparison(
        documents=documents,
        claims=claims,
        links=links,
        suggestions=suggestions,
        candidates=candidates,
        furniture=furniture,
        settings=settings,
        engine_version=engine_version,
        annotations=annotations,
    )
    problems = check_comparison(comparison)
    if problems:
        raise InvalidData(path, problems)
    return comparison


def _documents(conn: sqlite3.Connection, problems: list[str]) -> tuple[Document, ...]:
    out = []
    rows = conn.execute(
        "SELECT id, title, text, source, outlet, date, char_count, sha256 FROM documents ORDER BY position"
    )
    for doc_id, title, text, source, outlet, date, char_count, sha in rows:
        if char_count != len(text):
            problems.append(
                f"document {doc_id}: char_count {char_count} but the text has {len(text)} characters"
            )
        if sha != sha256_text(text):
            problems.append(f"document {doc_id}: sha256 does not match its text")
        out.append(Document(id=doc_id, title=title, text=text, source=source, outlet=outlet, date=date))
    return tuple(out)


def _claims(conn: sqlite3.Connection, problems: list[str]) -> tuple[Claim, ...]:
    out = []
    rows = conn.execute(
        "SELECT c.id, c.document_id, c.char_start, c.char_end, c.text, c.facts FROM claims AS c "
        "LEFT JOIN documents AS d ON d.id = c.document_id "
        "ORDER BY d.position, c.char_start, c.char_end, c.id"
    )
    for claim_id, doc_id, start, end, text, facts_json in rows:
        try:
            facts = codec.facts_from_json(facts_json)
        except ValueError as exc:
            problems.append(f"claim {claim_id}: facts {exc}")
            continue
        out.append(Claim(id=claim_id, doc=doc_id, start=start, end=end, text=text, facts=facts))
    return tuple(out)


def _links(conn: sqlite3.Connection, problems: list[str]) -> tuple[Link, ...]:
    out = []
    rows = conn.execute(
        "SELECT claim_a, claim_b, relation, score, reasons, status, created_by, confidence FROM links ORDER BY id"
    )
    for a, b, relation, score, reasons, status, created_by, confidence in rows:
        try:
            link = Link(
                a=a,
                b=b,
                relation=Relation(relation),
                score=float(score),
                reasons=codec.reasons_from_json(reasons),
                status=LinkStatus(status),
                created_by=created_by,
                confidence=None if confidence is None else float(confidence),
            )
        except ValueError as exc:
            problems.append(f"link {a} -> {b}: {exc}")
            continue
        out.append(link)
    return tuple(out)


def _suggestions(conn: sqlite3.Connection, problems: list[str]) -> tuple[Link, ...]:
    out = []
    rows = conn.execute(
        "SELECT claim_a, claim_b, relation, score, reasons, confidence FROM suggestions ORDER BY id"
    )
    for a, b, relation, score, reasons, confidence in rows:
        try:
            out.append(
                Link(
                    a=a,
                    b=b,
                    relation=Relation(relation),
                    score=float(score),
                    reasons=codec.reasons_from_json(reasons),
                    confidence=None if confidence is None else float(confidence),
                )
            )
        except ValueError as exc:
            problems.append(f"suggestion {a} -> {b}: {exc}")
    return tuple(out)


def _candidates(conn: sqlite3.Connection, problems: list[str]) -> tuple[Candidate, ...]:
    rows = conn.execute("SELECT claim_id, other_id, score, confidence, rank FROM candidates ORDER BY id")
    return tuple(
        Candidate(claim=c, other=o, score=float(s), confidence=float(p), rank=int(r))
        for c, o, s, p, r in rows
    )


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
