"""Polarity with scope: is the predicate two claims share asserted on one side and negated on the other?

A "not" somewhere in a sentence says little; what matters is whether a negation (a particle, a negative
quantifier, a negative-implicative verb such as "ruled out" or "failed to") covers the words the two claims
share. Each negation covers the words after it up to the end of its clause; a word covered twice ("wouldn't
rule out imposing") is positive again. The same reading serves antonyms ("did not win" agrees with "lost"),
downtoners ("little fanfare"), hedges ("reportedly") and refutations ("a hoax").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from compare.text import lexicon
from compare.text.memo import TEXTS, per_text
from compare.text.normalize import STOPWORDS, fold

_WORD = re.compile(r"[A-Za-z0-9À-ÿ][\w’'\-]*|n[’']t\b|[,;:.!?()\"“”—–]")
# Quotation marks do not end a negation's reach: 'no "war"' negates the quoted word.
_CLAUSE_END = frozenset(",;:.!?()—–") | lexicon.words("function_words", "clause")
_AUXILIARIES = lexicon.words("function_words", "auxiliary")
_BE = frozenset({"is", "are", "was", "were", "been", "be", "being"})
_RELATIVE = frozenset({"which", "who", "that", "whose", "whom"})
_PARTITIVE = frozenset({"of", "the", "its", "their", "his", "her", "our", "these", "those"})
_SCOPE_END = frozenset({"and", "or"})  # "denied the charge and insists ...": the second verb is asserted
SCOPE = 12  # a negation reaches this many words at most, and never past its clause
CLAUSE = 6  # words either side that tell what an antonym or a downtoned word is about
MANY = 3  # shared words of opposite sign that need no neighbour in common
BOTH = 4  # a word both sides negate within this reach: the same denial in other words
TARGET = 2  # the negated predicate is among the first content words after the cue
HARM = -1.5  # VADER valence of a predicate of harm ("hurt", "injured") after a negative quantifier


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # lower-cased, accents and apostrophes folded
    key: str  # a crude lemma: "ruled"/"rules"/"rule" -> "rul"
    start: int
    end: int


@cache
def _irregular() -> dict[str, str]:
    return {r["form"]: r["base"] for r in lexicon.rows("irregular_verbs")}


@lru_cache(maxsize=1 << 16)  # words repeat across claims; bounded for long sessions
def lemma(word: str) -> str:
    """A crude lemma for matching inflections of one word: "bombing"/"bombed" -> "bomb", "won" -> "win"."""
    w = fold(word).strip("-")
    if w.endswith("'s"):
        w = w[:-2]
    w = _irregular().get(w, w)
    if w.isdigit() or len(w) <= 3:
        return w
    for suffix in ("ing", "ied", "ies", "ed", "es", "s", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            if suffix == "s" and w.endswith("ss"):
                break
            w = w[: -len(suffix)] + ("y" if suffix in {"ied", "ies"} else "")
            if suffix in {"ing", "ed"} and len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
                w = w[:-1]  # "stopped" -> "stop"
            break
    return w


@lru_cache(maxsize=1 << 13)  # every claim is read by several rules for every claim it meets
def tokens(text: str) -> tuple[Token, ...]:
    out = []
    for m in _WORD.finditer(text):
        word = m.group(0)
        low = fold(word)
        if low.endswith("nt") and re.search(r"n[’']t$", word) and len(word) > 3:
            # "wouldn't" -> "would" + "n't", so that the cue and its auxiliary are both seen.
            cut = m.end() - 3
            out.append(Token(low[:-2], lemma(low[:-2]), m.start(), cut))
            out.append(Token("n't", "n't", cut, m.end()))
            continue
        if low == "cannot":
            out.append(Token("can", "can", m.start(), m.start() + 3))
            out.append(Token("not", "not", m.start() + 3, m.end()))
            continue
        out.append(Token(low, lemma(low), m.start(), m.end()))
    return tuple(out)


@cache
def _phrases(name: str, col: str, split: bool = False) -> tuple[tuple[str, ...], ...]:
    words = []
    for value in lexicon.column(name, col):
        for form in value.split("|") if split else (value,):
            if form:
                # "n't" keeps its apostrophe: it is the one cue that ``tokens`` splits off a word.
                words.append(
                    tuple(w if w == "n't" else fold(w) for w in form.lower().replace("’", "'").split())
                )
    return tuple(sorted(set(words), key=len, reverse=True))


Phrases = dict[str, tuple[tuple[str, ...], ...]]  # by first word, each group longest first


@cache
def _by_first(name: str, col: str, split: bool = False) -> Phrases:
    """``_phrases`` grouped by first word, each group in the same longest-first order: a token is looked up,
    not compared with every phrase (that comparison was most of a comparison's time)."""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for p in _phrases(name, col, split):
        if p:
            groups.setdefault(p[0], []).append(p)
    return {first: tuple(ps) for first, ps in groups.items()}


def _match_at(toks: tuple[Token, ...], i: int, phrases: Phrases) -> int:
    """Length of the longest phrase that starts at token ``i`` (0 when none does)."""
    for p in phrases.get(toks[i].text, ()):
        if tuple(t.text for t in toks[i : i + len(p)]) == p:
            return len(p)
    return 0


@dataclass(frozen=True, slots=True)
class Cue:
    start: int  # token index of the cue's first word
    end: int  # token index after its last word
    implicative: bool  # a verb that negates its complement ("ruled out", "failed to")


@cache
def _cue_words() -> frozenset[str]:
    return frozenset(w for p in _phrases("negations", "cue") for w in p)


def is_content(t: Token) -> bool:
    return (
        t.text not in STOPWORDS
        and t.text not in _AUXILIARIES
        and t.text not in _cue_words()
        and t.text[0].isalnum()
    )


@dataclass(frozen=True, slots=True)
class Reading:
    """One claim read for polarity: its tokens, its negation cues and the sign of every content word."""

    text: str
    toks: tuple[Token, ...]
    cues: tuple[Cue, ...]
    covered: tuple[tuple[int, ...], ...]  # per token: the indices of the cues whose scope covers it

    def negative(self, i: int) -> bool:
        return len(self.covered[i]) % 2 == 1

    def signs(self) -> dict[str, set[bool]]:
        out: dict[str, set[bool]] = {}
        for i, t in enumerate(self.toks):
            if is_content(t) and not self._inside_particle_cue(i):
                out.setdefault(t.key, set()).add(self.negative(i))
        return out

    def _inside_particle_cue(self, i: int) -> bool:
        return any(c.start <= i < c.end and not c.implicative for c in self.cues)

    def span(self, first: int, last: int) -> str:
        return self.text[self.toks[first].start : self.toks[last].end]


@lru_cache(maxsize=1 << 13)  # a claim meets every claim of the other side; bounded for long sessions
def read(text: str) -> Reading:
    toks = tokens(text)
    negations = _by_first("negations", "cue")
    implicatives = _by_first("implicatives", "forms", split=True)
    cues: list[Cue] = []
    i = 0
    while i < len(toks):
        n = _match_at(toks, i, implicatives)
        if n:
            cues.append(Cue(i, i + n, True))
            i += n
            continue
        n = _match_at(toks, i, negations)
        if n and not _idiom(toks, i, n):
            cues.append(Cue(i, i + n, False))
            i += n
            continue
        i += 1
    covered: list[list[int]] = [[] for _ in toks]
    for k, cue in enumerate(cues):
        if cue.implicative and cue.start > 0 and toks[cue.start - 1].text in _BE:
            # "The reports were denied by the minister": a passive verb denies its subject, before it.
            j = cue.start - 2
            while j >= 0 and toks[j].text not in _CLAUSE_END and toks[j].text not in _SCOPE_END:
                covered[j].append(k)
                j -= 1
            continue
        for j in range(cue.end, min(len(toks), cue.end + SCOPE)):
            if toks[j].text in _CLAUSE_END or toks[j].text in _SCOPE_END:
                break
            if toks[cue.start].text == "without" and _infinitive(toks, j):
                break  # "moved without delay to close the road": the road is closed, the delay denied
            covered[j].append(k)
    return Reading(text, toks, tuple(cues), tuple(tuple(c) for c in covered))


def _infinitive(toks: tuple[Token, ...], j: int) -> bool:
    """ "to" before a verb's base form ("to close"), not before a noun ("to reporters", "to the press"): a
    bare lower-case word that is not a plural."""
    if toks[j].text != "to" or j + 1 >= len(toks):
        return False
    nxt = toks[j + 1].text
    plural = nxt.endswith("s") and not nxt.endswith("ss")
    return nxt.isalpha() and not plural and nxt not in STOPWORDS and nxt not in _AUXILIARIES


def _idiom(toks: tuple[Token, ...], i: int, n: int) -> bool:
    """Cue words that do not negate: "not only ... but", "no-fly zone", "no doubt", "nothing but", "no more
    than" (a bound)."""
    word = toks[i].text
    nxt = toks[i + n].text if i + n < len(toks) else ""
    if word == "not" and nxt in {"only", "just", "merely"}:
        return True
    if word.startswith("no-") or (word == "no" and nxt in {"doubt", "matter", "sooner"}):
        return True
    after = toks[i + n + 1].text if i + n + 1 < len(toks) else ""
    if word == "no" and nxt in {"more", "less", "fewer"} and after == "than":
        return True  # "no fewer than six", "no more than 12": a bound on a figure, compared as a number
    return word == "nothing" and nxt == "but"


_BREAKS = frozenset(',;:.!?()"“”—–')


def context(r: Reading, first: int, last: int, width: int = 4, names: bool = True) -> set[str]:
    """Content words next to tokens ``first..last`` within their clause: what those words are about."""
    out: set[str] = set()
    for step, edge in ((-1, first - 1), (1, last + 1)):
        i, seen = edge, 0
        while 0 <= i < len(r.toks) and seen < width:
            t = r.toks[i]
            if t.text in _BREAKS:
                break
            if is_content(t) and (names or not r.text[t.start : t.start + 1].isupper()):
                out.add(t.key)
                seen += 1
            i += step
    return out


def _phrase(r: Reading, i: int) -> str:
    """The words that show the sign of token ``i``: its covering cues (with their auxiliary) up to it."""
    first = i
    for k in r.covered[i]:
        c = r.cues[k]
        first = min(first, c.start)
        if (
            c.start > 0
            and r.toks[c.start].text in {"not", "n't"}
            and r.toks[c.start - 1].text in _AUXILIARIES
        ):
            first = min(first, c.start - 1)
    last = i
    for c in r.cues:  # the whole of a multi-word verb: "rule out", not "rule"
        if c.start <= i < c.end:
            last = max(last, c.end - 1) if c.start <= last < c.end else last
            first = min(first, c.start)
    return r.span(first, last)


def _clause_keys(r: Reading, i: int) -> set[str]:
    """The words of the clause around token ``i`` (up to punctuation, a conjunction or a relative word)."""
    ends = _BREAKS | _CLAUSE_END | _SCOPE_END | _RELATIVE
    lo = hi = i
    while lo > 0 and r.toks[lo - 1].text not in ends:
        lo -= 1
    while hi + 1 < len(r.toks) and r.toks[hi + 1].text not in ends:
        hi += 1
    return {t.key for t in r.toks[lo : hi + 1]}


def _cue_words_of(r: Reading, key: str) -> set[str]:
    """The cues that negate ``key`` in ``r``: the same cue on both sides is the same sentence, not a rewording."""
    return {
        " ".join(t.text for t in r.toks[r.cues[c].start : r.cues[c].end])
        for i, t in enumerate(r.toks)
        if t.key == key
        for c in r.covered[i]
    }


def _distance(r: Reading, i: int) -> int:
    """Content words between token ``i`` and the nearest cue that covers it. Names right after "no" do not
    count: in "no Harbour Board engineers" they qualify the noun the negative determiner denies."""
    cue = r.cues[r.covered[i][-1]]
    between = [j for j in range(cue.end, i) if j not in _supports(r)]
    if (
        r.toks[cue.start].text == "no"
        and cue.end == cue.start + 1
        and all(_capitalised(r, j) for j in between)
    ):
        return 0
    return sum(1 for j in between if is_content(r.toks[j]))


@lru_cache(maxsize=1 << 10)
def _supports(r: Reading) -> frozenset[int]:
    """Token indices of light verbs with their noun ("took part in", support_verbs.tsv): "did not take part in
    the rescue" denies the rescue, so the light verb does not stand between the negation and it."""
    phrases = _by_first("support_verbs", "phrase")
    out: set[int] = set()
    for i in range(len(r.toks)):
        n = _match_at(r.toks, i, phrases)
        out.update(range(i, i + n))
    return frozenset(out)


def _capitalised(r: Reading, j: int) -> bool:
    return r.text[r.toks[j].start : r.toks[j].start + 1].isupper()


def _target(r: Reading, key: str, near: int = TARGET) -> bool:
    """Whether a word is what a negation in ``r`` negates (one of the first ``near`` words of its scope)."""
    return any(t.key == key and r.covered[i] and _distance(r, i) < near for i, t in enumerate(r.toks))


@cache
def _quantifiers() -> frozenset[str]:
    return frozenset(fold(r["cue"]) for r in lexicon.rows("negations") if r["kind"] == "quantifier")


@cache
def _harm() -> frozenset[str]:
    """Words of harm (VADER valence -1.5 or lower: "hurt", "injured", "killed", "damaged")."""
    return frozenset(fold(r["word"]) for r in lexicon.rows("valence") if float(r["valence"]) <= HARM)


def _spared(r: Reading, i: int) -> bool:
    """Whether token ``i`` is the subject of a negative quantifier whose predicate is a harm: "no volunteers
    were hurt" denies the harm (the other account may say they were unhurt), not the volunteers."""
    if not r.covered[i]:
        return False
    cue = r.cues[r.covered[i][-1]]
    if cue.implicative or " ".join(t.text for t in r.toks[cue.start : cue.end]) not in _quantifiers():
        return False
    if not all(_capitalised(r, j) or r.toks[j].text in _PARTITIVE for j in range(cue.end, i)):
        return False  # not the noun the quantifier opens on ("no Red Cross crews", "none of the crews")
    for t in r.toks[i + 1 : i + 5]:
        if t.text in _CLAUSE_END or t.text in _SCOPE_END:
            return False
        if is_content(t):
            return t.text in _harm()  # the first word of the predicate after "were", "have been"
    return False


def _subject_of_denial(r: Reading, j: int) -> bool:
    """Whether token ``j`` is the subject of a negated predicate: a "not" or "never" follows it in its clause
    within a few words ("fishing boats did not take part")."""
    starts = {c.start for c in r.cues if not c.implicative}
    for k in range(j + 1, min(len(r.toks), j + 7)):
        t = r.toks[k].text
        if t in _CLAUSE_END or t in _SCOPE_END or t in _RELATIVE:
            return False
        if k in starts and t in {"not", "n't", "never"}:
            return True
    return False


def _verb_like(r: Reading, i: int) -> bool:
    """A predicate rather than a noun: part of a cue verb, a past or -ing form ("attacked", "bombing")."""
    t = r.toks[i].text
    in_cue = any(c.implicative and c.start <= i < c.end for c in r.cues)
    return in_cue or t in _irregular() or t.endswith(("ed", "ing"))


def _related(ra: Reading, i: int, rb: Reading, j: int, similar: bool) -> bool:
    """Whether token ``i`` of one claim and ``j`` of the other are the same predicate: they share a
    neighbour, or the claims are worded alike and neither word has a neighbour to tell."""
    key = ra.toks[i].key
    ca, cb = _around(ra, i) - {key}, _around(rb, j) - {key}
    return bool(ca & cb) or (similar and not ca and not cb)


def _around(r: Reading, i: int) -> set[str]:
    """The neighbours of token ``i``; for a contrast set off by a comma ("came from the office, not from the
    ministry"), the words of the clause it corrects as well."""
    out = context(r, i, i, CLAUSE)
    if r.covered[i]:
        cue = r.cues[r.covered[i][-1]]
        if not cue.implicative and cue.start >= 2 and r.toks[cue.start - 1].text == ",":
            out |= context(r, cue.start - 2, cue.start - 2, CLAUSE) | {r.toks[cue.start - 2].key}
    return out


def negation_differs(a_text: str, b_text: str, similar: bool = False) -> str:
    """ "negation differs: 'wouldn't rule out' vs 'ruled out'" when the shared predicate flips, else ""."""
    ra, rb = read(a_text), read(b_text)
    if not ra.cues and not rb.cues:
        return ""
    sa, sb = _signs(a_text), _signs(b_text)
    shared = [k for k in sa if k in sb and len(sa[k]) == 1 and len(sb[k]) == 1]
    # A word played down on either side ("little fanfare" vs "without fanfare") is not asserted there.
    lowered = set(_lowered(ra)) | set(_lowered(rb))
    # A possessive ("a friend's party") names whose thing it is, not the predicate that is negated.
    owners = {t.key for r in (ra, rb) for t in r.toks if r.text[t.start : t.end].endswith(("'s", "’s"))}
    differing = [k for k in shared if sa[k] != sb[k] and k not in lowered and k not in owners]
    if not differing:
        return ""
    best: tuple[int, int, int, int] | None = None  # (not a verb, distance to its cue, side, token index)
    for side, r in ((0, ra), (1, rb)):
        for i, t in enumerate(r.toks):
            if r.covered[i] and _grades(r, r.cues[r.covered[i][-1]]):
                continue  # "not heavily affected" is affected, lightly: the degree scale tells (stance.py)
            if _spared(r, i):
                continue  # "no volunteers were hurt" says the volunteers came to no harm, not that none came
            if t.key in differing and r.covered[i] and not r.text[t.start : t.start + 1].isupper():
                # Names are not predicates: "not everyone in Port Ellis agreed" does not deny Port Ellis.
                distance = _distance(r, i)
                rank = (0 if _verb_like(r, i) else 1, distance, side, i)
                if distance < TARGET and (best is None or rank < best):
                    best = rank
    if best is None:
        return ""
    _, _, side, i = best
    clause = _clause_keys((ra, rb)[side], i)
    denied = [
        k
        for k in shared
        if sa[k] == sb[k] == {True} and k in clause and _cue_words_of(ra, k) != _cue_words_of(rb, k)
    ]
    if any(_target(ra, k, BOTH) and _target(rb, k, BOTH) for k in denied):
        return ""  # both negate something of this clause: the same denial, worded differently
    key = (ra, rb)[side].toks[i].key
    other = (rb, ra)[side]
    j = next(n for n, t in enumerate(other.toks) if t.key == key)
    if _subject_of_denial(other, j):
        return ""  # "fishing boats did not take part" and "no fishing boats" deny the same thing
    # Three or more shared words of opposite sign say by themselves that the same statement is turned round.
    if len(differing) < MANY and not _related((ra, rb)[side], i, other, j, similar):
        return ""
    left, right = (_phrase(ra, i), _phrase(rb, j)) if side == 0 else (_phrase(ra, j), _phrase(rb, i))
    r = (ra, rb)[side]
    cue = r.cues[r.covered[i][-1]]
    words = " ".join(t.text for t in r.toks[cue.start : cue.end])
    # "denied that ..." is a refutation as well as a negation: named as the dispute it is.
    kind = "disputes" if words in _refutation_cues() else "negation differs"
    return f"{kind}: '{left}' vs '{right}'"


@cache
def _amplifiers() -> frozenset[str]:
    """Amplifying adverbs of resources/lexicon/degree.tsv ("severely", "completely"); not adjectives: "no
    large dog" denies the dog."""
    return frozenset(fold(r["word"]) for r in lexicon.rows("degree") if r["kind"] in {"maximizer", "booster"})


def _grades(r: Reading, cue: Cue) -> bool:
    """Whether a negation particle negates the degree word right after it rather than the predicate."""
    nxt = r.toks[cue.end].text if cue.end < len(r.toks) else ""
    return not cue.implicative and nxt in _amplifiers()


@cache
def _refutation_cues() -> frozenset[str]:
    """The folded words that call a claim untrue (refutations.tsv also lists words that only point at a claim)."""
    return frozenset(
        fold(c) for kind in ("verdict", "denial") for c in lexicon.words("refutations", kind, "cue")
    )


def signs_of(text: str) -> dict[str, set[bool]]:
    return read(text).signs()


@lru_cache(maxsize=TEXTS)  # a claim meets every claim it is linked with: its signs are read once
def _signed(text: str) -> tuple[tuple[str, frozenset[bool]], ...]:
    return tuple((k, frozenset(v)) for k, v in read(text).signs().items())


def _signs(text: str) -> dict[str, frozenset[bool]]:
    """``Reading.signs`` of a text, kept per text; each caller gets a dict of its own."""
    return dict(_signed(text))


@cache
def antonym_pairs() -> dict[str, frozenset[str]]:
    """Lemma -> the lemmas of its opposites (resources/lexicon/antonyms.tsv, both ways round)."""
    out: dict[str, set[str]] = {}
    for r in lexicon.rows("antonyms"):
        a, b = lemma(r["a"]), lemma(r["b"])
        if a != b:
            out.setdefault(a, set()).add(b)
            out.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=TEXTS)
def _with_opposites(text: str) -> tuple[str, ...]:
    """The signed words of a text that antonyms.tsv gives an opposite, sorted."""
    return tuple(sorted(k for k, _ in _signed(text) if k in antonym_pairs()))


def _first(r: Reading, key: str) -> int:
    return next(i for i, t in enumerate(r.toks) if t.key == key and is_content(t))


def antonym_differs(a_text: str, b_text: str) -> tuple[str, bool]:
    """("characterisation differs: 'x' vs 'y'", True) for a swapped antonym; ("", True) when an antonym is
    negated on one side ("did not win" vs "lost": the two agree); ("", False) when no antonym is involved."""
    ra, rb = read(a_text), read(b_text)
    sa, sb = _signs(a_text), _signs(b_text)
    opposites = antonym_pairs()
    for x in _with_opposites(a_text):  # in sorted order: the words that have an opposite at all
        for y in sorted(opposites.get(x, ()) & sb.keys()):
            if len(sa[x]) != 1 or len(sb[y]) != 1:
                continue
            if opposites.get(x, frozenset()) & sa.keys() or opposites.get(y, frozenset()) & sb.keys():
                # A claim that holds both poles ("hopeful about the talks, pessimistic about the vote")
                # contrasts two things; which of them the other claim means is not known.
                continue
            if y in sa or x in sb:
                continue
            i, j = _first(ra, x), _first(rb, y)
            if not (context(ra, i, i, CLAUSE) & context(rb, j, j, CLAUSE)):
                continue  # "resume their campaign" and "stopped bombing" are about different things
            if sa[x] != sb[y]:
                return "", True
            return f"characterisation differs: '{_phrase(ra, i)}' vs '{_phrase(rb, j)}'", True
    return _prefixed(ra, rb)


@cache
def _prefixes() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(prefix, the endings it is read before; none: any) of negative_prefixes.tsv."""
    return tuple(
        (r["prefix"], tuple(x for x in r["only_before"].split("|") if x))
        for r in lexicon.rows("negative_prefixes")
    )


@lru_cache(maxsize=TEXTS)
def _content_index(text: str) -> tuple[tuple[str, int], ...]:
    return tuple({t.text: i for i, t in enumerate(read(text).toks) if is_content(t)}.items())


@lru_cache(maxsize=TEXTS)
def _unprefixed(text: str) -> frozenset[str]:
    """The content words of a text with a negative prefix taken off ("uncontroversial" -> "controversial"):
    the words the other side must hold for ``_prefixed`` to find anything."""
    return frozenset(
        word[len(pre) :] for word, _ in _content_index(text) for pre, _ in _prefixes() if word.startswith(pre)
    )


def _content_at(text: str) -> dict[str, int]:
    """Each content word of a text -> the index of its last token (one dict per caller)."""
    return dict(_content_index(text))


def _prefixed(ra: Reading, rb: Reading) -> tuple[str, bool]:
    """ "controversial" vs "uncontroversial": a word and its opposite by a negative prefix, in one frame."""
    prefixes = _prefixes()
    words_a, words_b = _content_at(ra.text), _content_at(rb.text)
    if not (_unprefixed(ra.text) & words_b.keys() or _unprefixed(rb.text) & words_a.keys()):
        return "", False  # no word of one side is a word of the other with a negative prefix
    for first, second, flip in ((words_a, words_b, False), (words_b, words_a, True)):
        for word, i in first.items():
            if len(word) < 5:
                continue
            for pre, endings in prefixes:
                if endings and not word.endswith(endings):
                    continue  # "infighting" is not the opposite of "fighting"
                j = second.get(pre + word)
                if j is None or pre + word in first or word in second:
                    continue
                r1, r2 = (rb, ra) if flip else (ra, rb)
                if not (context(r1, i, i, CLAUSE) & context(r2, j, j, CLAUSE)):
                    continue
                if r1.negative(i) != r2.negative(j):
                    return "", True  # "not controversial" and "uncontroversial" agree
                x, y = r1.span(i, i), r2.span(j, j)
                left, right = (y, x) if flip else (x, y)
                return f"characterisation differs: '{left}' vs '{right}'", True
    return "", False


def _size_adjective(r: Reading, i: int) -> bool:
    """ "two little girls", "the little boy": "little" of size, not of amount ("little fanfare")."""
    before = r.toks[i - 1].text if i > 0 else ""
    after = r.toks[i + 1].text if i + 1 < len(r.toks) else ""
    plural = after.endswith("s") and not after.endswith("ss")
    return plural or before.isdigit() or before in {"the", "this", "that", "his", "her", "their", "its", "my"}


def _lowered(r: Reading) -> dict[str, int]:
    """Content words preceded by a downtoner ("little fanfare", "few civilians") -> the downtoner's index."""
    return dict(_lowered_in(r.text))


@lru_cache(maxsize=TEXTS)
def _lowered_in(text: str) -> tuple[tuple[str, int], ...]:
    r = read(text)
    out: dict[str, int] = {}
    for i in range(len(r.toks)):
        n = _match_at(r.toks, i, _by_first("downtoners", "word"))
        if n == 1 and r.toks[i].text == "little" and _size_adjective(r, i):
            continue
        figure = i + n < len(r.toks) and r.toks[i + n].text[:1].isdigit()
        if figure:
            continue  # "barely 27 per cent" states a figure (a number compares it), it does not deny one
        if n and not (i > 0 and r.toks[i - 1].text == "a" and n == 1):
            # The downtoner plays down its noun phrase: "little political appetite" lowers both words.
            for nxt in r.toks[i + n : i + n + 2]:
                if not is_content(nxt):
                    break
                out.setdefault(nxt.key, i)
    return tuple(out.items())


def intensity_differs(a_text: str, b_text: str) -> str:
    """ "characterisation differs: 'little fanfare' vs 'fanfare'": one side plays down what the other states."""
    ra, rb = read(a_text), read(b_text)
    la, lb = _lowered(ra), _lowered(rb)
    sa, sb = _signs(a_text), _signs(b_text)
    for low, plain, r_low, r_plain, a_side in ((la, lb, ra, rb, True), (lb, la, rb, ra, False)):
        for key, i in low.items():
            if key in plain or key not in (sb if a_side else sa):
                continue
            j = _first(r_plain, key)
            k = _first(r_low, key)
            near_low = context(r_low, k, k, CLAUSE) - {key, r_low.toks[i].key}
            if r_plain.negative(j) or not near_low & (context(r_plain, j, j, CLAUSE) - {key}):
                continue  # "no fanfare" and "little fanfare" agree
            shown_low = r_low.span(i, _first(r_low, key))
            shown_plain = r_plain.span(j, j)
            left, right = (shown_low, shown_plain) if a_side else (shown_plain, shown_low)
            return f"characterisation differs: '{left}' vs '{right}'"
    return ""


def _cues_in(text: str, name: str, col: str, asserted: bool = False, attributive: bool = True) -> list[str]:
    """The cues of a lexicon found in ``text``; with ``asserted``, only those no negation covers; without
    ``attributive``, not those that qualify the noun after them ("a fake nose" says nothing is untrue)."""
    r = read(text)
    toks = r.toks
    phrases = _by_first(name, col)
    found = []
    for i in range(len(toks)):
        n = _match_at(toks, i, phrases)
        if not n or (asserted and r.negative(i)):
            continue
        after = toks[i + n] if i + n < len(toks) else None
        if not attributive and after is not None and is_content(after) and after.text not in _pointers():
            continue
        found.append(text[toks[i].start : toks[i + n - 1].end])
    return found


@cache
def _pointers() -> frozenset[str]:
    """Nouns that name the claim itself ("a fake story", "false reports"): a cue before them still counts."""
    return frozenset(fold(c) for c in lexicon.words("refutations", "reference", "cue"))


@per_text
def hedges(text: str) -> list[str]:
    """Marks of a reported or uncertain claim ("reportedly", "may", "according to"); "May" with a capital is
    the month ("May 6, 2010"), not the modal."""
    return [c for c in _cues_in(text, "hedges", "cue") if c != "May"]


@per_text
def refutations(text: str) -> list[str]:
    """Words by which a claim calls something untrue ("a hoax", "fabricated"). Verbs like "denied" are
    negative implicatives: their scope is read by ``negation_differs``, which says what they deny."""
    implicatives = {" ".join(p) for p in _phrases("implicatives", "forms", split=True)}
    cues = _refutation_cues()
    # "not fake" does not call anything untrue: a negated cue is left to ``negation_differs``.
    found = _cues_in(text, "refutations", "cue", asserted=True, attributive=False)
    return [c for c in found if fold(c) not in implicatives and fold(c) in cues]


def certainty_differs(a_text: str, b_text: str) -> str:
    """ "certainty differs: 'reportedly' vs asserted" when one side hedges what the other states."""
    ha, hb = hedges(a_text), hedges(b_text)
    if bool(ha) == bool(hb):
        return ""
    return f"certainty differs: '{ha[0]}' vs asserted" if ha else f"certainty differs: asserted vs '{hb[0]}'"


def disputes(a_text: str, b_text: str) -> str:
    """ "disputes: 'a hoax'" when one account calls untrue what the other tells without such a word."""
    ra, rb = refutations(a_text), refutations(b_text)
    if bool(ra) == bool(rb):
        return ""
    return f"disputes: '{(ra or rb)[0]}'"
