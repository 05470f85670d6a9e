"""Where each gold contradiction of the fit material is lost: unlinked, linked but "agrees", or a suggestion.

usage: python benchmarks/diagnose_contradictions.py [--semantic] [--verbose] [--split fit|heldout|all]

Reads one split of benchmarks/devsets (split.json; default the fit split) and the bundled sample (its
planted differences, as listed in tests/unit/test_sample_differences.py). Read a held-out split only when
it is open for diagnosis: rules designed from its output are no longer measured fairly on it by eval_dev.py.
A set that fails to load or align is reported in one line and skipped, so one broken set does not hide the
others. For every gold contradiction it prints one of:

- found: a link between claims overlapping the two gold spans, relation "contradict";
- agrees: such a link, relation "agree" (the relation rules miss the difference);
- suggestion: such a pair is only a suggestion (no evidence beyond the topic, or confidence below the level);
- candidate: the pair is among the review candidates only;
- unlinked: none of the above.

For the last four it also says what ``judge`` (the relation rules on that one pair) finds.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "tests" / "unit"))

from devkit import DevSet, Span, load_devsets  # noqa: E402

from compare import workflows  # noqa: E402
from compare.align.judge import judge  # noqa: E402
from compare.model import AlignSettings, Claim, Comparison, Relation  # noqa: E402

CATEGORIES = ("found", "agrees", "suggestion", "candidate", "unlinked")


def _overlapping(claims: Sequence[Claim], span: Span) -> list[Claim]:
    return [c for c in claims if c.start < span[1] and span[0] < c.end]


def classify(comparison: Comparison, a: Sequence[Claim], b: Sequence[Claim]) -> tuple[str, str]:
    """The category of one gold pair (``a``: base claims over its span, ``b``: account claims) and a note."""
    ids_a, ids_b = {c.id for c in a}, {c.id for c in b}

    def hits(x: str, y: str) -> bool:
        return (x in ids_a and y in ids_b) or (y in ids_a and x in ids_b)

    links = [lk for lk in comparison.links if hits(lk.a, lk.b)]
    if any(lk.relation is Relation.CONTRADICT for lk in links):
        lk = next(lk for lk in links if lk.relation is Relation.CONTRADICT)
        return "found", "; ".join(lk.reasons[:2])
    rel, reasons = judge(a[0], b[0]) if a and b else (Relation.AGREE, ())
    rules = f"rules: {rel.value} ({'; '.join(reasons[:2])})"
    if links:
        return "agrees", f"conf {links[0].confidence:.2f}; " + rules
    sugg = [s for s in comparison.suggestions if hits(s.a, s.b)]
    if sugg:
        return (
            "suggestion",
            f"{sugg[0].relation.value} conf {sugg[0].confidence:.2f} {sugg[0].reasons[-1]}; {rules}",
        )
    if any(hits(c.claim, c.other) for c in comparison.candidates):
        return "candidate", rules
    linked_elsewhere = [
        lk for lk in comparison.links if b and lk.a in ids_a and comparison.claim(lk.b).doc == b[0].doc
    ]
    note = "base claim linked elsewhere; " if linked_elsewhere else ""
    return "unlinked", note + rules


def diagnose_set(devset: DevSet, settings: AlignSettings) -> list[tuple[str, str, str, str]]:
    comparison = workflows.align(devset.documents(), settings)
    base = comparison.claims_of("d0")
    out = []
    for n, acc in enumerate(devset.accounts, 1):
        other = comparison.claims_of(f"d{n}")
        for g in acc.matches:
            if g.relation != "contradict":
                continue
            a, b = _overlapping(base, g.base), _overlapping(other, g.other)
            category, note = classify(comparison, a, b)
            out.append((category, g.kind, f"{acc.slug}: {devset.base[g.base[0] : g.base[1]][:50]!r}", note))
    return out


def diagnose_sample(settings: AlignSettings) -> list[tuple[str, str, str, str]]:
    from test_sample_differences import PLANTED

    comparison = workflows.align(workflows.load_sample(), settings)
    base = comparison.claims_of(comparison.base.id)
    out = []
    for slug, base_words, account_words, kind in PLANTED:
        doc = next(d.id for d in comparison.accounts if slug in d.source)
        a = [c for c in base if base_words in c.text]
        b = [c for c in comparison.claims_of(doc) if account_words in c.text]
        category, note = classify(comparison, a, b)
        out.append((category, kind, f"{slug}: {base_words!r} / {account_words!r}", note))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--semantic", action="store_true", help="align with the semantic model too")
    ap.add_argument("--verbose", action="store_true", help="one line per gold contradiction")
    ap.add_argument("--split", choices=("fit", "heldout", "all"), default="fit", help="which dev sets")
    args = ap.parse_args(argv)
    settings = AlignSettings(semantic=args.semantic)
    groups: dict[str, list[tuple[str, str, str, str]]] = {}
    for devset in load_devsets(args.split):
        try:
            groups[devset.name] = diagnose_set(devset, settings)
        except Exception as exc:  # noqa: BLE001 - a diagnostic run reports a broken set and goes on
            print(f"{devset.name}: skipped, {type(exc).__name__}: {exc}")
    groups["sample"] = diagnose_sample(settings)
    for name, rows in groups.items():
        counts = Counter(r[0] for r in rows)
        print(f"{name}: " + ", ".join(f"{c} {counts[c]}" for c in CATEGORIES) + f" (of {len(rows)})")
        if args.verbose:
            for category, kind, where, note in sorted(rows):
                print(f"  {category:10} {kind:16} {where}  -- {note}")
    total = Counter(r[0] for rows in groups.values() for r in rows)
    print("all: " + ", ".join(f"{c} {total[c]}" for c in CATEGORIES))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
