"""A self-contained HTML report of a comparison, to send to an editor.

First a summary: every difference with both claims and its reasons, then what each account leaves out, then
what only one text says. Then the counts, the legend, and the full side by side aligned on the base claims.
The header says when and how the comparison was made (threshold, matching mode, engine version) and which
marks a person checked. No scripts, no external files; print-friendly. Every piece of document or user text
goes through ``html.escape``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from compare import __version__
from compare.model import AlignSettings, Claim, Comparison, Coverage, Link, LinkStatus, Mark, Relation
from compare.review.queue import claim_counts, person_marks
from compare.safe_write import write_file

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

# The page style every report of the project shares (this one and the archive's); each adds its own rules.
PAGE_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1d1d1b;background:#fff}
h1{font-size:22px;margin:0 0 4px} h2{font-size:18px;margin:28px 0 8px}
.meta{color:#666;margin:0 0 16px}
table{border-collapse:collapse;width:100%}
"""

CSS = (
    PAGE_CSS
    + """th,td{border:1px solid #ddd;padding:6px 8px;vertical-align:top;text-align:left}
th{background:#f3f3f1;font-weight:600}
.legend td{border:none;padding:2px 10px 2px 0}
.m{display:inline;padding:1px 2px;text-decoration-thickness:2px;text-underline-offset:3px}
.g{font-weight:700;margin-right:4px}
.reasons{color:#444;font-size:13px;margin:4px 0 0;padding-left:18px}
.none{color:#888;font-style:italic}
.note{font-size:13px;color:#333;margin-top:4px}
.status{font-size:12px;color:#666}
.toc{margin:8px 0 0;padding-left:18px}
.diff{border:1px solid #ddd;border-left:4px solid #D55E00;padding:6px 10px;margin:0 0 10px}
.diff .who{color:#555;font-size:13px;margin:4px 0 0}
.diff blockquote{margin:2px 0 2px 8px}
.list li{margin:2px 0}
thead{display:table-header-group}
@media print{
 body{margin:0;font-size:10.5pt;color:#000}
 h2{page-break-after:avoid;break-after:avoid}
 h2.full{page-break-before:always;break-before:page}
 .diff,tr{page-break-inside:avoid;break-inside:avoid}
 th{background:#eee !important}
 .toc{display:none}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""
)


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
    """Per account: base claims carried / told differently / not found, and claims only in the account (the
    app's legend and coverage matrix count the same way)."""
    counts = claim_counts(comparison)
    head = "".join(
        f'<th><span class="g {m.value}">{e(g)}</span>{e(label)}</th>'
        for m, (_, g, label, _) in STYLES.items()
    )
    rows = []
    for doc in comparison.accounts:
        c = counts.get(doc.id, {})
        cells = "".join(f"<td>{c.get(k, 0)}</td>" for k in ("agree", "contradict", "omitted", "only_here"))
        rows.append(f"<tr><td>{e(doc.outlet or doc.title or doc.id)}</td>{cells}</tr>")
    return (
        '<table class="counts"><thead><tr><th>Account: base claims it carries, tells differently, lacks; '
        f"its own claims not in the base</th>{head}</tr></thead>{''.join(rows)}</table>"
    )


def settings_line(comparison: Comparison) -> str:
    """How the comparison was made, in words: threshold (and whether it is the default) and matching mode."""
    threshold = comparison.settings.threshold
    default = AlignSettings().threshold
    which = "the default" if abs(threshold - default) < 0.005 else f"the default is {default:.2f}"
    mode = "by wording and by meaning (semantic)" if comparison.settings.semantic else "by wording only"
    engine = f"engine {comparison.engine_version}" if comparison.engine_version else "engine version unknown"
    return f"Link threshold {threshold:.2f} ({which}); claims matched {mode}; {engine}."


def _name(comparison: Comparison, doc_id: str) -> str:
    doc = comparison.document(doc_id)
    return doc.outlet or doc.title or doc.id


def _full_name(comparison: Comparison, doc_id: str) -> str:
    doc = comparison.document(doc_id)
    return " · ".join(x for x in (doc.outlet, doc.title, doc.date) if x) or doc.id


STATUS_WORDS = {
    LinkStatus.MACHINE: "proposed by the engine",
    LinkStatus.CONFIRMED: "✓ confirmed by a person",
    LinkStatus.MANUAL: "✍ linked by a person",
    LinkStatus.REJECTED: "rejected by a person",
}


def people_line(comparison: Comparison) -> str:
    """Which marks a person confirmed or made, and who: the editor's first question."""
    marks = person_marks(comparison)
    names = sorted(
        {lk.created_by for lk in comparison.links if lk.status is LinkStatus.MANUAL and lk.created_by}
        | {a.author for a in comparison.annotations if a.author}
    )
    parts = [
        f"{marks['confirmed']} link(s) confirmed",
        f"{marks['manual']} drawn by hand",
        f"{marks['rejected']} rejected",
        f"{marks['notes']} note(s)",
    ]
    if not any(marks.values()):
        return "No mark has been checked by a person: every mark below is the engine's proposal."
    who = f" (by {', '.join(names)})" if names else ""
    return f"Checked by a person{who}: {', '.join(parts)}. Other marks are the engine's proposals."


def _differences(comparison: Comparison) -> list[tuple[Claim, Claim, Link]]:
    """Active "differs" links, the base's (or earlier text's) claim first, in the base's reading order."""
    order = {d.id: i for i, d in enumerate(comparison.documents)}
    out = []
    for link in comparison.links:
        if link.active and link.relation is Relation.CONTRADICT:
            a, b = comparison.claim(link.a), comparison.claim(link.b)
            if order[a.doc] > order[b.doc]:
                a, b = b, a
            out.append((a, b, link))
    return sorted(out, key=lambda t: (order[t[0].doc], t[0].start, order[t[1].doc]))


def _summary(comparison: Comparison) -> str:
    base = comparison.base
    diffs = _differences(comparison)
    items = []
    for a, b, link in diffs:
        items.append(
            '<div class="diff">'
            f'<div class="who"><b>{e(_name(comparison, b.doc))}</b> tells differently what '
            f"{e(_name(comparison, a.doc))} says · {e(STATUS_WORDS[link.status])}{_confidence(link)}</div>"
            f"<blockquote>{_mark_span(Mark.CONTRADICT, a.text)}"
            f'<div class="status">{e(_full_name(comparison, a.doc))}</div></blockquote>'
            f"<blockquote>{_mark_span(Mark.CONTRADICT, b.text)}"
            f'<div class="status">{e(_full_name(comparison, b.doc))}</div></blockquote>'
            f"{_reasons(link)}{_notes(comparison, a.id)}{_notes(comparison, b.id)}"
            f"{_notes(comparison, f'{link.a}|{link.b}')}</div>"
        )
    body = "".join(items) if items else '<p class="none">No claim is told differently.</p>'
    out = [f'<h3 id="differences">Differences ({len(diffs)})</h3>{body}']
    base_claims = comparison.claims_of(base.id)
    out.append('<h3 id="left-out">What each account leaves out</h3>')
    for doc in comparison.accounts:
        missing = [c for c in base_claims if comparison.coverage_of(c.id, doc.id) is Coverage.OMITTED]
        lis = "".join(
            f"<li>{_mark_span(Mark.OMITTED, c.text)}{_notes(comparison, c.id)}</li>" for c in missing
        )
        out.append(
            f"<h4>Not found in {e(_name(comparison, doc.id))}: {len(missing)} of {len(base_claims)} base claims"
            f"</h4>" + (f'<ul class="list">{lis}</ul>' if missing else '<p class="none">None.</p>')
        )
    out.append('<h3 id="only-one">What only one text says</h3>')
    nowhere = [c for c in base_claims if comparison.mark_of(c.id) is Mark.OMITTED]
    lis = "".join(f"<li>{_mark_span(Mark.OMITTED, c.text)}{_notes(comparison, c.id)}</li>" for c in nowhere)
    out.append(
        f"<h4>Only in the base, {e(_name(comparison, base.id))} ({len(nowhere)})</h4>"
        + (f'<ul class="list">{lis}</ul>' if nowhere else '<p class="none">None.</p>')
    )
    for doc in comparison.accounts:
        only = [c for c in comparison.claims_of(doc.id) if comparison.mark_of(c.id) is Mark.ONLY_HERE]
        lis = "".join(
            f"<li>{_mark_span(Mark.ONLY_HERE, c.text)}{_notes(comparison, c.id)}</li>" for c in only
        )
        out.append(
            f"<h4>Only in {e(_name(comparison, doc.id))} ({len(only)})</h4>"
            + (f'<ul class="list">{lis}</ul>' if only else '<p class="none">None.</p>')
        )
    return "".join(out)


def _side_by_side(comparison: Comparison) -> str:
    docs = comparison.documents
    head_cells = "".join(
        f"<th>{e(d.title or d.id)}<div class='status'>{e(' · '.join(x for x in (d.outlet, d.date) if x))}</div></th>"
        for d in docs
    )
    rows = []
    for claim in comparison.claims_of(comparison.base.id):
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
                mark = Mark.CONTRADICT if link.relation is Relation.CONTRADICT else Mark.AGREE
                status = (
                    ""
                    if link.status is LinkStatus.MACHINE
                    else f' <span class="status">({e(STATUS_WORDS[link.status])})</span>'
                )
                parts.append(
                    _mark_span(mark, other.text) + status + _confidence(link) + _reasons(link)
                    + _notes(comparison, other.id)
                )  # fmt: skip
            cells.append("<td>" + "".join(parts) + "</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head_cells}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def render_html(comparison: Comparison, *, title: str = "", now: datetime | None = None) -> str:
    """The report as one HTML string."""
    base = comparison.base
    title = title or f"Comparison: {base.title or base.id}"
    legend_rows = "".join(
        f"<tr><td>{_mark_span(m, label)}</td><td>underline: {e(line)}</td></tr>"
        for m, (_, _, label, line) in STYLES.items()
    )
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
    accounts = ", ".join(_full_name(comparison, d.id) for d in comparison.accounts)
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>{e(title)}</title><style>{CSS}</style></head><body>"
        f"<h1>{e(title)}</h1>"
        f"<p class='meta'>Generated {e(stamp)} by Narrative Compare {e(__version__)}. "
        f"Base: {e(_full_name(comparison, base.id))}. Compared with: {e(accounts) or 'no account'}.</p>"
        f"<p class='meta'>{e(settings_line(comparison))}</p>"
        f"<p class='meta'>{e(people_line(comparison))}</p>"
        "<p class='meta'>The report shows where the accounts agree, where they differ and what each leaves "
        "out; it does not judge which account is true.</p>"
        "<ul class='toc'><li><a href='#differences'>Differences</a></li>"
        "<li><a href='#left-out'>What each account leaves out</a></li>"
        "<li><a href='#only-one'>What only one text says</a></li>"
        "<li><a href='#side-by-side'>Side by side</a></li></ul>"
        f"<h2>Summary</h2>{_summary(comparison)}"
        f"<h2>Counts</h2>{_legend(comparison)}"
        f"<table class='legend'>{legend_rows}</table>"
        f"<h2 class='full' id='side-by-side'>Side by side, aligned on the base claims</h2>{_side_by_side(comparison)}"
        "</body></html>\n"
    )


def write_html_report(
    comparison: Comparison, path: str | Path, *, title: str = "", inputs: Iterable[str | Path] = ()
) -> Path:
    """Writes the report to ``path`` (UTF-8) safely and returns the path; a failure (``WriteFailed``) leaves
    an existing report as it was."""
    return write_file(path, render_html(comparison, title=title), inputs=inputs)
