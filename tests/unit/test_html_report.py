"""The HTML report to send: summary first, header with how it was made and who checked what; from the CLI."""

from __future__ import annotations

import dataclasses
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "gui"))
from fixture_data import build_comparison  # noqa: E402

from compare.cli import main  # noqa: E402
from compare.model import AlignSettings, Annotation, Link, LinkStatus, Relation  # noqa: E402
from compare.report.html_report import people_line, render_html  # noqa: E402


def sections(text: str) -> list[str]:
    ids = ['id="differences"', 'id="left-out"', 'id="only-one"', "id='side-by-side'"]
    return sorted(ids, key=text.index)


def test_summary_comes_first_and_lists_every_difference():
    comparison = dataclasses.replace(build_comparison(), settings=AlignSettings(semantic=False))
    text = render_html(comparison, now=datetime(2026, 1, 2, 3, 4, tzinfo=UTC))
    assert sections(text) == ['id="differences"', 'id="left-out"', 'id="only-one"', "id='side-by-side'"]
    assert "Differences (3)" in text
    summary = text[: text.index("id='side-by-side'")]
    for reason in (
        "date differs: 19 September vs 17 September",
        "number differs: at least 80 vs 62",
        "negation differs: did not fail vs failed",
    ):
        assert reason in summary
    # both claims of each difference are in the summary
    assert "At least 80 people died" in summary and "62 people died, according to officials." in summary
    assert "Not found in Daily Courier: 2 of 6 base claims" in summary
    assert "Only in the base, Wire Service (1)" in summary  # "Relief convoys..." is in no account
    assert "Only in Evening Post (1)" in summary and "Volunteers from nearby towns arrived." in summary
    assert "Generated 2026-01-02 03:04 UTC by Narrative Compare" in text
    assert "Link threshold 0.55 (the default); claims matched by wording only; engine fixture." in text
    assert "@media print" in text and "page-break-inside:avoid" in text


def test_header_says_what_people_checked():
    comparison = build_comparison()
    assert people_line(comparison).startswith("No mark has been checked by a person")
    links = list(comparison.links)
    links[0] = dataclasses.replace(links[0], status=LinkStatus.CONFIRMED)
    links[1] = dataclasses.replace(links[1], status=LinkStatus.REJECTED)
    links.append(Link("d0:c4", "d2:c4", Relation.AGREE, 1.0, ("linked by hand",), LinkStatus.MANUAL, "ana"))
    note = Annotation("d0:c2", "check", "call the council", "ben")
    checked = dataclasses.replace(comparison, links=tuple(links), annotations=(note,))
    line = people_line(checked)
    assert line == (
        "Checked by a person (by ana, ben): 1 link(s) confirmed, 1 drawn by hand, 1 rejected, 1 note(s). "
        "Other marks are the engine's proposals."
    )
    text = render_html(checked)
    assert "✓ confirmed by a person" in text and "✍ linked by a person" in text
    assert "Differences (3)" in text  # a confirmed difference is still a difference
    assert "call the council" in text


def test_align_writes_html(tmp_path, capsys):
    pytest.importorskip("compare.workflows")
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Base\n\nAt least 80 people died on Monday, officials said. The dam did not fail.", "utf-8")
    b.write_text("Other\n\n62 people died on Monday, officials said. Schools are closed.", "utf-8")
    out = tmp_path / "report.html"
    assert main(["align", str(a), str(b), "--html", str(out), "--quiet"]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "Differences (" in text
    assert a.read_text("utf-8").startswith("Base")  # inputs untouched


def test_project_export_html(tmp_path, capsys):
    store = pytest.importorskip("compare.store")
    project = tmp_path / "story.ncproj"
    store.save_comparison(project, build_comparison(), author="ana")
    out = tmp_path / "story.html"
    assert main(["project", "export", str(project), "--html", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().out
    assert "number differs: at least 80 vs 62" in out.read_text(encoding="utf-8")
    assert main(["project", "export", str(project), "--html", str(tmp_path / "missing" / "x.html")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_summary_gives_the_engines_confidence():
    comparison = build_comparison()
    links = tuple(
        dataclasses.replace(lk, confidence=0.71) if lk.key == ("d0:c1", "d2:c1") else lk
        for lk in comparison.links
    )
    summary = render_html(dataclasses.replace(comparison, links=links)).split("id='side-by-side'")[0]
    assert "(confidence 71%)" in summary
