"""Generated archives with planted stories: every test makes its own articles (no network, no corpus).

Each story has its own invented names, places and numbers; its articles are told by different outlets with
the sentences reordered, some left out, a number changed here and there, and a shared stock of general
news words, so that stories are not told apart by vocabulary alone. Some articles are wire copies.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "ven",
    "tor",
    "bel",
    "sun",
    "dra",
    "pel",
    "gor",
    "nia",
    "vik",
    "ost",
    "mar",
    "tel",
    "lun",
    "bri",
    "cas",
    "dor",
    "fen",
    "hal",
]
OUTLETS = ["Daily Courier", "Evening Ledger", "Harbour Times", "Wire Service", "Valley Post", "Metro Gazette"]
GENERAL = (
    "officials said on {day} that the situation was being monitored closely by the authorities",
    "a spokesperson declined to comment further on the matter when contacted by reporters",
    "the announcement came after weeks of discussion among local leaders and residents",
    "residents expressed concern about what the decision would mean for the coming months",
)
TEMPLATES = (
    "{person} announced that {org} would {verb} {number} {thing} in {place}.",
    "The plan to {verb} the {thing} was first proposed by {person} last year.",
    "According to {org}, at least {number} people were affected in {place}.",
    "{person} told reporters in {place} that the {thing} would be ready by {day}.",
    "Critics of {org} argued that the {number} {thing} were not enough for {place}.",
    "The {thing} in {place} had been closed since {day}, {org} confirmed.",
    "{org} said the cost of the {thing} had reached {number} million.",
    "Local groups in {place} welcomed the move by {person} and {org}.",
)
VERBS = ["build", "repair", "close", "inspect", "replace", "expand", "fund", "move"]
THINGS = ["bridges", "schools", "clinics", "ferries", "reservoirs", "stations", "depots", "libraries"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


@dataclass(frozen=True)
class PlantedArchive:
    records: list[dict]  # JSON objects as written to the .jsonl file
    gold: dict[str, int]  # article id -> planted story number


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _story_facts(rng: random.Random) -> dict[str, str]:
    return {
        "person": f"{_name(rng)} {_name(rng, 3)}",
        "org": f"the {_name(rng)} {rng.choice(['Council', 'Authority', 'Agency', 'Board'])}",
        "place": _name(rng, 3),
        "verb": rng.choice(VERBS),
        "thing": rng.choice(THINGS),
        "number": str(rng.randint(12, 900)),
        "day": rng.choice(DAYS),
    }


def _article(rng: random.Random, facts: dict[str, str], sentences: list[str]) -> str:
    chosen = rng.sample(sentences, rng.randint(3, 5))
    told = dict(facts)
    if rng.random() < 0.3:  # an account that differs on the number
        told["number"] = str(int(facts["number"]) + rng.randint(5, 40))
    body = [s.format(**told) for s in chosen]
    for general in rng.sample(GENERAL, 2):
        body.insert(rng.randrange(len(body) + 1), general.format(**told).capitalize() + ".")
    return " ".join(body)


def planted_archive(
    stories: int = 8, per_story: tuple[int, int] = (1, 5), *, seed: int = 7, copies: int = 2
) -> PlantedArchive:
    rng = random.Random(seed)
    records: list[dict] = []
    gold: dict[str, int] = {}
    start = date(2024, 3, 1)
    for s in range(stories):
        facts = _story_facts(rng)
        sentences = list(TEMPLATES)
        day = start + timedelta(days=rng.randint(0, 20))
        for k in range(rng.randint(*per_story)):
            aid = f"a{len(records):04d}"
            text = _article(rng, facts, sentences)
            records.append(
                {
                    "id": aid,
                    "title": f"{facts['person']} and the {facts['thing']} of {facts['place']} ({k})",
                    "text": text,
                    "outlet": OUTLETS[(s + k) % len(OUTLETS)],
                    "date": (day + timedelta(days=rng.randint(0, 1))).isoformat(),
                    "url": f"https://example.org/{aid}",
                }
            )
            gold[aid] = s
    for _ in range(copies):  # wire copies: another outlet runs an article as it is
        original = rng.choice(records)
        aid = f"a{len(records):04d}"
        records.append(dict(original, id=aid, outlet="Wire Reprint", url=f"https://example.org/{aid}"))
        gold[aid] = gold[original["id"]]
    order = list(range(len(records)))
    rng.shuffle(order)
    return PlantedArchive([records[i] for i in order], gold)


def write_jsonl(path: Path, records: list[dict], extra_lines: dict[int, str] | None = None) -> Path:
    """The records one a line; ``extra_lines`` puts raw (e.g. broken) lines at given 1-based line numbers."""
    lines = [json.dumps(r) for r in records]
    for number, raw in sorted((extra_lines or {}).items()):
        lines.insert(number - 1, raw)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def pairwise_f1(predicted: list[list[str]], gold: dict[str, int]) -> tuple[float, float, float]:
    """Precision, recall and F1 over pairs of articles put in the same story."""
    pred_pairs = {(a, b) for group in predicted for a in group for b in group if a < b}
    by_story: dict[int, list[str]] = {}
    for aid, s in gold.items():
        by_story.setdefault(s, []).append(aid)
    gold_pairs = {(a, b) for group in by_story.values() for a in group for b in group if a < b}
    tp = len(pred_pairs & gold_pairs)
    p = tp / len(pred_pairs) if pred_pairs else 1.0
    r = tp / len(gold_pairs) if gold_pairs else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
