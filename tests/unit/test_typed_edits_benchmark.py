"""benchmarks/typed_edits.py: its edits have the intended shape, and a found edit and a kept control are told apart."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import typed_edits  # noqa: E402

from compare.model import AlignSettings  # noqa: E402

TEXT = (
    "The council met in the town hall on Tuesday evening after a long week. "
    "Mayor Ana Ruiz said the bridge would reopen on 14 March after repairs. "
    "Engineers counted 2400 cracks in the old deck during the survey. "
    "The budget has grown by a third since the works began last spring. "
    "Residents welcomed the plan at a crowded meeting in the library."
)


def test_edits_change_one_fact_and_controls_keep_it():
    edits = list(typed_edits.edits_of(TEXT, per_kind=3))
    kinds = {e.kind for e in edits if not e.control}
    assert kinds == {"number", "date", "negation", "speaker"}
    by = {(e.kind, e.control): e.after for e in edits}
    assert "on 16 March" in by["date", False] and "on March 14" in by["date", True]
    assert "2400" not in by["number", False] and "2,400" in by["number", True]
    assert " not " in by["negation", False] and " not " not in by["negation", True]
    assert "Ana Ruiz" not in by["speaker", False] and "Ruiz said" in by["speaker", True]


def test_places_and_hyphenated_words_are_not_edited():
    assert (
        typed_edits._speaker_edit("A source inside Mosul told them the road was closed.", ["Ann Lee"]) is None
    )
    assert typed_edits._negation_edit("Other well-known figures attended the long ceremony.") is None


def test_a_changed_number_is_found_and_its_control_is_not_marked():
    edits = [e for e in typed_edits.edits_of(TEXT, per_kind=1) if e.kind == "number"]
    outcomes = [typed_edits.judge_edit(TEXT, e, AlignSettings(semantic=False)) for e in edits]
    changed = next(o for o in outcomes if not o.control)
    kept = next(o for o in outcomes if o.control)
    assert changed.found and changed.extra == 0, changed
    assert not kept.found, kept
