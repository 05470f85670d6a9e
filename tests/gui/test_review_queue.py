"""Issue 13, item 1: the review queue (F8/F7 differences, F6/Shift+F6 the rest, "n of m checked"), legend and
coverage agreeing, and a person's decisions looking different from the engine's proposals."""

from __future__ import annotations

import dataclasses

from compare.gui.actions import Act
from compare.gui.qt import Qt
from compare.model import Coverage, Link, LinkStatus, Relation
from compare.review.queue import Decision, Kind, claim_counts, decision, review_queue


def kinds(items):
    return [(i.claim, i.kind.value, i.checked) for i in items]


def test_queue_orders_differences_then_the_rest(comparison):
    assert kinds(review_queue(comparison)) == [
        ("d0:c0", "difference", False),
        ("d0:c1", "difference", False),
        ("d0:c3", "difference", False),
        ("d0:c4", "omission", False),  # in no account
        ("d1:c3", "only_here", False),
        ("d2:c4", "only_here", False),
    ]
    # against one account, its own gaps count
    assert kinds(review_queue(comparison, "d1")) == [
        ("d0:c0", "difference", False),
        ("d0:c2", "omission", False),
        ("d0:c4", "omission", False),
        ("d1:c3", "only_here", False),
    ]


def test_suggestions_come_after_differences(comparison):
    offered = Link("d0:c4", "d2:c4", Relation.AGREE, 0.41, ("few words in common",))
    items = review_queue(dataclasses.replace(comparison, suggestions=(offered,)))
    assert [i.kind for i in items][:4] == [Kind.DIFFERENCE] * 3 + [Kind.SUGGESTION]
    assert items[3].claim == "d0:c4" and items[3].other == "d2:c4"


def test_decisions(comparison):
    from compare.review import edits

    c = edits.confirm_link(comparison, ("d0:c0", "d1:c0"))
    assert decision(c, "d0:c0") is Decision.CONFIRMED
    assert decision(c, "d0:c0", "d2") is None
    c, _ = edits.link_claims(c, "d0:c4", "d2:c4")
    assert decision(c, "d2:c4") is Decision.MANUAL
    c = edits.reject_link(c, ("d0:c2", "d2:c2"))
    assert decision(c, "d0:c2") is Decision.REJECTED


def test_f8_steps_through_differences_only(window):
    seen = []
    for _ in range(4):
        window.actions[Act.NEXT_DIFF].trigger()
        seen.append(window.session.selected)
    assert seen == ["d0:c0", "d0:c1", "d0:c3", "d0:c0"]
    keys = {k.toString() for k in window.actions[Act.NEXT_CHECK].shortcuts()}
    assert keys == {"F6"}
    assert {k.toString() for k in window.actions[Act.PREV_CHECK].shortcuts()} == {"Shift+F6"}


def test_f6_steps_through_what_is_left_and_skips_what_is_checked(window):
    act = window.actions[Act.NEXT_CHECK]
    assert window.review_bar.line.text() == "Review: 0 of 6 checked"
    act.trigger()
    assert window.session.selected == "d0:c4"
    window.actions[Act.MARK_CHECKED].trigger()
    assert window.review_bar.line.text() == "Review: 1 of 6 checked"
    act.trigger()
    assert window.session.selected == "d1:c3"
    act.trigger()
    assert window.session.selected == "d2:c4"
    act.trigger()
    assert window.session.selected == "d1:c3"  # wraps, skipping the checked d0:c4
    window.actions[Act.PREV_CHECK].trigger()
    assert window.session.selected == "d2:c4"
    # undo takes the check back
    window.undo_action.trigger()
    assert window.review_bar.line.text() == "Review: 0 of 6 checked"


def test_mark_checked_twice_removes_it_and_never_overwrites_a_note(window):
    s = window.session
    s.select_claim("d0:c4")
    window.edits.set_note("d0:c4", "call the council", "")
    window.actions[Act.MARK_CHECKED].trigger()
    assert s.comparison.annotations[-1].label == "call the council"
    assert "already counts as checked" in window.statusBar().currentMessage()
    s.select_claim("d1:c3")
    window.actions[Act.MARK_CHECKED].trigger()
    window.actions[Act.MARK_CHECKED].trigger()
    assert not any(a.target == "d1:c3" for a in s.comparison.annotations)


def test_confirming_a_difference_counts_as_checked(window):
    s = window.session
    s.select_claim("d0:c0", ("d0:c0", "d1:c0"))
    window.actions[Act.CONFIRM].trigger()
    assert window.review_bar.line.text() == "Review: 1 of 6 checked"
    assert "differences 1/3" in window.review_bar.detail.text()
    assert "not found in any account 0/1" in window.review_bar.detail.text()
    window.focus_combo.setCurrentIndex(window.focus_combo.findData("d1"))
    assert "not found in the account 0/2" in window.review_bar.detail.text()


def test_legend_and_coverage_headers_agree(window):
    counts = claim_counts(window.session.comparison)
    assert window.legend.shown_counts() == counts
    model = window.coverage_view.model()
    for col, doc in enumerate(window.session.comparison.accounts, start=1):
        t = model.totals(col)
        assert (t[Coverage.CARRIED], t[Coverage.CONTRADICTED], t[Coverage.OMITTED]) == (
            counts[doc.id]["agree"],
            counts[doc.id]["contradict"],
            counts[doc.id]["omitted"],
        )
        header = model.headerData(col, Qt.Orientation.Horizontal)
        assert f"= {counts[doc.id]['agree']}" in header


def test_legend_counts_claims_not_links(make_window, comparison):
    # a base claim told in two sentences of an account is one claim carried, as in the coverage matrix
    extra = Link("d0:c1", "d1:c3", Relation.AGREE, 0.7, ("same numbers: 80",))
    window = make_window(dataclasses.replace(comparison, links=(*comparison.links, extra)))
    assert comparison.counts()["d1"]["agree"] == 3
    assert window.legend.shown_counts()["d1"]["agree"] == 3  # still 3 base claims carried
    assert window.coverage_view.model().totals(1)[Coverage.CARRIED] == 3


def test_decisions_are_drawn_beside_the_marks(window):
    s = window.session
    s.select_claim("d0:c0", ("d0:c0", "d1:c0"))
    window.actions[Act.CONFIRM].trigger()
    s.select_claim("d0:c2", ("d0:c2", "d2:c2"))
    window.actions[Act.REJECT].trigger()
    window.edits.link(*("d0:c4", "d2:c4"))
    base = window.compare_view.panes[0].view
    assert base.decisions == {
        "d0:c0": Decision.CONFIRMED,
        "d0:c2": Decision.REJECTED,
        "d0:c4": Decision.MANUAL,
    }
    model = window.claims_panel.model
    text = model.index(model.row_of("d0:c0"), 1).data()
    assert text.endswith("✓")
    assert model.index(model.row_of("d0:c4"), 1).data().endswith("✍")
    assert any(lk.status is LinkStatus.MANUAL for lk in s.comparison.links)
    assert "✓ confirmed" in window.legend.decisions.text()
