"""Saving and opening project files: everything comes back, the file is readable, search works."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from helpers.synthetic import synthetic_comparison

from compare.model import Annotation, Facts, Link, LinkStatus, Quantity, Relation
from compare.store import (
    check_file,
    codec,
    memory_index,
    open_comparison,
    read_project_info,
    save,
    save_comparison,
    schema,
    search_claims,
)


@pytest.fixture
def comparison():
    base = synthetic_comparison(3, 30, seed=1)
    c0, c1 = base.claims_of("d0")[0], base.claims_of("d1")[0]
    links = (
        *base.links,
        Link(c0.id, c1.id, Relation.CONTRADICT, 1.0, ("a person said so",), LinkStatus.MANUAL, "ana"),
    )
    notes = (
        Annotation(
            target=c0.id, label="check", note="source?", author="ana", created_at="2026-01-01T00:00:00Z"
        ),
    )
    return replace(base, links=links, annotations=notes)


def test_save_then_open_gives_back_the_same_comparison(tmp_path: Path, comparison) -> None:
    path = tmp_path / "war.ncproj"
    save_comparison(path, comparison, author="ana")
    assert open_comparison(path) == comparison
    assert check_file(path) == []


def test_file_is_identified_and_versioned(tmp_path: Path, comparison) -> None:
    path = tmp_path / "war.ncproj"
    save_comparison(path, comparison, author="ana")
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x4E43504A
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.schema_version()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file, nothing beside it
    conn.close()
    info = read_project_info(path)
    assert info["format"] == "narrative-compare-project"
    assert info["saved_by"] == "ana"
    assert info["min_app_version"] == "0.1.0"


def test_tables_are_readable_with_plain_sql(tmp_path: Path, comparison) -> None:
    path = tmp_path / "war.ncproj"
    save_comparison(path, comparison)
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT c.id, substr(d.text, c.char_start + 1, c.char_end - c.char_start) = c.text "
        "FROM claims c JOIN documents d ON d.id = c.document_id"
    ).fetchall()
    assert len(rows) == 30 and all(same for _, same in rows)
    manual = conn.execute("SELECT run_id, created_by, status FROM links WHERE status = 'manual'").fetchall()
    assert manual == [(None, "ana", "manual")]
    assert conn.execute("SELECT document_count, claim_count FROM runs").fetchall() == [(3, 30)]
    conn.close()


def test_second_save_keeps_a_backup_and_the_creation_time(tmp_path: Path, comparison) -> None:
    path = tmp_path / "war.ncproj"
    save_comparison(path, comparison)
    created = read_project_info(path)["created_at"]
    smaller = replace(comparison, annotations=())
    save_comparison(path, smaller)
    assert open_comparison(path) == smaller
    assert open_comparison(save.backup_path(path)) == comparison
    assert read_project_info(path)["created_at"] == created
    assert sorted(p.name for p in tmp_path.iterdir()) == ["war.ncproj", "war.ncproj.bak"]


def test_link_creation_time_survives_a_resave(tmp_path: Path, comparison) -> None:
    path = tmp_path / "war.ncproj"
    save_comparison(path, comparison)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE links SET created_at = '2020-01-01T00:00:00Z' WHERE status = 'manual'")
    conn.commit()
    conn.close()
    save_comparison(path, comparison)
    conn = sqlite3.connect(path)
    assert (
        conn.execute("SELECT created_at FROM links WHERE status = 'manual'").fetchone()[0]
        == "2020-01-01T00:00:00Z"
    )
    conn.close()


def test_html_and_script_in_texts_load_as_plain_text(tmp_path: Path, comparison) -> None:
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)> \'; DROP TABLE claims; --'
    doc = replace(comparison.documents[0], title=payload, source="javascript:alert(1)")
    hostile = replace(
        comparison,
        documents=(doc, *comparison.documents[1:]),
        annotations=(Annotation(target=comparison.claims[0].id, note=payload, author=payload),),
    )
    path = tmp_path / "war.ncproj"
    save_comparison(path, hostile)
    opened = open_comparison(path)
    assert opened.documents[0].title == payload
    assert opened.annotations[0].note == payload
    assert len(opened.claims) == len(comparison.claims)


def test_facts_round_trip_through_json() -> None:
    facts = Facts(numbers=(Quantity(62.0, "62", "at least", "people"),), speaker="the mayor", quoted=True)
    assert codec.facts_from_json(codec.facts_to_json(facts)) == facts
    assert codec.facts_from_json("{}") == Facts()


@pytest.mark.parametrize(
    "text",
    [
        '{"numbers": [{"value": "six", "text": "six"}]}',
        "[1]",
        '{"quoted": 1}',
        "{",
        "[" * 100_000,
        '{"numbers": [{"value": NaN, "text": ""}]}',
    ],
)
def test_bad_facts_json_is_refused_with_a_reason(text: str) -> None:
    with pytest.raises(ValueError):
        codec.facts_from_json(text)


def test_search_finds_claims_by_words_and_prefix(tmp_path: Path, comparison) -> None:
    path = tmp_path / "war.ncproj"
    save_comparison(path, comparison)
    target = comparison.claims[5]
    word = target.text.split()[4].strip(",.")  # the noun: "people", "refugees", ...
    found = search_claims(path, f"{word} {target.facts.entities[0][:4]}")
    assert target.id in found
    assert all(word in comparison.claim(cid).text for cid in found)
    assert search_claims(path, '" OR NEAR(') == []  # FTS5 syntax typed by a user is just text
    assert search_claims(memory_index(comparison), word) == search_claims(path, word)


def test_schema_sql_builds_what_the_migrations_build() -> None:
    conn = sqlite3.connect(":memory:")
    conn.executescript(schema.schema_sql())
    built = schema.read_structure(conn, trusted=True)[0]
    assert built == schema.expected_structure(schema.schema_version())
    assert {"claims_fts_data", "claims_fts_idx", "claims_fts_config"} <= built.tables.keys()
    assert conn.execute("SELECT name FROM sqlite_master WHERE type IN ('trigger', 'view')").fetchall() == []


def test_db_dir_is_found_from_the_source_tree_and_from_a_bundle(monkeypatch, tmp_path: Path) -> None:
    assert (schema.db_dir() / "schema.sql").is_file()
    assert (schema.db_dir() / "migrations" / "0001_initial.sql").is_file()
    monkeypatch.chdir(tmp_path)  # never relative to the working directory
    assert (schema.db_dir() / "schema.sql").is_file()
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert schema.db_dir() == tmp_path / "db"
