"""The per-text caches and shortcuts that made the engine fast again give what the plain code gives."""

from __future__ import annotations

import difflib
import random
import unicodedata

from compare.align import agents, polarity, relate, rescue, stance, wordpiece
from compare.align.engine import compare
from compare.model import Document
from compare.text import facts, memo, normalize, speakers

SENTENCES = (
    "Ann Lee said the Harbour Board had not closed the bridge on Tuesday, three days early.",
    "The bridge was built by Halden Works in 1932 and reportedly reopened on May 3.",
    "Omar Diallo criticised the plan, while Ann Lee defended it as “a fair deal”.",
    "Officials denied that 40 workers were hurt; the report was called a hoax.",
    "It was the second-largest strike in a decade, lasting from 3 to 9 May.",
    "Halden Air spotted the fire, and the crews were hardly affected by the smoke.",
)


def test_per_text_gives_what_the_function_gives_and_a_list_of_its_own():
    calls: list[str] = []

    @memo.per_text
    def words(text: str) -> list[str]:
        calls.append(text)
        return text.split()

    first = words("a b c")
    first.append("changed by the caller")
    assert words("a b c") == ["a", "b", "c"]  # the kept reading is not the caller's list
    assert calls == ["a b c"]  # read once
    assert words.cache_info().maxsize == memo.TEXTS  # type: ignore[attr-defined]
    words.cache_clear()  # type: ignore[attr-defined]
    assert words("a b c") == ["a", "b", "c"] and calls == ["a b c", "a b c"]


def test_cached_readings_equal_the_uncached_ones():
    for text in SENTENCES:
        assert polarity.tokens(text) == polarity.tokens.__wrapped__(text)
        assert polarity.lemma(text.split()[1]) == polarity.lemma.__wrapped__(text.split()[1])
        assert polarity._signs(text) == {k: frozenset(v) for k, v in polarity.read(text).signs().items()}
        assert polarity.hedges(text) == polarity.hedges.__wrapped__(text)
        assert polarity.refutations(text) == polarity.refutations.__wrapped__(text)
        assert polarity._lowered(polarity.read(text)) == dict(polarity._lowered_in.__wrapped__(text))
        r = polarity.read(text)
        assert stance._poles(text) == (tuple(stance.degrees(r)), tuple(stance.evaluations(r)))
        for read in (
            speakers.attributions,
            speakers.agents,
            speakers.deeds,
            speakers.views,
            speakers.name_runs,
        ):
            assert read(text) == read.__wrapped__(text)
        assert speakers.quoted_by(text) == dict(speakers._quoted_by.__wrapped__(text))
        assert facts.time_spans(text) == facts.time_spans.__wrapped__(text)
        assert facts.find_scales(text) == facts.find_scales.__wrapped__(text)
        assert agents._verbs(text) == {t.key for t in polarity.tokens(text)}
        opposed = sorted(k for k in polarity.read(text).signs() if k in polarity.antonym_pairs())
        assert list(polarity._with_opposites(text)) == opposed
        assert speakers._mentioned(text) == speakers._mentioned.__wrapped__(text)


def test_cached_readings_are_not_changed_by_their_callers():
    text = SENTENCES[2]
    before = speakers.attitudes(text)
    speakers.views(text).clear()
    speakers.agents(text).append(("built", "Nobody"))
    polarity._signs(text).clear()
    assert speakers.attitudes(text) == before
    assert ("built", "Nobody") not in speakers.agents(text)
    assert polarity._signs(text)


def test_linked_answers_as_a_scan_of_every_link():
    rng = random.Random(3)
    for _ in range(300):
        pairs = [(rng.randrange(12), rng.randrange(12)) for _ in range(rng.randrange(8))]
        i, j, reach = rng.randrange(12), rng.randrange(12), rng.choice((1, 2))
        scan = any(
            (li == i and 0 < abs(lj - j) <= reach) or (lj == j and 0 < abs(li - i) <= reach)
            for li, lj in pairs
        )
        assert rescue.Linked(pairs).next_to(i, j, reach) == scan == rescue.next_to_a_link(i, j, pairs, reach)


def test_actor_shortcut_skips_only_pairs_with_more_than_one_short_swap():
    """When the shortcut says "more than six tokens differ", difflib never finds a single short replace."""
    rng = random.Random(5)
    words = ["the", "a", "Lee", "Diallo", "said", "won", "vote", "on", "Monday", "x"]
    for _ in range(2000):
        ta = [rng.choice(words) for _ in range(rng.randrange(4, 12))]
        tb = list(ta)
        for _ in range(rng.randrange(4)):
            at = rng.randrange(len(tb) + 1)
            tb[at : at + rng.randrange(3)] = [rng.choice(words) for _ in range(rng.randrange(3))]
        if len(ta) + len(tb) - 2 * relate._ends_shared(ta, tb) <= 6:
            continue
        ops = [
            op
            for op in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes()
            if op[0] != "equal"
        ]
        assert not (
            len(ops) == 1
            and ops[0][0] == "replace"
            and (ops[0][2] - ops[0][1]) + (ops[0][4] - ops[0][3]) <= 6
        )


def test_prefixed_opposites_are_still_found():
    a, b = (
        polarity.read("The plan was controversial in the city."),
        polarity.read("The plan was uncontroversial in the city."),
    )
    assert polarity._prefixed(a, b)[0].startswith("characterisation differs")
    c = polarity.read("The plan was popular in the city.")
    assert polarity._prefixed(a, c) == ("", False)


def _reference_normalize(text: str) -> str:
    out = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD or wordpiece._is_control(ch):
            continue
        out.append(" " if ch.isspace() else f" {ch} " if wordpiece._is_cjk(cp) else ch)
    decomposed = unicodedata.normalize("NFD", "".join(out))
    return "".join(ch.lower() for ch in decomposed if unicodedata.category(ch) != "Mn")


def _reference_pre_tokenize(text: str) -> list[str]:
    words: list[str] = []
    for chunk in text.split():
        current: list[str] = []
        for ch in chunk:
            if wordpiece._is_punctuation(ch):
                words += ["".join(current)] if current else []
                words.append(ch)
                current = []
            else:
                current.append(ch)
        words += ["".join(current)] if current else []
    return words


def test_wordpiece_ascii_shortcut_matches_the_character_by_character_rules():
    rng = random.Random(11)
    samples = [chr(c) for c in range(128)] + ["a" + chr(c) + "B" for c in range(128)]
    samples += ["".join(chr(rng.randrange(128)) for _ in range(rng.randrange(40))) for _ in range(3000)]
    for text in samples:
        assert wordpiece.normalize(text) == _reference_normalize(text)
        assert wordpiece.pre_tokenize(text) == _reference_pre_tokenize(text)


def test_two_comparisons_do_not_leak_into_each_other():
    base = Document("d0", "Base", " ".join(SENTENCES[:3]))
    one = Document("d1", "One", " ".join(reversed(SENTENCES[:3])).replace("Tuesday", "Monday"))
    two = Document("d2", "Two", " ".join(SENTENCES[3:]))
    first = compare([base, one])
    compare([base, two])
    again = compare([base, one])
    assert again.links == first.links and again.suggestions == first.suggestions
    for cached in (polarity.tokens, polarity.read, speakers.agents, stance._poles):
        cached.cache_clear()
    assert compare([base, one]).links == first.links


def test_fold_of_ascii_text_is_the_unicode_fold():
    def reference(text: str) -> str:
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        return text.replace("’", "").replace("'", "").replace("‘", "").lower()

    rng = random.Random(13)
    samples = [chr(c) for c in range(128)] + ["Shi'ite O'Neill DON'T", "Café Shi’ite"]
    samples += ["".join(chr(rng.randrange(128)) for _ in range(rng.randrange(30))) for _ in range(3000)]
    for text in samples:
        assert normalize.fold(text) == reference(text)
