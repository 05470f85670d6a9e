"""The held-out harness runs end to end, and on the held-out development subjects the engine's shown links
stay right at the aimed rate and ahead of the plain difflib baseline (floors under docs/quality.md)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import devkit  # noqa: E402
import eval_dev  # noqa: E402


def test_held_out_figures_beat_the_difflib_baseline_with_thresholds_from_fit_only():
    sets = devkit.load_devsets("all")
    results, thresholds = eval_dev.run(sets, semantic=False)
    assert set(results) == {"lexical", "difflib"} and 0.2 <= thresholds["difflib"] <= 0.95
    held = [s.name for s in sets if s.split == "heldout"]
    engine = devkit.pool(r for n in held for r in results["lexical"][n])
    baseline = devkit.pool(r for n in held for r in results["difflib"][n])
    assert engine["link"][0] >= 0.85  # the aim of issue 10: at least 85% of the links shown are right
    assert engine["link"][2] >= 0.6 and engine["link"][2] >= baseline["link"][2] + 0.1
    # Omissions follow link recall. On the two subjects held out first the engine led difflib (0.48 vs 0.47);
    # with the two written blind later (outbreak, summit) it trails it: 0.60 vs 0.62 (docs/quality.md); with
    # breach and sanctions (also written blind) added, 0.58 vs 0.65, and 0.59 after the figure links. The floor
    # keeps it from falling further behind while link recall is worked on.
    assert engine["omission_macro_f1"] >= baseline["omission_macro_f1"] - 0.07
    text = eval_dev.report(sets, results, thresholds)
    assert "### Held-out subjects" in text and "**pooled held-out**" in text
    for name in held:
        assert f"| {name} | engine, lexical |" in text


def test_the_baseline_threshold_is_chosen_without_looking_at_held_out_sets():
    fit = devkit.load_devsets("fit")
    held = devkit.load_devsets("heldout")
    t_fit, _ = eval_dev.fitted_baseline_rows(fit, eval_dev.difflib_scores)
    t_all, _ = eval_dev.fitted_baseline_rows(fit + held, eval_dev.difflib_scores)
    assert t_fit == t_all
