"""Times kept from the previous save (when a document was added, when a link was drawn, when the run ran).

The model has no place for them, so a save reads them back from the file it replaces. Best effort: a file
that is missing, foreign or damaged simply gives no stamps (the save itself does not depend on it).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from compare.store.replaced import read_each
from compare.store.write import RunTimes, Stamps


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
