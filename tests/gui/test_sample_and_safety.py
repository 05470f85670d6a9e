"""The bundled sample, the self-test, and escaping of untrusted document text."""

from __future__ import annotations

import pytest
from fixture_data import build_comparison

from compare.gui.views.compare_view import claim_tooltip
from compare.gui.views.details import details_html
from compare.model import Claim, Comparison, Document, Link, Relation
from compare.review.queue import claim_counts

HOSTILE = '<img src=x onerror=alert(1)><script>alert("x")</script> & <b>bold</b>'


@pytest.fixture(scope="module")
def sample():
    workflows = pytest.importorskip("compare.workflows")
    return workflows.open_sample()


def test_sample_opens_with_legend_equal_to_counts(make_window, sample):
    window = make_window(sample)
    assert len(window.compare_view.panes) == len(sample.documents) >= 3
    assert window.legend.shown_counts() == claim_counts(sample)
    assert any(v["agree"] for v in sample.counts().values())
    assert sample.base.title and all(d.outlet for d in sample.accounts)
    # a difference to go to, and the table follows
    assert window.go_difference(1) is not None


def test_self_test_passes(tmp_path, capsys):
    pytest.importorskip("compare.store")
    from compare.gui.selftest import run

    assert run(tmp_path) == 0
    assert (tmp_path / "self-test.png").stat().st_size > 10_000
    assert (tmp_path / "self-test.ncproj").is_file()
    assert "self-test ok" in capsys.readouterr().out


def hostile_comparison() -> Comparison:
    t0, t1 = HOSTILE + " Base claim.", "Other " + HOSTILE
    d0 = Document("d0", "<i>Base</i>", t0, outlet="<u>x</u>")
    d1 = Document("d1", "Acc & co", t1)
    c0 = Claim("d0:c0", "d0", 0, len(t0), t0)
    c1 = Claim("d1:c0", "d1", 0, len(t1), t1)
    return Comparison((d0, d1), (c0, c1), (Link("d0:c0", "d1:c0", Relation.CONTRADICT, 0.5, (HOSTILE,)),))


def test_tooltips_and_details_escape_document_text():
    comp = hostile_comparison()
    for text in (claim_tooltip(comp, "d0:c0", None), details_html(comp, "d0:c0", None, comp.links[0])):
        assert "<script>" not in text and "<img" not in text and "<b>bold" not in text
        assert "&lt;script&gt;" in text


def test_panes_show_hostile_text_verbatim(make_window):
    window = make_window(hostile_comparison())
    view = window.compare_view.panes[0].view
    assert view.toPlainText().startswith(HOSTILE)
    assert window.compare_view.panes[0].header.full_text() == "BASE · <i>Base</i>"
    assert window.compare_view.panes[0].header.textFormat().name == "PlainText"


def test_html_report_escapes_everything(tmp_path):
    from compare.report.html_report import render_html, write_html_report

    text = render_html(hostile_comparison())
    assert "<script" not in text and "<img" not in text and "<i>Base</i>" not in text
    assert "&lt;script&gt;" in text
    out = write_html_report(build_comparison(), tmp_path / "r.html")
    body = out.read_text(encoding="utf-8")
    assert body.startswith("<!DOCTYPE html>")
    assert "number differs: at least 80 vs 62" in body
    assert "Only in Daily Courier (1)" in body


def test_self_test_failure_exits_1_with_the_reason(tmp_path, monkeypatch, capsys):
    workflows = pytest.importorskip("compare.workflows")
    from compare.gui.selftest import run
    from compare.model import InputError

    def broken(*a, **k):
        raise InputError("the bundled resources folder is missing")

    monkeypatch.setattr(workflows, "open_sample", broken)
    assert run(tmp_path) == 1
    assert "resources folder is missing" in capsys.readouterr().err


def test_a_working_session_on_the_sample(make_window, sample, qtbot):
    """Many steps a journalist takes, on real engine output: no exception escapes a handler or a paint."""
    from compare.gui.actions import Act

    window = make_window(sample)
    for account in [None, *(d.id for d in sample.accounts)]:
        window.focus_combo.setCurrentIndex(window.focus_combo.findData(account))
        for _ in range(5):
            window.actions[Act.NEXT_DIFF].trigger()
            window.repaint()
        window.actions[Act.PREV_DIFF].trigger()
    for pane in window.compare_view.panes:
        bar = pane.view.verticalScrollBar()
        for value in range(0, bar.maximum(), max(bar.maximum() // 10, 1)):
            bar.setValue(value)
            window.repaint()
    linked = next(lk for lk in sample.links if lk.active)
    window.session.select_claim(linked.a, linked.key)
    window.actions[Act.RELABEL].trigger()
    window.actions[Act.CONFIRM].trigger()
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert window.session.comparison is not None
    assert window.legend.shown_counts() == claim_counts(sample)
    window.tabs.setCurrentIndex(1)
    window.coverage_view.jump(window.coverage_view.model().index(0, 1))
    window.claims_panel.search.setText("Kerry")
    assert 0 < window.claims_panel.proxy.rowCount() < window.claims_panel.model.rowCount()
