"""A long sentence told in two by another account: its second clause is linked when one fact differs there."""

import numpy as np

from compare.align.engine import SECOND_CLAUSE, compare
from compare.align.rescue import clause_link, clause_match, clause_overlap, fact_frame_pairs, next_to_a_link
from compare.model import Claim, Document, Relation
from compare.text.facts import extract


def _claim(cid: str, text: str) -> Claim:
    return Claim(cid, cid.split(":")[0], 0, len(text), text, extract(text))


def test_next_to_a_link_means_a_neighbouring_sentence_of_a_linked_claim():
    assert next_to_a_link(5, 3, [(5, 2)])
    assert next_to_a_link(4, 7, [(6, 7)])
    assert not next_to_a_link(5, 3, [(5, 3)])  # the link itself is not its own neighbour
    assert not next_to_a_link(5, 9, [(5, 2)])
    assert not next_to_a_link(4, 7, [(6, 7)], reach=1)  # two sentences away is not the next part


def test_clause_overlap_reads_the_words_around_the_differing_facts():
    a = _claim("d0:c0", "The bridge over the river was closed, and nine workers were hurt by falling steel.")
    b = _claim("d1:c1", "It said six workers were hurt by falling steel near the river.")
    assert clause_overlap(a, b, "number differs: nine vs six") >= 0.3
    c = _claim("d1:c2", "Six buses were added to the morning timetable.")
    assert clause_overlap(a, c, "number differs: nine vs Six") < 0.3
    assert clause_overlap(a, b, "shared names: Paris") == 0.0


def test_a_clause_match_needs_more_than_shared_names():
    a = _claim("d0:c0", "In the end nine Ferrari drivers were fined by stewards in Monaco.")
    b = _claim("d1:c1", "It said six Ferrari mechanics resigned in Monaco.")
    # Only the names are shared: the two figures count different people doing different things.
    assert not clause_match(a, b, "number differs: nine vs six")
    c = _claim("d1:c2", "It said six Ferrari drivers were fined in Monaco.")
    assert clause_match(a, c, "number differs: nine vs six")


def test_a_clause_that_names_another_subject_does_not_match():
    a = _claim("d0:c0", "Portugal finished first in Group B with three wins, before beating Spain.")
    b = _claim("d1:c1", "Brazil had won Group E with two wins and a draw.")
    assert not clause_match(a, b, "number differs: three vs two")


def test_a_clause_link_counts_the_same_stated_thing_and_tells_what_the_partner_does_not():
    a = _claim("d0:c0", "The bridge was closed, and nine workers were hurt by falling steel.")
    b = _claim("d1:c1", "It said six workers were hurt by falling steel near the river.")
    assert clause_link(a, b, "number differs: nine vs six")
    other_count = _claim("d1:c2", "It said six were hurt by falling steel near the river.")
    assert not clause_link(a, other_count, "number differs: nine vs six")  # six what?
    partner = _claim("d1:c0", "Nine workers were hurt by falling steel, and the bridge was closed.")
    # The account's linked sentence already tells this clause: the candidate is not the part left over.
    assert not clause_link(a, b, "number differs: nine vs six", partners_a=[partner])


def test_both_linked_claims_pair_on_a_fact_when_their_links_share_no_fact():
    base = [
        _claim("d0:c0", "Talks resumed in the capital."),
        _claim(
            "d0:c1", "The old truce, which failed, was broken when a strike killed at least 40 border guards."
        ),
    ]
    other = [
        _claim("d1:c0", "The old truce failed within a week."),
        _claim("d1:c1", "Days later an air strike hit a border post, killing at least 70 border guards."),
    ]
    strength = np.array([[0.2, 0.7], [0.7, 0.4]], dtype=np.float32)
    assert fact_frame_pairs(base, other, strength, [(0, 1), (1, 0)]) == [(1, 1)]
    # When a link already shares the figure's frame, it is the figure's counterpart: nothing is added.
    other[0] = _claim("d1:c0", "The old truce failed within a week, when a strike killed 70 border guards.")
    assert fact_frame_pairs(base, other, strength, [(0, 1), (1, 0)]) == []


def test_the_second_clause_of_a_split_sentence_is_linked_as_a_difference():
    base = Document(
        "d0",
        "Base",
        "The storm reached the coast at night. The harbour wall of the old port collapsed under the waves "
        "on Friday, and nine workers were hurt by falling stones near the pier. A new school opened in the "
        "valley.",
    )
    other = Document(
        "d1",
        "Other",
        "The harbour wall of the old port collapsed under the waves on Friday. Officials said six workers "
        "were hurt by falling stones near the pier. Farmers in the hills reported a poor harvest.",
    )
    result = compare([base, other])
    found = [
        lk.reasons
        for lk in result.links
        if "nine workers" in result.claim(lk.a).text
        and "six workers" in result.claim(lk.b).text
        and lk.relation is Relation.CONTRADICT
    ]
    assert found and found[0][0].startswith("number differs") and SECOND_CLAUSE in found[0], result.links


def test_a_clause_that_only_looks_alike_is_not_marked():
    base = Document(
        "d0",
        "Base",
        "The storm reached the coast at night. The harbour wall of the old port collapsed under the waves "
        "on Friday, and nine were hurt by falling stones near the pier. A new school opened in the valley.",
    )
    other = Document(
        "d1",
        "Other",
        "The harbour wall of the old port collapsed under the waves on Friday. Officials said six were hurt "
        "by falling stones near the pier. Farmers in the hills reported a poor harvest.",
    )
    result = compare([base, other])

    def pairs(links):
        return [
            lk.reasons
            for lk in links
            if "nine were" in result.claim(lk.a).text and "six were" in result.claim(lk.b).text
        ]

    # "nine" and "six" count nothing stated: not a mark, but the pair is there to review.
    assert not pairs(result.links)
    assert any(r[0].startswith("number differs") for r in pairs(result.suggestions)), result.suggestions


def test_another_figure_next_to_a_linked_sentence_is_not_a_second_clause():
    base = Document(
        "d0",
        "Base",
        "Rain fell all week. The quake killed 20 people in the old town, and 200 people were injured. "
        "Schools stayed shut.",
    )
    other = Document(
        "d1",
        "Other",
        "The quake killed 20 people in the old town. Another 35 people were killed in the hills. "
        "Schools stayed shut.",
    )
    result = compare([base, other])
    marked = [
        lk.reasons
        for lk in result.links
        if "200 people" in result.claim(lk.a).text and "35 people" in result.claim(lk.b).text
    ]
    assert not marked, marked
