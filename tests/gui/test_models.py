"""Table models follow the Qt model protocol, and the filter proxy filters."""

from __future__ import annotations

from compare.gui.session import Session
from compare.gui.views.claims_table import CLAIM_ID_ROLE, ClaimFilterProxy, ClaimsModel
from compare.gui.views.coverage import CoverageModel
from compare.model import Mark


def test_claims_model_passes_modeltester(qtmodeltester, comparison):
    model = ClaimsModel(Session(comparison))
    qtmodeltester.check(model)


def test_claims_proxy_passes_modeltester(qtmodeltester, comparison):
    proxy = ClaimFilterProxy()
    proxy.setSourceModel(ClaimsModel(Session(comparison)))
    proxy.set_filters(text="valley")
    qtmodeltester.check(proxy)


def test_coverage_model_passes_modeltester(qtmodeltester, comparison):
    qtmodeltester.check(CoverageModel(Session(comparison)))


def _ids(proxy):
    return [proxy.index(r, 0).data(CLAIM_ID_ROLE) for r in range(proxy.rowCount())]


def test_proxy_filters_by_mark_account_score_and_text(comparison):
    proxy = ClaimFilterProxy()
    proxy.setSourceModel(ClaimsModel(Session(comparison)))
    assert proxy.rowCount() == len(comparison.claims)
    proxy.set_filters(marks={Mark.ONLY_HERE.value})
    assert sorted(_ids(proxy)) == ["d1:c3", "d2:c4"]
    proxy.set_filters(marks=None, account="d2")
    assert all(i.startswith("d2:") for i in _ids(proxy)) and len(_ids(proxy)) == 5
    proxy.set_filters(account=None, min_score=0.9)
    assert set(_ids(proxy)) == {"d0:c3", "d1:c2"}  # the 0.97 link; d0:c3's best is 0.97
    proxy.set_filters(min_score=0.0, text="SPOKESMAN")
    assert "d2:c3" in _ids(proxy)


def test_proxy_sorts_by_score(comparison):
    proxy = ClaimFilterProxy()
    proxy.setSourceModel(ClaimsModel(Session(comparison)))
    proxy.sort(2)
    scores = [proxy.index(r, 2).data() for r in range(proxy.rowCount())]
    numeric = [float(s) for s in scores if s]
    assert numeric == sorted(numeric)
    assert scores[0] == ""  # claims without a link sort first


def test_coverage_totals_in_header(comparison):
    model = CoverageModel(Session(comparison))
    qt = __import__("compare.gui.qt", fromlist=["Qt"]).Qt
    header = model.headerData(1, qt.Orientation.Horizontal)
    tip = model.headerData(1, qt.Orientation.Horizontal, qt.ItemDataRole.ToolTipRole)
    counts = comparison.counts()["d1"]
    assert f"− {counts['omitted']}" in header
    assert f"≠ {counts['contradict']}" in header
    assert f"{counts['omitted']} not found" in tip
    assert f"{counts['contradict']} differ" in tip
