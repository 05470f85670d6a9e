"""Link confidence is calibrated on material it was not fitted on (the held-out development subjects)."""

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import fit_confidence  # noqa: E402

from compare.align.confidence import SUGGESTION_LEVEL, default_model  # noqa: E402
from compare.model import AlignSettings  # noqa: E402


@pytest.mark.parametrize("semantic", [False, True], ids=["wording", "wording+meaning"])
def test_confidence_is_calibrated_on_held_out_subjects(semantic: bool):
    if semantic:
        pytest.importorskip("onnxruntime", reason="the semantic scorer's runtime is not installed")
    examples = fit_confidence.devset_examples("heldout", AlignSettings(semantic=semantic))
    assert examples, "the development sets are part of the repository"
    model = default_model()
    x = np.vstack([e.features for e in examples])
    y = np.concatenate([e.labels for e in examples])
    chosen = np.concatenate([e.chosen for e in examples])
    p = model.predict(x)
    ece, bins = fit_confidence.calibration(p, y)
    assert ece <= 0.10, bins  # measured 0.03 on the four held-out subjects (README)
    shown = chosen & (p >= SUGGESTION_LEVEL)
    assert y[shown].mean() >= 0.85  # the aim: at least 85% of the links shown are right
    # Confidence orders pairs: the pairs it is sure of are right more often than those it doubts.
    assert y[p >= 0.8].mean() > y[p < 0.2].mean() + 0.5
