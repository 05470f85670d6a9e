"""``report.html`` of an archive: the stories, their outlets, and per outlet what it carries, contradicts and
leaves out of each story's base, with one inline SVG bar chart. Self-contained; every text escaped.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from compare.archive.stories import Story
from compare.archive.story_work import StorySummary
from compare.report.html_report import PAGE_CSS

# Okabe–Ito colours with the glyphs of the app's legend, so the chart reads in grey too.
CARRIED = ("#009E73", "=", "carries")
CONTRADICTED = ("#D55E00", "≠", "differs")
LEFT_OUT = ("#E69F00", "−", "not found")
BAR_WIDTH = 420
ROW_HEIGHT = 22
LABEL_WIDTH = 200
MAX_CHART_OUTLETS = 60

CSS = (
    PAGE_CSS
    + """th,td{border:1px solid #ddd;padding:5px 8px;vertical-align:top;text-align:left}
th{background:#f3f3f1;font-weight:600} td.n{text-align:right;font-variant-numeric:tabular-nums}
.legend span{margin-right:16px}
"""
)


@dataclass(frozen=True, slots=True)
class OutletTotals:
    outlet: str
    stories: int = 0  # stories it has an article in
    as_base: int = 0
    carried: int = 0
    contradicted: int = 0
    left_out: int = 0

    @property
    def compared(self) -> int:
        return self.carried + self.contradicted + self.left_out


def e(text: object) -> str:
    return html.escape(str(text), quote=True)


def outlet_totals(stories: Sequence[Story], summaries: Sequence[StorySummary]) -> list[OutletTotals]:
    """Per outlet, over all stories: base claims it carries, contradicts and leaves out (as an account)."""
    totals: dict[str, dict[str, int]] = {}

    def row(outlet: str) -> dict[str, int]:
        return totals.setdefault(
            outlet, dict.fromkeys(("stories", "as_base", "carried", "contradicted", "left_out"), 0)
        )

    for story in stories:
        for outlet in set(story.outlets):
            row(outlet)["stories"] += 1
    for summary in summaries:
        row(summary.base_outlet)["as_base"] += 1
        for account in summary.accounts:
            r = row(account.outlet)
            r["carried"] += account.carried
            r["contradicted"] += account.contradicted
            r["left_out"] += account.left_out
    out = [OutletTotals(outlet, **values) for outlet, values in totals.items()]
    return sorted(out, key=lambda t: (-t.stories, t.outlet))


def render_report(
    stories: Sequence[Story], summaries: Sequence[StorySummary], *, articles: int, problems: int
) -> str:
    outlets = outlet_totals(stories, summaries)
    compared = [s for s in stories if s.project]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        "<title>Narrative Compare: archive report</title>",
        f"<style>{CSS}</style></head><body>",
        "<h1>Archive report</h1>",
        f'<p class="meta">{articles:,} articles in {len(stories):,} stories; {len(compared):,} stories of two or '
        f"more articles compared; {len(outlets):,} outlets"
        + (
            f"; {problems:,} input lines or files left out (listed when the archive was read)"
            if problems
            else ""
        )
        + ".</p>",
        "<h2>Outlets</h2>",
        "<p>For every story the base article (the most central one) is compared with the other accounts. Per "
        "outlet, over the stories it is an account of: how many of the base's claims it carries, carries "
        "differently, or does not carry.</p>",
        _legend(),
        _chart(outlets),
        _outlet_table(outlets),
        "<h2>Stories</h2>",
        _story_table(stories),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _legend() -> str:
    items = "".join(
        f'<span><b style="color:{c}">{g}</b> <span style="display:inline-block;width:12px;height:12px;'
        f'background:{c}"></span> {e(label)}</span>'
        for c, g, label in (CARRIED, CONTRADICTED, LEFT_OUT)
    )
    return f'<p class="legend">{items}</p>'


def _chart(outlets: Sequence[OutletTotals]) -> str:
    """A stacked bar per outlet: shares of the base claims it was compared on."""
    shown = [o for o in outlets if o.compared][:MAX_CHART_OUTLETS]
    if not shown:
        return '<p class="meta">No story has two or more articles: nothing was compared.</p>'
    height = ROW_HEIGHT * len(shown) + 8
    width = LABEL_WIDTH + BAR_WIDTH + 60
    rows = []
    for n, o in enumerate(shown):
        y = 4 + n * ROW_HEIGHT
        label = o.outlet if len(o.outlet) <= 30 else o.outlet[:29] + "…"
        rows.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 14}" text-anchor="end" font-size="12">{e(label)}</text>'
        )
        x = float(LABEL_WIDTH)
        for value, (colour, glyph, name) in (
            (o.carried, CARRIED),
            (o.contradicted, CONTRADICTED),
            (o.left_out, LEFT_OUT),
        ):
            w = BAR_WIDTH * value / o.compared
            if w <= 0:
                continue
            share = 100 * value / o.compared
            rows.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{ROW_HEIGHT - 6}" fill="{colour}">'
                f"<title>{e(o.outlet)}: {value:,} base claims {e(name)} ({share:.0f}%)</title></rect>"
            )
            if w >= 14:
                rows.append(
                    f'<text x="{x + w / 2:.1f}" y="{y + 13}" text-anchor="middle" font-size="11" fill="#fff">{glyph}</text>'
                )
            x += w
        rows.append(
            f'<text x="{LABEL_WIDTH + BAR_WIDTH + 6}" y="{y + 14}" font-size="11">{o.compared:,}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
        f'aria-label="Per outlet: share of base claims carried, differing and not found">{"".join(rows)}</svg>'
    )


def _outlet_table(outlets: Sequence[OutletTotals]) -> str:
    head = (
        "<tr><th>Outlet</th><th>Stories</th><th>As base</th><th>Carries</th><th>Differs</th>"
        "<th>Not found</th></tr>"
    )
    body = "".join(
        f"<tr><td>{e(o.outlet)}</td><td class=n>{o.stories:,}</td><td class=n>{o.as_base:,}</td>"
        f"<td class=n>{o.carried:,}</td><td class=n>{o.contradicted:,}</td><td class=n>{o.left_out:,}</td></tr>"
        for o in outlets
    )
    return f"<table>{head}{body}</table>"


def _story_table(stories: Sequence[Story]) -> str:
    head = (
        "<tr><th>Story</th><th>Articles</th><th>Outlets</th><th>Differences</th><th>Base claims not found "
        "somewhere</th><th>Project</th></tr>"
    )
    ordered = sorted(stories, key=lambda s: (-len(s.articles), s.id))
    body = "".join(
        f"<tr><td>{e(s.title)}</td><td class=n>{len(s.articles):,}</td><td>{e(', '.join(s.outlets))}</td>"
        f"<td class=n>{s.differences:,}</td><td class=n>{s.not_found:,}</td>"
        f"<td>{e(s.project) if s.project else '—'}</td></tr>"
        for s in ordered
    )
    return f"<table>{head}{body}</table>"
