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
from functools import cache

from compare.align.polarity import Reading, context, is_content, lemma, read
from compare.model import Claim, DateMention, Duration, Quantity
from compare.text import lexicon
from compare.text.facts import MONTH_NAMES, SCALES, WEEKDAYS, find_durations, interval

# Two numbers are "the same quantity" when they count the same thing; these units say little.
VAGUE_UNITS = frozenset({"", "and", "or", "in", "of", "per", "to", "than", "the", "a", "an"})
# Verbs of saying: "said on Tuesday" and "said on Friday" may report one event said twice.
_REPORTING = lexicon.words("function_words", "reporting")
_EXCLUDED = frozenset(lemma(w) for w in _REPORTING) | frozenset(
    lemma(w) for w in ("last", "next", "early", "late", "morning", "evening", "night", "day", "week")
)
_PAST = frozenset(r["form"] for r in lexicon.rows("irregular_verbs"))
_DETERMINERS = lexicon.words("function_words", "determiner") | {"a", "an"}
_STOPS = frozenset(',;:.!?()"“”—–')
FRAME_WIDTH = 3  # words either side of a figure that say what it counts
FRAME_SHARED = 3  # of those, how many two figures must share to be one quantity
CONTEXT = 4  # words either side of a date or duration that name its event
_BOUNDED = {"at least": "low", "more than": "low", "over": "low", "up to": "high", "fewer than": "high",
            "less than": "high", "at most": "high", "between": "range", "nearly": "near", "almost": "near"}  # fmt: skip


def _fmt(q: Quantity) -> str:
    return f"{q.bound} {q.text}".strip() if q.bound != "between" else q.text


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _kind(q: Quantity) -> str:
    return _BOUNDED.get(q.bound, "about" if q.bound else "exact")


def _step(q: Quantity) -> float:
    """The last written digit's worth: 1 for "62", 0.1 for "0.4", 100,000 for "1.3 million"."""
    m = re.search(r"\d[\d,]*(?:\.(\d+))?", q.text)
    decimals = len(m.group(1)) if m and m.group(1) else 0
    scale = next((SCALES[w] for w in re.findall(r"[a-z]+", q.text.lower()) if w in SCALES), 1)
    return 10.0**-decimals * scale


def _rounded(qa: Quantity, qb: Quantity) -> bool:
    """One figure is the other written with fewer digits ("0.44" and "0.4", "75.88" and "75")."""
    return abs(qa.value - qb.value) < max(_step(qa), _step(qb)) and _step(qa) != _step(qb)


def _conflict(qa: Quantity, qb: Quantity) -> bool:
    """Whether two figures of the same thing cannot both be right."""
    ka, kb = _kind(qa), _kind(qb)
    if ka == kb and ka in {"exact", "low", "high"}:
        # "at least 62" vs "at least 90": two different figures; "0.44" vs "0.4": one figure, rounded.
        return not _close(qa.value, qb.value) and not _rounded(qa, qb)
    if ka == kb == "about":
        # "around 40,000" vs "around 47,000": two estimates more than a tenth apart are two figures.
        return abs(qa.value - qb.value) > 0.1 * max(abs(qa.value), abs(qb.value))
    (la, ha), (lb, hb) = interval(qa), interval(qb)
    return ha < lb or hb < la


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
    words = [t for t in r.toks if is_content(t) and not t.text.isdigit()]
    return words[-1].key if words else ""


def _frame(claim: Claim, q: Quantity) -> set[str]:
    """The words right around a figure, in its clause."""
    r = read(claim.text)
    pos = claim.text.find(q.text)
    idx = [i for i, t in enumerate(r.toks) if pos >= 0 and t.start < pos + len(q.text) and t.end > pos]
    if not idx:
        return set()
    return {k for k in context(r, idx[0], idx[-1], FRAME_WIDTH) if not k.isdigit()}


def numbers(a: Claim, b: Claim, similar: bool) -> tuple[list[str], list[str]]:
    """(differences, shared) between the numbers of two claims."""
    diffs: list[str] = []
    same: list[str] = []
    na, nb = a.facts.numbers, b.facts.numbers
    for qa in na:
        if any(_close(qa.value, qb.value) for qb in nb) or any(
            qa.unit == qb.unit and qa.unit not in VAGUE_UNITS and not _conflict(qa, qb) for qb in nb
        ):
            same.append(qa.text)
            continue
        # The same unit with another value is another count of the same thing.
        rivals = [qb for qb in nb if qb.unit == qa.unit and qa.unit not in VAGUE_UNITS]
        if not rivals and similar and len(na) == 1 and len(nb) == 1:
            role_a, role_b = _role(a, qa), _role(b, nb[0])
            units = qa.unit in VAGUE_UNITS or nb[0].unit in VAGUE_UNITS
            if units and (not role_a or not role_b or role_a == role_b):
                rivals = list(nb)
        if not rivals:
            # A count of unstated things close in size to one on the other side ("1.3 million" vs
            # "1.5 million people") is the same figure reported differently; far apart, it is another figure.
            rivals = [qb for qb in nb if (qa.unit in VAGUE_UNITS or qb.unit in VAGUE_UNITS)
                      and _near(qa.value, qb.value)]  # fmt: skip
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
        rivals = [qb for qb in rivals if not any(_close(qb.value, x.value) for x in na)]
        for qb in rivals[:1]:
            if _conflict(qa, qb):
                diffs.append(f"number differs: {_fmt(qa)} vs {_fmt(qb)}")
            else:
                same.append(qa.text)
    return diffs, same


def _context(r: Reading, at: str) -> set[str]:
    """Words (not names, not dates, not verbs of saying) next to the mention ``at``: the event it dates."""
    pos = r.text.find(at)
    idx = [i for i, t in enumerate(r.toks) if pos >= 0 and t.start < pos + len(at) and t.end > pos]
    if not idx:
        return set()
    near = context(r, idx[0], idx[-1], CONTEXT, names=False)
    if not near:
        # "On 17 September, jets struck ...": a date set off by a comma dates the whole clause.
        near = {t.key for t in r.toks if is_content(t) and not r.text[t.start : t.start + 1].isupper()}
    return {k for k in near if k not in _EXCLUDED and not k.isdigit()}


def _calendar(word: str) -> bool:
    return word.capitalize() in MONTH_NAMES or word.capitalize() in {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Last", "Next"
    }  # fmt: skip


def _verb(r: Reading, at: str) -> str:
    """The lemma of the past-tense verb nearest a mention in its clause ("collapsed on Monday" -> "collaps"),
    or "" when none is close: the event a date or a duration belongs to."""
    pos = r.text.find(at)
    idx = [i for i, t in enumerate(r.toks) if pos >= 0 and t.start < pos + len(at) and t.end > pos]
    if not idx:
        return ""
    for dist in range(1, 2 * CONTEXT + 1):
        for i in (idx[0] - dist, idx[-1] + dist):
            if not 0 <= i < len(r.toks) or _crosses(r, i, idx):
                continue
            t = r.toks[i]
            past = t.text in _PAST or (t.text.endswith("ed") and len(t.text) > 4)
            # "the armed groups": after a determiner an -ed word is an adjective, not the event.
            if past and "-" not in t.text and not (i > 0 and r.toks[i - 1].text in _DETERMINERS):
                return t.key
    return ""


def _crosses(r: Reading, i: int, idx: list[int]) -> bool:
    lo, hi = (i, idx[0]) if i < idx[0] else (idx[-1], i)
    return any(r.toks[k].text in _STOPS for k in range(lo + 1, hi))


@cache
def _event_groups() -> dict[str, str]:
    """Verb key -> its group in resources/lexicon/event_verbs.tsv ("staged" and "held" name one event)."""
    out: dict[str, str] = {}
    for r in lexicon.rows("event_verbs"):
        toks = read(r["verb"]).toks
        if toks:
            out[toks[0].key] = r["group"]
    return out


def _verbs_differ(a: Claim, at_a: str, b: Claim, at_b: str) -> bool:
    va, vb = _verb(read(a.text), at_a), _verb(read(b.text), at_b)
    if not (va and vb) or va == vb:
        return False
    groups = _event_groups()
    return not (va in groups and groups.get(vb) == groups[va])


def _same_event(a: Claim, at_a: str, b: Claim, at_b: str) -> bool:
    """Whether two mentions date or measure the same event: their verbs, when both have one, are the same or
    of one sense (resources/lexicon/event_verbs.tsv; "visited on Tuesday" and "collapsed on Monday" are two
    events), and their neighbours overlap."""
    if _verbs_differ(a, at_a, b, at_b):
        return False
    groups = _event_groups()
    ca = {groups.get(k, k) for k in _context(read(a.text), at_a)}
    cb = {groups.get(k, k) for k in _context(read(b.text), at_b)}
    return bool(ca & cb)  # "played on 15 July" and "held on 14 July": verbs of one event count as shared


def _date_text(d: DateMention) -> str:
    if d.day and d.month:
        return f"{d.day} {MONTH_NAMES[d.month]}" + (f" {d.year}" if d.year else "")
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
            return f"date differs: {_date_text(x)} vs {_date_text(y)}"
        return ""
    if x.month and y.month and x.year and y.year and (x.month, x.year) != (y.month, y.year):
        return f"date differs: {_date_text(x)} vs {_date_text(y)}"
    wx, wy = _weekday(x), _weekday(y)
    if wx and wy and wx != wy and (x.weekday or y.weekday):
        shown = lambda d, w: w if d.weekday else f"{w} ({_date_text(d)})"  # noqa: E731 - two uses
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
        return _date_text(x)
    if x.weekday and x.weekday == y.weekday:
        return x.weekday
    return ""


def dates(a: Claim, b: Claim) -> tuple[list[str], list[str]]:
    """Differences and shared dates: a day, a month of a year or a weekday, of the same event only."""
    diffs: list[str] = []
    same: list[str] = []
    da = [d for d in a.facts.dates if d.month or d.weekday]
    db = [d for d in b.facts.dates if d.month or d.weekday]
    for x in da:
        shared = [t for t in (_same(x, y) for y in db) if t]
        if shared:
            same.append(shared[0])
            continue
        for y in db:
            reason = _differ(x, y)
            if reason and _same_event(a, x.text, b, y.text):
                diffs.append(reason)
                break
        if diffs:
            break
    return diffs, list(dict.fromkeys(same))


@cache
def _hours() -> dict[str, float]:
    return {r["unit"]: float(r["hours"]) for r in lexicon.rows("durations")}


def hours(d: Duration) -> float:
    """A duration in hours, so that "24 hours" and "a day" compare equal."""
    return d.value * _hours().get(d.unit, math.nan)


def durations(a: Claim, b: Claim) -> list[str]:
    diffs = []
    found_a, found_b = find_durations(a.text, articles=True)[0], find_durations(b.text, articles=True)[0]
    for x in found_a:
        hx = hours(x)
        if any(_close(hx, hours(y)) for y in found_b):
            continue
        # A duration of the other side that equals another of this side is already accounted for.
        free = [y for y in found_b if not any(_close(hours(y), hours(z)) for z in found_a)]
        rival = next((y for y in free if _same_event(a, x.text, b, y.text)), None)
        if rival is not None and not math.isnan(hx) and not math.isnan(hours(rival)):
            diffs.append(f"duration differs: {x.text} vs {rival.text}")
            break
    return diffs
