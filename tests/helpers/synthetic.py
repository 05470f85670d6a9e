"""Synthetic comparisons of any size, for the store's tests and benchmark (and GUI load tests).

Deterministic for a given seed; every claim is a sentence of its document with real offsets, some facts,
and machine links between each account and the base.
"""

from __future__ import annotations

import random

from compare.model import (
    AlignSettings,
    Claim,
    Comparison,
    DateMention,
    Document,
    Facts,
    Link,
    Quantity,
    Relation,
)

_PLACES = ("Kherson", "Lviv", "Odesa", "Kharkiv", "Dnipro", "Mariupol", "Sumy", "Poltava")
_SPEAKERS = ("the governor", "a spokesman", "the ministry", "witnesses", "the mayor", "officials")
_VERBS = ("said", "reported", "confirmed", "denied", "claimed", "announced")
_NOUNS = ("people", "soldiers", "refugees", "buildings", "vehicles", "families")


def synthetic_comparison(documents: int = 3, claims: int = 30, *, seed: int = 0) -> Comparison:
    """``documents`` accounts sharing ``claims`` claims between them (spread evenly), linked to the base."""
    rng = random.Random(seed)
    per_doc = max(1, claims // documents)
    docs, all_claims = [], []
    for k in range(documents):
        count = per_doc + (1 if k < claims - per_doc * documents else 0)
        doc, doc_claims = _document(rng, f"d{k}", count)
        docs.append(doc)
        all_claims.extend(doc_claims)
    base = [c for c in all_claims if c.doc == "d0"]
    links = []
    for c in all_claims:
        if c.doc == "d0" or rng.random() < 0.3:
            continue
        index = int(c.id.split(":c")[1])
        target = base[index % len(base)]
        contradict = rng.random() < 0.15
        links.append(
            Link(
                a=target.id,
                b=c.id,
                relation=Relation.CONTRADICT if contradict else Relation.AGREE,
                score=round(rng.uniform(0.5, 1.0), 3),
                reasons=("date differs",) if contradict else ("same numbers",),
            )
        )
    return Comparison(
        documents=tuple(docs),
        claims=tuple(all_claims),
        links=tuple(links),
        settings=AlignSettings(threshold=0.5),
        engine_version="synthetic",
    )


def _document(rng: random.Random, doc_id: str, count: int) -> tuple[Document, list[Claim]]:
    parts: list[str] = []
    claims = []
    offset = 0
    for i in range(count):
        n, day, place = rng.randint(2, 300_000), rng.randint(1, 28), rng.choice(_PLACES)
        speaker, verb, noun = rng.choice(_SPEAKERS), rng.choice(_VERBS), rng.choice(_NOUNS)
        sentence = f"On {day} September {n:,} {noun} left {place}, {speaker} {verb}."
        facts = Facts(
            numbers=(Quantity(value=float(n), text=f"{n:,}", unit=noun),),
            dates=(DateMention(text=f"{day} September", day=day, month=9),),
            entities=(place,),
            negations=("denied",) if verb == "denied" else (),
            speaker=speaker,
        )
        claims.append(
            Claim(
                id=f"{doc_id}:c{i}",
                doc=doc_id,
                start=offset,
                end=offset + len(sentence),
                text=sentence,
                facts=facts,
            )
        )
        parts.append(sentence)
        offset += len(sentence) + 1
    text = " ".join(parts)
    return Document(id=doc_id, title=f"Account {doc_id}", text=text, source=f"{doc_id}.txt"), claims
