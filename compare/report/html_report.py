"""A self-contained HTML report of a comparison: the accounts side by side, aligned on the base claims, with
the marks (colour + glyph + underline style) and the reasons; then the claims found only in one account.

No scripts, no external files. Every piece of document or user text goes through ``html.escape``.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from pathlib import Path

from compare.model import Claim, Comparison, Coverage, Link, Mark

# Okabe–Ito colours and the non-colour cues, matching the GUI's legend.
STYLES = {
    Mark.AGREE: ("#009E73", "=", "Agrees", "solid"),
    Mark.CONTRADICT: ("#D55E00", "≠", "Differs", "wavy"),
    Mark.OMITTED: ("#E69F00", "−", "Not found in account", "dotted"),
    Mark.ONLY_HERE: ("#0072B2", "+", "Only in this account", "dashed"),
}
COVERAGE_MARK = {
    Coverage.CARRIED: Mark.AGREE,
    Coverage.CONTRADICTED: Mark.CONTRADICT,
    Coverage.OMITTED: Mark.OMITTED,
}

CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1d1d1b;background:#fff}
h1{font-size:22px;margin:0 0 4px} h2{font-size:18px;margin:28px 0 8px}
.meta{color:#666;margin:0 0 16px}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #ddd;padding:6px 8px;vertical-align:top;text-align:left}
th{background:#f3f3f1;font-weight:600}
.legend td{border:none;padding:2px 10px 2px 0}
.m{display:inline;padding:1px 2px;text-decoration-thickness:2px;text-underline-offset:3px}
.g{font-weight:700;margin-right:4px}
.reasons{color:#444;font-size:13px;margin:4px 0 0;padding-left:18px}
.none{color:#888;font-style:italic}
.note{font-size:13px;color:#333;margin-top:4px}
.status{font-size:12px;color:#666}
@media print{body{margin:0}}
"""


def _rgba(colour: str, alpha: float) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


for _mark, (_colour, _glyph, _label, _line) in STYLES.items():
    CSS += (
        f".{_mark.value}{{background:{_rgba(_colour, 0.16)};text-decoration:underline {_line} {_colour}}}"
        f".{_mark.value} .g,.g.{_mark.value}{{color:{_colour}}}\n"
    )


def e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _mark_span(mark: Mark, text: str) -> str:
    colour, glyph, label, _ = STYLES[mark]
    return (
        f'<span class="m {mark.value}" title="{e(label)}"><span class="g">{e(glyph)}</span>{e(text)}</span>'
    )


def _confidence(link: Link) -> str:
    if link.confidence is None:
        return ""
    return f' <span class="status">(confidence {round(link.confidence * 100)}%)</span>'


def _reasons(link: Link) -> str:
    if not link.reasons:
        return ""
    return '<ul class="reasons">' + "".join(f"<li>{e(r)}</li>" for r in link.reasons) + "</ul>"


def _notes(comparison: Comparison, target: str) -> str:
    out = []
    for ann in comparison.annotations:
        if ann.target == target and (ann.label or ann.note):
            label = f"<b>[{e(ann.label)}]</b> " if ann.label else ""
            out.append(f'<div class="note">✎ {label}{e(ann.note)}</div>')
    return "".join(out)


def _base_mark(comparison: Comparison, claim: Claim) -> Mark:
    """Against all accounts: differs if any account differs, not found only if no account carries it."""
    return comparison.mark_of(claim.id)


def _legend(comparison: Comparison) -> str:
    counts = comparison.counts()
    head = "".join(
        f'<th><span class="g {m.value}">{e(g)}</span>{e(label)}</th>'
        for m, (_, g, label, _) in STYLES.items()
    )
    rows = []
    for doc in comparison.accounts:
        c = counts.get(doc.id, {})
        cells = "".join(f"<td>{c.get(k, 0)}</td>" for k in ("agree", "contradict", "omitted", "only_here"))
        rows.append(f"<tr><td>{e(doc.title or doc.id)}</td>{cells}</tr>")
    return f'<table class="counts"><tr><th>Account (against the base)</th>{head}</tr>{"".join(rows)}</table>'


def render_html(comparison: Comparison, *, title: str = "") -> str:
    """The report as one HTML string."""
    base = comparison.base
    title = title or f"Comparison: {base.title or base.id}"
    docs = comparison.documents
    head_cells = "".join(
        f"<th>{e(d.title or d.id)}<div class='status'>{e(' · '.join(x for x in (d.outlet, d.date) if x))}</div></th>"
        for d in docs
    )
    rows = []
    for claim in comparison.claims_of(base.id):
        cells = [
            f"<td>{_mark_span(_base_mark(comparison, claim), claim.text)}{_notes(comparison, claim.id)}</td>"
        ]
        for doc in comparison.accounts:
            pairs = comparison.counterparts(claim.id, doc.id)
            if not pairs:
                cells.append(f'<td class="none">{_mark_span(Mark.OMITTED, "not found in this account")}</td>')
                continue
            parts = []
            for other, link in pairs:
                mark = Mark.CONTRADICT if link.relation.value == "contradict" else Mark.AGREE
                status = (
                    ""
                    if link.status.value == "machine"
                    else f' <span class="status">({e(link.status.value)})</span>'
                )
                parts.append(
                    _mark_span(mark, other.text) + status + _confidence(link) + _reasons(link)
                    + _notes(comparison, other.id)
                )  # fmt: skip
            cells.append("<td>" + "".join(parts) + "</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    only_sections = []
    for doc in comparison.accounts:
        only = [c for c in comparison.claims_of(doc.id) if comparison.mark_of(c.id) is Mark.ONLY_HERE]
        items = "".join(
            f"<li>{_mark_span(Mark.ONLY_HERE, c.text)}{_notes(comparison, c.id)}</li>" for c in only
        )
        body = f"<ul>{items}</ul>" if only else '<p class="none">None.</p>'
        only_sections.append(f"<h3>Only in {e(doc.title or doc.id)}</h3>{body}")
    legend_rows = "".join(
        f"<tr><td>{_mark_span(m, label)}</td><td>underline: {e(line)}</td></tr>"
        for m, (_, _, label, line) in STYLES.items()
    )
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>{e(title)}</title><style>{CSS}</style></head><body>"
        f"<h1>{e(title)}</h1>"
        f"<p class='meta'>{len(docs)} texts · base: {e(base.title or base.id)} · generated {e(stamp)} by "
        "Narrative Compare. The report shows where the accounts agree, differ and what each leaves out; "
        "it does not judge which account is true.</p>"
        f"<table class='legend'>{legend_rows}</table>"
        f"<h2>Counts</h2>{_legend(comparison)}"
        f"<h2>Side by side, aligned on the base claims</h2><table><tr>{head_cells}</tr>{''.join(rows)}</table>"
        f"<h2>Claims found only in one account</h2>{''.join(only_sections)}"
        "</body></html>\n"
    )


def write_html_report(comparison: Comparison, path: str | Path, *, title: str = "") -> Path:
    """Writes the report to ``path`` (UTF-8) and returns the path."""
    out = Path(path)
    out.write_text(render_html(comparison, title=title), encoding="utf-8")
    return out
