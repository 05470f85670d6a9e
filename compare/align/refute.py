"""An account that calls the base's claim untrue, in a sentence of its own: "the story is a hoax".

A headline compared with an article is a one-claim base. The article that refutes it seldom restates the
claim and refutes it in one sentence: it retells the claim in one sentence and says "this is a hoax" in the
next, or says "the picture of the crab is fake" in a sentence that shares only the subject. The sentence
rules (``relate``) see one pair of claims at a time, so this pass looks at the account as a whole, for a
base claim that no contradiction covers yet: a sentence that asserts a verdict ("a hoax", "false", "not
true", "fabricated") and is tied to that claim (linked to it, next to its link, or naming its subject) makes
a "disputes" contradiction, the cue in the reason.

A verdict quoted as a question, weighed ("whether it is a hoax"), reported ("reportedly told friends it
was false"), negated ("not a hoax") or qualifying another noun ("a fake nose") disputes nothing, and a base
that gives a verdict or reports a denial itself ("X denies Y") is not disputed by the account's retelling
of Y. Denials in the account ("denied the report") are left to the polarity rules of the linked pair:
articles that only report a claim quote denials too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from compare.align.polarity import Reading, is_content, read, refutations
from compare.align.relate import kind_of
from compare.model import Claim, Link, Relation
from compare.text import lexicon
from compare.text.memo import per_text
from compare.text.normalize import fold

MIN_SHARED = 2  # content words a sentence shares with the claim to be about its subject
NEAR = 1  # sentences either side of the linked one that may carry its verdict
REACH = 10  # tokens before a verdict, within its clause, in which a weighing word makes it a question
REPORTED = 6  # tokens before a verdict in which a reporting word makes it someone's, not the account's
POINT = 6  # tokens before a verdict (3 after it) in which "the story", "this" point at the claim
_BREAKS = frozenset(",;:.!()—–")
WHY = "the account's verdict, in a sentence about the same claim"
HEADLINE_VERDICT = "the headline's own verdict or denial, not the account's"


@cache
def _kind(kind: str) -> tuple[tuple[str, ...], ...]:
    """The cues of one kind of refutations.tsv as folded word tuples, longest first: "verdict" (what calls
    a claim untrue), "reference" (what points at the claim discussed: "the story", "this"), "weighing"
    (what puts a verdict in question: "whether", "may")."""
    cues = lexicon.words("refutations", kind, "cue")
    return tuple(sorted({tuple(fold(w) for w in c.lower().split()) for c in cues}, key=len, reverse=True))


def _words(kind: str) -> frozenset[str]:
    return frozenset(w for p in _kind(kind) for w in p)


@cache
def _verdicts_by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    """``_kind("verdict")`` grouped by first word, each group longest first: a token is looked up, not
    compared with every cue."""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for p in _kind("verdict"):
        if p:
            groups.setdefault(p[0], []).append(p)
    return {first: tuple(ps) for first, ps in groups.items()}


@per_text
def verdicts(text: str) -> list[tuple[int, int]]:
    """(first, end) token spans of the verdicts a sentence asserts: not negated, questioned or weighed."""
    r = read(text)
    if text.rstrip(" \"'”’)").endswith("?") or "{" in text:
        return []  # a question; or code from the page ("{ 'title': ... }"), where "false" is a value
    out = []
    phrases = _verdicts_by_first()
    for i in range(len(r.toks)):
        candidates = phrases.get(r.toks[i].text, ())
        n = next((len(p) for p in candidates if tuple(t.text for t in r.toks[i : i + len(p)]) == p), 0)
        if n and not r.negative(i) and not _weighed(r, i) and not _attributive(r, i + n):
            out.append((i, i + n))
    return out


@cache
def _reporting() -> frozenset[str]:
    """Hedges that report a verdict as someone's ("reportedly told friends it was false", "claims")."""
    rows = lexicon.rows("hedges")
    return frozenset(fold(r["cue"]) for r in rows if r["kind"] == "reported" and " " not in r["cue"])


def _attributive(r: Reading, after: int) -> bool:
    """A verdict that qualifies the noun after it ("fake nipple", "false alarm") says nothing of the claim,
    unless that noun is the claim itself ("a fake story")."""
    if after >= len(r.toks):
        return False
    t = r.toks[after]
    # "the myth of X" names its own subject; "made up for it" is another verb.
    return (is_content(t) and t.text not in _words("reference")) or t.text in {"of", "for"}


def _weighed(r: Reading, i: int) -> bool:
    """A weighing word before the verdict in its clause ("whether this is just an elaborate hoax"), or a
    word that reports it as someone's close before it ("reportedly told friends it was false")."""
    for n, t in enumerate(reversed(r.toks[max(0, i - REACH) : i])):
        if t.text in _BREAKS:
            return False
        if t.text in _words("weighing") or (n < REPORTED and t.text in _reporting()):
            return True
    return False


def _keys(text: str) -> set[str]:
    return {t.key for t in read(text).toks if is_content(t) and len(t.text) > 2}


def _about(claim: Claim, sentence: Claim, span: tuple[int, int]) -> bool:
    """Whether a verdict's sentence speaks of the claim: shares its subject, or points at "the story"."""
    if len(_keys(claim.text) & _keys(sentence.text)) >= MIN_SHARED:
        return True
    r = read(sentence.text)
    around = (*r.toks[max(0, span[0] - POINT) : span[0]], *r.toks[span[1] : span[1] + POINT // 2])
    return any(t.text in _words("reference") for t in around)


def disputing(
    base: Sequence[Claim], other: Sequence[Claim], links: Sequence[Link], suggestions: Sequence[Link]
) -> tuple[list[Link], list[Link]]:
    """``links`` and ``suggestions`` with a "disputes: 'a hoax'" contradiction for each base claim that an
    account's verdict is about; a link or suggestion of the same pair gives way to it.

    The verdict's sentence is the claim's link or suggestion, or next to one; a base of one or two claims (a
    headline) is also read against every sentence that shares its subject, since in a longer base that
    subject could be any of its claims.
    """
    position = {c.id: n for n, c in enumerate(other)}
    headline = len(base) <= 2
    links = [_base_side(lk, base) if headline else lk for lk in links]
    contradicted = {lk.a for lk in links if lk.relation is Relation.CONTRADICT}
    ties: dict[str, set[int]] = {}  # base claim id -> positions of the sentences it is linked or offered to
    for lk in (*links, *suggestions):
        if lk.b in position:
            ties.setdefault(lk.a, set()).add(position[lk.b])
    found: list[Link] = []
    for claim in base:
        if claim.id in contradicted or _refutes(claim.text):
            continue  # a base that itself calls something untrue or reports a denial is not disputed so
        near = {n + step for n in ties.get(claim.id, ()) for step in range(-NEAR, NEAR + 1)}
        # Only the sentences near a tie are read (all of them for a headline), in reading order.
        order = range(len(other)) if headline else sorted(n for n in near if 0 <= n < len(other))
        for n in order:
            sentence = other[n]
            span = next((s for s in verdicts(sentence.text) if n in near or _about(claim, sentence, s)), None)
            if span is None:
                continue
            r = read(sentence.text)
            cue = sentence.text[r.toks[span[0]].start : r.toks[span[1] - 1].end]
            shared = len(_keys(claim.text) & _keys(sentence.text)) / max(1, len(_keys(claim.text)))
            reasons = (f"disputes: '{cue}'", WHY)
            found.append(Link(claim.id, sentence.id, Relation.CONTRADICT, round(shared, 3), reasons))
            break
    keys = {lk.key for lk in found}
    return (
        [lk for lk in links if lk.key not in keys] + found,
        [lk for lk in suggestions if lk.key not in keys],
    )


def _base_side(link: Link, base: Sequence[Claim]) -> Link:
    """A headline that itself calls something untrue or reports a denial ("... was a fake", "X denies Y"),
    linked to a sentence that tells the claim: the sentence tells what the headline reports as disputed, as
    an article does before it gives its own verdict (or it repeats the verdict). The headline's own
    "disputes" is not the account's, so the pair stays linked without that reason."""
    if link.relation is not Relation.CONTRADICT or not any(r.startswith("disputes") for r in link.reasons):
        return link
    claim = next((c for c in base if c.id == link.a), None)
    if claim is None or not _refutes(claim.text):
        return link
    kept = tuple(r for r in link.reasons if not r.startswith("disputes"))
    relation = Relation.CONTRADICT if any(kind_of(r) for r in kept) else Relation.AGREE
    return replace(link, relation=relation, reasons=(*kept, HEADLINE_VERDICT))


def _refutes(text: str) -> bool:
    """Whether a claim calls something untrue or reports a denial, in words that no negation covers."""
    r = read(text)
    denials = {" ".join(p) for p in _kind("denial")}
    denied = any(
        c.implicative and " ".join(t.text for t in r.toks[c.start : c.end]) in denials for c in r.cues
    )
    return denied or bool(refutations(text))


__all__ = ["disputing", "verdicts"]
