"""The typed battery (benchmarks/battery.py): every kind of difference found, paraphrases left alone."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from battery import GENERATORS, battery, measure  # noqa: E402


@pytest.fixture(scope="module")
def result() -> dict[str, dict[str, float]]:
    return measure(battery(seed=11))


def test_the_battery_has_enough_pairs_of_every_kind():
    pairs = battery(seed=3)
    for kind in GENERATORS:
        assert sum(p.kind == kind and p.contradict for p in pairs) >= 30
        assert sum(p.kind == kind and not p.contradict for p in pairs) >= 30
    assert len({p.a for p in pairs}) > len(pairs) // 3  # generated, not one sentence repeated


@pytest.mark.parametrize("kind", list(GENERATORS))
def test_every_kind_is_found_without_false_contradictions(result, kind):
    assert result[kind]["recall"] >= 0.8, result[kind]
    assert result[kind]["false_rate"] <= 0.05, result[kind]


def test_another_seed_holds_too():
    for kind, m in measure(battery(seed=2027, per_kind=30)).items():
        assert m["recall"] >= 0.8 and m["false_rate"] <= 0.05, (kind, m)
