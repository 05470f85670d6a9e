"""The article text of an HTML page: paragraphs kept; scripts, navigation and boilerplate dropped.

Standard library only (``html.parser``) with a small forgiving tree builder on top, so that a hostile page
can neither run anything nor smuggle script text into the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    text: str  # paragraphs separated by blank lines
    title: str = ""
    outlet: str = ""
    date: str = ""


def _tags(names: str) -> frozenset[str]:
    return frozenset(names.split())


_VOID = _tags("area base br col embed hr img input keygen link meta param source track wbr")
_SKIP_TAGS = _tags(
    "script style noscript template svg math nav header footer aside form iframe object embed "
    "button select textarea canvas dialog head"
)
_BLOCK_TAGS = _tags(
    "p h1 h2 h3 h4 h5 h6 li blockquote pre div section article main ul ol dl dt dd table thead "
    "tbody tfoot tr td th figure figcaption address details summary caption hr body html center"
)
_CLOSES_P = _tags(
    "p div h1 h2 h3 h4 h5 h6 ul ol dl li blockquote pre table section article main aside header "
    "footer nav figure form hr address details"
)
_BOILERPLATE_RE = re.compile(
    r"(?<![a-z0-9])(?:(?:nav|navbar|navigation|menus?|footer|cookies?|consent|share|sharing|social|related"
    r"|ads?|sponsored|promo|comments?|newsletter|breadcrumbs?|sidebar|subscribe|popup|modal)(?![a-z])"
    r"|advert)",
    re.IGNORECASE,
)


class _Node:
    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag: str, attrs: dict[str, str], parent: _Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[_Node | str] = []
        self.parent = parent


class _TreeBuilder(HTMLParser):
    """A forgiving HTML → tree builder on top of the stdlib tokenizer (scripts and styles stay opaque)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {}, None)
        self.cur = self.root
        self.count = 0

    def _open_tags(self) -> list[str]:
        tags, n = [], self.cur
        while n is not None and n is not self.root:
            tags.append(n.tag)
            n = n.parent
        return tags

    def _close(self, tag: str) -> bool:
        n = self.cur
        while n is not None and n is not self.root:
            if n.tag == tag:
                self.cur = n.parent or self.root
                return True
            n = n.parent
        return False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.count += 1
        if self.count > 2_000_000:
            return
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag in _CLOSES_P and self.cur.tag == "p":
            self.cur = self.cur.parent or self.root
        if tag == "li":
            open_tags = self._open_tags()
            for t in open_tags:
                if t in ("ul", "ol"):
                    break
                if t == "li":
                    self._close("li")
                    break
        if tag in ("dt", "dd"):
            for t in self._open_tags():
                if t == "dl":
                    break
                if t in ("dt", "dd"):
                    self._close(t)
                    break
        node = _Node(tag, a, self.cur)
        self.cur.children.append(node)
        if tag not in _VOID:
            self.cur = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self._close(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if not self._close(tag) and tag == "p":  # a stray </p> is an empty paragraph
            self.cur.children.append(_Node("p", {}, self.cur))

    def handle_data(self, data: str) -> None:
        if data:
            self.cur.children.append(data)


def _iter_nodes(node: _Node):
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(reversed([c for c in n.children if isinstance(c, _Node)]))


def _node_text(node: _Node) -> str:
    parts: list[str] = []
    stack: list[_Node | str] = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, str):
            parts.append(n)
        elif n.tag not in ("script", "style", "template"):
            stack.extend(reversed(n.children))
    return " ".join("".join(parts).split())


def _is_boilerplate(node: _Node) -> bool:
    if node.tag in _SKIP_TAGS:
        return True
    if "hidden" in node.attrs or node.attrs.get("aria-hidden", "").lower() == "true":
        return True
    if re.search(r"display\s*:\s*none", node.attrs.get("style", ""), re.IGNORECASE):
        return True
    ident = f"{node.attrs.get('class', '')} {node.attrs.get('id', '')} {node.attrs.get('role', '')}"
    return bool(ident.strip()) and bool(_BOILERPLATE_RE.search(ident))


_BR = object()


def _blocks(root: _Node) -> list[str]:
    """The paragraphs of ``root``: one per block element, boilerplate skipped, whitespace collapsed."""
    blocks: list[str] = []
    buf: list[object] = []
    pre_depth = 0

    def flush() -> None:
        if not buf:
            return
        if pre_depth:
            text = "".join(s if isinstance(s, str) else "\n" for s in buf)
            text = "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
        else:
            lines, line = [], []
            for s in buf:
                if s is _BR:
                    lines.append(" ".join("".join(line).split()))
                    line = []
                else:
                    line.append(s)  # type: ignore[arg-type]
            lines.append(" ".join("".join(line).split()))
            text = "\n".join(lines).strip()
        buf.clear()
        if text.strip():
            blocks.append(text)

    # iterative walk with explicit enter/leave events (deep documents must not hit the recursion limit)
    stack: list[tuple[str, _Node | str]] = [("enter", root)]
    while stack:
        event, item = stack.pop()
        if isinstance(item, str):
            buf.append(item)
            continue
        node = item
        if event == "leave":
            if node.tag in _BLOCK_TAGS:
                flush()
            if node.tag == "pre":
                pre_depth -= 1
            continue
        if node is not root and _is_boilerplate(node):
            continue
        if node.tag == "br":
            buf.append(_BR)
            continue
        if node.tag in _BLOCK_TAGS:
            flush()
        if node.tag == "pre":
            pre_depth += 1
        stack.append(("leave", node))
        for child in reversed(node.children):
            stack.append(("enter", child) if isinstance(child, _Node) else ("text", child))
    flush()
    return blocks


def _meta(tree: _Node) -> dict[str, str]:
    out: dict[str, str] = {}
    for n in _iter_nodes(tree):
        if n.tag == "meta":
            key = (n.attrs.get("property") or n.attrs.get("name") or n.attrs.get("itemprop") or "").lower()
            if key and key not in out and n.attrs.get("content", "").strip():
                out[key] = " ".join(n.attrs["content"].split())
    return out


def _html_date(tree: _Node, meta: dict[str, str]) -> str:
    raw = ""
    for key in ("article:published_time", "og:published_time", "datepublished", "date", "dc.date"):
        if meta.get(key):
            raw = meta[key]
            break
    if not raw:
        for n in _iter_nodes(tree):
            if n.tag == "time" and n.attrs.get("datetime", "").strip():
                raw = n.attrs["datetime"].strip()
                break
    m = re.match(r"\d{4}-\d{2}-\d{2}", raw)
    return m.group(0) if m else raw[:40]


def _content_root(tree: _Node) -> _Node:
    """The <article> (or <main>) with the most text, if any, else <body>, else the whole tree."""
    best: _Node | None = None
    best_len = 0
    for tag in ("article", "main"):
        for n in _iter_nodes(tree):
            if n.tag == tag and not _is_boilerplate(n):
                length = sum(len(b) for b in _blocks(n))
                if length > best_len:
                    best, best_len = n, length
        if best is not None:
            return best
    for n in _iter_nodes(tree):
        if n.tag == "body":
            return n
    return tree


def html_article(source: str) -> HtmlArticle:
    """Parse an HTML page (already decoded). Raises ValueError when the page cannot be parsed at all."""
    parser = _TreeBuilder()
    try:
        parser.feed(source)
        parser.close()
    except Exception as e:  # the stdlib tokenizer is forgiving; this is belt and braces
        raise ValueError(f"cannot parse HTML ({e.__class__.__name__})") from None
    tree = parser.root
    meta = _meta(tree)
    title = ""
    for n in _iter_nodes(tree):
        if n.tag == "title":
            title = _node_text(n)
            break
    if not title:
        title = meta.get("og:title", "")
    if not title:
        for n in _iter_nodes(tree):
            if n.tag == "h1":
                title = _node_text(n)
                if title:
                    break
    text = "\n\n".join(_blocks(_content_root(tree)))
    return HtmlArticle(text, title, meta.get("og:site_name", ""), _html_date(tree, meta))
