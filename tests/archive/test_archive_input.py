"""Reading an archive: JSON Lines and folders, each bad line reported with its number, the rest kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from planted_archive import planted_archive, write_jsonl

from compare.archive.articles import read_archive
from compare.model import InputError


def test_jsonl_keeps_good_lines_and_names_each_bad_one(tmp_path: Path) -> None:
    records = planted_archive(stories=3, seed=1).records
    bad = {
        2: "{not json",
        4: json.dumps({"id": "no-text"}),
        6: json.dumps(["a", "list"]),
        8: json.dumps({"id": records[0]["id"], "text": "A second article with an id already used."}),
        10: json.dumps({"id": "bad-date", "text": "Some text here.", "date": "last Tuesday"}),
        12: json.dumps({"id": "bad-outlet", "text": "Some text here.", "outlet": 7}),
    }
    path = write_jsonl(tmp_path / "a.jsonl", records, bad)
    with path.open("ab") as f:
        f.write(b'{"id": "latin", "text": "caf\xe9"}\n')
    articles, problems = read_archive(path)
    assert [a.id for a in articles] == [r["id"] for r in records]
    where = [p.where for p in problems]
    assert where == [f"a.jsonl line {n}" for n in (2, 4, 6, 8, 10, 12)] + [f"a.jsonl line {len(records) + 7}"]
    text = "\n".join(str(p) for p in problems)
    assert "not valid JSON" in text and "'text' is missing" in text and "used by an earlier line" in text
    assert "not an ISO date" in text and "not UTF-8" in text and "'outlet' is not a string" in text


def test_optional_fields_and_titles(tmp_path: Path) -> None:
    lines = [
        {"id": 1, "text": "First line as title\n\nThe body of the article."},
        {
            "id": "b",
            "text": "Body.",
            "title": "Given",
            "outlet": "  The  Post ",
            "date": "2024-05-01T09:30:00Z",
        },
    ]
    articles, problems = read_archive(write_jsonl(tmp_path / "a.jsonl", lines))
    assert not problems
    assert (articles[0].id, articles[0].title, articles[0].date) == ("1", "First line as title", "")
    assert (articles[1].title, articles[1].outlet, articles[1].date) == ("Given", "The Post", "2024-05-01")


def test_nothing_readable_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text("{broken\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"no articles could be read; first problem: a.jsonl line 1"):
        read_archive(path)
    with pytest.raises(InputError, match="not found"):
        read_archive(tmp_path / "missing.jsonl")


def test_folder_with_metadata(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "one.txt").write_text(
        "Storm hits the coast\n\nThe storm hit the coast on Monday.", encoding="utf-8"
    )
    (folder / "sub" / "two.md").write_text(
        "# Coast storm\n\nA storm reached the coast on Monday.", encoding="utf-8"
    )
    (folder / "empty.txt").write_text("   ", encoding="utf-8")
    (folder / ".hidden.txt").write_text("never read", encoding="utf-8")
    (folder / "metadata.csv").write_text(
        "file,id,outlet,date,url\none.txt,storm-1,Coast News,2024-02-03,https://example.org/1\n"
        "sub/two.md,,Harbour Times,not a date,\nmissing.txt,x,,,\n",
        encoding="utf-8",
    )
    articles, problems = read_archive(folder)
    assert [(a.id, a.outlet, a.date) for a in articles] == [("storm-1", "Coast News", "2024-02-03")]
    assert articles[0].url == "https://example.org/1" and articles[0].title == "Storm hits the coast"
    text = [str(p) for p in problems]
    assert any(t.startswith("empty.txt:") and "no text" in t for t in text)
    assert any(t.startswith("sub/two.md:") and "not an ISO date" in t for t in text)
    assert any("missing.txt" in t for t in text)
    assert not any("hidden" in t for t in text)
