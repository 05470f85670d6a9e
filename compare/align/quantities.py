"""Numbers, dates and durations of two linked claims: compared only when they measure the same thing.

A number is compared with one that counts the same thing (the same unit or head noun; failing that, the
lone figure of two claims worded alike). Bounds and ranges are intervals ("at least 19" excludes 12; "3,000
to 5,000" includes "about 4,000"). A date, weekday or duration is compared only when the words around it
show the same event on both sides ("began on Monday" vs "began on Sunday", not "pressed on Thursday").
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Sequence
from functools import cache, lru_cache

from compare.align.polarity import Reading, Token, context, is_content, lemma, read
from compare.model import Claim, DateMention, Duration, Quantity
from compare.text import lexicon
from compare.text.facts import (
    BOUND_KINDS,
    MONTH_NAMES,
    SCALES,
    VAGUE_COUNTS,
    WEEKDAYS,
    bound_before,
    find_durations,
    find_scales,
    find_times,
    interval,
    time_spans,
)
from compare.text.memo import per_text

# Two numbers are "the same quantity" when they count the same thing; these units say little.
VAGUE_UNITS = frozenset({"", "and", "or", "in", "of", "per", "to", "than", "the", "a", "an"})
# Verbs of saying: "said on Tuesday" and "said on Friday" may report one event said twice.
_REPORTING = lexicon.words("function_words", "reporting")
_CALENDAR_WORDS = frozenset(
    lemma(w) for w in ("last", "next", "early", "late", "morning", "evening", "night", "day", "week")
)
_EXCLUDED = frozenset(lemma(w) for w in _REPORTING) | _CALENDAR_WORDS
_PAST = frozenset(r["form"] for r in lexicon.rows("irregular_verbs"))
_DETERMINERS = lexicon.words("function_words", "determiner") | {"a", "an"}
_FUNCTION = frozenset(r["word"] for r in lexicon.rows("function_words"))
_STOPS = frozenset(',;:.!?()"“”—–')
FRAME_WIDTH = 3  # words either side of a figure that say what it counts
FRAME_SHARED = 3  # of those, how many two figures must share to be one quantity
CONTEXT = 4  # words either side of a date or duration that name its event
_BOUNDED = {**BOUND_KINDS, "between": "range"}  # "about" kinds are read as "about" by _kind


# A claim meets every candidate of the other side and every claim of its own account: read it once.
@lru_cache(maxsize=1 << 13)
def _durations(text: str) -> tuple[Duration, ...]:
    """The durations of a text, "a day" and "an hour" included (``find_durations`` with ``articles``)."""
    return tuple(find_durations(text, articles=True)[0])


def _fmt(q: Quantity) -> str:
    return f"{q.bound} {q.text}".strip() if q.bound != "between" else q.text


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _kind(q: Quantity) -> str:
    return _BOUNDED.get(q.bound, "about") if q.bound else "exact"


def _step(q: Quantity) -> float:
    """The last written digit's worth: 1 for "62", 0.1 for "0.4", 100,000 for "1.3 million"."""
    m = re.search(r"\d[\d,]*(?:\.(\d+))?", q.text)
    decimals = len(m.group(1)) if m and m.group(1) else 0
    scales = {**SCALES, "bn": 1_000_000_000, "mn": 1_000_000, "m": 1_000_000, "k": 1_000}  # "1.2bn", "30m"
    scale = next((scales[w] for w in re.findall(r"[a-z]+", q.text.lower()) if w in scales), 1)
    return 10.0**-decimals * scale


def _rounded(qa: Quantity, qb: Quantity) -> bool:
    """One figure is the other written with fewer digits ("0.44" and "0.4", "75.88" and "75")."""
    gap = abs(qa.value - qb.value)
    # Within the coarser figure's last digit, and close: "one million" is not 266,666 rounded.
    return (
        gap < max(_step(qa), _step(qb)) and _step(qa) != _step(qb) and gap <= 0.15 * max(qa.value, qb.value)
    )


def _conflict(qa: Quantity, qb: Quantity) -> bool:
    """Whether two figures of the same thing cannot both be right."""
    if _fraction(qa) or _fraction(qb):
        # "a third" of a whole is a round share: 28% to 38% of it.
        (la, ha), (lb, hb) = _share_interval(qa), _share_interval(qb)
        return ha < lb or hb < la
    ka, kb = _kind(qa), _kind(qb)
    if ka == kb and ka in {"exact", "low", "high"}:
        # "at least 62" vs "at least 90": two different figures; "0.44" vs "0.4": one figure, rounded.
        return not _close(qa.value, qb.value) and not _rounded(qa, qb)
    if ka == kb == "about":
        # "around 40,000" vs "around 47,000": two estimates more than a tenth apart are two figures.
        return abs(qa.value - qb.value) > 0.1 * max(abs(qa.value), abs(qb.value))
    (la, ha), (lb, hb) = interval(qa), interval(qb)
    return ha < lb or hb < la


def _label(claim: Claim, q: Quantity) -> set[str]:
    """The two words written just before a figure ("magnitude 7.5", "a death toll of 62"), singular."""
    at = claim.text.find(q.text)
    before = re.split(r"[,;:()\u2013\u2014]", claim.text[max(0, at - 30) : at])[-1] if at >= 0 else ""
    words = re.findall(r"[A-Za-z]+", before)  # in the figure's own phrase, not the one before a comma
    return {_noun(w.lower()) for w in words[-2:]} - VAGUE_UNITS


def _same_thing(a: Claim, qa: Quantity, b: Claim, qb: Quantity) -> bool:
    """Whether two figures count or measure the same thing: one unit ("62 soldiers", "90 soldiers"), the
    unit of one written as the label of the other ("a 7.8-magnitude quake", "of magnitude 7.5"), or, for two
    figures without a unit after them, one label before both ("a magnitude 4.8", "a magnitude 5.1")."""
    if qa.unit == qb.unit and qa.unit not in VAGUE_UNITS:
        return True
    if _elided_of(b, qb, qa.unit) or _elided_of(a, qa, qb.unit):
        return True
    if qa.unit in VAGUE_UNITS and qb.unit in VAGUE_UNITS:
        return bool(_content_label(a, qa) & _content_label(b, qb))
    return (qa.unit not in VAGUE_UNITS and qa.unit in _label(b, qb)) or (
        qb.unit not in VAGUE_UNITS and qb.unit in _label(a, qa)
    )


# "one of only three the town felt", "one of the 12 that survived": a count whose noun is left out.
_ONE_OF = re.compile(r"\bone\s+of\s+(?:(?:only|just|the|its|their|some|about|around)\s+){0,2}$", re.I)
_NO_NOUN = re.compile(
    r"\s*(?:[,;:.!?)\u2013\u2014]|$)|\s+(?:the|its|their|this|that|these|those|which|who|we|they|he|she|it|i)\b",
    re.I,
)


def _elided_of(claim: Claim, q: Quantity, unit: str) -> bool:
    """Whether ``q`` counts things of ``unit`` left unsaid: "The strongest aftershock ..., one of only three
    the town felt" counts aftershocks, the noun its claim names before "one of"."""
    at = claim.text.find(q.text)
    if at < 0 or unit in VAGUE_UNITS or not _ONE_OF.search(claim.text[max(0, at - 40) : at]):
        return False
    if not _NO_NOUN.match(claim.text, at + len(q.text)):
        return False
    return unit in {_noun(t.text.lower()) for t in read(claim.text[:at]).toks}


def _content_label(claim: Claim, q: Quantity) -> set[str]:
    """The label of a figure without its function words and verbs ("was 62", "killed 62" name no unit)."""
    return {w for w in _label(claim, q) if len(w) > 3 and w not in _FUNCTION and not w.endswith("ed")}


def _compatible(qa: Quantity, qb: Quantity) -> bool:
    """Whether two equal figures may be one quantity: "six students" is not "six people" told again, but
    "1,500 had been treated" names no thing of its own."""
    vague = VAGUE_UNITS | _FUNCTION
    return qa.unit == qb.unit or qa.unit in vague or qb.unit in vague


def _in_time(text: str, q: Quantity, other: str) -> bool:
    """Whether a figure is the hour or the minute of a time of day ("2" and "32" of "2:32 p.m.", "two" of
    "half past two in the morning"). "2245" of "2245 UTC" is a time only when the ``other`` claim gives a
    time in a zone it compares with; else it stays a figure, compared with the other side's figures."""
    n = re.escape(q.text)
    if q.text.isdigit() and re.search(rf"(?<![\d.,]){n}[:.]\d\d(?!\d)|(?<!\d)\d{{1,2}}[:.]{n}(?!\d)", text):
        return True
    theirs = find_times(other)
    spans = [
        (s, e)
        for s, e, t in time_spans(text)
        if not re.match(r"\d{4}\b", t.text) or any(_zones_compare(t, x) and _zone(x) for x in theirs)
    ]
    found = [m.start() for m in re.finditer(rf"(?<![\w.,]){n}(?![\w])", text)]
    return bool(found) and all(any(s <= at < e for s, e in spans) for at in found)


def times(a: str, b: str) -> tuple[list[str], list[str]]:
    """(differences, shared) between the times of day of two claims: times both give are paired first, and
    a time left on each side is one moment written twice ("4:15 a.m." vs "5:40 a.m.")."""
    ta, tb = find_times(a), find_times(b)
    left = list(tb)
    unpaired, same = [], []
    for x in ta:
        y = next((y for y in left if _zones_compare(x, y) and not _times_conflict(x, y)), None)
        if y is None:
            unpaired.append(x)
        else:
            same.append(x.text)
            left.remove(y)
    for x in unpaired:
        for y in left:
            if _zones_compare(x, y):
                return [f"number differs: {_fmt_time(x)} vs {_fmt_time(y)}"], same
    return [], same


def _fmt_time(q: Quantity) -> str:
    return {"more than": f"after {q.text}", "fewer than": f"before {q.text}", "about": f"about {q.text}"}.get(
        q.bound, q.text
    )


def _zones_compare(qa: Quantity, qb: Quantity) -> bool:
    za, zb = _zone(qa), _zone(qb)
    return not (za and zb and za != zb)


def _zone(q: Quantity) -> str:
    """The zone written with a time, lower-cased; GMT and UTC are one clock for the news."""
    m = _ZONE.search(q.text)
    zone = " ".join(m.group(1).lower().split()) if m else ""
    return "utc" if zone == "gmt" else zone


_ZONE = re.compile(r"((?i:local\s+time)|[A-Z]{2,4}T|UTC|GMT)$")
TIME_SLACK = 15  # minutes: "around 2:30" allows 2:15 to 2:45
# What says which half of the day a time is in: "a.m.", "p.m.", "in the morning", "at night", "noon".
_HALF_KNOWN = re.compile(r"[ap]\.?m|morning|afternoon|evening|night|noon|midday", re.I)


def _times_conflict(qa: Quantity, qb: Quantity) -> bool:
    """Two times of day that cannot be one moment. Times in different written zones are not compared, and a
    time without a.m./p.m. may be either half of the day ("2:30" and "2:32 p.m." are close)."""
    if not _zones_compare(qa, qb):
        return False
    ambiguous = not _HALF_KNOWN.search(qa.text) or not _HALF_KNOWN.search(qb.text)
    candidates = [qb.value]
    if ambiguous:
        candidates += [(qb.value + 720) % 1440, (qb.value - 720) % 1440]
    return not any(_time_fits(qa, v, qb.bound) for v in candidates)


def _time_fits(q: Quantity, other: float, other_bound: str) -> bool:
    """Whether the minutes the time ``q`` allows meet those the minute ``other`` with its bound allows."""
    lo, hi = q.value, q.value
    if q.bound == "more than":
        hi = q.value + 120  # "shortly after 2:30": within a couple of hours at most
    elif q.bound == "fewer than":
        lo = q.value - 120
    elif q.bound:
        lo, hi = q.value - TIME_SLACK, q.value + TIME_SLACK
    if other_bound == "more than":
        return other <= hi and other + 120 >= lo
    if other_bound == "fewer than":
        return other >= lo and other - 120 <= hi
    if other_bound:
        return other + TIME_SLACK >= lo and other - TIME_SLACK <= hi
    return lo <= other <= hi


def _fraction(q: Quantity) -> bool:
    """A share written in words ("a third", "one in four"), not a figure."""
    return q.unit == "percent" and not re.search(r"\d", q.text.split(" in ")[0])


FRACTION_SLACK = 0.15


def _share_interval(q: Quantity) -> tuple[float, float]:
    if _fraction(q) and not q.bound:
        return (q.value * (1 - FRACTION_SLACK), q.value * (1 + FRACTION_SLACK))
    return interval(q)


def _near(a: float, b: float) -> bool:
    """Within a factor of two and not tiny: small counts ("two", "three") are too common to compare blind."""
    low, high = sorted((abs(a), abs(b)))
    return low >= 20 and high <= 2 * low and not _close(a, b)


def _role(claim: Claim, q: Quantity) -> str:
    """The content word just before a figure ("killed 62", "launching 23"): what the figure is of."""
    at = claim.text.find(q.text)
    if at < 0:
        return ""
    r = read(claim.text[:at])
    # Not a name: "put the damage in Port Ellis at 6" measures the damage, not the place.
    words = [
        t
        for t in r.toks
        if is_content(t) and not t.text.isdigit() and r.text[t.start : t.start + 1].islower()
    ]
    return words[-1].key if words else ""


def _named_before(claim: Claim, q: Quantity, role: str) -> bool:
    """Whether the thing ``role`` is named before a figure in its clause ("registered the quake at a
    magnitude of 5.8" names the quake that "put the quake at 6.3" measures)."""
    at = claim.text.find(q.text)
    if at < 0 or not role:
        return False
    clause = re.split(r"[,;:()\u2013\u2014]", claim.text[:at])[-1]
    # Common nouns only: a place or a person named on both sides says nothing about what a figure counts.
    return role in {
        t.key for t in read(clause).toks if is_content(t) and clause[t.start : t.start + 1].islower()
    }


def _frame(claim: Claim, q: Quantity, *, names: bool = True) -> set[str]:
    """The words right around a figure, in its clause (with ``names`` False, not the names)."""
    r = read(claim.text)
    pos = claim.text.find(q.text)
    idx = [i for i, t in enumerate(r.toks) if pos >= 0 and t.start < pos + len(q.text) and t.end > pos]
    if not idx:
        return set()
    return {k for k in context(r, idx[0], idx[-1], FRAME_WIDTH, names=names) if not k.isdigit()}


def numbers(a: Claim, b: Claim, similar: bool) -> tuple[list[str], list[str]]:
    """(differences, shared) between the numbers of two claims."""
    diffs: list[str] = []
    same: list[str] = []
    times_differ, times_same = times(a.text, b.text)
    diffs += times_differ
    same += times_same
    # The hour and the minute of a time are compared as the time, not as two counts.
    na = [q for q in a.facts.numbers if not _in_time(a.text, q, b.text)] + find_scales(a.text)
    nb = [q for q in b.facts.numbers if not _in_time(b.text, q, a.text)] + find_scales(b.text)
    for qa in na:
        equal = [qb for qb in nb if _close(qa.value, qb.value) or _rounded(qa, qb)]
        # The same unit with another value is another count of the same thing.
        rivals = [qb for qb in nb if _same_thing(a, qa, b, qb)]
        # An equal figure of another thing ("six students" against "six people") does not account for a
        # figure whose own thing the other side counts otherwise ("Four people").
        clash = (
            [qb for qb in rivals if _conflict(qa, qb)]
            if equal and not any(_compatible(qa, qb) for qb in equal)
            else []
        )
        if (equal and not clash) or any(qb not in clash and not _conflict(qa, qb) for qb in rivals):
            same.append(qa.text)
            continue
        if not rivals and similar and len(na) == 1 and len(nb) == 1:
            role_a, role_b = _role(a, qa), _role(b, nb[0])
            units = qa.unit in VAGUE_UNITS or nb[0].unit in VAGUE_UNITS
            # Two bare figures measure one thing when one side names, before its figure, what the other's
            # measures ("registered the quake at a magnitude of 5.8" vs "put the quake at 6.3").
            bare = qa.unit in VAGUE_UNITS and nb[0].unit in VAGUE_UNITS
            named = bare and (_named_before(a, qa, role_b) or _named_before(b, nb[0], role_a))
            if units and (not role_a or not role_b or role_a == role_b or named):
                rivals = list(nb)
        if not rivals:
            # A count of unstated things close in size to one on the other side ("1.3 million" vs
            # "1.5 million people") is the same figure reported differently; far apart, it is another figure.
            rivals = [qb for qb in nb if (qa.unit in VAGUE_UNITS or qb.unit in VAGUE_UNITS)
                      and _near(qa.value, qb.value) and not _fraction(qa) and not _fraction(qb)]  # fmt: skip
        if not rivals:
            # "a force of around 40,000, comprising" vs "a force of around 47,000, comprising": one figure
            # in the same words on both sides is one quantity, whatever follows it.
            frame = _frame(a, qa)
            rivals = [
                qb
                for qb in nb
                if (qa.unit == qb.unit or VAGUE_UNITS & {qa.unit, qb.unit})
                and len(frame & _frame(b, qb)) >= FRAME_SHARED
            ]
        # A figure of the other side that is another of this side, or that one rounded, is accounted for.
        rivals = [
            qb
            for qb in rivals
            if not any(
                ((_close(qb.value, x.value) or _rounded(qb, x)) and _compatible(qb, x)) or _same_words(qb, x)
                for x in na
            )
            and _scale_frame(a, qa, b, qb)
        ]
        for qb in rivals[:1]:
            if _conflict(qa, qb):
                diffs.append(f"number differs: {_fmt(qa)} vs {_fmt(qb)}")
            else:
                same.append(qa.text)
    if not diffs:
        diffs += _editions(a, b) or _articles(a, b) or _articles(b, a, swap=True) or ranks(a.text, b.text)
    return diffs, same


def _vague_scale(q: Quantity) -> bool:
    """ "hundreds", "tens of thousands": a count of a scale without a figure (facts.VAGUE_SCALES)."""
    return q.bound == "between" and not re.search(r"\d", q.text)


def _same_words(qa: Quantity, qb: Quantity) -> bool:
    return _vague_scale(qa) and qa.text.lower() == qb.text.lower()


def _scale_frame(a: Claim, qa: Quantity, b: Claim, qb: Quantity) -> bool:
    """A count of a scale ("thousands of people") is too loose to pin to a figure by its noun alone ("Four
    people died" counts other people): it is compared only with a count of the same noun, not one "more"
    (an increment, not a total), whose words around share more than the noun and the names."""
    if not (_vague_scale(qa) or _vague_scale(qb)):
        return True
    if qa.unit != qb.unit or qa.unit in VAGUE_UNITS or _increment(a, qa) or _increment(b, qb):
        return False
    nouns = {lemma(qa.unit), lemma(qb.unit)}
    return bool((_frame(a, qa, names=False) & _frame(b, qb, names=False)) - nouns)


def _increment(claim: Claim, q: Quantity) -> bool:
    """ "Eight more bodies", "2,000 additional troops": a figure that adds to a count, not the count."""
    at = claim.text.find(q.text)
    return at >= 0 and bool(_MORE.match(claim.text, at + len(q.text)))


_MORE = re.compile(r"\s+(?:more|additional|further|extra|other)\b", re.I)


def _is_ordinal(q: Quantity) -> bool:
    return bool(_ORDINAL_TEXT.fullmatch(q.text)) or q.text.lower() in _ORDINAL_WORDS


def _editions(a: Claim, b: Claim) -> list[str]:
    """ "the 21st edition" vs "the 19th final": the one rank of each side, each counting a thing the other
    claim also names, is one rank of one event."""
    oa = [q for q in a.facts.numbers if _is_ordinal(q)]
    ob = [q for q in b.facts.numbers if _is_ordinal(q)]
    if len(oa) != 1 or len(ob) != 1 or not oa[0].unit or not ob[0].unit or oa[0].unit == ob[0].unit:
        return []
    qa, qb = oa[0], ob[0]
    if {qa.unit, qb.unit} & set(_hours()):
        return []  # "the fifth day after ..." counts time, not an edition ("the first homes" vs "the fifth day")
    words_a = {_noun(t.text) for t in read(a.text).toks}
    words_b = {_noun(t.text) for t in read(b.text).toks}
    if _close(qa.value, qb.value) or not (qa.unit in words_b or qb.unit in words_a):
        return []
    return [f"number differs: {qa.text} {qa.unit} vs {qb.text} {qb.unit}"]


def _noun(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


# "a draw", "an officer": one of a thing, when the other side counts the same thing with a figure.
_ARTICLE = re.compile(r"\b(?:a|an)\s+([a-z]+)\b")


def _articles(a: Claim, b: Claim, *, swap: bool = False) -> list[str]:
    """ "two wins and a draw" vs "two wins and two draws": an article counts one only where the other side
    gives a figure for the same noun (and no figure of its own counts that noun)."""
    counted_a = {q.unit for q in a.facts.numbers}
    for m in _ARTICLE.finditer(a.text):
        noun = _noun(m.group(1))
        if noun in counted_a or noun in _hours() or noun in VAGUE_UNITS or not _listed(a, m):
            continue
        for qb in b.facts.numbers:
            if qb.unit != noun or qb.bound or _close(qb.value, 1.0) or _is_ordinal(qb):
                continue
            if _ARTICLE_OF(noun).search(b.text):
                break  # the other side says "a draw" too: its figure counts something else
            shown = re.search(rf"{re.escape(qb.text)}\s+(?:[\w-]+\s+)?{re.escape(noun)}\w*", b.text, re.I)
            other = shown.group(0) if shown else qb.text
            pair = (m.group(0), other) if not swap else (other, m.group(0))
            return [f"number differs: {pair[0]} vs {pair[1]}"]
    return []


_LIST_JOIN = re.compile(r"\s*(?:[\w-]+\s*)?(?:,\s*(?:and\s+)?|and\s+)")


def _listed(a: Claim, m: re.Match[str]) -> bool:
    """ "two wins and a draw", "a draw and two defeats": an article in a list of counts means exactly one;
    alone ("cracking an egg") it means one or more."""
    for q in a.facts.numbers:
        if _is_ordinal(q) or q.unit in VAGUE_UNITS:
            continue
        for found in re.finditer(re.escape(q.text), a.text):
            if found.end() <= m.start():
                between = a.text[found.end() : m.start()]  # "two wins and | a draw"
            else:
                between = a.text[m.end() : found.start()]  # "a draw | and two defeats"
            if _LIST_JOIN.fullmatch(between):
                return True
    return False


def _ARTICLE_OF(noun: str) -> re.Pattern[str]:  # noqa: N802 - a pattern factory, read like a constant
    return re.compile(rf"\b(?:a|an)\s+{re.escape(noun)}s?\b", re.I)


@cache
def _superlatives() -> dict[str, str]:
    """Superlative -> the scale it ranks on (resources/lexicon/superlatives.tsv)."""
    return {r["word"]: r["scale"] for r in lexicon.rows("superlatives")}


_ORDINAL_WORDS = {r["word"]: int(float(r["value"])) for r in lexicon.rows("ordinals")}
_ORDINAL_TEXT = re.compile(r"(\d+)(?:st|nd|rd|th)", re.I)


@cache
def _rank_pattern() -> re.Pattern[str]:
    ords = "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
    sups = "|".join(sorted(_superlatives(), key=len, reverse=True))
    return re.compile(
        rf"\b(?:(?P<ord>{ords}|\d+(?:st|nd|rd|th))[\s-]+)?(?P<sup>{sups}|most\s+[a-z]{{3,}})\b", re.I
    )


# "one of the largest", "among the biggest": a superlative that ranks a group, not one thing.
_GROUP = re.compile(r"\b(?:one|some|two|three|several|many|among|of)\s+(?:the|its|their)\s+$", re.I)


@per_text
def _ranks(text: str) -> list[tuple[int, str, str]]:
    """(rank, scale, as written) of each superlative: "second-largest" is 2 on size, "the biggest" is 1."""
    out = []
    for m in _rank_pattern().finditer(text):
        sup = " ".join(m.group("sup").lower().split())
        scale = _superlatives().get(sup, sup)
        before = text[max(0, m.start() - 25) : m.start()]
        if _GROUP.search(before):
            continue
        if m.group("ord"):
            word = m.group("ord").lower()
            rank = _ORDINAL_WORDS.get(word) or int(_ORDINAL_TEXT.fullmatch(word).group(1))  # type: ignore[union-attr]
            out.append((rank, scale, m.group(0)))
        elif re.search(r"\b(?:the|its|their|his|her)\s+$|['’]s\s+$", before, re.I):
            out.append((1, scale, f"the {m.group('sup')}"))
    return out


def ranks(a: str, b: str) -> list[str]:
    """ "number differs: second-largest vs the largest": one thing ranked differently on the same scale (a
    bare superlative is first); compared only when at least one side writes its rank."""
    ra, rb = _ranks(a), _ranks(b)
    for rank_a, scale_a, shown_a in ra:
        for rank_b, scale_b, shown_b in rb:
            if scale_a == scale_b and rank_a != rank_b and (rank_a != 1 or rank_b != 1):
                if any(x[1] == scale_a and x[0] == rank_b for x in ra) or any(
                    y[1] == scale_b and y[0] == rank_a for y in rb
                ):
                    continue  # both ranks are on both sides: two things, each ranked alike
                return [f"number differs: {shown_a} vs {shown_b}"]
    return []


def _mention(r: Reading, at: str) -> list[int]:
    """The token indices of the mention ``at``, with the comma that closes a year written "May 6, 2010,"."""
    pos = r.text.find(at)
    idx = [i for i, t in enumerate(r.toks) if pos >= 0 and t.start < pos + len(at) and t.end > pos]
    if idx and "," in at and at[-4:].isdigit():
        after = idx[-1] + 1
        if after < len(r.toks) and r.toks[after].text == ",":
            idx.append(after)
    return idx


def _context(r: Reading, at: str) -> set[str]:
    """Words (not names, not dates, not verbs of saying) next to the mention ``at``: the event it dates."""
    idx = _mention(r, at)
    if not idx:
        return set()
    near = context(r, idx[0], idx[-1], CONTEXT, names=False)
    if not near:
        # "On 17 September, jets struck ...": a date set off by a comma dates the whole clause.
        near = {t.key for t in r.toks if is_content(t) and not r.text[t.start : t.start + 1].isupper()}
    return {k for k in near if k not in _EXCLUDED and not k.isdigit()}


def _attributive(r: Reading, at: str) -> set[str]:
    """ "the May 6, 2010 flash crash": a date between a determiner and a noun names that thing; the keys of
    the (up to two) words it qualifies, or nothing when the mention is not used that way."""
    idx = _mention(r, at)
    if not idx or idx[0] == 0 or r.toks[idx[0] - 1].text not in _DETERMINERS:
        return set()
    out: set[str] = set()
    for t in r.toks[idx[-1] + 1 : idx[-1] + 3]:
        if not is_content(t) or _calendar(t.text):
            break
        out.add(t.key)
    return out


def _calendar(word: str) -> bool:
    return word.capitalize() in MONTH_NAMES or word.capitalize() in {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Last", "Next"
    }  # fmt: skip


def _verb(r: Reading, at: str) -> str:
    """The lemma of the past-tense verb nearest a mention in its clause ("collapsed on Monday" -> "collaps"),
    or "" when none is close: the event a date or a duration belongs to."""
    idx = _mention(r, at)
    if not idx:
        return ""
    for dist in range(1, 2 * CONTEXT + 1):
        for i in (idx[0] - dist, idx[-1] + dist):
            if not 0 <= i < len(r.toks) or _crosses(r, i, idx):
                continue
            verb = _past_verb(r, i)
            if verb:
                return verb
    return ""


def _past_verb(r: Reading, i: int) -> str:
    """The lemma of token ``i`` when it is a verb in the past tense, with its particle when the pair has a
    sense of its own ("lifted off", "was given up"); else ""."""
    t = r.toks[i]
    past = t.text in _PAST or (t.text.endswith("ed") and len(t.text) > 4)
    # "the armed groups": after a determiner an -ed word is an adjective, not the event.
    if not past or "-" in t.text or (i > 0 and r.toks[i - 1].text in _DETERMINERS):
        return ""
    if i + 1 < len(r.toks) and f"{t.key} {r.toks[i + 1].key}" in _event_groups():
        return f"{t.key} {r.toks[i + 1].key}"
    return t.key


# Words that count a time from an event ("three days after the vote", "the fifth day since the quake").
_FROM_START = ("after", "since", "following")
_FROM_WORDS = frozenset({*_FROM_START, "later"})


def _offset_verbs(r: Reading, at: str) -> frozenset[str]:
    """The verbs (past tense) of the event an offset places: every one in the claim but those of its start
    ("returned nine days after the council closed the road" -> "return", not "close")."""
    idx = _mention(r, at)
    if not idx:
        return frozenset()
    skip = set(idx)
    i = idx[-1] + 1
    if i < len(r.toks) and r.toks[i].text.lower() in _FROM_WORDS:
        while i < len(r.toks) and r.toks[i].text not in _STOPS:
            skip.add(i)
            i += 1
    verbs = (_past_verb(r, k) for k in range(len(r.toks)) if k not in skip)
    return frozenset(v for v in verbs if v and v not in _EXCLUDED)


def _crosses(r: Reading, i: int, idx: list[int]) -> bool:
    lo, hi = (i, idx[0]) if i < idx[0] else (idx[-1], i)
    return any(r.toks[k].text in _STOPS for k in range(lo + 1, hi))


@cache
def _event_groups() -> dict[str, frozenset[str]]:
    """Verb key -> its groups in resources/lexicon/event_verbs.tsv ("staged" and "held" name one event; a
    phrasal verb is keyed with its particle, "lift off"; "launch" is in two senses, to begin and to lift off)."""
    out: dict[str, frozenset[str]] = {}
    for r in lexicon.rows("event_verbs"):
        toks = read(r["verb"]).toks
        if toks:
            key = " ".join(t.key for t in toks)
            out[key] = out.get(key, frozenset()) | {r["group"]}
    return out


def _verbs(a: Claim, at_a: str, b: Claim, at_b: str) -> tuple[str, str]:
    ra, rb = read(a.text), read(b.text)
    # An attributive date ("the May 6, 2010 crash") dates its noun, not the verb of the clause.
    va = "" if _attributive(ra, at_a) else _verb(ra, at_a)
    vb = "" if _attributive(rb, at_b) else _verb(rb, at_b)
    return va, vb


def _one_sense(va: str, vb: str) -> bool:
    groups = _event_groups()
    return va == vb or bool(groups.get(va, frozenset()) & groups.get(vb, frozenset()))


def _same_event(a: Claim, at_a: str, b: Claim, at_b: str, *, names: bool = True, verbs: bool = True) -> bool:
    """Whether two mentions date or measure the same event on a linked pair: their verbs, when both have
    one, are the same or of one sense (resources/lexicon/event_verbs.tsv; "visited on Tuesday" and
    "collapsed on Monday" are two events), and something ties them: neighbouring words in common, the
    thing an attributive date qualifies named on the other side, or a name both claims share."""
    va, vb = _verbs(a, at_a, b, at_b) if verbs else ("", "")
    if va and vb and not _one_sense(va, vb):
        return False
    if va and vb and va not in _EXCLUDED - _CALENDAR_WORDS:
        return True  # "lasted for 36 minutes" and "lasted an hour and a half": one verb, one event
    groups = _event_groups()
    ra, rb = read(a.text), read(b.text)
    ca = {g for k in _context(ra, at_a) for g in groups.get(k, {k})}
    cb = {g for k in _context(rb, at_b) for g in groups.get(k, {k})}
    if ca & cb:  # "played on 15 July" and "held on 14 July": verbs of one event count as shared
        return True
    keys_a, keys_b = {t.key for t in ra.toks}, {t.key for t in rb.toks}
    if _attributive(ra, at_a) & keys_b or _attributive(rb, at_b) & keys_a:
        return True
    return names and bool(set(a.facts.entities) & set(b.facts.entities))


def date_text(d: DateMention) -> str:
    """A date as the reasons show it: day month year, whatever order the text gives it in."""
    if d.day and d.month:
        return f"{d.day} {MONTH_NAMES[d.month]}" + (f" {d.year}" if d.year else "")
    if d.month:
        return f"{MONTH_NAMES[d.month]} {d.year}" if d.year else MONTH_NAMES[d.month]
    return d.text


def _weekday(d: DateMention) -> str:
    """The weekday a mention names, or the one its full date falls on ("6 May 2010" -> "Thursday")."""
    if d.weekday:
        return d.weekday
    if d.day and d.month and d.year:
        try:
            return WEEKDAYS[datetime.date(d.year, d.month, d.day).weekday()]
        except ValueError:
            return ""
    return ""


def _differ(x: DateMention, y: DateMention) -> str:
    """The reason two mentions of one event's date disagree, or ""."""
    if x.day and x.month and y.day and y.month:
        if (x.day, x.month) != (y.day, y.month) or (x.year and y.year and x.year != y.year):
            return f"date differs: {date_text(x)} vs {date_text(y)}"
        return ""
    if x.month and y.month and x.year and y.year and (x.month, x.year) != (y.month, y.year):
        return f"date differs: {date_text(x)} vs {date_text(y)}"
    if x.month and y.month and x.month != y.month and not (x.year and y.year) and not (x.day and y.day):
        # "in October" vs "on 3 November": the month is the precision both give.
        return f"date differs: {date_text(x)} vs {date_text(y)}"
    wx, wy = _weekday(x), _weekday(y)
    if wx and wy and wx != wy and (x.weekday or y.weekday):
        shown = lambda d, w: w if d.weekday else f"{date_text(d)} (a {w})"  # noqa: E731 - two uses
        return f"weekday differs: {shown(x, wx)} vs {shown(y, wy)}"
    return ""


def _same(x: DateMention, y: DateMention) -> str:
    """What two mentions share ("19 September", "Tuesday"), or "" when they are not the same date."""
    if (
        x.day
        and x.month
        and (x.day, x.month) == (y.day, y.month)
        and not (x.year and y.year and x.year != y.year)
    ):
        return date_text(x)
    if x.weekday and x.weekday == y.weekday:
        return x.weekday
    if (
        x.month
        and x.month == y.month
        and not (x.day or y.day)
        and not (x.year and y.year and x.year != y.year)
    ):
        return date_text(x)  # "in October" and "October 2016"
    return ""


def dates(a: Claim, b: Claim) -> tuple[list[str], list[str]]:
    """Differences and shared dates: a day, a month of a year or a weekday, of the same event only."""
    diffs: list[str] = []
    same: list[str] = []
    da = [d for d in a.facts.dates if d.month or d.weekday]
    db = [d for d in b.facts.dates if d.month or d.weekday]
    # Mentions the other side also makes are paired first, one for one ("Saturday morning (Friday 2245
    # UTC)" vs "on Saturday": the Saturdays pair, and Friday is left with nothing to differ from).
    left = list(db)
    unpaired = []
    paired: list[tuple[DateMention, DateMention]] = []
    for x in da:
        y = next((y for y in left if _same(x, y)), None)
        if y is None:
            unpaired.append(x)
        else:
            same.append(_same(x, y))
            paired.append((x, y))
            left.remove(y)
    for x in unpaired:
        for y in left:
            reason = _differ(x, y)
            if reason and _same_event(a, x.text, b, y.text):
                diffs.append(reason)
                break
        if diffs:
            break
    if not diffs:
        diffs += _calendar_weekday(a, b, paired) or _calendar_weekday(b, a, paired, swap=True)
    if not diffs:
        diffs += _years(a, b)
    return diffs, list(dict.fromkeys(same))


# "26 November 2018, a Sunday", "Sunday, 26 November 2018", "Sunday 26 November": a weekday put to a date.
_APPOSED_AFTER = re.compile(r"\s*,?\s*(?:(?:which\s+was|then)\s+)?(?:a|an)?\s*$", re.I)
_APPOSED_BEFORE = re.compile(r"\s*,?\s*(?:the\s+)?$", re.I)


def _calendar_weekday(
    a: Claim, b: Claim, paired: list[tuple[DateMention, DateMention]], *, swap: bool = False
) -> list[str]:
    """ "26 November 2018" vs "26 November 2018, a Sunday": a weekday one side puts to a date both give,
    that the calendar says is another day (a Monday), is a difference the other account shows by its date."""
    for x, y in paired if not swap else [(y, x) for x, y in paired]:
        if not (x.day and x.month and y.day and y.month):
            continue
        year = y.year or x.year
        told = [d for d in b.facts.dates if d.weekday and not d.day and _apposed(b.text, y.text, d.text)]
        if not year or not told:
            continue
        try:
            real = WEEKDAYS[datetime.date(year, y.month, y.day).weekday()]
        except ValueError:
            continue
        if told[0].weekday != real:
            shown = f"{date_text(x) if x.year else date_text(y)} (a {real})"
            pair = (shown, told[0].weekday) if not swap else (told[0].weekday, shown)
            return [f"weekday differs: {pair[0]} vs {pair[1]}"]
    return []


def _apposed(text: str, date: str, weekday: str) -> bool:
    """Whether ``weekday`` is written right next to ``date``, as the day it falls on."""
    at, wd = text.find(date), text.find(weekday)
    if at < 0 or wd < 0:
        return False
    if wd >= at + len(date):
        return bool(_APPOSED_AFTER.fullmatch(text[at + len(date) : wd]))
    return wd + len(weekday) <= at and bool(_APPOSED_BEFORE.fullmatch(text[wd + len(weekday) : at]))


# A document states its main event, and the day of it, in its first claims (the dateline and the lead).
LEAD_CLAIMS = 3
# A report written this many days after an event may still call it by its weekday ("on Wednesday").
REPORT_WINDOW = 7


def lead_event(claim: Claim, claims: Sequence[Claim]) -> DateMention | None:
    """The day ``claim`` gives its document's main event, or None: the first day (a date with its day of
    the month, or a weekday) the document names, when it is named within its first LEAD_CLAIMS claims and
    ``claim`` is the claim naming it ("The May 6, 2010 flash crash ...", "Stocks went into a free fall on
    Wednesday afternoon"). ``claims`` are the document's claims in reading order."""
    for c in claims[:LEAD_CLAIMS]:
        days = [d for d in c.facts.dates if (d.day and d.month) or d.weekday]
        if days:
            return days[0] if c.id == claim.id else None
    return None


def _iso_day(written: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(written.strip()[:10])
    except ValueError:
        return None


def _full_day(d: DateMention) -> datetime.date | None:
    try:
        return datetime.date(d.year, d.month, d.day) if d.year and d.month and d.day else None
    except ValueError:
        return None


def same_lead_event(
    a: Claim, claims_a: Sequence[Claim], written_a: str, b: Claim, claims_b: Sequence[Claim], written_b: str
) -> bool:
    """Whether ``a`` and ``b`` date the main events of their documents, one by its full date and the other
    by a weekday alone, so that the two are one event: the report that names the weekday was written within
    REPORT_WINDOW days after the full date (when its date is known). ``written_*``: the documents' dates
    (ISO, or "")."""
    return _lead_pair(a, claims_a, written_a, b, claims_b, written_b) is not None


def lead_events_differ(
    a: Claim, claims_a: Sequence[Claim], written_a: str, b: Claim, claims_b: Sequence[Claim], written_b: str
) -> str:
    """ "weekday differs: 6 May 2010 (a Thursday) vs Wednesday" when ``same_lead_event`` holds and the
    weekday is not the day of the full date; "" otherwise."""
    pair = _lead_pair(a, claims_a, written_a, b, claims_b, written_b)
    if pair is None:
        return ""
    x, y = pair
    return _differ(x, y)


def _lead_pair(
    a: Claim, claims_a: Sequence[Claim], written_a: str, b: Claim, claims_b: Sequence[Claim], written_b: str
) -> tuple[DateMention, DateMention] | None:
    """The (a-side, b-side) lead days of one event, a full date against a weekday alone, or None."""
    da, db = lead_event(a, claims_a), lead_event(b, claims_b)
    if da is None or db is None:
        return None
    for full, bare, written in ((da, db, written_b), (db, da, written_a)):
        day = _full_day(full)
        if day is None or not bare.weekday or bare.day or bare.month:
            continue
        sent = _iso_day(written)
        if sent is not None and not 0 <= (sent - day).days <= REPORT_WINDOW:
            return None  # written long before or after: the weekday may be of another event
        return (da, db)
    return None


def _years(a: Claim, b: Claim) -> list[str]:
    """ "since 1998" vs "since 2002": a year alone, compared with a year alone of the other side that this
    side does not give, when the words around both show one event (years of background are too common for
    a shared name to do)."""
    ya = [d for d in a.facts.dates if d.year and not d.month and not d.weekday]
    yb = [d for d in b.facts.dates if d.year and not d.month and not d.weekday]
    # Years both sides give are paired one for one ("the 2018 final of the 2018 cup" vs "the 2021 final of
    # the 2018 cup": one 2018 pairs, the other is left to differ from 2021).
    left_a = [x for x in ya if not any(d.year == x.year for d in a.facts.dates if d.month)]
    left_b = [y for y in yb if not any(d.year == y.year for d in b.facts.dates if d.month)]
    for x in list(left_a):
        y = next((y for y in left_b if y.year == x.year), None)
        if y is not None:
            left_a.remove(x)
            left_b.remove(y)
    for x in left_a:
        for y in left_b:
            if _same_event(a, x.text, b, y.text, names=False):
                return [f"date differs: {x.text} vs {y.text}"]
    return []


@cache
def _hours() -> dict[str, float]:
    return {r["unit"]: float(r["hours"]) for r in lexicon.rows("durations")}


def hours(d: Duration) -> float:
    """A duration in hours, so that "24 hours" and "a day" compare equal."""
    return d.value * _hours().get(d.unit, math.nan)


# How far an approximate duration ("about an hour", "roughly 40 minutes") may be from another and still be it.
DURATION_SLACK = 0.2


# "for hours", "weeks of talks": how many of the unit a plural without a count allows, at most about the
# next unit's worth (a writer with a day in mind writes "a day", not "hours").
PLURAL_SPANS = {"hour": (2.0, 24.0), "day": (2.0, 14.0), "week": (2.0, 12.0), "month": (2.0, 24.0),
                "year": (2.0, 50.0)}  # fmt: skip
_PLURAL = re.compile(
    r"(?:(?:for|lasting|lasted|took|over)\s+)?(?:hours|days|weeks|months|years)(?:\s+of\s+[a-z-]+)?", re.I
)


def _span_hours(text: str, d: Duration) -> tuple[float, float]:
    """The hours a duration allows: exact, or widened by the bound written before it ("about", "at least")."""
    h = hours(d)
    plural = _PLURAL.fullmatch(d.text)
    if plural:
        low, high = PLURAL_SPANS[d.unit]
        return (low * h / d.value, high * h / d.value)  # "for hours": two hours to a day
    vague = VAGUE_COUNTS.get(" ".join(d.text.lower().split()[:-1]))
    if vague:
        return (vague[0] * h / d.value, vague[1] * h / d.value)  # "several days": three to nine days
    at = text.find(d.text)
    bound = bound_before(text, at) if at >= 0 else ""
    kind = _BOUNDED.get(bound, "about" if bound else "exact")
    if kind == "low":
        return (h, math.inf)
    if kind == "high":
        return (0.0, h)
    if kind in {"about", "near"}:
        return (h * (1 - DURATION_SLACK), h * (1 + DURATION_SLACK))
    return (h, h)


def _approximate(text: str, d: Duration) -> bool:
    at = text.find(d.text)
    return at >= 0 and _BOUNDED.get(bound_before(text, at), "exact") == "about"


def _overlap(x: tuple[float, float], y: tuple[float, float]) -> bool:
    # The lexicon gives a minute to six places: "90 minutes" is 1.500003 hours, which is "an hour and a half".
    slack = 1e-4 * max(x[0], y[0], 1e-12)
    return x[0] <= y[1] + slack and y[0] <= x[1] + slack


def durations(a: Claim, b: Claim) -> list[str]:
    """ "duration differs" when a duration of one side cannot be the other's of the same event, across units
    ("24 hours" vs "three days") and bounds ("approximately 36 minutes" vs "about an hour and a half")."""
    diffs = []
    found_a, found_b = _durations(a.text), _durations(b.text)
    found_a = [x for x in found_a if not math.isnan(hours(x))]
    found_b = [y for y in found_b if not math.isnan(hours(y))]
    span_a = {x: _span_hours(a.text, x) for x in found_a}
    span_b = {y: _span_hours(b.text, y) for y in found_b}

    def fits(x: Duration, y: Duration) -> bool:
        if _approximate(a.text, x) and _approximate(b.text, y):
            # "about 36 minutes" vs "roughly half an hour" is one estimate; vs "about 48 minutes", two figures.
            return abs(hours(x) - hours(y)) <= DURATION_SLACK * max(hours(x), hours(y))
        return _overlap(span_a[x], span_b[y])

    for x in found_a:
        if any(fits(x, y) for y in found_b):
            continue
        # A duration of the other side that fits another of this side is already accounted for.
        free = [y for y in found_b if not any(fits(z, y) for z in found_a)]
        rival = next(
            (
                y
                for y in free
                if _same_event(a, x.text, b, y.text)
                or _same_offset(a, x, b, y)
                or _lone_spells(a, x, found_a, b, y, found_b)
            ),
            None,
        )
        if rival is not None:
            diffs.append(f"duration differs: {_shown(a.text, x)} vs {_shown(b.text, rival)}")
            break
    return (
        diffs
        or _span_differs(a, b, found_b)
        or _span_differs(b, a, found_a, swap=True)
        or _periods_differ(a, b, found_b)
        or _periods_differ(b, a, found_a, swap=True)
        or elapsed(a, b)
    )


# "lifted after three weeks", "passed within three hours": how long a spell lasted, told by its end.
_ENDED_AFTER = re.compile(
    r"\b(?:after|within|in\s+under|in\s+less\s+than)\s+(?:(?:just|only|barely|some|about)\s+)?$", re.I
)
_AFTER_END = re.compile(r"\s*(?:[,.;:)]|$|\s+(?:in|of|on|at|when|as|and|but)\b)", re.I)


def _ended(text: str, d: Duration) -> bool:
    """Whether ``d`` tells how long a spell lasted by when it ended: "lifted after three weeks", "passed
    within three hours" (not "three weeks after the vote")."""
    at = text.find(d.text)
    return (
        at >= 0
        and bool(_ENDED_AFTER.search(text[max(0, at - 25) : at]))
        and bool(_AFTER_END.match(text, at + len(d.text)))
    )


def _spell(text: str, d: Duration) -> bool:
    """Whether ``d`` tells how long something lasted: "for three days", "a three-day", "lasted a week", or
    ended "after three weeks"."""
    return _lasting(text, d) or _ended(text, d)


def _lone_spells(
    a: Claim, x: Duration, found_a: list[Duration], b: Claim, y: Duration, found_b: list[Duration]
) -> bool:
    """ "The hostages were held for 11 days" vs "The hostages were freed after three weeks": the one duration
    each claim gives, one how long a spell lasted and the other when it ended, with the words next to both
    naming one thing. The verbs differ by nature (one tells the spell, the other its end); two spells told
    with verbs of two senses are two spells ("lasted three days" vs "were jailed for two years")."""
    if len(found_a) != 1 or len(found_b) != 1:
        return False
    told = (_lasting(a.text, x) and _ended(b.text, y)) or (_ended(a.text, x) and _lasting(b.text, y))
    return told and _same_event(a, x.text, b, y.text, names=False, verbs=False)


# "in its fourth week", "the third day of the strike": how far into a spell a claim is told, the Nth unit
# being between N - 1 and N of them.
_ORDINAL_PERIOD = re.compile(
    rf"\b(?:its|the|their|his|her)\s+((?:{'|'.join(_ORDINAL_WORDS)})|\d+(?:st|nd|rd|th))\s+"
    r"(?:full\s+)?(day|week|month|year)\b",
    re.I,
)
# A spell told as lasting so far ("has lasted 12 days so far"), not as its whole length ("has been ... for"
# is not enough: "has been adjourned for two weeks" is another spell).
_SO_FAR = re.compile(r"\b(?:has|have)\s+(?:now\s+)?(?:lasted|run|gone\s+on|continued)\b|\bso\s+far\b", re.I)


@per_text
def _periods(text: str) -> list[tuple[tuple[float, float], str]]:
    out = []
    for m in _ORDINAL_PERIOD.finditer(text):
        word = m.group(1).lower()
        n = _ORDINAL_WORDS.get(word) or int(_ORDINAL_TEXT.fullmatch(word).group(1))  # type: ignore[union-attr]
        unit = hours(Duration(1.0, m.group(2).lower(), ""))
        out.append((((n - 1) * unit, n * unit), m.group(0)))
    return out


_COUNTED_FROM = re.compile(rf"\s+(?:{'|'.join(_FROM_START)})\b", re.I)


def _counted_from(text: str, period: str) -> bool:
    """Whether an "Nth day" is counted from an event ("the eleventh day after the quake"), not told as a
    point inside a spell ("the third day of the strike")."""
    at = text.find(period)
    return at >= 0 and bool(_COUNTED_FROM.match(text, at + len(period)))


def _periods_differ(a: Claim, b: Claim, found_b: list[Duration], *, swap: bool = False) -> list[str]:
    """ "now in its fourth week" vs "has been on strike for 12 days": how far into a spell one side is, against
    the one spell the other gives of the same thing. A spell shorter than the time already passed differs
    whether it is the whole or the length so far; a longer one only when it is told as the length so far.
    Two "Nth day"s differ when both claims tell the same day."""
    periods = _periods(a.text)
    if len(periods) != 1:
        return []
    (low, high), shown = periods[0]
    others = _periods(b.text)
    if len(others) == 1 and not found_b:
        (lo_b, hi_b), shown_b = others[0]
        same_day = any(_same(x, y) for x in a.facts.dates for y in b.facts.dates)
        if not same_day or _overlap((low, high), (lo_b, hi_b)):
            return []
        rival = shown_b
        offset = False
    elif (
        len(others) == 0
        and len(found_b) == 1
        and (
            _spell(b.text, found_b[0])
            or (_counted_from(a.text, shown) and _offset(b.text, found_b[0]) == "after")
        )
    ):
        y = found_b[0]
        lo_b, hi_b = _span_hours(b.text, y)
        # "19 days after the quake" against "on the eleventh day after the quake": an offset from the same
        # start is the whole time passed, so it differs whether longer or shorter.
        offset = not _spell(b.text, y)
        shorter = hi_b * (1 + 1e-4) < low
        longer = lo_b > high * (1 + 1e-4) and (offset or bool(_SO_FAR.search(b.text)))
        if not (shorter or longer):
            return []
        rival = _shown(b.text, y)
        shown_b = y.text
    else:
        return []
    # Two offsets from one start place one event only when their verbs are of one sense ("found 19 days after
    # the quake" vs "found on the eleventh day after it", not "arrived three days after the storm" vs "left on
    # the ninth day after it").
    if offset:
        va, vb = _offset_verbs(read(a.text), shown), _offset_verbs(read(b.text), shown_b)
        if not any(_one_sense(x, y) for x in va for y in vb):
            return []
    if not _same_event(a, shown, b, shown_b, names=False, verbs=False):
        return []
    pair = (shown, rival) if not swap else (rival, shown)
    return [f"duration differs: {pair[0]} vs {pair[1]}"]


_CONNECT = r"\s*(?:-|\u2013|to|until|till|through|thru|and)\s*(?:the\s+)?"
_MONTH_RE = "|".join(sorted((m.lower() for m in MONTH_NAMES if m), key=len, reverse=True))
_WEEKDAY_RANGE = re.compile(
    rf"\b(?:from|between)\s+({'|'.join(WEEKDAYS)}){_CONNECT}({'|'.join(WEEKDAYS)})\b"
    rf"|\b({'|'.join(WEEKDAYS)})\s+(?:through|thru)\s+({'|'.join(WEEKDAYS)})\b"
)
_DAY_RANGE = re.compile(
    rf"\b(?:from\s+|between\s+)?(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?({_MONTH_RE}))?{_CONNECT}"
    rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\b"
    rf"|\b(?:from\s+|between\s+)?({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?{_CONNECT}(?:({_MONTH_RE})\s+)?"
    rf"(\d{{1,2}})\b(?!\s*(?:st|nd|rd|th|,?\s*\d{{4}}\s*(?:-|to)))",
    re.I,
)


def _day(day: str, month: str) -> datetime.date | None:
    try:
        return datetime.date(2001, MONTH_NAMES.index(month.capitalize()), int(day))
    except ValueError:
        return None


@per_text
def date_spans(text: str) -> list[tuple[int, str]]:
    """(days between the ends, as written) of every span of days a claim gives by its two ends: "from 3 to 9
    May" (6), "from 28 April to 2 May" (4), "May 3-9", "from Monday to Wednesday" (2)."""
    out = []
    for m in _WEEKDAY_RANGE.finditer(text):
        first, last = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        out.append(((WEEKDAYS.index(last) - WEEKDAYS.index(first)) % 7, m.group(0).strip()))
    for m in _DAY_RANGE.finditer(text):
        if m.group(1):
            start, end = _day(m.group(1), m.group(2) or m.group(4)), _day(m.group(3), m.group(4))
        else:
            start, end = _day(m.group(6), m.group(5)), _day(m.group(8), m.group(7) or m.group(5))
        opened = m.group(0).lower().startswith(("from", "between"))
        if start is None or end is None or not (opened or re.search(r"\d\s*[-\u2013]\s*\d", m.group(0))):
            continue  # "on 3 and 9 May" names two days, not the days between them
        if end < start:
            end = end.replace(year=2002)  # "from 28 December to 3 January": into the next year
        days = (end - start).days
        if 0 < days <= 366:
            out.append((days, m.group(0).strip()))
    return out


# Words that say a duration is how long something lasted ("for three days", "lasted a week", "took a week",
# "a three-day").
_LASTING = re.compile(
    r"\b(?:for|lasting|lasted|lasts|last|over|spanning|took|takes|taking)\s+(?:about\s+|some\s+|nearly\s+|just\s+|only\s+)?$",
    re.I,
)


def _lasting(text: str, d: Duration) -> bool:
    at = text.find(d.text)
    if at < 0 or _offset(text, d):
        return False
    hyphenated = (
        bool(re.match(r"[\s-]*(?:long\b)|-", text[at + len(d.text) : at + len(d.text) + 6])) or "-" in d.text
    )
    return hyphenated or bool(_LASTING.search(text[max(0, at - 25) : at]))


def _span_differs(a: Claim, b: Claim, found_b: list[Duration], *, swap: bool = False) -> list[str]:
    """ "from 3 to 9 May" vs "for three days": a span of days one side gives by its two ends, against the
    one duration the other side gives of how long the same thing lasted (the ends counted or not: 6 or 7
    days). Compared only when the other side gives no span of its own and its verbs name the same event."""
    spans = date_spans(a.text)
    lasting = [y for y in found_b if _lasting(b.text, y)]
    if len(spans) != 1 or len(lasting) != 1 or date_spans(b.text):
        return []
    (days, shown), y = spans[0], lasting[0]
    if _overlap((days * 24.0, (days + 1) * 24.0), _span_hours(b.text, y)):
        return []
    first = shown.split()[1] if shown.split()[0].lower() in {"from", "between"} else shown.split()[0]
    va, vb = _verbs(a, first, b, y.text)
    if va and vb and not _one_sense(va, vb):
        return []
    ra, rb = read(a.text), read(b.text)
    common = {t.key for t in ra.toks if _plain(ra, t)} & {t.key for t in rb.toks if _plain(rb, t)}
    if not common - _EXCLUDED - {lemma(u) for u in _hours()}:
        return []
    pair = (shown, _shown(b.text, y)) if not swap else (_shown(b.text, y), shown)
    return [f"duration differs: {pair[0]} vs {pair[1]}"]


# "an hour after", "two hours later", "a day earlier": a duration that places an event after (or before)
# another one, not how long something lasted.
_OFFSET = re.compile(r"\s+(after|later|afterwards|before|earlier)\b", re.I)
_LATER = frozenset({"after", "later", "afterwards"})


def _offset(text: str, d: Duration) -> str:
    """ "after" or "before" when the duration ``d`` is an offset between two events, else ""."""
    at = text.find(d.text)
    m = _OFFSET.match(text, at + len(d.text)) if at >= 0 else None
    return "" if not m else ("after" if m.group(1).lower() in _LATER else "before")


def _same_offset(a: Claim, x: Duration, b: Claim, y: Duration) -> bool:
    """ "a 4.8 aftershock about an hour after" vs "the strongest aftershock roughly two hours after the main
    shock": on a linked pair, the one offset each side gives in the same direction places one event, unless
    their verbs name two ("arrived an hour later" vs "left two hours later") or nothing but the unit is shared."""
    way = _offset(a.text, x)
    if not way or way != _offset(b.text, y):
        return False
    others = [d for d in _durations(a.text) if d != x and _offset(a.text, d)]
    others += [d for d in _durations(b.text) if d != y and _offset(b.text, d)]
    if others:
        return False  # several offsets on a side: which pairs with which is not written
    va, vb = _verbs(a, x.text, b, y.text)
    if va and vb and not _one_sense(va, vb):
        return False
    ra, rb = read(a.text), read(b.text)
    common = {t.key for t in ra.toks if _plain(ra, t)} & {t.key for t in rb.toks if _plain(rb, t)}
    return bool(common - _EXCLUDED - {lemma(u) for u in _hours()})


def _plain(r: Reading, t: Token) -> bool:
    """A content word written in lower case, or opening the claim: not a name, not a figure."""
    opening = not r.text[: t.start].strip()
    return is_content(t) and not t.text[:1].isdigit() and (opening or r.text[t.start : t.start + 1].islower())


def _shown(text: str, d: Duration) -> str:
    at = text.find(d.text)
    bound = bound_before(text, at) if at >= 0 else ""
    return f"{bound} {d.text}" if bound else d.text


# Elapsed time: "It landed on 26 November after a journey of four months" against an account that dates the
# launch 5 May and the landing 26 November. One side states how long passed between two events; the other
# gives both events' dates, in one claim or (see ``elapsed_differs``) in two claims of its document.

# The event a duration is counted from: "a week after landing", "within 24 hours of being spotted", "two
# days after it started"; the words skipped between are pronouns, articles and auxiliaries.
_SKIPPED = r"(?:(?:the|its|their|his|her|it|they|he|she|being|was|were|had|has|having|first|initial)\s+){0,3}"
_AFTER_EVENT = re.compile(rf"\s+(?:{'|'.join(_FROM_START)})\s+((?:[a-z]+\s*){{1,4}})", re.I)
_BEFORE_EVENT = re.compile(r"\s+(?:before|ahead\s+of|prior\s+to)\s+((?:[a-z]+\s*){1,4})", re.I)
_SKIPPED_WORDS = frozenset(re.findall(r"[a-z]+", _SKIPPED))
_WITHIN_OF = re.compile(rf"\s+of\s+{_SKIPPED}([a-z]+)\b", re.I)
_LATER_ALONE = re.compile(r"\s+(?:later|afterwards)\b", re.I)
# "after a journey of four months", "after a flight of seven months": the length of the stretch that ended
# with the claim's event, counted from where its account starts.
_STRETCH_OF = re.compile(
    r"\bafter\s+(?:a|an)\s+(?:[a-z]+\s+){0,2}of\s+(?:(?:just|only|barely|about|some|nearly|almost|roughly|"
    r"over|more\s+than|less\s+than)\s+)?$",
    re.I,
)
# A duration written from two dates is rounded to its unit; an "about" figure also by a tenth of itself.
ELAPSED_ROUNDING = 0.5
ELAPSED_SLACK = 0.1
# A stretch counted from an unnamed start that is off by orders of magnitude (hours against years) is another
# stretch, not a misstated one; a stretch after a named event ("two days after it began") is that one.
ELAPSED_SCALE = 40.0


def _anchor(text: str, d: Duration) -> str | None:
    """What the duration ``d`` of a claim is counted from: the key of an event word ("land" for "a week
    after landing"), "<start>" for how long the account's main event had run ("for 18 months", "after a
    journey of four months"), "<previous>" for "two days later" (the date the account gave last), or None
    when it is not a time between two events."""
    at = text.find(d.text)
    if at < 0:
        return None
    end = at + len(d.text)
    if bound_before(text, at) == "within":
        m = _WITHIN_OF.match(text, end)
        return lemma(m.group(1)) if m else None
    m = _AFTER_EVENT.match(text, end)
    if m:
        # "after landing", "after the dam was breached": the words up to the clause's end, the verb among them.
        words = [w for w in m.group(1).lower().split() if w not in _FUNCTION and w not in _SKIPPED_WORDS]
        return " ".join(lemma(w) for w in words) or None
    m = _BEFORE_EVENT.match(text, end)
    if m:
        # "three days before the vote": counted back from the event named, to the day of this claim's event.
        words = [w for w in m.group(1).lower().split() if w not in _FUNCTION and w not in _SKIPPED_WORDS]
        return ("<before> " + " ".join(lemma(w) for w in words)) if words else None
    if _LATER_ALONE.match(text, end) and _offset(text, d):
        return "<previous>"
    if _STRETCH_OF.search(text[max(0, at - 60) : at]) or _lasting(text, d) or _ended(text, d):
        return "<start>"  # "for 18 months", "after a journey of four months", "reopened after five months"
    return None


# The days a mention may be: one day for a full date, the month's days for "May 2016".
Days = tuple[datetime.date, datetime.date]


def _days(d: DateMention, year: int | None) -> Days | None:
    """The first and last day a mention with its month may be, the year borrowed when it gives none."""
    if not (d.month and (d.year or year)):
        return None
    y = d.year or year or 1
    try:
        if d.day:
            day = datetime.date(y, d.month, d.day)
            return (day, day)
        first = datetime.date(y, d.month, 1)
        return (first, datetime.date(y + d.month // 12, d.month % 12 + 1, 1) - datetime.timedelta(days=1))
    except ValueError:
        return None


def _start(claims: Sequence[Claim]) -> Days | None:
    """The days an account's main event began: the first date with a year in its first LEAD_CLAIMS claims."""
    for c in claims[:LEAD_CLAIMS]:
        for d in c.facts.dates:
            days = _days(d, None)
            if days is not None:
                return days
    return None


def _dated(claims: Sequence[Claim], keys: str, year: int | None) -> Days | None:
    """The one date the claims give an event named by ``keys`` ("land", "dam breach", "vote"): a date whose
    nearest verb is of the sense of one key or which has a key next to it, with every other key of the
    phrase next to it too ("the talks began" is not "the truce began"); None when none or several are given."""
    wanted = keys.split()
    by_verb: set[Days] = set()
    by_words: set[Days] = set()
    for c in claims:
        r = read(c.text)
        for d in c.facts.dates:
            days = _days(d, year)
            idx = _mention(r, d.text)
            if days is None or not idx:
                continue
            verb = _verb(r, d.text)
            near = _clause(r, idx)
            told = [k for k in wanted if verb and _one_sense(verb.split()[0], k)]
            if all(k in near for k in wanted if k not in told):
                (by_verb if told else by_words).add(days)
    # A date whose own verb names the event first ("began on 3 March and ended in May": 3 March began).
    found = by_verb or by_words
    return found.pop() if len(found) == 1 else None


_CLAUSE_JOINS = frozenset({"and", "but", "while", "as", "when", "whereas", "after", "before", "then"})


def _clause(r: Reading, idx: list[int]) -> set[str]:
    """The keys of the clause around a mention: up to a stop or a joining word either side."""
    lo, hi = idx[0], idx[-1]
    while lo > 0 and r.toks[lo - 1].text not in _STOPS and r.toks[lo - 1].text not in _CLAUSE_JOINS:
        lo -= 1
    while (
        hi + 1 < len(r.toks)
        and r.toks[hi + 1].text not in _STOPS
        and r.toks[hi + 1].text not in _CLAUSE_JOINS
    ):
        hi += 1
    return {t.key for t in r.toks[lo : hi + 1]}


def _previous(claims: Sequence[Claim], b: Claim, d: Duration) -> Days | None:
    """ "two days later": the last date given before the duration, in its claim or the claim before."""
    at = b.text.find(d.text)
    own = [x for x in b.facts.dates if 0 <= b.text.find(x.text) < at]
    ids = [c.id for c in claims]
    before = claims[ids.index(b.id) - 1] if b.id in ids and ids.index(b.id) > 0 else None
    for pool in (own, list(before.facts.dates) if before is not None else []):
        for x in reversed(pool):
            days = _days(x, None)
            if days is not None:
                return days
    return None


def _written_hours(text: str, d: Duration) -> tuple[float, float]:
    """The hours a duration allows when set against two dates: a written figure is a rounded one (half its
    unit either way, a tenth of itself more when "about"; days and hours are counted, not rounded), and a
    bound opens one end ("within 24 hours", "more than nine weeks")."""
    at = text.find(d.text)
    bound = bound_before(text, at) if at >= 0 else ""
    kind = _BOUNDED.get(bound, "about" if bound else "exact")
    vague = _PLURAL.fullmatch(d.text) or " ".join(d.text.lower().split()[:-1]) in VAGUE_COUNTS
    if vague or kind in {"low", "high", "range"}:
        return _span_hours(text, d)
    h, unit = hours(d), hours(Duration(1.0, d.unit, ""))
    slack = 0.0 if kind == "exact" and unit <= 24.0 else ELAPSED_ROUNDING * unit
    if kind in {"about", "near"}:
        slack += ELAPSED_SLACK * h
    return (max(0.0, h - slack), h if kind == "near" else h + slack)


def _elapsed(
    a: Claim, claims_a: Sequence[Claim], b: Claim, claims_b: Sequence[Claim], *, swap: bool = False
) -> str:
    """The reason a duration of ``b`` cannot be the time between the two dates ``a``'s account gives the
    events it spans (``claims_*``: the accounts' claims in reading order; a claim alone when the pair is
    judged by itself). A date without its day ("in May 2016") allows any day of its month."""
    found = [y for y in _durations(b.text) if not math.isnan(hours(y))]
    own = {round(hours(x), 3) for x in _durations(a.text)}
    ra = read(a.text)
    # "the August 24, 2015 crash": a date that names a thing is not the day this claim's event happened.
    ends = [d for d in a.facts.dates if d.month and not _attributive(ra, d.text)]
    if not found or not ends:
        return ""
    year = next(
        (d.year for d in [*a.facts.dates, *(d for c in claims_a for d in c.facts.dates)] if d.year), None
    )
    shared = [_days(x, year) for x in ends if any(_same(x, y) for y in b.facts.dates)]
    for y in found:
        if round(hours(y), 3) in own:
            continue  # the other side states this duration too: compared as durations
        anchor = _anchor(b.text, y)
        if anchor is None:
            continue
        first: Days | None
        if anchor == "<start>":
            first = (
                _start(claims_a)
                if len(claims_a) > 1
                else min(filter(None, (_days(d, year) for d in ends)), default=None)
            )
            if first is None or not _mentions(claims_b, first):
                continue  # the two accounts must agree on where the stretch begins
        elif anchor == "<previous>":
            first = _previous(claims_b, b, y)
        elif anchor.startswith("<before>"):
            # The named event is the later one; this claim's day, the earlier.
            event = _dated(claims_a, anchor.split(" ", 1)[1], year)
            if event is None:
                continue
            earlier = [x for x in (_days(d, year) for d in ends) if x is not None and x[1] < event[0]]
            picked = [x for x in shared if x is not None and x[1] < event[0]] or earlier
            if len(set(picked)) != 1 or not _tied(a, b, bool(shared)):
                continue
            first, last = picked[0], event
        else:
            first = _dated(claims_a, anchor, year)
        if first is None:
            continue
        if not anchor.startswith("<before>"):
            after = first[1]
            later = [x for x in (_days(d, after.year) for d in ends) if x is not None and x[0] > after]
            candidates = [x for x in shared if x is not None and x[0] > after] or later
            if len(set(candidates)) != 1 or not _tied(a, b, bool(shared)):
                continue
            last = candidates[0]
        # Dates without their hours are whole days apart, give or take one for a time counted in hours.
        blur = 24.0 if hours(Duration(1.0, y.unit, "")) < 24.0 else 0.0
        span = ((last[0] - first[1]).days * 24.0 - blur, (last[1] - first[0]).days * 24.0 + blur)
        if _overlap(span, _written_hours(b.text, y)):
            continue
        middle = (last[0] - first[0]).days
        ratio = max(middle * 24.0, 1.0) / hours(y)
        if anchor.startswith("<") and not 1 / ELAPSED_SCALE <= ratio <= ELAPSED_SCALE:
            continue  # "lasted an hour and a half" against five years: two stretches, not one misstated
        told = f"{_elapsed_text(middle)} ({_days_text(first)} to {_days_text(last)})"
        pair = (told, _shown(b.text, y)) if not swap else (_shown(b.text, y), told)
        return f"duration differs: {pair[0]} vs {pair[1]}"
    return ""


def _days_text(days: Days) -> str:
    first, last = days
    if first == last:
        return date_text(DateMention("", first.day, first.month, first.year))
    return date_text(DateMention("", None, first.month, first.year))


def _elapsed_text(days: int) -> str:
    if days < 14:
        return f"{days} day" + ("s" if days != 1 else "")
    if days < 61:
        return f"{round(days / 7)} weeks"
    if days < 730:
        return f"{round(days / 30.44)} months"
    return f"{round(days / 365.25)} years"


def _mentions(claims: Sequence[Claim], days: Days) -> bool:
    return any(_days(d, days[0].year) == days for c in claims for d in c.facts.dates)


def _tied(a: Claim, b: Claim, shared_date: bool) -> bool:
    """Whether the two claims tell one event: a day both give, or a content word both use."""
    if shared_date:
        return True
    ra, rb = read(a.text), read(b.text)
    common = {t.key for t in ra.toks if _plain(ra, t)} & {t.key for t in rb.toks if _plain(rb, t)}
    return bool(common - _EXCLUDED - {lemma(u) for u in _hours()})


def elapsed(a: Claim, b: Claim) -> list[str]:
    """ "duration differs: 6 months (5 May 2018 to 26 November 2018) vs four months": one claim gives the days
    of two events, the other how long passed between them ("after a journey of four months", "a week after
    the launch", "for 18 months")."""
    reason = _elapsed(a, [a], b, [b]) or _elapsed(b, [b], a, [a], swap=True)
    return [reason] if reason else []


def elapsed_differs(a: Claim, claims_a: Sequence[Claim], b: Claim, claims_b: Sequence[Claim]) -> str:
    """As ``elapsed``, with the day of the earlier event found anywhere in the dating account (``claims_*``:
    each document's claims in reading order): "It began hammering on 28 February, barely a week after
    landing" against "On 28 February the probe started digging", when that account dates the landing on 26
    November; "it smouldered for some 18 months" against "was extinguished on 2 August 2017", counted from
    the day both accounts say it began."""
    return _elapsed(a, claims_a, b, claims_b) or _elapsed(b, claims_b, a, claims_a, swap=True)
