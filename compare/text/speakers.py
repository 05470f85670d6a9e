"""Who speaks in each claim: a sentence opening "He said ..." and the sentences of a quoted passage speak for
the person named nearby.

- A claim that opens with a pronoun and a verb of saying ("He described ...") speaks for the person the
  previous claim named last (its speaker, else the last full name among its entities).
- A quoted passage has one speaker: the name found on any of its sentences applies to all of them.
  'Lee added: "We will reopen the line. The repairs start on Monday."' is two claims; only the first
  names Lee, but the second is her words too.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from compare.model import Claim
from compare.text import lexicon
from compare.text.facts import canonical_entity
from compare.text.memo import TEXTS, per_text

# A linguistic rule (a pronoun subject and a verb of saying), not a word list fitted to any text.
PRONOUN_OPENER = re.compile(
    r"(?:He|She)\s+(?:said|told|added|described|warned|wrote|reported|posted|called)\b"
)
# '"We will go on," he said.': the pronoun and its verb after the quotation they attribute.
PRONOUN_AFTER = re.compile(r"[,”\"]\s+(?:he|she)\s+(?:said|told|added|warned|wrote|insisted)\b")
_OPEN, _CLOSE = "“", "”"


def resolve_speakers(claims: Sequence[Claim]) -> list[Claim]:
    """The claims of one document in reading order, with the speakers a pronoun or a passage implies.

    >>> from compare.model import Facts
    >>> said = Claim("d0:c0", "d0", 0, 16, "Ann Lee said so.", Facts(speaker="Ann Lee"))
    >>> more = Claim("d0:c1", "d0", 17, 32, "She added more.", Facts())
    >>> resolve_speakers([said, more])[1].facts.speaker
    'Ann Lee'
    """
    out: list[Claim] = []
    for claim in claims:
        pronoun = PRONOUN_OPENER.match(claim.text) or PRONOUN_AFTER.search(claim.text)
        if not claim.facts.speaker and out and pronoun and not sources(claim.text):
            # "He described ..." speaks for the person the previous claim named last.
            prior = out[-1].facts
            person = prior.speaker or next((e for e in reversed(prior.entities) if " " in e), "")
            if person:
                claim = replace(claim, facts=replace(claim.facts, speaker=person))
        out.append(claim)
    return share_speakers(out)


def _balance(text: str) -> int:
    """Quotation marks a claim leaves open (positive) or closes that an earlier claim opened (negative)."""
    curly = text.count(_OPEN) - text.count(_CLOSE)
    straight = text.count('"') % 2
    if straight:
        # An odd straight quote opens when it comes before the words it quotes, else it closes.
        at = text.rfind('"') if text.rstrip().endswith('"') else text.find('"')
        straight = -1 if at >= len(text.rstrip()) - 2 else 1
    return curly + straight


def passages(claims: Sequence[Claim]) -> list[list[int]]:
    """Indices of claims that form one quoted passage (two or more claims), in order."""
    out: list[list[int]] = []
    current: list[int] = []
    depth = 0
    for n, c in enumerate(claims):
        b = _balance(c.text)
        if depth > 0:
            current.append(n)
            depth += b
            if depth <= 0:
                out.append(current)
                current, depth = [], 0
        elif b > 0:
            current, depth = [n], b
    if len(current) > 1:
        out.append(current)
    return [p for p in out if len(p) > 1]


def share_speakers(claims: Sequence[Claim]) -> list[Claim]:
    """The claims, with the speaker of each quoted passage given to its sentences that name none."""
    out = list(claims)
    for group in passages(claims):
        speakers = {out[n].facts.speaker for n in group if out[n].facts.speaker}
        if len(speakers) != 1:
            continue  # nobody named, or two different people: nothing safe to share
        who = speakers.pop()
        for n in group:
            if not out[n].facts.speaker and out[n].doc == out[group[0]].doc:
                out[n] = replace(out[n], facts=replace(out[n].facts, speaker=who, quoted=True))
    return out


# --- Who is the source of a claim's words, read from its text -------------------------------------------------
# Verbs of saying and of naming ("described it as", "labelled it"), nouns of a written statement ("a 2014
# report"), and the auxiliaries or adverbs that may stand between a subject and its verb ("would later call"):
# resources/lexicon/attribution.tsv. Titles and roles ("Foreign Secretary", "Defence") and the generic words
# of organisations ("Commission", "Ministry") are read from title_words.tsv: they describe, not name.
_VERBS = "|".join(sorted(lexicon.words("attribution", "verb"), key=len, reverse=True))
_DOCUMENTS = "|".join(sorted(lexicon.words("attribution", "document"), key=len, reverse=True))
_BETWEEN = "|".join(sorted(lexicon.words("attribution", "between"), key=len, reverse=True))
_TITLES = frozenset(r["word"].lower() for r in lexicon.rows("title_words") if r["kind"] in {"title", "role"})
_GENERIC = frozenset(w.lower() for w in lexicon.words("title_words", "organisation"))
_OPENERS = frozenset(w.lower() for w in lexicon.words("title_words", "opener"))
_PROXIES = lexicon.words("attribution", "proxy")
_CONNECTORS = frozenset({"of", "and", "for", "the", "de", "al"})
_WORD = r"(?:[A-Z][\w\-]*(?:[’']s)?|[A-Z]\.(?:[A-Z]\.)+)"
_NAME = rf"{_WORD}(?:\s+(?:(?:of|and|for|de)\s+(?:the\s+)?)?{_WORD})*"
_SOURCE_PATTERNS = (
    # "Ann Lee said", "A CFTC 2014 report described", "Ann Lee, who labelled", "the SEC would later call"
    re.compile(
        rf"({_NAME})(?:\s+\d{{4}})?(?:\s+(?:{_DOCUMENTS}))?(?:,\s+who|,\s+[^,“”\"]{{3,60}},)?"
        rf"(?:\s+(?:{_BETWEEN})){{0,2}}\s+(?:{_VERBS})\b"
    ),
    # "a 2014 report by the Commodity Futures Trading Commission"
    re.compile(rf"\b(?:{_DOCUMENTS})\s+(?:by|from|of)\s+(?:the\s+)?({_NAME})"),
    # "..., said Ann Lee", "according to the Agency"
    # (after "said" only when the name ends the clause: "said Europe's heatwave was ..." names no speaker)
    re.compile(rf"\b(?:[Ss]aid|[Ss]ays|[Aa]dded|[Ww]rote)\s+(?:the\s+)?({_NAME})(?=\s*(?:[,.;:!?]|$))"),
    re.compile(rf"\b[Aa]ccording\s+to\s+(?:the\s+)?({_NAME})"),
    # "according to transport minister Ann Lee", "according to a company spokesman, Omar Diallo": a role
    # written in lower case before the name
    re.compile(
        rf"\b[Aa]ccording\s+to\s+(?:the\s+|an?\s+)?(?:[a-z][\w\-]*\s+){{0,2}}?"
        rf"(?:{'|'.join(sorted(_TITLES, key=len, reverse=True))}),?\s+({_NAME})"
    ),
)
_QUOTE = re.compile(r"“([^”]{2,200})”|\"([^\"]{2,200})\"|(?<!\w)‘([^’]{2,200})’(?!\w)")


def _words(name: str) -> list[str]:
    return [w.lower().replace("’s", "").replace("'s", "") for w in name.replace("-", " ").split()]


def _without_openers(name: str) -> str:
    """A matched name without the openers and connectors it starts with ("Meanwhile Ann Lee" -> "Ann Lee")."""
    words = name.split()
    while words and (words[0].lower() in _OPENERS or words[0].lower() in _CONNECTORS):
        words = words[1:]
    return " ".join(words)


def _ends_in_role(name: str) -> bool:
    """ "Google CEO", "KEDO Spokesman", "the Queen": a title that ends the name; not "Jim King", where a
    title word is a surname after a first name."""
    raw = name.split()
    if not raw or _words(name)[-1] not in _TITLES:
        return False
    return len(raw) == 1 or raw[-1].isupper() or not raw[-1][:1].isupper() or raw[-2].isupper()


@lru_cache(maxsize=TEXTS)
def _key_words(name: str) -> tuple[str, ...]:
    """The identifying words of a source's name in order (see ``distinctive``)."""
    if _ends_in_role(name):
        return ()  # "Google CEO", "the agency spokesman": a role, held by someone the other may name
    whole = canonical_entity(name)
    if whole != name.strip(" .,’'") and whole.lower() not in _GENERIC:
        return (whole.lower(),)
    raws, words = name.replace("-", " ").split(), _words(name)
    out = []
    for n, (raw, w) in enumerate(zip(raws, words, strict=True)):
        last_of_name = n == len(words) - 1 and n > 0 and raws[n - 1][:1].isupper()
        if w in _TITLES and last_of_name and words[n - 1] not in _TITLES:
            out.append(w)  # "Jim King": a surname that is also a title word
        elif raw[:1].isupper() and not ({w} & (_TITLES | _GENERIC | _CONNECTORS | _OPENERS)):
            out.append(canonical_entity(w).lower())  # "a police officer", "the Ministry": descriptions
    capitals = [w for raw, w in zip(raws, words, strict=True) if raw[:1].isupper() and w not in _OPENERS]
    if not out and len(capitals) > 1 and set(capitals) & _GENERIC:
        # "the British Foreign Office": a body named by its qualifiers, not "the Ministry"
        return tuple(capitals)
    return tuple(out)


@lru_cache(maxsize=TEXTS)
def distinctive(name: str) -> frozenset[str]:
    """The words of a source's name that identify it, spelled one way per country or organisation: titles,
    roles, connectors and the generic words of organisations left out ("Secretary of State Ann Lee" ->
    {"ann", "lee"}; "the Kremlin" -> {"russia"}; "the Ministry" -> nothing).

    >>> sorted(distinctive("Foreign Secretary Omar Diallo")), sorted(distinctive("the Kremlin"))
    (['diallo', 'omar'], ['russia'])
    """
    return frozenset(_key_words(name))


def shown(name: str) -> str:
    """A source's name as a reason shows it, without the titles in front ("Secretary of State Ann Lee" ->
    "Ann Lee") or the body whose office they hold ("CIA Director Ann Lee" -> "Ann Lee")."""
    words = name.split()
    while len(words) > 1 and (words[0].lower() in _TITLES | _CONNECTORS | _OPENERS):
        words = words[1:]
    return person_of(" ".join(words))


def person_of(name: str) -> str:
    """The person a source's name ends with after an office held in a body ("CIA Director Ann Lee",
    "University of Fernhill President Ann Lee" -> "Ann Lee"), else the name as it is.

    >>> person_of("CIA Director Ann Lee"), person_of("the Harbour Agency")
    ('Ann Lee', 'the Harbour Agency')
    """
    raw, words = name.split(), _words(name)
    at = max((n for n, w in enumerate(words) if w in _TITLES), default=-1)
    rest = raw[at + 1 :]
    if at < 0 or not rest or any(not w[:1].isupper() or w.isupper() for w in rest):
        return name
    if {w.lower() for w in rest} & (_TITLES | _GENERIC | _OPENERS):
        return name
    return " ".join(rest)


def holds_title(name: str) -> bool:
    """Whether an unnamed speaker is described by an office a named person may hold ("the foreign minister",
    "the Prime Minister"), not by a role of someone acting for others ("an army officer", "a spokesman")."""
    words = _words(name)
    return bool(words) and words[-1] in _TITLES and words[-1] not in _PROXIES


def is_group(name: str) -> bool:
    """Whether a source is a group of people named by one word, their role in the plural ("Officials"): any
    one person the other account names may be among them."""
    words = _words(name)
    return len(words) == 1 and words[0] in _TITLES and words[0].endswith("s") and words[0][:-1] in _TITLES


def _acronym(name: str) -> str:
    return "".join(w[0] for w in _words(name) if w not in _CONNECTORS)


def same_source(x: str, y: str) -> bool | None:
    """Whether two names of sources name the same one (None: one of them names nobody in particular).

    The same when they share an identifying word ("Lee", "Secretary of State Ann Lee"), are one
    country or its capital (aliases.tsv), one is the acronym of the other ("CFTC", "Commodity Futures
    Trading Commission"), or their last words are near spellings ("Sundwell", "Sundwall").

    >>> same_source("CFTC", "the Commodity Futures Trading Commission"), same_source("Diallo", "Ann Lee")
    (True, False)
    """
    dx, dy = distinctive(x), distinctive(y)
    if not dx or not dy:
        return None
    kx, ky = _key_words(x), _key_words(y)
    people = not ({*_words(x), *_words(y)} & _GENERIC) and not x.isupper() and not y.isupper()
    if people and len(kx) > 1 and len(ky) > 1 and kx[-1] != ky[-1]:
        return difflib.SequenceMatcher(None, kx[-1], ky[-1]).ratio() >= 0.8  # "John Lee", "John Smith"
    if dx & dy:
        return True
    ax, ay = x.replace(".", "").strip(), y.replace(".", "").strip()
    for short, full in ((ax, y), (ay, x)):
        if short.isupper() and len(short) > 1 and short.lower() == _acronym(full):
            return True
    lx, ly = (
        sorted(dx)[-1] if len(dx) == 1 else _words(x)[-1],
        sorted(dy)[-1] if len(dy) == 1 else _words(y)[-1],
    )
    return difflib.SequenceMatcher(None, lx, ly).ratio() >= 0.8


@per_text
def attributions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each named source a claim gives words to, in reading order: ``end`` is where
    the attribution ("Ann Lee, who labelled") ends."""
    found: list[tuple[int, int, str]] = []
    for pattern in _SOURCE_PATTERNS:
        for m in pattern.finditer(text):
            name = _without_openers(m.group(1))
            if name and distinctive(name) and not any(name in f or f in name for _, _, f in found):
                found.append((m.start(1), m.end(), name))
    return sorted(found)


def sources(text: str) -> list[str]:
    """The named sources a claim gives its words to, in reading order ("Ann Lee said ...", "... according to
    the Agency", "a 2014 report by the Commission described ..."); a name made only of titles, roles or
    generic words ("Officials said", "the Ministry said") names nobody and is left out.

    >>> sources("A CFTC 2014 report described it as one of the worst days.")
    ['CFTC']
    >>> sources("The decision was criticised by pundits such as Ann Lee, who labelled it 'absurd'.")
    ['Ann Lee']
    """
    return [name for _, _, name in attributions(text)]


def quoted_by(text: str) -> dict[str, str]:
    """Each quotation of a claim, lower-cased, with the named source it is given to: the attribution just
    before it ("Ann Lee, who labelled it “absurd”"), else the one just after it ("“Absurd,” Ann Lee said").

    >>> quoted_by("Ann Lee called it “absurd”, while others such as Omar Diallo thought it fair.")
    {'absurd': 'Ann Lee'}
    """
    return dict(_quoted_by(text))


@lru_cache(maxsize=TEXTS)
def _quoted_by(text: str) -> tuple[tuple[str, str], ...]:
    named = attributions(text)
    out: dict[str, str] = {}
    for m in _QUOTE.finditer(text):
        before = [n for n in named if n[1] <= m.start()]
        after = [n for n in named if n[0] >= m.end()]
        who = before[-1][2] if before else after[0][2] if after else ""
        if who:
            out[" ".join(next(g for g in m.groups() if g).lower().split())] = who
    return tuple(out.items())


@lru_cache(maxsize=TEXTS)
def quotations(text: str) -> frozenset[str]:
    """The words a claim quotes, lower-cased ("labelled it “ridiculous”" -> {"ridiculous"})."""
    return frozenset(
        " ".join(next(g for g in m.groups() if g).lower().split()) for m in _QUOTE.finditer(text)
    )


@lru_cache(maxsize=TEXTS)  # a claim's words are looked up for every name the claims it meets give
def _mentioned(text: str) -> frozenset[str]:
    """The words of a text as ``mentions`` compares them: each spelled one way per country or body."""
    words = {canonical_entity(w).lower() for w in _words(text)}
    words |= {canonical_entity(w.strip(".,;:“”\"'’")).lower() for w in text.split()}
    return frozenset(words)


def mentions(name: str, text: str) -> bool:
    """Whether ``text`` names the source ``name`` anywhere (as a speaker or not)."""
    words = _mentioned(text)
    key = distinctive(name)
    acronym = name.replace(".", "").strip()
    initials = _acronym(name)
    return (
        bool(key & words)
        or (acronym.isupper() and acronym.lower() in words)
        or (len(initials) > 2 and initials in {w for w in words if len(w) > 2})
    )


# --- Who did it: the named agent of a passive ("built by Ann Lee Ltd") ------------------------------------------
# A past participle ("-ed", an irregular one from irregular_verbs.tsv, or a verb of agent_verbs.tsv) before "by",
# then the agent: a name, or a description ending in one ("the English pundit Ann Lee", "pundits such as Ann
# Lee"). A description ("European agencies", "local workers") names nobody; "by" with a time, an amount or a
# means ("by Friday", "by 5%", "by train") has no name after it (calendar words are openers, title_words.tsv);
# the idioms of "by" ("by the time", "by the end of") are attribution.tsv's kind "by_idiom".
_PARTICIPLES = frozenset(r["form"] for r in lexicon.rows("irregular_verbs")) | frozenset(
    lexicon.column("agent_verbs", "verb")
)


def _active_forms() -> frozenset[str]:
    """The present and past forms of agent_verbs.tsv's verbs read in both voices ("build", "builds", "built",
    "manages"; not "made" or "ran", light verbs of many senses read in the passive only)."""
    irregular: dict[str, set[str]] = {}
    for r in lexicon.rows("irregular_verbs"):
        irregular.setdefault(r["base"], set()).add(r["form"])
    out: set[str] = set()
    for verb in (r["verb"] for r in lexicon.rows("agent_verbs") if r["voice"] == "both"):
        if verb.endswith("ed"):
            out.add(verb)  # "founded": a past form listed as it is
            continue
        stem = verb[:-1] if verb.endswith("e") else verb
        out |= {verb, verb + ("es" if verb.endswith(("s", "sh", "ch", "x")) else "s")}
        out |= irregular.get(verb, set()) or {stem + "ed"}
    return frozenset(out)


_ACTIVE_FORMS = _active_forms()
# The past participles of agent_verbs.tsv's verbs, for compounds ("Halden-built", "Fernhill-owned").
_AGENT_BASES = frozenset(lexicon.column("agent_verbs", "verb"))
_COMPOUND_FORMS = frozenset(f for f in _ACTIVE_FORMS if f.endswith("ed")) | frozenset(
    r["form"] for r in lexicon.rows("irregular_verbs") if r["base"] in _AGENT_BASES
)
_BY_IDIOMS = frozenset(lexicon.words("attribution", "by_idiom"))
_BEFORE_PARTICIPLE = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"})
_BY = re.compile(
    r"\b([A-Za-z]+)(?:,?\s+(?:on|in|at|during|last|early|late)\s+[\w ]{0,24}?(?:\d\w*|[A-Z][a-z]+)(?:,?\s+\d{4})?,?)?"
    r"\s+by\s+(?=([^,.;:!?()“”\"]{1,120}))"
)  # "built by", "opened in 1932 by", "spotted on May 1, 2016, by": a time or a place may stand between
_NAME_RUN = re.compile(_NAME)
_COMPOUND = re.compile(r"(?<![\w\-])([A-Z][\w’']*)-([a-z]+)\b(?!-)")
_ACTIVE = re.compile(rf"(?<!\w)({_NAME})\s+(?:(?:also|has|have|had|now|still)\s+)?([a-z]+)\b(?!\s+by\b)")
_DESCRIPTION = re.compile(r"(?:(?:the|a|an|some|its|his|her|their)\s+)?(?:[\w\-’']+\s+){0,3}?")
# After the agent's name: the end of the phrase (a conjunction, a preposition, a relative pronoun, an
# auxiliary); a lower-case noun there would make the name a modifier of a description ("Halden engineers").
_AFTER_AGENT = re.compile(
    r"\s*(?:$|(?:and|or|but|while|who|whose|which|that|in|on|at|for|with|from|after|before|during|since|as|"
    r"under|to|is|are|was|were|has|have|had|will|would|also|last|this|until|over|than)\b)"
)


@per_text
def name_runs(text: str) -> list[str]:
    """The runs of capitalised words of a text ("NASA's Jet Propulsion Laboratory", "Department of State")."""
    return [m.group(0) for m in _NAME_RUN.finditer(text)]


def _agent_in(phrase: str) -> str:
    """The named agent a "by" phrase starts with ("the English pundit Ann Lee in 2010" -> "Ann Lee"), or ""."""
    if phrase.split()[0].lower() in _BY_IDIOMS or " ".join(phrase.lower().split()[:2]) in _BY_IDIOMS:
        return ""
    listed = re.match(r"[^A-Z]*?\b(?:such\s+as|including)\s+", phrase)
    for m in _NAME_RUN.finditer(phrase, listed.end() if listed else 0):
        lead = phrase[listed.end() if listed else 0 : m.start()]
        if not _DESCRIPTION.fullmatch(lead):
            return ""  # the name is too far into the phrase to be its head
        if not _AFTER_AGENT.match(phrase, m.end()):
            continue  # "European agencies": a modifier; a later name may still be the head
        name = m.group(0)
        if name.endswith(("’s", "'s")):
            return ""  # "by Friday's storm", "by Ann Lee's firm": whose, not who
        name = _without_openers(name)
        return name if name and distinctive(name) and not _ends_in_role(name) else ""
    return ""


@per_text
def agents(text: str) -> list[tuple[str, str]]:
    """(participle, agent) of each passive of a claim whose agent is named, in reading order.

    >>> agents("Built by Halden Works, it is run by the Agency and was paid for by local donors.")
    [('built', 'Halden Works')]
    >>> agents("A Halden-built hull, a Fernhill-owned yard, a Paris-based firm.")
    [('built', 'Halden'), ('owned', 'Fernhill')]
    >>> agents("Halden Works manufactures the hull; the Fernhill Board operates the yard.")
    [('manufactures', 'Halden Works'), ('operates', 'Fernhill Board')]
    >>> agents("The vote was delayed by Friday's storm, by 5% and by train.")
    []
    """
    out: list[tuple[int, str, str]] = []
    for m in _BY.finditer(text):
        verb = m.group(1).lower()
        if not (verb in _PARTICIPLES or (verb.endswith("ed") and len(verb) > 4)):
            continue
        before = text[: m.start(1)].split()
        if before and before[-1].lower() in _BEFORE_PARTICIPLE:
            continue  # "the armed groups": an adjective, not a passive
        name = _agent_in(m.group(2))
        if name:
            out.append((m.start(), verb, name))
    for m in _COMPOUND.finditer(text):
        # "a Halden-built hull", "a state-owned firm": a compound of a name and a participle of agent_verbs.tsv
        name, verb = m.group(1), m.group(2).lower()
        if verb in _COMPOUND_FORMS and distinctive(name) and name.lower() not in _OPENERS:
            out.append((m.start(), verb, name))
    for m in _ACTIVE.finditer(text):
        # "Halden Works built the depot": the subject of a verb of agent_verbs.tsv, an active form only
        name = _without_openers(m.group(1))
        verb = m.group(2).lower()
        whose = name.endswith(("’s", "'s"))  # "Ann Lee's firm built": whose, not who
        if verb in _ACTIVE_FORMS and name and not whose and distinctive(name) and not _ends_in_role(name):
            out.append((m.start(), verb, name))
    return [(verb, name) for _, verb, name in sorted(out)]


_PAST_FORMS = frozenset(r["form"] for r in lexicon.rows("irregular_verbs"))
# Verbs of saying, of opinion and of attitude are the speaker's (``sources``, ``views``), not the doer's.
_NOT_DEEDS = frozenset(
    r["word"] for r in lexicon.rows("attribution") if r["kind"] in {"verb", "view", "approve", "disapprove"}
)
_DEED = re.compile(rf"(?<!\w)({_NAME})\s+(?:(?:also|first|later|then|had|has|have)\s+)?([a-z]+)\s+(?:the\s+|a\s+|an\s+)?"
                   rf"([a-z][a-z\-]+)\b")  # fmt: skip


@per_text
def deeds(text: str) -> list[tuple[str, str, str]]:
    """(verb, doer, object word) of each past act a claim gives a named subject in the active voice, for any
    verb ("Halden Air spotted the fire" -> ("spotted", "Halden Air", "fire")); the object word is the first
    word after the verb and its article. Not verbs of saying or of attitude (who said it is ``sources``'),
    a name that is whose ("Ann Lee's crew spotted"), a role ("the Harbour Agency spokesman"), nor a verb
    that a possessive or a date makes a noun.

    >>> deeds("Halden Air spotted the fire on Monday, and Ann Lee's crew put it out.")
    [('spotted', 'Halden Air', 'fire')]
    """
    out: list[tuple[str, str, str]] = []
    for m in _DEED.finditer(text):
        name, verb, thing = _without_openers(m.group(1)), m.group(2), m.group(3)
        past = (verb.endswith("ed") and len(verb) > 4) or verb in _PAST_FORMS
        if not past or verb in _NOT_DEEDS or name.endswith(("’s", "'s")) or thing in {"by", "to", "that"}:
            continue
        if name and distinctive(name) and not _ends_in_role(name):
            out.append((verb, name, thing))
    return out


# "Ann Lee did not sign the order", "Halden Air never reached the site": a named subject denied an act.
_DENIAL = re.compile(
    rf"(?<!\w)({_NAME})\s+(?:did\s+not|didn[’']t|never|had\s+not|hadn[’']t|has\s+not|hasn[’']t)\s+"
    rf"(?:(?:also|even|yet)\s+)?([a-z]+)\b"
)


@per_text
def denials(text: str) -> list[tuple[str, str]]:
    """(verb, doer) of each act a claim says a named subject did not do, the verb as written.

    >>> denials("Ann Lee did not sign the order, and Halden Air never reached the site.")
    [('sign', 'Ann Lee'), ('reached', 'Halden Air')]
    >>> denials("The crew did not sign it.")
    []
    """
    out: list[tuple[str, str]] = []
    for m in _DENIAL.finditer(text):
        name = _without_openers(m.group(1))
        if name and distinctive(name) and not _ends_in_role(name) and not name.endswith(("’s", "'s")):
            out.append((m.group(2), name))
    return out


# --- Whose view each part of a claim gives ---------------------------------------------------------------------
# "Ann Lee, who called it absurd, while others such as Omar Diallo thought it fair": each named person who
# says, thinks or judges something (a verb of attribution.tsv, kind "verb", "view", "approve" or "disapprove") owns the words from
# their name to the next such name.
_ATTITUDES = {
    r["word"]: r["kind"]
    for r in lexicon.rows("attribution")
    if r["kind"] in {"view", "approve", "disapprove"}
}
_STANCE = "|".join(sorted(_ATTITUDES, key=len, reverse=True))
_OWNER = re.compile(
    rf"({_NAME})(?:,\s+who)?(?:\s+(?:{_BETWEEN}|[a-z]+ly|afterwards|later|also|too)){{0,2}}\s+(?:{_VERBS}|{_STANCE})\b"
)


_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+(?=[A-Z“\"])")


@per_text
def views(text: str) -> list[tuple[str, str]]:
    """(name, words) of each named source of a claim with the part of the claim that is theirs, in order.

    >>> views("Ann Lee, who called it “absurd”, while others such as Omar Diallo thought it fair.")
    [('Ann Lee', 'Ann Lee, who called it “absurd”, while others such as '), ('Omar Diallo', 'Omar Diallo thought it fair.')]
    """
    owners: list[tuple[int, str]] = []
    for m in _OWNER.finditer(text):
        words = m.group(1).split()
        start = m.start(1)
        while words and (words[0].lower() in _OPENERS or words[0].lower() in _CONNECTORS):
            start = text.index(words[1], start) if len(words) > 1 else start
            words = words[1:]
        name = " ".join(words)
        if name and distinctive(name) and not _ends_in_role(name):
            owners.append((start, name))
    for at, _, name in attributions(text):
        if not any(at <= s < at + len(name) or s <= at < s + len(n) for s, n in owners):
            owners.append((at, name))
    owners.sort()
    out = []
    for n, (s, name) in enumerate(owners):
        part = text[s : owners[n + 1][0] if n + 1 < len(owners) else len(text)]
        out.append((name, _SENTENCE_END.split(part, maxsplit=1)[0]))  # a view ends with its sentence
    return out


def attitudes(text: str) -> dict[str, tuple[str, set[str]]]:
    """Each named person's attitude verbs in a claim ("approve", "disapprove"), with the verb words: the verb
    after their name ("Ann Lee defended it") or the passive they are the agent of ("criticised by Ann Lee").
    A person whose part of the claim carries a negation ("did not defend") is left out.

    >>> sorted(attitudes("The plan was criticised by Ann Lee, while Omar Diallo defended it.").items())
    [('Ann Lee', ('criticised', {'disapprove'})), ('Omar Diallo', ('defended', {'approve'}))]
    """
    out: dict[str, tuple[str, set[str]]] = {}
    negated: set[str] = set()
    for name, part in views(text):
        head = part[len(name) :].split(",")[0] if part.startswith(name) else part
        if re.search(r"\b(?:not|never|no|n[’']t)\b", part.lower()):
            negated.add(name)
        for word in re.findall(r"[a-z]+", head.lower())[:4]:
            kind = _ATTITUDES.get(word)
            if kind in {"approve", "disapprove"}:
                verbs, kinds = out.get(name, ("", set()))
                out[name] = (verbs or word, kinds | {kind})
                break
    for verb, name in agents(text):
        kind = _ATTITUDES.get(verb)
        if kind in {"approve", "disapprove"}:
            verbs, kinds = out.get(name, ("", set()))
            out[name] = (verbs or verb, kinds | {kind})
    return {n: v for n, v in out.items() if n not in negated}
