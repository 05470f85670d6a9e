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
         "negation differs: 'halted' vs 'did not halt'"),
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


def related(a: str, b: str, similar: bool = True, **kw) -> tuple[Relation, tuple[str, ...]]:
    return relate(claim("d0:c0", a, **kw), claim("d1:c0", b, **kw), 0.8, similar=similar)


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        ("There are not other options for the US.", "There are other options for the US.",
         "negation differs: 'are not other options' vs 'options'"),
        ("The leaders wouldn't rule out new sanctions against the regime.",
         "The leaders ruled out new sanctions against the regime.",
         "negation differs: 'wouldn't rule out' vs 'ruled out'"),
        ("The rescuers failed to reach the village before dark.",
         "The rescuers managed to reach the village before dark.",
         "negation differs: 'failed to reach' vs 'reach'"),
        ("No civilians were hurt in the blast at the depot.", "Civilians were hurt in the blast at the depot.",
         "negation differs: 'No civilians were hurt' vs 'hurt'"),
        ("The minister never signed the export contract.", "The minister signed the export contract.",
         "negation differs: 'never signed' vs 'signed'"),
    ],
)  # fmt: skip
def test_polarity_of_the_shared_predicate(a, b, reason):
    relation, reasons = related(a, b)
    assert relation is Relation.CONTRADICT
    assert reasons == (reason,)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Double negation: "did not fail to" is "managed to".
        ("The team did not fail to qualify for the final.", "The team qualified for the final."),
        # Both deny the same thing in other words.
        ("Kerry said he had not seen a big appetite for war.", "Kerry said he saw no appetite for war."),
        # An antonym under negation agrees with the other antonym.
        ("The home side did not win the match on Sunday.", "The home side lost the match on Sunday."),
        # A negation elsewhere in the sentence, about something the other claim does not say.
        ("The council approved the budget, though not all members attended.",
         "The council approved the budget on Monday."),
        ("Not only did the river flood the town, it cut the road.", "The river flooded the town and cut the road."),
    ],
)  # fmt: skip
def test_polarity_that_agrees(a, b):
    relation, reasons = related(a, b)
    assert relation is Relation.AGREE, reasons


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        ("Police said at least 19 people were arrested.", "Police said 12 people were arrested.",
         "number differs: at least 19 vs 12"),
        ("Three officers were slightly injured.", "Two of its officers were slightly injured.",
         "number differs: Three vs Two"),
        ("About 4,000 fighters defend the city.", "About 6,000 fighters defend the city.",
         "number differs: about 4,000 vs about 6,000"),
        ("The tower is 300 metres tall and cost 2 million.", "The tower is 330 metres tall and cost 2 million.",
         "number differs: 300 vs 330"),
    ],
)  # fmt: skip
def test_numbers_of_the_same_quantity(a, b, reason):
    relation, reasons = related(a, b)
    assert relation is Relation.CONTRADICT
    assert reason in reasons


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Between 3,000 and 5,000 fighters remain in the city.", "About 4000 fighters remain in the city."),
        ("3,000 to 5,000 fighters remain in the city.", "Some 4,500 fighters remain in the city."),
        ("At least 19 people were arrested.", "Police said 25 people were arrested."),
        ("Nearly 600 homes lost power.", "Some 580 homes lost power."),
        # Different things counted: soldiers and tanks.
        ("The army sent 40 tanks to the border.", "The army sent 900 soldiers to the border.", ),
        # List markers count nothing.
        ("1. The bridge was closed to traffic.", "2. The bridge was closed to traffic."),
        # A model name is not a count.
        ("The S-300 system was deployed near the coast.", "The S-400 system was deployed near the coast."),
    ],
)  # fmt: skip
def test_numbers_that_agree(a, b):
    relation, reasons = related(a, b)
    assert relation is Relation.AGREE, reasons


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        ("The road was closed for 24 hours.", "The road was closed for three days.",
         "duration differs: 24 hours vs three days"),
        ("The strikes were halted two days ahead of the pause.", "The strikes were halted a day ahead of the pause.",
         "duration differs: two days vs a day"),
        ("The offensive began on Monday.", "The offensive began before dawn on Sunday.",
         "weekday differs: Monday vs Sunday"),
        ("Perhaps Nadia Sorel really does want a wider war.", "Perhaps Piet Haas really does want a wider war.",
         "actor differs: Nadia Sorel vs Piet Haas"),
        ("The mayor sounded upbeat about the bridge.", "The mayor sounded despondent about the bridge.",
         "characterisation differs: 'upbeat' vs 'despondent'"),
        ("The ministry opened the bridge with fanfare.", "The ministry opened the bridge with little fanfare.",
         "characterisation differs: 'fanfare' vs 'little fanfare'"),
        ("The council bought the old mill.", "The story that the council bought the old mill was a hoax.",
         "disputes: 'hoax'"),
    ],
)  # fmt: skip
def test_more_kinds_of_difference(a, b, reason):
    relation, reasons = related(a, b)
    assert relation is Relation.CONTRADICT
    assert reason in reasons


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The road was closed for 24 hours.", "The road was closed for a day."),
        ("The pause lasted two weeks.", "For 14 days the pause lasted."),
        # Different events on different days are not a difference.
        ("The minister visited the bridge on Tuesday.", "The bridge collapsed on Monday after heavy rain."),
        ("The bridge collapsed on Monday, and the minister visited it on Tuesday.", "The bridge collapsed on Monday."),
        # The same antonym negated on one side agrees with the other.
        ("The launch was not a success.", "The launch was a failure."),
        ("The mill was sold with little fanfare.", "The mill was sold without fanfare."),
        # A refutation of something the other only reports as a claim is not a dispute of it.
        ("Critics claimed the council bought the mill.", "The story that the council bought the mill is false."),
    ],
)  # fmt: skip
def test_more_pairs_that_agree(a, b):
    relation, reasons = related(a, b)
    assert relation is Relation.AGREE, reasons


def test_certainty_is_a_caution_not_a_contradiction():
    relation, reasons = related("The ship sank near the cape.", "The ship reportedly sank near the cape.")
    assert relation is Relation.AGREE
    assert reasons[0] == "certainty differs: asserted vs 'reportedly'"
    relation, reasons = related(
        "The ship may have sunk near the cape.", "The ship reportedly sank near the cape."
    )
    assert not any(r.startswith("certainty") for r in reasons)


def test_relative_dates_resolve_against_the_document_date():
    a = claim("d0:c0", "The strikes were halted last Tuesday.", written="2016-10-24")
    b = claim("d1:c0", "The strikes were halted on 20 October.")
    assert relate(a, b, 0.8, similar=True) == (
        Relation.CONTRADICT,
        ("date differs: 18 October 2016 vs 20 October",),
    )
    assert (
        relate(a, claim("d1:c0", "The strikes were halted on 18 October."), 0.8, similar=True)[0]
        is Relation.AGREE
    )


def test_a_quoted_passage_keeps_its_speaker():
    from compare.align.engine import claims_of
    from compare.model import Document

    text = 'Kerry added: "We have to work with what we have. What we have is talks." Rain fell.'
    claims = claims_of(Document("d1", "t", text))
    assert [c.facts.speaker for c in claims[:2]] == ["Kerry", "Kerry"]
    assert claims[2].facts.speaker == ""


def test_a_denial_of_what_the_other_asserts_is_a_dispute():
    relation, reasons = related(
        "Russia has denied that its aircraft attacked the aid convoy.",
        "Russian aircraft attacked the aid convoy.",
    )
    assert relation is Relation.CONTRADICT
    assert reasons[0].startswith("disputes: 'denied that its aircraft attacked'"), reasons


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        ("The crash happened on May 6, 2010.", "The crash happened on 6 May 2011.",
         "date differs: 6 May 2010 vs 6 May 2011"),
        ("Stocks crashed on May 6, 2010, in the afternoon.", "Stocks crashed on Wednesday afternoon.",
         "weekday differs: 6 May 2010 (a Thursday) vs Wednesday"),
        ("Pogba scored in the 59th minute after Lovren blocked his shot.",
         "Pogba scored in the 61st minute after Lovren blocked his shot.", "number differs: 59th vs 61st"),
        ("The goal came from a controversial free kick in the first half.",
         "The goal came from an uncontroversial free kick in the first half.",
         "characterisation differs: 'controversial' vs 'uncontroversial'"),
    ],
)  # fmt: skip
def test_dates_with_years_weekdays_of_dates_ordinals_and_prefixes(a, b, reason):
    relation, reasons = related(a, b)
    assert relation is Relation.CONTRADICT
    assert reason in reasons


def test_the_month_may_is_not_a_hedge():
    relation, reasons = related(
        "The crash of May 6 wiped out 9 percent.", "The crash of May 6 wiped out 9 percent."
    )
    assert relation is Relation.AGREE
    assert not any(r.startswith("certainty") for r in reasons)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The index rose 41.61 points, or 0.44 percent.", "The index rose 41.61 points, a gain of 0.4%."),
        ("Members approved the merger by 75.88%.", "Members approved the merger by 75 percent."),
        ("There is no war in the region.", 'There is no "war" in the region.'),
    ],
)
def test_rounded_figures_and_quoted_words_agree(a, b):
    relation, reasons = related(a, b)
    assert relation is Relation.AGREE, reasons


def test_percentages_are_one_quantity():
    relation, reasons = related(
        "In February the solar cells were producing 27% of capacity.",
        "This month the panels deliver only about 15% of their capacity.",
        similar=False,
    )
    assert relation is Relation.CONTRADICT
    assert reasons == ("number differs: 27 vs about 15",)


def test_a_negation_both_share_elsewhere_does_not_hide_a_new_one():
    a = "Moscow is deeply suspicious of the operation, and the city is not fully encircled."
    b = "Moscow is not deeply suspicious of the operation, and the city is not fully encircled."
    relation, reasons = related(a, b)
    assert relation is Relation.CONTRADICT
    assert reasons == ("negation differs: 'deeply suspicious' vs 'is not deeply suspicious'",)


def test_one_figure_in_the_same_words_is_one_quantity():
    a = "A very large force of around 40,000, comprising the army and 5,000 advisers, is attacking."
    b = "A very large force of around 47,000, comprising the army and 5,000 advisers, is attacking."
    relation, reasons = related(a, b)
    assert relation is Relation.CONTRADICT
    assert reasons == ("number differs: around 40,000 vs around 47,000",)


def test_a_score_written_with_a_hyphen_is_compared():
    relation, reasons = related(
        "The final score was 3-1 after extra time.", "The final score was 2-1 after extra time."
    )
    assert (relation, reasons) == (Relation.CONTRADICT, ("number differs: 3 vs 2",))


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        ("The regatta was staged on 9 June, and crowds lined the quay.", "The regatta was held on 8 June.",
         "date differs: 9 June vs 8 June"),
        ("The strike on the depot began on Friday.", "The strike on the depot was launched on Thursday.",
         "weekday differs: Friday vs Thursday"),
        ("The cup tie was played in the rain, on 3 March, and drew a record crowd.",
         "The cup tie was held on 4 March.", "date differs: 3 March vs 4 March"),
    ],
)  # fmt: skip
def test_verbs_of_one_event_date_the_same_event(a, b, reason):
    """resources/lexicon/event_verbs.tsv: "staged" and "held" name one event, so their dates compare."""
    relation, reasons = related(a, b)
    assert relation is Relation.CONTRADICT, reasons
    assert reason in reasons


def test_verbs_of_different_events_still_keep_their_dates_apart():
    relation, reasons = related("The regatta was staged on 9 June.", "The regatta was cancelled on 8 June.")
    assert relation is Relation.AGREE, reasons


def test_a_spelled_out_rank_is_compared_like_a_count():
    """resources/lexicon/ordinals.tsv: "the third own goal" against "the first own goal" differs."""
    relation, reasons = related(
        "It was the first own goal in a cup final.", "It was already the third own goal in a cup final."
    )
    assert relation is Relation.CONTRADICT and "number differs: first vs third" in reasons, reasons
    assert not extract("At first the crowd was quiet, and the second-largest stand was empty.").numbers
