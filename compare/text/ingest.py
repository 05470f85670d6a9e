"""Read one account into a :class:`~compare.model.Document`.

Supported: plain text (``.txt`` and anything unknown that is not binary), Markdown, HTML (article text only),
``.docx`` and ``.pdf``. Everything here uses the standard library except PDF text extraction (``pypdf``).

Every problem a user can cause (missing, a directory, unreadable, empty, binary, too large, undecodable,
a broken or encrypted PDF, a zip bomb) raises :class:`~compare.model.InputError` with one line that names
the file and the problem. The user's file is only ever opened for reading.

The returned ``Document.text`` is normalised: ``\\n`` line endings, no BOM, no trailing whitespace on a line,
runs of blank lines collapsed to one blank line, no leading or trailing blank space. Claim offsets index
this exact string.
"""

from __future__ import annotations

import codecs
import io
import logging
import re
import stat
import xml.etree.ElementTree as ET
import zipfile
import zlib
from pathlib import Path

from compare.model import Document, InputError
from compare.text.html_article import html_article

__all__ = [
    "MAX_BYTES",
    "MAX_CHARS",
    "decode_bytes",
    "document_from_text",
    "load_document",
]

MAX_BYTES: int = 20 * 1024 * 1024
"""Largest input file accepted, in bytes (20 MiB)."""

MAX_CHARS: int = 5_000_000
"""Largest document text accepted, in characters (after decoding and extraction)."""

TITLE_MAX = 120
_CONTROL_SHARE = 0.02  # more control characters than this share of the text: binary, not text

TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


# --------------------------------------------------------------------------------------------------- helpers


def _label(name: str | Path) -> str:
    """The file name as shown in a one-line error message."""
    s = str(name)
    return re.sub(r"[\r\n\t]+", " ", s) or "(unnamed)"


def _fail(name: str | Path, problem: str) -> InputError:
    return InputError(f"{_label(name)}: {problem}")


def _mib(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n:,} bytes"


def _is_control(ch: str) -> bool:
    """A control character that has no business in prose (tab, newline, CR, FF and VT are fine)."""
    o = ord(ch)
    return (o < 32 and ch not in "\t\n\r\f\v") or 0x7F <= o <= 0x9F


_CONTROL_COUNT_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # the characters _is_control accepts


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    # A regex counts in C: a per-character Python loop took seconds on a large file.
    return len(_CONTROL_COUNT_RE.findall(text)) / len(text)


# Bytes that may not become a character of the normalised text: UTF-8 continuation bytes, ASCII white space
# and controls, and the lead bytes of the few characters normalisation removes or turns into white space
# (U+0080-U+009F: C2; U+2028/U+2029: E2; the BOM U+FEFF: EF). What is left is a lower bound of the length.
_NOT_CHARACTERS = bytes([*range(0x00, 0x21), 0x7F, *range(0x80, 0xC0), 0xC2, 0xE2, 0xEF])


def _check_length_before_decoding(data: bytes, name: str) -> None:
    """Refuse a plain-text file whose text is certainly over ``MAX_CHARS`` before any decoding or
    normalisation, which on a file near ``MAX_BYTES`` costs seconds and several times its size in memory."""
    if b"\x00" in data[: 64 * 1024] or data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return  # UTF-16/32: two or four bytes a character; the limit after decoding is exact anyway
    at_least = len(data.translate(None, _NOT_CHARACTERS))
    if at_least > MAX_CHARS:
        raise _fail(name, f"too long: more than {at_least:,} characters (the limit is {MAX_CHARS:,})")


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_BLANK_RUN_RE = re.compile(r"\n{3,}")


def _normalise(text: str) -> str:
    """Line endings to ``\\n``, no BOM, no stray controls, no trailing spaces, at most one blank line in a row."""
    text = text.replace("\ufeff", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\f", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _CONTROL_RE.sub("", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = _BLANK_RUN_RE.sub("\n\n", text)
    return text.strip()


def _clip_title(line: str) -> str:
    line = " ".join(line.split())
    if len(line) <= TITLE_MAX:
        return line
    cut = line[:TITLE_MAX].rsplit(" ", 1)[0]
    if len(cut) < TITLE_MAX // 2:
        cut = line[:TITLE_MAX]
    return cut.rstrip(" ,;:-–") + "…"


# A photo credit or copyright line above the headline is not the title ("© Name / Agency").
_CREDIT_RE = re.compile(r"^\s*(?:©|\(c\)|copyright\b|photo\b|image\b|picture\b)", re.IGNORECASE)


def _first_line(text: str) -> str:
    lines = [line for line in text.split("\n") if line.strip()]
    for line in lines:
        if not _CREDIT_RE.match(line):
            return _clip_title(line)
    return _clip_title(lines[0]) if lines else ""


def _finish(
    text: str, doc_id: str, name: str, *, title: str = "", source: str = "", outlet: str = "", date: str = ""
) -> Document:
    _check_length_before_normalising(text, name)
    text = _normalise(text)
    if not text:
        raise _fail(name, "no text (the file is empty or contains only whitespace)")
    if len(text) > MAX_CHARS:
        raise _fail(name, f"too long: {len(text):,} characters (the limit is {MAX_CHARS:,})")
    title = _clip_title(title) if title and title.strip() else _first_line(text)
    return Document(
        id=doc_id,
        title=title,
        text=text,
        source=source,
        outlet=" ".join(outlet.split()),
        date=date.strip(),
    )


def _check_length_before_normalising(text: str, name: str) -> None:
    """Refuse text certainly over ``MAX_CHARS`` before normalising it (pasted text, extracted HTML/DOCX):
    normalisation only removes white space and control characters, so the rest is a lower bound."""
    if len(text) <= MAX_CHARS:
        return
    at_least = len(text) - sum(text.count(ch) for ch in " \t\n\r\f\v\ufeff\u2028\u2029")
    at_least -= len(_CONTROL_COUNT_RE.findall(text))
    if at_least > MAX_CHARS:
        raise _fail(name, f"too long: more than {at_least:,} characters (the limit is {MAX_CHARS:,})")


# --------------------------------------------------------------------------------------------------- decoding

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when the NUL bytes sit in every other position, else None."""
    sample = data[: 64 * 1024]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sum(1 for i in range(0, pairs * 2, 2) if sample[i] == 0)
    odd = sum(1 for i in range(1, pairs * 2, 2) if sample[i] == 0)
    if odd >= 0.3 * pairs and even <= 0.05 * pairs:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= 0.05 * pairs:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, name: str) -> str:
    """Decode the bytes of a text file; raise :class:`InputError` for binary or undecodable data.

    Order: a BOM (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE), strict UTF-8, UTF-16 without a BOM when the NUL
    pattern shows it, cp1252, and latin-1 as a last resort only when the result looks like text.
    The result still has its original line endings; the BOM is removed.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as e:
                raise _fail(
                    name,
                    f"cannot decode: it starts with a {codec.upper()} mark but is not valid {codec.upper()} (byte {e.start + len(bom)})",
                ) from None
            if "\x00" in text or _control_share(text) > _CONTROL_SHARE:
                raise _fail(name, "looks like a binary file, not text")
            return text

    if b"\x00" in data:
        codec = _utf16_without_bom(data)
        if codec is None:
            raise _fail(name, "looks like a binary file, not text (it contains NUL bytes)")
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            raise _fail(
                name, f"cannot decode: looks like {codec.upper()} without a byte-order mark but is not valid"
            ) from None
        if "\x00" in text or _control_share(text) > _CONTROL_SHARE:
            raise _fail(name, "looks like a binary file, not text")
        return text

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _control_share(text) > _CONTROL_SHARE:
            raise _fail(name, "looks like a binary file, not text (too many control characters)")
        return text

    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        if _control_share(text) > _CONTROL_SHARE:
            raise _fail(name, "looks like a binary file, not text (too many control characters)")
        return text

    text = data.decode("latin-1")  # never fails; accept it only if it reads as text
    if _control_share(text) > _CONTROL_SHARE:
        raise _fail(name, "cannot decode: not UTF-8, UTF-16, cp1252 or latin-1 text (or a binary file)")
    return text


_HTML_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _decode_html(data: bytes, name: str) -> str:
    """Like :func:`decode_bytes`, but honours a ``<meta charset>`` when the bytes are not UTF-8."""
    if not any(data.startswith(bom) for bom, _ in _BOMS) and b"\x00" not in data:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            m = _HTML_CHARSET_RE.search(data[:4096])
            if m:
                try:
                    codec = codecs.lookup(m.group(1).decode("ascii")).name
                    if codec not in ("utf-8", "utf-16", "utf-32") and not codec.startswith("utf_"):
                        text = data.decode(codec)
                        if _control_share(text) <= _CONTROL_SHARE:
                            return text
                except (LookupError, UnicodeDecodeError):
                    pass
    return decode_bytes(data, name)


# --------------------------------------------------------------------------------------------------- reading


def _read_file(path: Path, name: str) -> bytes:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise _fail(name, "file not found") from None
    except PermissionError:
        raise _fail(name, "permission denied") from None
    except OSError as e:
        raise _fail(name, f"cannot read ({e.strerror or e.__class__.__name__})") from None
    if stat.S_ISDIR(st.st_mode):
        raise _fail(name, "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise _fail(name, "not a regular file")
    if st.st_size > MAX_BYTES:
        raise _fail(name, f"too large: {_mib(st.st_size)} (the limit is {_mib(MAX_BYTES)})")
    try:
        with path.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except PermissionError:
        raise _fail(name, "permission denied") from None
    except IsADirectoryError:
        raise _fail(name, "is a directory, not a file") from None
    except OSError as e:
        raise _fail(name, f"cannot read ({e.strerror or e.__class__.__name__})") from None
    if len(data) > MAX_BYTES:  # the file grew while we looked at it
        raise _fail(name, f"too large (the limit is {_mib(MAX_BYTES)})")
    if not data.strip():
        raise _fail(name, "no text (the file is empty or contains only whitespace)")
    return data


def load_document(path: str | Path, doc_id: str) -> Document:
    """Read a file into a Document. Raises :class:`InputError` (one line, names the file) on bad input."""
    name = str(path)
    p = Path(path)
    data = _read_file(p, name)
    suffix = p.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return _from_html(data, doc_id, name)
    if suffix in MARKDOWN_SUFFIXES:
        text = decode_bytes(data, name)
        body, title = _markdown_to_text(text)
        return _finish(body, doc_id, name, title=title, source=name)
    if suffix == ".docx":
        return _from_docx(data, doc_id, name)
    if suffix == ".pdf":
        return _from_pdf(data, doc_id, name)
    _check_length_before_decoding(data, name)
    text = decode_bytes(data, name)
    return _finish(text, doc_id, name, source=name)


def document_from_text(text: str, doc_id: str, *, title: str = "", source: str = "") -> Document:
    """A Document from pasted text. Raises :class:`InputError` when there is no text."""
    name = source or "pasted text"
    if not isinstance(text, str):
        raise _fail(name, "expected text")
    if "\x00" in text:
        raise _fail(name, "looks like binary data, not text (it contains NUL characters)")
    return _finish(text, doc_id, name, title=title, source=source)


# --------------------------------------------------------------------------------------------------- Markdown

_MD_HEADING_RE = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_MD_SETEXT_RE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_MD_FENCE_RE = re.compile(r"^ {0,3}(```|~~~)")
_MD_STRONG_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM_STAR_RE = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_MD_EM_UNDER_RE = re.compile(r"(?<![\w\\])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?!\w)")
_MD_LINK_RE = re.compile(r"(!?)\[([^\]\n]*)\]\([^)\s]*(?:\s+\"[^\"\n]*\")?\)")


def _md_inline(line: str) -> str:
    line = _MD_LINK_RE.sub(lambda m: "" if m.group(1) and not m.group(2) else m.group(2), line)
    line = _MD_STRONG_RE.sub(r"\2", line)
    line = _MD_EM_STAR_RE.sub(r"\1", line)
    return _MD_EM_UNDER_RE.sub(r"\1", line)


def _markdown_to_text(text: str) -> tuple[str, str]:
    """Light Markdown clean-up: heading marks, emphasis, link syntax and front matter. Returns (text, title)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    title = ""
    if lines and lines[0].strip() == "---":  # YAML front matter
        for i in range(1, min(len(lines), 200)):
            if lines[i].strip() in ("---", "..."):
                for meta in lines[1:i]:
                    m = re.match(r"\s*title\s*:\s*(.+)", meta)
                    if m:
                        title = m.group(1).strip().strip("\"'")
                lines = lines[i + 1 :]
                break
    out: list[str] = []
    first_heading = ""
    in_fence = False
    for line in lines:
        if _MD_FENCE_RE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line)
            continue
        m = _MD_HEADING_RE.match(line)
        if m:
            heading = _md_inline(m.group(2))
            first_heading = first_heading or heading
            out.append(heading)
            continue
        if _MD_SETEXT_RE.match(line) and out and out[-1].strip():
            first_heading = first_heading or out[-1]
            continue  # the underline of a setext heading (or a rule after a paragraph)
        out.append(_md_inline(line))
    return "\n".join(out), title or first_heading


# --------------------------------------------------------------------------------------------------- HTML


def _from_html(data: bytes, doc_id: str, name: str) -> Document:
    try:
        article = html_article(_decode_html(data, name))
    except ValueError as e:
        raise _fail(name, str(e)) from None
    if not article.text.strip():
        raise _fail(name, "no article text found in this HTML page")
    return _finish(
        article.text, doc_id, name, title=article.title, source=name, outlet=article.outlet, date=article.date
    )


# --------------------------------------------------------------------------------------------------- DOCX

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"


def _zip_member(z: zipfile.ZipFile, member: str, limit: int, name: str) -> bytes | None:
    try:
        info = z.getinfo(member)
    except KeyError:
        return None
    if info.file_size > limit:
        raise _fail(name, f"refused: {member} would unpack to {_mib(info.file_size)} (limit {_mib(limit)})")
    with z.open(info) as f:
        data = f.read(limit + 1)
    if len(data) > limit:  # the header lied about the size
        raise _fail(name, f"refused: {member} unpacks to more than {_mib(limit)}")
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise _fail(name, f"refused: {member} declares a DTD or entities (not a normal Word document)")
    return data


def _docx_paragraphs(xml_data: bytes) -> list[str]:
    root = ET.fromstring(xml_data)
    paras: list[str] = []
    cur: list[str] = []

    def walk(el: ET.Element) -> None:
        nonlocal cur
        for child in el:
            tag = child.tag
            if tag == _W + "p":
                if cur:  # a paragraph nested in this one (text box): finish the outer part first
                    paras.append("".join(cur))
                    cur = []
                walk(child)
                paras.append("".join(cur))
                cur = []
            elif tag == _W + "t":
                cur.append(child.text or "")
            elif tag == _W + "tab":
                cur.append("\t")
            elif tag in (_W + "br", _W + "cr"):
                cur.append("\n")
            elif tag in (_W + "delText", _W + "instrText"):
                continue
            else:
                walk(child)

    walk(root)
    if cur:
        paras.append("".join(cur))
    return [p.strip() for p in paras if p.strip()]


def _from_docx(data: bytes, doc_id: str, name: str) -> Document:
    if not data.startswith(b"PK") or not zipfile.is_zipfile(io.BytesIO(data)):
        raise _fail(name, "not a .docx file (it is not a zip archive)")
    limit = MAX_CHARS * 4
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            doc_xml = _zip_member(z, "word/document.xml", limit, name)
            if doc_xml is None:
                raise _fail(name, "not a Word document (no word/document.xml inside)")
            core = _zip_member(z, "docProps/core.xml", 1024 * 1024, name)
    except InputError:
        raise
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        EOFError,
        RuntimeError,
        NotImplementedError,
        ValueError,
    ) as e:
        raise _fail(name, f"broken .docx file ({e.__class__.__name__})") from None
    try:
        paras = _docx_paragraphs(doc_xml)
    except (ET.ParseError, RecursionError):
        raise _fail(name, "broken .docx file (word/document.xml is not valid XML)") from None
    title = ""
    if core:
        try:
            el = ET.fromstring(core).find(_DC_TITLE)
            title = (el.text or "").strip() if el is not None else ""
        except ET.ParseError:
            title = ""
    return _finish("\n\n".join(paras), doc_id, name, title=title, source=name)


# --------------------------------------------------------------------------------------------------- PDF


def _from_pdf(data: bytes, doc_id: str, name: str) -> Document:
    if b"%PDF-" not in data[:1024]:
        raise _fail(name, "not a PDF file (no %PDF header)")
    try:
        from pypdf import PdfReader  # lazy: start-up time (only PDFs need it)
    except ImportError:  # pragma: no cover - pypdf is a declared dependency
        raise _fail(name, "reading PDF needs the 'pypdf' package") from None
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:
                ok = 0
            if not ok:
                raise _fail(name, "the PDF is encrypted (password-protected); remove the protection first")
        pages: list[str] = []
        total = 0
        for page in reader.pages:
            t = page.extract_text() or ""
            total += len(t)
            if total > MAX_CHARS:
                raise _fail(name, f"too long: more than {MAX_CHARS:,} characters of text")
            pages.append(t)
        title = ""
        try:
            meta = reader.metadata
            title = (meta.title or "") if meta is not None else ""
        except Exception:
            title = ""
    except InputError:
        raise
    except Exception as e:  # pypdf raises many types for broken files
        raise _fail(name, f"broken or unsupported PDF ({e.__class__.__name__})") from None
    text = "\n\n".join(p.strip() for p in pages if p and p.strip())
    if not _normalise(text):
        raise _fail(name, "no text layer; scanned PDFs need OCR first")
    return _finish(text, doc_id, name, title=str(title), source=name)
