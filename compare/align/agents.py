"""Who did it: "actor differs" when two linked claims name different agents of one act ("built by Ann Lee
Ltd" vs "built by Omar Diallo Inc").

Two passives are of one act when their verbs are one word or of one sense (resources/lexicon/agent_verbs.tsv:
WordNet synsets such as {construct, build, make} with {manufacture, fabricate}, or {operate, run} with
{supervise, oversee, manage}). Not a difference: an agent named on one side only (or only described, "local
workers"), one agent of the act named by both sides (a list of makers), a name the other text carries too
(one quotes or lists the other), the same body named another way (acronym, alias, title), or a person
against a body (a person may act for the body the other names).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from compare.align.polarity import lemma, tokens
from compare.model import Claim
from compare.text import lexicon, speakers
from compare.text.facts import ALIASES, canonical_entity
from compare.text.normalize import content_tokens

# Words that tell who holds a view, not what the view is: verbs of saying and of opinion, the words that
# stand between a name and its verb, and the connectives of a list of views ("while others such as").
_FRAME = {
    t
    for r in lexicon.rows("attribution")
    if r["kind"] in {"verb", "view", "approve", "disapprove", "between"}
    for t in content_tokens(r["word"])
} | set(content_tokens("who while others such as including afterwards"))


@cache
def _senses() -> dict[str, frozenset[str]]:
    """Verb lemma -> the senses (agent_verbs.tsv groups) it names."""
    out: dict[str, frozenset[str]] = {}
    for r in lexicon.rows("agent_verbs"):
        key = lemma(r["verb"])
        out[key] = out.get(key, frozenset()) | {r["group"]}
    return out


def _sense(verb: str) -> frozenset[str]:
    key = lemma(verb)
    return _senses().get(key, frozenset({key}))


def _kind(name: str, text: str) -> str:
    """ "body" (a country, an acronym, an organisation's word, a name written after "the"), "person" (two or
    three capitalised words with none of those), else "" ("Halden", "Reuters": a firm or a surname)."""
    words = name.split()
    generic = {w.lower() for w in lexicon.words("title_words", "organisation")}
    if (
        canonical_entity(name) in set(ALIASES.values())
        or any(w.isupper() and len(w) > 1 for w in words)
        or any(w.lower().replace("’s", "").replace("'s", "") in generic for w in words)
        or re.search(rf"\bthe\s+{re.escape(name)}", text, re.I)
    ):
        return "body"
    return "person" if 2 <= len(words) <= 3 else ""


def _mentioned(name: str, text: str) -> bool:
    """Whether ``text`` names the agent ``name``: a run of capitals there that is the same source and
    carries its last identifying word ("Lee" for "Ann Lee", "NASA's Laboratory" for "the
    Laboratory") or is its acronym; "European agencies" does not name the European Space Agency."""
    keys = speakers.distinctive(name)
    head = (
        sorted(keys)[-1] if len(keys) == 1 else name.replace("’s", "").replace("'s", "").split()[-1].lower()
    )
    for run in speakers.name_runs(text):
        if speakers.same_source(name, run) is not True:
            continue
        if run.replace(".", "").isupper() or name.replace(".", "").isupper():
            return True
        run_words = {w.lower().replace("’s", "").replace("'s", "") for w in run.split()}
        if head in run_words or head in speakers.distinctive(run):
            return True
    return False


def _same(x: str, y: str) -> bool:
    """One agent, or one that names nobody in particular: the same source, or one name the longer form of
    the other ("Halden Aero", "Halden Aero Systems")."""
    dx, dy = speakers.distinctive(x), speakers.distinctive(y)
    return (
        speakers.same_source(x, y) is not False
        or dx <= dy
        or dy <= dx
        or _acronym_of(x, y)
        or _acronym_of(y, x)
    )


def _acronym_of(short: str, name: str) -> bool:
    """ "JPL" for "NASA's Jet Propulsion Laboratory": the initials of a run of the name's words."""
    letters = short.replace(".", "")
    if not (letters.isupper() and len(letters) > 1):
        return False
    words = [w for w in name.split() if w.lower() not in {"of", "and", "the", "for"}]
    initials = "".join(w[0] for w in words).upper()
    return letters in initials


def _deeds(claim: Claim, other: Claim, verbs: frozenset[str]) -> list[tuple[str, str]]:
    """(verb, doer) of the active acts of ``claim`` whose verb the other claim uses and whose object word it
    carries ("Halden Air spotted the fire" against "the fire was spotted by Fernhill Air"): any verb, for
    the same verb and the same thing make one act. Reciprocal verbs ("met", "played") have two doers."""
    things = _verbs(other.text)
    return [
        (verb, name)
        for verb, name, thing in speakers.deeds(claim.text)
        if lemma(verb) in verbs and lemma(verb) not in _RECIPROCAL and lemma(thing) in things
    ]


@lru_cache(maxsize=1 << 13)  # a claim meets every claim of the other side
def _verbs(text: str) -> frozenset[str]:
    return frozenset(t.key for t in tokens(text))


def actor_differs(a: Claim, b: Claim) -> list[str]:
    """ "actor differs: X vs Y" for one act with two different named agents, at most one reason."""
    ga, gb = speakers.agents(a.text), speakers.agents(b.text)
    ga = ga + [d for d in _deeds(a, b, _verbs(b.text)) if d not in ga]
    gb = gb + [d for d in _deeds(b, a, _verbs(a.text)) if d not in gb]
    if not ga or not gb:
        return []
    for va, x in ga:
        sense = _sense(va)
        ours = [n for v, n in ga if _sense(v) & sense]
        theirs = [n for v, n in gb if _sense(v) & sense]
        if not theirs:
            continue
        if any(_same(p, q) for p in ours for q in theirs):
            continue  # one agent both name, or one that names nobody in particular
        y = theirs[0]
        if any(_mentioned(p, b.text) for p in ours) or any(_mentioned(q, a.text) for q in theirs):
            continue
        if {_kind(x, a.text), _kind(y, b.text)} == {"body", "person"}:
            continue  # a person may act for the body the other names
        return [f"actor differs: {speakers.shown(x)} vs {speakers.shown(y)}"]
    return []


def denied_of_another(a: str, b: str) -> bool:
    """Whether one claim denies an act of a named doer that the other gives to a different named doer
    ("Rivera did not score the goal" against "the goal was scored by Okafor"): both can hold, so the flip of
    the predicate is no negation difference."""
    for one, two in ((a, b), (b, a)):
        denied = speakers.denials(one)
        if not denied:
            continue
        done = speakers.agents(two) + [(v, n) for v, n, _ in speakers.deeds(two)]
        for verb, doer in denied:
            sense = _sense(verb) | {lemma(verb)}
            others = [n for v, n in done if (_sense(v) | {lemma(v)}) & sense]
            if others and not any(_same(doer, n) or _mentioned(doer, two) for n in others):
                return True
    return False


def _view_words(name: str, part: str) -> set[str]:
    return set(content_tokens(part)) - set(content_tokens(name)) - _FRAME


def _agree_in_attitude(name: str, first: str, second: str) -> bool:
    ta, tb = speakers.attitudes(first), speakers.attitudes(second)
    ka = next((k for n, (_, k) in ta.items() if _same(n, name)), set())
    kb = next((k for n, (_, k) in tb.items() if _same(n, name)), set())
    return bool(ka & kb)


def view_moved(a: Claim, b: Claim) -> list[str]:
    """ "speaker differs: X vs Y" when one claim gives two people two views and the other gives one of them
    the other's view: "Ann Lee called it absurd, while Omar Diallo thought it fair" vs "Ann Lee agreed it was
    fair". The words that move must be the other person's alone, and the person the view moves to must hold
    a worded view of their own in the first claim that the second does not repeat, with no attitude verb
    the two claims give them alike (else the words may be the topic, or both may hold the view).
    """
    for first, second in ((a, b), (b, a)):
        held = speakers.views(first.text)
        if len(held) < 2:
            continue
        for y, part_y in speakers.views(second.text):
            wy = _view_words(y, part_y)
            own = [(n, _view_words(n, p)) for n, p in held if _same(n, y)]
            others = [(n, _view_words(n, p)) for n, p in held if not _same(n, y)]
            if len(own) != 1 or not own[0][1] or not others or not wy:
                continue  # y holds no worded view of their own in the first claim ("Ann Lee opposed it")
            if _agree_in_attitude(y, first.text, second.text):
                continue  # "Ann Lee opposed it" in both: the words around may be the topic, not the view
            kept = own[0][1] & wy
            for x, wx in others:
                moved = (wx & wy) - own[0][1]
                if moved and len(wx & wy) > len(kept) and 2 * len(wx & wy) >= min(len(wx), len(wy)):
                    if _mentioned(x, second.text):
                        continue  # the second claim names x too: the view may be theirs as well
                    return [f"speaker differs: {speakers.shown(x)} vs {speakers.shown(y)}"]
    return []


def attitude_differs(a: Claim, b: Claim) -> list[str]:
    """ "characterisation differs: 'criticised' vs 'defended' (Ann Lee)": one named person approving in one
    claim of what they disapprove of in the other (attribution.tsv's verbs of attitude), each side with a
    single attitude and no negation near it."""
    ta, tb = speakers.attitudes(a.text), speakers.attitudes(b.text)
    for x, (verb_x, kinds_x) in ta.items():
        for y, (verb_y, kinds_y) in tb.items():
            if speakers.same_source(x, y) is not True or len(kinds_x) != 1 or len(kinds_y) != 1:
                continue
            if kinds_x != kinds_y:
                return [f"characterisation differs: '{verb_x}' vs '{verb_y}' ({speakers.shown(y)})"]
    return []


_RECIPROCAL = frozenset(lemma(w) for w in lexicon.words("attribution", "reciprocal"))
# "Ann Lee said Omar Diallo agreed": a verb of saying or of opinion joins a speaker to what they say, not
# two roles of one act; the verbs of saying that take the listener as their object ("told", "warned":
# attribution.tsv kind "listener") do join two roles, the speaker and the one spoken to.
_LISTENER = frozenset(lemma(w) for w in lexicon.words("attribution", "listener"))
_REPORTING = (
    frozenset(lemma(r["word"]) for r in lexicon.rows("attribution") if r["kind"] in {"verb", "view"})
    - _LISTENER
)
_COORDINATION = frozenset({"and", "or", "with", "vs", "v", "versus", "against", "nor", "both", "in", "at"})


def _two_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of the named runs of a claim that identify someone (titles and openers left out)."""
    out = []
    at = 0
    for run in speakers.name_runs(text):
        start = text.index(run, at)
        at = start + len(run)
        if speakers.distinctive(run):
            out.append((start, at, run))
    return out


def roles_swapped(a: Claim, b: Claim) -> list[str]:
    """ "actor differs: Ann Lee vs Omar Diallo" when two claims name the same two people around one verb in
    the opposite order ("Ann Lee accused Omar Diallo" vs "Omar Diallo accused Ann Lee"). Not when the verb is
    reciprocal ("met", "played": attribution.tsv), a passive turns the roles round ("was beaten by"), the two
    are only listed or placed ("Ann Lee and Omar Diallo", "cases in Ann Arbor"), or the words between the
    names differ (another relation)."""
    na, nb = _two_names(a.text), _two_names(b.text)
    if len(na) != 2 or len(nb) != 2:
        return []
    (sx, ex, x), (sy, ey, y) = na
    (su, eu, u), (sv, ev, v) = nb
    if not (_same(x, v) and _same(y, u)) or _same(x, y) or _same(u, v):
        return []
    gap_a, gap_b = a.text[ex:sy], b.text[eu:sv]
    words_a = re.findall(r"[a-z’']+", gap_a.lower())
    words_b = re.findall(r"[a-z’']+", gap_b.lower())
    if not words_a or max(len(words_a), len(words_b)) > 4 or re.search(r"[\d,;:()]", gap_a + gap_b):
        return []  # far apart, counted or set off: the order of the names says nothing of their roles
    keys_a, keys_b = {lemma(w) for w in words_a}, {lemma(w) for w in words_b}
    if keys_a != keys_b or keys_a & (_RECIPROCAL | _REPORTING | _COORDINATION | {"by", "from", "of"}):
        return []  # another relation, a reciprocal or reporting verb, a list or a passive ("was beaten by")
    kind = "speaker" if keys_a & _LISTENER else "actor"
    return [f"{kind} differs: {speakers.shown(x)} vs {speakers.shown(u)}"]
