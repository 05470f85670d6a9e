"""The reasons the README quotes as examples from the bundled sample are reasons the sample really shows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from compare import workflows
from compare.align.engine import compare
from compare.model import AlignSettings, Comparison

README = Path(__file__).resolve().parents[2] / "README.md"


def quoted_sample_reasons() -> list[str]:
    text = " ".join(README.read_text(encoding="utf-8").split())
    passage = text[text.index("in the bundled sample, for example,") :]
    passage = passage[: passage.index(")")]
    return re.findall(r'"([^"]+)"', passage)


def _reasons(comparison: Comparison) -> set[str]:
    return {r for link in comparison.links for r in link.reasons}


def test_the_readme_quotes_some_reasons():
    assert len(quoted_sample_reasons()) >= 3


@pytest.mark.parametrize("semantic", [False, True], ids=["wording", "default"])
def test_each_quoted_reason_is_shown_by_the_sample(semantic):
    if semantic and workflows.semantic_problem():
        pytest.skip(f"meaning-level model unavailable: {workflows.semantic_problem()}")
    if semantic:
        shown = _reasons(workflows.align(workflows.load_sample(), AlignSettings()))
    else:
        shown = _reasons(compare(workflows.load_sample(), AlignSettings(semantic=False)))
    missing = [r for r in quoted_sample_reasons() if r not in shown]
    assert not missing, missing
