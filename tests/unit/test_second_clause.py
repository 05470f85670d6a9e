"""A long sentence told in two by another account: its second clause is offered when one fact differs there."""

from compare.align.engine import compare
from compare.align.rescue import clause_overlap, next_to_a_link
from compare.model import Claim, Document, Relation
from compare.text.facts import extract


def _claim(cid: str, text: str) -> Claim:
    return Claim(cid, cid.split(":")[0], 0, len(text), text, extract(text))


def test_next_to_a_link_means_a_neighbouring_sentence_of_a_linked_claim():
    assert next_to_a_link(5, 3, [(5, 2)])
    assert next_to_a_link(4, 7, [(6, 7)])
    assert not next_to_a_link(5, 3, [(5, 3)])  # the link itself is not its own neighbour
    assert not next_to_a_link(5, 9, [(5, 2)])


def test_clause_overlap_reads_the_words_around_the_differing_facts():
    a = _claim("d0:c0", "The bridge over the river was closed, and nine workers were hurt by falling steel.")
    b = _claim("d1:c1", "It said six workers were hurt by falling steel near the river.")
    assert clause_overlap(a, b, "number differs: nine vs six") >= 0.3
    c = _claim("d1:c2", "Six buses were added to the morning timetable.")
    assert clause_overlap(a, c, "number differs: nine vs Six") < 0.3
    assert clause_overlap(a, b, "shared names: Paris") == 0.0


def test_the_second_clause_of_a_split_sentence_is_offered_as_a_difference():
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
        for lk in (*result.links, *result.suggestions)
        if "nine workers" in result.claim(lk.a).text
        and "six workers" in result.claim(lk.b).text
        and lk.relation is Relation.CONTRADICT
    ]
    assert found and any(r.startswith("number differs") for r in found[0]), result.suggestions
