"""Times kept from the previous save (when a document was added, when a link was drawn, when the run ran).

The model has no place for them, so a save reads them back from the file it replaces. Best effort: a file
that is missing, foreign or damaged simply gives no stamps (the save itself does not depend on it).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from compare.store import schema
from compare.store.connect import untrusted
from compare.store.errors import StoreError
from compare.store.write import RunTimes, Stamps


def read_stamps(*paths: Path) -> Stamps:
    """Stamps from the first of ``paths`` that is a readable project file of this schema version."""
    for path in paths:
        if not path.is_file():
            continue
        try:
            with untrusted(path) as conn:
                if conn.execute("PRAGMA user_version").fetchone()[0] != schema.schema_version():
                    continue
                if schema.compare_structure(conn, schema.schema_version()):
                    continue
                return _stamps(conn)
        except (StoreError, sqlite3.Error):
            continue
    return Stamps()


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
