"""Candidate pairs that become links: a claim that tells two facts, one of them differing in a clause its best
candidate does not tell (engine.grounded_links); pairs that state the same specific figure or date
(engine.figure_links, and chosen pairs the confidence model is unsure of)."""

from compare.align.engine import GROUNDED_PAIR, SHARED_CONFIDENCE, SHARED_FIGURE, compare
from compare.align.rescue import precise_shared
from compare.model import AlignSettings, Claim, Document, Relation
from compare.text.facts import extract

# The base's fifth sentence tells two facts: the farmland under water (which the account tells on its own,
# and which the base repeats in its last sentence, so that pair is the link) and the day the flood ended,
# which the account gives in its first sentence with another date.
BASE = (
    "A storm flooded the river town of Ashby on Friday night. "
    "Volunteers filled sandbags through the night. "
    "Schools in the valley stayed shut for a week. "
    "The mayor thanked the volunteers at a meeting in the town hall. "
    "The water spread over about 400 hectares of farmland before the flood was declared over on 12 March 2022. "
    "Hundreds of hectares of farmland lay under water, the farmers' union said."
)
OTHER = (
    "Crews declared the flood over on 14 March, two weeks after a storm flooded the river town of Ashby. "
    "Volunteers filled sandbags all through the night. "
    "Schools in the valley were shut for a week. "
    "The mayor thanked the volunteers at a town hall meeting. "
    "Hundreds of hectares of farmland lay under water, said the farmers' union."
)
LEXICAL = AlignSettings(semantic=False)


def _links(base: str, other: str) -> dict[tuple[str, str], object]:
    result = compare([Document("d0", "Base", base), Document("d1", "Other", other)], LEXICAL)
    return {(lk.a, lk.b): lk for lk in result.links}


def test_a_claim_of_two_facts_is_linked_for_the_one_its_best_candidate_does_not_tell():
    links = _links(BASE, OTHER)
    # Its best candidate (the farmland sentence) is linked to the base's own repetition of it ...
    assert ("d0:c5", "d1:c4") in links and ("d0:c4", "d1:c4") not in links
    # ... and the date clause, told in a sentence linked for another clause, is a difference.
    link = links[("d0:c4", "d1:c0")]
    assert link.relation is Relation.CONTRADICT
    assert link.reasons[0] == "date differs: 12 March 2022 vs 14 March"
    assert link.reasons[-1] == GROUNDED_PAIR


def test_the_same_date_makes_no_difference():
    links = _links(BASE, OTHER.replace("14 March", "12 March"))
    assert ("d0:c4", "d1:c0") not in links or links[("d0:c4", "d1:c0")].relation is Relation.AGREE


def test_a_date_the_account_states_elsewhere_is_not_disputed():
    other = OTHER + " The pumps were switched off on 12 March 2022."
    assert ("d0:c4", "d1:c0") not in _links(BASE, other)


def test_a_date_of_another_event_is_not_paired():
    # The account's date is when the schools reopened, not when the flood was declared over.
    other = OTHER.replace(
        "Crews declared the flood over on 14 March, two weeks after",
        "Pupils went back to their classrooms on 14 March, two weeks after",
    )
    assert ("d0:c4", "d1:c0") not in _links(BASE, other)


SHIP = (
    "The cargo ship ran aground near the harbour mouth on Tuesday. "
    "The harbour master said 1,250 containers were on board and that the tide would turn at 6:40 p.m. "
    "Tugs were sent from the port. "
    "The crew of 19 was unhurt."
)
SHIP_OTHER = (
    "A cargo ship ran aground near the harbour mouth on Tuesday. "
    "It was carrying 1,250 containers, according to the port. "
    "High water was expected at 6:40 p.m. "
    "Tugs were sent out. "
    "Nobody in the crew was hurt."
)


def test_a_chosen_part_of_a_split_sentence_stating_the_same_figure_is_a_link_though_the_model_is_unsure():
    links = _links(SHIP, SHIP_OTHER)
    # The base's second sentence is told in two: the tide (sure) and the containers (the model is unsure).
    assert links[("d0:c1", "d1:c2")].relation is Relation.AGREE
    link = links[("d0:c1", "d1:c1")]
    assert link.relation is Relation.AGREE
    assert link.reasons[-1] == SHARED_FIGURE and link.confidence == SHARED_CONFIDENCE


def test_a_candidate_stating_the_same_figure_links_though_its_claim_is_linked_elsewhere():
    # The account's container sentence is linked to the base's own repetition of it; the long sentence
    # that also tells the containers gains a second link for that figure.
    base = SHIP + " The port said the ship carried 1,250 containers."
    links = _links(base, SHIP_OTHER)
    assert ("d0:c3", "d1:c1") in links and ("d0:c1", "d1:c2") in links
    assert links[("d0:c1", "d1:c1")].reasons[-1] == SHARED_FIGURE


def test_a_stricter_threshold_asks_more_of_a_shared_figure_too():
    base = SHIP + " The port said the ship carried 1,250 containers."
    strict = AlignSettings(semantic=False, threshold=0.75)
    result = compare([Document("d0", "Base", base), Document("d1", "Other", SHIP_OTHER)], strict)
    assert ("d0:c1", "d1:c1") not in {(lk.a, lk.b) for lk in result.links}


def test_only_specific_figures_count():
    def claim(text: str) -> Claim:
        return Claim("d0:c0", "d0", 0, len(text), text, extract(text))

    assert precise_shared(claim("Some 3.5 tonnes fell on 2 May."), claim("On 2 May 3.5 tonnes fell.")) == {
        "d:5-2",
        "n:3.5",
    }
    assert precise_shared(claim("Three boats sank in 2019."), claim("In 2019 three boats sank.")) == set()
    assert precise_shared(claim("It closed at 11:20."), claim("It lost 20 points.")) == set()
