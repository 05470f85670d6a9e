"""Split a document into claims: sentences, and the independent clauses of long sentences.

Every claim is a span of the document text (``text[start:end] == claim.text``), so that the GUI can mark
it in place and the store can check it. Block quotes introduced by a "... saying:" paragraph keep the
speaker of the introduction.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from compare.text import furniture, lexicon
from compare.text.facts import NOT_NAMES

# Words that end with a period without ending a sentence. Lower-case, without the period.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt sgt adm cmdr gov sen rep pres st jr sr rev hon messrs u.s u.k
    u.n e.u u.s.a a.m p.m e.g i.e etc vs v no nos fig approx est dept univ corp inc ltd co jan feb mar
    apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun maj-gen lt-gen brig
    brig-gen mt ft al
    """.split()  # noqa: SIM905 - a word list reads better as words
)

# A sentence ends at . ! ? (or an ellipsis) plus any closing quotes/brackets, then white space.
_END = re.compile(r"""(?:[.!?]+|…)["'”’)\]]*(?=\s)""")
# What may open the next sentence: a capital, a digit, or an opening quote/bracket.
_NEXT_START = re.compile(r"""\s+(?=["'“‘(\[]?[A-Z0-9À-Ý])""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.\-]*)\.$")

# Independent clauses of a long sentence: semicolons, spaced dashes, ", but".
_CLAUSE = re.compile(r";\s+|\s+[–—]\s+|,\s+but\s+|\s+-\s+")
_SPACED_DASH = re.compile(r"\s+[–—-]\s+")
MIN_CLAUSE_WORDS = 6
MIN_ASIDE_WORDS = 10
MAX_QUOTE_CHARS = 200  # a quotation closing within this many characters stays in one claim
LONG_SENTENCE_WORDS = 28

# "The minister, grimmer than usual, ..., saying:" -> the paragraph introduces a quote.
_INTRO_END = re.compile(r":\s*$")
_NAME = re.compile(r"\b([A-Z][a-zA-Z’'\-]+(?:\s+(?:al-|bin\s|de\s|van\s)?[A-Z][a-zA-Z’'\-]+)*)")
# Titles, roles and nationalities that precede a name ("Defence Minister General Smith"):
# resources/lexicon/title_words.tsv, with facts.NOT_NAMES (sentence openers, pronouns).
TITLE_WORDS = NOT_NAMES | frozenset(lexicon.column("title_words", "word"))


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    speaker: str = ""
    quoted: bool = False
    kind: str = ""  # "" for a claim; else page furniture: "byline", "dateline", "credit" or "heading"


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each paragraph: runs of text separated by blank lines."""
    for m in re.finditer(r"[^\n](?:.|\n(?![ \t]*\n))*", text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            yield start, end


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` closes an abbreviation or an initial rather than a sentence."""
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    last = word.rsplit("-", 1)[-1].rsplit(".", 1)[-1]
    if last in ABBREVIATIONS:
        return True
    # Initials: "J." in "Joseph J. Dunford", or dotted acronyms like "U.S." handled above.
    return len(word) == 1 and word.isalpha() and text[m.start(1)].isupper()


def sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield sentence spans within ``text[start:end]``."""
    pos = start
    for m in _END.finditer(text, start, end):
        stop = m.end()
        single_dot = m.group().rstrip("\"'”’)]") == "."
        if single_dot and _is_abbreviation(text, m.start()):
            continue
        if _inside_short_quote(text, pos, stop, end):
            continue
        nxt = _NEXT_START.match(text, stop, end)
        if not nxt:
            continue
        if stop > pos:
            yield pos, stop
        pos = nxt.end()
    if end > pos:
        yield pos, end


def _inside_short_quote(text: str, sentence_start: int, stop: int, end: int) -> bool:
    """Whether ``stop`` falls inside a short quotation that closes soon after.

    "“Worst in weeks. Message clear: no one will cross,” an officer wrote." is one claim: split at the
    first period, its halves lose their speaker. Long block quotes (no quotation marks) are unaffected.
    """
    opened = text.count("“", sentence_start, stop) - text.count("”", sentence_start, stop)
    if opened <= 0:
        return False
    close = text.find("”", stop, min(end, stop + MAX_QUOTE_CHARS))
    return close != -1 and "“" not in text[stop:close]


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a long sentence at independent-clause boundaries when both sides stay substantial."""
    if len(text[start:end].split()) < LONG_SENTENCE_WORDS:
        return [(start, end)]
    cuts = [start]
    # Two dashes enclose an aside ("the bridge – built in 1932 – was closed"): cut there only when the aside
    # is a clause of its own length; a short one would be a fragment that says nothing on its own.
    dashes = list(_SPACED_DASH.finditer(text, start, end))
    keep_whole = {
        m.start()
        for a, b in zip(dashes, dashes[1:], strict=False)
        if len(text[a.end() : b.start()].split()) < MIN_ASIDE_WORDS
        for m in (a, b)
    }
    for m in _CLAUSE.finditer(text, start, end):
        if m.start() in keep_whole:
            continue
        left = text[cuts[-1] : m.start()]
        right = text[m.end() : end]
        if len(left.split()) >= MIN_CLAUSE_WORDS and len(right.split()) >= MIN_CLAUSE_WORDS:
            cuts.append(m.start())
            cuts.append(m.end())
    if len(cuts) == 1:
        return [(start, end)]
    cuts.append(end)
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2) if cuts[i + 1] > cuts[i]]


def quote_speaker(intro: str) -> str:
    """The person a "..., saying:" paragraph introduces: the first name that is not a title word."""
    last_sentence = re.split(r"(?<=[.!?])\s+", intro.strip())[-1]
    for m in _NAME.finditer(last_sentence):
        words = [w for w in m.group(1).split() if w not in TITLE_WORDS]
        if words:
            return " ".join(words)
    return ""


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"[^\n]+", text[start:end]):
        a, b = _trim(text, start + m.start(), start + m.end())
        if b > a:
            out.append((a, b))
    return out


def segment(text: str) -> list[Span]:
    r"""Split ``text`` into claim spans and page-furniture spans (``kind`` set), in document order.

    >>> t = "Gen. Dunford spoke on Sept. 22. He said 275,000 people were trapped."
    >>> [t[s.start:s.end] for s in segment(t)]
    ['Gen. Dunford spoke on Sept. 22.', 'He said 275,000 people were trapped.']
    >>> t = "Storm hits coast\n\nBy Ann Lee\n\nOSLO – The storm hit the coast on Monday."
    >>> [(t[s.start:s.end], s.kind) for s in segment(t)]
    [('Storm hits coast', 'heading'), ('By Ann Lee', 'byline'), ('OSLO –', 'dateline'), ('The storm hit the coast on Monday.', '')]
    """
    spans: list[Span] = []
    speaker = ""
    paras = list(paragraphs(text))
    lines = [_lines(text, a, b) for a, b in paras]
    prose = [n for n, ls in enumerate(lines) if furniture.is_prose([text[a:b] for a, b in ls])]
    # A document without two paragraphs, or without prose, is all claims: a headline, a quote, a post.
    has_furniture = len(paras) > 1 and bool(prose)
    for n, (p_start, p_end) in enumerate(paras):
        para = text[p_start:p_end]
        quoted = bool(speaker)
        this_speaker = speaker
        if has_furniture:
            edge = n < prose[0] or n > prose[-1]
            p_start = _furniture(text, lines[n], p_start, p_end, edge=edge, first=n == prose[0], out=spans)
        for s_start, s_end in sentences(text, p_start, p_end):
            for c_start, c_end in clauses(text, s_start, s_end):
                c_start, c_end = _trim(text, c_start, c_end)
                if c_end > c_start and any(ch.isalnum() for ch in text[c_start:c_end]):
                    spans.append(Span(c_start, c_end, this_speaker, quoted))
        # A quote introduced by "...:" runs for the following paragraph(s) until prose resumes;
        # we keep it for one paragraph, which is how the seed and most articles lay out block quotes.
        speaker = quote_speaker(para) if _INTRO_END.search(para) else ""
    return spans


def _furniture(
    text: str, lines: list[tuple[int, int]], start: int, end: int, *, edge: bool, first: bool, out: list[Span]
) -> int:
    """Record the furniture lines (and dateline) that open a paragraph; return where its claims begin."""
    for a, b in lines:
        kind = furniture.line_kind(text[a:b], edge=edge)
        if not kind:
            if edge or first:
                dash = furniture.dateline_end(text, a, b)
                if dash > a:
                    out.append(Span(a, dash, kind="dateline"))
                    rest, _ = _trim(text, dash, b)
                    kind = furniture.line_kind(text[rest:b], edge=True) if rest < b else ""
                    if kind:
                        out.append(Span(rest, b, kind=kind))
                        continue
                    return rest
            return a
        out.append(Span(a, b, kind=kind))
    return end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:–—-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;–—-"):
        end -= 1
    return start, end
