"""The main window with the hand-built 3-document comparison."""

from __future__ import annotations

from fixture_data import EXPECTED_COUNTS

from compare.gui.actions import Act
from compare.gui.qt import QPoint, Qt, QTextCursor
from compare.model import Mark


def click_claim(qtbot, window, claim_id: str) -> None:
    pane = window.compare_view.pane_of(claim_id)
    claim = window.session.comparison.claim(claim_id)
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(claim.start + 2)
    rect = pane.view.cursorRect(cursor)
    qtbot.mouseClick(
        pane.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.x() + 1, rect.center().y())
    )


def test_fixture_opens_with_expected_counts(window, comparison):
    """The legend shows exactly the comparison's counts."""
    assert comparison.counts() == EXPECTED_COUNTS
    assert window.legend.shown_counts() == EXPECTED_COUNTS
    assert [p.document.id for p in window.compare_view.panes] == ["d0", "d1", "d2"]
    assert len(window.compare_view.bands) == 2
    assert window.claims_panel.model.rowCount() == len(comparison.claims)
    assert window.coverage_view.model().rowCount() == len(comparison.claims_of("d0"))


def test_panes_show_plain_text_and_marks(window, comparison):
    base = window.compare_view.panes[0].view
    assert base.toPlainText() == comparison.base.text
    assert base.marks["d0:c0"] is Mark.CONTRADICT  # differs in d1
    assert base.marks["d0:c4"] is Mark.OMITTED
    acc = window.compare_view.panes[1].view
    assert acc.marks["d1:c3"] is Mark.ONLY_HERE
    assert len(base.extraSelections()) == len(comparison.claims_of("d0"))


def test_clicking_a_claim_selects_its_counterparts(qtbot, window):
    click_claim(qtbot, window, "d0:c1")
    s = window.session
    assert s.selected == "d0:c1"
    assert window.compare_view.panes[1].view.related == {"d1:c1"}
    assert window.compare_view.panes[2].view.related == {"d2:c1"}
    assert s.current_link() is not None
    assert "d0:c1" in s.current_link().key
    text = window.details.browser.toPlainText()
    assert "At least 80 people died" in text
    assert window.details.links.count() == 2


def test_clicking_an_account_claim_highlights_other_accounts_through_base(qtbot, window):
    click_claim(qtbot, window, "d1:c1")
    assert window.session.selected == "d1:c1"
    assert window.compare_view.panes[0].view.related == {"d0:c1"}
    assert window.compare_view.panes[2].view.related == {"d2:c1"}


def test_next_difference_moves_the_selection(qtbot, window):
    stops = window.session.stops()
    assert stops, "the fixture has differences"
    window.actions[Act.NEXT_DIFF].trigger()
    first = window.session.selected
    assert first == stops[0]
    window.actions[Act.NEXT_DIFF].trigger()
    assert window.session.selected == stops[1] != first
    window.actions[Act.PREV_DIFF].trigger()
    assert window.session.selected == first
    # the table follows the selection
    idx = window.claims_panel.table.currentIndex()
    assert idx.data(Qt.ItemDataRole.UserRole + 1) == first


def test_difference_shortcuts_are_bound(window):
    keys = {s.toString() for s in window.actions[Act.NEXT_DIFF].shortcuts()}
    assert {"F8", "Alt+Down"} <= keys
    keys = {s.toString() for s in window.actions[Act.PREV_DIFF].shortcuts()}
    assert {"F7", "Alt+Up"} <= keys


def test_f8_key_goes_to_next_difference(qtbot, window):
    window.activateWindow()
    window.compare_view.panes[0].view.setFocus()
    qtbot.keyClick(window.compare_view.panes[0].view, Qt.Key.Key_F8)
    assert window.session.selected == window.session.stops()[0]


def test_focus_account_changes_base_marks(window):
    base = window.compare_view.panes[0].view
    assert base.marks["d0:c2"] is Mark.AGREE  # carried by d2, so found in some account
    window.focus_combo.setCurrentIndex(window.focus_combo.findData("d1"))
    assert window.session.focus == "d1"
    assert base.marks["d0:c2"] is Mark.OMITTED  # but not in d1
    assert base.marks["d0:c3"] is Mark.AGREE  # d1 agrees (d2 differs)
    assert window.session.stops()[0] == "d0:c0"


def test_bands_have_visible_paths_and_click_selects_pair(qtbot, window):
    band = window.compare_view.bands[0]
    paths = band.visible_paths()
    assert len(paths) == 4  # the four d0-d1 links
    path, pair = next((p, pr) for p, pr in paths if pr.left == "d0:c5")  # a band on its own line
    others = [p for p, pr in paths if pr is not pair]
    y = int(path.boundingRect().center().y())
    inside = next(
        (
            QPoint(x, y)
            for x in range(band.width())
            if path.contains(QPoint(x, y).toPointF())
            and not any(o.contains(QPoint(x, y).toPointF()) for o in others)
        ),
        None,
    )
    assert inside is not None
    qtbot.mouseClick(band, Qt.MouseButton.LeftButton, pos=inside)
    assert window.session.selected == pair.left


def test_coverage_click_jumps_to_claim(window):
    view = window.coverage_view
    index = view.model().index(1, 2)  # d0:c1 in d2: differs
    view.jump(index)
    assert window.session.selected == "d0:c1"
    assert window.session.focus is None  # "Compare base with" is not changed behind the person's back
    assert window.focus_combo.currentData() is None
    assert window.session.link_key == ("d0:c1", "d2:c1")


def test_sync_scroll_toggle(window):
    act = window.actions[Act.SYNC_SCROLL]
    assert act.isChecked()
    act.setChecked(False)
    assert window.compare_view.sync_scroll is False


def test_settings_are_remembered(make_window, settings):
    w1 = make_window()
    w1.resize(760, 700)
    w1.h_split.setSizes([500, 250])
    sizes = w1.h_split.sizes()
    w1.close()
    w2 = make_window(resize=False)
    assert w2.height() == 700
    assert w2.h_split.sizes() == sizes
    assert settings.value("geometry") is not None


def test_screenshot_is_written(qtbot, window, tmp_path):
    window.actions[Act.NEXT_DIFF].trigger()
    out = tmp_path / "main-window.png"
    assert window.grab().save(str(out))
    assert out.stat().st_size > 10_000


def test_dark_theme_switches_palette(window, qapp):
    from compare.gui.views.theme import is_dark

    window.actions[Act.DARK].setChecked(True)
    assert is_dark(qapp.palette())
    window.actions[Act.DARK].setChecked(False)
    assert not is_dark(qapp.palette())


def test_about_box_names_version_and_licences(window, messages):
    from compare import __version__

    window.actions[Act.ABOUT].trigger()
    title, text = messages[-1]
    assert __version__ in text
    assert "LGPL" in text and "MIT" in text


def test_widgets_have_accessible_names(window):
    for w in (
        window.compare_view,
        window.claims_panel.table,
        window.coverage_view,
        window.legend,
        window.details.browser,
        *(p.view for p in window.compare_view.panes),
        *window.compare_view.bands,
    ):
        assert w.accessibleName(), w
    for act in window.actions.values():
        assert act.toolTip()


def test_next_difference_continues_from_the_selected_claim(window):
    stops = window.session.stops()
    assert stops == ["d0:c0", "d0:c1", "d0:c3"]  # differences only; not found and only-here are F6's
    window.session.select_claim("d0:c2")  # carried by d2: not a stop under "all accounts"
    assert window.go_difference(1) == "d0:c3"
    window.session.select_claim("d0:c2")
    assert window.go_difference(-1) == "d0:c1"


def test_shortcuts_dialog_lists_every_bound_action(qtbot):
    from compare.gui.actions import SPECS
    from compare.gui.dialogs.basic import ShortcutsDialog

    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    names = {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
    for spec in SPECS.values():
        if spec.shortcuts:
            assert spec.text.replace("&", "").rstrip("…") in names
    assert "Undo" in names


def test_licence_notices_open_as_plain_text(qtbot):
    from compare.gui.dialogs.basic import TextDialog
    from compare.gui.resources import notices_file

    path = notices_file()
    assert path is not None, "resources/licenses/THIRD-PARTY-NOTICES.txt is bundled"
    dialog = TextDialog("Licences", path.read_text(encoding="utf-8"))
    qtbot.addWidget(dialog)
    assert "LGPL" in dialog.view.toPlainText()


def test_band_tooltip_gives_reasons_escaped(window):
    band = window.compare_view.bands[0]
    pair = next(p for _, p in band.visible_paths() if p.left == "d0:c0")
    text = band.describe(pair)
    assert "date differs: 19 September vs 17 September" in text
    assert "Differs" in text
