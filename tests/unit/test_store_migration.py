"""Upgrading older project files: a real version-1 file, and a synthetic next version built in the test.

Version-1 files are written by the current code with ``schema.db_dir`` pointed at a ``db/`` folder holding
only the real 0001 migration. For the upgrade machinery itself, each test makes a ``db/`` folder with every
real migration plus a made-up next one (``NEXT``), points ``schema.db_dir`` at it, and opens the version-1
file, which then runs the real 0002 and the made-up one.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from helpers.synthetic import synthetic_comparison

from compare.store import (
    MigrationFailed,
    SchemaTooNew,
    UnsafeSchema,
    check_file,
    open_comparison,
    save,
    save_comparison,
    schema,
)

CURRENT = schema.schema_version()
NEXT = CURRENT + 1
EXTRA = "ALTER TABLE documents ADD COLUMN language TEXT NOT NULL DEFAULT '';\nCREATE INDEX claims_by_text ON claims (text);\n"


def make_db_dir(root: Path, extra_migration: str) -> Path:
    """Every real migration plus ``extra_migration`` as the next version."""
    real = schema.db_dir()
    (root / "migrations").mkdir(parents=True)
    for migration in (real / "migrations").glob("*.sql"):
        shutil.copy(migration, root / "migrations")
    (root / "migrations" / f"{NEXT:04d}_language.sql").write_text(extra_migration, encoding="utf-8")
    (root / "schema.sql").write_text(schema.schema_sql() + "\n" + extra_migration, encoding="utf-8")
    return root


def old_db_dir(root: Path, version: int) -> Path:
    """A ``db/`` folder of an older app: the real migrations 1..version; its schema.sql runs them in turn."""
    (root / "migrations").mkdir(parents=True)
    scripts = []
    for migration in schema.migrations()[:version]:
        (root / "migrations" / f"{migration.name}.sql").write_text(migration.sql, encoding="utf-8")
        scripts.append(migration.sql)
    (root / "schema.sql").write_text("\n".join(scripts), encoding="utf-8")
    return root


def save_old(monkeypatch, root: Path, path: Path, comparison, version: int = 1) -> None:
    """Save ``comparison`` as the app of schema ``version`` would have written it."""
    folder = old_db_dir(root, version)
    with monkeypatch.context() as m:
        m.setattr(schema, "db_dir", lambda: folder)
        assert schema.schema_version() == version
        save_comparison(path, comparison)
    assert user_version(path) == version


@pytest.fixture
def v1_file(tmp_path: Path, monkeypatch):
    path = tmp_path / "home" / "old.ncproj"
    path.parent.mkdir()
    comparison = synthetic_comparison(3, 30, seed=3)
    save_old(monkeypatch, tmp_path / "db_v1", path, comparison)
    return path, comparison


def use_next(monkeypatch, tmp_path: Path, migration: str = EXTRA) -> None:
    root = make_db_dir(tmp_path / "db_next", migration)
    monkeypatch.setattr(schema, "db_dir", lambda: root)
    assert schema.schema_version() == NEXT


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_v1_file_opens_and_is_upgraded_to_the_current_version(tmp_path: Path, v1_file) -> None:
    path, comparison = v1_file
    assert check_file(path) == []
    assert open_comparison(path) == comparison
    assert user_version(path) == CURRENT
    assert user_version(save.version_backup_path(path, 1)) == 1
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM embeddings").fetchone()[0] == 0
    conn.close()
    assert open_comparison(path) == comparison  # the upgraded file passes the current checks
    assert check_file(path) == []


def test_older_file_is_upgraded_on_a_copy_then_swapped_in(monkeypatch, tmp_path: Path, v1_file) -> None:
    path, comparison = v1_file
    use_next(monkeypatch, tmp_path)
    assert open_comparison(path) == comparison
    assert user_version(path) == NEXT
    kept = save.version_backup_path(path, 1)
    assert user_version(kept) == 1
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT DISTINCT language FROM documents").fetchall() == [("",)]
    conn.close()
    assert sorted(p.name for p in path.parent.iterdir()) == ["old.ncproj", "old.ncproj.v1.bak"]
    assert open_comparison(path) == comparison  # the upgraded file passes the next version's checks


def test_upgrade_can_leave_the_file_alone(monkeypatch, tmp_path: Path, v1_file) -> None:
    path, comparison = v1_file
    use_next(monkeypatch, tmp_path)
    before = path.read_bytes()
    assert check_file(path) == []
    assert open_comparison(path, upgrade_in_place=False) == comparison
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["old.ncproj"]


def test_saving_after_an_upgrade_writes_the_new_version(monkeypatch, tmp_path: Path, v1_file) -> None:
    path, comparison = v1_file
    use_next(monkeypatch, tmp_path)
    save_comparison(path, open_comparison(path, upgrade_in_place=False))
    assert user_version(path) == NEXT
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
    use_next(monkeypatch, tmp_path, "UPDATE documents SET title = title || '';\n")
    with pytest.raises(UnsafeSchema, match="trigger named 'spy'"):
        open_comparison(path)
    assert [p.name for p in path.parent.iterdir()] == ["old.ncproj"]
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM log").fetchone()[0] == 0
    conn.close()


def test_failing_migration_leaves_the_original_untouched(monkeypatch, tmp_path: Path, v1_file) -> None:
    path, comparison = v1_file
    before = path.read_bytes()
    use_next(
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
        use_next(m, tmp_path)
        m.setitem(schema.FIRST_APP_VERSION, NEXT, "9.2.0")
        save_comparison(newer, synthetic_comparison(2, 10))
    assert schema.schema_version() == CURRENT
    with pytest.raises(
        SchemaTooNew, match=rf"needs Narrative Compare >= 9\.2\.0 \(file schema version {NEXT}"
    ):
        open_comparison(newer)


def test_migrations_are_numbered_without_gaps(monkeypatch, tmp_path: Path) -> None:
    root = make_db_dir(tmp_path / "gap", EXTRA)
    (root / "migrations" / f"{NEXT:04d}_language.sql").rename(
        root / "migrations" / f"{NEXT + 1:04d}_language.sql"
    )
    monkeypatch.setattr(schema, "db_dir", lambda: root)
    with pytest.raises(RuntimeError, match="without gaps"):
        schema.migrations()
