"""The word lists of resources/lexicon/*.tsv, read once per process.

Every list is data with a source column (see resources/lexicon/README.md), so that what the engine calls a
negation, an antonym or a hedge can be read, checked and extended without touching code. The folder is
found the way the app finds its other resources: in a PyInstaller bundle, next to the package, or in an
installed share directory.
"""

from __future__ import annotations

import csv
import sys
from functools import cache
from pathlib import Path


class LexiconMissing(RuntimeError):
    """The bundled lexicon is not where the package expects it (a broken install)."""


def lexicon_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [Path(frozen) / "resources"] if frozen else []
    candidates.append(Path(__file__).resolve().parents[2] / "resources")
    candidates.append(Path(sys.prefix) / "share" / "narrative-compare" / "resources")
    for c in candidates:
        if (c / "lexicon").is_dir():
            return c / "lexicon"
    raise LexiconMissing(
        "the bundled word lists (resources/lexicon) are missing; reinstall Narrative Compare"
    )


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``resources/lexicon/<name>.tsv`` as dicts keyed by the header; every row has a source."""
    path = lexicon_dir() / f"{name}.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        table = tuple(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    for n, row in enumerate(table, start=2):
        if not (row.get("source") or "").strip():
            raise LexiconMissing(f"{path.name} line {n}: an entry without a source")
    return table


def column(name: str, key: str) -> tuple[str, ...]:
    return tuple(r[key] for r in rows(name))


def words(name: str, kind: str, key: str = "word") -> frozenset[str]:
    """The ``key`` column (``word`` unless said) of the rows of one ``kind``."""
    return frozenset(r[key] for r in rows(name) if r["kind"] == kind)
