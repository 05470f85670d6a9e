"""Issue 13, items 2-3: Link to… from a searchable list with the keyboard only, and the pair view."""

from __future__ import annotations

from compare.gui.actions import Act
from compare.gui.dialogs.link_dialog import PICK_IN_TEXTS, LinkDialog, link_targets
from compare.gui.qt import Qt
from compare.gui.views.pair_view import differing_spans, highlighted, pair_html
from compare.model import Claim, Facts, Link, LinkStatus, Quantity, Relation


def test_targets_put_the_likeliest_first(comparison):
    targets = link_targets(comparison, "d0:c2")
    assert targets[0].id == "d2:c2"  # "The river rose four metres in one night."
    assert {c.doc for c in targets} == {"d1", "d2"}
    # an account claim is offered the base's claims first
    assert link_targets(comparison, "d2:c4")[0].doc in ("d0", "d1")
    assert all(c.doc != "d2" for c in link_targets(comparison, "d2:c4"))


def test_dialog_is_keyboard_complete(qtbot, comparison):
    dialog = LinkDialog(comparison, "d0:c3")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.search.hasFocus() or dialog.focusWidget() is dialog.search
    qtbot.keyClicks(dialog.search, "dam")
    visible = [dialog.list.item(r) for r in range(dialog.list.count()) if not dialog.list.item(r).isHidden()]
    assert len(visible) == 2 and dialog.count.text() == f"2 of {dialog.list.count()} claims"
    first = dialog.chosen()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)  # moves the choice; the typing stays in the search
    assert dialog.chosen() != first and dialog.search.text() == "dam"
    qtbot.keyClick(dialog.search, Qt.Key.Key_Up)
    assert dialog.chosen() == first
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.chosen() in ("d1:c2", "d2:c3")


def test_no_match_disables_link(qtbot, comparison):
    dialog = LinkDialog(comparison, "d0:c3")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.search, "zebra crossing")
    assert dialog.chosen() is None and not dialog.ok_button.isEnabled()


def test_link_to_uses_the_list(window, monkeypatch):
    s = window.session
    s.select_claim("d0:c4")
    asked = []
    monkeypatch.setattr(window.edits, "ask_link_target", lambda cid: asked.append(cid) or "d2:c4")
    window.actions[Act.LINK].trigger()
    assert asked == ["d0:c4"]
    link = next(lk for lk in s.comparison.links if lk.key == ("d0:c4", "d2:c4"))
    assert link.status is LinkStatus.MANUAL
    assert s.link_key == ("d0:c4", "d2:c4")
    # the list can hand over to clicking in the texts
    s.select_claim("d0:c2")
    monkeypatch.setattr(window.edits, "ask_link_target", lambda cid: PICK_IN_TEXTS)
    window.actions[Act.LINK].trigger()
    assert window.edits.pending_link == "d0:c2"


def _claim(cid: str, text: str, facts: Facts) -> Claim:
    return Claim(cid, cid.split(":")[0], 0, len(text), text, facts)


def test_pair_view_highlights_facts_and_words():
    a = _claim("d0:c1", "At least 80 people died, officials said.", Facts(numbers=(Quantity(80, "80"),)))
    b = _claim("d2:c1", "62 people died, according to officials.", Facts(numbers=(Quantity(62, "62"),)))
    spans = differing_spans(a, b)
    assert [(a.text[s.start : s.end], s.kind) for s in spans] == [
        ("At", "word"),
        ("least", "word"),
        ("80", "fact"),
        ("said", "word"),
    ]
    assert spans[2].what == "number"
    assert [b.text[s.start : s.end] for s in differing_spans(b, a) if s.kind == "fact"] == ["62"]


def test_pair_view_marks_negation_and_speaker():
    a = _claim(
        "d0:c3", "The mayor said the dam did not fail.", Facts(negations=("not",), speaker="the mayor")
    )
    b = _claim("d2:c3", "A spokesman said the dam failed.", Facts(speaker="a spokesman"))
    facts = {(a.text[s.start : s.end], s.what) for s in differing_spans(a, b) if s.kind == "fact"}
    assert facts == {("not", "negation"), ("The mayor", "speaker")}


def test_pair_view_escapes_document_text():
    a = _claim("d0:c1", "<script>alert(1)</script> 80 died", Facts(numbers=(Quantity(80, "80"),)))
    b = _claim("d1:c1", "<b>62</b> died", Facts())
    out = highlighted(a, b) + pair_html(
        a, "<i>Base</i>", b, "Other", Link(a.id, b.id, Relation.CONTRADICT, 0.6, ("<x>",))
    )
    assert "<script>" not in out and "</script>" not in out and "&lt;" in out and "<b>62" not in out
    assert "&lt;i&gt;Base" in out and "&lt;x&gt;" in out


def test_details_show_the_pair_with_reasons(window):
    window.session.select_claim("d0:c1", ("d0:c1", "d2:c1"))
    html_text = window.details.browser.toHtml()
    text = window.details.browser.toPlainText()
    assert "At least 80 people died" in text and "62 people died" in text
    assert "number differs: at least 80 vs 62" in text and "Why" in text
    assert text.index("At least 80") < text.index("62 people died")  # one above the other
    assert "font-weight" in html_text or "font-weight:700" in html_text
