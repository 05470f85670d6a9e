"""Negation, attribution and stance on separately written accounts (issue 11, third pass; compare/align).

Each phenomenon is tested in several subjects with sentences written for these tests (none from a corpus,
the sample or the development sets): a negative determiner before a named group ("no Harbour Board
engineers"), a negative quantifier over a predicate of harm ("no passengers were hurt"), an unmarked word
after an approximator ("close to normal") against a marked one, a norm used as a point of comparison
("above normal"), and the doer of one act in the active voice against the agent of its passive.
"""

import pytest

from compare.align import agents, polarity, stance
from compare.align.relate import relate
from compare.model import Claim, Relation
from compare.text import speakers
from compare.text.facts import extract


def claim(cid: str, text: str) -> Claim:
    return Claim(cid, cid.split(":")[0], 0, len(text), text, extract(text))


def related(a: str, b: str) -> tuple[Relation, tuple[str, ...]]:
    return relate(claim("d0:c0", a), claim("d1:c0", b), 0.5, similar=False)


@pytest.mark.parametrize(
    ("a", "b", "shown"),
    [
        ("Volunteers from the Kessel Red Crescent handed out blankets at the crossing.",
         "No Kessel Red Crescent volunteers were at the crossing, the agency said.", "No Kessel Red Crescent volunteers"),
        ("Engineers from Tarrow Power inspected the turbines after the outage.",
         "No Tarrow Power engineers inspected the turbines, the operator said.", "No Tarrow Power engineers"),
        ("Officers of the Dunmore Police questioned the driver at the scene.",
         "No Dunmore Police officers questioned the driver at the scene.", "No Dunmore Police officers"),
        ("Doctors with Mercy Relief treated the wounded in the camp.",
         "No Mercy Relief doctors were in the camp to treat the wounded.", "No Mercy Relief doctors"),
        ("Troops from the Ostmark Guard patrolled the border villages.",
         "Officials said no Ostmark Guard troops patrolled the border villages.", "no Ostmark Guard troops"),
    ],
)  # fmt: skip
def test_a_negative_determiner_denies_the_noun_after_the_names_it_opens_on(
    a: str, b: str, shown: str
) -> None:
    relation, reasons = related(a, b)
    assert relation is Relation.CONTRADICT
    assert reasons[0].startswith("negation differs") and shown in reasons[0]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("No passengers were injured when the ferry ran aground.", "Passengers escaped uninjured when the ferry ran aground."),
        ("No Kessel Red Crescent volunteers were hurt in the shelling.",
         "Volunteers of the Kessel Red Crescent came through the shelling unhurt."),
        ("No miners were killed in the collapse, the company said.", "The miners survived the collapse, the company said."),
        ("No pupils were harmed during the fire drill.", "Pupils were safe throughout the fire drill."),
        ("No Tarrow Power workers were injured in the blast.", "Tarrow Power workers escaped the blast without injury."),
        ("None of the climbers was hurt in the storm.", "The climbers weathered the storm unhurt."),
    ],
)  # fmt: skip
def test_no_harm_to_a_group_is_not_a_denial_of_the_group(a: str, b: str) -> None:
    assert polarity.negation_differs(a, b) == ""
    assert polarity.negation_differs(b, a) == ""


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("No passengers were injured when the ferry ran aground.", "Two passengers were injured when the ferry ran aground."),
        ("No miners were killed in the collapse.", "Three miners were killed in the collapse."),
        ("No pupils were harmed during the fire drill.", "Several pupils were harmed during the fire drill."),
    ],
)  # fmt: skip
def test_the_harm_itself_still_differs(a: str, b: str) -> None:
    assert polarity.negation_differs(a, b).startswith("negation differs")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("An unusually wet spell flooded the valley farms, and rainfall was at record levels.",
         "Rainfall in the valley that month was close to normal, the met office said."),
        ("Turnout was extraordinary in the northern districts.", "Turnout in the northern districts was about normal."),
        ("The harvest was unprecedented in the delta this year.", "The harvest in the delta this year was near typical."),
        ("Traffic on the bridge was unusually heavy during the holiday.",
         "Holiday traffic on the bridge was close to usual levels."),
        ("Demand for tickets was exceptional this season.", "Demand for tickets this season was roughly normal."),
    ],
)  # fmt: skip
def test_a_marked_grade_against_the_norm_after_an_approximator(a: str, b: str) -> None:
    assert stance.stance_differs(a, b).startswith("characterisation differs")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The river was unusually high after the storm.", "After the storm the river rose well above its normal level."),
        ("Sales were unusually strong in March.", "March sales were far higher than usual."),
        ("Temperatures in the hills were close to normal for early May.", "Early May temperatures in the hills were about normal."),
        ("Attendance was unusually low at the fair.", "Attendance at the fair fell below normal."),
        ("Sales were near normal in March.", "March sales were around usual levels."),
    ],
)  # fmt: skip
def test_the_norm_as_a_point_of_comparison_is_no_pole(a: str, b: str) -> None:
    assert stance.stance_differs(a, b) == ""


def test_deeds_name_the_doer_of_any_past_act() -> None:
    assert speakers.deeds("Tarrow Power repaired the pylon on Monday.") == [
        ("repaired", "Tarrow Power", "pylon")
    ]
    assert speakers.deeds("Ann Lee's crew repaired the pylon.") == []  # whose, not who
    assert speakers.deeds("Ann Lee said the pylon was repaired.") == []  # a verb of saying


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        ("The outbreak was traced by the Marlow Health Unit to a farm well.",
         "The Tarrant Institute traced the outbreak to a farm well.",
         "actor differs: Marlow Health Unit vs Tarrant Institute"),
        ("Brightwater Rangers scored the winning goal in extra time.",
         "The winning goal was scored by Castleford United in extra time.",
         "actor differs: Brightwater Rangers vs Castleford United"),
        ("The referendum was proposed by Ann Lee in March.", "Omar Diallo proposed the referendum in March.",
         "actor differs: Ann Lee vs Omar Diallo"),
        ("The comet was discovered by Mei Lin in 2019.", "Henrik Dahl discovered the comet in 2019.",
         "actor differs: Mei Lin vs Henrik Dahl"),
        ("Quarry Lane Builders restored the chapel roof last year.",
         "The chapel roof was restored by Ostmark Holdings last year.",
         "actor differs: Quarry Lane Builders vs Ostmark Holdings"),
    ],
)  # fmt: skip
def test_the_doer_in_the_active_against_the_agent_of_the_passive(a: str, b: str, reason: str) -> None:
    relation, reasons = related(a, b)
    assert relation is Relation.CONTRADICT
    assert reason in reasons


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The leak was detected by Halden Energy on Monday.", "Halden Energy detected the leak on Monday."),
        ("The plan was drafted by Ann Lee and approved by the council.", "The council approved the plan that Ann Lee drafted."),
        ("Halden Energy detected the leak and Fernhill Water repaired it.",
         "The leak was repaired by Fernhill Water after Halden Energy detected it."),
        ("Ann Lee visited the hospital on Friday.", "The hospital was visited on Friday by Prime Minister Ann Lee."),
        ("Tarrow Power and Halden Energy repaired the pylon.", "The pylon was repaired by Halden Energy."),
        ("Mei Lin inspected the bridge before Henrik Dahl repaired it.", "The bridge was repaired by Henrik Dahl."),
    ],
)  # fmt: skip
def test_one_doer_or_two_acts_is_no_actor_difference(a: str, b: str) -> None:
    assert agents.actor_differs(claim("d0:c0", a), claim("d1:c0", b)) == []
    assert related(a, b)[0] is Relation.AGREE


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The outbreak spread rapidly through the town.", "The outbreak spread slowly through the town."),
        ("The response of the harbour authority was swift.", "The response of the harbour authority was slow."),
        ("Officials acted quickly to warn residents of the flood.", "Officials were slow to warn residents of the flood."),
        ("The measure passed by an overwhelming majority in the assembly.",
         "The measure passed by a narrow majority in the assembly."),
        ("Members backed the pay offer overwhelmingly.", "Members narrowly backed the pay offer."),
        ("The reformers won a sweeping victory in the council vote.", "The reformers won a slim victory in the council vote."),
    ],
)  # fmt: skip
def test_speed_and_margin_scales(a: str, b: str) -> None:
    assert stance.stance_differs(a, b).startswith("characterisation differs")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The water level rose slowly at first, then rapidly.", "The water level rose quickly."),
        ("Crews quickly cleared the road after the storm.", "The road was cleared within the hour after the storm."),
        ("The measure passed by an overwhelming majority.", "The measure passed by a large majority."),
        ("The slow-moving storm stalled over the coast.", "The storm moved quickly along the coast before it stalled."),
        ("Members narrowly backed the pay offer.", "Members backed the pay offer by a slim margin."),
    ],
)  # fmt: skip
def test_speed_and_margin_agreeing(a: str, b: str) -> None:
    assert stance.stance_differs(a, b) == ""


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The bridge was opened in 1932 by Queen Mary.", [("opened", "Queen Mary")]),
        ("The fire was first spotted on May 1, 2016, by Halden Air in a remote area.", [("spotted", "Halden Air")]),
        ("The law was passed in March by the Fernhill Assembly.", [("passed", "Fernhill Assembly")]),
        ("The plant was built in the 1990s by Corvane Industries.", [("built", "Corvane Industries")]),
        ("Built in Dunmore by Tessel Engineering, the ferry sank.", [("built", "Tessel Engineering")]),
        ("The road was closed on Monday by police.", []),
        ("Prices rose in 2015 by 5%.", []),
    ],
)  # fmt: skip
def test_a_time_or_place_between_the_participle_and_its_agent(
    text: str, found: list[tuple[str, str]]
) -> None:
    assert speakers.agents(text) == found


def test_an_agent_after_a_dated_adjunct_differs() -> None:
    relation, reasons = related(
        "The treaty was signed in 1921 by the Ostmark Council.",
        "The treaty was signed by the Fernhill Assembly.",
    )
    assert relation is Relation.CONTRADICT
    assert "actor differs: Ostmark Council vs Fernhill Assembly" in reasons


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Volunteer divers searched the flooded mine for survivors overnight.",
         "Volunteer divers did not take part in the search of the flooded mine, the company said."),
        ("Local farmers helped build the new flood barrier.", "Local farmers did not play any role in building the flood barrier."),
        ("The army evacuated residents from the valley villages.", "The army did not take part in evacuating the valley villages."),
        ("Teachers joined the strike at the northern schools.", "Teachers at the northern schools did not participate in the strike."),
        ("Neighbours rescued the family from the burning house.", "Neighbours took no part in the rescue of the family from the house."),
    ],
)  # fmt: skip
def test_a_negation_reaches_the_event_after_a_light_verb(a: str, b: str) -> None:
    assert polarity.negation_differs(a, b).startswith("negation differs")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Teachers at the northern schools did not join the strike.", "Teachers at the northern schools took no part in the strike."),
        ("Fishing crews did not take part in the rescue.", "The rescue was carried out by the lifeboat service alone, with no fishing crews."),
        ("Local farmers played a large role in building the barrier.", "The barrier was built with the help of local farmers."),
        ("Miners did not join the march.", "No miners joined the march, organisers said."),
        ("Volunteers had no hand in the search.", "The search was left to the police; volunteers took no part in it."),
    ],
)  # fmt: skip
def test_a_denied_part_in_both_accounts_agrees(a: str, b: str) -> None:
    assert polarity.negation_differs(a, b) == ""


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The statement was issued by the ministry on Friday.", "The statement came from the mayor's office, not from the ministry."),
        ("The leaked memo was written by the finance director.", "The memo was drafted by an aide, not by the finance director."),
        ("The first warning came from the coast guard.", "The first warning came from a fishing crew, not the coast guard."),
        ("The order to evacuate was given by the governor.", "The order to evacuate was given by the mayor, not the governor."),
        ("The money was paid to the contractor in March.", "The money went to a subcontractor, not to the contractor."),
    ],
)  # fmt: skip
def test_a_correction_set_off_by_a_comma_is_about_the_clause_it_corrects(a: str, b: str) -> None:
    assert polarity.negation_differs(a, b).startswith("negation differs")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The order was given by the mayor, not the governor.", "The mayor gave the order."),
        ("The report was written by the auditor, not the minister.", "The auditor, not the minister, wrote the report."),
        ("The money went to a subcontractor, not to the contractor.", "The subcontractor was paid, not the contractor."),
    ],
)  # fmt: skip
def test_the_same_correction_agrees(a: str, b: str) -> None:
    assert polarity.negation_differs(a, b) == ""
