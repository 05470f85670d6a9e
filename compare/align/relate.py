"""Say how two linked claims relate: agree, or contradict on a checkable point, always with the reasons.

Contradictions are local and concrete: a number, a date, a weekday, a duration, a negation, a speaker, an
opposite word. Anything else that is linked agrees; the reasons then say what the two have in common.
"""

from __future__ import annotations

import re

from compare.model import Claim, DateMention, Duration, Facts, Quantity, Relation
from compare.text.facts import ALIASES, MONTH_NAMES
from compare.text.normalize import content_tokens, fold

# Pairs of words whose swap turns a statement around. Kept short and general on purpose.
OPPOSITES = (
    ("success", "failure"), ("succeeded", "failed"), ("win", "lose"), ("won", "lost"), ("victory", "defeat"),
    ("increase", "decrease"), ("rose", "fell"), ("accepted", "rejected"), ("agreed", "refused"),
    ("confirmed", "denied"), ("accidental", "deliberate"), ("legal", "illegal"), ("peaceful", "violent"),
    ("strong", "weak"), ("halted", "resumed"), ("halted", "continued"), ("stopped", "continued"),
    ("open", "closed"), ("allowed", "blocked"), ("extended", "shortened"), ("withdrew", "advanced"),
    ("praised", "criticised"), ("praised", "condemned"), ("support", "oppose"), ("supported", "opposed"),
    ("welcomed", "condemned"), ("true", "false"), ("safe", "dangerous"), ("calm", "tense"),
    ("unilateral", "joint"), ("easy", "difficult"), ("ruled out", "considered"), ("shelved", "revived"),
    ("despondent", "upbeat"), ("pessimistic", "optimistic"), ("gloomy", "upbeat"), ("gloomy", "cheerful"),
    ("sombre", "cheerful"), ("hopeful", "hopeless"), ("worsened", "improved"), ("weakened", "strengthened"),
)  # fmt: skip

# Two numbers are "the same quantity" when they count the same thing; these units say little.
VAGUE_UNITS = {"", "and", "or", "in", "of", "per", "percent", "to"}


def _fmt_number(q: Quantity) -> str:
    return f"{q.bound} {q.text}".strip()


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _compatible_units(a: str, b: str) -> bool:
    return a == b or a in VAGUE_UNITS or b in VAGUE_UNITS


def _near(a: float, b: float) -> bool:
    """Within a factor of two and not tiny: small counts ("two", "three") are too common to compare blind."""
    low, high = sorted((abs(a), abs(b)))
    return low >= 20 and high <= 2 * low and not _close(a, b)


def _numbers(a: Facts, b: Facts, similar: bool) -> tuple[list[str], list[str]]:
    """(differences, shared) between the numbers of two claims."""
    diffs, same = [], []
    b_values = [q.value for q in b.numbers]
    for qa in a.numbers:
        if any(_close(qa.value, v) for v in b_values):
            same.append(qa.text)
            continue
        # The same unit with another value is a different count of the same thing.
        rivals = [qb for qb in b.numbers if qb.unit == qa.unit and qa.unit not in VAGUE_UNITS
                  and not any(_close(qb.value, x.value) for x in a.numbers)]  # fmt: skip
        if not rivals and similar and len(a.numbers) == 1 and len(b.numbers) == 1:
            rivals = [qb for qb in b.numbers if not _close(qb.value, qa.value)]
        if not rivals:
            # A count of unstated things close in size to one on the other side ("1.3 million" vs
            # "1.5 million people") is the same figure reported differently; far apart, it is another figure.
            rivals = [qb for qb in b.numbers if _compatible_units(qa.unit, qb.unit) and _near(qa.value, qb.value)
                      and not any(_close(qb.value, x.value) for x in a.numbers)]  # fmt: skip
        for qb in rivals[:1]:
            diffs.append(f"number differs: {_fmt_number(qa)} vs {_fmt_number(qb)}")
    return diffs, same


def _date_text(d: DateMention) -> str:
    if d.day and d.month:
        return f"{d.day} {MONTH_NAMES[d.month]}" + (f" {d.year}" if d.year else "")
    return d.text


def _dates(a: Facts, b: Facts) -> tuple[list[str], list[str]]:
    diffs, same = [], []
    a_days = [d for d in a.dates if d.day and d.month]
    b_days = [d for d in b.dates if d.day and d.month]
    if a_days and b_days:
        shared = [d for d in a_days if any((d.day, d.month) == (e.day, e.month) for e in b_days)]
        same += [_date_text(d) for d in shared]
        if not shared:
            diffs.append(f"date differs: {_date_text(a_days[0])} vs {_date_text(b_days[0])}")
    a_week = {d.weekday for d in a.dates if d.weekday}
    b_week = {d.weekday for d in b.dates if d.weekday}
    if a_week and b_week:
        if a_week & b_week:
            same += sorted(a_week & b_week)
        else:
            diffs.append(f"weekday differs: {sorted(a_week)[0]} vs {sorted(b_week)[0]}")
    a_my = {(d.month, d.year) for d in a.dates if d.month and d.year and not d.day}
    b_my = {(d.month, d.year) for d in b.dates if d.month and d.year and not d.day}
    if a_my and b_my and not a_my & b_my:
        (ma, ya), (mb, yb) = sorted(a_my)[0], sorted(b_my)[0]
        diffs.append(f"date differs: {MONTH_NAMES[ma]} {ya} vs {MONTH_NAMES[mb]} {yb}")
    return diffs, same


def _durations(a: Facts, b: Facts) -> list[str]:
    diffs = []
    for da in a.durations:
        rivals: list[Duration] = [
            db for db in b.durations if db.unit == da.unit and not _close(db.value, da.value)
        ]
        same = [db for db in b.durations if db.unit == da.unit and _close(db.value, da.value)]
        if rivals and not same:
            diffs.append(f"duration differs: {da.text} vs {rivals[0].text}")
    return diffs


def _negation(a: Claim, b: Claim) -> list[str]:
    na, nb = a.facts.negations, b.facts.negations
    if bool(na) == bool(nb):
        return []
    negated, plain = (na, b) if na else (nb, a)
    # Only when the negated word (or its stem) is also in the other claim: the same statement turned round.
    plain_stems = set(content_tokens(plain.text))
    for cue in negated:
        words = re.findall(r"[\w’']+", cue)
        target = words[-1] if words else ""
        stems = content_tokens(target)
        if stems and stems[0] in plain_stems:
            shown = _word_with_stem(plain.text, stems[0])
            left, right = (cue, shown) if na else (shown, cue)
            return [f"negation: '{left}' vs '{right}'"]
    return []


def _word_with_stem(text: str, stem_: str) -> str:
    for m in re.finditer(r"[\w’'-]+", text):
        toks = content_tokens(m.group(0))
        if toks and toks[0] == stem_:
            return m.group(0)
    return stem_


def _is_person(name: str) -> bool:
    # Countries and organisations ("US", "Russia") speak through people; only people are compared.
    return bool(name) and name not in set(ALIASES.values()) and not name.isupper()


def _speaker(a: Facts, b: Facts) -> tuple[list[str], list[str]]:
    if not (a.speaker and b.speaker):
        return [], []
    wa, wb = set(a.speaker.lower().split()), set(b.speaker.lower().split())
    if wa & wb:
        return [], [f"same speaker: {b.speaker}"]
    mentioned = any(wa & set(e.lower().split()) for e in b.entities) or any(
        wb & set(e.lower().split()) for e in a.entities
    )
    if _is_person(a.speaker) and _is_person(b.speaker) and not mentioned:
        return [f"speaker differs: {a.speaker} vs {b.speaker}"], []
    return [], []


def _opposites(a: Claim, b: Claim) -> list[str]:
    ta, tb = fold(a.text), fold(b.text)
    for x, y in OPPOSITES:
        for p, q in ((x, y), (y, x)):
            if re.search(rf"\b{p}\b", ta) and re.search(rf"\b{q}\b", tb) and not re.search(rf"\b{p}\b", tb) \
                    and not re.search(rf"\b{q}\b", ta):  # fmt: skip
                return [f"characterisation differs: '{p}' vs '{q}'"]
    return []


def relate(a: Claim, b: Claim, score: float, *, similar: bool) -> tuple[Relation, tuple[str, ...]]:
    """The relation of two linked claims and the reasons for it.

    ``similar`` says the two are close in wording, which lets a lone number on each side be compared
    even when the text does not say what it counts.

    >>> from compare.text.facts import extract
    >>> x = Claim("d0:c1", "d0", 0, 40, "US jets killed 62 Syrian soldiers.", extract("US jets killed 62 Syrian soldiers."))
    >>> y = Claim("d1:c1", "d1", 0, 40, "US jets killed 80 Syrian soldiers.", extract("US jets killed 80 Syrian soldiers."))
    >>> relate(x, y, 0.9, similar=True)
    (<Relation.CONTRADICT: 'contradict'>, ('number differs: 62 vs 80',))
    """
    diffs: list[str] = []
    same: list[str] = []
    d, s = _numbers(a.facts, b.facts, similar)
    diffs += d
    if s:
        same.append("same numbers: " + ", ".join(s))
    d, s = _dates(a.facts, b.facts)
    diffs += d
    if s:
        same.append("same date: " + ", ".join(s))
    diffs += _durations(a.facts, b.facts)
    diffs += _negation(a, b)
    d, s = _speaker(a.facts, b.facts)
    diffs += d
    same += s
    diffs += _opposites(a, b)
    if diffs:
        return Relation.CONTRADICT, tuple(diffs)
    shared = [e for e in a.facts.entities if e in set(b.facts.entities)]
    if shared:
        same.append("shared names: " + ", ".join(shared[:4]))
    same.append(f"wording {round(score * 100)}% similar")
    return Relation.AGREE, tuple(same)
