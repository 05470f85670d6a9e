"""Checkable facts of a claim: numbers, dates, durations, names, negation and who says it.

These are what two accounts can agree or differ on, so each keeps the words as written (for the reasons
shown to the user) and a normalised value (for comparing).
"""

from __future__ import annotations

import re

from compare.model import DateMention, Duration, Facts, Quantity

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
DURATION_UNITS = {"minute", "hour", "day", "week", "month", "year", "night", "decade"}

BOUNDS = (
    "at least", "more than", "over", "nearly", "almost", "about", "around", "approximately", "some",
    "up to", "fewer than", "less than", "at most", "roughly", "an estimated", "estimated",
)  # fmt: skip

NEGATIONS = (
    "not", "no", "never", "n't", "none", "nobody", "nothing", "neither", "nor", "denied",
    "denies", "deny", "refused", "refuses", "refuse", "rejected", "rejects", "failed to", "cannot",
)  # fmt: skip

_NUMWORD = "|".join(sorted([*UNITS, *TENS, *SCALES, "a", "and"], key=len, reverse=True))
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)

_DATE_DM = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?(?:,?\s+(\d{{4}}))?\b", re.I)
_DATE_MD = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I)
_DATE_MY = re.compile(rf"\b({_MONTH})\s+(\d{{4}})\b", re.I)
_WEEKDAY_RE = re.compile(rf"\b({_WEEKDAY})s?\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DIGITS = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(million|billion|thousand))?(?![\w])"
)
_WORDS = re.compile(rf"\b((?:{_NUMWORD})(?:[\s-]+(?:{_NUMWORD}))*)\b", re.I)
_DURATION = re.compile(
    rf"\b(\d+(?:\.\d+)?|(?:{_NUMWORD})(?:[\s-]+(?:{_NUMWORD}))*)[\s-]+"
    r"(minute|hour|day|week|month|year|night|decade)s?(?:'|’)?(?![\w-]*old)\b",
    re.I,
)
_NEXT_NOUN = re.compile(r"\s*(?:-|\s)?([A-Za-z][A-Za-z.]*(?:-[a-z]+)*)")
_BOUND_BEFORE = re.compile(r"(" + "|".join(re.escape(b) for b in BOUNDS) + r")\s*$", re.I)
_NEGATION = re.compile(
    r"(?:\b(?:" + "|".join(re.escape(n) for n in NEGATIONS if n != "n't") + r")\b|n[’']t\b)", re.I
)
_CAPITALISED = re.compile(r"\b[A-Z][\w’'\-]*(?:\s+(?:al-|of\s+the\s+|of\s+|de\s+)?[A-Z][\w’'\-]*)*")
_ATTRIBUTION = [
    re.compile(r"\baccording to (?:the )?((?:[A-Z][\w\-’']*\s*){1,4})"),
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

# Spellings of the same entity, so that "U.S." and "United States" or "Daesh" and "ISIS" overlap.
ALIASES = {
    "u.s.": "US", "u.s": "US", "us": "US", "usa": "US", "united states": "US", "america": "US",
    "washington": "US", "uk": "UK", "u.k.": "UK", "britain": "UK", "united kingdom": "UK",
    "daesh": "ISIS", "isil": "ISIS", "islamic state": "ISIS", "is": "ISIS", "isis": "ISIS",
    "un": "UN", "u.n.": "UN", "united nations": "UN", "moscow": "Russia", "kremlin": "Russia",
    "damascus": "Syria", "nusra": "Jabhat Fateh al-Sham", "al-nusra": "Jabhat Fateh al-Sham",
    "jfs": "Jabhat Fateh al-Sham", "jabhat al-nusra": "Jabhat Fateh al-Sham",
    "deir ezzor": "Deir ez-Zor", "deir-ezzor": "Deir ez-Zor", "deir ez-zor": "Deir ez-Zor",
    "deir al-zor": "Deir ez-Zor", "wwii": "World War II", "world war two": "World War II",
}  # fmt: skip
# Capitalised words that begin sentences or are titles, not names.
NOT_NAMES = frozenset(
    """
    The A An As So But And Or If In On At By For From With Of To This That These Those It Its He She
    They We I You His Her Their Our My Your Mr Mrs Ms Dr Gen General President Minister Secretary
    Foreign There Here When While Where What Who Why How After Before During Since Until Although Though
    Yet Still Also Even Just Only Now Then Perhaps Instead Meanwhile However Moreover Furthermore Oddly
    Some Many Most All Any No Not Such Last Next First Second Third One Two Three Four Five Six Seven
    Eight Nine Ten Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Sept Oct Nov Dec Jan Feb Aug Apr Jun Jul
    """.split()  # noqa: SIM905 - a word list reads better as words
)


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
            current = max(current, 1)
            continue
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


def _unit_after(text: str, end: int) -> str:
    m = _NEXT_NOUN.match(text, end)
    if not m:
        return ""
    word = m.group(1).lower()
    if word in {"of", "and", "or", "to", "the", "in", "on", "at", "by", "for", "from", "a", "an"}:
        # "62 of the soldiers", "5,000 US military personnel": look one or two words further.
        m2 = re.match(r"\s*(?:of\s+)?(?:the\s+)?(?:[A-Z][\w.]*\s+)?([a-z][a-z\-]+)", text[m.end() :])
        return _singular(m2.group(1)) if m2 else ""
    if word[0:1].isalpha() and text[m.start(1)].isupper():
        m2 = re.match(r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+([a-z][a-z\-]+)", text[m.start(1) :])
        return _singular(m2.group(1)) if m2 else ""
    return _singular(word)


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _bound_before(text: str, start: int) -> str:
    m = _BOUND_BEFORE.search(text, max(0, start - 20), start)
    return m.group(1).lower() if m else ""


def find_dates(text: str) -> tuple[list[DateMention], list[tuple[int, int]]]:
    dates: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _DATE_DM.finditer(text):
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
    for m in _DATE_MY.finditer(text):
        if free(m.start(), m.end()) and (m.group(1)[0].isupper()):
            dates.append(DateMention(m.group(0), None, MONTHS[m.group(1).lower()], int(m.group(2))))
            taken.append(m.span())
    for m in _WEEKDAY_RE.finditer(text):
        if free(m.start(), m.end()):
            dates.append(DateMention(m.group(0), weekday=m.group(1)))
            taken.append(m.span())
    for m in _YEAR.finditer(text):
        if free(m.start(), m.end()):
            dates.append(DateMention(m.group(0), year=int(m.group(1))))
            taken.append(m.span())
    return dates, taken


def find_durations(text: str) -> tuple[list[Duration], list[tuple[int, int]]]:
    out: list[Duration] = []
    spans: list[tuple[int, int]] = []
    for m in _DURATION.finditer(text):
        raw = m.group(1)
        value = float(raw) if raw[0].isdigit() else parse_number_words(raw)
        if value is None:
            continue
        out.append(Duration(value, m.group(2).lower(), m.group(0).strip()))
        spans.append(m.span())
    return out, spans


def find_numbers(text: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    out: list[tuple[int, Quantity]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _DIGITS.finditer(text):
        if not free(m.start(), m.end()):
            continue
        value = float(m.group(1).replace(",", ""))
        if m.group(2):
            value *= SCALES[m.group(2).lower()]
        if re.match(r"[-–]\d", text[m.end() : m.end() + 2]) or text[m.start() - 1 : m.start()] in "-–/":
            pass  # part of a range or a name like "S-300": still a number, as written
        out.append(
            (
                m.start(),
                Quantity(value, m.group(0), _bound_before(text, m.start()), _unit_after(text, m.end())),
            )
        )
        taken.append(m.span())
    for m in _WORDS.finditer(text):
        phrase = m.group(1)
        if not free(m.start(), m.end()) or phrase.lower() in {"a", "and", "a and"}:
            continue
        phrase = re.sub(r"^(?:a|and)[\s-]+", "", phrase, flags=re.I)
        phrase = re.sub(r"[\s-]+(?:a|and)$", "", phrase, flags=re.I)
        if phrase.lower() in {"a", "and", ""}:
            continue
        value = parse_number_words(phrase)
        if value is None:
            continue
        if phrase.lower() == "one" and not re.match(r"\s+[a-z]+s\b", text[m.end() :]):
            continue  # "one of", "no one": a pronoun more often than a count
        start = m.start() + m.group(1).lower().find(phrase.lower())
        end = start + len(phrase)
        out.append((start, Quantity(value, phrase, _bound_before(text, start), _unit_after(text, end))))
        taken.append((start, end))
    out.sort(key=lambda sq: sq[0])
    return [q for _, q in out]


def canonical_entity(name: str) -> str:
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


def extract(
    text: str, *, speaker: str = "", quoted: bool = False, names: frozenset[str] | None = None
) -> Facts:
    """All the facts of one claim.

    >>> f = extract("At least 62 Syrian soldiers were killed on 17 September, the ministry said.")
    >>> [(q.value, q.bound, q.unit) for q in f.numbers], [(d.day, d.month) for d in f.dates]
    ([(62.0, 'at least', 'soldier')], [(17, 9)])
    """
    dates, taken = find_dates(text)
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
