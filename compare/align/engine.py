"""The one entry point of the engine: documents in, a Comparison out."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from compare import __version__
from compare.align.match import add_split_links, assign
from compare.align.passages import share_speakers
from compare.align.relate import relate
from compare.align.rescue import fact_frame_pairs
from compare.align.score import DEFAULT_WEIGHTS, Weights, match_strength, pair_scores
from compare.align.semantic import Embedder, EmbeddingCache, MemoryCache, cosine, embed_cached
from compare.model import (
    AlignSettings,
    CancelCheck,
    Cancelled,
    Claim,
    Comparison,
    Document,
    InputError,
    Link,
    Progress,
    ProgressCallback,
)
from compare.text.facts import extract, known_names
from compare.text.normalize import content_tokens
from compare.text.segment import segment

ENGINE_VERSION = f"narrative-compare {__version__} (lexical)"
# Linked claims this close in wording may have their lone numbers compared even without a shared unit.
SIMILAR_WORDING = 0.55
PRONOUN_OPENER = re.compile(
    r"(?:He|She)\s+(?:said|told|added|described|warned|wrote|reported|posted|called)\b"
)


def claims_of(document: Document) -> list[Claim]:
    """Segment a document and extract the facts of each claim."""
    names = known_names(document.text)
    out: list[Claim] = []
    for n, span in enumerate(segment(document.text)):
        text = document.text[span.start : span.end]
        facts = extract(text, speaker=span.speaker, quoted=span.quoted, names=names, written=document.date)
        if not facts.speaker and out and PRONOUN_OPENER.match(text):
            # "He described ..." speaks for the person the previous claim named last.
            prior = out[-1].facts
            person = prior.speaker or next((e for e in reversed(prior.entities) if " " in e), "")
            if person:
                facts = replace(facts, speaker=person)
        out.append(Claim(f"{document.id}:c{n}", document.id, span.start, span.end, text, facts))
    return share_speakers(out)


def link_claims(
    base: Sequence[Claim],
    other: Sequence[Claim],
    settings: AlignSettings,
    *,
    weights: Weights = DEFAULT_WEIGHTS,
    idf_texts: Sequence[Sequence[str]] | None = None,
    semantic: np.ndarray | None = None,
) -> list[Link]:
    """Links between the claims of the base and of one account (``semantic``: embedding cosines, optional)."""
    if not base or not other:
        return []
    scores = pair_scores(
        [c.text for c in base], [c.text for c in other], [c.facts for c in base], [c.facts for c in other],
        idf_texts=idf_texts, semantic=semantic,
    )  # fmt: skip
    combined = scores.combine(weights)
    strength = match_strength(combined)
    pairs = assign(strength, settings.threshold)
    if settings.allow_split:
        pairs = add_split_links(strength, pairs, settings.threshold)
    pairs = [*pairs, *fact_frame_pairs(base, other, strength, pairs)]  # same claim, one fact differs
    links = []
    for i, j in pairs:
        score = float(strength[i, j])
        lexical = float(max(scores.cosine[i, j], scores.token_set[i, j]))
        relation, reasons = relate(
            base[i], other[j], float(combined[i, j]), similar=lexical >= SIMILAR_WORDING
        )
        links.append(Link(base[i].id, other[j].id, relation, round(score, 3), reasons))
    return links


def compare(
    documents: Sequence[Document],
    settings: AlignSettings | None = None,
    *,
    weights: Weights = DEFAULT_WEIGHTS,
    progress: ProgressCallback | None = None,
    should_cancel: CancelCheck | None = None,
    embedder: Embedder | None = None,
    cache: EmbeddingCache | None = None,
) -> Comparison:
    """Align every account with the base (the first document).

    >>> from compare.model import Document
    >>> base = Document("d0", "Base", "Air strikes on Aleppo stopped on Tuesday. Mosul is in Iraq.")
    >>> other = Document("d1", "Other", "On Tuesday air strikes on Aleppo stopped.")
    >>> result = compare([base, other])
    >>> [(lk.a, lk.b, lk.relation.value) for lk in result.links]
    [('d0:c0', 'd1:c0', 'agree')]
    """
    settings = settings or AlignSettings()
    if len(documents) < 2:
        raise InputError("a comparison needs a base document and at least one other account")
    for d in documents:
        words = len(d.text.split())
        if words > settings.max_words:
            raise InputError(
                f"{d.title or d.id}: {words:,} words is over the limit of {settings.max_words:,}"
            )
    total = len(documents) + len(documents) - 1

    def step(done: int, label: str) -> None:
        if should_cancel is not None and should_cancel():
            raise Cancelled("alignment cancelled")
        if progress is not None:
            progress(Progress(done, total, label))

    claims: list[list[Claim]] = []
    for n, d in enumerate(documents):
        step(n, f"Reading {d.title or d.id}")
        claims.append(claims_of(d))
    # Rarity of words is judged over all accounts, so a word every account uses counts for little.
    idf_texts = [content_tokens(c.text) for cs in claims for c in cs]
    vectors: list[np.ndarray] | None = None
    if settings.semantic:
        if embedder is None:
            raise InputError("the semantic scorer was asked for but no embedder was given")
        step(len(documents), "Embedding claims")
        texts = [c.text for cs in claims for c in cs]
        store = cache if cache is not None else MemoryCache()
        flat = embed_cached(embedder, texts, store, progress=progress, should_cancel=should_cancel)
        bounds = np.cumsum([0, *(len(cs) for cs in claims)])
        vectors = [flat[bounds[k] : bounds[k + 1]] for k in range(len(claims))]
    links: list[Link] = []
    for n, (d, cs) in enumerate(zip(documents[1:], claims[1:], strict=True)):
        step(len(documents) + n, f"Aligning {d.title or d.id}")
        sem = cosine(vectors[0], vectors[n + 1]) if vectors is not None else None
        links += link_claims(claims[0], cs, settings, weights=weights, idf_texts=idf_texts, semantic=sem)
    step(total, "Done")
    return Comparison(
        documents=tuple(documents),
        claims=tuple(c for cs in claims for c in cs),
        links=tuple(links),
        settings=settings,
        engine_version=ENGINE_VERSION + (f" + {embedder.model_id}" if settings.semantic and embedder else ""),
    )


__all__ = ["ENGINE_VERSION", "claims_of", "compare", "link_claims"]
