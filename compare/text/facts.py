"""Checkable facts of a claim: numbers, dates, durations, names, negation and who says it.

These are what two accounts can agree or differ on, so each keeps the words as written (for the reasons
shown to the user) and a normalised value (for comparing).
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from functools import cache

from compare.model import DateMention, Duration, Facts, Quantity
from compare.text import lexicon
from compare.text.memo import per_text

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
EXTRA = {"dozen": 12, "dozens": 24, "a dozen": 12, "half": 0.5, "a handful": 5}

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DURATION_UNITS = {"second", "minute", "hour", "day", "week", "fortnight", "month", "year", "night", "decade"}
_UNIT = "second|minute|hour|day|week|fortnight|month|year|night|decade"

# Words that bound a figure, by what they allow: "low" (the figure or more), "high" (the figure or less),
# "near" (just under it), "about" (a little either way). Longer phrases first, so "no more than" is not "more than".
BOUND_KINDS = {
    "at least": "low", "more than": "low", "over": "low", "upwards of": "low", "in excess of": "low",
    "no fewer than": "low", "no less than": "low", "well over": "low", "just over": "low", "above": "low",
    "up to": "high", "fewer than": "high", "less than": "high", "at most": "high", "no more than": "high",
    "as many as": "high", "under": "high", "just under": "high", "below": "high", "within": "high",
    "nearly": "near", "almost": "near", "close to": "near",
    "about": "about", "around": "about", "approximately": "about", "some": "about", "roughly": "about",
    "an estimated": "about", "estimated": "about", "more or less": "about",
}  # fmt: skip
BOUNDS = tuple(sorted(BOUND_KINDS, key=len, reverse=True))
_BOUND_WORDS = frozenset(b for b in BOUND_KINDS if " " not in b)

# Negation cues and negative-implicative verbs: resources/lexicon/negations.tsv and implicatives.tsv.
NEGATIONS = tuple(lexicon.column("negations", "cue"))
IMPLICATIVES = tuple(f for forms in lexicon.column("implicatives", "forms") for f in forms.split("|"))

_NUMWORD = "|".join(sorted([*UNITS, *TENS, *SCALES, "a", "and"], key=len, reverse=True))
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)

_DATE_DM = re.compile(
    rf"\b(\d{{1,2}})(?:(?:st|nd|rd|th)\s+of|st|nd|rd|th)?\s+({_MONTH})\.?(?:,?\s+(\d{{4}}))?\b", re.I
)  # "19 September", "19th September", "the 19th of September", "19 Sept. 2016"
_DATE_ISO = re.compile(r"\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")
# A month named alone after a preposition of time ("in October", "since March", "mid-June"): full names only.
_MONTH_ALONE = re.compile(
    r"\b(?i:in|since|until|till|by|during|early|late|mid|from|through|throughout|last|next|this|the|of)[\s-]+"
    r"(January|February|March|April|May|June|July|August|September|October|November|December)\b(?![\s,]+\d)"
)
_DATE_MD = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I)
_DATE_MY = re.compile(rf"\b({_MONTH})\s+(\d{{4}})\b", re.I)
_WEEKDAY_RE = re.compile(rf"\b({_WEEKDAY})s?\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DIGITS = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:(?:\s+|-)((?i:million|billion|thousand)))?(?![\w])"
)
# "£1.2bn", "$30m", "€5k": a figure with its scale abbreviated (a currency makes "m" millions, not metres).
_ABBREVIATED = re.compile(r"(?<![\w.,])([$£€]\s?)?(\d+(?:\.\d+)?)(bn|mn|m|k)\b", re.I)
_ORDINAL = re.compile(r"(?<![\w.,])(\d+)(?:st|nd|rd|th)\b")
_ORDINALS = {r["word"]: float(r["value"]) for r in lexicon.rows("ordinals")}
_ORDINAL_WORD = re.compile(rf"\bthe\s+({'|'.join(_ORDINALS)})\b(?![-\w])", re.I)
# Days of the month written as ordinal words ("the ninth of March", "August twenty-first"): the lexicon's
# ordinals up to the twentieth, and the rest formed by the English rule ("twenty-" + "first" ... "ninth").
_UNITS_ORDINAL = {w: int(v) for w, v in _ORDINALS.items() if v < 10}
_DAY_WORDS = (
    {w: int(v) for w, v in _ORDINALS.items() if v <= 20}
    | {f"twenty-{w}": 20 + v for w, v in _UNITS_ORDINAL.items()}
    | {"thirtieth": 30, "thirty-first": 31}
)
_DAY_WORD = "|".join(sorted(_DAY_WORDS, key=len, reverse=True))
_DATE_WORD_DM = re.compile(rf"\bthe\s+({_DAY_WORD})\s+of\s+({_MONTH})\b(?:,?\s+(\d{{4}})\b)?", re.I)
# "March ninth" only where the day ends a phrase ("in May first-quarter sales" names no day).
_DATE_WORD_MD = re.compile(
    rf"\b({_MONTH})\s+(?:the\s+)?({_DAY_WORD})\b(?![-\w])(?:,?\s+(\d{{4}})\b|(?=\s*(?:[,.;:)!?]|$)))", re.I
)
# A figure longer than this is an identifier or noise, not a count: it stays text (and never becomes inf).
MAX_DIGITS = 15
# "3,000 to 5,000", "3,000-5,000", "between 3,000 and 5,000": one quantity with two ends.
_RANGE_TAIL = re.compile(
    r"\s*(?:to|-|–|and)\s*(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+((?i:million|billion|thousand)))?\b"
)
# "1.", "2)" or a thread's "9/" opening a line or claim numbers a list item or post; it counts nothing.
_LIST_MARKER = re.compile(r"(?:^|\n)\s*\(?(\d{1,2})[.)/]\s")
_DETERMINERS = lexicon.words("function_words", "determiner")
_WORDS = re.compile(rf"\b((?:{_NUMWORD})(?:[\s-]+(?:{_NUMWORD}))*)\b", re.I)
_DURATION = re.compile(
    rf"\b(\d{{1,6}}(?:\.\d+)?|an|(?:{_NUMWORD})(?:[\s-]+(?:{_NUMWORD}))*)[\s-]+"
    rf"({_UNIT})s?(?:'|’)?(?![\w-]*old)\b",
    re.I,
)
_NEXT_NOUN = re.compile(r"\s*(?:-|\s)?([A-Za-z][A-Za-z.]*(?:-[a-z]+)*)")
_BOUND_BEFORE = re.compile(r"(" + "|".join(re.escape(b) for b in BOUNDS) + r")\s*[$£€¥]?\s*$", re.I)
_NEGATION = re.compile(
    r"(?:\b(?:"
    + "|".join(re.escape(n) for n in sorted({*NEGATIONS, *IMPLICATIVES} - {"n't"}, key=len, reverse=True))
    + r")\b|n[’']t\b)",
    re.I,
)
_CAPITALISED = re.compile(r"\b[A-Z][\w’'\-]*(?:\s+(?:al-|of\s+the\s+|of\s+|de\s+)?[A-Z][\w’'\-]*)*")
_ATTRIBUTION = [
    re.compile(r"\b[Aa]ccording to (?:the )?((?:[A-Z][\w\-’']*\s*){1,4})"),
    re.compile(r"((?:[A-Z][\w\-’']*\s+){0,3}[A-Z][\w\-’']*),?(?:\s+\w+(?:\s+\w+)?,)?(?:\s+who)?\s+(?:said|says|told|warned|added|stated|claimed|insisted|wrote|reported|called|described)\b"),
    re.compile(r"\b(?:said|says|told reporters|warned|added)\s+((?:[A-Z][\w\-’']*\s*){1,4})"),
]  # fmt: skip

# Unnamed speakers: "a Syrian army officer ... wrote", "a police source told".
SPEAKER_ROLES = (
    "officer", "official", "spokesman", "spokeswoman", "spokesperson", "source", "correspondent", "commander",
    "minister", "diplomat", "analyst", "resident", "witness", "doctor", "activist", "monitor", "envoy",
)  # fmt: skip
_ROLE_SPEAKER = re.compile(
    r"\b(?:an?|the)\s+((?:[\w-]+\s+){0,3}(?:" + "|".join(SPEAKER_ROLES) + r"))\b[^.;:]{0,60}?\s"
    r"(?:said|says|told|warned|added|wrote|posted|reported|insisted|claimed)\b",
    re.I,
)

# Spellings of the same country or organisation ("U.S." and "United States"): resources/lexicon/aliases.tsv.
ALIASES = {r["alias"]: r["canonical"] for r in lexicon.rows("aliases")}
# Capitalised words that open sentences or are titles, not names: resources/lexicon/title_words.tsv.
NOT_NAMES = frozenset(r["word"] for r in lexicon.rows("title_words") if r["kind"] in {"opener", "title"})


def parse_number_words(words: str) -> float | None:
    """Value of an English number phrase.

    >>> parse_number_words("nine thousand"), parse_number_words("twenty-three"), parse_number_words("a hundred")
    (9000.0, 23.0, 100.0)
    """
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t and t != "and"]
    if not tokens or tokens == ["a"]:
        return None
    total = current = 0.0
    seen = False
    for t in tokens:
        if t == "a":
            continue  # "a hundred" is one hundred (the scale does it); "a two-week" is two
        if t in UNITS:
            current += UNITS[t]
        elif t in TENS:
            current += TENS[t]
        elif t in SCALES:
            scale = SCALES[t]
            current = max(current, 1) * scale
            if scale >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


@cache
def _unit_names() -> dict[str, str]:
    return {r["written"]: r["unit"] for r in lexicon.rows("units")}


def _unit_after(text: str, end: int) -> str:
    """What the figure ending at ``end`` counts or measures, one name per unit ("700 m" and "620 metres" are
    both "metre"), so that two accounts writing a unit differently still compare.

    >>> _unit_after("sank in 40 m of water", 10), _unit_after("some 620 meters down", 8)
    ('metre', 'metre')
    """
    noun = _noun_after(text, end)
    return _unit_names().get(noun, noun)


def _noun_after(text: str, end: int) -> str:
    if re.match(r"\s*(?:%|per\s?cent\b)", text[end : end + 9], re.I):
        return "percent"  # "27%", "15 per cent": shares of the same whole compare
    m = _NEXT_NOUN.match(text, end)
    if not m:
        return ""
    word = m.group(1).lower()
    if word in _BOUND_WORDS:
        return ""  # "a magnitude 5.1 roughly two hours after": the next figure's bound, not a unit
    if word in {"of", "and", "or", "to", "the", "in", "on", "at", "by", "for", "from", "a", "an"}:
        # "62 of the soldiers", "two of its officers", "5,000 US military personnel": look further.
        m2 = re.match(
            # "1,900 of the city's homes": the possessor is not what is counted.
            r"\s*(?:of\s+)?(?:(?:" + "|".join(_DETERMINERS) + r")\s+)?(?:[A-Z][\w.]*\s+)?"
            r"(?:[A-Za-z][\w.-]*['’]s\s+)?([a-z][a-z\-]+)",
            text[m.end() :],
        )
        return _singular(m2.group(1)) if m2 else ""
    if word[0:1].isalpha() and text[m.start(1)].isupper():
        m2 = re.match(r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+([a-z][a-z\-]+)", text[m.start(1) :])
        return _singular(m2.group(1)) if m2 else ""
    # "six humanitarian corridors", "two police officers": a word that is not plural, then a plural noun,
    # is that noun's modifier; the noun is what is counted.
    nxt = _PLURAL_NEXT.match(text, m.end())
    if nxt and _singular(word) == word and _singular(nxt.group(1)) != nxt.group(1):
        return _singular(nxt.group(1))
    return _singular(word)


_PLURAL_NEXT = re.compile(r"\s+([a-z][a-z\-]*s)\b")


def _singular(word: str) -> str:
    if word.endswith(".") and "." not in word[:-1]:
        word = word[:-1]  # the sentence's full stop, not an abbreviation like "a.m."
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def bound_before(text: str, start: int) -> str:
    """The bound written just before position ``start`` ("at least", "about", ...), or ""."""
    m = _BOUND_BEFORE.search(text, max(0, start - 20), start)
    return m.group(1).lower() if m else ""


def find_dates(text: str) -> tuple[list[DateMention], list[tuple[int, int]]]:
    dates: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _DATE_ISO.finditer(text):
        dates.append(DateMention(m.group(0), int(m.group(3)), int(m.group(2)), int(m.group(1))))
        taken.append(m.span())
    for m in _DATE_DM.finditer(text):
        if m.group(2).lower() == "may" and not m.group(2)[0].isupper():
            continue  # "the 5 may ...": the verb
        if int(m.group(1)) <= 31 and free(m.start(), m.end()):
            year = int(m.group(3)) if m.group(3) else None
            dates.append(DateMention(m.group(0), int(m.group(1)), MONTHS[m.group(2).lower()], year))
            taken.append(m.span())
    for m in _DATE_MD.finditer(text):
        if int(m.group(2)) <= 31 and free(m.start(), m.end()):
            if m.group(1).lower() == "may" and not m.group(1)[0].isupper():
                continue
            year = int(m.group(3)) if m.group(3) else None
            dates.append(DateMention(m.group(0), int(m.group(2)), MONTHS[m.group(1).lower()], year))
            taken.append(m.span())
    for m in _DATE_WORD_DM.finditer(text):
        if free(m.start(), m.end()):
            year = int(m.group(3)) if m.group(3) else None
            day = _DAY_WORDS[m.group(1).lower()]
            dates.append(DateMention(m.group(0), day, MONTHS[m.group(2).lower()], year))
            taken.append(m.span())
    for m in _DATE_WORD_MD.finditer(text):
        if free(m.start(), m.end()) and m.group(1)[0].isupper():
            year = int(m.group(3)) if m.group(3) else None
            day = _DAY_WORDS[m.group(2).lower()]
            dates.append(DateMention(m.group(0), day, MONTHS[m.group(1).lower()], year))
            taken.append(m.span())
    for m in _DATE_MY.finditer(text):
        if free(m.start(), m.end()) and (m.group(1)[0].isupper()):
            dates.append(DateMention(m.group(0), None, MONTHS[m.group(1).lower()], int(m.group(2))))
            taken.append(m.span())
    for m in _MONTH_ALONE.finditer(text):
        if free(m.start(1), m.end(1)):
            dates.append(DateMention(m.group(1), month=MONTHS[m.group(1).lower()]))
            taken.append(m.span(1))
    for m in _WEEKDAY_RE.finditer(text):
        if free(m.start(), m.end()):
            dates.append(DateMention(m.group(0), weekday=m.group(1)))
            taken.append(m.span())
    for m in _YEAR.finditer(text):
        if free(m.start(), m.end()):
            dates.append(DateMention(m.group(0), year=int(m.group(1))))
            taken.append(m.span())
    return dates, taken


# "a few days", "several weeks": a count in words that allows a range (compared between linked claims only).
VAGUE_COUNTS = {"a couple of": (2.0, 3.0), "a few": (2.0, 4.0), "several": (3.0, 9.0)}
_FEW = re.compile(rf"\b(a\s+couple\s+of|a\s+few|several)\s+({_UNIT})s\b", re.I)
# "for hours", "lasted days", "weeks of talks": a unit in the plural without a count, so at least two of it
# (and fewer than the next unit's worth: see quantities.PLURAL_SPANS).
_PLURAL_UNIT = re.compile(
    r"\b(?:for|lasting|lasted|took|over)\s+(hours|days|weeks|months|years)\b"
    r"(?!\s+(?:ago|later|earlier|after|before|of\s+the)\b)"
    r"|\b(hours|days|weeks|months|years)\s+of\s+(?!the\b|this\b|that\b|it\b)[a-z-]+",
    re.I,
)
_COUNTED = re.compile(rf"(?:\d|\b(?:{_NUMWORD}|few|several|many|couple\s+of|of|the|those|these))\s*$", re.I)
# "and a half" after a duration ("an hour and a half", "two days and a half") adds half its unit.
_AND_HALF = re.compile(r"\s+and\s+a\s+half\b", re.I)
# "half an hour", "half a day": a half of one unit.
_HALF_OF = re.compile(rf"\bhalf[\s-]+(?:an?|one)[\s-]+({_UNIT})\b", re.I)
# "one and a half hours", "two and a half years": the half written before the unit.
_HALF_BEFORE = re.compile(
    rf"\b(\d{{1,6}}|an?|(?:{_NUMWORD})(?:[\s-]+(?:{_NUMWORD}))*?)\s+and\s+a\s+half[\s-]+"
    rf"({_UNIT})s?\b",
    re.I,
)


def find_durations(text: str, *, articles: bool = False) -> tuple[list[Duration], list[tuple[int, int]]]:
    """Durations with a figure ("three days"); with ``articles`` also "a day", "an hour" (too common in
    idioms like "twice a day" to be a fact of every claim, but worth comparing between linked claims).
    Halves count: "an hour and a half", "half an hour", "two and a half days".

    >>> [(d.value, d.unit) for d in find_durations("It took a day and a half, not half a week.")[0]]
    [(1.5, 'day'), (0.5, 'week')]
    """
    out: list[tuple[int, Duration]] = []
    spans: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in spans)

    for m in _HALF_BEFORE.finditer(text):
        whole = _figure(m.group(1), articles=True)
        if whole is not None:
            out.append((m.start(), Duration(whole + 0.5, m.group(2).lower(), m.group(0).strip())))
            spans.append(m.span())
    for m in _FEW.finditer(text) if articles else ():
        low, _ = VAGUE_COUNTS[" ".join(m.group(1).lower().split())]
        out.append((m.start(), Duration(low, m.group(2).lower(), m.group(0).strip())))
        spans.append(m.span())
    for m in _PLURAL_UNIT.finditer(text) if articles else ():
        if free(m.start(), m.end()) and not _COUNTED.search(text[max(0, m.start() - 12) : m.start()]):
            unit = (m.group(1) or m.group(2)).lower()[:-1]
            out.append((m.start(), Duration(2.0, unit, m.group(0).strip())))
            spans.append(m.span())
    for m in _HALF_OF.finditer(text):
        if free(m.start(), m.end()):
            out.append((m.start(), Duration(0.5, m.group(1).lower(), m.group(0).strip())))
            spans.append(m.span())
    for m in _DURATION.finditer(text):
        if not free(m.start(), m.end()):
            continue
        half = _AND_HALF.match(text, m.end())
        if m.group(2).lower() == "second" and (
            not raw_figure(m.group(1)) or text[m.end() : m.end() + 1] == "-"
        ):
            continue  # "a second quake", "two second-half goals": an ordinal more often than a duration
        value = _figure(m.group(1), articles=articles or bool(half))
        if value is None:
            continue
        end = m.end()
        if half:
            value, end = value + 0.5, half.end()
        out.append((m.start(), Duration(value, m.group(2).lower(), text[m.start() : end].strip())))
        spans.append((m.start(), end))
    out.sort(key=lambda sd: sd[0])
    return [d for _, d in out], spans


def raw_figure(raw: str) -> bool:
    """Whether a duration's count is written as a figure or a number word other than "a", "an", "one"."""
    return raw.lower() not in {"a", "an", "one"}


def _figure(raw: str, *, articles: bool) -> float | None:
    """The count of units a duration gives: digits, number words, or "a"/"an" (one) when ``articles``."""
    if raw.lower() in {"a", "an"}:
        return 1.0 if articles else None  # "a day ahead", "an hour later"
    return float(raw) if raw[0].isdigit() else parse_number_words(raw)


_AMOUNT_VERBS = {r["verb"]: r["bound"] for r in lexicon.rows("amount_verbs")}
# "Casualties passed 200", "the number of people evacuated rose to 3,000": what is counted is named before
# the verb that gives its figure (resources/lexicon/amount_verbs.tsv), not after the figure.
_COUNTED_BEFORE = re.compile(
    r"(?:\b(?:number|count|total|tally)\s+of\s+(?P<of>[a-z][a-z-]+)(?:\s+[A-Za-z]+){0,3}"
    r"|\b(?P<subject>[A-Za-z][a-z-]+s)(?:\s+(?:to|of|for|in|at|on|from)\s+(?:the\s+|a\s+)?(?:[a-z-]+|[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}))?)"
    r"\s+(?:(?:has|have|had)\s+)?(?:now\s+|already\s+)?"
    r"(?P<verb>" + "|".join(sorted((re.escape(v) for v in _AMOUNT_VERBS), key=len, reverse=True)) + r")\s*$",
)
_AFTER_FIGURE = re.compile(
    r"\s*(?:$|[,.;:!?)]|(?:by|in|on|at|for|from|as|since|after|before|last|this)\b)", re.I
)


def _counted_before(text: str, start: int, end: int, unit: str, bound: str) -> tuple[str, str]:
    """The unit and bound of a figure whose counted noun comes before its verb ("casualties passed 200":
    "casualty", "more than"), when nothing it counts follows the figure; else ``unit`` and ``bound``."""
    if unit and not _AFTER_FIGURE.match(text, end):
        return unit, bound
    m = _COUNTED_BEFORE.search(text[max(0, start - 80) : start])
    if not m:
        return unit, bound
    noun = (m.group("of") or m.group("subject")).lower()
    if noun in _DETERMINERS or noun in _BOUND_WORDS:
        return unit, bound
    return _singular(noun), bound or _AMOUNT_VERBS[m.group("verb")]


def find_numbers(text: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    out: list[tuple[int, Quantity]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    markers = [m.span(1) for m in _LIST_MARKER.finditer(text)]
    for m in _FRACTION.finditer(text):
        share = _share(m)
        if share is not None and free(m.start(), m.end()):
            # "a third of the ice", "one in four voters": a share, compared with percentages of the same whole.
            out.append((m.start(), Quantity(share, m.group(1), bound_before(text, m.start()), "percent")))
            taken.append(m.span(1))
    for m in _OUT_OF.finditer(text):
        n, whole = _small(m.group(1)), _small(m.group(2))
        if n and whole and n < whole and free(m.start(), m.end()):
            # "four out of five voters", "3 in 10": a share, like "one in four".
            out.append(
                (m.start(), Quantity(100 * n / whole, m.group(0), bound_before(text, m.start()), "percent"))
            )
            taken.append(m.span())
    for m in _DOZEN.finditer(text):
        if free(m.start(), m.end()):
            # "a dozen", "half a dozen", "two dozen": a round count, read as a range (see ``interval``).
            value = 6.0 if m.group(1) else 12.0 * (_small(m.group(2)) or 1)
            out.append((m.start(), Quantity(value, m.group(0), "between", _unit_after(text, m.end()))))
            taken.append(m.span())
    for m in _ABBREVIATED.finditer(text):
        if not free(m.start(), m.end()):
            continue
        taken.append(m.span())  # "1.2m" is never the count "1" (nor "4m" of a wall a count of four)
        suffix = m.group(3).lower()
        if suffix != "bn" and not m.group(1):
            continue  # "4m", "5k" without a currency are metres or kilometres as often as millions
        scale = {"bn": "billion", "m": "million", "mn": "million", "k": "thousand"}[suffix]
        value = _digits_value(m.group(2), scale)
        if value is not None:
            shown = m.group(0)[len(m.group(1) or "") :]
            unit = _unit_after(text, m.end())
            out.append((m.start(), Quantity(value, shown, bound_before(text, m.start()), unit)))
    for m in _DIGITS.finditer(text):
        if not free(m.start(), m.end()) or any(a <= m.start() < b for a, b in markers):
            continue
        value = _digits_value(m.group(1), m.group(2))
        if value is None:
            continue
        bound, end, shown = bound_before(text, m.start()), m.end(), m.group(0)
        if re.search(r"[A-Za-z][-–]$", text[max(0, m.start() - 2) : m.start()]):
            continue  # "S-300", "F-16": a model name, not a count
        tail = _RANGE_TAIL.match(text, m.end())
        if tail and tail.group(0).strip().startswith("and"):
            tail = (
                tail if re.search(r"\bbetween\s+$", text[max(0, m.start() - 9) : m.start()], re.I) else None
            )
        if tail:
            high = _digits_value(tail.group(1), tail.group(2) or m.group(2))
            if high is not None and high > value:
                # "3,000 to 5,000": the range is one quantity; its ends are read back by ``interval``.
                bound, end, shown = "between", tail.end(), text[m.start() : tail.end()]
                if not m.group(2) and tail.group(2):
                    value *= SCALES[tail.group(2).lower()]
        unit, bound = _counted_before(text, m.start(), end, _unit_after(text, end), bound)
        out.append((m.start(), Quantity(value, shown, bound, unit)))
        taken.append((m.start(), end))
    for m in _ORDINAL.finditer(text):
        # "the 59th minute", "the 21st edition": a rank, compared like a count of the noun that follows.
        if free(m.start(), m.end()) and len(m.group(1)) <= 4:
            out.append((m.start(), Quantity(float(m.group(1)), m.group(0), "", _unit_after(text, m.end()))))
            taken.append(m.span())
    for m in _ORDINAL_WORD.finditer(text):
        # "the third own goal": a rank spelled out, only after "the" and before a noun (not "at first").
        unit = _unit_after(text, m.end())
        if free(m.start(1), m.end()) and unit:
            out.append((m.start(1), Quantity(_ORDINALS[m.group(1).lower()], m.group(1), "", unit)))
            taken.append((m.start(1), m.end()))
    for m in _WORDS.finditer(text):
        phrase = m.group(1)
        if not free(m.start(), m.end()) or phrase.lower() in {"a", "and", "a and"}:
            continue
        phrase = re.sub(r"^(?:a|and)[\s-]+", "", phrase, flags=re.I)
        phrase = re.sub(r"[\s-]+(?:a|and)$", "", phrase, flags=re.I)
        if phrase.lower() in {"a", "and", ""}:
            continue
        if phrase.lower() in SCALES and not m.group(1).lower().startswith("a "):
            continue  # "$85.6-million", "millions of": a scale without its figure is not a count
        value = parse_number_words(phrase)
        if value is None:
            continue
        if phrase.lower() == "one" and not re.match(r"\s+[a-z]+s\b", text[m.end() :]):
            continue  # "one of", "no one": a pronoun more often than a count
        start = m.start() + m.group(1).lower().find(phrase.lower())
        end = start + len(phrase)
        unit, bound = _counted_before(text, start, end, _unit_after(text, end), bound_before(text, start))
        out.append((start, Quantity(value, phrase, bound, unit)))
        taken.append((start, end))
    out.sort(key=lambda sq: sq[0])
    return [q for _, q in out]


# "2:32 p.m.", "14:05", "4.15am", "22.45 GMT", "2245 UTC": a time of day (a dot or four digits only with
# a.m./p.m. or a zone, else it is a decimal or a count).
_TIME = re.compile(
    r"(?<![\w.:])([01]?\d|2[0-3])(?::([0-5]\d)|\.([0-5]\d)(?=\s*(?:[ap]\.?m\b|(?-i:[A-Z]{2,4}T|UTC|GMT)\b))"
    r"|(?<=[012]\d)([0-5]\d)(?=\s+(?-i:[A-Z]{2,4}T|UTC|GMT)\b))"
    r"(?:\s*([ap])\.?m\.?(?![a-z]))?(?:\s+((?:local\s+time|(?-i:[A-Z]{2,4}T|UTC|GMT))))?",
    re.I,
)
TIME_OF_DAY = "time of day"
# "shortly after 2:30", "just before noon": a time written as a bound.
_TIME_BOUND = re.compile(
    r"\b(?:(?:shortly|just|soon|right)\s+)?(after|before|around|about|at\s+about)\s*$", re.I
)


def find_times(text: str) -> list[Quantity]:
    """Times of day ("2:32 p.m. EDT", "14:05", "shortly after 2:30", "half past two in the morning", "3
    a.m.", "noon"), compared by quantities.times. They are not among a claim's numbers: the hour and the
    minute stay two figures there, as the link scores expect.

    >>> [(q.value, q.bound) for q in find_times("It began at 2:32 p.m., shortly after 2:30.")]
    [(872.0, ''), (150.0, 'more than')]
    >>> [(q.value, q.bound) for q in find_times("It struck at about half past two in the morning.")]
    [(150.0, 'about')]
    """
    return [q for _, _, q in time_spans(text)]


@per_text
def time_spans(text: str) -> list[tuple[int, int, Quantity]]:
    """(start, end, time) of every time of day in ``text``, in reading order."""
    out = [(m.start(), m.end(), _time_of_day(text, m)) for m in _TIME.finditer(text)]
    for m in _WORD_TIME.finditer(text):
        start = m.start("h4") if m.group("h4") else m.start()
        if any(start < e and s < m.end() for s, e, _ in out):
            continue
        q = _word_time(text, m, start)
        if q is not None:
            out.append((start, m.end(), q))
    return sorted(out, key=lambda x: x[0])


def _time_of_day(text: str, m: re.Match[str]) -> Quantity:
    """A time of day as minutes after midnight; its zone, when written, is kept in the shown text. Without
    a.m. or p.m. an hour up to 12 stays ambiguous (``time_minutes`` compares it modulo twelve hours)."""
    hour, minute = int(m.group(1)), int(m.group(2) or m.group(3) or m.group(4))
    half = (m.group(5) or "").lower()
    shown = m.group(0).strip()
    part = _DAYPART.match(text, m.end()) if not half and not m.group(6) else None
    if part and hour <= 12:
        # "2:30 in the morning" is 2:30 a.m.
        half, shown = _daypart_half(part.group(1), hour), text[m.start() : part.end()].strip()
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    return Quantity(float(hour * 60 + minute), shown, _time_bound(text, m.start()), TIME_OF_DAY)


def _time_bound(text: str, start: int) -> str:
    bound = _TIME_BOUND.search(text, max(0, start - 20), start)
    return (
        {"after": "more than", "before": "fewer than"}.get(bound.group(1).lower(), "about") if bound else ""
    )


# Times in words: "half past two", "a quarter to six", "ten o'clock", "3 a.m.", "two in the morning", "noon".
_CLOCK_HOUR = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|1[0-2]|0?[1-9]"
_DAYPART = re.compile(r"\s+(in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b", re.I)
_WORD_TIME = re.compile(
    rf"\b(?:(?P<min>(?:a\s+)?quarter|half|twenty[\s-]five|twenty|ten|five|\d{{1,2}}\s+minutes)\s+"
    rf"(?P<rel>past|to)\s+(?P<h1>{_CLOCK_HOUR})(?:\s+o['’]clock)?\b"
    rf"|(?P<h2>{_CLOCK_HOUR})\s+o['’]clock\b"
    rf"|(?P<h3>1[0-2]|0?[1-9])\s*(?P<ap>[ap])\.?m\b\.?"
    rf"|(?:at|about|around|by|until|till|before|after)\s+(?P<h4>{_CLOCK_HOUR})(?=\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b)"
    rf"|(?P<noon>noon|midday|midnight)\b)"
    rf"(?:\s+(?P<part>in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b)?"
    rf"(?:\s+(?P<zone>local\s+time|(?-i:[A-Z]{{2,4}}T|UTC|GMT))\b)?",
    re.I,
)
_MINUTE_WORDS = {
    "quarter": 15, "a quarter": 15, "half": 30, "twenty five": 25, "twenty": 20, "ten": 10, "five": 5,
}  # fmt: skip


def _daypart_half(part: str, hour: int) -> str:
    """ "in the morning" is a.m.; "in the afternoon", "in the evening" p.m.; "at night" p.m. from six on."""
    part = " ".join(part.lower().split())
    if part == "in the morning":
        return "a"
    if part == "at night":
        return "p" if 6 <= hour < 12 else "a"
    return "p"


def _word_time(text: str, m: re.Match[str], start: int) -> Quantity | None:
    """A time of day written in words, as minutes after midnight (see ``_time_of_day``)."""
    if m.group("noon"):
        return Quantity(0.0 if m.group("noon").lower() == "midnight" else 720.0, text[start : m.end()].strip(),
                        _time_bound(text, start), TIME_OF_DAY)  # fmt: skip
    raw = m.group("h1") or m.group("h2") or m.group("h3") or m.group("h4")
    hour = int(raw) if raw.isdigit() else int(UNITS.get(raw.lower(), TENS.get(raw.lower(), 0)))
    if not 1 <= hour <= 12:
        return None
    minute = 0
    if m.group("min"):
        words = " ".join(m.group("min").lower().replace("-", " ").split())
        minute = _MINUTE_WORDS[words] if words in _MINUTE_WORDS else int(words.split()[0])
        if m.group("rel").lower() == "to":
            if words not in {"quarter", "a quarter"} and "minutes" not in words:
                return None  # "ten to two" reads as a range of counts as often as a time
            hour, minute = hour - 1, 60 - minute
    half = (m.group("ap") or "").lower()
    if not half and m.group("part"):
        half = _daypart_half(m.group("part"), hour)
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    return Quantity(
        float(hour * 60 + minute), text[start : m.end()].strip(), _time_bound(text, start), TIME_OF_DAY
    )


_FRACTIONS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0}
_FRACTION = re.compile(
    r"\b((?:a|one|two|three|four)[\s-]+(half|thirds?|quarters?|fifths?|tenths?)(?=\s+of\b)|half(?=\s+of\b)|one\s+in\s+(\w+))(?:\s+of\b)?",
    re.I,
)


def _share(m: re.Match[str]) -> float | None:
    """The percentage a fraction phrase gives: "two-thirds" 66.7, "a quarter" 25, "one in four" 25."""
    if m.group(3):
        n = float(m.group(3)) if m.group(3).isdigit() else parse_number_words(m.group(3))
        return 100 / n if n else None
    if not m.group(2):
        return 50.0  # "half of"
    count = m.group(1).split()[0].split("-")[0].lower()
    times = 1.0 if count in {"a", "one"} else float(UNITS[count])
    return times * _FRACTIONS[m.group(2).lower().rstrip("s")]


def _digits_value(digits: str, scale: str | None) -> float | None:
    if len(digits.replace(",", "").replace(".", "")) > MAX_DIGITS:
        return None
    value = float(digits.replace(",", ""))
    if scale:
        value *= SCALES[scale.lower()]
    return value if math.isfinite(value) else None


# "dozens of", "hundreds of", "tens of thousands of": counts of a scale without a figure. The usual reading
# of each (twenty-four up to the next scale); wide at the top, as writers round up.
VAGUE_SCALES = {
    "dozens": (24.0, 199.0), "scores": (40.0, 199.0), "hundreds": (200.0, 1_999.0),
    "thousands": (2_000.0, 99_999.0), "tens of thousands": (20_000.0, 199_999.0),
    "hundreds of thousands": (200_000.0, 1_999_999.0), "millions": (2_000_000.0, 999_999_999.0),
}  # fmt: skip
_VAGUE_SCALE = re.compile(
    r"\b((?:tens|hundreds)\s+of\s+thousands|(?:dozens|scores|hundreds|thousands|millions)(?=\s+of\b))\b", re.I
)


_SMALL_NUMBER = r"\d{1,3}|" + "|".join(sorted([*UNITS, *TENS, "hundred"], key=len, reverse=True))
_OUT_OF = re.compile(
    rf"\b({_SMALL_NUMBER})\s+(?:out\s+of|in)\s+(?:every\s+)?({_SMALL_NUMBER})\b"
    rf"(?![.:,]\d|\s*%|\s+(?:per|percent|{_UNIT})s?\b)",
    re.I,
)
_DOZEN = re.compile(
    r"\b(?:(half)\s+a|(a|one|two|three|four|five|six|seven|eight|nine|ten))\s+dozen\b(?!s)", re.I
)
DOZEN_SLACK = 0.2  # "a dozen" is ten to fourteen


@per_text
def find_scales(text: str) -> list[Quantity]:
    """Counts of a scale without a figure ("hundreds of workers", "tens of thousands"), as ranges. Not among
    a claim's numbers: "thousands" on both sides is too loose to tie two claims together; quantities compares
    them with figures of linked claims only.

    >>> [(q.text, q.unit, interval(q)) for q in find_scales("Hundreds of workers walked out.")]
    [('Hundreds', 'worker', (200.0, 1999.0))]
    """
    out = []
    for m in _VAGUE_SCALE.finditer(text):
        low, _ = VAGUE_SCALES[" ".join(m.group(1).lower().split())]
        out.append(Quantity(low, m.group(1), "between", _unit_after(text, m.end(1))))
    return out


def _small(word: str) -> float | None:
    return float(word) if word.isdigit() else parse_number_words(word) if word.lower() != "a" else 1.0


def interval(q: Quantity) -> tuple[float, float]:
    """The values a quantity allows: "at least 19" is [19, inf), "about 4000" is 4000 give or take 10%.

    >>> interval(Quantity(3000, "3,000 to 5,000", "between")), interval(Quantity(19, "19", "at least"))
    ((3000.0, 5000.0), (19.0, inf))
    """
    v = q.value
    vague = VAGUE_SCALES.get(" ".join(q.text.lower().split())) if q.bound == "between" else None
    if vague:
        return vague
    if q.bound == "between" and _DOZEN.fullmatch(q.text):
        return (v * (1 - DOZEN_SLACK), v * (1 + DOZEN_SLACK))
    if q.bound == "between":
        ends = [_digits_value(d, None) for d in re.findall(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", q.text)]
        scale = next((SCALES[w] for w in re.findall(r"[a-z]+", q.text.lower()) if w in SCALES), 1)
        low, high = (ends + [None, None])[:2]
        if low is not None and high is not None:
            return (low * scale, high * scale)
        return (float(v), float(v))
    kind = BOUND_KINDS.get(q.bound, "about")
    if kind == "low":
        return (float(v), math.inf)
    if kind == "high":
        return (0.0, float(v))
    if kind == "near":
        return (v * 0.9, float(v))
    if q.bound:  # about, around, approximately, some, roughly, an estimated: within a tenth either way
        return (v * 0.9, v * 1.1)
    return (float(v), float(v))


def canonical_entity(name: str) -> str:
    """One spelling per country or organisation, from the lexicon's aliases ("the United States" -> "US").

    >>> canonical_entity("the United States"), canonical_entity("Port Ellis")
    ('US', 'Port Ellis')
    """
    key = name.lower().strip(" .,’'")
    key = re.sub(r"^the\s+", "", key)
    return ALIASES.get(key, name.strip(" .,’'"))


def known_names(document_text: str) -> frozenset[str]:
    """Words written capitalised in mid-sentence somewhere in a document: names, not sentence openers."""
    return frozenset(m.group(1) for m in re.finditer(r"(?<=[a-z,;] )([A-Z][\w’'\-]+)", document_text))


def find_entities(text: str, names: frozenset[str] | None = None) -> list[str]:
    seen: dict[str, None] = {}
    for m in _CAPITALISED.finditer(text):
        words = m.group(0).split()
        opener = not text[: m.start()].strip(" “\"‘'(")
        if opener and names is not None and words and words[0] not in names:
            words = words[1:]  # a capitalised sentence opener is a name only if the document says so
        while words and words[0] in NOT_NAMES:
            words = words[1:]
        while words and words[-1] in NOT_NAMES:
            words = words[:-1]
        if not words:
            continue
        name = " ".join(words)
        if len(name) < 2:
            continue
        seen[canonical_entity(name)] = None
    for m in re.finditer(r"(?<![\w.])(?:U\.S\.|U\.K\.|U\.N\.)|\b(?:US|UK|UN|ISIS|ISIL|IS)\b", text):
        seen[canonical_entity(m.group(0))] = None
    return list(seen)


def find_negations(text: str) -> list[str]:
    """Negation cues with the word that follows, as shown in reasons ("did not halt")."""
    out = []
    for m in _NEGATION.finditer(text):
        cue = m.group(0)
        if cue.lower() == "no" and re.match(r"-", text[m.end() : m.end() + 1]):
            continue  # "no-fly zone" is a thing, not a negation
        if cue.lower() in {"not"} and re.match(r"\s+only\b", text[m.end() :]):
            continue  # "not only ... but" affirms
        before = re.search(r"(\w+)\s*$", text[max(0, m.start() - 15) : m.start()])
        after = re.match(r"\s*([\w’'-]+)", text[m.end() :])
        phrase = " ".join(
            x for x in ((before.group(1) if before and cue.lower() in {"not", "n't", "n’t"} else ""), cue,
                        after.group(1) if after else "") if x
        )  # fmt: skip
        out.append(phrase.replace(" n't", "n't").replace(" n’t", "n’t"))
    return out


def find_speaker(text: str) -> str:
    m = _ROLE_SPEAKER.search(text)
    if m and not any(p.search(text[: m.start()]) for p in _ATTRIBUTION):
        return " ".join(m.group(1).split())
    for pattern in _ATTRIBUTION:
        m = pattern.search(text)
        if m:
            words = [w for w in m.group(1).split() if w not in NOT_NAMES and w[:1].isupper()]
            if words:
                return canonical_entity(" ".join(words[-2:]))
    return ""


_RELATIVE = re.compile(rf"\b(?:(last|next|this\s+past)\s+({_WEEKDAY})|(yesterday|today|tomorrow))\b", re.I)


def resolve_relative(text: str, written: str) -> list[DateMention]:
    """ "last Tuesday", "yesterday" as calendar dates, counted from the date the document was written
    (ISO "2016-10-24"; nothing when it is unknown or not a date).

    >>> [(d.day, d.month, d.year, d.weekday) for d in resolve_relative("halted last Tuesday", "2016-10-24")]
    [(18, 10, 2016, 'Tuesday')]
    """
    try:
        today = date.fromisoformat(written.strip()[:10])
    except ValueError:
        return []
    out = []
    for m in _RELATIVE.finditer(text):
        if m.group(3):
            day = today + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[m.group(3).lower()])
        else:
            target = WEEKDAYS.index(m.group(2).capitalize())
            if m.group(1).lower() == "next":
                day = today + timedelta(days=(target - today.weekday() - 1) % 7 + 1)
            else:
                day = today - timedelta(days=(today.weekday() - target - 1) % 7 + 1)
        out.append(DateMention(m.group(0), day.day, day.month, day.year, WEEKDAYS[day.weekday()]))
    return out


def extract(
    text: str,
    *,
    speaker: str = "",
    quoted: bool = False,
    names: frozenset[str] | None = None,
    written: str = "",
) -> Facts:
    """All the facts of one claim (``written``: the document's date, for "last Tuesday" and "yesterday").

    >>> f = extract("At least 62 Syrian soldiers were killed on 17 September, the ministry said.")
    >>> [(q.value, q.bound, q.unit) for q in f.numbers], [(d.day, d.month) for d in f.dates]
    ([(62.0, 'at least', 'soldier')], [(17, 9)])
    """
    dates, taken = find_dates(text)
    for resolved in resolve_relative(text, written) if written else []:
        # The resolved date replaces the bare weekday it was written with.
        dates = [d for d in dates if not (d.weekday and d.text in resolved.text and not d.day)] + [resolved]
    durations, dur_spans = find_durations(text)
    numbers = find_numbers(text, taken + dur_spans)
    return Facts(
        numbers=tuple(numbers),
        dates=tuple(dates),
        durations=tuple(durations),
        entities=tuple(find_entities(text, names)),
        negations=tuple(find_negations(text)),
        speaker=canonical_entity(speaker) if speaker else find_speaker(text),
        quoted=quoted or bool(re.search(r"[“\"][^”\"]{12,}[”\"]", text)),
    )
