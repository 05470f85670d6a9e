"""The bundled sample (resources/samples, the real files) shows its 14 planted differences, and little else.

resources/samples/README.md lists the differences each fictional account carries on purpose; this test
reads the same files the app opens with "Open sample" and checks that each one is reported as a difference
with the right kind of reason, and that at most one difference the README does not list is reported.
"""

from __future__ import annotations

import re

import pytest

from compare import workflows
from compare.align.engine import compare
from compare.align.relate import kind_of
from compare.model import AlignSettings, Comparison, Relation
from compare.workflows import load_sample

# (account, words of the seed's claim, words of the account's claim, kind of reason), in README order.
PLANTED = [
    ("levant-ledger", "tools we have", "tools we have", "speaker differs"),
    ("levant-ledger", "at least 62 Syrian soldiers", "at least 90 Syrian soldiers", "number differs"),
    ("levant-ledger", "launching 23 attacks", "32 attacks", "number differs"),
    ("levant-ledger", "extended for three days", "extended for two days", "duration differs"),
    ("levant-ledger", "rule out the possibility", "ruled out imposing", "negation differs"),
    ("meridian-wire", "began on Monday", "before dawn on Sunday", "weekday differs"),
    ("meridian-wire", "fanfare from the Pentagon", "little fanfare", "characterisation differs"),
    ("meridian-wire", "approximately 4000 ISIS", "about 6,000 Islamic", "number differs"),
    ("meridian-wire", "Deir-ezzor on 19 September", "on 17 September, which", "date differs"),
    ("meridian-wire", "are not bombing ISIS convoys", "had bombed Islamic State convoys", "negation differs"),
    (
        "northgate-review",
        "two days ahead of the humanitarian",
        "a day ahead of the pause",
        "duration differs",
    ),
    ("northgate-review", "Three officers of the Russian", "two of its officers", "number differs"),
    ("northgate-review", "straight line", "straight line", "speaker differs"),
    ("northgate-review", "just as despondent", "sounded upbeat", "characterisation differs"),
]
# What the app does (``workflows.open_sample``: by meaning too, when the model loads, as by default) and what
# the engine does by wording only (``compare`` without a model, the fallback): both must show the list.
MODES = ("default", "wording only")


@pytest.fixture(scope="module", params=MODES)
def sample(request: pytest.FixtureRequest) -> Comparison:
    if request.param == "default":
        return workflows.open_sample()
    return compare(load_sample(), AlignSettings(semantic=False))


def test_the_default_mode_is_the_one_the_app_uses():
    assert AlignSettings().semantic
    comparison = workflows.open_sample()
    assert comparison.settings.semantic == (workflows.semantic_problem() == "")


def _account(comparison: Comparison, slug: str) -> str:
    return next(d.id for d in comparison.accounts if slug in d.source)


def _differences(
    comparison: Comparison, doc: str, base_words: str, account_words: str
) -> list[tuple[str, ...]]:
    out = []
    for link in comparison.links:
        a, b = comparison.claim(link.a), comparison.claim(link.b)
        if (
            b.doc == doc
            and base_words in a.text
            and account_words in b.text
            and link.relation is Relation.CONTRADICT
        ):
            out.append(link.reasons)
    return out


@pytest.mark.parametrize(("slug", "base_words", "account_words", "kind"), PLANTED)
def test_each_planted_difference_is_reported_with_its_kind(sample, slug, base_words, account_words, kind):
    found = _differences(sample, _account(sample, slug), base_words, account_words)
    assert found, "not reported as a difference"
    assert any(kind_of(r) == kind for reasons in found for r in reasons), found


def test_at_most_one_difference_that_is_not_planted(sample):
    extra = []
    for link in sample.links:
        if link.relation is not Relation.CONTRADICT:
            continue
        a, b = sample.claim(link.a), sample.claim(link.b)
        slug = next(d.source for d in sample.accounts if d.id == b.doc)
        if not any(s in slug and bw in a.text and aw in b.text for s, bw, aw, _ in PLANTED):
            extra.append((a.text[:60], b.text[:60], link.reasons))
    assert len(extra) <= 1, extra


def test_the_planted_list_matches_the_readme():
    """The README of the sample is what a user reads; the list above must not drift from it."""
    from compare.workflows import resources_dir

    readme = (resources_dir() / "samples" / "README.md").read_text(encoding="utf-8")
    for slug, _, _, _ in PLANTED:
        assert f"{slug}.txt" in readme
    kinds = re.findall(
        r"\b(speaker|number|duration|negation|weekday|characterisation|date)\b[^:·]{0,10}:", readme
    )
    assert sorted(kinds) == sorted(kind.split()[0] for _, _, _, kind in PLANTED)
