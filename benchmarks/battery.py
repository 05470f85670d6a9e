"""A typed battery for the relation rules: contradicting pairs and agreeing paraphrases of every kind.

usage: python benchmarks/battery.py [--sick PATH] [--stsb PATH...]   (per-kind recall, false contradictions)

Sentences are generated from several invented subjects (a storm, a railway, a factory, a football club, a
clinic, a launch, a council, a school) with invented people and places, so that nothing here comes from the
seed, the sample or any corpus. For each kind there are at least 30 pairs that differ on one fact of that
kind and at least 30 pairs that say the same thing in other words while carrying the same kind of fact
(so that false contradictions are measured too). ``--sick`` also runs the rules on SICK's train pairs
(CONTRADICTION against ENTAILMENT) and prints the precision and recall of "contradict" there; ``--stsb``
counts the STS-B pairs rated as paraphrases (score >= 4) that the rules call contradictions.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from compare.align.judge import judge as judge_pair
from compare.align.relate import kind_of
from compare.model import Claim, Relation
from compare.text.facts import extract


@dataclass(frozen=True)
class Subject:
    actor: str  # who acts
    base: str  # the verb, base form
    past: str
    object: str
    unit: str  # what is counted
    happening: str  # what happened to the counted ones
    place: str


SUBJECTS = (
    Subject("the harbour authority", "close", "closed", "the coastal road", "homes", "lost power", "Port Ellis"),
    Subject("the rail operator", "suspend", "suspended", "the night trains", "passengers", "were stranded",
            "Northvale"),
    Subject("the heater maker", "recall", "recalled", "its oil heaters", "workers", "were laid off", "Dunmore"),
    Subject("the football club", "sign", "signed", "the young striker", "fans", "attended the match", "Redmere"),
    Subject("the regional clinic", "approve", "approved", "the new treatment", "patients", "were treated",
            "Kestrel Bay"),
    Subject("the space agency", "launch", "launched", "the weather satellite", "engineers",
            "worked on the mission", "Ashford Valley"),
    Subject("the city council", "adopt", "adopted", "the housing plan", "residents", "signed the petition",
            "Lowbridge"),
    Subject("the school board", "open", "opened", "the new library", "pupils", "were enrolled", "Fernhill"),
)  # fmt: skip
PEOPLE = ("Ana Kovac", "Tomas Reyes", "Lena Hart", "Omar Diallo", "Priya Nair", "Jonas Berg", "Mei Lin",
          "Carlos Mendes", "Sara Okafor", "Henrik Dahl")  # fmt: skip
PLACES = tuple(s.place for s in SUBJECTS)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "March", "April", "June", "July", "September", "October", "November")
MONTHS_ALL = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")  # fmt: skip
WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
         10: "ten", 12: "twelve", 20: "twenty"}  # fmt: skip
# (positive, negative) characterisations; some from the lexicon's general pairs, some by downtoning.
MOODS = (("upbeat", "gloomy"), ("optimistic", "pessimistic"), ("cheerful", "sombre"), ("confident", "doubtful"),
         ("hopeful", "hopeless"))  # fmt: skip
VERDICTS = (("a success", "a failure"), ("a victory", "a defeat"), ("legal", "illegal"), ("safe", "dangerous"),
            ("peaceful", "violent"), ("accidental", "deliberate"))  # fmt: skip
SYNONYMS = (("upbeat", "optimistic"), ("gloomy", "downcast"), ("cheerful", "in good spirits"),
            ("a success", "a triumph"), ("a failure", "a flop"), ("safe", "secure"))  # fmt: skip
HEDGES = ("reportedly", "allegedly", "may have", "is said to have", "according to unconfirmed reports,")
REFUTE = ("was a hoax", "was fabricated", "is false", "has been debunked", "is untrue")
SAYING = ("said", "told reporters", "insisted", "added")

PER_KIND = 40  # pairs of each side, each kind (the issue asks for at least 30)


@dataclass(frozen=True)
class Pair:
    kind: str
    a: str
    b: str
    contradict: bool  # True: the pair differs on one fact of ``kind``; False: a paraphrase


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _negation(r: random.Random, s: Subject) -> Iterator[Pair]:
    day = r.choice(WEEKDAYS)
    who = _cap(s.actor)
    yield Pair(
        "negation",
        f"{who} {s.past} {s.object} on {day}.",
        f"{who} did not {s.base} {s.object} on {day}.",
        True,
    )
    yield Pair(
        "negation",
        f"{who} failed to {s.base} {s.object} before the deadline.",
        f"{who} managed to {s.base} {s.object} before the deadline.",
        True,
    )
    yield Pair(
        "negation",
        f"{who} would not rule out plans to {s.base} {s.object}.",
        f"{who} ruled out plans to {s.base} {s.object}.",
        True,
    )
    yield Pair(
        "negation",
        f"There are no plans to {s.base} {s.object} in {s.place}.",
        f"There are plans to {s.base} {s.object} in {s.place}.",
        True,
    )
    yield Pair(
        "negation",
        f"{who} never {s.past} {s.object}, officials in {s.place} said.",
        f"{who} {s.past} {s.object}, officials in {s.place} said.",
        True,
    )
    # Paraphrases that keep the negation, or negate nothing the other states.
    yield Pair(
        "negation",
        f"{who} did not {s.base} {s.object} on {day}.",
        f"On {day}, {s.actor} didn't {s.base} {s.object}.",
        False,
    )
    yield Pair(
        "negation", f"{who} did not fail to {s.base} {s.object}.", f"{who} {s.past} {s.object}.", False
    )
    yield Pair(
        "negation",
        f"{who} {s.past} {s.object}, though not everyone in {s.place} agreed.",
        f"{who} {s.past} {s.object} in {s.place}.",
        False,
    )
    yield Pair(
        "negation", f"{who} has never {s.past} {s.object}.", f"{who} did not ever {s.base} {s.object}.", False
    )
    yield Pair(
        "negation",
        f"Not only did {s.actor} {s.base} {s.object}, it also thanked the staff.",
        f"{who} {s.past} {s.object} and thanked the staff.",
        False,
    )


def _number(r: random.Random, s: Subject) -> Iterator[Pair]:
    n = r.randrange(20, 900)
    m = n + r.choice((-1, 1)) * r.randrange(max(3, n // 5), n // 2 + 4)
    w1, w2 = r.sample(sorted(WORDS)[1:], 2)  # not "one": "one of its" is a pronoun as often
    yield Pair(
        "number",
        f"In {s.place}, {n} {s.unit} {s.happening}.",
        f"In {s.place}, {m} {s.unit} {s.happening}.",
        True,
    )
    yield Pair(
        "number",
        f"At least {n} {s.unit} {s.happening} on {r.choice(WEEKDAYS)}.",
        f"Officials said {n // 2} {s.unit} {s.happening}.",
        True,
    )
    yield Pair(
        "number",
        f"{_cap(WORDS[w1])} {s.unit} {s.happening}, {s.actor} said.",
        f"{_cap(WORDS[w2])} of its {s.unit} {s.happening}, {s.actor} said.",
        True,
    )
    yield Pair(
        "number",
        f"About {n * 10:,} {s.unit} {s.happening} in {s.place}.",
        f"About {n * 20:,} {s.unit} {s.happening} in {s.place}.",
        True,
    )
    yield Pair(
        "number",
        f"Between {n} and {n + 40} {s.unit} {s.happening}.",
        f"Some {n + 200} {s.unit} {s.happening}.",
        True,
    )
    # Figures without a unit: votes and shares.
    pct = r.randrange(20, 80)
    yield Pair(
        "number",
        f"The council voted {n % 20 + 12} to {n % 7 + 2} to {s.base} {s.object}.",
        f"The council voted {n % 20 + 14} to {n % 7 + 2} to {s.base} {s.object}.",
        True,
    )
    yield Pair(
        "number",
        f"Turnout in {s.place} was {pct} percent.",
        f"Turnout in {s.place} was {pct + 9} percent.",
        True,
    )
    # Paraphrases: the same figures written otherwise; bounds and ranges that allow each other.
    yield Pair(
        "number",
        f"The council voted {n % 20 + 12} to {n % 7 + 2} to {s.base} {s.object}.",
        f"By {n % 20 + 12} votes to {n % 7 + 2}, the council decided to {s.base} {s.object}.",
        False,
    )
    yield Pair(
        "number",
        f"{pct}% of {s.unit} backed the plan to {s.base} {s.object}.",
        f"{pct} per cent of {s.unit} backed the plan to {s.base} {s.object}.",
        False,
    )
    yield Pair(
        "number",
        f"{_cap(WORDS[w1])} {s.unit} {s.happening} in {s.place}.",
        f"In {s.place}, {w1} {s.unit} {s.happening}.",
        False,
    )
    yield Pair(
        "number",
        f"At least {n} {s.unit} {s.happening}.",
        f"{n + 15} {s.unit} {s.happening}, officials said.",
        False,
    )
    yield Pair(
        "number",
        f"Between {n} and {n + 100} {s.unit} {s.happening}.",
        f"About {n + 50} {s.unit} {s.happening}.",
        False,
    )
    yield Pair(
        "number",
        f"Nearly {n * 10:,} {s.unit} {s.happening}.",
        f"Some {n * 10 - n:,} {s.unit} {s.happening}.",
        False,
    )
    yield Pair(
        "number",
        f"{_cap(s.actor)} sent {n} trucks and {m} staff to {s.place}.",
        f"{m} staff and {n} trucks went to {s.place}.",
        False,
    )


def _date(r: random.Random, s: Subject) -> Iterator[Pair]:
    d = r.randrange(1, 27)
    month = r.choice(MONTHS)
    who = _cap(s.actor)
    yield Pair(
        "date",
        f"{who} {s.past} {s.object} on {d} {month}.",
        f"{who} {s.past} {s.object} on {d + 2} {month}.",
        True,
    )
    yield Pair(
        "date",
        f"On {month} {d}, {s.actor} {s.past} {s.object}.",
        f"{who} {s.past} {s.object} on {d + 1} {month}.",
        True,
    )
    yield Pair(
        "date",
        f"{who} {s.past} {s.object} in {s.place} on {d} {month} 2023.",
        f"{who} {s.past} {s.object} in {s.place} on {d} {MONTHS[(MONTHS.index(month) + 1) % 8]} 2023.",
        True,
    )
    yield Pair(
        "date",
        f"{who} {s.past} {s.object} on {month} {d}.",
        f"On {d} {month}, {s.actor} {s.past} {s.object}.",
        False,
    )
    yield Pair(
        "date",
        f"{who} {s.past} {s.object} on {d} {month}, and {s.unit} gathered on {d + 3} {month}.",
        f"{who} {s.past} {s.object} on {d} {month}.",
        False,
    )
    yield Pair(
        "date",
        f"{who} {s.past} {s.object} on {d} {month} 2022.",
        f"On {month} {d}, 2022, {s.actor} {s.past} {s.object}.",
        False,
    )


def _weekday(r: random.Random, s: Subject) -> Iterator[Pair]:
    x, y = r.sample(WEEKDAYS, 2)
    who = _cap(s.actor)
    yield Pair("weekday", f"{who} {s.past} {s.object} on {x}.", f"{who} {s.past} {s.object} on {y}.", True)
    yield Pair(
        "weekday",
        f"On {x}, {s.actor} {s.past} {s.object} in {s.place}.",
        f"{who} {s.past} {s.object} in {s.place} on {y} morning.",
        True,
    )
    # Other events on other days are not a difference; nor is the same day said twice.
    yield Pair(
        "weekday",
        f"{r.choice(PEOPLE)} visited {s.place} on {x}.",
        f"{who} {s.past} {s.object} in {s.place} on {y}.",
        False,
    )
    yield Pair(
        "weekday",
        f"{who} {s.past} {s.object} on {x}, two days after a storm hit {s.place} on {y}.",
        f"{who} {s.past} {s.object} on {x}.",
        False,
    )
    yield Pair(
        "weekday",
        f"{who} {s.past} {s.object} on {x} morning.",
        f"On {x}, {s.actor} {s.past} {s.object}.",
        False,
    )
    yield Pair(
        "weekday",
        f"{who} met on {x} and {s.past} {s.object}.",
        f"The talks in {s.place} ended on {y}.",
        False,
    )


def _duration(r: random.Random, s: Subject) -> Iterator[Pair]:
    a, b = r.sample((2, 3, 4, 5, 6), 2)
    who = _cap(s.actor)
    yield Pair(
        "duration",
        f"{who} {s.past} {s.object} for {WORDS[a]} days.",
        f"{who} {s.past} {s.object} for {WORDS[b]} days.",
        True,
    )
    yield Pair(
        "duration",
        f"{who} {s.past} {s.object} for 24 hours.",
        f"{who} {s.past} {s.object} for {WORDS[a]} days.",
        True,
    )
    yield Pair(
        "duration",
        f"{who} {s.past} {s.object} a day ahead of the vote.",
        f"{who} {s.past} {s.object} {WORDS[a]} days ahead of the vote.",
        True,
    )
    yield Pair(
        "duration",
        f"{who} {s.past} {s.object} for {a} weeks.",
        f"{who} {s.past} {s.object} for {a} months.",
        True,
    )
    yield Pair(
        "duration", f"{who} {s.past} {s.object} for 24 hours.", f"{who} {s.past} {s.object} for a day.", False
    )
    yield Pair(
        "duration",
        f"{who} {s.past} {s.object} for two weeks.",
        f"For 14 days, {s.actor} {s.past} {s.object}.",
        False,
    )
    yield Pair(
        "duration",
        f"{who} {s.past} {s.object} for {WORDS[a]} days.",
        f"{who} {s.past} {s.object} for {24 * a} hours.",
        False,
    )
    yield Pair(
        "duration",
        f"{who} {s.past} {s.object} for {WORDS[a]} days after a {b}-hour meeting.",
        f"{who} {s.past} {s.object} for {WORDS[a]} days.",
        False,
    )


def _speaker(r: random.Random, s: Subject) -> Iterator[Pair]:
    x, y = r.sample(PEOPLE, 2)
    quote = f"We will {s.base} {s.object} as soon as {s.place} is ready"
    verb = r.choice(SAYING)
    yield Pair("speaker", f"“{quote},” {x} {verb}.", f"“{quote},” {y} {verb}.", True)
    yield Pair(
        "speaker",
        f"According to {x}, {s.actor} will {s.base} {s.object}.",
        f"According to {y}, {s.actor} will {s.base} {s.object}.",
        True,
    )
    yield Pair("speaker", f"“{quote},” {x} {verb}.", f"{x} {verb}: “{quote}.”", False)
    yield Pair("speaker", f"“{quote},” {x} said on {r.choice(WEEKDAYS)}.", f"“{quote},” said {x}.", False)
    yield Pair(
        "speaker",
        f"According to {x}, {s.actor} will {s.base} {s.object}.",
        f"{s.actor.capitalize()} will {s.base} {s.object}, {x} said.",
        False,
    )


def _actor(r: random.Random, s: Subject) -> Iterator[Pair]:
    x, y = r.sample(PEOPLE, 2)
    yield Pair(
        "actor",
        f"Perhaps {x} really does want to {s.base} {s.object}.",
        f"Perhaps {y} really does want to {s.base} {s.object}.",
        True,
    )
    yield Pair(
        "actor",
        f"{x} {s.past} {s.object} in {s.place} last week.",
        f"{y} {s.past} {s.object} in {s.place} last week.",
        True,
    )
    yield Pair(
        "actor",
        f"{x} {s.past} {s.object} in {s.place}.",
        f"{s.object.capitalize()} was {s.past} by {x} in {s.place}.",
        False,
    )
    yield Pair("actor", f"{x} {s.past} {s.object} with {y}.", f"{y} and {x} {s.past} {s.object}.", False)
    yield Pair(
        "actor", f"In {s.place}, {x} {s.past} {s.object}.", f"{x} {s.past} {s.object} in {s.place}.", False
    )


def _characterisation(r: random.Random, s: Subject) -> Iterator[Pair]:
    x = r.choice(PEOPLE)
    good, bad = r.choice(MOODS)
    v_good, v_bad = r.choice(VERDICTS)
    syn = r.choice(SYNONYMS)
    yield Pair(
        "characterisation",
        f"{x} sounded {good} about the plan to {s.base} {s.object}.",
        f"{x} sounded {bad} about the plan to {s.base} {s.object}.",
        True,
    )
    yield Pair(
        "characterisation",
        f"The move to {s.base} {s.object} was {v_good}.",
        f"The move to {s.base} {s.object} was {v_bad}.",
        True,
    )
    yield Pair(
        "characterisation",
        f"{_cap(s.actor)} {s.past} {s.object} with fanfare.",
        f"{_cap(s.actor)} {s.past} {s.object} with little fanfare.",
        True,
    )
    yield Pair(
        "characterisation",
        f"{x} sounded {syn[0]} about the plan to {s.base} {s.object}.",
        f"{x} sounded {syn[1]} about the plan to {s.base} {s.object}.",
        False,
    )
    yield Pair(
        "characterisation",
        f"The move to {s.base} {s.object} was not {v_good}.",
        f"The move to {s.base} {s.object} was {v_bad}.",
        False,
    )
    yield Pair(
        "characterisation",
        f"{_cap(s.actor)} {s.past} {s.object} with little fanfare.",
        f"{_cap(s.actor)} {s.past} {s.object} without fanfare.",
        False,
    )


def _certainty(r: random.Random, s: Subject) -> Iterator[Pair]:
    hedge = r.choice(HEDGES)
    other = r.choice([h for h in HEDGES if h != hedge])
    who = _cap(s.actor)
    hedged = {"may have": f"{who} may have {s.past} {s.object}.",
              "is said to have": f"{who} is said to have {s.past} {s.object}.",
              "according to unconfirmed reports,": f"According to unconfirmed reports, {s.actor} {s.past} {s.object}."}  # fmt: skip
    line = hedged.get(hedge, f"{who} {hedge} {s.past} {s.object}.")
    line2 = hedged.get(other, f"{who} {other} {s.past} {s.object}.")
    yield Pair(
        "certainty", f"{who} {s.past} {s.object} in {s.place}.", line.replace(".", f" in {s.place}."), True
    )
    yield Pair("certainty", line, line2, False)


def _disputes(r: random.Random, s: Subject) -> Iterator[Pair]:
    who = _cap(s.actor)
    refute = r.choice(REFUTE)
    yield Pair(
        "disputes",
        f"{who} {s.past} {s.object} in {s.place}.",
        f"The report that {s.actor} {s.past} {s.object} in {s.place} {refute}.",
        True,
    )
    other = r.choice([x for x in REFUTE if x != refute])
    yield Pair(
        "disputes",
        f"The story that {s.actor} {s.past} {s.object} {refute}.",
        f"The claim that {s.actor} {s.past} {s.object} {other}.",
        False,
    )


def _sources(r: random.Random, s: Subject) -> Iterator[Pair]:
    """More "speaker" pairs (one of the FORMS): bodies and documents as sources, a title in front of another
    person, a quoted word given to another person, and the same source named another way."""
    x, y = r.sample(PEOPLE, 2)
    # Bodies and documents as sources; a title in front of another person; a quoted word given to another.
    body, other = (
        f"the {s.place} Transport Commission",
        f"the {r.choice([p for p in PLACES if p != s.place])} Audit Office",
    )
    acronym = "".join(w[0] for w in body.split()[1:] if w[0].isupper())
    title = r.choice(("Foreign Minister", "Senator", "Mayor", "Chief Inspector"))
    yield Pair(
        "speaker",
        f"{_cap(body)} said {s.actor} had {s.past} {s.object}.",
        f"{_cap(other)} said {s.actor} had {s.past} {s.object}.",
        True,
    )
    yield Pair(
        "speaker",
        f"A 2021 report by {body} described the plan as one of the costliest in decades.",
        f"{_cap(other)} would later call the plan one of the costliest in decades.",
        True,
    )
    yield Pair(
        "speaker",
        f"The decision was criticised by residents such as {x}, who labelled it “reckless”.",
        f"{title} {y} called the decision to {s.base} {s.object} “reckless”.",
        True,
    )
    yield Pair(
        "speaker",
        f"{s.actor.capitalize()} had {s.past} {s.object}, {body} said.",
        f"{s.actor.capitalize()} had {s.past} {s.object}, {acronym} said.",
        False,
    )
    yield Pair(
        "speaker",
        f"{x} said {s.actor} had {s.past} {s.object}.",
        f"{title} {x} said {s.actor} had {s.past} {s.object}.",
        False,
    )
    yield Pair(
        "speaker",
        f"{x} said {s.actor} had {s.past} {s.object}.",
        f"The {title.lower()} said {s.actor} had {s.past} {s.object}.",
        False,
    )


def _number_forms(r: random.Random, s: Subject) -> Iterator[Pair]:
    """Counts in a list, where an article is one; ranks, where a bare superlative is first."""
    wins = r.choice((2, 3, 4, 5))
    yield Pair(
        "number",
        f"{_cap(s.actor)} reported {WORDS[wins]} successes and a setback in {s.place}.",
        f"{_cap(s.actor)} reported {WORDS[wins]} successes and {WORDS[wins + 1]} setbacks in {s.place}.",
        True,
    )
    yield Pair(
        "number",
        f"It was the {r.choice(('second', 'third'))}-largest crowd of {s.unit} ever seen in {s.place}.",
        f"It was the largest crowd of {s.unit} ever seen in {s.place}.",
        True,
    )
    yield Pair(
        "number",
        f"{_cap(s.actor)} reported {WORDS[wins]} successes and a setback in {s.place}.",
        f"In {s.place}, {s.actor} reported {WORDS[wins]} successes and one setback.",
        False,
    )
    yield Pair(
        "number",
        f"It was one of the largest crowds of {s.unit} ever seen in {s.place}.",
        f"It was the second-largest crowd of {s.unit} ever seen in {s.place}.",
        False,
    )
    yield Pair(
        "number",
        f"A clerk counted two {s.unit} and {WORDS[wins]} visitors in {s.place}.",
        f"A clerk counted a few {s.unit} in {s.place}.",
        False,
    )
    # Shares in words against percentages.
    yield Pair(
        "number",
        f"A quarter of the {s.unit} in {s.place} {s.happening}.",
        f"About {r.choice((40, 45, 50))} percent of the {s.unit} in {s.place} {s.happening}.",
        True,
    )
    yield Pair(
        "number",
        f"A third of the {s.unit} in {s.place} {s.happening}.",
        f"About {r.choice((30, 33, 35))} percent of the {s.unit} in {s.place} {s.happening}.",
        False,
    )


def _agents(r: random.Random, s: Subject) -> Iterator[Pair]:
    """More "actor" pairs: another agent of a passive verb; the same agents in another order."""
    x, y = r.sample(PEOPLE, 2)
    yield Pair(
        "actor",
        f"{_cap(s.object)} was {s.past} by {x} on the orders of the board.",
        f"{_cap(s.object)} was {s.past} by {y} on the orders of the board.",
        True,
    )
    yield Pair(
        "actor",
        f"{x} {s.past} {s.object} after {y} asked for it.",
        f"After {y} asked for it, {x} {s.past} {s.object}.",
        False,
    )


def _date_forms(r: random.Random, s: Subject) -> Iterator[Pair]:
    """Dates at different precision, and years alone."""
    d = r.randrange(1, 27)
    month = r.choice(MONTHS)
    who = _cap(s.actor)
    year = r.randrange(1990, 2020)
    yield Pair(
        "date",
        f"{who} {s.past} {s.object} on {month} {d}, {year}, after a long delay.",
        f"{who} {s.past} {s.object} in {month} {year + 1} after a long delay.",
        True,
    )
    yield Pair(
        "date",
        f"{who} first {s.past} {s.object} in {year}.",
        f"{who} first {s.past} {s.object} in {year + r.choice((1, 2, 5))}.",
        True,
    )
    yield Pair(
        "date",
        f"{who} {s.past} {s.object} on {month} {d}, {year}, after a long delay.",
        f"{who} {s.past} {s.object} in {month} {year} after a long delay.",
        False,
    )
    yield Pair(
        "date",
        f"{who} {s.past} {s.object} in {year}, two years after the {year - 2} review.",
        f"{who} {s.past} {s.object} in {year}.",
        False,
    )


def _weekday_forms(r: random.Random, s: Subject) -> Iterator[Pair]:
    """A weekday against a full date: the weekday that date falls on."""
    who = _cap(s.actor)
    when = date(r.randrange(2000, 2030), r.randrange(1, 13), r.randrange(1, 29))
    right = WEEKDAYS[when.weekday()]
    wrong = WEEKDAYS[(when.weekday() + r.randrange(1, 7)) % 7]
    yield Pair(
        "weekday",
        f"{who} {s.past} {s.object} in {s.place} on {when.day} {MONTHS_ALL[when.month - 1]} {when.year}.",
        f"{who} {s.past} {s.object} in {s.place} on {wrong}.",
        True,
    )
    yield Pair(
        "weekday",
        f"{who} {s.past} {s.object} in {s.place} on {when.day} {MONTHS_ALL[when.month - 1]} {when.year}.",
        f"{who} {s.past} {s.object} in {s.place} on {right}.",
        False,
    )


def _duration_forms(r: random.Random, s: Subject) -> Iterator[Pair]:
    """Halves, minutes against hours, and approximate figures."""
    a, b = r.sample((2, 3, 4, 5, 6), 2)
    who = _cap(s.actor)
    yield Pair(
        "duration",
        f"{who} {s.past} {s.object} after talks lasting half an hour.",
        f"{who} {s.past} {s.object} after talks lasting {WORDS[a]} hours.",
        True,
    )
    yield Pair(
        "duration",
        f"The meeting in {s.place} lasted approximately {10 * a} minutes.",
        f"The meeting in {s.place} lasted about an hour and a half.",
        True,
    )
    yield Pair(
        "duration",
        f"{who} {s.past} {s.object} after talks lasting an hour and a half.",
        f"{who} {s.past} {s.object} after talks lasting 90 minutes.",
        False,
    )
    yield Pair(
        "duration",
        f"The meeting in {s.place} lasted about {20 * b} minutes.",
        f"The meeting in {s.place} lasted {20 * b + 5} minutes.",
        False,
    )
    yield Pair(
        "duration",
        f"{who} {s.past} {s.object} for a day and a half.",
        f"{who} {s.past} {s.object} for 36 hours.",
        False,
    )
    yield Pair(
        "duration",
        f"{who} {s.past} {s.object} for several days.",
        f"{who} {s.past} {s.object} for {WORDS[a]} weeks.",
        True,
    )
    yield Pair(
        "duration",
        f"{who} {s.past} {s.object} for several days.",
        f"{who} {s.past} {s.object} for {WORDS[a + 2]} days.",
        False,
    )


GENERATORS = {
    "negation": _negation, "number": _number, "date": _date, "weekday": _weekday, "duration": _duration,
    "speaker": _speaker, "actor": _actor, "characterisation": _characterisation, "certainty": _certainty,
    "disputes": _disputes,
}  # fmt: skip
# The reason kind each battery kind must produce (relate.kind_of).
EXPECTED = {"negation": "negation differs", "number": "number differs", "date": "date differs",
            "weekday": "weekday differs", "duration": "duration differs", "speaker": "speaker differs",
            "actor": "actor differs", "characterisation": "characterisation differs",
            "certainty": "certainty differs", "disputes": "disputes"}  # fmt: skip


# More forms of the facts of one kind (issue 11: dates at two precisions, weekdays of full dates, halves of
# hours, counts in lists, ranks, shares; bodies, documents and quotations as sources, passive agents), drawn from their own generator after the rest, so that adding them
# leaves the pairs of every other kind as they were.
FORMS = {"number": _number_forms, "date": _date_forms, "weekday": _weekday_forms, "duration": _duration_forms,
         "speaker": _sources, "actor": _agents}  # fmt: skip


def _label_shapes(r: random.Random, s: Subject) -> Iterator[Pair]:
    """A figure whose unit word comes before it ("a grade 4"), a lone figure of a thing named earlier, an
    equal figure of another thing, and bounds written "no fewer than" / "no more than"."""
    x, y = r.sample(range(2, 10), 2)
    yield Pair("number", f"Inspectors in {s.place} checked {s.object}, the worst of them a grade {x}.",
               f"The worst of the faults inspectors in {s.place} found was a grade {y}.", True)  # fmt: skip
    yield Pair("number", f"Inspectors in {s.place} checked {s.object}, the worst of them a grade {x}.",
               f"The worst fault inspectors in {s.place} found, of grade {x}, came {y} days later.", False)  # fmt: skip
    yield Pair("number", f"Inspectors in {s.place} gave {s.object} a score of {x}.",
               f"Inspectors in {s.place} gave {s.object} a rank of {y}.", False)  # fmt: skip
    yield Pair("number", f"The survey office rated the damage in {s.place} at a severity grade of {x}.",
               f"The survey office put the damage in {s.place} at {y}.", True)  # fmt: skip
    yield Pair("number", f"The survey office rated the damage in {s.place} at a severity grade of {x}.",
               f"The survey office visited the damage in {s.place} {y} times.", False)  # fmt: skip
    low, high = sorted((x, y))
    yield Pair("number", f"No fewer than {high} {s.unit} in {s.place} {s.happening}.",
               f"{_cap(WORDS.get(low, str(low)))} {s.unit} in {s.place} {s.happening}.", True)  # fmt: skip
    yield Pair("number", f"No fewer than {low} {s.unit} in {s.place} {s.happening}.",
               f"{_cap(WORDS.get(high, str(high)))} {s.unit} in {s.place} {s.happening}.", False)  # fmt: skip
    yield Pair("number", f"No more than {low} {s.unit} in {s.place} {s.happening}.",
               f"{_cap(WORDS.get(high, str(high)))} {s.unit} in {s.place} {s.happening}.", True)  # fmt: skip
    yield Pair("number", f"No more than {high} {s.unit} in {s.place} {s.happening}.",
               f"{_cap(WORDS.get(low, str(low)))} {s.unit} in {s.place} {s.happening}.", False)  # fmt: skip
    yield Pair("number", f"{_cap(WORDS[high])} {s.unit} and {WORDS[low]} visitors were hurt in {s.place}.",
               f"{_cap(WORDS[low])} {s.unit} were hurt in {s.place}, along with {WORDS[high]} staff.", True)  # fmt: skip
    yield Pair("number", f"{_cap(WORDS[high])} {s.unit} and {WORDS[low]} visitors were hurt in {s.place}.",
               f"{_cap(WORDS[high])} {s.unit} were hurt in {s.place}, along with {WORDS[low]} visitors.", False)  # fmt: skip


def _event_shapes(r: random.Random, s: Subject) -> Iterator[Pair]:
    """Dates of one event told with verbs of one sense (lifted off / launched, gave up / abandoned), of two
    events, and a weekday put to a date against the calendar."""
    when = date(r.randrange(2000, 2030), r.randrange(1, 12), r.randrange(1, 29))
    day, month, later = when.day, MONTHS_ALL[when.month - 1], MONTHS_ALL[when.month]
    who = _cap(s.actor)
    yield Pair("date", f"The rocket of {s.actor} lifted off on {day} {month} {when.year}.",
               f"The mission of {s.actor} launched on {day} {later} {when.year} from {s.place}.", True)  # fmt: skip
    yield Pair("date", f"The rocket of {s.actor} lifted off on {day} {month} {when.year}.",
               f"The mission of {s.actor} launched on {day} {month} {when.year} from {s.place}.", False)  # fmt: skip
    yield Pair("date", f"The rocket of {s.actor} lifted off on {day} {month} {when.year}.",
               f"The rocket of {s.actor} landed on {day} {later} {when.year}.", False)  # fmt: skip
    yield Pair("date", f"After many attempts, the plan was given up as a failure in {month} {when.year}.",
               f"{who} abandoned {s.object} in {month} {when.year - 1}.", True)  # fmt: skip
    yield Pair("date", f"After many attempts, the plan was given up as a failure in {month} {when.year}.",
               f"{who} abandoned {s.object} in {month} {when.year}.", False)  # fmt: skip
    right = WEEKDAYS[when.weekday()]
    wrong = WEEKDAYS[(when.weekday() + r.randrange(1, 7)) % 7]
    dated = f"{who} {s.past} {s.object} in {s.place} on {day} {month} {when.year}"
    yield Pair("weekday", f"{dated}.", f"{dated}, a {wrong}.", True)
    yield Pair(
        "weekday", f"{who} {s.past} {s.object} on {wrong}, {day} {month} {when.year}.", f"{dated}.", True
    )
    yield Pair("weekday", f"{dated}.", f"{dated}, a {right}.", False)
    yield Pair("weekday", f"{dated}, a {wrong}.", f"{who} {s.past} {s.object} in {s.place}.", False)


FIRMS = ("Halden Works", "Brightwater Systems", "Corvane Industries", "Tessel Engineering", "Quarry Lane Builders",
         "Ostmark Holdings")  # fmt: skip
THINGS = ("The new ferry", "The depot", "The pumping station", "The footbridge", "The visitor centre")


def _attribution_shapes(r: random.Random, s: Subject) -> Iterator[Pair]:
    """Who made or runs a thing (passive agents of verbs of one sense: built / manufactured, run / operated),
    a view given to the other of two named people, and one person's attitude turned round; with agreeing
    pairs that name one agent on one side only, a list of makers, an acronym, "by" with a time or a means,
    agents of two different acts, and a view both accounts give the same person."""
    f1, f2 = r.sample(FIRMS, 2)
    x, y = r.sample(PEOPLE, 2)
    thing = r.choice(THINGS)
    body = f"{s.place} Transport Commission"
    acronym = "".join(w[0] for w in body.split() if w[0].isupper())
    other = f"{r.choice([p for p in PLACES if p != s.place])} Audit Office"
    yield Pair("actor", f"{thing} was built by {f1} and is run by the {body}.",
               f"{thing} was manufactured by {f2} and is operated by the {body}.", True)  # fmt: skip
    yield Pair("actor", f"{thing} was built by {f1} and is managed by the {body}.",
               f"Built by {f1}, {thing.lower()} is operated by the {other}.", True)  # fmt: skip
    yield Pair("actor", f"{thing} was built by {f1} and is run by the {body}.",
               f"{thing} was built by {f1} and {f2} and is run by the {acronym}.", False)  # fmt: skip
    yield Pair("actor", f"{thing} was built by {f1} in {s.place}.", f"{thing} was built in {s.place}.", False)
    yield Pair("actor", f"{thing} was built by {f1} by March.",
               f"{thing} was finished by the end of March, and costs were cut by 5%.", False)  # fmt: skip
    yield Pair("actor", f"{thing} was built by {f1}.", f"{thing} is operated by {f2}.", False)
    yield Pair("actor", f"{f2} built {thing.lower()} in {s.place}.", f"{thing} was built by {f1}.", True)
    yield Pair("actor", f"{f1} built {thing.lower()} in {s.place}.", f"{thing} in {s.place} was built by {f1}.",
               False)  # fmt: skip
    act = r.choice(("accused", "sued", "replaced", "thanked", "fined"))
    yield Pair("actor", f"{x} {act} {y} over {s.object}.", f"{y} {act} {x} over {s.object}.", True)
    yield Pair("actor", f"{x} {act} {y} over {s.object}.", f"{y} was {act} by {x} over {s.object}.", False)
    yield Pair("actor", f"{x} met {y} to discuss {s.object}.", f"{y} met {x} to discuss {s.object}.", False)
    view, wrong = r.choice((("sensible", "reckless"), ("overdue", "premature"), ("fair", "unfair")))
    plan = f"the decision to {s.base} {s.object}"
    yield Pair("speaker", f"{_cap(plan)} was criticised by residents such as {x}, who called it {wrong}, "
               f"while others such as {y} thought it was {view}.",
               f"Even {x} agreed afterwards that {plan} was {view}.", True)  # fmt: skip
    yield Pair("speaker", f"{_cap(plan)} was criticised by residents such as {x}, who called it {wrong}, "
               f"while others such as {y} thought it was {view}.",
               f"{y} agreed afterwards that {plan} was {view}.", False)  # fmt: skip
    yield Pair("characterisation", f"{_cap(plan)} was criticised by {x}, who called it {wrong}.",
               f"{x} defended {plan}.", True)  # fmt: skip
    yield Pair("characterisation", f"{x} welcomed {plan}, while {y} opposed it.",
               f"{x} opposed {plan}, {y} backed it.", True)  # fmt: skip
    yield Pair("characterisation", f"{_cap(plan)} was criticised by {x}.", f"{x} condemned {plan}.", False)
    yield Pair("characterisation", f"{x} welcomed {plan}, while {y} opposed it.",
               f"{y} opposed {plan}.", False)  # fmt: skip


# The shapes of facts2's work (issue 11), drawn from their own generator after the forms above, so that the
# pairs of every other kind stay as they were.
SHAPES = (_label_shapes, _event_shapes, _attribution_shapes)


def _clock_shapes(r: random.Random, s: Subject) -> Iterator[Pair]:
    """Times of day in words against figures, counts whose noun is left out ("one of only three they
    counted"), offsets between two events ("about an hour after"), a full date against a weekday, and a bound
    that a figure meets (facts3, issue 11)."""
    who = _cap(s.actor)
    hour, minute = r.randrange(1, 9), r.choice((5, 10, 32, 40, 48))
    clock = f"{hour}:{minute:02d} a.m."
    yield Pair("number", f"{who} {s.past} {s.object} in {s.place} at {clock} local time.",
               f"{who} {s.past} {s.object} at about half past {WORDS[hour + 2]} in the morning.", True)  # fmt: skip
    yield Pair("number", f"{who} {s.past} {s.object} in {s.place} at {hour}:30 a.m. local time.",
               f"{who} {s.past} {s.object} at about half past {WORDS[hour]} in the morning.", False)  # fmt: skip
    pm = r.randrange(1, 8)
    yield Pair("number", f"{who} {s.past} {s.object} in {s.place} at {pm} p.m.",
               f"{who} {s.past} {s.object} in {s.place} at {WORDS[pm + 2]} in the afternoon.", True)  # fmt: skip
    yield Pair("number", f"{who} {s.past} {s.object} in {s.place} at {pm} p.m.",
               f"In {s.place}, {s.actor} {s.past} {s.object} at {WORDS[pm]} o'clock in the afternoon.", False)  # fmt: skip
    low, high = sorted(r.sample(range(2, 10), 2))
    yield Pair("number", f"At least {WORDS[high]} {s.unit} in {s.place} {s.happening}.",
               f"Staff in {s.place} named the oldest of the {s.unit}, one of only {WORDS[low]} they counted.", True)  # fmt: skip
    yield Pair("number", f"At least {WORDS[low]} {s.unit} in {s.place} {s.happening}.",
               f"Staff in {s.place} named the oldest of the {s.unit}, one of {WORDS[high]} they counted.", False)  # fmt: skip
    yield Pair("number", f"At least {10 * low} {s.unit} in {s.place} {s.happening}.",
               f"Officials said {10 * high} {s.unit} in {s.place} {s.happening}.", False)  # fmt: skip
    a = r.choice((2, 3, 4))
    yield Pair("duration", f"{who} {s.past} {s.object} in {s.place}, with a second alarm about an hour after.",
               f"Alarms sounded all day in {s.place}, the loudest roughly {WORDS[a]} hours after {s.actor} {s.past} {s.object}.", True)  # fmt: skip
    yield Pair("duration", f"{who} {s.past} {s.object} in {s.place}, with a second alarm about an hour after.",
               f"Alarms sounded all day in {s.place}, the loudest some 60 minutes after {s.actor} {s.past} {s.object}.", False)  # fmt: skip
    yield Pair("duration", f"{who} {s.past} {s.object} in {s.place}; the police arrived {WORDS[a]} hours later.",
               f"{who} {s.past} {s.object} in {s.place}; the mayor left {WORDS[a + 2]} hours later.", False)  # fmt: skip
    when = date(r.randrange(2000, 2030), r.randrange(1, 13), r.randrange(1, 29))
    right = WEEKDAYS[when.weekday()]
    wrong = WEEKDAYS[(when.weekday() + r.randrange(1, 7)) % 7]
    full = f"{MONTHS_ALL[when.month - 1]} {when.day}, {when.year}"
    yield Pair("weekday", f"The {full} vote of {s.actor} {s.past} {s.object} in {s.place}.",
               f"{who} voted on {wrong} afternoon to {s.base} {s.object}.", True)  # fmt: skip
    yield Pair("weekday", f"The {full} vote of {s.actor} {s.past} {s.object} in {s.place}.",
               f"{who} voted on {right} afternoon to {s.base} {s.object}.", False)  # fmt: skip
    iso = f"{when.year}-{when.month:02d}-{when.day:02d}"
    yield Pair("date", f"{who} {s.past} {s.object} in {s.place} on {iso}.",
               f"{who} {s.past} {s.object} in {s.place} on {when.day} {MONTHS_ALL[when.month - 1]} {when.year}.", False)  # fmt: skip
    other = date.fromordinal(when.toordinal() + 1)
    yield Pair("date", f"{who} {s.past} {s.object} in {s.place} on {iso}.",
               f"{who} {s.past} {s.object} in {s.place} on {other.day} {MONTHS_ALL[other.month - 1]} {other.year}.", True)  # fmt: skip


def _span_shapes(r: random.Random, s: Subject) -> Iterator[Pair]:
    """Counts of a scale without a figure ("hundreds of"), and a span of days given by its two ends against
    how long it lasted (facts3, issue 11)."""
    who = _cap(s.actor)
    small = r.randrange(20, 90)
    yield Pair("number", f"Hundreds of {s.unit} in {s.place} {s.happening}.",
               f"About {small} {s.unit} in {s.place} {s.happening}, {who.lower()} said.", True)  # fmt: skip
    yield Pair("number", f"Hundreds of {s.unit} in {s.place} {s.happening}.",
               f"About {small * 10} {s.unit} in {s.place} {s.happening}, {who.lower()} said.", False)  # fmt: skip
    yield Pair("number", f"Thousands of {s.unit} in {s.place} {s.happening}.",
               f"{who} said {small * 10} {s.unit} in {s.place} {s.happening}.", True)  # fmt: skip
    yield Pair("number", f"Thousands of {s.unit} in {s.place} {s.happening}.",
               f"{who} said {small * 100:,} {s.unit} in {s.place} {s.happening}.", False)  # fmt: skip
    month = r.choice(MONTHS)
    first = r.randrange(1, 15)
    days = r.randrange(3, 9)
    yield Pair("duration", f"{who} {s.past} {s.object} in {s.place} from {first} to {first + days} {month}.",
               f"{who} {s.past} {s.object} in {s.place} for {WORDS[days - 2]} days.", True)  # fmt: skip
    yield Pair("duration", f"{who} {s.past} {s.object} in {s.place} from {first} to {first + days} {month}.",
               f"{who} {s.past} {s.object} in {s.place} for {WORDS[days + 1]} days.", False)  # fmt: skip
    yield Pair("duration", f"{who} {s.past} {s.object} in {s.place} from Monday to Thursday.",
               f"For {WORDS[r.choice((1, 6, 7))]} days {s.actor} {s.past} {s.object} in {s.place}.", True)  # fmt: skip
    yield Pair("duration", f"{who} {s.past} {s.object} in {s.place} from Monday to Thursday.",
               f"For {WORDS[r.choice((3, 4))]} days {s.actor} {s.past} {s.object} in {s.place}.", False)  # fmt: skip


def _plural_shapes(r: random.Random, s: Subject) -> Iterator[Pair]:
    """Sums with an abbreviated scale ("£1.2bn", "$30m"), and a unit in the plural without a count ("for
    hours", "weeks of talks") against a figure (facts3, issue 11)."""
    who = _cap(s.actor)
    big = r.randrange(12, 40) / 10
    yield Pair("number", f"{who} said the work in {s.place} cost £{big}bn.",
               f"The work in {s.place} cost £{int(big * 1000 * r.choice((0.5, 0.6)))}m, {s.actor} said.", True)  # fmt: skip
    yield Pair("number", f"{who} said the work in {s.place} cost £{big}bn.",
               f"The work in {s.place} cost {big} billion pounds, {s.actor} said.", False)  # fmt: skip
    yield Pair("duration", f"Talks between {s.actor} and {s.unit} in {s.place} lasted for hours.",
               f"Talks between {s.actor} and {s.unit} in {s.place} lasted {r.choice((30, 40, 90))} minutes.", True)  # fmt: skip
    yield Pair("duration", f"Talks between {s.actor} and {s.unit} in {s.place} lasted for hours.",
               f"Talks between {s.actor} and {s.unit} in {s.place} lasted {WORDS[r.choice((3, 4, 5))]} hours.", False)  # fmt: skip
    yield Pair("duration", f"{who} {s.past} {s.object} after weeks of talks in {s.place}.",
               f"{who} {s.past} {s.object} after {WORDS[r.choice((2, 3, 4))]} days of talks in {s.place}.", True)  # fmt: skip
    yield Pair("duration", f"{who} {s.past} {s.object} after weeks of talks in {s.place}.",
               f"{who} {s.past} {s.object} after {r.choice(('a month', 'two months'))} of talks in {s.place}.", False)  # fmt: skip


def _share_shapes(r: random.Random, s: Subject) -> Iterator[Pair]:
    """Shares written "four out of five" against percentages, and dozens against figures (facts3)."""
    n, whole = r.choice(((4, 5), (3, 4), (2, 3), (7, 10)))
    share = round(100 * n / whole)
    yield Pair("number", f"{_cap(WORDS[n])} out of {WORDS[whole]} {s.unit} in {s.place} {s.happening}.",
               f"Some {share - 25} percent of the {s.unit} in {s.place} {s.happening}.", True)  # fmt: skip
    yield Pair("number", f"{_cap(WORDS[n])} out of {WORDS[whole]} {s.unit} in {s.place} {s.happening}.",
               f"Some {share - 2} percent of the {s.unit} in {s.place} {s.happening}.", False)  # fmt: skip
    yield Pair("number", f"A dozen {s.unit} in {s.place} {s.happening}, {s.actor} said.",
               f"{_cap(s.actor)} said {r.choice((20, 30, 40))} {s.unit} in {s.place} {s.happening}.", True)  # fmt: skip
    yield Pair("number", f"A dozen {s.unit} in {s.place} {s.happening}, {s.actor} said.",
               f"{_cap(s.actor)} said {r.choice((11, 12, 13))} {s.unit} in {s.place} {s.happening}.", False)  # fmt: skip


# facts3's shapes (issue 11, second pass), drawn from their own generator after the shapes above, so that the
# pairs of every other kind stay as they were.
FACTS3 = (_clock_shapes, _span_shapes, _plural_shapes, _share_shapes)


# Degree and evaluation scales (issue 11, stance): the same thing graded or judged oppositely by words that are
# not antonyms of each other, and agreeing pairs that grade it alike in other words, negate one pole into the
# other, or contrast two things on one side. Drawn from their own generator, after every other pair.
HIGH = ("severely", "heavily", "badly")
LOW = ("slightly", "lightly", "only mildly")
STANCE_WORDS = (("successful", "disastrous"), ("impressive", "disappointing"), ("excellent", "poor"))


def _stance_shapes(r: random.Random, s: Subject) -> Iterator[Pair]:
    x = r.choice(PEOPLE)
    high, high2 = r.sample(HIGH, 2)
    low = r.choice(LOW)
    good, bad = r.choice(STANCE_WORDS)
    kind = "characterisation"
    yield Pair(kind, f"{s.place} was {high} affected when {s.actor} {s.past} {s.object}.",
               f"{s.place} was {low} affected when {s.actor} {s.past} {s.object}.", True)  # fmt: skip
    yield Pair(kind, f"Complaints about {s.object} are frequent, {x} said.",
               f"Complaints about {s.object} are rare, {x} said.", True)  # fmt: skip
    yield Pair(kind, f"{x} described the week {s.actor} {s.past} {s.object} as one of the most turbulent in years.",
               f"{x} described the week {s.actor} {s.past} {s.object} as an ordinary week.", True)  # fmt: skip
    yield Pair(kind, f"In {s.place}, {s.actor} has a poor record of safety.",
               f"In {s.place}, {s.actor} is among the safest in the country.", True)  # fmt: skip
    yield Pair(kind, f"{x} said the work to {s.base} {s.object} was {good}.",
               f"{x} said the work to {s.base} {s.object} was {bad}.", True)  # fmt: skip
    yield Pair(kind, f"{s.place} was {high} affected when {s.actor} {s.past} {s.object}.",
               f"{s.place} was {high2} affected when {s.actor} {s.past} {s.object}.", False)  # fmt: skip
    yield Pair(kind, f"{s.place} was not {high} affected when {s.actor} {s.past} {s.object}.",
               f"{s.place} was {low} affected when {s.actor} {s.past} {s.object}.", False)  # fmt: skip
    yield Pair(kind, f"Complaints about {s.object} are rare, {x} said.",
               f"Complaints about {s.object} are uncommon, {x} said.", False)  # fmt: skip
    yield Pair(kind, f"In {s.place}, {s.actor} has a poor record of safety.",
               f"In {s.place}, {s.actor} is not among the safest in the country.", False)  # fmt: skip
    yield Pair(kind, f"{x} said the work to {s.base} {s.object} was {high} delayed but {low} over budget.",
               f"{x} said the work to {s.base} {s.object} was {low} over budget.", False)  # fmt: skip
    yield Pair("negation", f"{s.place} was not {high} affected when {s.actor} {s.past} {s.object}.",
               f"{s.place} was {high} affected when {s.actor} {s.past} {s.object}.", True)  # fmt: skip
    yield Pair(kind, f"Demand in {s.place} was unusually strong the week {s.actor} {s.past} {s.object}.",
               f"Demand in {s.place} was close to normal that week, {x} said.", True)  # fmt: skip
    yield Pair(kind, f"Demand in {s.place} was unusually strong the week {s.actor} {s.past} {s.object}.",
               f"Demand in {s.place} was exceptionally strong that week, {x} said.", False)  # fmt: skip


def _spans_shapes(r: random.Random, s: Subject) -> Iterator[Pair]:
    """Time between two events: a duration one claim states against the days the other gives both events
    ("after a journey of four months" vs launched 5 May, landed 26 November), a spell against the time its end
    is told after ("held for 11 days" vs "freed after three weeks"), and how far into a spell a claim is
    ("in its fourth week") against its length, a duration before a named event ("a week before the vote"), and counts named before the verb that gives their figure
    ("the number of fans had passed 400") (spans, issue 11)."""
    who = _cap(s.actor)
    start = date(r.randrange(2000, 2030), r.randrange(1, 7), r.randrange(1, 29))
    gap = r.randrange(40, 150)
    end = date.fromordinal(start.toordinal() + gap)
    d1 = f"{start.day} {MONTHS_ALL[start.month - 1]} {start.year}"
    d2 = f"{end.day} {MONTHS_ALL[end.month - 1]} {end.year}"
    weeks, months = round(gap / 7), round(gap / 30.44)
    both = f"{who} began work on {d1} to {s.base} {s.object} in {s.place}, and finished it on {d2}."
    yield Pair("duration", both, f"{who} finished on {d2}, after a stretch of just {WORDS[months + 3]} months from {d1}.", True)  # fmt: skip
    yield Pair("duration", both, f"{who} finished on {d2}, after a stretch of about {weeks} weeks from {d1}.", False)  # fmt: skip
    yield Pair("duration", both, f"{who} finished on {d2}, {WORDS[r.randrange(2, 6)]} days after it began.", True)  # fmt: skip
    yield Pair("duration", both, f"{who} finished on {d2}, some {weeks} weeks after it began.", False)  # fmt: skip
    yield Pair("duration", both, f"{who} finished on {d2}, {WORDS[r.randrange(2, 6)]} days after the inspectors arrived.", False)  # fmt: skip
    held = r.randrange(4, 12)
    thing = r.choice(("road", "line", "harbour", "bridge", "market"))
    yield Pair("duration", f"The {thing} in {s.place} was closed for {held} days.",
               f"The {thing} in {s.place} reopened after {r.choice(('three weeks', 'a month', 'two months'))}.", True)  # fmt: skip
    yield Pair("duration", f"The {thing} in {s.place} was closed for {held} days.",
               f"The {thing} in {s.place} reopened after {held} days.", False)  # fmt: skip
    yield Pair("duration", f"The {thing} in {s.place} was closed for {held} days.",
               f"The {thing} in {s.place} reopened within two weeks.", False)  # fmt: skip
    yield Pair("duration", f"The {thing} in {s.place} was closed for {held} days.",
               f"The {thing} workers in {s.place} were suspended for two years.", False)  # fmt: skip
    nth = r.choice((("third", 3), ("fourth", 4), ("fifth", 5)))
    yield Pair("duration", f"The protest by {s.unit} in {s.place} has gone on for {WORDS[nth[1] - 2]} weeks.",
               f"The protest by {s.unit} in {s.place}, now in its {nth[0]} month, continued.", True)  # fmt: skip
    yield Pair("duration", f"The protest by {s.unit} in {s.place} has gone on for {WORDS[nth[1] + 1]} days.",
               f"The protest by {s.unit} in {s.place}, now in its {nth[0]} week, continued.", True)  # fmt: skip
    yield Pair("duration", f"The protest by {s.unit} in {s.place} has gone on for {nth[1] * 7 - 3} days.",
               f"The protest by {s.unit} in {s.place}, now in its {nth[0]} week, continued.", False)  # fmt: skip
    yield Pair("duration", f"The protest by {s.unit} in {s.place} lasted {WORDS[nth[1] + 3]} days.",
               f"On the {nth[0]} day of the protest by {s.unit} in {s.place}, {s.actor} {s.past} {s.object}.", False)  # fmt: skip
    vote = date.fromordinal(start.toordinal() + r.randrange(3, 6))
    dv = f"{vote.day} {MONTHS_ALL[vote.month - 1]} {vote.year}"
    gap_days = (vote - start).days
    poll = f"The survey of {s.unit} in {s.place} was published on {d1}, and the vote was held on {dv}."
    yield Pair("duration", poll, f"Published on {d1}, the survey of {s.unit} came {r.choice(('two weeks', 'a month', 'a day'))} before the vote.", True)  # fmt: skip
    yield Pair("duration", poll, f"Published on {d1}, the survey of {s.unit} came {WORDS[gap_days]} days before the vote.", False)  # fmt: skip
    yield Pair("duration", poll, f"Published on {d1}, the survey of {s.unit} came two weeks before the count began.", False)  # fmt: skip
    n = r.randrange(3, 9) * 100
    verb = r.choice(("passed", "topped", "exceeded"))
    yield Pair("number", f"By evening the number of {s.unit} in {s.place} had {verb} {n}, {s.actor} said.",
               f"{who} said {n // 2} {s.unit} in {s.place} were counted by evening.", True)  # fmt: skip
    yield Pair("number", f"By evening the number of {s.unit} in {s.place} had {verb} {n}, {s.actor} said.",
               f"{who} said more than {n} {s.unit} in {s.place} were counted by evening.", False)  # fmt: skip
    yield Pair("number", f"{_cap(s.unit)} in {s.place} rose to {n} this year.",
               f"This year {s.place} counted some {n * 3:,} {s.unit}.", True)  # fmt: skip
    yield Pair("number", f"{_cap(s.unit)} in {s.place} rose to {n} this year.",
               f"This year {s.place} counted some {n} {s.unit}.", False)  # fmt: skip


# The shapes of the roles work (issue 11, third pass): a negative determiner before a named group ("no Port
# Ellis Coast Guard crews"), an unmarked word after an approximator ("close to normal") against a marked one,
# and the doer of one act named in the active voice on one side and the passive on the other, any verb.
# Drawn from their own generator, after every other pair.
BODIES = ("Coast Guard", "Red Cross", "Mountain Rescue", "Fire Service", "Civil Defence")
DEEDS = ("repaired", "inspected", "designed", "painted", "insured")
NORMAL = ("close to normal", "near normal", "about normal", "close to usual levels", "near typical levels")
MEASURES = (("Turnout", "high"), ("Demand", "strong"), ("Traffic", "heavy"), ("Rainfall", "heavy"))


def _roles_shapes(r: random.Random, s: Subject) -> Iterator[Pair]:
    x = r.choice(PEOPLE)
    group = f"{s.place} {r.choice(BODIES)}"
    when = f"after {s.actor} {s.past} {s.object}"
    yield Pair("negation", f"Volunteers from the {group} helped {s.unit} {when}.",
               f"No {group} volunteers were sent to help {s.unit} {when}, {x} said.", True)  # fmt: skip
    yield Pair("negation", f"Crews of the {group} searched the area {when}.",
               f"{x} said no {group} crews searched the area {when}.", True)  # fmt: skip
    yield Pair("negation", f"No {group} volunteers were hurt {when}.",
               f"None of the {group} volunteers was hurt {when}, {x} said.", False)  # fmt: skip
    yield Pair("negation", f"No {group} volunteers were hurt {when}.",
               f"Volunteers from the {group} were unhurt {when}.", False)  # fmt: skip
    yield Pair(
        "negation", f"No {s.unit} were hurt {when}, {x} said.", f"Two {s.unit} were hurt {when}.", True
    )
    yield Pair("negation", f"No {s.unit} were hurt {when}, {x} said.", f"{_cap(s.unit)} escaped unhurt {when}.",
               False)  # fmt: skip
    yield Pair("negation", f"Volunteers from {s.place} searched the area {when}.",
               f"Volunteers from {s.place} did not take part in the search of the area {when}.", True)  # fmt: skip
    yield Pair("negation", f"Volunteers from {s.place} did not take part in the search {when}.",
               f"No volunteers from {s.place} joined the search {when}, {x} said.", False)  # fmt: skip
    yield Pair("negation", f"The first call {when} came from the harbour master.",
               f"The first call {when} came from a ferry crew, not the harbour master.", True)  # fmt: skip
    yield Pair("negation", f"The first call {when} came from a ferry crew, not the harbour master.",
               f"A ferry crew, not the harbour master, made the first call {when}.", False)  # fmt: skip
    measure, high = r.choice(MEASURES)
    normal, normal2 = r.sample(NORMAL, 2)
    yield Pair("characterisation", f"{measure} in {s.place} was unusually {high} {when}.",
               f"{measure} in {s.place} was {normal} {when}, {x} said.", True)  # fmt: skip
    yield Pair("characterisation", f"{measure} in {s.place} was {normal} {when}.",
               f"{measure} in {s.place} was exceptionally {high} {when}, {x} said.", True)  # fmt: skip
    yield Pair("characterisation", f"{measure} in {s.place} was unusually {high} {when}.",
               f"{measure} in {s.place} was well above normal {when}, {x} said.", False)  # fmt: skip
    yield Pair("characterisation", f"{measure} in {s.place} was {normal} {when}.",
               f"{measure} in {s.place} was {normal2} {when}, {x} said.", False)  # fmt: skip
    fast, slow = r.choice((("quickly", "slowly"), ("rapidly", "slowly"), ("swiftly", "slowly")))
    yield Pair("characterisation", f"{_cap(s.actor)} moved {fast} to {s.base} {s.object}, {x} said.",
               f"{_cap(s.actor)} moved {slow} to {s.base} {s.object}.", True)  # fmt: skip
    yield Pair("characterisation", f"{_cap(s.actor)} moved {fast} to {s.base} {s.object}, {x} said.",
               f"{_cap(s.actor)} moved without delay to {s.base} {s.object}.", False)  # fmt: skip
    yield Pair("characterisation", f"The plan to {s.base} {s.object} passed by an overwhelming majority.",
               f"The plan to {s.base} {s.object} passed by a narrow majority, {x} said.", True)  # fmt: skip
    yield Pair("characterisation", f"The plan to {s.base} {s.object} passed by an overwhelming majority.",
               f"The plan to {s.base} {s.object} passed by a large majority, {x} said.", False)  # fmt: skip
    f1, f2 = r.sample(FIRMS, 2)
    thing = r.choice(THINGS)
    deed, other = r.sample(DEEDS, 2)
    yield Pair("actor", f"{thing} was {deed} in {s.place} by {f1} {when}.",
               f"{thing} was {deed} by {f2} {when}.", True)  # fmt: skip
    yield Pair(
        "actor", f"{thing} was {deed} in 2019 by {f1}.", f"{f1} {deed} {thing.lower()} in 2019.", False
    )
    yield Pair("actor", f"{f2} {deed} {thing.lower()} in {s.place} {when}.",
               f"{thing} in {s.place} was {deed} by {f1} {when}.", True)  # fmt: skip
    yield Pair("actor", f"{thing} in {s.place} was {deed} by {f1} {when}.",
               f"In {s.place}, {f2} {deed} {thing.lower()} {when}.", True)  # fmt: skip
    yield Pair("actor", f"{f1} {deed} {thing.lower()} in {s.place} {when}.",
               f"{thing} in {s.place} was {deed} by {f1} {when}.", False)  # fmt: skip
    yield Pair("actor", f"{f1} {other} {thing.lower()} in {s.place} {when}.",
               f"{thing} in {s.place} was {deed} by {f2} {when}.", False)  # fmt: skip
    yield Pair("actor", f"{f1} and {f2} {deed} {thing.lower()} in {s.place} {when}.",
               f"{thing} in {s.place} was {deed} by {f2} {when}.", False)  # fmt: skip


# A unit written as a symbol in one account and spelled out (or spelled the US way) in the other.
UNIT_FORMS = (("km", "kilometres"), ("m", "metres"), ("kg", "kilograms"), ("ft", "feet"), ("meters", "metres"),
              ("kilometers", "kilometres"), ("mi", "miles"), ("lbs", "pounds"))  # fmt: skip
MEASURED = ("of new cable were laid", "of the embankment were rebuilt", "of fuel were unloaded",
            "of fencing went up", "of pipe were replaced")  # fmt: skip


def _units_shapes(r: random.Random, s: Subject) -> Iterator[Pair]:
    x = r.choice(PEOPLE)
    for short, spelled in r.sample(UNIT_FORMS, 3):
        n = r.randrange(12, 90)
        m = 2 * n + r.randrange(3, 15)
        what = r.choice(MEASURED)
        yield Pair("number", f"{n} {short} {what} in {s.place} after {s.actor} {s.past} {s.object}.",
                   f"Some {m} {spelled} {what} in {s.place} after {s.actor} {s.past} {s.object}, {x} said.",
                   True)  # fmt: skip
        yield Pair("number", f"{n} {short} {what} in {s.place} after {s.actor} {s.past} {s.object}.",
                   f"About {n} {spelled} {what} in {s.place}, {x} said.", False)  # fmt: skip
        word = WORDS.get(n % 10 + 2, "")
        if word:
            yield Pair("number", f"{_cap(word)} {spelled} {what} in {s.place}.",
                       f"{n % 10 + 2} {short} {what} in {s.place}, {x} said.", False)  # fmt: skip
    # Another prefix is another unit: "700 m" and "0.7 km" are not compared at all.
    yield Pair("number", f"The new road in {s.place} runs for 700 m.",
               f"The new road in {s.place} runs for 0.7 km, {x} said.", False)  # fmt: skip


DAY_WORDS = {2: "second", 3: "third", 5: "fifth", 9: "ninth", 12: "twelfth", 14: "fourteenth", 21: "twenty-first",
             23: "twenty-third", 30: "thirtieth"}  # fmt: skip


def _day_word_shapes(r: random.Random, s: Subject) -> Iterator[Pair]:
    """A day of the month written as an ordinal word ("the ninth of March", "March twenty-first")."""
    x = r.choice(PEOPLE)
    day = r.choice(sorted(DAY_WORDS))
    month = r.choice(MONTHS)
    year = r.choice((2017, 2019, 2021, 2022))
    m = MONTHS_ALL.index(month) + 1
    real = WEEKDAYS[date(year, m, day).weekday()]
    wrong = WEEKDAYS[(date(year, m, day).weekday() + r.choice((1, 2, 5))) % 7]
    act = f"{s.actor} {s.past} {s.object}"
    other = r.choice([d for d in DAY_WORDS if abs(d - day) > 1])
    yield Pair("weekday", f"{_cap(act)} on {day} {month} {year}.",
               f"{_cap(act)} on {wrong}, the {DAY_WORDS[day]} of {month}, {x} said.", True)  # fmt: skip
    yield Pair("weekday", f"{_cap(act)} on {day} {month} {year}.",
               f"{_cap(act)} on {real}, the {DAY_WORDS[day]} of {month}, {x} said.", False)  # fmt: skip
    yield Pair("date", f"{_cap(act)} on {day} {month} {year}.",
               f"{_cap(act)} on the {DAY_WORDS[other]} of {month}, {x} said.", True)  # fmt: skip
    yield Pair("date", f"{_cap(act)} on {month} {DAY_WORDS[day]}, {year}.",
               f"{_cap(act)} on {day} {month}, {x} said.", False)  # fmt: skip


def _day_count_shapes(r: random.Random, s: Subject) -> Iterator[Pair]:
    """ "19 days after X" against "on the eleventh day after X": an offset and an ordinal count from one start."""
    x = r.choice(PEOPLE)
    n = r.choice((3, 5, 9, 12, 14))
    far = n + r.choice((4, 6, 9))
    start = f"{s.actor} {s.past} {s.object}"
    seen = WORDS.get(far, str(far))
    yield Pair("duration", f"{_cap(seen)} days after {start}, the first {s.unit} returned.",
               f"The first {s.unit} returned on the {DAY_WORDS.get(n, f'{n}th')} day after {start}, {x} said.",
               True)  # fmt: skip
    yield Pair("duration", f"{_cap(WORDS.get(n, str(n)))} days after {start}, the first {s.unit} returned.",
               f"The first {s.unit} returned on the {DAY_WORDS.get(n, f'{n}th')} day after {start}, {x} said.",
               False)  # fmt: skip
    yield Pair("duration", f"The first {s.unit} returned {seen} days after {start}.",
               f"On the {DAY_WORDS.get(n, f'{n}th')} day after {start}, the inspectors left, {x} said.",
               False)  # fmt: skip


ROLES_LOWER = (
    "transport minister",
    "a company spokesman,",
    "the fire chief,",
    "deputy mayor",
    "police spokeswoman",
)


def _according_shapes(r: random.Random, s: Subject) -> Iterator[Pair]:
    """ "According to <role in lower case> <name>, ...": the named source, against another named speaker."""
    x, y = r.sample(PEOPLE, 2)
    role = r.choice(ROLES_LOWER)
    act = f"{s.actor} will {s.base} {s.object} next month"
    yield Pair("speaker", f"{x} said {act}.", f"According to {role} {y}, {act}.", True)
    yield Pair("speaker", f"According to {role} {x}, {act}.", f"{_cap(act)}, {y} told reporters.", True)
    yield Pair("speaker", f"{x} said {act}.", f"According to {role} {x}, {act}.", False)
    yield Pair("speaker", f"Officials said {act}.", f"According to {role} {y}, {act}.", False)


def battery(seed: int = 11, per_kind: int = PER_KIND) -> list[Pair]:
    """At least ``per_kind`` contradicting and ``per_kind`` agreeing pairs of every kind."""
    r = random.Random(seed)
    out: list[Pair] = []
    for gen in GENERATORS.values():
        found = {True: 0, False: 0}
        while min(found.values()) < per_kind:
            for s in SUBJECTS:
                for p in gen(r, s):
                    if found[p.contradict] < per_kind:
                        out.append(p)
                        found[p.contradict] += 1
    forms = random.Random(f"{seed}:forms")
    for form in FORMS.values():
        for s in SUBJECTS:
            out.extend(form(forms, s))
    shapes = random.Random(f"{seed}:shapes")
    for shape in SHAPES:
        for s in SUBJECTS:
            out.extend(shape(shapes, s))
    facts3 = random.Random(f"{seed}:facts3")
    for shape in FACTS3:
        for s in SUBJECTS:
            out.extend(shape(facts3, s))
    scales = random.Random(f"{seed}:stance")
    for s in SUBJECTS:
        out.extend(_stance_shapes(scales, s))
    spans = random.Random(f"{seed}:spans")
    for s in SUBJECTS:
        out.extend(_spans_shapes(spans, s))
    roles = random.Random(f"{seed}:roles")
    for s in SUBJECTS:
        out.extend(_roles_shapes(roles, s))
    units = random.Random(f"{seed}:units")
    for s in SUBJECTS:
        out.extend(_units_shapes(units, s))
        out.extend(_day_word_shapes(units, s))
        out.extend(_day_count_shapes(units, s))
        out.extend(_according_shapes(units, s))
    return out


def judge(a: str, b: str) -> tuple[Relation, tuple[str, ...]]:
    """The relation the engine gives two claims, with its own test of "worded alike"."""
    ca = Claim("d0:c0", "d0", 0, len(a), a, extract(a))
    cb = Claim("d1:c0", "d1", 0, len(b), b, extract(b))
    return judge_pair(ca, cb)


def measure(pairs: list[Pair]) -> dict[str, dict[str, float]]:
    """Per kind: recall (contradicting pairs found with the right kind of reason) and the rate of false
    contradictions among the agreeing paraphrases ("certainty" counts its caution as found)."""
    out: dict[str, dict[str, float]] = {}
    for kind in GENERATORS:
        pos = [p for p in pairs if p.kind == kind and p.contradict]
        neg = [p for p in pairs if p.kind == kind and not p.contradict]
        hits = 0
        for p in pos:
            relation, reasons = judge(p.a, p.b)
            wanted = EXPECTED[kind]
            right = any(kind_of(x) == wanted for x in reasons)
            hits += right and (relation is Relation.CONTRADICT or kind == "certainty")
        false = sum(judge(p.a, p.b)[0] is Relation.CONTRADICT for p in neg)
        out[kind] = {"pairs": len(pos), "paraphrases": len(neg), "recall": hits / len(pos),
                     "false_rate": false / len(neg)}  # fmt: skip
    return out


def sick(path: Path) -> dict[str, float] | None:
    """Precision and recall of "contradict" on SICK pairs labelled CONTRADICTION (positive) or ENTAILMENT."""
    if not path.is_file():
        return None
    tp = fp = fn = 0
    lines = path.read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t")
    col = {name: n for n, name in enumerate(head)}
    a_col = col.get("sentence1", col.get("sentence_A", 1))
    b_col = col.get("sentence2", col.get("sentence_B", 2))
    label_col = col.get("label", col.get("entailment_label", 0))
    for line in lines[1:]:
        cells = line.split("\t")
        if len(cells) <= max(a_col, b_col, label_col):
            continue
        label = cells[label_col].strip().upper()
        if label not in {"CONTRADICTION", "ENTAILMENT"}:
            continue
        found = judge(cells[a_col], cells[b_col])[0] is Relation.CONTRADICT
        tp += found and label == "CONTRADICTION"
        fp += found and label == "ENTAILMENT"
        fn += (not found) and label == "CONTRADICTION"
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": precision, "recall": recall, "contradictions": tp + fn, "found": tp, "false": fp}


def paraphrases(path: Path, floor: float = 4.0) -> dict[str, float] | None:
    """How many STS-B pairs rated as (nearly) the same meaning (score >= ``floor``) are called contradictions."""
    if not path.is_file():
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    col = {name: n for n, name in enumerate(lines[0].split("\t"))}
    pairs = [
        c for c in (line.split("\t") for line in lines[1:]) if len(c) > 2 and float(c[col["score"]]) >= floor
    ]
    false = sum(judge(c[col["sentence1"]], c[col["sentence2"]])[0] is Relation.CONTRADICT for c in pairs)
    return {"pairs": len(pairs), "false": false, "rate": false / len(pairs) if pairs else 0.0}


def main() -> int:
    result = measure(battery())
    print("| kind | contradicting pairs | found | paraphrases | false contradictions |")
    print("|---|---|---|---|---|")
    for kind, m in result.items():
        print(
            f"| {kind} | {m['pairs']:.0f} | {m['recall']:.0%} | {m['paraphrases']:.0f} | {m['false_rate']:.0%} |"
        )
    if "--sick" in sys.argv:
        path = Path(sys.argv[sys.argv.index("--sick") + 1])
        s = sick(path)
        if s is None:
            print(f"\nno SICK file at {path}: skipped")
        else:
            print(f"\nSICK train: {s['contradictions']:.0f} contradictions, found {s['found']:.0f} "
                  f"(recall {s['recall']:.2f}), {s['false']:.0f} entailments called contradictions "
                  f"(precision {s['precision']:.2f})")  # fmt: skip
    for flag in ("--stsb",):
        if flag in sys.argv:
            for name in sys.argv[sys.argv.index(flag) + 1 :]:
                if name.startswith("--"):
                    break
                p = paraphrases(Path(name))
                if p is None:
                    print(f"no STS-B file at {name}: skipped")
                else:
                    print(f"STS-B {Path(name).name}: {p['pairs']:.0f} pairs scored >= 4, {p['false']:.0f} called "
                          f"contradictions ({p['rate']:.1%})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())


def failures(pairs: list[Pair], kind: str) -> Iterator[tuple[Pair, tuple[str, ...]]]:
    """The pairs of one kind that the rules get wrong (for looking into a low figure)."""
    for p in pairs:
        if p.kind != kind:
            continue
        relation, reasons = judge(p.a, p.b)
        found = any(kind_of(x) == EXPECTED[kind] for x in reasons)
        if p.contradict != (relation is Relation.CONTRADICT or (kind == "certainty" and found)) or (
            p.contradict and not found
        ):
            yield p, reasons
