"""Typed single edits of real sentences: is each one found, in its own kind, and nothing else?

usage: python benchmarks/typed_edits.py [--per-kind N] [--no-semantic] [--shared DIR] [--json FILE]

The battery (``battery.py``) was written together with the relation rules, so it is a regression floor. This
is the independent check the issue asks for: it takes every base text of the development sets (and the seed
article when ``../shared/corpus`` is present), picks sentences mechanically, and makes one edit of one kind
in one sentence of an otherwise identical copy:

- number: a count changed (digits keep their format; a number word becomes another number word);
- date: the day of a day-month date, or the year of a month-year date, changed;
- negation: "not" inserted after the first auxiliary ("is", "has", "will", "could"...), or "did not" put
  before the first past-tense verb of an irregular-verb list;
- speaker: the person named with a reporting verb ("X said", "said X", "according to X") replaced by another
  person named in the same text.

Each edited copy is aligned with its original as a whole document, the way a user would compare them. An
edit is *found* when the edited sentence's link is a difference whose reason is of the edit's kind. Every
other difference in that comparison is *extra*. Controls, made the same way, must read as agreement: the
number written another way ("4000" / "4,000", "three" / "3"), the day-month order swapped, a contraction
expanded, the speaker's first name dropped. The rule picks sentences and edits from their shape alone;
nothing here was written while reading any particular sentence.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devkit import load_devsets  # noqa: E402

from compare import workflows  # noqa: E402
from compare.align.relate import kind_of  # noqa: E402
from compare.model import AlignSettings, Comparison, Document, Relation  # noqa: E402
from compare.text import lexicon  # noqa: E402
from compare.text.segment import segment  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("number", "date", "negation", "speaker")
REASON_OF = {
    "number": ("number differs", "duration differs"),  # "three days" -> "five days" is a duration
    "date": ("date differs", "weekday differs"),
    "negation": ("negation differs",),
    "speaker": ("speaker differs", "actor differs"),
}
MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan\\.?|Feb\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?"
)
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
AUXILIARIES = "is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|do|did"
REPORTING = "said|says|told|added|warned|stated|announced|wrote|insisted|explained"
STARTERS = {"The", "He", "She", "It", "They", "We", "I", "This", "That", "As", "But", "And", "When", "While"}
NAME = rf"(?!(?:{'|'.join(STARTERS)})\b)[A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,2}}"
ORGANISATIONS = lexicon.words("title_words", "organisation")
# After these a capitalised word is a place or a body ("a source inside Mosul told"), not a speaker.
PLACE_WORDS = {"the", "in", "inside", "from", "at", "of", "to", "near", "within", "across"}


@dataclass(frozen=True)
class Edit:
    kind: str
    control: bool  # a control keeps the meaning: it must read as agreement
    start: int  # the edited sentence's span in the original
    end: int
    before: str
    after: str


def _past_forms() -> dict[str, str]:
    rows = lexicon.rows("irregular_verbs")
    return {r["form"]: r["base"] for r in rows if r["form"] != r["base"]}


PAST = _past_forms()


def _number_edit(s: str) -> tuple[str, str] | None:
    """(contradicting, control) versions of a sentence with one count changed, or None."""
    for m in re.finditer(r"(?<![\w:./-])(\d{1,3}(?:,\d{3})+|\d+)(?![\w:/]|\.\d)", s):
        digits = m.group(1)
        value = int(digits.replace(",", ""))
        around = s[max(0, m.start() - 12) : m.end() + 12]
        if 1900 <= value <= 2100 or re.search(MONTHS, around) or value == 0:
            continue  # a year or a date: the date edit's business
        changed = value + max(1, round(value * 0.3))
        new = f"{changed:,}" if "," in digits else str(changed)
        if value >= 1000 and "," not in digits:
            control = f"{value:,}"
        elif "," in digits:
            control = str(value)
        elif 2 <= value <= 12:
            control = NUMBER_WORDS[value - 2]
        else:
            control = ""  # no other way to write it that a reader would take as the same figure
        kept = s[: m.start()] + control + s[m.end() :] if control else ""
        return s[: m.start()] + new + s[m.end() :], kept
    for m in re.finditer(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", s):
        value = NUMBER_WORDS.index(m.group(1)) + 2
        new = NUMBER_WORDS[(value - 2 + 2) % len(NUMBER_WORDS)]
        return s[: m.start()] + new + s[m.end() :], s[: m.start()] + str(value) + s[m.end() :]
    return None


def _date_edit(s: str) -> tuple[str, str] | None:
    m = re.search(rf"\b(\d{{1,2}}) ({MONTHS})\b(?!,? \d{{1,2}}\b)", s)
    if m:
        day = int(m.group(1))
        new_day = day + 2 if day <= 26 else day - 2
        edited = s[: m.start(1)] + str(new_day) + s[m.end(1) :]
        control = s[: m.start()] + f"{m.group(2)} {day}" + s[m.end() :]
        return edited, control
    m = re.search(rf"\b({MONTHS}) (\d{{1,2}})\b(?!\d)", s)
    if m:
        day = int(m.group(2))
        new_day = day + 2 if day <= 26 else day - 2
        edited = s[: m.start(2)] + str(new_day) + s[m.end(2) :]
        tail = s[m.end() :]
        control = s[: m.start()] + f"{day} {m.group(1)}" + (tail[1:] if tail.startswith(",") else tail)
        return edited, control
    m = re.search(rf"\b(?:in|of|since|by) ({MONTHS}) ((?:19|20)\d\d)\b", s)
    if m:
        year = int(m.group(2))
        edited = s[: m.start(2)] + str(year - 1) + s[m.end(2) :]
        control = s[: m.start(1)] + f"{m.group(1)} of {year}" + s[m.end(2) :]
        return edited, control
    return None


def _negation_edit(s: str) -> tuple[str, str] | None:
    if re.search(r"\b(not|never|no|n't|nobody|none|nothing)\b|n’t", s, re.IGNORECASE):
        return None  # already negative somewhere: an inserted "not" could be a double negation
    m = re.search(rf"\b({AUXILIARIES})\b (?!to\b)([a-z]+)", s)
    if m and not re.match(r"(a|an|the|been|being)\b", m.group(2)):
        edited = s[: m.end(1)] + " not" + s[m.end(1) :]
        control = s[: m.end(1)] + " indeed" + s[m.end(1) :]  # emphasis keeps the polarity
        return edited, control
    for m in re.finditer(r"(?<![\w-])([a-z]+)(?![\w-])", s):
        base = PAST.get(m.group(1))
        if base and m.start() > 0:
            return s[: m.start()] + "did not " + base + s[m.end() :], ""
    return None


def _speaker_edit(s: str, others: list[str]) -> tuple[str, str] | None:
    for pattern in (
        rf"\b(?P<name>{NAME}) (?:{REPORTING})\b",
        rf"\b(?:{REPORTING}) (?P<name>{NAME})\b",
        rf"\b[Aa]ccording to (?P<name>{NAME})\b",
    ):
        m = re.search(pattern, s)
        if not m:
            continue
        name = m.group("name")
        before = s[: m.start("name")].lower().split()[-1:] or [""]
        if name.split()[-1] in ORGANISATIONS or before[0] in PLACE_WORDS:
            continue  # a pronoun, a sentence opener or an organisation, not a person's name
        other = next((o for o in others if o.split()[-1] not in s and name.split()[-1] not in o), None)
        if other is None:
            continue
        edited = s[: m.start("name")] + other + s[m.end("name") :]
        control = s[: m.start("name")] + name.split()[-1] + s[m.end("name") :] if " " in name else ""
        return edited, control
    return None


def _people(text: str) -> list[str]:
    """Two-word capitalised names that speak somewhere in the text, most frequent first."""
    found: dict[str, int] = {}
    for m in re.finditer(rf"\b([A-Z][a-z]+ [A-Z][a-z]+) (?:{REPORTING})\b", text):
        found[m.group(1)] = found.get(m.group(1), 0) + 1
    for m in re.finditer(rf"\b(?:{REPORTING}) ([A-Z][a-z]+ [A-Z][a-z]+)\b", text):
        found[m.group(1)] = found.get(m.group(1), 0) + 1
    return sorted(found, key=lambda n: -found[n]) + ["Maria Lindqvist", "Tomas Okafor"]


def edits_of(text: str, per_kind: int) -> Iterator[Edit]:
    """Up to ``per_kind`` contradicting edits (and their controls) of each kind, in text order."""
    spans = [(sp.start, sp.end) for sp in segment(text) if not getattr(sp, "furniture", False)]
    people = _people(text)
    makers: dict[str, Callable[[str], tuple[str, str] | None]] = {
        "number": _number_edit,
        "date": _date_edit,
        "negation": _negation_edit,
        "speaker": lambda s: _speaker_edit(s, people),
    }
    for kind, make in makers.items():
        n = 0
        for start, end in spans:
            sentence = text[start:end]
            if len(sentence.split()) < 6:
                continue
            made = make(sentence)
            if not made:
                continue
            edited, control = made
            yield Edit(kind, False, start, end, sentence, edited)
            if control and control != sentence:
                yield Edit(kind, True, start, end, sentence, control)
            n += 1
            if n >= per_kind:
                break


@dataclass
class Outcome:
    kind: str
    control: bool
    found: bool  # contradictions: found in the right kind; controls: (wrongly) marked as a difference
    linked: bool
    extra: int  # differences elsewhere in the comparison
    reasons: tuple[str, ...]


def judge_edit(original: str, edit: Edit, settings: AlignSettings) -> Outcome:
    edited = original[: edit.start] + edit.after + original[edit.end :]
    comparison = workflows.align(
        [Document("d0", "original", original), Document("d1", "edited", edited)], settings
    )
    lo, hi = edit.start, edit.start + len(edit.after)
    target = [c.id for c in comparison.claims_of("d1") if c.start < hi and lo < c.end]
    own = [lk for lk in comparison.links if lk.b in target or lk.a in target]
    wanted = REASON_OF[edit.kind]
    differs = [lk for lk in own if lk.relation is Relation.CONTRADICT]
    hit = bool(differs) if edit.control else any(kind_of(r) in wanted for lk in differs for r in lk.reasons)
    extra = sum(1 for lk in _differences(comparison) if lk not in own)
    reasons = differs[0].reasons if differs else (own[0].reasons if own else ())
    return Outcome(edit.kind, edit.control, hit, bool(own), extra, tuple(reasons))


def _differences(comparison: Comparison) -> list:
    return [lk for lk in comparison.links if lk.relation is Relation.CONTRADICT]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-kind", type=int, default=12, help="edits of each kind per text (default 12)")
    ap.add_argument("--no-semantic", action="store_true", help="align by wording only")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "corpus", help="the seed corpus")
    ap.add_argument("--json", type=Path, help="also write every outcome to this file")
    ap.add_argument("--verbose", action="store_true", help="print every miss and every false mark")
    args = ap.parse_args(argv)
    settings = AlignSettings(semantic=not args.no_semantic)
    texts = [(s.name, s.split, s.base) for s in load_devsets("all")]
    seed = args.shared / "seed.txt"
    if seed.is_file():
        texts.append(("seed", "seed", seed.read_text(encoding="utf-8")))
    else:
        print(f"(seed article not found at {seed}: measured on the development bases only)")
    rows: list[tuple[str, str, Outcome]] = []
    t0 = time.perf_counter()
    for name, split, text in texts:
        for edit in edits_of(text, args.per_kind):
            out = judge_edit(text, edit, settings)
            rows.append((name, split, out))
            if args.verbose and (out.found == edit.control or out.extra):
                label = "FALSE" if edit.control else "MISS"
                print(
                    f"{label} {name} {edit.kind}: {edit.before[:90]!r}\n    -> {edit.after[:90]!r} {out.reasons[:2]} extra={out.extra}"
                )
    elapsed = time.perf_counter() - t0
    print(
        f"{len(rows)} comparisons in {elapsed:.0f} s ({'wording only' if args.no_semantic else 'wording + meaning'})"
    )
    print()
    print(
        "| texts | kind | edits found | controls marked as differing | extra differences | precision | F1 |"
    )
    print("|---|---|---|---|---|---|---|")
    groups = {"fit subjects": ("fit",), "held-out subjects": ("heldout",), "seed article": ("seed",)}
    summary = {}
    for label, splits in groups.items():
        sel = [o for _, split, o in rows if split in splits]
        if not sel:
            continue
        for kind in (*KINDS, "all"):
            ks = [o for o in sel if kind in ("all", o.kind)]
            edits = [o for o in ks if not o.control]
            controls = [o for o in ks if o.control]
            tp = sum(o.found for o in edits)
            fp = sum(o.found for o in controls)
            extra = sum(o.extra for o in ks)
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / len(edits) if edits else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            summary[f"{label}/{kind}"] = {"found": tp, "edits": len(edits), "false": fp, "controls": len(controls),
                                          "extra": extra, "precision": p, "recall": r, "f1": f1}  # fmt: skip
            print(
                f"| {label} | {kind} | {tp}/{len(edits)} ({r:.0%}) | {fp}/{len(controls)} | {extra} | {p:.2f} | {f1:.2f} |"
            )
    if args.json:
        args.json.write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
