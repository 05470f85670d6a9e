"""``stories.json``: the index of an archive run, written by ``archive`` and read by the desktop app.

No Dask and no datasketch here: the app imports this module to list the stories of an ``OUT/`` folder.
A folder may come from anyone, so reading checks the format and keeps every project path inside
``OUT/stories/``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from compare.model import InputError

FORMAT = "narrative-compare-archive/1"
STORIES_FILE = "stories.json"
REPORT_FILE = "report.html"
PROJECTS_DIR = "stories"
MAX_INDEX_BYTES = 512 * 1024 * 1024
_PROJECT_RE = re.compile(r"stories/[A-Za-z0-9_-]{1,64}\.ncproj")


@dataclass(frozen=True, slots=True)
class Story:
    """One story: its articles (the base first), and what its comparison found."""

    id: str
    articles: tuple[str, ...]
    title: str
    project: str | None  # "stories/<id>.ncproj" for two or more articles, else None
    outlets: tuple[str, ...] = ()
    differences: int = 0  # links the engine marked as differing
    not_found: int = 0  # base claims not found in at least one account
    copies: tuple[tuple[str, ...], ...] = field(default=())  # near-identical articles (wire copies)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "articles": list(self.articles),
            "title": self.title,
            "project": self.project,
            "outlets": list(self.outlets),
            "differences": self.differences,
            "not_found": self.not_found,
            "copies": [list(c) for c in self.copies],
        }


def project_path(story_id: str) -> str:
    return f"{PROJECTS_DIR}/{story_id}.ncproj"


def stories_json(stories: list[Story]) -> str:
    """The index as text: stable key order, so equal runs give byte-identical files."""
    doc = {"format": FORMAT, "stories": [s.to_json() for s in stories]}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def is_archive(folder: str | Path) -> bool:
    return (Path(folder) / STORIES_FILE).is_file()


def read_stories(folder: str | Path) -> list[Story]:
    """The stories of an archive folder; ``InputError`` (one line) when the index is missing or not ours."""
    path = Path(folder) / STORIES_FILE
    try:
        if path.stat().st_size > MAX_INDEX_BYTES:
            raise InputError(f"{path}: too large to be an archive index")
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(
            f"{folder}: no {STORIES_FILE} here (run 'narrative-compare archive' first)"
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise InputError(f"{path}: not a readable archive index ({exc.__class__.__name__})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("stories"), list):
        raise InputError(f"{path}: not a Narrative Compare archive index (format {FORMAT})")
    try:
        return [_story(item) for item in doc["stories"]]
    except (TypeError, ValueError, KeyError) as exc:
        raise InputError(f"{path}: a story entry is malformed ({exc})") from None


def _story(item: dict) -> Story:
    if not isinstance(item, dict):
        raise TypeError("not an object")
    project = item.get("project")
    if project is not None and (not isinstance(project, str) or not _PROJECT_RE.fullmatch(project)):
        raise ValueError("project must be stories/<id>.ncproj")
    return Story(
        id=_text(item["id"]),
        articles=tuple(_text(a) for a in _list(item["articles"])),
        title=_text(item.get("title", "")),
        project=project,
        outlets=tuple(_text(o) for o in _list(item.get("outlets", []))),
        differences=_count(item.get("differences", 0)),
        not_found=_count(item.get("not_found", 0)),
        copies=tuple(tuple(_text(a) for a in _list(c)) for c in _list(item.get("copies", []))),
    )


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value


def _list(value: object) -> list:
    if not isinstance(value, list):
        raise TypeError("expected a list")
    return value


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("expected a count")
    return value
