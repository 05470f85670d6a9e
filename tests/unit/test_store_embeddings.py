"""Claim embeddings in the project file: round trip, bounded growth, carried across saves, hostile rows
refused, and version-1 files upgraded to the table."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from helpers.synthetic import synthetic_comparison

from compare.align.semantic import embed_cached, text_key
from compare.model import CompareError
from compare.store import (
    InvalidData,
    LimitExceeded,
    ProjectEmbeddingCache,
    StoreError,
    autosave,
    check_file,
    limits,
    open_comparison,
    read,
    save,
    save_comparison,
    schema,
)

MODEL = "test-model"


def vector(seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).standard_normal(384).astype(np.float32)
    return v / np.linalg.norm(v)


def cache_for(comparison, extra: dict[str, np.ndarray] | None = None) -> ProjectEmbeddingCache:
    cache = ProjectEmbeddingCache()
    cache.put_many(MODEL, {text_key(c.text): vector(i) for i, c in enumerate(comparison.claims)})
    if extra:
        cache.put_many(MODEL, extra)
    return cache


def rows(path: Path, sql: str = "SELECT model, text_sha256, dims, vector FROM embeddings") -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def claim_keys(comparison) -> set[str]:
    return {text_key(c.text) for c in comparison.claims}


class CountingEmbedder:
    model_id = MODEL

    def __init__(self) -> None:
        self.seen: list[str] = []

    def embed(self, texts, *, progress=None, should_cancel=None):
        self.seen.extend(texts)
        return np.stack([vector(int(hashlib.sha256(t.encode()).hexdigest()[:8], 16)) for t in texts])


@pytest.fixture
def comparison():
    return synthetic_comparison(3, 20, seed=5)


@pytest.fixture
def project(tmp_path: Path, comparison) -> Path:
    path = tmp_path / "war.ncproj"
    save_comparison(path, comparison, embeddings=cache_for(comparison))
    return path


# round trip


def test_vectors_round_trip_exactly(tmp_path: Path, comparison, project: Path) -> None:
    saved = cache_for(comparison)
    loaded = ProjectEmbeddingCache()
    assert open_comparison(project, embeddings=loaded) == comparison
    keys = sorted(claim_keys(comparison))
    got, want = loaded.get_many(MODEL, keys), saved.get_many(MODEL, keys)
    assert got.keys() == want.keys() == set(keys)
    for k in keys:
        assert got[k].dtype == np.float32 and np.array_equal(got[k], want[k])
    assert loaded.get_many("other-model", keys) == {}
    assert check_file(project) == []


def test_stored_as_little_endian_float32_blobs(comparison, project: Path) -> None:
    stored = rows(project)
    assert len(stored) == len(claim_keys(comparison))
    by_key = {k: (m, d, blob) for m, k, d, blob in stored}
    claim = comparison.claims[0]
    model, dims, blob = by_key[text_key(claim.text)]
    assert (model, dims, len(blob)) == (MODEL, 384, 384 * 4)
    assert np.array_equal(np.frombuffer(blob, dtype="<f4"), vector(0))


def test_opening_without_a_cache_still_opens(comparison, project: Path) -> None:
    assert open_comparison(project) == comparison


def test_vectors_are_read_only_and_checked_when_put(comparison) -> None:
    cache = cache_for(comparison)
    v = next(iter(cache.get_many(MODEL, [text_key(comparison.claims[0].text)]).values()))
    with pytest.raises(ValueError):
        v[0] = 5.0
    key = text_key("x")
    with pytest.raises(ValueError, match="384"):
        cache.put_many(MODEL, {key: np.zeros(10, dtype=np.float32)})
    with pytest.raises(ValueError, match="finite"):
        cache.put_many(MODEL, {key: np.full(384, np.nan, dtype=np.float32)})
    with pytest.raises(ValueError, match="sha256"):
        cache.put_many(MODEL, {"not a hash": vector(1)})
    with pytest.raises(ValueError, match="model name"):
        cache.put_many("m" * 101, {key: vector(1)})


# growth and carrying over


def test_only_vectors_of_current_claims_are_saved(tmp_path: Path, comparison) -> None:
    path = tmp_path / "war.ncproj"
    stale = {text_key(f"a sentence no account says {i}"): vector(100 + i) for i in range(50)}
    save_comparison(path, comparison, embeddings=cache_for(comparison, stale))
    assert {k for _, k, _, _ in rows(path)} == claim_keys(comparison)


def test_a_save_without_a_cache_keeps_the_previous_vectors(comparison, project: Path) -> None:
    before = rows(project)
    save_comparison(project, comparison)  # e.g. `project align` on the command line: no cache given
    save_comparison(project, comparison)
    assert sorted(rows(project)) == sorted(before)


def test_vectors_of_removed_claims_are_dropped_on_save(comparison, project: Path) -> None:
    smaller = replace(
        comparison,
        documents=comparison.documents[:2],
        claims=tuple(c for c in comparison.claims if c.doc != "d2"),
        links=tuple(lk for lk in comparison.links if not lk.b.startswith("d2:")),
    )
    save_comparison(project, smaller, embeddings=cache_for(comparison))  # the cache still holds d2's
    assert {k for _, k, _, _ in rows(project)} == claim_keys(smaller)
    assert len(rows(project)) < len(claim_keys(comparison))


def test_vectors_in_the_file_beyond_the_claims_are_ignored_on_open(comparison, project: Path) -> None:
    conn = sqlite3.connect(project)
    conn.execute("INSERT INTO embeddings VALUES (?, ?, 384, ?, '')", (MODEL, "0" * 64, vector(9).tobytes()))
    conn.commit()
    conn.close()
    loaded = ProjectEmbeddingCache()
    open_comparison(project, embeddings=loaded)
    assert loaded.count() == len(claim_keys(comparison))
    save_comparison(project, comparison, embeddings=loaded)
    assert "0" * 64 not in {k for _, k, _, _ in rows(project)}


def test_repeated_re_embedding_never_grows_the_file(tmp_path: Path, comparison) -> None:
    path = tmp_path / "war.ncproj"
    cache = ProjectEmbeddingCache()
    for round_ in range(4):
        cache.put_many(MODEL, {text_key(f"round {round_} sentence {i}"): vector(i) for i in range(30)})
        cache.put_many(MODEL, {text_key(c.text): vector(i) for i, c in enumerate(comparison.claims)})
        save_comparison(path, comparison, embeddings=cache)
        assert len(rows(path)) == len(claim_keys(comparison))


def test_autosave_journal_keeps_vectors_too(tmp_path: Path, comparison, project: Path) -> None:
    autosave(project, comparison)
    journal = save.autosave_path(project)
    assert len(rows(journal)) == len(claim_keys(comparison))


def test_save_and_reopen_embeds_nothing_new(tmp_path: Path, comparison) -> None:
    path = tmp_path / "war.ncproj"
    embedder, cache = CountingEmbedder(), ProjectEmbeddingCache()
    texts = [c.text for c in comparison.claims]
    first = embed_cached(embedder, texts, cache)
    assert len(embedder.seen) == len(set(texts))
    save_comparison(path, comparison, embeddings=cache)
    reopened = ProjectEmbeddingCache()
    open_comparison(path, embeddings=reopened)
    embedder.seen.clear()
    again = embed_cached(embedder, texts, reopened)
    assert embedder.seen == []
    assert np.array_equal(first, again)


# hostile rows


def tamper(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = ON")  # a hand-made file need not obey the CHECK
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


def refused(path: Path, error: type[StoreError], *words: str) -> None:
    before = path.read_bytes()
    with pytest.raises(error) as info:
        open_comparison(path, embeddings=ProjectEmbeddingCache())
    assert isinstance(info.value, CompareError)
    message = str(info.value)
    assert str(path) in message and "Traceback" not in message
    for word in words:
        assert word in message, message
    assert check_file(path)
    assert path.read_bytes() == before


def test_wrong_dims(project: Path) -> None:
    tamper(project, "UPDATE embeddings SET dims = 3, vector = zeroblob(12) WHERE rowid = 1")
    refused(project, InvalidData, "1 row(s) of embeddings: dims is not 384")


def test_wrong_blob_length(project: Path) -> None:
    tamper(project, "UPDATE embeddings SET vector = zeroblob(1535) WHERE rowid IN (1, 2)")
    refused(project, InvalidData, "2 row(s) of embeddings: the vector is not 4 * dims bytes long")


def test_vector_of_the_wrong_type(project: Path) -> None:
    tamper(project, "UPDATE embeddings SET vector = hex(vector) WHERE rowid = 1")
    refused(project, InvalidData, "embeddings.vector have the wrong type")


def test_bad_hash(project: Path) -> None:
    tamper(project, "UPDATE embeddings SET text_sha256 = upper(text_sha256) WHERE rowid = 1")
    refused(project, InvalidData, "text_sha256 is not 64 lowercase hex digits")


def test_overlong_model_name(project: Path) -> None:
    tamper(project, "UPDATE embeddings SET model = hex(zeroblob(60))")
    refused(project, InvalidData, "model name is empty or longer than 100 characters")


def test_values_that_are_not_finite(project: Path) -> None:
    nan = np.full(384, np.nan, dtype="<f4").tobytes()
    conn = sqlite3.connect(project)
    conn.execute("UPDATE embeddings SET vector = ? WHERE rowid = 1", (nan,))
    conn.commit()
    conn.close()
    refused(project, InvalidData, "not a finite number")


def test_too_many_rows_by_a_lowered_limit(project: Path, monkeypatch) -> None:
    monkeypatch.setitem(read.ROW_LIMITS, "embeddings", 5)
    refused(project, LimitExceeded, "rows in embeddings, more than the limit of 5")


def test_too_many_rows_at_the_real_limit(project: Path) -> None:
    """A file with MAX_EMBEDDINGS + 1 (tiny, otherwise invalid) rows is refused by count, before any row."""
    tamper(
        project,
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
        f"WHERE i <= {limits.MAX_EMBEDDINGS}) "
        "INSERT INTO embeddings SELECT 'm', printf('%064d', i), 0, x'', '' FROM n",
    )
    refused(project, LimitExceeded, f"more than the limit of {limits.MAX_EMBEDDINGS:,}")


def test_a_bad_previous_file_only_loses_its_vectors(tmp_path: Path, comparison, project: Path) -> None:
    """Carrying vectors over from the file a save replaces is best effort: a bad one gives none."""
    tamper(project, "UPDATE embeddings SET dims = 3 WHERE rowid = 1")
    save_comparison(project, comparison)
    assert rows(project) == []
    assert open_comparison(project) == comparison


# versions


def test_version_1_file_upgrades_and_then_keeps_vectors(tmp_path: Path, monkeypatch, comparison) -> None:
    folder = tmp_path / "db_v1"
    (folder / "migrations").mkdir(parents=True)
    first = schema.migrations()[0]
    (folder / "migrations" / f"{first.name}.sql").write_text(first.sql, encoding="utf-8")
    (folder / "schema.sql").write_text(first.sql, encoding="utf-8")
    path = tmp_path / "old.ncproj"
    with monkeypatch.context() as m:
        m.setattr(schema, "db_dir", lambda: folder)
        save_comparison(path, comparison)  # what the app of schema version 1 wrote
    assert rows(path, "PRAGMA user_version") == [(1,)]
    assert rows(path, "SELECT name FROM sqlite_master WHERE name = 'embeddings'") == []

    cache = ProjectEmbeddingCache()
    assert open_comparison(path, embeddings=cache) == comparison
    assert cache.count() == 0 and cache
    assert rows(path, "PRAGMA user_version") == [(schema.schema_version(),)]
    assert rows(path) == []
    save_comparison(path, comparison, embeddings=cache_for(comparison))
    reopened = ProjectEmbeddingCache()
    open_comparison(path, embeddings=reopened)
    assert reopened.count() == len(claim_keys(comparison))
    assert rows(save.version_backup_path(path, 1), "PRAGMA user_version") == [(1,)]
