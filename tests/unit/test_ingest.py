"""Ingest: every encoding, every kind of bad input, HTML/Markdown/DOCX/PDF extraction."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from compare.model import CompareError, InputError
from compare.text import ingest
from compare.text.ingest import MAX_BYTES, MAX_CHARS, decode_bytes, document_from_text, load_document

SAMPLE = "Kerry said the ceasefire had “collapsed” — costing €5 million, café owners said.\nSecond line."


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_limits_are_documented_values():
    assert MAX_BYTES == 20 * 1024 * 1024
    assert MAX_CHARS == 5_000_000
    assert issubclass(InputError, CompareError)


# --------------------------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8.txt", SAMPLE.encode("utf-8")),
        ("utf8sig.txt", SAMPLE.encode("utf-8-sig")),
        ("utf16le-bom.txt", b"\xff\xfe" + SAMPLE.encode("utf-16-le")),
        ("utf16be-bom.txt", b"\xfe\xff" + SAMPLE.encode("utf-16-be")),
        ("utf16-default.txt", SAMPLE.encode("utf-16")),
        ("utf32.txt", SAMPLE.encode("utf-32")),
        ("utf32be.txt", b"\x00\x00\xfe\xff" + SAMPLE.encode("utf-32-be")),
        ("cp1252.txt", SAMPLE.encode("cp1252")),
    ],
)
def test_encodings_decode_to_the_same_text(tmp_path, name, data):
    doc = load_document(write(tmp_path, name, data), "d1")
    assert doc.text == SAMPLE
    assert "\ufeff" not in doc.text
    assert doc.title == "Kerry said the ceasefire had “collapsed” — costing €5 million, café owners said."
    assert doc.id == "d1"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected_from_nul_pattern(tmp_path, codec):
    text = "Mosul offensive began on Monday, 17 October 2016.\nAbout 30,000 troops took part."
    doc = load_document(write(tmp_path, "nobom.txt", text.encode(codec)), "d0")
    assert doc.text == text


def test_cp1252_curly_quotes_and_euro(tmp_path):
    data = b"\x93Aid\x94 worth \x80200,000 was \x96 allegedly \x96 destroyed\x85"
    doc = load_document(write(tmp_path, "win.txt", data), "d0")
    assert doc.text == "“Aid” worth €200,000 was – allegedly – destroyed…"


def test_latin1_text(tmp_path):
    text = "Réunion à Lausanne: Façade, naïve, Müller, señor ±5 °C."
    doc = load_document(write(tmp_path, "latin1.txt", text.encode("latin-1")), "d0")
    assert doc.text == text


def test_latin1_last_resort_for_bytes_cp1252_cannot_decode(tmp_path):
    # 0x81 is undefined in cp1252: only latin-1 decodes it; one stray byte in prose is still text
    data = ("Genève " * 40).encode("latin-1") + b"\x81 end"
    text = decode_bytes(data, "x.txt")
    assert text.startswith("Genève Genève")
    assert text.endswith("\x81 end")
    doc = load_document(write(tmp_path, "stray.txt", data), "d0")
    assert "\x81" not in doc.text  # stray control characters are dropped from the shown text
    assert doc.text.endswith(" end")


def test_decode_bytes_prefers_strict_utf8_over_cp1252():
    assert decode_bytes("naïve €".encode(), "n") == "naïve €"


def test_decode_bytes_strips_bom_only():
    assert decode_bytes(b"\xef\xbb\xbfabc\r\n", "n") == "abc\r\n"


# --------------------------------------------------------------------------------------------- normalisation


def test_crlf_and_cr_line_endings(tmp_path):
    doc_crlf = load_document(
        write(tmp_path, "crlf.txt", b"Title line\r\n\r\nBody one.\r\nBody two.\r\n"), "a"
    )
    doc_cr = load_document(write(tmp_path, "cr.txt", b"Title line\r\rBody one.\rBody two.\r"), "b")
    assert doc_crlf.text == doc_cr.text == "Title line\n\nBody one.\nBody two."
    assert "\r" not in doc_crlf.text


def test_trailing_spaces_blank_runs_and_ends_are_normalised(tmp_path):
    raw = "\n\n   \nHeadline   \t\n\n\n\n\nPara one.  \n\n\nPara two.\t\n\n  \n"
    doc = load_document(write(tmp_path, "ws.txt", raw.encode()), "d0")
    assert doc.text == "Headline\n\nPara one.\n\nPara two."
    assert doc.title == "Headline"


def test_source_is_the_path_as_given_and_file_untouched(tmp_path):
    p = write(tmp_path, "keep.txt", b"Line one\r\nLine two  \r\n")
    before = p.read_bytes()
    doc = load_document(str(p), "d0")
    assert doc.source == str(p)
    assert p.read_bytes() == before


def test_unknown_extension_read_as_text(tmp_path):
    doc = load_document(write(tmp_path, "notes.log", b"Plain words here.\n"), "d0")
    assert doc.text == "Plain words here."


def test_long_first_line_title_is_clipped(tmp_path):
    line = "word " * 100
    doc = load_document(write(tmp_path, "long.txt", line.encode()), "d0")
    assert len(doc.title) <= ingest.TITLE_MAX + 1
    assert doc.title.endswith("…")
    assert doc.text == line.strip()


# --------------------------------------------------------------------------------------------- bad input


def assert_one_line_error(excinfo, path, *words):
    msg = str(excinfo.value)
    assert "\n" not in msg
    assert str(path) in msg
    for w in words:
        assert w in msg.lower(), msg


def test_missing_file(tmp_path):
    p = tmp_path / "nope.txt"
    with pytest.raises(InputError) as e:
        load_document(p, "d0")
    assert_one_line_error(e, p, "not found")


def test_directory(tmp_path):
    with pytest.raises(InputError) as e:
        load_document(tmp_path, "d0")
    assert_one_line_error(e, tmp_path, "directory")


@pytest.mark.parametrize(
    "data", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf", b"\xef\xbb\xbf \r\n", "  \n".encode("utf-16")]
)
def test_empty_or_whitespace_only(tmp_path, data):
    p = write(tmp_path, "empty.txt", data)
    with pytest.raises(InputError) as e:
        load_document(p, "d0")
    assert_one_line_error(e, p, "empty")


def test_binary_bytes(tmp_path):
    p = write(tmp_path, "image.txt", bytes(range(256)) * 8)
    with pytest.raises(InputError) as e:
        load_document(p, "d0")
    assert_one_line_error(e, p, "binary")


def test_nul_laden_text(tmp_path):
    p = write(tmp_path, "nul.txt", b"some text\x00\x00\x00\x01\x02 more \x00 text \x00\x00\x00\x00" * 10)
    with pytest.raises(InputError) as e:
        load_document(p, "d0")
    assert_one_line_error(e, p, "binary")


def test_control_characters_without_nul(tmp_path):
    p = write(tmp_path, "ctl.dat", b"ab\x01\x02\x03\x04\x05\x06\x07\x08cd\x0e\x0f\x10\x11" * 20)
    with pytest.raises(InputError) as e:
        load_document(p, "d0")
    assert_one_line_error(e, p, "binary")


def test_png_renamed_to_txt_is_binary(tmp_path):
    p = write(tmp_path, "pic.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    with pytest.raises(InputError, match="binary"):
        load_document(p, "d0")


def test_too_large(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_BYTES", 1000)
    p = write(tmp_path, "big.txt", b"a" * 1001)
    with pytest.raises(InputError) as e:
        load_document(p, "d0")
    assert_one_line_error(e, p, "too large", "limit", "1,000 bytes")
    ok = write(tmp_path, "ok.txt", b"a" * 1000)
    assert load_document(ok, "d0").text == "a" * 1000


def test_too_large_message_names_the_real_limit(tmp_path, monkeypatch):
    big = tmp_path / "sparse.txt"
    with big.open("wb") as f:  # sparse file: no 20 MB actually written
        f.seek(MAX_BYTES)
        f.write(b"x")
    with pytest.raises(InputError, match=r"too large.*limit is 20\.0 MB"):
        load_document(big, "d0")


def test_too_many_characters(monkeypatch):
    monkeypatch.setattr(ingest, "MAX_CHARS", 10)
    with pytest.raises(InputError, match="too long"):
        document_from_text("x" * 11, "d0")


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbfvalid start \xff\xfe\xfd invalid utf-8 after a UTF-8 BOM",
        b"abc " + bytes(range(0x80, 0xA0)) * 4,  # C1 controls only: not cp1252 (0x81) and not text as latin-1
        b"\xff\xfe" + b"a\x00b\x00\x00\xd8",  # UTF-16 LE BOM with a lone surrogate
    ],
)
def test_undecodable(tmp_path, data):
    p = write(tmp_path, "bad.txt", data)
    with pytest.raises(InputError) as e:
        load_document(p, "d0")
    msg = str(e.value).lower()
    assert str(p) in str(e.value)
    assert "decode" in msg or "binary" in msg
    assert "\n" not in msg


def test_permission_denied(tmp_path, monkeypatch):
    p = write(tmp_path, "secret.txt", b"hidden text")
    real_open = Path.open

    def deny(self, *a, **k):
        if self == p:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *a, **k)

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(InputError) as e:
        load_document(p, "d0")
    assert_one_line_error(e, p, "permission denied")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores file modes")
def test_permission_denied_real_chmod(tmp_path):
    p = write(tmp_path, "locked.txt", b"hidden text")
    p.chmod(0)
    try:
        with pytest.raises(InputError, match="permission denied"):
            load_document(p, "d0")
    finally:
        p.chmod(0o600)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a FIFO")
def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        load_document(fifo, "d0")


def test_error_message_is_one_line_even_with_newline_in_name(tmp_path):
    p = tmp_path / "odd\nname.txt"
    with pytest.raises(InputError) as e:
        load_document(p, "d0")
    assert "\n" not in str(e.value)


# --------------------------------------------------------------------------------------------- pasted text


def test_document_from_text_normalises_and_titles():
    doc = document_from_text(
        "\ufeff\r\n  Aleppo talks end  \r\nNo deal.\rMore.\r\n", "p1", source="clipboard"
    )
    assert doc.text == "Aleppo talks end\nNo deal.\nMore."
    assert doc.title == "Aleppo talks end"
    assert doc.source == "clipboard"
    assert doc.id == "p1"


def test_document_from_text_explicit_title():
    assert document_from_text("Body.", "p", title="  My  title ").title == "My title"


@pytest.mark.parametrize("text", ["", "   ", "\ufeff", "\r\n\r\n\t"])
def test_document_from_text_rejects_empty(text):
    with pytest.raises(InputError, match="pasted text"):
        document_from_text(text, "p")


# --------------------------------------------------------------------------------------------- HTML

ARTICLE_HTML = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Aleppo pause begins &amp; talks stall</title>
<meta property="og:title" content="OG title">
<meta property="og:site_name" content="The Levant Ledger">
<meta property="article:published_time" content="2016-10-20T09:30:00+00:00">
<style>body { color: red } .x::after { content: "STYLE TEXT" }</style>
<script>var leaked = "SCRIPT TEXT";</script>
</head><body>
<header><a href="/">Home</a> SITE HEADER</header>
<nav><ul><li>World</li><li>NAV ITEM</li></ul></nav>
<div class="cookie-banner">We use COOKIES</div>
<main>
<article>
<h1>Aleppo pause begins</h1>
<p>Russia&#8217;s   pause in
   Aleppo began on <b>Thursday</b> at 08:00&nbsp;local time.</p>
<div class="share-buttons">SHARE ON TWITTER</div>
<p>Kerry said &ldquo;we are pursuing diplomacy&rdquo; &amp; nothing else.<br>A second line.</p>
<blockquote>No option is off the table.</blockquote>
<ul><li>Six corridors for civilians<li>Two corridors for fighters</ul>
<aside>RELATED: read this</aside>
<section class="related-stories"><p>RELATED STORY</p></section>
<pre>line one
  line two</pre>
<noscript>NOSCRIPT TEXT</noscript>
<div id="comments"><p>COMMENT TEXT</p></div>
</article>
</main>
<footer>FOOTER TEXT &copy; 2016</footer>
</body></html>
"""


def test_html_article_text_title_outlet_date(tmp_path):
    doc = load_document(write(tmp_path, "page.html", ARTICLE_HTML.encode()), "d2")
    assert doc.title == "Aleppo pause begins & talks stall"
    assert doc.outlet == "The Levant Ledger"
    assert doc.date == "2016-10-20"
    paras = doc.text.split("\n\n")
    assert paras[0] == "Aleppo pause begins"
    assert paras[1] == "Russia’s pause in Aleppo began on Thursday at 08:00 local time."
    assert paras[2] == "Kerry said “we are pursuing diplomacy” & nothing else.\nA second line."
    assert paras[3] == "No option is off the table."
    assert paras[4:6] == ["Six corridors for civilians", "Two corridors for fighters"]
    assert paras[6] == "line one\n  line two"
    for junk in (
        "SCRIPT",
        "STYLE",
        "SITE HEADER",
        "NAV ITEM",
        "COOKIES",
        "SHARE",
        "RELATED",
        "NOSCRIPT",
        "COMMENT",
        "FOOTER",
        "&amp;",
        "&nbsp;",
    ):
        assert junk not in doc.text, junk
    assert "\xa0" not in doc.text


def test_html_without_article_uses_body_and_fallback_metadata(tmp_path):
    html = (
        "<html><body><div id='menu'>MENU</div><h1>First heading</h1>"
        "<p>One.</p><p>Two &lt;b&gt; literal.</p>"
        "<p>Posted <time datetime='2016-10-17'>Monday</time></p></body></html>"
    )
    doc = load_document(write(tmp_path, "plain.htm", html.encode()), "d0")
    assert doc.title == "First heading"
    assert doc.date == "2016-10-17"
    assert doc.outlet == ""
    assert doc.text == "First heading\n\nOne.\n\nTwo <b> literal.\n\nPosted Monday"


def test_html_og_title_when_no_title_element(tmp_path):
    html = '<meta property="og:title" content="From OG"><article><h1>H</h1><p>Body.</p></article>'
    assert load_document(write(tmp_path, "og.html", html.encode()), "d0").title == "From OG"


def test_hostile_html_never_leaks_script(tmp_path):
    html = """<html><head><title>x</title>
<script>document.write("EVIL1")</script>
<script type="text/template"><p>EVIL2</p></script>
</head><body onload="alert('EVIL3')">
<p onclick="alert('EVIL4')" onmouseover="EVIL5">Safe paragraph.</p>
<img src=x onerror="alert('EVIL6')">
<svg><script>alert("EVIL7")</script><text>EVIL8</text></svg>
<iframe src="javascript:alert('EVIL9')">EVIL10</iframe>
<p>Between</p>
<script>var s = "</p><p>EVIL11";</script>
<style>p::before { content: "EVIL12" }</style>
<a href="javascript:alert('EVIL13')">Link text</a>
<template><p>EVIL14</p></template>
<!-- EVIL15 comment -->
<script>unterminated EVIL16
"""
    doc = load_document(write(tmp_path, "hostile.html", html.encode()), "d0")
    assert "EVIL" not in doc.text
    assert "alert" not in doc.text
    assert "Safe paragraph." in doc.text
    assert "Between" in doc.text
    assert "Link text" in doc.text


def test_html_cp1252_declared_charset(tmp_path):
    html = '<html><head><meta charset="windows-1252"><title>T</title></head><body><p>\x93Quoted\x94 \x80</p></body></html>'
    doc = load_document(write(tmp_path, "w.html", html.encode("latin-1")), "d0")
    assert doc.text == "“Quoted” €"


def test_html_with_no_text(tmp_path):
    p = write(
        tmp_path,
        "empty.html",
        b"<html><head><script>x()</script></head><body><nav>only nav</nav></body></html>",
    )
    with pytest.raises(InputError, match="no article text"):
        load_document(p, "d0")


def test_html_deep_nesting_does_not_crash(tmp_path):
    html = "<div>" * 5000 + "<p>Deep text.</p>" + "</div>" * 5000
    assert load_document(write(tmp_path, "deep.html", html.encode()), "d0").text == "Deep text."


# --------------------------------------------------------------------------------------------- Markdown


def test_markdown_headings_emphasis_and_title(tmp_path):
    md = (
        "Intro line before heading\n\n# The *Aleppo* pause ##\n\nThis is **bold** and _italic_ and *em*,"
        " but snake_case_name and 2 * 3 * 4 stay.\n\n## Sub\n\n- item *one*\n- [a link](http://x.y) here\n"
    )
    doc = load_document(write(tmp_path, "a.md", md.encode()), "d0")
    assert doc.title == "The Aleppo pause"
    assert doc.text == (
        "Intro line before heading\n\nThe Aleppo pause\n\nThis is bold and italic and em,"
        " but snake_case_name and 2 * 3 * 4 stay.\n\nSub\n\n- item one\n- a link here"
    )


def test_markdown_front_matter_title_and_setext(tmp_path):
    md = '---\ntitle: "Front title"\n---\nSetext Head\n===========\n\nBody **text**.\n'
    doc = load_document(write(tmp_path, "b.markdown", md.encode()), "d0")
    assert doc.title == "Front title"
    assert doc.text == "Setext Head\n\nBody text."


def test_markdown_without_heading_titles_from_first_line(tmp_path):
    doc = load_document(write(tmp_path, "c.md", b"\n\nFirst line here\nsecond\n"), "d0")
    assert doc.title == "First line here"


# --------------------------------------------------------------------------------------------- DOCX

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def make_docx(paragraphs_xml: str, title: str | None = "Docx Title") -> bytes:
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}"><w:body>{paragraphs_xml}</w:body></w:document>'
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", document)
        if title is not None:
            z.writestr(
                "docProps/core.xml",
                '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
                f' xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title></cp:coreProperties>',
            )
    return buf.getvalue()


DOCX_BODY = (
    "<w:p><w:r><w:t>Mosul offensive </w:t></w:r><w:r><w:t xml:space='preserve'>begins</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>Col A</w:t><w:tab/><w:t>Col B</w:t><w:br/><w:t>next line</w:t></w:r></w:p>"
    "<w:p></w:p>"
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>In a table &amp; cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    "<w:p><w:r><w:delText>DELETED</w:delText><w:t>Kept.</w:t></w:r></w:p>"
)


def test_docx_paragraphs_and_core_title(tmp_path):
    doc = load_document(write(tmp_path, "a.docx", make_docx(DOCX_BODY)), "d0")
    assert doc.title == "Docx Title"
    assert doc.text == "Mosul offensive begins\n\nCol A\tCol B\nnext line\n\nIn a table & cell\n\nKept."
    assert "DELETED" not in doc.text


def test_docx_title_falls_back_to_first_paragraph(tmp_path):
    doc = load_document(write(tmp_path, "b.docx", make_docx(DOCX_BODY, title=None)), "d0")
    assert doc.title == "Mosul offensive begins"


def test_docx_not_a_zip(tmp_path):
    p = write(tmp_path, "fake.docx", b"This is plain text pretending to be a docx.")
    with pytest.raises(InputError) as e:
        load_document(p, "d0")
    assert_one_line_error(e, p, "zip")


def test_docx_zip_without_document_xml(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match="word/document.xml"):
        load_document(write(tmp_path, "x.docx", buf.getvalue()), "d0")


def test_docx_zip_bomb_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_CHARS", 1000)  # limit for document.xml becomes 4000 bytes
    body = "<w:p><w:r><w:t>" + "A" * 10_000 + "</w:t></w:r></w:p>"
    data = make_docx(body)
    assert len(data) < 4000  # compresses well: the archive itself is small
    with pytest.raises(InputError, match="refused"):
        load_document(write(tmp_path, "bomb.docx", data), "d0")


def test_docx_entity_expansion_refused(tmp_path):
    xml = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>'
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", xml)
    with pytest.raises(InputError, match="refused"):
        load_document(write(tmp_path, "ent.docx", buf.getvalue()), "d0")


def test_docx_broken_xml(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document><unclosed>")
    with pytest.raises(InputError, match="not valid XML"):
        load_document(write(tmp_path, "broken.docx", buf.getvalue()), "d0")


def test_docx_empty_document(tmp_path):
    with pytest.raises(InputError, match="empty"):
        load_document(write(tmp_path, "empty.docx", make_docx("<w:p/>")), "d0")


# --------------------------------------------------------------------------------------------- PDF


def make_text_pdf(lines: list[str]) -> bytes:
    """A minimal one-page PDF with a Helvetica text stream (offsets computed, so pypdf reads it strictly)."""
    ops = ["BT", "/F1 12 Tf", "72 720 Td", "14 TL"]
    for i, line in enumerate(lines):
        esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({esc}) Tj" if i == 0 else f"T* ({esc}) Tj")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for num, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_pdf_with_text_layer(tmp_path):
    data = make_text_pdf(["Aleppo humanitarian pause (Thursday)", "Six corridors were opened."])
    assert len(data) < 2000
    doc = load_document(write(tmp_path, "a.pdf", data), "d0")
    assert "Aleppo humanitarian pause (Thursday)" in doc.text
    assert "Six corridors were opened." in doc.text
    assert doc.title == "Aleppo humanitarian pause (Thursday)"
    assert doc.source.endswith("a.pdf")


def test_pdf_pages_joined_by_blank_line(tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for text in ("Page one text.", "Page two text."):
        writer.add_page(PdfReader(io.BytesIO(make_text_pdf([text]))).pages[0])
    buf = io.BytesIO()
    writer.write(buf)
    doc = load_document(write(tmp_path, "two.pdf", buf.getvalue()), "d0")
    assert doc.text == "Page one text.\n\nPage two text."


def test_pdf_blank_page_has_no_text_layer(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buf = io.BytesIO()
    writer.write(buf)
    p = write(tmp_path, "scan.pdf", buf.getvalue())
    with pytest.raises(InputError) as e:
        load_document(p, "d0")
    assert_one_line_error(e, p, "no text layer", "ocr")


def test_not_a_pdf_named_pdf(tmp_path):
    p = write(tmp_path, "fake.pdf", b"Just some text, not a PDF at all.\n")
    with pytest.raises(InputError) as e:
        load_document(p, "d0")
    assert_one_line_error(e, p, "not a pdf")


def test_broken_pdf(tmp_path):
    p = write(
        tmp_path, "broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n garbage \x00\x01"
    )
    with pytest.raises(InputError) as e:
        load_document(p, "d0")
    msg = str(e.value)
    assert str(p) in msg and "\n" not in msg
    assert "pdf" in msg.lower() or "text layer" in msg.lower()


def test_truncated_pdf(tmp_path):
    data = make_text_pdf(["Some text that will be cut."])
    p = write(tmp_path, "cut.pdf", data[: len(data) // 2])
    with pytest.raises(InputError):
        load_document(p, "d0")


def test_encrypted_pdf(tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.add_page(PdfReader(io.BytesIO(make_text_pdf(["Secret text."]))).pages[0])
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    p = write(tmp_path, "locked.pdf", buf.getvalue())
    with pytest.raises(InputError) as e:
        load_document(p, "d0")
    assert_one_line_error(e, p, "encrypted")


def test_title_skips_a_photo_credit_line(tmp_path):
    from compare.text.ingest import load_document

    path = tmp_path / "a.txt"
    path.write_text("© Jane Doe / Agency\n\nThe real headline\n\nBody text here.", encoding="utf-8")
    assert load_document(path, "d0").title == "The real headline"
