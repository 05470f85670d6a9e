"""Upgrading older project files, tested with a synthetic schema version 2 built in the test.

The app has one schema version so far, so each test makes a ``db/`` folder with the real 0001 migration
plus a made-up 0002, points ``paths.db_dir`` at it, and opens a file written by the real version 1.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from compare.store import (
    MigrationFailed,
    SchemaTooNew,
    UnsafeSchema,
    check_file,
    open_comparison,
    paths,
    save_comparison,
    schema,
)
from compare.store.synthetic import synthetic_comparison

V2 = "ALTER TABLE documents ADD COLUMN language TEXT NOT NULL DEFAULT '';\nCREATE INDEX claims_by_text ON claims (text);\n"


def make_db_dir(root: Path, migration_0002: str) -> Path:
    real = paths.db_dir()
    (root / "migrations").mkdir(parents=True)
    shutil.copy(real / "migrations" / "0001_initial.sql", root / "migrations")
    (root / "migrations" / "0002_language.sql").write_text(migration_0002, encoding="utf-8")
    (root / "schema.sql").write_text(schema.schema_sql() + "\n" + migration_0002, encoding="utf-8")
    return root


@pytest.fixture
def v1_file(tmp_path: Path):
    path = tmp_path / "home" / "old.ncproj"
    path.parent.mkdir()
    comparison = synthetic_comparison(3, 30, seed=3)
    save_comparison(path, comparison)
    return path, comparison


def use_v2(monkeypatch, tmp_path: Path, migration: str = V2) -> None:
    root = make_db_dir(tmp_path / "db_v2", migration)
    monkeypatch.setattr(paths, "db_dir", lambda: root)
    assert schema.schema_version() == 2


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_older_file_is_upgraded_on_a_copy_then_swapped_in(monkeypatch, tmp_path: Path, v1_file) -> None:
    path, comparison = v1_file
    use_v2(monkeypatch, tmp_path)
    assert open_comparison(path) == comparison
    assert user_version(path) == 2
    kept = paths.version_backup_path(path, 1)
    assert user_version(kept) == 1
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT DISTINCT language FROM documents").fetchall() == [("",)]
    conn.close()
    assert sorted(p.name for p in path.parent.iterdir()) == ["old.ncproj", "old.ncproj.v1.bak"]
    assert open_comparison(path) == comparison  # the upgraded file passes the version-2 checks


def test_upgrade_can_leave_the_file_alone(monkeypatch, tmp_path: Path, v1_file) -> None:
    path, comparison = v1_file
    use_v2(monkeypatch, tmp_path)
    before = path.read_bytes()
    assert check_file(path) == []
    assert open_comparison(path, upgrade_in_place=False) == comparison
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["old.ncproj"]


def test_saving_after_an_upgrade_writes_the_new_version(monkeypatch, tmp_path: Path, v1_file) -> None:
    path, comparison = v1_file
    use_v2(monkeypatch, tmp_path)
    save_comparison(path, open_comparison(path, upgrade_in_place=False))
    assert user_version(path) == 2
    assert open_comparison(path) == comparison


def test_tampered_older_file_is_refused_before_any_migration_runs(
    monkeypatch, tmp_path: Path, v1_file
) -> None:
    path, _ = v1_file
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE log (x)")
    conn.execute("CREATE TRIGGER spy AFTER UPDATE ON documents BEGIN INSERT INTO log VALUES (new.text); END")
    conn.commit()
    conn.close()
    use_v2(monkeypatch, tmp_path, "UPDATE documents SET title = title || '';\n")
    with pytest.raises(UnsafeSchema, match="trigger named 'spy'"):
        open_comparison(path)
    assert [p.name for p in path.parent.iterdir()] == ["old.ncproj"]
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM log").fetchone()[0] == 0
    conn.close()


def test_failing_migration_leaves_the_original_untouched(monkeypatch, tmp_path: Path, v1_file) -> None:
    path, comparison = v1_file
    before = path.read_bytes()
    use_v2(
        monkeypatch,
        tmp_path,
        "ALTER TABLE documents ADD COLUMN language TEXT;\nINSERT INTO nowhere VALUES (1);\n",
    )
    with pytest.raises(MigrationFailed, match="cannot be upgraded from schema version 1"):
        open_comparison(path)
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["old.ncproj"]


def test_a_migration_is_all_or_nothing() -> None:
    conn = sqlite3.connect(":memory:")
    bad = schema.Migration(1, "0001_bad", "CREATE TABLE a (x);\nINSERT INTO missing VALUES (1);")
    with pytest.raises(sqlite3.OperationalError):
        schema.apply_migration(conn, bad)
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == []
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0


def test_file_from_a_newer_app_names_the_version_needed(monkeypatch, tmp_path: Path) -> None:
    newer = tmp_path / "new.ncproj"
    with monkeypatch.context() as m:
        use_v2(m, tmp_path)
        m.setitem(schema.FIRST_APP_VERSION, 2, "0.2.0")
        save_comparison(newer, synthetic_comparison(2, 10))
    assert schema.schema_version() == 1
    with pytest.raises(SchemaTooNew, match=r"needs Narrative Compare >= 0\.2\.0 \(file schema version 2"):
        open_comparison(newer)


def test_migrations_are_numbered_without_gaps(monkeypatch, tmp_path: Path) -> None:
    root = make_db_dir(tmp_path / "gap", V2)
    (root / "migrations" / "0002_language.sql").rename(root / "migrations" / "0003_language.sql")
    monkeypatch.setattr(paths, "db_dir", lambda: root)
    with pytest.raises(RuntimeError, match="without gaps"):
        schema.migrations()
