"""The antonym data comes from Open English WordNet (scripts/antonyms_from_wordnet.py), not from a hand list.

Two halves: the shipped resources/lexicon/antonyms.tsv (every row names its WordNet senses; the pairs that
fire on unrelated senses are not there), and the build rules run on a small WordNet made here.
"""

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from compare.align import polarity
from compare.align.relate import relate
from compare.model import Claim, Relation
from compare.text import lexicon
from compare.text.facts import extract

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "antonyms_from_wordnet.py"
SENSE = re.compile(r"[a-z][a-z_-]*%\d:\d\d:\d\d:[a-z_-]*:\d*")


def _build():
    spec = importlib.util.spec_from_file_location("antonyms_from_wordnet", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


build = _build()
PHYSICAL = "05016354-n"  # "physical property" in Open English WordNet


def pairs() -> set[frozenset[str]]:
    return {frozenset({r["a"], r["b"]}) for r in lexicon.rows("antonyms")}


def test_every_row_names_open_english_wordnet_and_its_senses():
    table = lexicon.rows("antonyms")
    assert len(table) > 1000
    for r in table:
        assert "Open English WordNet" in r["source"] and "CC BY 4.0" in r["source"]
        senses = SENSE.findall(r["wordnet"])
        assert len(senses) >= 2, r
        # The chain starts at one word of the pair and ends at the other.
        assert senses[0].split("%")[0] in {r["a"], r["b"]}
        assert senses[-1].split("%")[0] in {r["a"], r["b"]}
        assert r["relation"] in {"direct", "indirect"} and r["pos"] in {"adjective", "adverb", "verb", "noun"}


def test_indirect_antonyms_come_through_similar_satellites():
    row = next(r for r in lexicon.rows("antonyms") if {r["a"], r["b"]} == {"upbeat", "despondent"})
    assert row["relation"] == "indirect"
    # satellite & head (^ see also) ! opposite head & satellite, in WordNet's pointer symbols
    assert row["wordnet"].count("&") == 2 and "!" in row["wordnet"]


@pytest.mark.parametrize(
    "pair",
    [("light", "heavy"), ("right", "left"), ("hard", "soft"), ("close", "far"), ("big", "small"),
     ("early", "late"), ("defeated", "undefeated"), ("well", "ill"), ("old", "young"), ("lost", "found"),
     ("garden", "strange"), ("top", "bottom")],
)  # fmt: skip
def test_senses_that_describe_things_or_are_verb_forms_are_not_kept(pair):
    assert frozenset(pair) not in pairs()


@pytest.mark.parametrize(
    "pair",
    [("success", "failure"), ("win", "lose"), ("accept", "reject"), ("legal", "illegal"), ("hopeful", "hopeless"),
     ("optimistic", "pessimistic"), ("safe", "dangerous"), ("increase", "decrease")],
)  # fmt: skip
def test_evaluative_pairs_are_kept(pair):
    assert frozenset(pair) in pairs()


def claim(cid: str, text: str) -> Claim:
    return Claim(cid, cid.split(":")[0], 0, len(text), text, extract(text))


def related(a: str, b: str):
    return relate(claim("d0:c0", a), claim("d1:c0", b), 0.8, similar=True)


def test_an_indirect_antonym_about_the_same_thing_differs():
    relation, reasons = related(
        "The coach sounded cheerful about the new stadium.",
        "The coach sounded miserable about the new stadium.",
    )
    assert relation is Relation.CONTRADICT
    assert "characterisation differs: 'cheerful' vs 'miserable'" in reasons


def test_an_antonym_about_something_else_does_not_differ():
    # "hopeful" is about the talks, "hopeless" about the weather: no shared word near either.
    reason, involved = polarity.antonym_differs(
        "Negotiators were hopeful about the talks.",
        "Farmers called the harvest weather hopeless this spring.",
    )
    assert reason == ""


def test_a_verb_form_of_a_satellite_does_not_oppose():
    relation, reasons = related(
        "France defeated Argentina in the round of 16.",
        "France went through the group unbeaten and beat Argentina.",
    )
    assert not any(r.startswith("characterisation") for r in reasons)


# --- the build rules on a small WordNet made here --------------------------------------------------------


def _wordnet():
    """optimistic ~ upbeat | pessimistic; hopeful | hopeless ~ despondent; optimistic see-also hopeful and
    pessimistic see-also hopeless; light ~ airy | heavy of weight; gloomy is first "dark", then "sad"."""

    def adj(members, pos="a", **rel):
        return {"members": members, "partOfSpeech": pos, "lexfile": "adj.all", **rel}

    synsets = {
        "1-a": adj(["optimistic"], similar=["2-s"], also=["4-a"]),
        "2-s": adj(["upbeat"], "s", similar=["1-a"]),
        "3-a": adj(["pessimistic"], also=["5-a"]),
        "4-a": adj(["hopeful"], also=["1-a"]),
        "5-a": adj(["hopeless"], similar=["6-s", "11-s"], also=["3-a"]),
        "6-s": adj(["despondent"], "s", similar=["5-a"]),
        "7-a": adj(["light"], similar=["8-s", "10-s"], attribute=["w-n"]),
        "8-s": adj(["airy"], "s", similar=["7-a"]),
        "9-a": adj(["heavy"], attribute=["w-n"]),
        "w-n": {
            "members": ["weight"],
            "partOfSpeech": "n",
            "lexfile": "noun.attribute",
            "hypernym": [PHYSICAL],
        },
        PHYSICAL: {"members": ["physical property"], "partOfSpeech": "n", "lexfile": "noun.attribute"},
        "10-s": adj(["gloomy"], "s", similar=["7-a"]),
        "11-s": adj(["gloomy", "doleful"], "s", similar=["5-a"]),
        "12-a": adj(["united"], similar=[]),
        "13-a": adj(["divided"]),
        "v1": {"members": ["unite"], "partOfSpeech": "v", "lexfile": "verb.social"},
    }

    def entry(*senses):
        return {"a": {"sense": [dict(s) for s in senses]}}

    entries = {
        "optimistic": entry(
            {"id": "optimistic%3:00:00::", "synset": "1-a", "antonym": ["pessimistic%3:00:00::"]}
        ),
        "pessimistic": entry(
            {"id": "pessimistic%3:00:00::", "synset": "3-a", "antonym": ["optimistic%3:00:00::"]}
        ),
        "upbeat": entry({"id": "upbeat%5:00:00:optimistic:00", "synset": "2-s"}),
        "hopeful": entry({"id": "hopeful%3:00:00::", "synset": "4-a", "antonym": ["hopeless%3:00:00::"]}),
        "hopeless": entry({"id": "hopeless%3:00:00::", "synset": "5-a", "antonym": ["hopeful%3:00:00::"]}),
        "despondent": entry({"id": "despondent%5:00:00:hopeless:00", "synset": "6-s"}),
        "light": entry({"id": "light%3:00:01::", "synset": "7-a", "antonym": ["heavy%3:00:01::"]}),
        "heavy": entry({"id": "heavy%3:00:01::", "synset": "9-a", "antonym": ["light%3:00:01::"]}),
        "airy": entry({"id": "airy%5:00:00:light:01", "synset": "8-s"}),
        "gloomy": entry(
            {"id": "gloomy%5:00:00:light:01", "synset": "10-s"},
            {"id": "gloomy%5:00:00:hopeless:00", "synset": "11-s"},
        ),
        "doleful": entry({"id": "doleful%5:00:00:hopeless:00", "synset": "11-s"}),
        "united": entry({"id": "united%3:00:00::", "synset": "12-a", "antonym": ["divided%3:00:00::"]}),
        "divided": entry({"id": "divided%3:00:00::", "synset": "13-a", "antonym": ["united%3:00:00::"]}),
        "unite": {"v": {"sense": [{"id": "unite%2:41:00::", "synset": "v1"}]}},
    }
    return build.WordNet(entries, synsets)


VALENCE = {"despondent": -2.1, "hopeful": 2.3, "hopeless": -2.0, "optimistic": 1.3, "pessimistic": -1.5,
           "gloomy": -0.6, "doleful": -1.0, "united": 1.8, "divided": -1.0, "light": 0.5, "heavy": -0.5}  # fmt: skip


def _pairs(wn, valence=VALENCE):
    return {frozenset({r.a, r.b}): r for r in build.rows(wn, valence)}


def test_build_finds_the_satellite_against_the_opposite_cluster_through_one_see_also_step():
    got = _pairs(_wordnet())
    row = got[frozenset({"upbeat", "despondent"})]
    assert row.relation == "indirect"
    steps = row.wordnet.split()
    assert {steps[0], steps[-1]} == {"upbeat%5:00:00:optimistic:00", "despondent%5:00:00:hopeless:00"}
    assert "!" in steps and "^" in steps and steps.count("&") == 2
    assert got[frozenset({"optimistic", "pessimistic"})].relation == "direct"
    assert frozenset({"upbeat", "pessimistic"}) in got


def test_build_drops_physical_attributes_verb_forms_and_later_senses():
    got = _pairs(_wordnet())
    assert frozenset({"light", "heavy"}) not in got  # weight is a physical property
    assert frozenset({"airy", "heavy"}) not in got
    assert frozenset({"united", "divided"}) not in got  # "united" is a form of the verb "unite"
    # "gloomy" is first "dark" (a sense of light, which describes things): its next sense is its usual one.
    assert frozenset({"gloomy", "upbeat"}) in got
    assert frozenset({"doleful", "upbeat"}) in got


def test_build_keeps_only_pairs_that_judge():
    # Without a valence on either side the pair carries no stance and goes.
    got = _pairs(_wordnet(), {k: v for k, v in VALENCE.items() if k not in {"despondent"}})
    assert frozenset({"upbeat", "despondent"}) not in got
    # Two words leaning the same way are never opposites.
    got = _pairs(_wordnet(), {**VALENCE, "upbeat": -1.0})
    assert frozenset({"upbeat", "despondent"}) not in got


def test_see_also_needs_the_same_step_on_both_sides():
    wn = _wordnet()
    # "pessimistic" and "hopeless" no longer lean together: the square is broken.
    wn.synsets["3-a"]["also"] = []
    wn.synsets["5-a"]["also"] = []
    got = _pairs(wn)
    assert frozenset({"upbeat", "despondent"}) not in got
    assert frozenset({"optimistic", "pessimistic"}) in got


def test_a_claim_holding_both_poles_is_not_called_a_difference():
    # "hopeful" and "pessimistic" are opposites in WordNet (hopeful see also optimistic, antonym pessimistic):
    # the first claim contrasts two parties, so its "pessimistic" says nothing against the other's "optimistic".
    assert frozenset({"hopeful", "pessimistic"}) in pairs()
    reason, _ = polarity.antonym_differs(
        "The government was hopeful about the talks but the opposition was pessimistic about the talks.",
        "The government was optimistic about the talks.",
    )
    assert reason == ""
    reason, _ = polarity.antonym_differs(
        "The opposition was pessimistic about the talks.", "The opposition was optimistic about the talks."
    )
    assert reason == "characterisation differs: 'pessimistic' vs 'optimistic'"
