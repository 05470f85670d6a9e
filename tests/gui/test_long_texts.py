"""Long texts: marks are painted only near the visible part, and follow the scrolling."""

from __future__ import annotations

from compare.model import Claim, Comparison, Document, Link, Relation


def long_comparison(n: int = 400) -> Comparison:
    docs, claims = [], []
    for d in ("d0", "d1"):
        text, mine = "", []
        for i in range(n):
            sentence = f"Sentence number {i} of text {d} says that the river rose by {i} metres."
            start = len(text)
            text += sentence + "\n\n"
            mine.append(Claim(f"{d}:c{i}", d, start, start + len(sentence), sentence))
        docs.append(Document(d, f"Text {d}", text))
        claims += mine
    links = tuple(
        Link(f"d0:c{i}", f"d1:c{i}", Relation.AGREE, 0.9, ("same numbers",)) for i in range(0, n, 2)
    )
    return Comparison(tuple(docs), tuple(claims), links)


def starts(view) -> list[int]:
    selections = view.extraSelections()
    return [s.cursor.selectionStart() for s in selections]


def test_only_claims_near_the_view_are_painted_and_scrolling_brings_more(make_window, qapp, qtbot):
    window = make_window(long_comparison())
    qapp.processEvents()  # the marks follow the layout once it has settled
    view = window.compare_view.panes[0].view
    painted = starts(view)
    assert 0 < len(painted) < 200  # not all 400
    assert painted[0] == 0
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    qapp.processEvents()
    last_claim = view.claims[-1]
    assert last_claim.start in starts(view) and 0 not in starts(view)
    # selecting a far claim scrolls to it and paints it as selected
    window.session.select_claim("d0:c10")
    qapp.processEvents()
    assert window.session.comparison.claim("d0:c10").start in starts(view)
