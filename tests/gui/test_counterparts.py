"""Issue 13, items 1-2 with the engine's confidence: possible counterparts offered for the selected claim,
linked with one key; confidence shown in the details and the claims table."""

from __future__ import annotations

import dataclasses

import pytest

from compare.gui.actions import Act
from compare.gui.qt import Qt
from compare.model import Candidate, Link, LinkStatus, Relation
from compare.review.queue import Kind, possible_counterparts, review_queue


@pytest.fixture
def offered(comparison):
    links = tuple(
        dataclasses.replace(lk, confidence=0.82) if lk.key == ("d0:c0", "d1:c0") else lk
        for lk in comparison.links
    )
    suggestion = Link(
        "d0:c4",
        "d2:c4",
        Relation.AGREE,
        0.44,
        ("few words in common", "not sure enough to mark"),
        confidence=0.38,
    )
    candidates = (
        Candidate("d0:c4", "d2:c4", 0.44, 0.38, 1),
        Candidate("d0:c4", "d1:c3", 0.31, 0.12, 1),
        Candidate("d0:c4", "d2:c3", 0.29, 0.09, 2),
        Candidate("d0:c4", "d2:c2", 0.20, 0.03, 3),  # the engine is guessing: not offered
        Candidate("d0:c1", "d1:c3", 0.35, 0.30, 2),  # d0:c1 already has a counterpart in d1: not offered
        Candidate("d0:c0", "d1:c0", 0.74, 0.82, 1),  # already linked: not offered again
    )
    return dataclasses.replace(comparison, links=links, suggestions=(suggestion,), candidates=candidates)


def test_offers_most_likely_first_without_what_is_linked(offered):
    offers = possible_counterparts(offered, "d0:c4")
    assert [o.other for o in offers] == ["d2:c4", "d1:c3", "d2:c3"]
    assert offers[0].confidence == pytest.approx(0.38) and "not sure enough to mark" in offers[0].reasons
    assert offers[0].suggested and not offers[1].suggested
    assert possible_counterparts(offered, "d0:c0") == []
    assert possible_counterparts(offered, "d0:c1") == []
    assert [o.other for o in possible_counterparts(offered, "d0:c4", per_account=1)] == ["d2:c4", "d1:c3"]
    items = review_queue(offered)
    assert [(i.claim, i.kind) for i in items if i.kind is Kind.SUGGESTION] == [("d0:c4", Kind.SUGGESTION)]


def test_one_key_links_the_chosen_counterpart(make_window, offered, qtbot):
    window = make_window(offered)
    window.session.select_claim("d0:c4")
    offers = window.details.offers
    assert offers.isVisible() and offers.count() == 3
    assert offers.item(0).text().startswith("★ 38% · Evening Post: Volunteers")
    offers.setFocus()
    offers.setCurrentRow(1)
    qtbot.keyClick(offers, Qt.Key.Key_Return)
    link = next(lk for lk in window.session.comparison.links if lk.key == ("d0:c4", "d1:c3"))
    assert link.status is LinkStatus.MANUAL
    assert window.session.link_key == ("d0:c4", "d1:c3")
    assert [
        window.details.offers.item(r).text().split(": ")[0] for r in range(window.details.offers.count())
    ] == [
        "★ 38% · Evening Post",
        "9% · Evening Post",
    ]
    # the window's key links the first one
    window.actions[Act.LINK_OFFER].trigger()
    assert any(
        lk.key == ("d0:c4", "d2:c4") and lk.status is LinkStatus.MANUAL
        for lk in window.session.comparison.links
    )
    # a suggestion a person linked counts as checked
    assert all(i.checked for i in window.session.queue() if i.kind is Kind.SUGGESTION)


def test_no_offers_hides_the_list(window):
    window.session.select_claim("d0:c1")
    assert not window.details.offers.isVisible()
    window.actions[Act.LINK_OFFER].trigger()
    assert "No possible counterpart" in window.statusBar().currentMessage()


def test_confidence_in_details_and_table(make_window, offered):
    window = make_window(offered)
    window.session.select_claim("d0:c0", ("d0:c0", "d1:c0"))
    assert "score 0.74 · confidence 82%" in window.details.browser.toPlainText()
    assert "· 82% ·" in window.details.links.item(0).text()
    model = window.claims_panel.model
    assert model.index(model.row_of("d1:c0"), 2).data() == "0.74 · 82%"
    assert model.index(model.row_of("d0:c2"), 2).data() == "0.88"  # no estimate: no percentage


def test_suggestions_come_before_likelier_candidates(offered):
    candidates = (*offered.candidates, Candidate("d0:c4", "d1:c4", 0.5, 0.9, 1))
    offers = possible_counterparts(dataclasses.replace(offered, candidates=candidates), "d0:c4")
    assert [o.other for o in offers][:2] == ["d2:c4", "d1:c4"]
