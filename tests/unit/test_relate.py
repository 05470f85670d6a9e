import pytest

from compare.align.relate import relate
from compare.model import Claim, Relation
from compare.text.facts import extract


def claim(cid: str, text: str, **kw) -> Claim:
    return Claim(cid, cid.split(":")[0], 0, len(text), text, extract(text, **kw))


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        ("US jets killed 62 Syrian soldiers.", "US jets killed 80 Syrian soldiers.", "number differs: 62 vs 80"),
        ("The convoy was hit on 19 September.", "The convoy was hit on 17 September.",
         "date differs: 19 September vs 17 September"),
        ("The offensive began on Monday.", "The offensive began on Tuesday.", "weekday differs: Monday vs Tuesday"),
        ("The pause was extended for three days.", "The pause was extended for two days.",
         "duration differs: three days vs two days"),
        ("Russia halted airstrikes on Aleppo.", "Russia did not halt airstrikes on Aleppo.",
         "negation: 'halted' vs 'did not halt'"),
        ("The ceasefire was a success for Moscow.", "The ceasefire was a failure for Moscow.",
         "characterisation differs: 'success' vs 'failure'"),
    ],
)  # fmt: skip
def test_contradictions_carry_a_reason(a, b, reason):
    relation, reasons = relate(claim("d0:c0", a), claim("d1:c0", b), 0.8, similar=True)
    assert relation is Relation.CONTRADICT
    assert reason in reasons


def test_number_words_match_digits():
    relation, reasons = relate(claim("d0:c0", "Six corridors were opened."), claim("d1:c0", "6 corridors were opened."),
                               0.7, similar=True)  # fmt: skip
    assert relation is Relation.AGREE
    assert "same numbers: Six" in reasons


def test_speaker_differs_only_between_people_not_mentioned_by_the_other():
    a = claim("d0:c0", "“We are pursuing diplomacy.”", speaker="Kerry", quoted=True)
    b = claim("d1:c0", "“We are pursuing diplomacy.”", speaker="Johnson", quoted=True)
    relation, reasons = relate(a, b, 0.9, similar=True)
    assert relation is Relation.CONTRADICT
    assert "speaker differs: Kerry vs Johnson" in reasons
    same = claim("d1:c1", "“We are pursuing diplomacy,” Kerry said.")
    assert relate(a, same, 0.9, similar=True) == (
        Relation.AGREE,
        ("same speaker: Kerry", "wording 90% similar"),
    )


def test_unrelated_numbers_of_different_things_do_not_contradict():
    a = claim("d0:c0", "A force of 40,000 soldiers faces 4,000 fighters in the city.")
    b = claim("d1:c0", "More than 5,000 US troops are deployed in the country.")
    relation, _ = relate(a, b, 0.4, similar=False)
    assert relation is Relation.AGREE
