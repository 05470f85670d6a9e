"""Issue 13, item 4: bands show what the engine compared (each account with the base)."""

from __future__ import annotations

from compare.review.navigation import pane_order


def order(window):
    return [p.document.id for p in window.compare_view.panes]


def test_compared_account_sits_next_to_the_base(window, comparison):
    assert pane_order(comparison, None) == ["d0", "d1", "d2"]
    assert pane_order(comparison, "d2") == ["d0", "d2", "d1"]
    panes = {p.document.id: p for p in window.compare_view.panes}
    window.focus_combo.setCurrentIndex(window.focus_combo.findData("d2"))
    assert window.session.focus == "d2"
    assert order(window) == ["d0", "d2", "d1"]
    assert {p.document.id: p for p in window.compare_view.panes} == panes  # moved, not rebuilt
    band = window.compare_view.bands[0]
    assert (band.left, band.right) == (panes["d0"].view, panes["d2"].view)
    pairs = window.compare_view.pairs("d0", "d2")
    assert pairs and all(p.link is not None and not p.via for p in pairs)
    linked = {(lk.a, lk.b) for lk in comparison.links if lk.b.startswith("d2:")}
    assert {(p.left, p.right) for p in pairs} == linked
    window.focus_combo.setCurrentIndex(0)
    assert order(window) == ["d0", "d1", "d2"]


def test_bands_between_accounts_are_grey_and_say_why(window):
    band = window.compare_view.bands[1]  # between d1 and d2: neither is the base
    pairs = [p for _, p in band.visible_paths()]
    assert pairs and all(p.via and p.link is None for p in pairs)
    text = band.describe(pairs[0])
    assert "same base claim" in text and "compared with the base" in text
    # each coloured band touches the base
    first = [p for _, p in window.compare_view.bands[0].visible_paths()]
    assert first and all(p.link is not None for p in first)

    def most_saturated(widget) -> int:
        image = widget.grab().toImage()
        return max(
            image.pixelColor(x, y).hsvSaturation()
            for x in range(0, image.width(), 2)
            for y in range(0, image.height(), 3)
        )

    assert most_saturated(band) < 40  # grey: no relation colour between two accounts
    assert most_saturated(window.compare_view.bands[0]) > 80  # coloured by relation


def test_a_pasted_account_is_compared_with_the_base(qtbot, window):
    op = window.files.add_pasted(
        "Third account\n\nThe river rose by four metres overnight. Looters were seen.", "Third", "Agency"
    )
    if op is not None and op.running:
        qtbot.waitSignal(op.finished, timeout=20_000).wait()
    new = window.session.comparison.documents[-1].id
    window.focus_combo.setCurrentIndex(window.focus_combo.findData(new))
    assert order(window)[:2] == ["d0", new]
    pairs = window.compare_view.pairs("d0", new)
    assert all(p.link is not None for p in pairs)
