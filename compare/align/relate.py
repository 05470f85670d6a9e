"""Say how two linked claims relate: agree, or contradict on a checkable point, always with the reasons.

Contradictions are local and concrete: a number, a date, a weekday or a duration of the same thing; the
polarity of the predicate the two share; another speaker or actor for the same words; an antonym or a
downtoner; an account calling the other's claim untrue. A difference of certainty (one side reports or
hedges what the other asserts) is softer: the link stays "agree" and its first reason says
"certainty differs" (listed first in the details and the reports, explained in the legend's tooltip).
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from compare.align import agents, polarity, quantities, stance
from compare.model import Claim, Relation
from compare.text import lexicon, speakers
from compare.text.facts import ALIASES, NOT_NAMES, canonical_entity
from compare.text.memo import TEXTS, per_text
from compare.text.normalize import content_tokens

ORGANISATIONS = lexicon.words("title_words", "organisation")
_PLACE_WORDS = lexicon.words("attribution", "place")
ORGANISATIONS_LOWER = frozenset(w.lower() for w in ORGANISATIONS)
_TITLE_LOWER = frozenset(
    r["word"].lower() for r in lexicon.rows("title_words") if r["kind"] in {"title", "role"}
)
_SAYING = {
    t
    for r in lexicon.rows("attribution")
    if r["kind"]
    in {"verb", "document", "between", "proxy", "place"}  # the words of who says it, not of views
    for t in content_tokens(r["word"])
}
# Share of the smaller side's content words (names and verbs of saying left out) that two claims must share
# for a body or a document as their source to be "the same words from another source".
SAME_WORDS = 0.75

# Reason prefixes by kind, for the legend, the reports and the tests.
CONTRADICTION_KINDS = (
    "number differs", "date differs", "weekday differs", "duration differs", "negation differs",
    "speaker differs", "actor differs", "characterisation differs", "disputes",
)  # fmt: skip
CAUTION_KINDS = ("certainty differs",)


def _is_person(name: str) -> bool:
    """Countries and organisations ("US", "the Defence Ministry") speak through people; only people are
    compared, and a role ("Google CEO") is not a name."""
    words = name.split()
    return (
        bool(words)
        and canonical_entity(name) not in set(ALIASES.values())
        and not any(w.isupper() and len(w) > 1 for w in words)
        and words[-1] not in ORGANISATIONS
    )


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w)


def _same_name(x: str, y: str) -> bool:
    """Spellings of one name: a shared word, a near-identical surname ("Sundwell", "Sundwall"), an acronym
    ("USGS" for "US Geological Survey") or one stem ("Libya's", "Libyan")."""
    wx = x.lower().replace("’s", "").replace("'s", "").split()
    wy = y.lower().replace("’s", "").replace("'s", "").split()
    if not wx or not wy or set(wx) & set(wy):
        return bool(wx and wy)
    if difflib.SequenceMatcher(None, wx[-1], wy[-1]).ratio() >= 0.75 or wx[-1][:4] == wy[-1][:4]:
        return True
    return "".join(wx).replace(".", "") == _initials(wy) or "".join(wy).replace(".", "") == _initials(wx)


def _source(claim: Claim) -> str:
    """Who the claim gives its words to: the name its own text attributes them to, else the speaker its
    passage or a pronoun implies."""
    named = speakers.sources(claim.text)
    if named:
        return named[0]
    inherited = claim.facts.speaker
    # "said Europe's heatwave was ...": a name after "said" that the clause goes on from is its object.
    if inherited and re.search(
        rf"\b(?:said|says)\s+(?:the\s+)?{re.escape(inherited)}\b(?!\s*(?:[,.;:!?]|$))", claim.text
    ):
        return ""
    return inherited


def _body(name: str, text: str) -> bool:
    """Whether a source is a body or a document rather than a person: a country, an acronym, an
    organisation's word, or a name written after "the" ("the Pentagon", never "the Ann Lee"); a person named
    after their office in a body ("CIA Director Ann Lee") is a person."""
    if speakers.person_of(name) != name:
        return False
    return not _is_person(name) or bool(re.search(rf"\bthe\s+{re.escape(name)}", text, re.I))


def _same_words(a: Claim, b: Claim, x: str, y: str) -> bool:
    """Whether the two claims say the same thing apart from who says it: a quotation both carry, or the
    content words left after the two names and the verbs of saying, mostly shared."""
    if speakers.quotations(a.text) & speakers.quotations(b.text):
        return True
    drop = set(content_tokens(f"{x} {y}")) | _SAYING
    ta = set(content_tokens(a.text)) - drop
    tb = set(content_tokens(b.text)) - drop
    small = min(len(ta), len(tb))
    return small >= 3 and len(ta & tb) >= SAME_WORDS * small


def _speaker(a: Claim, b: Claim) -> tuple[list[str], list[str]]:
    """ "speaker differs: Ann Lee vs Omar Diallo": the same words given to another named source.

    Not a difference: a source named on one side only, the same source named another way (a title, an
    acronym, a capital for its country), a name that the other text mentions too (one quotes the other), or
    a generic body ("the Ministry") or role ("Google CEO") that names nobody in particular. Two people are
    told apart by name; a body or a document must also carry the same words (or the same quotation). One
    quotation given to two named sources differs even when both texts name both.
    """
    qa, qb = speakers.quoted_by(a.text), speakers.quoted_by(b.text)
    for quote in qa.keys() & qb.keys():
        # One quotation given to two named sources: a difference even when both texts name both of them.
        x, y = qa[quote], qb[quote]
        if speakers.same_source(x, y) is False and _body(x, a.text) == _body(y, b.text):
            return [f"speaker differs: {speakers.shown(qa[quote])} vs {speakers.shown(qb[quote])}"], []
    x, y = _source(a), _source(b)
    if not (x and y):
        return [], []
    same = speakers.same_source(x, y)
    if same:
        return [], [f"same speaker: {speakers.shown(y)}"]
    if same is None:
        # An unnamed speaker ("a police source", "an army officer"): told apart from a named person as the
        # speakers a claim names always were (measured: the rule finds real swaps); a generic body ("the
        # Ministry") or a role ending a name ("Google CEO") is not compared.
        wa, wb = set(x.lower().split()), set(y.lower().split())
        mentioned = any(wa & set(e.lower().split()) for e in b.facts.entities) or any(
            wb & set(e.lower().split()) for e in a.facts.entities
        )
        # "the foreign minister" may be the person the other names ("Ann Lee"): not a difference.
        titled = (speakers.holds_title(x) and bool(speakers.distinctive(y))) or (
            speakers.holds_title(y) and bool(speakers.distinctive(x))
        )
        group = speakers.is_group(x) or speakers.is_group(y)
        if _is_person(x) and _is_person(y) and not (mentioned or titled or group or _same_name(x, y)):
            return [f"speaker differs: {speakers.shown(x)} vs {speakers.shown(y)}"], []
        return [], []
    if speakers.mentions(x, b.text) or speakers.mentions(y, a.text):
        return [], []
    body_x, body_y = _body(x, a.text), _body(y, b.text)
    if body_x != body_y:
        return [], []  # a person may speak for the body the other names
    if not body_x or _same_words(a, b, x, y):
        return [f"speaker differs: {speakers.shown(x)} vs {speakers.shown(y)}"], []
    return [], []


@per_text
def _names(text: str) -> list[tuple[int, int, str]]:
    """(first, last token index, words) of capitalised runs that are names, in a polarity reading."""
    r = polarity.read(text)
    out: list[tuple[int, int, str]] = []
    for i, t in enumerate(r.toks):
        word = text[t.start : t.end]
        if word[:1].isupper() and word not in NOT_NAMES and t.text.isalpha():
            if out and out[-1][1] == i - 1:
                first, _, words = out[-1]
                out[-1] = (first, i, f"{words} {word}")
            else:
                out.append((i, i, word))
    return out


def _role(name: str) -> bool:
    """ "Google CEO", "IMF chief": a role that may be held by the person the other side names; "Officials":
    a group the person may belong to."""
    if speakers.is_group(name):
        return True
    return name not in set(ALIASES.values()) and any(w.isupper() and len(w) > 1 for w in name.split())


@lru_cache(maxsize=TEXTS)
def _title_case(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _ends_shared(ta: list[str], tb: list[str]) -> int:
    """Tokens the two lists share at their start and at their end, together (at most the shorter's length).

    Two lists that differ in one replaced stretch keep the rest at their ends, so when they share fewer
    than that, their matching (``difflib``, the costly part of ``_actor``) need not be computed.
    """
    short = min(len(ta), len(tb))
    head = next((n for n in range(short) if ta[n] != tb[n]), short)
    tail = next((n for n in range(short) if ta[-1 - n] != tb[-1 - n]), short)
    return min(head + tail, short)


def _actor(a: Claim, b: Claim) -> list[str]:
    """ "actor differs: Merkel vs Clinton": the same words with one name swapped for another."""
    ta = [t.text for t in polarity.read(a.text).toks]
    tb = [t.text for t in polarity.read(b.text).toks]
    if min(len(ta), len(tb)) < 4 or _title_case(a.text) or _title_case(b.text):
        return []  # in a headline's Title Case every word looks like a name
    if len(ta) + len(tb) - 2 * _ends_shared(ta, tb) > 6:
        return []  # more than one short stretch differs: no single swap below can find it
    ops = [
        op for op in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes() if op[0] != "equal"
    ]
    if len(ops) != 1 or ops[0][0] != "replace":
        return []
    _, i1, i2, j1, j2 = ops[0]
    if (i2 - i1) + (j2 - j1) > 6 or 2 * (len(ta) - (i2 - i1)) < len(ta):
        return []
    na = [n for n in _names(a.text) if n[0] <= i1 and n[1] >= i2 - 1]
    nb = [n for n in _names(b.text) if n[0] <= j1 and n[1] >= j2 - 1]
    if not na or not nb:
        return []
    x, y = na[0][2], nb[0][2]
    if _same_name(x, y) or x.lower() in b.text.lower() or y.lower() in a.text.lower() or _role(x) or _role(y):
        return []
    before = ta[na[0][0] - 1].lower() if na[0][0] else ""
    after = [
        t.lower().rstrip("’'s") for t in (ta[na[0][1] + 1 : na[0][1] + 2] + tb[nb[0][1] + 1 : nb[0][1] + 2])
    ]
    if before in _PLACE_WORDS or any(w in ORGANISATIONS_LOWER or w in _TITLE_LOWER for w in after):
        return []  # "flights to X": a place; "X's president", "the X Ministry": whose, not who acts
    kind = "speaker" if a.facts.speaker and b.facts.speaker else "actor"
    return [f"{kind} differs: {x} vs {y}"]


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
    d, s = quantities.numbers(a, b, similar)
    diffs += d
    if s:
        same.append("same numbers: " + ", ".join(s))
    d, s = quantities.dates(a, b)
    diffs += d
    if s:
        same.append("same date: " + ", ".join(s))
    diffs += quantities.durations(a, b)
    diffs += _polarity(a.text, b.text, similar)
    d, s = _speaker(a, b)
    diffs += d or agents.view_moved(a, b)
    same += s
    if not any(r.startswith("speaker differs") for r in diffs):
        diffs += _actor(a, b) or agents.actor_differs(a, b) or agents.roles_swapped(a, b)
    if not diffs:
        diffs += agents.attitude_differs(a, b)
    if diffs:
        return Relation.CONTRADICT, tuple(diffs)
    caution = polarity.certainty_differs(a.text, b.text)
    if caution and _both_sourced(a, b):
        caution = ""
    shared = [e for e in a.facts.entities if e in set(b.facts.entities)]
    if shared:
        same.append("shared names: " + ", ".join(shared[:4]))
    same.append(f"wording {round(score * 100)}% similar")
    return Relation.AGREE, ((caution,) if caution else ()) + tuple(same)


# Hedges that only name a source ("according to the ministry"): no less certain than "the ministry said".
_SOURCE_HEDGES = frozenset({"according to"})


def _both_sourced(a: Claim, b: Claim) -> bool:
    """Whether the only hedge is "according to X", set against "Y said": both sides give their words to a
    source, so neither asserts more than the other."""
    cues = {c.lower() for c in (*polarity.hedges(a.text), *polarity.hedges(b.text))}
    return cues <= _SOURCE_HEDGES and bool(_source(a)) and bool(_source(b))


def _polarity(a: str, b: str, similar: bool) -> list[str]:
    """Negation, antonyms, downtoners, degree and evaluation scales, refutations: at most one reason, the most
    specific first."""
    antonym, involved = polarity.antonym_differs(a, b)
    if antonym:
        return [antonym]
    if not involved:
        negation = polarity.negation_differs(a, b, similar)
        if negation and not agents.denied_of_another(a, b):
            return [negation]
    lowered = polarity.intensity_differs(a, b)
    if lowered:
        return [lowered]
    if not involved:
        graded = stance.stance_differs(a, b)
        if graded:
            return [graded]
    dispute = polarity.disputes(a, b)
    plain = b if polarity.refutations(a) else a
    if dispute and not polarity.read(plain).cues and not polarity.hedges(plain):
        # A refutation disputes what the other account asserts, not what it reports as someone's claim.
        return [dispute]
    return []


def kind_of(reason: str) -> str:
    """The kind of a reason ("number differs", "certainty differs", ...), or "" for a shared fact."""
    return next((k for k in (*CONTRADICTION_KINDS, *CAUTION_KINDS) if reason.startswith(k)), "")
