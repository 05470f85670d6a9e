"""Issue 13, items 5-7: the window fits screens from 1280x800, the threshold can be trusted, Cancel keeps the
previous result and says so."""

from __future__ import annotations

import dataclasses

import pytest

from compare import workflows
from compare.gui.main_window import clamp_geometry, initial_geometry
from compare.gui.qt import QRect, QToolButton
from compare.gui.views.threshold import DEFAULT_THRESHOLD, threshold_words
from compare.model import AlignSettings, Cancelled


def wait(qtbot, op):
    assert op is not None
    if op.running:
        qtbot.waitSignal(op.finished, timeout=20_000).wait()


def hidden_toolbar_items(window) -> list[str]:
    tb = window.toolbar
    hidden = []
    for action in tb.actions():
        widget = tb.widgetForAction(action)
        if action.isSeparator():
            continue
        if widget is None or not widget.isVisible():
            hidden.append(action.iconText() or action.objectName() or repr(widget))
    return hidden


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_no_toolbar_action_is_hidden(make_window, qapp, tmp_path, size):
    window = make_window(resize=False)
    # a 1280x800 screen leaves about 1264x730 for the window once the taskbar and the frame are counted
    window.resize(size[0] - 16, size[1] - 70)
    qapp.processEvents()
    ext = window.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert ext is None or not ext.isVisible(), "the toolbar overflows into »"
    assert hidden_toolbar_items(window) == []
    assert window.toolbar.sizeHint().width() <= size[0] - 16
    # the details panel and the status bar are on screen, not cut off
    assert window.details.isVisible() and window.details.height() > 150
    assert window.statusBar().geometry().bottom() <= window.height()
    assert window.minimumSizeHint().width() <= 1264 and window.minimumSizeHint().height() <= 730
    path = tmp_path / f"window-{size[0]}x{size[1]}.png"
    assert window.grab().save(str(path)) and path.stat().st_size > 10_000


def test_first_window_takes_its_size_from_the_screen():
    small = initial_geometry(QRect(0, 0, 1280, 770))
    assert small.width() <= 1280 - 16 and small.height() <= 770 - 40
    assert small.width() >= 1200 and small.height() >= 700  # uses what there is
    big = initial_geometry(QRect(0, 0, 2560, 1400))
    assert (big.width(), big.height()) == (1600, 1000)
    assert big.center().x() == pytest.approx(1280, abs=2)


def test_remembered_geometry_is_clamped_to_a_smaller_screen():
    fitted = clamp_geometry(QRect(900, 300, 1600, 1000), QRect(0, 0, 1280, 770))
    assert fitted.width() <= 1264 and fitted.height() <= 730
    assert QRect(0, 0, 1280, 770).contains(fitted)
    same = clamp_geometry(QRect(10, 20, 800, 600), QRect(0, 0, 1920, 1050))
    assert same == QRect(10, 20, 800, 600)


def test_geometry_is_remembered(make_window, settings, qapp):
    window = make_window(resize=False)
    window.resize(1111, 611)
    window.save_settings()
    window.close()
    again = make_window(resize=False)
    # the offscreen test screen is narrower than 1111 px, so only the height comes back as it was
    assert again.height() == 611
    assert again.width() <= max(1111, again.minimumSizeHint().width())


def test_long_titles_are_elided_in_the_middle_with_the_whole_title_in_the_tooltip(
    make_window, comparison, qapp
):
    base = comparison.base
    long = dataclasses.replace(base, title="Start of a very long headline " + "x" * 200 + " end of it")
    window = make_window(dataclasses.replace(comparison, documents=(long, *comparison.accounts)))
    header = window.compare_view.panes[0].header
    shown = header.text()
    assert "…" in shown and shown.startswith("BASE · Start") and shown.endswith("end of it")
    assert "end of it" in header.toolTip() and "Start of a very long headline" in header.toolTip()


def test_threshold_shows_its_default_and_resets(window):
    control = window.threshold
    assert control.value() == pytest.approx(DEFAULT_THRESHOLD)
    assert "(default)" in control.label.text() and not control.reset.isEnabled()
    assert 0 < control.slider.default_x() < control.slider.width()
    control.slider.setValue(40)
    assert control.label.text() == "Threshold 0.40" and control.reset.isEnabled()
    assert "slider at 0.40" in window.status_summary  # status and slider tell the same story
    control.reset.click()
    assert control.value() == pytest.approx(DEFAULT_THRESHOLD)
    assert "slider at" not in window.status_summary
    assert threshold_words(0.45) == "0.45 (default 0.55)"


def test_status_and_slider_agree_after_realign(qtbot, window):
    window.threshold_slider.setValue(45)
    wait(qtbot, window.files.realign())
    assert window.session.comparison.settings.threshold == pytest.approx(0.45)
    assert window.threshold.value() == pytest.approx(0.45)
    assert "threshold 0.45 (default 0.55)" in window.status_summary
    assert "slider at" not in window.status_summary


def test_cancel_keeps_the_previous_result_and_says_so(qtbot, window, monkeypatch):
    before = window.session.comparison

    def cancelled(*_a, **_k):
        raise Cancelled("cancelled")

    monkeypatch.setattr(workflows, "align", cancelled)
    window.threshold_slider.setValue(30)
    wait(qtbot, window.files.realign())
    assert window.session.comparison is before
    assert window.statusBar().currentMessage() == "Cancelled, the previous result is kept."
    assert window.threshold.value() == pytest.approx(before.settings.threshold)
    assert "slider at" not in window.status_summary


def test_a_new_comparison_starts_from_the_default(qtbot, make_window, comparison):
    loose = dataclasses.replace(comparison, settings=AlignSettings(threshold=0.45))
    window = make_window(loose)
    assert window.threshold.value() == pytest.approx(0.45)
    wait(qtbot, window.files.open_sample())
    assert window.session.comparison.settings.threshold == pytest.approx(DEFAULT_THRESHOLD)
    assert window.threshold.value() == pytest.approx(DEFAULT_THRESHOLD)
    assert "0.55 (default)" in window.statusBar().currentMessage()


def test_a_threshold_chosen_before_opening_is_used(qtbot, window):
    window.threshold_slider.setValue(60)
    wait(qtbot, window.files.open_sample())
    assert window.session.comparison.settings.threshold == pytest.approx(0.60)
    assert window.threshold.value() == pytest.approx(0.60)


def test_threshold_travels_in_the_project(qtbot, make_window, comparison, tmp_path):
    pytest.importorskip("sqlite_utils")
    window = make_window(dataclasses.replace(comparison, settings=AlignSettings(threshold=0.62)))
    path = tmp_path / "story.ncproj"
    assert window.files._save_to(path)
    wait(qtbot, window.files.open_paths([path]))
    assert window.session.comparison.settings.threshold == pytest.approx(0.62)
    assert window.threshold.value() == pytest.approx(0.62)


def test_report_states_threshold_and_matching_mode(comparison):
    from compare.report.html_report import render_html

    text = render_html(
        dataclasses.replace(comparison, settings=AlignSettings(threshold=0.45, semantic=False))
    )
    assert "Link threshold 0.45 (the default is 0.55)" in text and "by wording only" in text
    assert "engine fixture" in text
    text = render_html(dataclasses.replace(comparison, settings=AlignSettings(semantic=True)))
    assert "Link threshold 0.55 (the default)" in text and "by meaning (semantic)" in text


def test_a_narrow_pane_keeps_the_claim_count_and_drops_the_date_first(make_window, comparison, qapp):
    account = comparison.accounts[0]
    named = dataclasses.replace(
        account, outlet="The Very Long Name Of An Outlet Weekly", date="21 October 2016"
    )
    others = tuple(d for d in comparison.accounts if d.id != account.id)
    window = make_window(dataclasses.replace(comparison, documents=(comparison.base, named, *others)))
    details = window.compare_view.panes[1].subheader
    count = f"{len(comparison.claims_of(named.id))} claims"
    for width in (900, 260, 150, 60):
        details.resize(width, details.height())
        shown = details.text()
        assert shown.endswith(count), (width, shown)
        if "21 October 2016" not in shown and width > 150:
            assert shown.startswith("The Very Long Name"), (width, shown)
    details.resize(900, details.height())
    assert details.text() == f"The Very Long Name Of An Outlet Weekly · 21 October 2016 · {count}"
