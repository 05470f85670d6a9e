"""Alignment quality on the gold corpus (../shared/corpus): a regression guard, skipped where it is absent."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from baseline import baseline_contract  # noqa: E402
from quality import corpus_documents, score  # noqa: E402

from compare.align.engine import compare  # noqa: E402
from compare.report.contract import to_contract  # noqa: E402

pytestmark = pytest.mark.corpus


def test_engine_beats_the_plain_baseline_on_gold(corpus_dir):
    docs = corpus_documents(corpus_dir)
    engine = score(to_contract(compare(docs)), corpus_dir)
    baseline = score(baseline_contract(docs), corpus_dir)
    # Floors a little under the measured values in docs/quality.md: a drop below them is a regression.
    assert engine["link_f1"] >= 0.62
    assert engine["omission_macro_f1"] >= 0.8
    assert engine["contradiction_f1"] >= 0.5
    assert engine["link_f1"] >= baseline["link_f1"] + 0.2
    assert engine["omission_macro_f1"] > baseline["omission_macro_f1"]
