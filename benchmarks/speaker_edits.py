"""Typed speaker edits of real documents: the same words given to another speaker, run through the engine.

usage: python benchmarks/speaker_edits.py [--verbose] [--stsb PATH]

Each edit copies a document and changes only who speaks in one sentence: "Ann Lee said ..." becomes "Omar
Diallo said ..." (sometimes with a title: "Foreign Minister Omar Diallo"), "..., the Agency said" becomes
"..., the Fernhill Institute said", "according to Ann Lee" likewise; and a quote whose speaker is named in an
earlier sentence of its passage keeps its words while that name changes. The engine compares the original
with the copy; an edit is found when the link of the changed sentence (or of the passage's later sentence)
is a contradiction with a "speaker differs" or "actor differs" reason.

False contradictions are measured on copies that keep the speaker: the unchanged sentences of every edited
copy, and paraphrases that only rename the same speaker (a title added, the full name shortened to the
surname) or move the attribution ("X said the S." / "The S, X said.").

Sources: the bundled sample, the fit split of benchmarks/devsets (base and accounts) and, with ``--stsb``,
news sentences of STS-B that name who said them (grouped into small documents). Held-out subjects and the
shared corpus are never read. The generator finds speakers with its own pattern (a capitalised name next to
a reporting verb), not with the engine's reader, so that it does not measure the engine against itself.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compare.align.engine import compare  # noqa: E402
from compare.align.relate import kind_of  # noqa: E402
from compare.model import Comparison, Document, Relation  # noqa: E402

DEVSETS = ROOT / "benchmarks" / "devsets"
SAMPLES = ROOT / "resources" / "samples"
PEOPLE = ("Ana Kovac", "Tomas Reyes", "Lena Hart", "Omar Diallo", "Priya Nair", "Jonas Berg", "Carlos Mendes",
          "Sara Okafor", "Henrik Dahl")  # fmt: skip
TITLES = ("", "", "Foreign Minister ", "Senator ", "Mayor ", "Chief Inspector ")
BODIES = ("the Fernhill Institute", "the Northvale Transport Agency", "the Kestrel Bay Council",
          "the Redmere Commission")  # fmt: skip
VERBS = r"(?:said|says|told|added|warned|wrote|stated|claimed|insisted|described|called|labelled|labeled)"
_NAME = r"(?:[A-Z][\w’'\-]+|[A-Z]\.)(?:\s+(?:[A-Z][\w’'\-]+|[A-Z]\.))*"
# "Ann Lee said", "..., the Agency said", "said Ann Lee", "according to Ann Lee"
# (not after a preposition: in "Sources in the Agency said" the speaker is "Sources")
_BEFORE = re.compile(
    rf"(?<![\w.])(?<!\bin )(?<!\bof )(?<!\bat )(?:the\s+)?({_NAME})(?:,\s+[^,]{{3,40}},)?\s+{VERBS}\b"
)
# (the name ends the phrase: in "according to Iraqi estimates" the name is an adjective)
_AFTER = re.compile(rf"\b(?:said|says|according\s+to)\s+(?:the\s+)?({_NAME})(?=\s*(?:[,.;:!?”\"]|$))")
_OPENERS = {"The", "A", "An", "But", "And", "In", "On", "It", "He", "She", "They", "We", "I", "This", "That",
            "Officials", "Police", "Some", "Many", "Others", "Experts", "Analysts", "Critics", "Witnesses"}  # fmt: skip
_TITLE_WORDS = {"Mr", "Mrs", "Ms", "Dr", "President", "Secretary", "Minister", "Prime", "General", "Gen.", "Gov.",
                "Capt.", "Rev.", "Very", "As", "Former"}  # fmt: skip
# Not speakers: days, months, and words that only look like names at the start of a sentence.
_NOT_SPEAKERS = re.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Gov|Capt|Rev|Sen|Rep|Lt|Col|Gen|N|S)$|-"
)


@dataclass(frozen=True)
class Edit:
    kind: str  # "swap" (another speaker), "passage" (a later quote of the passage), "keep" (same speaker)
    base: Document
    copy: Document
    at: int  # offset in ``base`` of the sentence whose link is judged
    note: str


def _documents(stsb: Path | None) -> list[tuple[str, str]]:
    docs = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SAMPLES.glob("*.txt"))]
    fit = json.loads((DEVSETS / "split.json").read_text(encoding="utf-8"))["fit"]
    for subject in fit:
        docs.append((subject, (DEVSETS / subject / "base.txt").read_text(encoding="utf-8")))
        for p in sorted((DEVSETS / subject / "accounts").glob("*.txt")):
            docs.append((f"{subject}/{p.stem}", p.read_text(encoding="utf-8")))
    if stsb is not None and stsb.is_file():
        rows = [line.split("\t") for line in stsb.read_text(encoding="utf-8").splitlines()[1:]]
        said = sorted(
            {c[1] for c in rows if len(c) > 3 and c[3].startswith("main-news") and _speaker_spans(c[1])}
        )
        for n in range(0, min(len(said), 240), 8):
            docs.append((f"stsb-{n}", "\n\n".join(said[n : n + 8])))
    return docs


def _speaker_spans(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of the names this pattern reads as speakers of ``sentence``."""
    out = []
    for pattern in (_BEFORE, _AFTER):
        for m in pattern.finditer(sentence):
            words = m.group(1).split()
            start = m.start(1)
            while words and (words[0] in _OPENERS or words[0] in _TITLE_WORDS):
                start = sentence.index(words[1], start) if len(words) > 1 else m.end(1)
                words = words[1:]
            if words and len(" ".join(words)) > 2 and not any(_NOT_SPEAKERS.search(w) for w in words):
                out.append((start, start + len(" ".join(words)), " ".join(words)))
    return out


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    for m in re.finditer(r"[^\n]+", text):
        start = m.start()
        for s in re.finditer(r".+?(?:[.!?][”\"’]?(?=\s+[A-Z“\"])|$)", m.group(0)):
            if s.group(0).strip():
                yield start + s.start(), start + s.end()


def _is_body(name: str) -> bool:
    return name.isupper() or name.split()[-1] in {
        "Agency", "Ministry", "Commission", "Council", "Department", "Office", "Institute", "Service", "Board",
        "Bureau", "Authority", "Government", "Police", "Pentagon", "Kremlin",
    }  # fmt: skip


def edits(r: random.Random, name: str, text: str) -> Iterator[Edit]:
    base = Document("d0", name, text)
    for s_start, s_end in _sentences(text):
        sentence = text[s_start:s_end]
        spans = _speaker_spans(sentence)
        if len(spans) != 1:
            continue
        a, b, who = spans[0]
        if _is_body(who):
            other = r.choice(BODIES)
            if text[s_start + a - 4 : s_start + a].lower() == "the ":
                other = other[4:]
            elif a == 0:
                other = other[:1].upper() + other[1:]
        else:
            other = r.choice(TITLES) + r.choice([p for p in PEOPLE if p not in text])
            if len(who.split()) == 1 and r.random() < 0.5:
                other = other.split()[-1]
        swapped = text[: s_start + a] + other + text[s_start + b :]
        yield Edit("swap", base, Document("d1", name, swapped), s_start, f"{who} -> {other}")
        # The same speaker, named another way: surname only, or with a title.
        words = who.split()
        if not _is_body(who):
            kept = words[-1] if len(words) > 1 else f"Mr {who}"
            renamed = text[: s_start + a] + kept + text[s_start + b :]
            yield Edit("keep", base, Document("d1", name, renamed), s_start, f"{who} -> {kept}")
        # A passage: the next sentence keeps its words; its speaker is the one this sentence names.
        following = [x for x in _sentences(text) if x[0] >= s_end]
        if (
            following
            and text[s_end : following[0][0]].strip() == ""
            and "\n\n" not in text[s_end : following[0][0]]
        ):
            nxt = text[following[0][0] : following[0][1]]
            if re.match(r"\s*[“\"]|(?:He|She|They)\s", nxt) and not _speaker_spans(nxt):
                yield Edit(
                    "passage", base, Document("d1", name, swapped), following[0][0], f"{who} -> {other}"
                )


def judged(edit: Edit) -> tuple[str, tuple[str, ...], list[tuple[str, str, tuple[str, ...]]]]:
    """The judged link's state ("found", "agrees", "unlinked") and reasons, and any other contradictions."""
    result: Comparison = compare([edit.base, edit.copy])
    state, reasons = "unlinked", ()
    others = []
    for link in result.links:
        a, b = result.claim(link.a), result.claim(link.b)
        hit = a.start <= edit.at < a.end or (a.start >= edit.at and a.start < edit.at + 3)
        if hit and a.start <= edit.at + 3:
            found = link.relation is Relation.CONTRADICT and any(
                kind_of(x) in {"speaker differs", "actor differs"} for x in link.reasons
            )
            state, reasons = ("found" if found else "agrees"), link.reasons
        elif link.relation is Relation.CONTRADICT:
            others.append((a.text, b.text, link.reasons))
    return state, reasons, others


def main() -> int:
    verbose = "--verbose" in sys.argv
    stsb = Path(sys.argv[sys.argv.index("--stsb") + 1]) if "--stsb" in sys.argv else None
    r = random.Random(11)
    counts: dict[str, list[int]] = {}
    false_other = links_other = 0
    for name, text in _documents(stsb):
        for edit in edits(r, name, text):
            state, reasons, others = judged(edit)
            c = counts.setdefault(edit.kind, [0, 0, 0])
            c[0] += 1
            c[1] += state == "found"
            c[2] += state != "unlinked"
            # An unchanged sentence of the same passage speaks for the new name too: that one is right.
            others = [
                o for o in others if not any(edit.note.split(" -> ")[-1].split()[-1] in x for x in o[2])
            ]
            false_other += len(others)
            links_other += 1
            wrong = (state == "found") != (edit.kind != "keep")
            if verbose and (wrong or others):
                print(f"[{edit.kind}] {state} {edit.note} :: {edit.base.text[edit.at : edit.at + 110]!r}")
                print(f"    reasons: {reasons}")
                for a, b, why in others:
                    print(f"    OTHER contradiction: {why} :: {a[:70]!r} || {b[:70]!r}")
    print("| edit | cases | linked | speaker/actor differs |")
    print("|---|---|---|---|")
    for kind, (n, found, linked) in counts.items():
        print(f"| {kind} | {n} | {linked} | {found} ({found / n:.0%}) |")
    print(f"\ncontradictions on unchanged sentences of the copies: {false_other} over {links_other} copies")
    return 0


if __name__ == "__main__":
    sys.exit(main())
