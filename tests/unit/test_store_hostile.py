"""Project files from someone else: every tampered file is refused with a clear error, nothing runs.

Each test builds a hostile file from a valid one, then checks that ``open_comparison`` raises the named
``StoreError`` (a ``CompareError``) whose message names the file, that ``check_file`` reports it, and that
the file is byte-for-byte unchanged afterwards (no trigger fired, no migration ran on it).
"""

from __future__ import annotations

import hashlib
import random
import sqlite3
from pathlib import Path

import pytest
from helpers.synthetic import synthetic_comparison

from compare.model import CompareError
from compare.store import (
    CorruptProject,
    InvalidData,
    LimitExceeded,
    NotAProject,
    ProjectNotFound,
    SchemaTooNew,
    StoreError,
    UnsafeSchema,
    check_file,
    limits,
    open_comparison,
    read,
    save_comparison,
    search_claims,
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "theirs.ncproj"
    save_comparison(path, synthetic_comparison(3, 30, seed=2))
    return path


def tamper(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


def refused(path: Path, error: type[StoreError], *words: str) -> str:
    """Open must fail with ``error`` naming the file and ``words``; check_file must agree; file untouched."""
    before = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    with pytest.raises(error) as info:
        open_comparison(path)
    message = str(info.value)
    assert isinstance(info.value, CompareError)
    assert str(path) in message
    for word in words:
        assert word in message
    assert check_file(path), "check_file must report the same file"
    if before is not None:
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in path.parent.iterdir()) == sorted({path.name} | _others(path))
    return message


def _others(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir() if not p.name.startswith(".")} - {path.name}


def test_wrong_application_id(project: Path) -> None:
    tamper(project, "PRAGMA application_id = 1234")
    refused(project, NotAProject, "application_id", "0x000004D2")


def test_plain_sqlite_database_of_another_app(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE documents (id TEXT)")
    conn.close()
    refused(path, NotAProject, "application_id")


def test_trigger_that_writes_elsewhere_never_runs(project: Path) -> None:
    tamper(
        project,
        "CREATE TABLE loot (x TEXT)",
        "CREATE TRIGGER steal AFTER INSERT ON annotations BEGIN INSERT INTO loot SELECT text FROM documents; END",
        "CREATE TRIGGER wipe BEFORE UPDATE ON documents BEGIN DELETE FROM claims; END",
    )
    message = refused(project, UnsafeSchema, "trigger")
    assert "steal" in message or "wipe" in message
    assert set(check_file(project)) >= {
        "contains a trigger named 'steal' (project files never have triggers)",
        "unexpected table 'loot'",
    }


def test_view_named_like_a_table(project: Path) -> None:
    tamper(
        project,
        "DROP TABLE annotations",
        "CREATE VIEW annotations AS SELECT 1 AS id, id AS target, text AS label, '' AS note, '' AS author, "
        "'' AS created_at FROM documents",
    )
    refused(project, UnsafeSchema, "view named 'annotations'")


def test_extra_unknown_table(project: Path) -> None:
    tamper(project, "CREATE TABLE payload (data BLOB)")
    refused(project, UnsafeSchema, "unexpected table 'payload'")


def test_extra_column(project: Path) -> None:
    tamper(project, "ALTER TABLE documents ADD COLUMN script TEXT DEFAULT '<script>'")
    refused(project, UnsafeSchema, "documents", "'script'")


def test_changed_index(project: Path) -> None:
    tamper(project, "DROP INDEX links_by_claim_a", "CREATE INDEX links_by_claim_a ON links (lower(claim_a))")
    refused(project, UnsafeSchema, "links_by_claim_a")


def test_full_text_table_replaced_by_another_definition(project: Path) -> None:
    tamper(
        project, "DROP TABLE claims_fts", "CREATE VIRTUAL TABLE claims_fts USING fts5(claim_id, text, body)"
    )
    refused(project, UnsafeSchema, "claims_fts")
    with pytest.raises(UnsafeSchema):
        search_claims(project, "people")


def test_newer_schema_version_names_the_app_needed(project: Path) -> None:
    tamper(
        project,
        "PRAGMA user_version = 7",
        "UPDATE project_info SET value = '3.1.0' WHERE key = 'min_app_version'",
    )
    refused(project, SchemaTooNew, "needs Narrative Compare >= 3.1.0", "schema version 7")


def test_truncated_file(project: Path) -> None:
    data = project.read_bytes()
    project.write_bytes(data[: len(data) // 2])
    refused(project, CorruptProject, "truncated")


@pytest.mark.parametrize("size", [0, 10, 100, 5000])
def test_random_bytes(tmp_path: Path, size: int) -> None:
    path = tmp_path / "random.ncproj"
    path.write_bytes(random.Random(size).randbytes(size))
    refused(path, NotAProject, "not an SQLite database")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ProjectNotFound, match="no such file"):
        open_comparison(tmp_path / "nope.ncproj")
    assert check_file(tmp_path / "nope.ncproj") == ["no such file"]
    with pytest.raises(NotAProject, match="folder"):
        open_comparison(tmp_path)


def test_offsets_out_of_range(project: Path) -> None:
    tamper(project, "UPDATE claims SET char_end = 1000000 WHERE id = 'd1:c2'")
    refused(project, InvalidData, "d1:c2", "outside")


def test_negative_offset_with_the_check_constraint_removed(project: Path) -> None:
    tamper(project, "PRAGMA writable_schema = ON")  # how an attacker drops a CHECK: we must not rely on it
    conn = sqlite3.connect(project)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = replace(sql, 'CHECK (char_start >= 0 AND char_start < char_end)', "
        "'CHECK (1)') WHERE name = 'claims'"
    )
    conn.commit()
    conn.close()
    tamper(project, "UPDATE claims SET char_start = -5 WHERE id = 'd0:c1'")
    refused(project, InvalidData, "d0:c1")


def test_claim_text_that_differs_from_its_document(project: Path) -> None:
    tamper(project, "UPDATE claims SET text = 'They never said that.' WHERE id = 'd2:c0'")
    refused(project, InvalidData, "d2:c0", "text differs")


def test_document_text_changed_under_its_hash(project: Path) -> None:
    tamper(project, "UPDATE documents SET text = upper(text) WHERE id = 'd0'")
    refused(project, InvalidData, "d0", "sha256")


def test_huge_text_over_the_bound(project: Path) -> None:
    n = limits.MAX_TEXT_CHARS // 2 + 1  # hex() doubles it: one character over the limit
    tamper(project, f"UPDATE documents SET text = replace(hex(zeroblob({n})), '0', 'x') WHERE id = 'd1'")
    refused(project, LimitExceeded, "documents.text", f"{limits.MAX_TEXT_CHARS:,}")


def test_too_many_rows(project: Path, monkeypatch) -> None:
    monkeypatch.setitem(read.ROW_LIMITS, "claims", 10)
    refused(project, LimitExceeded, "30 rows in claims")


def test_wrong_column_type(project: Path) -> None:
    tamper(project, "UPDATE claims SET char_end = 'later' WHERE id = 'd0:c0'")
    refused(project, InvalidData, "claims.char_end", "wrong type")


def test_deeply_nested_facts_json(project: Path) -> None:
    tamper(project, f"UPDATE claims SET facts = '{'[' * 50_000}' WHERE id = 'd0:c3'")
    refused(project, InvalidData, "d0:c3", "facts")


def test_link_to_a_claim_that_does_not_exist(project: Path) -> None:
    tamper(
        project,
        "INSERT INTO links (claim_a, claim_b, relation, score, status) VALUES ('d0:c0', 'd9:c9', 'agree', 1, 'manual')",
    )
    refused(project, InvalidData, "refers to a missing row")


def test_unknown_link_status(project: Path) -> None:
    conn = sqlite3.connect(project)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = replace(sql, 'status IN', 'status NOT IN') WHERE name = 'links'"
    )
    conn.commit()
    conn.close()
    tamper(project, "UPDATE links SET status = 'owned' WHERE id = 1")
    refused(project, InvalidData, "owned")


def test_text_that_is_not_utf8(project: Path) -> None:
    tamper(project, "UPDATE documents SET title = CAST(x'fffe3c73' AS TEXT) WHERE id = 'd0'")
    refused(project, InvalidData, "UTF-8")


def test_damaged_pages_never_crash(project: Path) -> None:
    """Flip bytes all over a valid file: every result is a valid comparison or a StoreError."""
    original = project.read_bytes()
    rng = random.Random(4)
    outcomes = set()
    for _ in range(60):
        data = bytearray(original)
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(100, len(data))] = rng.randrange(256)
        project.write_bytes(bytes(data))
        try:
            open_comparison(project)
            outcomes.add("opened")
        except StoreError as exc:
            assert str(project) in str(exc)
            outcomes.add(type(exc).__name__)
    assert outcomes - {"opened"}, "some damage must be detected"
