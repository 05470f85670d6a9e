"""Cached sentence embeddings of claim texts: the ``embeddings`` table, read with the file, written by each save.

The store keeps vectors, it never computes them (the semantic scorer lives in ``compare.align``, which the
store must not import). ``ProjectEmbeddingCache`` has the two methods of ``compare.align.semantic.
EmbeddingCache`` (``get_many`` / ``put_many``, matched by shape), so the engine reads and fills it directly:
``open_comparison(path, embeddings=cache)``, then ``workflows.align(documents, settings, cache=cache)``, then
``save_comparison(path, comparison, embeddings=cache)``. What it accepts is what a file can hold:

>>> import hashlib
>>> import numpy as np
>>> cache = ProjectEmbeddingCache()
>>> key = hashlib.sha256("The dam held.".encode()).hexdigest()
>>> cache.put_many("all-MiniLM-L6-v2", {key: np.ones(384)})
>>> cache.get_many("all-MiniLM-L6-v2", [key])[key].shape
(384,)
>>> cache.put_many("all-MiniLM-L6-v2", {key: np.ones(3)})
Traceback (most recent call last):
ValueError: a project file keeps vectors of 384 numbers, not of shape (3,)

Keys are the SHA-256 of a claim's text in UTF-8 (lowercase hex), the same as ``semantic.text_key``. A save
writes only the vectors of texts that are claims of the saved comparison, so the file never grows beyond
one vector per claim text and model; vectors of the file being replaced are carried over for claims that
still exist, so a save that is given no cache (the command line, a merge) does not lose them either.

Rows of an untrusted file are checked like every other table: a wrong size, type, key or a value that is
not a finite number makes the whole file refused (``InvalidData``), more rows than ``MAX_EMBEDDINGS``
too (``LimitExceeded``). Vectors of texts that are no longer claims are ignored (a save drops them).
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np

from compare.model import Comparison
from compare.store import limits
from compare.store.check import MAX_REPORTED
from compare.store.errors import InvalidData, LimitExceeded
from compare.store.read import sha256_text
from compare.store.write import now, read_each

DIMS = limits.EMBEDDING_DIMS
_SHA256 = re.compile(r"[0-9a-f]{64}")
_LITTLE_ENDIAN_FLOAT32 = np.dtype("<f4")

Key = tuple[str, str]  # (model, text_sha256)
Row = tuple[np.ndarray, str]  # (read-only float32[DIMS], created_at)


class ProjectEmbeddingCache:
    """Embeddings of claim texts for one project: filled from its file, by the engine, saved with the file.

    Implements ``compare.align.semantic.EmbeddingCache``. Safe to use from a worker thread while the main
    thread saves. Vectors are stored read-only; ``put_many`` refuses what a project file cannot hold (not
    384 finite numbers, a model name that is empty or over 100 characters, a key that is not a sha256).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rows: dict[Key, Row] = {}

    def get_many(self, model: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        with self._lock:
            rows = self._rows
            return {k: rows[(model, k)][0] for k in keys if (model, k) in rows}

    def put_many(self, model: str, vectors: Mapping[str, np.ndarray]) -> None:
        stamp = now()
        checked = {(model, key): (_vector(model, key, value), stamp) for key, value in vectors.items()}
        with self._lock:
            self._rows.update(checked)

    def count(self) -> int:
        """How many vectors it holds. (No ``__len__``: an empty cache must still be truthy, since callers
        write ``cache or default``.)"""
        with self._lock:
            return len(self._rows)

    def rows(self) -> dict[Key, Row]:
        """A snapshot: (model, text_sha256) -> (vector, created_at)."""
        with self._lock:
            return dict(self._rows)

    def add_rows(self, rows: Mapping[Key, Row]) -> None:
        """Rows read from a project file (already checked); the ones the cache holds are kept."""
        with self._lock:
            for key, row in rows.items():
                self._rows.setdefault(key, row)


def _vector(model: str, key: str, value: object) -> np.ndarray:
    if not isinstance(model, str) or not 1 <= len(model) <= limits.MAX_MODEL_CHARS:
        raise ValueError(f"embedding model name must be 1 to {limits.MAX_MODEL_CHARS} characters")
    if not isinstance(key, str) or not _SHA256.fullmatch(key):
        raise ValueError(f"embedding key {str(key)[:80]!r} is not a lowercase hex sha256")
    vector = np.array(value, dtype=np.float32, copy=True)
    if vector.shape != (DIMS,):
        raise ValueError(f"a project file keeps vectors of {DIMS} numbers, not of shape {vector.shape}")
    if not np.isfinite(vector).all():
        raise ValueError("an embedding holds a value that is not a finite number")
    vector.setflags(write=False)
    return vector


def claim_keys(comparison: Comparison) -> set[str]:
    """The text hashes of the comparison's claims: the only keys a save keeps."""
    return {sha256_text(c.text) for c in comparison.claims}


def read_embeddings(conn: sqlite3.Connection, path: Path, keep: set[str] | None = None) -> dict[Key, Row]:
    """Every row of a checked file's ``embeddings`` table whose hash is in ``keep`` (all with None).

    Checks the whole table first, by aggregate queries (count, types, sizes, keys), then every vector's
    values; any problem refuses the file (``LimitExceeded`` / ``InvalidData`` naming ``path``).
    """
    count = conn.execute("SELECT count(*) FROM embeddings").fetchone()[0]
    if count > limits.MAX_EMBEDDINGS:
        raise LimitExceeded(
            path, f"{count:,} rows in embeddings, more than the limit of {limits.MAX_EMBEDDINGS:,}"
        )
    problems = _shape_problems(conn)
    if problems:
        raise InvalidData(path, problems)
    out: dict[Key, Row] = {}
    rows = conn.execute("SELECT model, text_sha256, vector, created_at FROM embeddings ORDER BY rowid")
    for model, key, blob, created_at in rows:
        vector = np.frombuffer(blob, dtype=_LITTLE_ENDIAN_FLOAT32).astype(np.float32)
        if not np.isfinite(vector).all():
            problems.append(f"the embedding of {key} ({model}) holds a value that is not a finite number")
            if len(problems) >= MAX_REPORTED:
                break
            continue
        if keep is None or key in keep:
            vector.setflags(write=False)
            out[(model, key)] = (vector, created_at)
    if problems:
        raise InvalidData(path, problems)
    return out


def _shape_problems(conn: sqlite3.Connection) -> list[str]:
    row = conn.execute(
        f"""SELECT
            sum(typeof(model) != 'text' OR typeof(text_sha256) != 'text' OR typeof(dims) != 'integer'
                OR typeof(vector) != 'blob' OR typeof(created_at) != 'text'),
            sum(dims != {DIMS}),
            sum(length(vector) != 4 * dims),
            sum(length(model) NOT BETWEEN 1 AND {limits.MAX_MODEL_CHARS}),
            sum(length(text_sha256) != 64 OR text_sha256 GLOB '*[^0-9a-f]*'),
            sum(length(created_at) > {limits.MAX_STAMP_CHARS})
        FROM embeddings"""
    ).fetchone()
    wrong_type, dims, length, model, key, stamp = (n or 0 for n in row)
    if wrong_type:  # the checks below assume the types
        return [f"{wrong_type} row(s) of embeddings have a value of the wrong type"]
    checks = (
        (dims, f"dims is not {DIMS}"),
        (length, "the vector is not 4 * dims bytes long"),
        (model, f"the model name is empty or longer than {limits.MAX_MODEL_CHARS} characters"),
        (key, "text_sha256 is not 64 lowercase hex digits"),
        (stamp, f"created_at is longer than {limits.MAX_STAMP_CHARS} characters"),
    )
    return [f"{n:,} row(s) of embeddings: {what}" for n, what in checks if n]


def previous_embeddings(paths: Iterable[Path], keep: set[str]) -> dict[Key, Row]:
    """Vectors for ``keep`` from the files a save replaces (the project, its journal). Best effort: a file
    that is missing, older, foreign or fails a check gives nothing, and the save goes on without it."""
    out: dict[Key, Row] = {}
    if not keep:
        return out
    for rows in read_each(paths, lambda conn, path: read_embeddings(conn, path, keep)):
        for key, row in rows.items():
            out.setdefault(key, row)
    return out


def rows_to_save(
    comparison: Comparison, cache: ProjectEmbeddingCache | None, replaced: Iterable[Path]
) -> dict[Key, Row]:
    """What a save writes: the cache's vectors and those of the replaced files, for current claims only."""
    keep = claim_keys(comparison)
    rows = {k: r for k, r in (cache.rows() if cache is not None else {}).items() if k[1] in keep}
    for key, row in previous_embeddings(replaced, keep).items():
        rows.setdefault(key, row)
    return rows
