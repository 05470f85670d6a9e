"""Stance: two linked claims that describe the same thing with opposite evaluations or degrees.

"The area was hard hit" and "the area was lightly affected" share no antonym and no negation, yet they
characterise the same thing in opposite ways. Two scales are read, both from word lists with sources:

- degree (resources/lexicon/degree.tsv): amplifiers, frequency words and superlatives against downtoners,
  low-frequency and unmarked words ("completely", "most", "frequent" vs "slightly", "rare", "ordinary");
- evaluation (resources/lexicon/valence.tsv, from the VADER lexicon): words that judge ("safe", "poor").

A claim's pole on a scale counts only when that claim is not itself mixed, the word is not shared with the
other claim, and the clauses around the two words are about the same thing (a content word in common).
A negation covering the word turns it round ("not severe" is low, "not safe" is negative). An evaluative
word both claims use ("safety", "safest") differs when one side qualifies it with a strongly negative word
("a poor history of safety"). Precision over recall: a pole that could be read either way is left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from compare.align import polarity
from compare.align.polarity import Reading, Token
from compare.text import lexicon
from compare.text.memo import TEXTS
from compare.text.normalize import fold

# Valence (VADER's -4..+4) a word needs to set a claim's evaluation, and a qualifier to turn one round.
STRONG = 2.0
QUALIFIER = -1.5
LONG = 5  # letters a word needs before it is judged by its root
# Words after which an evaluation is what the claim says of its subject: "was a success", "described as".
_PREDICATIVE = frozenset({
    "is", "are", "was", "were", "be", "been", "being", "as", "seemed", "seems", "remained", "remains", "looked",
    "looks", "became", "becomes", "proved", "proves", "sounded", "sounds", "appeared", "appears", "felt",
    "feels", "called", "calls", "termed", "deemed", "considered", "rated",
})  # fmt: skip
_DETERMINERS = frozenset({"a", "an", "the", "it", "them", "this", "very", "so", "too", "quite", "largely",
                          "mostly", "mainly"})  # fmt: skip
_APPROXIMATORS = frozenset({("close", "to"), ("near",), ("nearly",), ("almost",), ("about",), ("around",),
                            ("roughly",), ("approximately",)})  # fmt: skip
_DETERMINERS_NOUN = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this", "that"})
_ADVERB_KINDS = frozenset({"maximizer", "booster", "diminisher", "minimizer"})
_AUXILIARIES = lexicon.words("function_words", "auxiliary")
_BREAKS = frozenset(",;:.!?()—–") | lexicon.words("function_words", "clause")
# Derivational endings that keep the judged quality: "safe", "safety", "safest" are one aspect.
_DERIVED = ("iest", "est", "ier", "ety", "ity", "ness", "ily", "ly")


@dataclass(frozen=True, slots=True)
class Pole:
    first: int  # token index of the cue's first word
    last: int  # token index of the last word shown
    sign: int  # +1 high / positive, -1 low / negative
    key: str  # what makes two cues the same word on both sides
    strength: float
    predicative: bool = True  # said of the claim's subject ("was a success"), not naming a thing ("death")
    graded: bool = False  # a negation right before the degree word negates the degree ("not severely")


@cache
def _degree() -> tuple[tuple[tuple[str, ...], int, bool], ...]:
    """(words, pole, adverb) of resources/lexicon/degree.tsv, longest first; an adverb grades the word after
    it, so a negation right before it negates the degree ("not severely"), while "no large dog" denies a dog."""
    out = [
        (
            tuple(fold(w) for w in r["word"].split()),
            1 if r["pole"] == "high" else -1,
            r["kind"] in _ADVERB_KINDS or r["word"].endswith("ly"),
        )
        for r in lexicon.rows("degree")
    ]
    return tuple(sorted(out, key=lambda p: len(p[0]), reverse=True))


@cache
def _degree_by_first() -> dict[str, tuple[tuple[tuple[str, ...], int, bool], ...]]:
    """``_degree()`` grouped by first word, each group in the same longest-first order: a claim's tokens
    are looked up, not compared with every entry (that comparison was most of a comparison's time)."""
    groups: dict[str, list[tuple[tuple[str, ...], int, bool]]] = {}
    for entry in _degree():
        if entry[0]:
            groups.setdefault(entry[0][0], []).append(entry)
    return {first: tuple(entries) for first, entries in groups.items()}


@cache
def _valence() -> dict[str, float]:
    return {fold(r["word"]): float(r["valence"]) for r in lexicon.rows("valence")}


@cache
def _valence_roots() -> dict[str, float]:
    """Valence by root, for forms the lexicon leaves out ("safest" judges as "safe" does). Only long words:
    a crude root of a short one collides with another word ("hat" is not "hate", "car" not "care")."""
    out: dict[str, float] = {}
    for word, v in _valence().items():
        if len(word) >= LONG:
            out.setdefault(root(word), v)
    return out


_IRREGULAR = frozenset(r["form"] for r in lexicon.rows("irregular_verbs"))
_DOWNTONERS = frozenset(fold(w) for w in lexicon.column("downtoners", "word") if " " not in w)
_DEGREE_WORDS = frozenset(w for r in lexicon.rows("degree") for w in fold(r["word"]).split())


@lru_cache(maxsize=1 << 16)  # words repeat across claims; bounded for long sessions
def root(word: str) -> str:
    """The quality a word names, across derivation: "safest", "safety" and "safe" -> "saf"."""
    w = fold(word)
    for suffix in _DERIVED:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return polarity.lemma(w[: -len(suffix)])
    return polarity.lemma(w)


def valence(t: Token) -> float:
    if t.text in _valence():
        return _valence()[t.text]
    if len(t.text) < LONG or t.text.endswith(("ing", "ed")):
        return 0.0  # VADER lists the verb forms that judge; "severing" is not "severe"
    return _valence_roots().get(root(t.text), 0.0)


def _name(r: Reading, i: int) -> bool:
    t = r.toks[i]
    return i > 0 and r.text[t.start : t.start + 1].isupper()


def _clause(r: Reading, i: int) -> tuple[int, int]:
    lo = hi = i
    while lo > 0 and r.toks[lo - 1].text not in _BREAKS:
        lo -= 1
    while hi + 1 < len(r.toks) and r.toks[hi + 1].text not in _BREAKS:
        hi += 1
    return lo, hi


def _about(r: Reading, pole: Pole, cues: set[int], whole: bool = False) -> set[str]:
    """What a cue is said of: the content words of its clause (``whole``: of the claim), names, numbers and
    other cues left out."""
    lo, hi = (0, len(r.toks) - 1) if whole else _clause(r, pole.first)
    return {
        root(t.text)
        for j, t in enumerate(r.toks[lo : hi + 1], start=lo)
        if polarity.is_content(t) and j not in cues and not _name(r, j) and not t.text.isdigit()
    }


_UNMARKED = frozenset(
    tuple(fold(r["word"]).split()) for r in lexicon.rows("degree") if r["kind"] == "unmarked"
)
# Words that make the unmarked word a point of comparison ("above normal", "than usual", "from the norm").
_COMPARED = frozenset({"above", "below", "than", "beyond", "over", "under", "from", "exceed", "exceeded"})


def _reference(r: Reading, i: int) -> bool:
    j = i - 1
    while j >= 0 and r.toks[j].text in _DETERMINERS_NOUN:
        j -= 1
    return j >= 0 and r.toks[j].text in _COMPARED


def degrees(r: Reading) -> list[Pole]:
    """Degree cues of a claim, each with its pole; a negation covering a cue turns it round."""
    out: list[Pole] = []
    i = 0
    by_first = _degree_by_first()
    while i < len(r.toks):
        for words, sign, adverb in by_first.get(r.toks[i].text, ()):
            n = len(words)
            if tuple(t.text for t in r.toks[i : i + n]) != words:
                continue
            after = r.toks[i + n] if i + n < len(r.toks) else None
            if words[-1] == "most" and (after is None or not polarity.is_content(after)):
                break  # "most of the people" counts people, it does not grade them
            before = r.toks[i - 1].text if i else ""
            noun = after is None or not polarity.is_content(after)
            if (before, words[0]) == ("in", "common") or (before in _DETERMINERS_NOUN and noun and n == 1):
                break  # "in common", "a routine", "at its low": a noun, not a degree
            if words[0] == "a" and not noun and not after.text.endswith(("ed", "ly")):
                break  # "a little girl" is small; "a little tired", "a bit more" are degrees
            if words in _UNMARKED and _reference(r, i):
                break  # "above its normal level", "higher than usual": the norm is the reference, not the pole
            shown = i + n if after is not None and polarity.is_content(after) else i + n - 1
            first = min([r.cues[k].start for k in r.covered[i]], default=i)
            graded = adverb and any(r.cues[k].end == i for k in r.covered[i])
            said = _predicative(r, i) and (after is None or not polarity.is_content(after))
            pole = Pole(first, shown, -sign if r.negative(i) else sign, " ".join(words), 1.0, said, graded)
            out.append(pole)
            i += n - 1
            break
        i += 1
    return out


def evaluations(r: Reading) -> list[Pole]:
    """Evaluative words of a claim with their sign: negation and a strongly negative qualifier before a
    positive word ("poor safety") turn it round."""
    out: list[Pole] = []
    for i, t in enumerate(r.toks):
        v = valence(t)
        if not v or not polarity.is_content(t) or _name(r, i):
            continue
        sign = (1 if v > 0 else -1) * (-1 if r.negative(i) else 1)
        first = _qualifier(r, i) if v > 0 else i
        if first != i:
            sign = -sign
        out.append(Pole(first, i, sign, root(t.text), abs(v), _predicative(r, i)))
    return out


def _qualifier(r: Reading, i: int) -> int:
    """The index of a strongly negative adjective or a downtoner that qualifies word ``i`` ("poor safety", "a
    poor history of safety", "inadequate to protect", "did little to protect"), else ``i``. Verb forms are
    not qualifiers: "those arrested lived" judges no one's life."""
    for j, between in ((i - 1, ""), (i - 2, "to"), (i - 3, "of")):
        if j < 0 or (between and r.toks[i - 1].text != between):
            continue
        q = r.toks[j]
        if r.negative(j) or any(c.start <= j < c.end for c in r.cues):
            continue  # "did not fail to approve": a negated qualifier, or a negation's own verb
        if q.text in _DOWNTONERS or (
            valence(q) <= QUALIFIER and not q.text.endswith(("ed", "ing")) and q.text not in _IRREGULAR
        ):
            return j
    return i


def _predicative(r: Reading, i: int) -> bool:
    """Whether word ``i`` is what the claim says its subject is: "was a failure", "described as peaceful"."""
    j = i - 1
    while j >= 0 and (r.toks[j].text in _DETERMINERS or r.toks[j].text in _DEGREE_WORDS):
        j -= 1
    # "were close to normal", "was near average": an approximator still says what the subject is.
    if j >= 1 and (r.toks[j - 1].text, r.toks[j].text) in _APPROXIMATORS:
        j -= 2
    elif j >= 0 and (r.toks[j].text,) in _APPROXIMATORS:
        j -= 1
    return j >= 0 and r.toks[j].text in _PREDICATIVE


def _one_pole(poles: list[Pole]) -> int:
    signs = {p.sign for p in poles}
    return signs.pop() if len(signs) == 1 else 0


def _shown(r: Reading, p: Pole) -> str:
    first = p.first
    if first > 0 and r.toks[first].text in {"not", "n't"} and r.toks[first - 1].text in _AUXILIARIES:
        first -= 1  # "isn't intensely", not "n't intensely"
    return r.span(first, p.last)


def _opposed(
    ra: Reading, pa: list[Pole], rb: Reading, pb: list[Pole], strong: float, judged: bool
) -> tuple[Pole, Pole] | None:
    """The strongest cue of each side when each side leans one way, the two oppositely, on one subject.
    ``judged``: evaluative words, which count only when said of the subject ("was a success")."""
    keys_a, keys_b = {p.key for p in pa}, {p.key for p in pb}
    only_a = [p for p in pa if p.key not in keys_b]
    only_b = [p for p in pb if p.key not in keys_a]
    sa, sb = _one_pole(only_a), _one_pole(only_b)
    if not (sa and sb) or sa == sb:
        return None
    x, y = max(only_a, key=lambda p: p.strength), max(only_b, key=lambda p: p.strength)
    if min(x.strength, y.strength) < strong or (judged and not (x.predicative and y.predicative)):
        return None
    cues_a = {j for p in pa for j in range(p.first, p.last + 1)}
    cues_b = {j for p in pb for j in range(p.first, p.last + 1)}
    # "Accidents are rare" grades its subject, which the other claim may grade in another of its clauses.
    same = (
        _about(ra, x, cues_a) & _about(rb, y, cues_b)
        or (y.predicative and _about(ra, x, cues_a, whole=True) & _about(rb, y, cues_b))
        or (x.predicative and _about(ra, x, cues_a) & _about(rb, y, cues_b, whole=True))
    )
    return (x, y) if same else None


def _turned(pa: list[Pole], pb: list[Pole]) -> tuple[Pole, Pole] | None:
    """One degree word on both sides, negated on one only: "not severely affected" vs "severely affected"."""
    for x in pa:
        xs, ys = [p for p in pa if p.key == x.key], [y for y in pb if y.key == x.key]
        if len(xs) == 1 and len(ys) == 1 and x.sign != ys[0].sign and (x.graded or ys[0].graded):
            return x, ys[0]
    return None


def _aspect(ra: Reading, pa: list[Pole], rb: Reading, pb: list[Pole]) -> tuple[Pole, Pole] | None:
    """One evaluative word on both sides, judged oppositely ("a poor history of safety" vs "the safest")."""
    for x in pa:
        ys = [y for y in pb if y.key == x.key]
        xs = [p for p in pa if p.key == x.key]
        if not ys or len({p.sign for p in xs}) != 1 or len({y.sign for y in ys}) != 1:
            continue
        if x.sign != ys[0].sign and (x.first != x.last or ys[0].first != ys[0].last):
            return x, ys[0]  # only a qualifier's turn; a negated word is ``negation_differs``' to tell
    return None


@lru_cache(maxsize=TEXTS)  # a claim meets every claim it is linked with: read its cues once
def _poles(text: str) -> tuple[tuple[Pole, ...], tuple[Pole, ...]]:
    """The degree cues and the evaluative words of one claim."""
    r = polarity.read(text)
    return tuple(degrees(r)), tuple(evaluations(r))


def stance_differs(a_text: str, b_text: str) -> str:
    """ "characterisation differs: 'hard hit' vs 'lightly affected'" when two claims grade or judge the
    same thing oppositely, "negation differs: 'not severely affected' vs 'severely affected'" when one
    negates the degree the other states, else ""."""
    ra, rb = polarity.read(a_text), polarity.read(b_text)
    (da, ea), (db, eb) = (list(p) for p in _poles(a_text)), (list(p) for p in _poles(b_text))
    turned = _turned(da, db)
    if turned:
        x, y = turned
        return f"negation differs: '{_shown(ra, x)}' vs '{_shown(rb, y)}'"
    found = _aspect(ra, ea, rb, eb) or _opposed(ra, ea, rb, eb, STRONG, judged=True)
    if not found:
        found = _opposed(ra, da, rb, db, 1.0, judged=False)
    if not found:
        return ""
    x, y = found
    return f"characterisation differs: '{_shown(ra, x)}' vs '{_shown(rb, y)}'"
