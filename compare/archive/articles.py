"""Reading an archive: a JSON Lines file (one article a line) or a folder of documents with a metadata.csv.

A bad line or file never stops the rest: each one becomes one ``Problem`` naming the line (or file) and
what is wrong, and the caller prints them and a count. The user's files are only read.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from compare.model import CompareError, InputError
from compare.text.ingest import MAX_BYTES, MAX_CHARS, document_from_text, load_document

MAX_ARTICLES = 5_000_000  # a bound on memory, far above any archive one machine groups
MAX_FIELD = 2_000  # title, outlet, url, id
MAX_LINE_BYTES = 4 * MAX_CHARS + 64 * 1024  # a text of MAX_CHARS in the worst UTF-8 plus its fields
METADATA = "metadata.csv"
OPTIONAL = ("title", "outlet", "date", "url")


@dataclass(frozen=True, slots=True)
class Article:
    """One article of the archive; ``text`` is normalised like any document the app reads."""

    id: str
    title: str
    text: str
    outlet: str = ""
    date: str = ""  # ISO "YYYY-MM-DD" (the day only: stories are judged in days)
    url: str = ""

    @property
    def day(self) -> int | None:
        return date.fromisoformat(self.date).toordinal() if self.date else None


@dataclass(frozen=True, slots=True)
class Problem:
    where: str  # "articles.jsonl line 7" or "folder/file.pdf"
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


def read_archive(path: str | Path) -> tuple[list[Article], list[Problem]]:
    """The articles of a JSON Lines file or a folder, in order, and the problems of the lines left out."""
    path = Path(path)
    if path.is_dir():
        articles, problems = _read_folder(path)
    elif path.is_file():
        articles, problems = _read_jsonl(path)
    else:
        raise InputError(f"{path}: not found (give a .jsonl file or a folder of documents)")
    if not articles:
        first = f"; first problem: {problems[0]}" if problems else ""
        raise InputError(f"{path}: no articles could be read{first}")
    return articles, problems


# --------------------------------------------------------------------------------------------------- JSONL


def _read_jsonl(path: Path) -> tuple[list[Article], list[Problem]]:
    articles: list[Article] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    with handle:
        for number, raw in enumerate(_lines(handle), start=1):
            if not raw.strip():
                continue
            where = f"{path.name} line {number}"
            try:
                article = _article_from_line(raw)
            except CompareError as exc:
                problems.append(Problem(where, str(exc)))
                continue
            if article.id in seen:
                problems.append(Problem(where, f"id {_show(article.id)} is used by an earlier line"))
                continue
            if len(articles) >= MAX_ARTICLES:
                problems.append(
                    Problem(where, f"over the limit of {MAX_ARTICLES:,} articles; the rest is left out")
                )
                break
            seen.add(article.id)
            articles.append(article)
    return articles, problems


def _lines(handle) -> Iterator[bytes]:
    """Lines of at most MAX_LINE_BYTES; a longer one comes back as a marker rather than filling memory."""
    while True:
        line = handle.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            while True:  # skip the rest of the over-long line
                rest = handle.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield b"\x00too-long"
            continue
        yield line


def _article_from_line(raw: bytes) -> Article:
    if raw == b"\x00too-long":
        raise InputError(f"the line is longer than {MAX_LINE_BYTES:,} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 (byte {exc.start})") from None
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg}, column {exc.colno})") from None
    except RecursionError:
        raise InputError("not valid JSON (nested too deeply)") from None
    if not isinstance(record, dict):
        raise InputError("expected a JSON object with 'id' and 'text'")
    return make_article(record)


def make_article(record: dict) -> Article:
    """An Article from a JSON object or a metadata row; ``InputError`` names the first field that is wrong."""
    raw_id = record.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int) or not str(raw_id).strip():
        raise InputError("'id' is missing or not a non-empty string")
    article_id = str(raw_id).strip()
    if len(article_id) > MAX_FIELD or not article_id.isprintable():
        raise InputError("'id' is too long or contains control characters")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputError(f"article {_show(article_id)}: 'text' is missing or empty")
    fields: dict[str, str] = {}
    for name in OPTIONAL:
        value = record.get(name)
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise InputError(f"article {_show(article_id)}: {name!r} is not a string")
        if len(value) > MAX_FIELD:
            raise InputError(f"article {_show(article_id)}: {name!r} is longer than {MAX_FIELD:,} characters")
        fields[name] = " ".join(value.split())
    fields["date"] = iso_day(fields["date"], article_id)
    try:
        doc = document_from_text(body, "a", title=fields["title"], source=article_id)
    except InputError as exc:
        raise InputError(f"article {_show(article_id)}: {str(exc).split(': ', 1)[-1]}") from None
    return Article(article_id, doc.title, doc.text, fields["outlet"], fields["date"], fields["url"])


def iso_day(value: str, article_id: str) -> str:
    """``YYYY-MM-DD`` from an ISO date or date-time ("2024-05-01T09:30:00Z"); "" stays ""."""
    if not value:
        return ""
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise InputError(
            f"article {_show(article_id)}: 'date' {_show(value)} is not an ISO date (YYYY-MM-DD)"
        ) from None


def _show(value: str) -> str:
    value = "".join(ch if ch.isprintable() else " " for ch in value)
    return repr(value if len(value) <= 60 else value[:59] + "…")


# --------------------------------------------------------------------------------------------------- folder


def _read_folder(folder: Path) -> tuple[list[Article], list[Problem]]:
    problems: list[Problem] = []
    meta = _read_metadata(folder, problems)
    files = sorted(
        p for p in folder.rglob("*") if p.is_file() and not _hidden(p, folder) and p.name != METADATA
    )
    articles: list[Article] = []
    for path in files[:MAX_ARTICLES]:
        name = path.relative_to(folder).as_posix()
        try:
            if path.stat().st_size > MAX_BYTES:
                raise InputError(f"too large (the limit is {MAX_BYTES // (1 << 20)} MB)")
            doc = load_document(path, "a")
            row = meta.pop(name, {})
            record = {"id": row.get("id") or name, "text": doc.text}
            record.update({k: row.get(k) or "" for k in OPTIONAL})
            record["title"] = record["title"] or doc.title
            record["outlet"] = record["outlet"] or doc.outlet
            record["date"] = record["date"] or _maybe_day(doc.date)
            articles.append(make_article(record))
        except CompareError as exc:
            problems.append(Problem(name, str(exc).removeprefix(f"{path}: ")))
    for name in sorted(meta):
        problems.append(Problem(f"{folder.name}/{METADATA}", f"no file {_show(name)} in the folder"))
    seen: set[str] = set()
    unique = []
    for article in articles:
        if article.id in seen:
            problems.append(Problem(f"{folder.name}/{METADATA}", f"id {_show(article.id)} is used twice"))
            continue
        seen.add(article.id)
        unique.append(article)
    return unique, problems


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _maybe_day(value: str) -> str:
    """A page's own date when it is ISO; anything else is not trusted to order stories."""
    try:
        return date.fromisoformat(value[:10]).isoformat() if value else ""
    except ValueError:
        return ""


def _read_metadata(folder: Path, problems: list[Problem]) -> dict[str, dict[str, str]]:
    """``file`` (the document's path inside the folder) -> its row; columns id, title, outlet, date, url."""
    path = folder / METADATA
    if not path.is_file():
        return {}
    where = f"{folder.name}/{METADATA}"
    rows: dict[str, dict[str, str]] = {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or "file" not in reader.fieldnames:
                problems.append(
                    Problem(where, "needs a header row with a 'file' column; the file is ignored")
                )
                return {}
            for row in reader:
                line = reader.line_num
                name = (row.get("file") or "").strip()
                if not name:
                    problems.append(Problem(f"{where} line {line}", "no 'file' value"))
                elif name in rows:
                    problems.append(Problem(f"{where} line {line}", f"{_show(name)} is described twice"))
                else:
                    rows[name] = {k: (v or "").strip() for k, v in row.items() if isinstance(k, str)}
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        problems.append(Problem(where, f"cannot be read ({exc}); the file is ignored"))
        return {}
    return rows
