"""Refutations of real headlines: does an article that calls a headline's claim untrue show a difference?

usage: python benchmarks/refutations.py FNC1 [--per-class N] [--no-semantic] [--train] [--show fit|heldout]
       [--half fit|heldout|both] [--pairs STSB.tsv SICK.tsv ...]

FNC1 is a directory (or a bare git repository) of the Fake News Challenge stance data (headline, article
body, stance agree / disagree / discuss / unrelated; derived from Craig Silverman's Emergent project). Its
licence is not stated, so none of its text is kept in this repository: the data is read from the path given,
and the script says so in one line and stops when it is absent.

Each headline is the base (a one-claim document) and the article body the other account, aligned as the app
does. A pair counts as "called a contradiction" when a link between them is a contradiction (row "any": any
reason; row "disputes": a "disputes" reason).
Headlines are split in two by a hash of their text (the same headline always falls in the same half): rules
are designed on the fit half, and the held-out half is the figure to quote. For each half it prints the
recall on "disagree" pairs, the false-contradiction rate on "agree" + "discuss" pairs, the precision at the
data's natural ratio (estimated from that rate and the half's counts) and on a balanced sample (as many
others as disagree pairs), and the time per pair. ``--show`` prints the pairs of one half with their reasons
(for designing on the fit half). ``--pairs`` first runs the engine on agreeing sentence pairs (STS-B pairs
rated >= 4, SICK entailments), each sentence a document, and counts those given a "disputes" contradiction.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from compare import workflows
from compare.align.relate import kind_of
from compare.model import AlignSettings, Document, Relation

csv.field_size_limit(sys.maxsize)
STANCES = "competition_test_stances.csv"
BODIES = "competition_test_bodies.csv"
OTHERS = ("agree", "discuss")


@dataclass(frozen=True)
class Pair:
    headline: str
    body: str
    stance: str

    @property
    def half(self) -> str:
        return "fit" if hashlib.sha1(self.headline.encode()).digest()[0] % 2 == 0 else "heldout"


def _read(root: Path, name: str) -> str | None:
    if (root / name).is_file():
        return (root / name).read_text(encoding="utf-8", errors="replace")
    if (root / "HEAD").is_file() and (root / "objects").is_dir():
        done = subprocess.run(
            ["git", "-C", str(root), "show", f"HEAD:{name}"], capture_output=True, check=False
        )
        if done.returncode == 0:
            return done.stdout.decode("utf-8", errors="replace")
    return None


def load(root: Path, train: bool = False) -> list[Pair] | None:
    names = ("train_stances.csv", "train_bodies.csv") if train else (STANCES, BODIES)
    stances, bodies = (_read(root, n) for n in names)
    if stances is None or bodies is None:
        return None
    body = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(io.StringIO(bodies))}
    return [
        Pair(r["Headline"], body[r["Body ID"]], r["Stance"])
        for r in csv.DictReader(io.StringIO(stances))
        if r["Body ID"] in body and r["Stance"] in ("disagree", *OTHERS)
    ]


def differences(pair: Pair, settings: AlignSettings) -> list[str]:
    """The reasons of every contradiction link between the headline and the body ([] when none)."""
    docs = [Document("h", "headline", pair.headline), Document("a", "article", pair.body)]
    result = workflows.align(docs, settings)
    return [
        r
        for link in result.links
        if link.relation is Relation.CONTRADICT
        for r in link.reasons
        if kind_of(r) and kind_of(r) != "certainty differs"
    ]


def sample(pairs: list[Pair], half: str, per_class: int) -> tuple[list[Pair], list[Pair]]:
    rng = random.Random(11)
    mine = [p for p in pairs if p.half == half]
    disagree = [p for p in mine if p.stance == "disagree"]
    others = [p for p in mine if p.stance in OTHERS]
    rng.shuffle(disagree)
    rng.shuffle(others)
    return disagree[:per_class], others[:per_class]


def run(pairs: list[Pair], half: str, per_class: int, settings: AlignSettings, show: bool) -> Iterator[str]:
    """Table rows for one half: any difference, then "disputes" alone, on the headline."""
    disagree, others = sample(pairs, half, per_class)
    counts = {s: sum(1 for p in pairs if p.half == half and p.stance == s) for s in ("disagree", *OTHERS)}
    found = {(g, c): 0 for g in ("disagree", "others") for c in ("any", "disputes")}
    kinds: dict[str, int] = {}
    start = time.perf_counter()
    for group, chosen in (("disagree", disagree), ("others", others)):
        for p in chosen:
            reasons = differences(p, settings)
            found[(group, "any")] += bool(reasons)
            found[(group, "disputes")] += any(kind_of(r) == "disputes" for r in reasons)
            for r in {kind_of(r) for r in reasons}:
                kinds[f"{group}/{r}"] = kinds.get(f"{group}/{r}", 0) + 1
            if show:
                mark = "FOUND" if reasons else "-----"
                print(f"{mark} [{p.stance}] {p.headline}\n      {reasons[:3]}", flush=True)
    seconds = (time.perf_counter() - start) / max(1, len(disagree) + len(others))
    n_dis, n_oth = counts["disagree"], counts["agree"] + counts["discuss"]
    for criterion in ("any", "disputes"):
        tp, fp = found[("disagree", criterion)], found[("others", criterion)]
        recall, false_rate = tp / max(1, len(disagree)), fp / max(1, len(others))
        balanced = tp / max(1, tp + fp * len(disagree) / max(1, len(others)))
        natural_tp, natural_fp = recall * n_dis, false_rate * n_oth
        natural = natural_tp / (natural_tp + natural_fp) if natural_tp + natural_fp else 0.0
        yield (
            f"| {half} | {criterion} | {tp}/{len(disagree)} = {recall:.2f} | {fp}/{len(others)} = {false_rate:.3f} "
            f"| {balanced:.2f} | {natural:.2f} ({n_dis}:{n_oth}) | {seconds * 1000:.0f} ms |"
        )
    yield "  kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))


def agreeing_pairs(paths: list[Path]) -> Iterator[tuple[str, str, str]]:
    """(set, sentence 1, sentence 2) of STS-B pairs rated paraphrases (>= 4) and SICK entailments."""
    for path in paths:
        if not path.is_file():
            print(f"refutations: no pairs at {path}: skipped")
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row.get("label") == "ENTAILMENT" or ("score" in row and float(row["score"]) >= 4):
                    yield path.name, row["sentence1"], row["sentence2"]


def pair_disputes(paths: list[Path]) -> Iterator[str]:
    """Agreeing sentence pairs, each a one-claim base (the headline route) against a one-sentence account:
    how many get a "disputes" contradiction from the engine."""
    counts: dict[str, list[int]] = {}
    for name, a, b in agreeing_pairs(paths):
        docs = [Document("a", "one", a), Document("b", "two", b)]
        result = workflows.align(docs, AlignSettings(semantic=False))
        hit = any(r.startswith("disputes") for lk in result.links for r in lk.reasons)
        n = counts.setdefault(name, [0, 0])
        n[0] += 1
        n[1] += hit
        if hit:
            yield f"  disputes on an agreeing pair ({name}): {a!r} / {b!r}"
    for name, (total, hits) in counts.items():
        yield f"{name}: {total} agreeing pairs, {hits} with a disputes contradiction"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path, help="FNC-1 directory or bare git repository")
    ap.add_argument("--per-class", type=int, default=200, help="disagree pairs and other pairs per half")
    ap.add_argument("--no-semantic", action="store_true")
    ap.add_argument("--train", action="store_true", help="the train stances instead of the competition test")
    ap.add_argument("--show", choices=("fit", "heldout"), help="print the pairs of one half with reasons")
    ap.add_argument("--half", choices=("fit", "heldout", "both"), default="both")
    ap.add_argument("--pairs", type=Path, nargs="*", default=[], help="STS-B / SICK tsv files to check")
    args = ap.parse_args(argv)
    for line in pair_disputes(args.pairs):
        print(line, flush=True)
    pairs = load(args.data, args.train) if args.data.exists() else None
    if pairs is None:
        print(f"refutations: no FNC-1 stance data at {args.data}: skipped")
        return 0
    settings = AlignSettings(semantic=not args.no_semantic)
    print("| half | reason | disagree called contradiction (recall) | agree+discuss called contradiction | "
          "precision, balanced | precision, natural ratio (disagree:others) | time per pair |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    halves = ("fit", "heldout") if args.half == "both" else (args.half,)
    for half in halves:
        for line in run(pairs, half, args.per_class, settings, args.show == half):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
