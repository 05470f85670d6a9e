"""Degree and evaluation scales: two claims that grade or judge one thing oppositely (compare/align/stance.py).

The sentences are written for these tests (several subjects, none from a corpus or the sample)."""

import csv
import importlib.util
from pathlib import Path

import pytest

from compare.align import polarity, stance
from compare.align.relate import relate
from compare.model import Claim, Relation
from compare.text import lexicon
from compare.text.facts import extract

ROOT = Path(__file__).resolve().parents[2]


def claim(cid: str, text: str) -> Claim:
    return Claim(cid, cid.split(":")[0], 0, len(text), text, extract(text))


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        ("The storm left the valley badly damaged.", "The storm left the valley slightly damaged.",
         "characterisation differs: 'badly damaged' vs 'slightly damaged'"),
        ("Inspectors said faults in the ferry fleet are frequent.",
         "Inspectors said faults in the ferry fleet are rare.",
         "characterisation differs: 'frequent' vs 'rare'"),
        ("The union described the walkout as one of the most disruptive in decades.",
         "The union described the walkout as an ordinary protest.",
         "characterisation differs: 'one of the most disruptive' vs 'ordinary protest'"),
        ("The airline has a poor record of safety.", "The airline is among the safest in Europe.",
         "characterisation differs: 'poor record of safety' vs 'safest'"),
        ("The chef said the opening night was successful.", "The chef said the opening night was disastrous.",
         "characterisation differs: 'successful' vs 'disastrous'"),
        ("The harbour was heavily flooded, the mayor said.", "The harbour was lightly flooded, the mayor said.",
         "characterisation differs: 'heavily flooded' vs 'lightly flooded'"),
        ("Inspectors say about 40 ferry breakdowns are logged each year, causing major delays.",
         "Ferry breakdowns are rare, the operator says.",
         "characterisation differs: 'major delays' vs 'rare'"),
        ("An unusually dry spring hit the reservoir, hydrologists said.",
         "The spring was close to normal for the reservoir, hydrologists said.",
         "characterisation differs: 'unusually dry' vs 'normal'"),
        ("The mill town was not severely affected by the closure.",
         "The mill town was severely affected by the closure.",
         "negation differs: 'was not severely affected' vs 'severely affected'"),
    ],
)  # fmt: skip
def test_opposite_grades_of_one_thing_differ(a, b, reason):
    assert stance.stance_differs(a, b) == reason
    relation, reasons = relate(claim("d0:c0", a), claim("d1:c0", b), 0.8, similar=True)
    assert relation is Relation.CONTRADICT
    assert reason in reasons


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the same pole in other words
        ("The storm left the valley badly damaged.", "The storm left the valley heavily damaged."),
        ("Faults in the ferry fleet are rare.", "Faults in the ferry fleet are uncommon."),
        # a negated pole is the other pole
        ("The mill town was not severely affected by the closure.",
         "The mill town was slightly affected by the closure."),
        ("The airline has a poor record of safety.", "The airline is not among the safest in Europe."),
        ("The clinic did not fail to approve the treatment.", "The clinic approved the treatment."),
        # one side grades two things: which of them the other means is not known
        ("The bridge was badly damaged but the road was slightly damaged.", "The road was slightly damaged."),
        # opposite grades of different things
        ("Damage to the pier was severe.", "Ticket sales at the museum were modest."),
        # words that look like a grade but are not one
        ("Most of the passengers were rescued.", "A few passengers were rescued by a routine patrol."),
        ("The rescuers shared a lot in common with the villagers.", "The rescuers were severely tired."),
        # a grade said of one thing, a grade in another claim of something else
        ("Ferry breakdowns are rare.", "The operator made major changes to its timetable."),
        # size, not degree
        ("A little girl is wearing a hat.", "A girl with a large hat is smiling."),
        # a degree word used as a noun
        ("At its low the index had lost 9 percent.", "The index recovered a large part of its loss."),
        # an evaluative noun is not what the claim says of its subject
        ("Officials say the death toll is likely to rise.", "Officials are confident about the count."),
        # a verb whose crude root looks like a judging word
        ("A man is severing the rope with a knife.", "A man is cutting the rope with a knife."),
    ],
)  # fmt: skip
def test_agreeing_or_unrelated_grades_do_not_differ(a, b):
    assert stance.stance_differs(a, b) == ""


def test_not_before_a_degree_word_negates_the_degree_not_the_predicate():
    a = "The port was not heavily affected by the strike."
    b = "The port was lightly affected by the strike."
    relation, reasons = relate(claim("d0:c0", a), claim("d1:c0", b), 0.9, similar=True)
    assert relation is Relation.AGREE, reasons


def test_root_joins_derived_forms_of_one_quality():
    assert stance.root("safest") == stance.root("safety") == stance.root("safe")
    # a short word is judged only as written: "hat" shares a crude root with "hate" but carries no valence
    assert stance.valence(polarity.read("hat").toks[0]) == 0.0
    assert stance.valence(polarity.read("hate").toks[0]) < 0


@pytest.mark.parametrize("name", ["degree", "valence"])
def test_scale_lexicons_have_a_source_and_a_known_pole(name):
    rows = lexicon.rows(name)
    assert len(rows) > 50
    for row in rows:
        assert row["source"].strip()
        if name == "degree":
            assert row["pole"] in {"high", "low"}
        else:
            assert abs(float(row["valence"])) >= 1.0


def test_valence_lexicon_is_what_the_script_builds(tmp_path):
    """resources/lexicon/valence.tsv is generated from VADER, never edited by hand (needs the lexicon extra)."""
    if importlib.util.find_spec("vaderSentiment") is None or importlib.util.find_spec("wordfreq") is None:
        pytest.skip("the lexicon extra (vaderSentiment, wordfreq) is not installed")
    spec = importlib.util.spec_from_file_location(
        "valence_from_vader", ROOT / "scripts" / "valence_from_vader.py"
    )
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    out = tmp_path / "valence.tsv"
    assert module.main(["--out", str(out)]) == 0
    built = out.read_text(encoding="utf-8")
    shipped = (ROOT / "resources" / "lexicon" / "valence.tsv").read_text(encoding="utf-8")
    assert built == shipped
    with out.open(encoding="utf-8") as fh:
        words = [r["word"] for r in csv.DictReader(fh, delimiter="\t")]
    assert "safe" in words and ":)" not in words


def test_a_downtoner_before_a_figure_states_the_figure():
    a = "In March the pumps were delivering 40% of capacity."
    b = "In March the pumps were delivering barely 40 per cent of their capacity."
    assert polarity.intensity_differs(a, b) == ""
    assert polarity.intensity_differs("The launch had fanfare.", "The launch had little fanfare.")
