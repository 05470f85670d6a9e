"""The one entry point of the engine: documents in, a Comparison out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from compare import __version__
from compare.align.blocking import blocked_scores
from compare.align.confidence import SUGGESTION_LEVEL, ConfidenceModel, default_model, pair_features
from compare.align.evidence import agreement_evidence
from compare.align.match import assign_pairs, split_pairs
from compare.align.pairs import Pairs, group_best, rank_in_group
from compare.align.quantities import LEAD_CLAIMS, elapsed_differs, lead_events_differ
from compare.align.refute import disputing
from compare.align.relate import relate
from compare.align.rescue import (
    LONE_STRENGTH,
    MIN_STRENGTH,
    NEXT,
    Linked,
    clause_link,
    fact_frame_pairs,
    grounded_pair,
    grounded_reason,
    lone_difference,
    lone_pairs,
    precise_shared,
    second_clause,
)
from compare.align.score import (
    DEFAULT_WEIGHTS,
    NEAR_IDENTICAL,
    PairScores,
    Weights,
    pair_scores,
    pair_strength,
)
from compare.align.semantic import Embedder, EmbeddingCache, MemoryCache, cosine, embed_cached
from compare.model import (
    AlignSettings,
    CancelCheck,
    Cancelled,
    Candidate,
    Claim,
    Comparison,
    Document,
    Furniture,
    InputError,
    Link,
    Progress,
    ProgressCallback,
    Relation,
)
from compare.text.facts import extract, known_names
from compare.text.normalize import content_tokens
from compare.text.segment import segment
from compare.text.speakers import resolve_speakers

ENGINE_VERSION = f"narrative-compare {__version__} (lexical)"
# Linked claims this close in wording may have their lone numbers compared even without a shared unit.
SIMILAR_WORDING = 0.55
# Added to the reasons of a pair kept as a suggestion because nothing beyond the topic supports it.
NO_EVIDENCE = "nothing in common beyond names and topic"
LOW_CONFIDENCE = "not sure enough to mark"
SHARED_FIGURE = "the same figure or date in both"
# Share of such links that are right (rescue.precise_shared): on the fit split 17 of 17 candidate pairs and 5
# of 5 pairs the model was unsure of hit a gold pair, so Laplace's estimate is (22 + 1) / (22 + 2).
SHARED_CONFIDENCE = 0.95
SECOND_CLAUSE = "a clause of a sentence told in two"
SECOND_CLAUSE_REVIEW = "a clause next to a linked claim: offered for review"
LONE_PAIR = "two claims otherwise unmatched, differing in one fact"
GROUNDED_PAIR = "a clause its other links leave untold, differing in one fact"
LEAD_EVENT = "the day each account gives its main event"
ELAPSED = "the time between two days its account gives"
# Share of such links that are right: the fit split has none to count (rescue.py), so the estimate is
# Laplace's (0 + 1) / (0 + 2), the level of a link: more likely right than wrong is all that is known. Refit
# (benchmarks/fit_confidence.py material) when development sets have lone pairs.
LONE_CONFIDENCE = 0.5
# Candidate pairs that state the same exact figure link from this strength on (0.5: no worse than usual).
FIGURE_STRENGTH = 0.5
CANDIDATES = 3  # best counterparts kept per claim and other account, for review
# Above this many pairs (about 1,000 x 1,000 claims) only each claim's nearest candidates are scored.
DENSE_PAIRS = 1_000_000


def claims_of(document: Document) -> list[Claim]:
    """Segment a document and extract the facts of each claim (page furniture left out)."""
    return read_document(document)[0]


def read_document(document: Document) -> tuple[list[Claim], list[Furniture]]:
    """The claims of a document, with their facts, and its page furniture (bylines, datelines, ...)."""
    names = known_names(document.text)
    out: list[Claim] = []
    spans = segment(document.text)
    furniture = [Furniture(document.id, s.start, s.end, s.kind) for s in spans if s.kind]
    for n, span in enumerate(s for s in spans if not s.kind):
        text = document.text[span.start : span.end]
        facts = extract(text, speaker=span.speaker, quoted=span.quoted, names=names, written=document.date)
        out.append(Claim(f"{document.id}:c{n}", document.id, span.start, span.end, text, facts))
    return resolve_speakers(out), furniture


@dataclass(frozen=True, slots=True)
class PairResult:
    """What aligning the base with one account gives: links (marks), suggestions and candidates (review)."""

    links: list[Link] = field(default_factory=list)
    suggestions: list[Link] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Scored:
    """Every scored pair of the base and one account, with its views, strength and chosen links."""

    pairs: Pairs
    scores: PairScores  # flat: one value per pair
    strength: np.ndarray
    near: np.ndarray  # near-identical wording
    chosen: np.ndarray  # positions of the pairs the assignment (and split links) chose


def score_claims(
    base: Sequence[Claim],
    other: Sequence[Claim],
    settings: AlignSettings,
    *,
    weights: Weights = DEFAULT_WEIGHTS,
    idf_texts: Sequence[Sequence[str]] | None = None,
    vectors: tuple[np.ndarray, np.ndarray] | None = None,
) -> Scored:
    """Score the pairs of two claim lists and choose the one-to-one assignment (``vectors``: embeddings).

    Small inputs are scored as full matrices; beyond ``DENSE_PAIRS`` pairs only each claim's nearest
    candidates are scored (``blocking.py``), so that memory grows with the claims, not their product.
    """
    texts = ([c.text for c in base], [c.text for c in other])
    facts = ([c.facts for c in base], [c.facts for c in other])
    if len(base) * len(other) > DENSE_PAIRS:
        pairs, flat = blocked_scores(*texts, *facts, idf_texts=idf_texts, vectors=vectors)
    else:
        scores = pair_scores(
            *texts, *facts, idf_texts=idf_texts, semantic=cosine(*vectors) if vectors is not None else None
        )
        pairs = Pairs.full(len(base), len(other))
        views = (scores.cosine, scores.containment, scores.grams, scores.token_set, scores.facts)
        flat = PairScores(
            *(v.ravel() for v in views), semantic=None if scores.semantic is None else scores.semantic.ravel()
        )
    combined = flat.combine(weights)
    wording = flat.wording(weights)
    near = wording >= NEAR_IDENTICAL
    strength = pair_strength(pairs, combined, wording=wording)
    chosen = assign_pairs(pairs, strength, settings.threshold, first=near)
    if settings.allow_split:
        chosen = split_pairs(pairs, strength, chosen, settings.threshold, duplicates=near)
    return Scored(pairs, flat, strength, near, chosen)


def candidate_positions(scored: Scored, per_claim: int = CANDIDATES) -> tuple[np.ndarray, np.ndarray]:
    """(positions of each base claim's best pairs, positions of each account claim's best pairs)."""
    p, strength = scored.pairs, scored.strength
    some = scored.scores.combine() > 0
    rows = np.flatnonzero((rank_in_group(p.i, strength) < per_claim) & some)
    cols = np.flatnonzero((rank_in_group(p.j, strength) < per_claim) & some)
    return rows, cols


def _moved(threshold: float) -> float:
    """How far the user's threshold moves the rescue rules' floors from the default's."""
    return threshold - AlignSettings().threshold


def _judged(
    a: Claim, b: Claim, scores: PairScores, combined: np.ndarray, k: int
) -> tuple[Relation, tuple[str, ...], bool]:
    """(relation, reasons, similar wording) of the pair at flat position ``k`` of ``scores``."""
    similar = float(max(scores.cosine[k], scores.token_set[k])) >= SIMILAR_WORDING
    relation, reasons = relate(a, b, float(combined[k]), similar=similar)
    return relation, reasons, similar


def rescued_positions(
    base: Sequence[Claim], other: Sequence[Claim], scored: Scored, threshold: float
) -> np.ndarray:
    """Positions of the pairs the same-frame rescue adds (dense inputs only: it reads whole rows)."""
    p = scored.pairs
    if len(p) != p.n * p.m:
        return np.zeros(0, dtype=np.int64)
    dense = np.zeros((p.n, p.m), dtype=np.float32)
    dense[p.i, p.j] = scored.strength
    chosen = [(int(p.i[k]), int(p.j[k])) for k in scored.chosen.tolist()]
    extra = fact_frame_pairs(base, other, dense, chosen, shift=_moved(threshold))
    return np.array(sorted(i * p.m + j for i, j in extra), dtype=np.int64)  # Pairs.full is row-major


def second_clauses(
    base: Sequence[Claim],
    other: Sequence[Claim],
    scored: Scored,
    candidates: np.ndarray,
    probability: dict[int, float],
    threshold: float,
    weights: Weights = DEFAULT_WEIGHTS,
    *,
    unsure: set[int] | None = None,
) -> tuple[list[Link], list[Link]]:
    """(links, suggestions): differences between a candidate pair next to a link, the second clause of a
    split sentence.

    A pair is linked when its clauses match beyond names and its claim sits right next to the linked one
    (``rescue.clause_link``; a part linked so may let the next part link too), and only offered for review
    when its clauses merely look alike (``rescue.second_clause``). A long sentence may have more than one
    such clause, so a claim may gain more than one.
    """
    p, scores = scored.pairs, scored.scores
    chosen = [(int(p.i[k]), int(p.j[k])) for k in scored.chosen.tolist()]
    # Pairs the assignment chose but the model is unsure of are judged here too (they still anchor).
    taken = {(int(p.i[k]), int(p.j[k])) for k in scored.chosen.tolist() if k not in (unsure or set())}
    floor = MIN_STRENGTH + _moved(threshold)
    combined = scores.combine(weights)
    found: dict[int, tuple[Relation, tuple[str, ...]]] = {}
    beside = Linked(chosen)
    for k in candidates.tolist():
        i, j = int(p.i[k]), int(p.j[k])
        if (i, j) in taken or scored.strength[k] < floor or not beside.next_to(i, j):
            continue
        relation, reasons, _ = _judged(base[i], other[j], scores, combined, k)
        if relation is Relation.CONTRADICT and second_clause(base[i], other[j], reasons):
            found[k] = (relation, reasons)
    partners_a: dict[int, list[Claim]] = {}
    partners_b: dict[int, list[Claim]] = {}
    for i, j in taken:
        partners_a.setdefault(i, []).append(other[j])
        partners_b.setdefault(j, []).append(base[i])
    strict = set()
    for k, (_, reasons) in found.items():
        i, j = int(p.i[k]), int(p.j[k])
        if clause_link(base[i], other[j], reasons[0], partners_a.get(i, ()), partners_b.get(j, ())):
            strict.add(k)
    linked: set[int] = set()
    anchors = Linked(chosen)
    grew = True
    while grew:  # a part linked next to a link may anchor the part after it
        grew = False
        for k in sorted(strict - linked):
            i, j = int(p.i[k]), int(p.j[k])
            if anchors.next_to(i, j, reach=NEXT):
                linked.add(k)
                anchors.add(i, j)
                grew = True
    links, suggestions = [], []
    for k, (relation, reasons) in found.items():
        i, j = int(p.i[k]), int(p.j[k])
        link = Link(
            base[i].id, other[j].id, relation, round(float(scored.strength[k]), 3), reasons,
            confidence=round(probability[k], 3),
        )  # fmt: skip
        if k in linked:
            links.append(replace(link, reasons=(*reasons, SECOND_CLAUSE)))
        else:
            suggestions.append(replace(link, reasons=(*reasons, SECOND_CLAUSE_REVIEW)))
    return links, suggestions


def _positions(claims: Sequence[Claim]) -> dict[str, int]:
    """Claim id -> its position in ``claims`` (links name claims by id, the scored pairs by position)."""
    return {c.id: n for n, c in enumerate(claims)}


def lone_links(
    base: Sequence[Claim],
    other: Sequence[Claim],
    scored: Scored,
    candidates: np.ndarray,
    known: PairResult,
    threshold: float,
    weights: Weights = DEFAULT_WEIGHTS,
) -> list[Link]:
    """Differences between two claims neither of which is linked to the other account (``rescue.lone_pairs``).

    ``known``: the links and suggestions found so far; a pair already offered for review stays there.
    """
    p, scores = scored.pairs, scored.scores
    index_a, index_b = _positions(base), _positions(other)
    linked_a = {index_a[lk.a] for lk in known.links}
    linked_b = {index_b[lk.b] for lk in known.links}
    offered = {(index_a[lk.a], index_b[lk.b]) for lk in known.suggestions}
    combined = scores.combine(weights)
    # Each claim's best counterpart among the claims left unlinked on the other side: a lone pair must be
    # each other's, or a claim told only by one account would be paired with whatever is left over.
    free = np.isin(p.i, list(linked_a), invert=True) & np.isin(p.j, list(linked_b), invert=True)
    left = np.where(free, scored.strength, -1.0)
    best_a, best_b = group_best(p.i, left, p.n), group_best(p.j, left, p.m)
    found: dict[tuple[int, int], tuple[int, tuple[str, ...]]] = {}
    for k in candidates.tolist():
        i, j = int(p.i[k]), int(p.j[k])
        if not free[k] or (i, j) in offered or best_a[i] != k or best_b[j] != k:
            continue
        relation, reasons, similar = _judged(base[i], other[j], scores, combined, k)
        if relation is Relation.CONTRADICT and lone_difference(base[i], other[j], reasons, similar=similar):
            found[(i, j)] = (k, reasons)
    pairs = lone_pairs(
        [(i, j, float(scored.strength[k])) for (i, j), (k, _) in found.items()],
        linked_a,
        linked_b,
        shift=_moved(threshold),
    )
    return _difference_links(base, other, scored, found, pairs, LONE_PAIR)


def _difference_links(
    base: Sequence[Claim],
    other: Sequence[Claim],
    scored: Scored,
    found: dict[tuple[int, int], tuple[int, tuple[str, ...]]],
    pairs: Sequence[tuple[int, int]],
    tail: str,
) -> list[Link]:
    """The chosen ``pairs`` of ``found`` ((i, j) -> (position, reasons)) as difference links whose last
    reason, ``tail``, says which rule linked them."""
    out = []
    for i, j in pairs:
        k, reasons = found[(i, j)]
        out.append(
            Link(
                base[i].id, other[j].id, Relation.CONTRADICT, round(float(scored.strength[k]), 3),
                (*reasons, tail), confidence=LONE_CONFIDENCE,
            )
        )  # fmt: skip
    return out


def grounded_links(
    base: Sequence[Claim],
    other: Sequence[Claim],
    scored: Scored,
    candidates: np.ndarray,
    known: PairResult,
    threshold: float,
    weights: Weights = DEFAULT_WEIGHTS,
) -> list[Link]:
    """Differences between candidate pairs whose claims may be linked elsewhere, for a clause those links
    leave untold (``rescue.grounded_pair``). ``known``: the links and suggestions so far; a pair already
    offered for review stays there. The grounding reason is shown first."""
    p, scores = scored.pairs, scored.scores
    index_a, index_b = _positions(base), _positions(other)
    partners_a: dict[int, list[Claim]] = {}
    partners_b: dict[int, list[Claim]] = {}
    for lk in known.links:
        partners_a.setdefault(index_a[lk.a], []).append(other[index_b[lk.b]])
        partners_b.setdefault(index_b[lk.b], []).append(base[index_a[lk.a]])
    offered = [lk for lk in known.suggestions if lk.reasons[-1:] != (LOW_CONFIDENCE,)]
    taken = {(index_a[lk.a], index_b[lk.b]) for lk in (*known.links, *offered)}
    combined = scores.combine(weights)
    floor = LONE_STRENGTH + _moved(threshold)
    # Two unlinked claims are lone_links'. An unlinked claim may pair with any of its candidates, not only
    # its best: a claim that tells two facts (a figure and a date) is most like the sentence that tells the
    # one it agrees on, and the clause and stated-elsewhere tests below decide the other.
    found: dict[tuple[int, int], tuple[int, tuple[str, ...]]] = {}
    for k in candidates.tolist():
        i, j = int(p.i[k]), int(p.j[k])
        if (i, j) in taken or scored.strength[k] < floor or (i not in partners_a and j not in partners_b):
            continue
        relation, reasons, _ = _judged(base[i], other[j], scores, combined, k)
        if relation is not Relation.CONTRADICT:
            continue
        reason = grounded_reason(base[i], other[j], reasons)
        if reason is None or not grounded_pair(
            base[i], other[j], reason, partners_a.get(i, ()), partners_b.get(j, ()), base, other
        ):
            continue
        found[(i, j)] = (k, (reason, *(r for r in reasons if r != reason)))
    strengths = [(i, j, float(scored.strength[k])) for (i, j), (k, _) in found.items()]
    pairs = lone_pairs(strengths, set(), set(), shift=_moved(threshold))
    return _difference_links(base, other, scored, found, pairs, GROUNDED_PAIR)


def figure_links(
    base: Sequence[Claim],
    other: Sequence[Claim],
    scored: Scored,
    candidates: np.ndarray,
    known: PairResult,
    threshold: float,
    weights: Weights = DEFAULT_WEIGHTS,
) -> list[Link]:
    """Candidate pairs at least as alike as usual that state the same exact figure or date and that the rules
    call agreeing (``rescue.precise_shared``), linked whether or not their claims are linked elsewhere.

    ``known``: the links and suggestions so far; a pair already linked or offered for review stays so.
    """
    p, scores = scored.pairs, scored.scores
    index_a, index_b = _positions(base), _positions(other)
    taken = {(index_a[lk.a], index_b[lk.b]) for lk in (*known.links, *known.suggestions)}
    floor = FIGURE_STRENGTH + _moved(threshold)
    combined = scores.combine(weights)
    out = []
    for k in candidates.tolist():
        i, j = int(p.i[k]), int(p.j[k])
        if (i, j) in taken or scored.strength[k] < floor or not precise_shared(base[i], other[j]):
            continue
        if scored.near[k]:
            continue  # a sentence repeated: repetitions link one to one (match.split_pairs)
        relation, reasons, _ = _judged(base[i], other[j], scores, combined, k)
        if relation is Relation.AGREE:
            out.append(
                Link(
                    base[i].id, other[j].id, relation, round(float(scored.strength[k]), 3),
                    (*reasons, SHARED_FIGURE), confidence=SHARED_CONFIDENCE,
                )
            )  # fmt: skip
    return out


def lead_event_links(
    base: Sequence[Claim], other: Sequence[Claim], written: tuple[str, str], known: PairResult
) -> list[Link]:
    """A difference between the days the two accounts give their main event in their first claims, one as a
    full date and one as a weekday (``quantities.same_lead_event``). A contradicting account words the event
    differently ("The May 6, 2010 crash" vs "stocks fell on Wednesday"), so the two claims are rarely alike
    enough to link, yet the day is the same event's. ``written``: the documents' dates (ISO or "")."""
    linked = {(lk.a, lk.b) for lk in known.links}
    out = []
    for a in base[:LEAD_CLAIMS]:
        for b in other[:LEAD_CLAIMS]:
            if (a.id, b.id) in linked:
                continue
            reason = lead_events_differ(a, base, written[0], b, other, written[1])
            if not reason:
                continue
            scores = pair_scores([a.text], [b.text], [a.facts], [b.facts])
            lexical = float(max(scores.cosine[0, 0], scores.token_set[0, 0]))
            combined = float(scores.combine()[0, 0])
            _, reasons = relate(a, b, combined, similar=lexical >= SIMILAR_WORDING)
            rest = tuple(r for r in reasons if r != reason)
            out.append(
                Link(a.id, b.id, Relation.CONTRADICT, round(combined, 3), (reason, *rest, LEAD_EVENT),
                     confidence=LONE_CONFIDENCE)
            )  # fmt: skip
    return out


def elapsed_links(
    base: Sequence[Claim], other: Sequence[Claim], scored: Scored, positions: np.ndarray, known: PairResult
) -> list[Link]:
    """A duration one account states against the days the other gives the two events it spans, found in
    other claims of that account ("barely a week after landing" vs a landing dated three months earlier;
    ``quantities.elapsed_differs``). Links that agree become differences; candidate pairs (``positions``)
    become links, as for a lone pair. Returns the new links; ``known.links`` is updated in place."""
    p = scored.pairs
    seen = {(lk.a, lk.b) for lk in known.links}
    by_id = {c.id: c for c in (*base, *other)}
    out: list[Link] = []
    for n, lk in enumerate(known.links):
        if lk.relation is Relation.AGREE and lk.a in by_id and lk.b in by_id:
            a, b = by_id[lk.a], by_id[lk.b]
            reason = elapsed_differs(a, base, b, other)
            if reason:
                known.links[n] = replace(lk, relation=Relation.CONTRADICT, reasons=(reason, ELAPSED))
    for k in np.unique(positions).tolist():
        a, b = base[int(p.i[k])], other[int(p.j[k])]
        if (a.id, b.id) in seen:
            continue
        reason = elapsed_differs(a, base, b, other)
        if reason:
            seen.add((a.id, b.id))
            out.append(
                Link(a.id, b.id, Relation.CONTRADICT, round(float(scored.strength[k]), 3), (reason, ELAPSED),
                     confidence=LONE_CONFIDENCE)
            )  # fmt: skip
    return out


def link_claims(
    base: Sequence[Claim],
    other: Sequence[Claim],
    settings: AlignSettings,
    *,
    weights: Weights = DEFAULT_WEIGHTS,
    idf_texts: Sequence[Sequence[str]] | None = None,
    vectors: tuple[np.ndarray, np.ndarray] | None = None,
    model: ConfidenceModel | None = None,
    written: tuple[str, str] = ("", ""),
) -> PairResult:
    """Links, suggestions and candidates between the claims of the base and of one account (``written``:
    the two documents' dates, ISO or "")."""
    if not base or not other:
        return PairResult()
    model = model or default_model()
    scored = score_claims(base, other, settings, weights=weights, idf_texts=idf_texts, vectors=vectors)
    p, scores, strength = scored.pairs, scored.scores, scored.strength
    rescued = rescued_positions(base, other, scored, settings.threshold)
    if len(rescued):
        scored = replace(scored, chosen=np.union1d(scored.chosen, rescued))
    rows, cols = candidate_positions(scored)
    positions = np.unique(np.concatenate([scored.chosen, rows, cols]))
    features = pair_features(positions, p, base, other, scores, strength, weights)
    probability = dict(zip(positions.tolist(), model.predict(features).tolist(), strict=True))
    combined = scores.combine(weights)
    wording = scores.wording(weights)
    out = PairResult()
    rescued_set = set(rescued.tolist())
    unsure: dict[int, Link] = {}
    for k in scored.chosen.tolist():
        i, j = int(p.i[k]), int(p.j[k])
        relation, reasons, _ = _judged(base[i], other[j], scores, combined, k)
        confidence = round(probability[k], 3)
        link = Link(
            base[i].id, other[j].id, relation, round(float(strength[k]), 3), reasons, confidence=confidence
        )
        meaning = float(scores.semantic[k]) if scores.semantic is not None else None
        if k in rescued_set and relation is not Relation.CONTRADICT:
            continue  # the rescue finds claims that differ in one fact; anything else stays unlinked
        if bool(scored.near[k]) or k in rescued_set:
            # Near-identical wording always links, whatever the model says; so does a claim whose only
            # difference from its counterpart is one fact in the same frame of words (rescue.py).
            out.links.append(link)
        elif relation is Relation.AGREE and not agreement_evidence(
            base[i], other[j], wording=float(wording[k]), meaning=meaning
        ):
            out.suggestions.append(replace(link, reasons=(*reasons, NO_EVIDENCE)))
        elif confidence < SUGGESTION_LEVEL and not (
            relation is Relation.AGREE and precise_shared(base[i], other[j])
        ):
            unsure[k] = replace(link, reasons=(*reasons, LOW_CONFIDENCE))
        elif confidence < SUGGESTION_LEVEL:
            out.links.append(replace(link, reasons=(*reasons, SHARED_FIGURE), confidence=SHARED_CONFIDENCE))
        else:
            out.links.append(link)
    # A split link the model is unsure of is judged, like any candidate, as a second clause: linked when
    # its clause matches (rescue.clause_link), else it stays a suggestion.
    candidates = np.union1d(np.union1d(rows, cols), list(unsure)).astype(np.int64)
    clause_links, clause_suggestions = second_clauses(
        base, other, scored, candidates, probability, settings.threshold, weights, unsure=set(unsure)
    )
    linked = {(lk.a, lk.b) for lk in clause_links}
    out.links.extend(clause_links)
    out.suggestions.extend(lk for lk in unsure.values() if (lk.a, lk.b) not in linked)
    out.suggestions.extend(
        lk for lk in clause_suggestions if (lk.a, lk.b) not in {(u.a, u.b) for u in unsure.values()}
    )
    # A verdict ("a hoax") in a sentence next to the claim's link, or naming a headline's subject (refute.py).
    out.links[:], out.suggestions[:] = disputing(base, other, out.links, out.suggestions)
    # Last, so that a claim any rule above linked is not lone.
    out.links.extend(lone_links(base, other, scored, candidates, out, settings.threshold, weights))
    grounded = grounded_links(base, other, scored, candidates, out, settings.threshold, weights)
    out.links.extend(grounded)
    promoted = {(lk.a, lk.b) for lk in grounded}
    out.suggestions[:] = [lk for lk in out.suggestions if (lk.a, lk.b) not in promoted]
    out.links.extend(figure_links(base, other, scored, candidates, out, settings.threshold, weights))
    events = lead_event_links(base, other, written, out)
    out.links.extend(events)
    dated = {(lk.a, lk.b) for lk in events}
    out.suggestions[:] = [lk for lk in out.suggestions if (lk.a, lk.b) not in dated]
    elapsed = elapsed_links(base, other, scored, np.union1d(rows, cols).astype(np.int64), out)
    out.links.extend(elapsed)
    spanned = {(lk.a, lk.b) for lk in elapsed}
    out.suggestions[:] = [lk for lk in out.suggestions if (lk.a, lk.b) not in spanned]
    for found, mine, theirs in ((rows, p.i, p.j), (cols, p.j, p.i)):
        rank = rank_in_group(mine[found], strength[found])
        claims_mine, claims_theirs = (base, other) if mine is p.i else (other, base)
        for k, r in zip(found.tolist(), rank.tolist(), strict=True):
            out.candidates.append(
                Candidate(
                    claims_mine[int(mine[k])].id, claims_theirs[int(theirs[k])].id,
                    round(float(strength[k]), 3), round(probability[k], 3), r + 1,
                )
            )  # fmt: skip
    return out


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
    >>> base = Document("d0", "Base", "Air strikes on Halden stopped on Tuesday. Corvo is a port.")
    >>> other = Document("d1", "Other", "On Tuesday air strikes on Halden stopped.")
    >>> result = compare([base, other])
    >>> [(lk.a, lk.b, lk.relation.value) for lk in result.links]
    [('d0:c0', 'd1:c0', 'agree')]
    """
    settings = settings or AlignSettings()
    if settings.semantic and embedder is None:
        # The caller loads the model (compare.workflows); without one the comparison is by wording only, and
        # its settings say so.
        settings = replace(settings, semantic=False)
    if len(documents) < 2:
        raise InputError("a comparison needs a base document and at least one other account")
    for d in documents:
        words = len(d.text.split())
        if words > settings.max_words:
            raise InputError(
                f"{d.title or d.id}: {words:,} words is over the limit of {settings.max_words:,}"
            )
    embedding = 1 if settings.semantic and embedder is not None else 0
    # Reading each document, embedding (one step, when on), aligning each account, and "Done".
    total = len(documents) + embedding + len(documents) - 1

    def step(done: int, label: str) -> None:
        if should_cancel is not None and should_cancel():
            raise Cancelled("alignment cancelled")
        if progress is not None:
            progress(Progress(done, total, label))

    claims: list[list[Claim]] = []
    furniture: list[Furniture] = []
    for n, d in enumerate(documents):
        step(n, f"Reading {d.title or d.id}")
        doc_claims, doc_furniture = read_document(d)
        claims.append(doc_claims)
        furniture += doc_furniture
    # Rarity of words is judged over all accounts, so a word every account uses counts for little.
    idf_texts = [content_tokens(c.text) for cs in claims for c in cs]
    vectors: list[np.ndarray] | None = None
    if embedding and embedder is not None:
        step(len(documents), "Embedding claims")
        texts = [c.text for cs in claims for c in cs]
        store = cache if cache is not None else MemoryCache()
        flat = embed_cached(embedder, texts, store, progress=progress, should_cancel=should_cancel)
        bounds = np.cumsum([0, *(len(cs) for cs in claims)])
        vectors = [flat[bounds[k] : bounds[k + 1]] for k in range(len(claims))]
    links: list[Link] = []
    suggestions: list[Link] = []
    candidates: list[Candidate] = []
    for n, (d, cs) in enumerate(zip(documents[1:], claims[1:], strict=True)):
        step(len(documents) + embedding + n, f"Aligning {d.title or d.id}")
        pair_vectors = (vectors[0], vectors[n + 1]) if vectors is not None else None
        pair = link_claims(
            claims[0], cs, settings, weights=weights, idf_texts=idf_texts, vectors=pair_vectors,
            written=(documents[0].date, d.date),
        )  # fmt: skip
        links += pair.links
        suggestions += pair.suggestions
        candidates += pair.candidates
    step(total, "Done")
    return Comparison(
        documents=tuple(documents),
        claims=tuple(c for cs in claims for c in cs),
        links=tuple(links),
        suggestions=tuple(suggestions),
        candidates=tuple(candidates),
        furniture=tuple(furniture),
        settings=settings,
        engine_version=ENGINE_VERSION + (f" + {embedder.model_id}" if settings.semantic and embedder else ""),
    )


__all__ = ["ENGINE_VERSION", "PairResult", "claims_of", "compare", "link_claims"]
