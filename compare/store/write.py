"""A ``Comparison`` -> the tables of a new, empty database (the caller decides which file that is), and
what a save carries over from the files it replaces.

Bulk inserts through sqlite-utils (one ``insert_all`` per table, all in one transaction); PRAGMAs and the
schema script through the plain connection.

Times the model has no place for (when a document was added, a link drawn, the run ran) are read back from
the file a save replaces (``Stamps``, ``read_stamps``). Best effort, like every read of a replaced file
(``read_each``): a file that is missing, of another schema version, foreign or damaged simply gives nothing,
and the save goes on.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import TypeVar

import numpy as np
from sqlite_utils import Database

from compare.model import Comparison, LinkStatus
from compare.store import codec, schema
from compare.store.errors import StoreError
from compare.store.read import sha256_text

BATCH = 1000
RUN_ID = 1


@dataclass(frozen=True, slots=True)
class RunTimes:
    """When the engine run that produced the machine links started and finished (ISO 8601 UTC)."""

    started_at: str = ""
    finished_at: str = ""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def app_version() -> str:
    try:
        return metadata.version("narrative-compare")
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return ""


def write_comparison(
    conn: sqlite3.Connection,
    comparison: Comparison,
    *,
    author: str = "",
    run: RunTimes | None = None,
    stamps: Stamps | None = None,
    embeddings: Mapping[tuple[str, str], tuple[np.ndarray, str]] | None = None,
) -> None:
    """Create the schema in an empty database and fill it with ``comparison``, in one transaction.

    ``embeddings``: (model, text_sha256) -> (float32 vector, created_at), already checked and limited to
    the comparison's claims (see ``embeddings.rows_to_save``).
    """
    stamps = stamps or Stamps()
    version = schema.schema_version()
    saved_at = now()
    conn.executescript(schema.schema_sql())
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("PRAGMA foreign_keys = ON")
    db = Database(conn, recursive_triggers=False, execute_plugins=False)
    settings_json = codec.settings_to_json(comparison.settings)
    if run is None:
        same = stamps.run and stamps.run[:2] == (comparison.engine_version, settings_json)
        run = stamps.run[2] if same else RunTimes()
    with db.atomic():
        db["project_info"].insert_all(
            {"key": k, "value": v}
            for k, v in {
                "format": schema.FORMAT,
                "schema_version": str(version),
                "app_version": app_version(),
                "min_app_version": schema.min_app_version(version),
                "created_at": stamps.created_at or saved_at,
                "saved_at": saved_at,
                "saved_by": author,
            }.items()
        )
        db["documents"].insert_all(_documents(comparison, stamps, saved_at), batch_size=BATCH)
        db["runs"].insert_all([_run(comparison, settings_json, run)])
        db["claims"].insert_all(_claims(comparison), batch_size=BATCH)
        # Tests save files of older schema versions with this code: write only what that schema has.
        confidence = "confidence" in db["links"].columns_dict
        db["links"].insert_all(_links(comparison, stamps, saved_at, confidence), batch_size=BATCH)
        if comparison.suggestions and db["suggestions"].exists():
            db["suggestions"].insert_all(_suggestions(comparison), batch_size=BATCH)
        if comparison.furniture and db["furniture"].exists():
            db["furniture"].insert_all(
                (
                    {"document_id": f.doc, "char_start": f.start, "char_end": f.end, "kind": f.kind}
                    for f in comparison.furniture
                ),
                batch_size=BATCH,
            )
        if comparison.candidates and db["candidates"].exists():
            db["candidates"].insert_all(
                (
                    {
                        "run_id": RUN_ID,
                        "claim_id": c.claim,
                        "other_id": c.other,
                        "rank": c.rank,
                        "score": c.score,
                        "confidence": c.confidence,
                    }
                    for c in comparison.candidates
                ),
                batch_size=BATCH,
            )
        db["annotations"].insert_all(
            (
                {
                    "target": n.target,
                    "label": n.label,
                    "note": n.note,
                    "author": n.author,
                    "created_at": n.created_at,
                }
                for n in comparison.annotations
            ),
            batch_size=BATCH,
        )
        db["claims_fts"].insert_all(
            ({"claim_id": c.id, "text": c.text} for c in comparison.claims), batch_size=BATCH
        )
        if embeddings:
            db["embeddings"].insert_all(
                (
                    {
                        "model": model,
                        "text_sha256": key,
                        "dims": int(vector.size),
                        "vector": vector.astype("<f4").tobytes(),
                        "created_at": created_at,
                    }
                    for (model, key), (vector, created_at) in sorted(embeddings.items(), key=lambda kv: kv[0])
                ),
                batch_size=BATCH,
            )


def _documents(comparison: Comparison, stamps: Stamps, saved_at: str) -> Iterator[dict]:
    for position, d in enumerate(comparison.documents):
        sha = sha256_text(d.text)
        yield {
            "id": d.id,
            "position": position,
            "title": d.title,
            "source": d.source,
            "outlet": d.outlet,
            "date": d.date,
            "text": d.text,
            "char_count": len(d.text),
            "sha256": sha,
            "added_at": stamps.document_added.get(sha, saved_at),
        }


def _run(comparison: Comparison, settings_json: str, run: RunTimes) -> dict:
    return {
        "id": RUN_ID,
        "engine_version": comparison.engine_version,
        "settings": settings_json,
        "started_at": run.started_at,
        "finished_at": run.finished_at,
        "document_count": len(comparison.documents),
        "claim_count": len(comparison.claims),
        "link_count": sum(1 for lk in comparison.links if lk.status is not LinkStatus.MANUAL),
    }


def _claims(comparison: Comparison) -> Iterator[dict]:
    for c in comparison.claims:
        yield {
            "id": c.id,
            "document_id": c.doc,
            "char_start": c.start,
            "char_end": c.end,
            "text": c.text,
            "facts": codec.facts_to_json(c.facts),
        }


def _links(comparison: Comparison, stamps: Stamps, saved_at: str, confidence: bool) -> Iterator[dict]:
    for lk in comparison.links:
        status = LinkStatus(lk.status)
        row = {
            "run_id": None if status is LinkStatus.MANUAL else RUN_ID,
            "claim_a": lk.a,
            "claim_b": lk.b,
            "relation": str(lk.relation),
            "score": lk.score,
            "reasons": codec.reasons_to_json(lk.reasons),
            "status": str(status),
            "created_by": lk.created_by,
            "created_at": stamps.link_created.get((lk.a, lk.b, str(status), lk.created_by), saved_at),
        }
        if confidence:
            row["confidence"] = lk.confidence
        yield row


def _suggestions(comparison: Comparison) -> Iterator[dict]:
    for s in comparison.suggestions:
        yield {
            "run_id": RUN_ID,
            "claim_a": s.a,
            "claim_b": s.b,
            "relation": str(s.relation),
            "score": s.score,
            "confidence": s.confidence,
            "reasons": codec.reasons_to_json(s.reasons),
        }


# What a save keeps from the files it replaces


@dataclass(frozen=True, slots=True)
class Stamps:
    """Times the model does not carry, kept from the previous save so that re-saving does not reset them."""

    created_at: str = ""
    document_added: dict[str, str] = field(default_factory=dict)  # sha256 -> added_at
    link_created: dict[tuple[str, str, str, str], str] = field(
        default_factory=dict
    )  # (a, b, status, by) -> at
    run: tuple[str, str, RunTimes] | None = None  # (engine_version, settings JSON, times)


def read_stamps(*paths: Path) -> Stamps:
    """Stamps from the first of ``paths`` that is a readable project file of this schema version."""
    return next(read_each(paths, lambda conn, _path: _stamps(conn)), Stamps())


def _stamps(conn: sqlite3.Connection) -> Stamps:
    created = conn.execute("SELECT value FROM project_info WHERE key = 'created_at'").fetchone()
    run = conn.execute(
        "SELECT engine_version, settings, started_at, finished_at FROM runs ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return Stamps(
        created_at=str(created[0]) if created else "",
        document_added={
            str(sha): str(at) for sha, at in conn.execute("SELECT sha256, added_at FROM documents")
        },
        link_created={
            (str(a), str(b), str(st), str(by)): str(at)
            for a, b, st, by, at in conn.execute(
                "SELECT claim_a, claim_b, status, created_by, created_at FROM links"
            )
        },
        run=(str(run[0]), str(run[1]), RunTimes(str(run[2]), str(run[3]))) if run else None,
    )


T = TypeVar("T")


def read_each(paths: Iterable[Path], read: Callable[[sqlite3.Connection, Path], T]) -> Iterator[T]:
    """``read(conn, path)`` for each of ``paths`` that is a readable project file of the current schema."""
    for path in paths:
        if not path.is_file():
            continue
        try:
            with schema.untrusted(path) as conn:
                if conn.execute("PRAGMA user_version").fetchone()[0] != schema.schema_version():
                    continue
                if schema.compare_structure(conn, schema.schema_version()):
                    continue
                result = read(conn, path)
        except (StoreError, sqlite3.Error, ValueError):
            continue
        yield result
