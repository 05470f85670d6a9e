"""``narrative-compare archive ARTICLES OUT [--workers N | --scheduler ADDRESS] [--resume] [--story-link X] [--max-days N]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import replace

from compare.archive.settings import GroupingSettings
from compare.cli.align_cmd import threshold_arg
from compare.model import InputError

INSTALL_HINT = "the archive command needs the 'archive' extra: pip install 'narrative-compare[archive]'"
EXIT_SOME_FAILED = 1
EXIT_INTERRUPTED = 130
_DEFAULTS = GroupingSettings()


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "archive",
        help="group many articles into stories and compare each story (on Dask; needs the 'archive' extra)",
        description="Group the articles of ARTICLES (a .jsonl file: id, text, and optionally title, outlet, "
        "date, url; or a folder of documents with an optional metadata.csv) into stories, compare every story "
        "of two or more articles, and write OUT/stories.json, OUT/stories/<id>.ncproj and OUT/report.html. "
        "Example: narrative-compare archive articles.jsonl out --workers 4",
    )
    p.add_argument("articles", metavar="ARTICLES", help="a JSON Lines file or a folder of documents")
    p.add_argument(
        "out", metavar="OUT", help="the output folder (new or empty, or the same folder with --resume)"
    )
    where = p.add_mutually_exclusive_group()
    where.add_argument("--workers", type=_workers, metavar="N",
                       help="start a local Dask cluster of N worker processes (default: one per core)")  # fmt: skip
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help="send the work to an existing Dask cluster, e.g. tcp://host:8786")  # fmt: skip
    p.add_argument("--resume", action="store_true",
                   help="continue a run in OUT: keep the stories whose project is saved and checks clean")  # fmt: skip
    p.add_argument("--story-link", type=threshold_arg, metavar="COSINE", default=_DEFAULTS.link,
                   help="how alike (0-1, after the date discount) two articles must be to be one story; "
                   f"raise it when stories of one subject merge (default {_DEFAULTS.link})")  # fmt: skip
    p.add_argument("--max-days", type=_days, metavar="N", default=_DEFAULTS.max_days,
                   help="never put articles more than N days apart in one story "
                   f"(default {_DEFAULTS.max_days})")  # fmt: skip
    p.set_defaults(func=run)


def _whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type for a whole number from ``low`` to ``high``."""

    def parse(text: str) -> int:
        try:
            n = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if not low <= n <= high:
            raise argparse.ArgumentTypeError(f"must be between {low} and {high}")
        return n

    return parse


_workers = _whole_number(1, 1024)
_days = _whole_number(0, 36_500)


def run(args: argparse.Namespace) -> int:
    try:
        from compare.archive.run import ArchiveOptions, Interrupted, run_archive  # lazy: optional extra
    except ImportError as exc:
        if exc.name and exc.name.split(".")[0] in ("dask", "distributed", "datasketch", "scipy"):
            raise InputError(INSTALL_HINT) from None
        raise
    grouping = replace(_DEFAULTS, link=args.story_link, max_days=args.max_days)
    options = ArchiveOptions(
        workers=args.workers, scheduler=args.scheduler, resume=args.resume, grouping=grouping
    )
    try:
        result = run_archive(args.articles, args.out, options, err=sys.stderr)
    except Interrupted as stop:
        print(
            f"narrative-compare: interrupted; {stop.saved} of {stop.total} stories saved in {args.out} "
            "(run again with --resume to finish)",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    left_out = f"; {len(result.problems)} input lines or files left out" if result.problems else ""
    failed = f"; {len(result.failed)} stories could not be compared" if result.failed else ""
    print(
        f"{result.articles:,} articles, {result.stories:,} stories; {result.compared:,} compared, "
        f"{result.resumed:,} kept from the earlier run{left_out}{failed}; wrote {args.out} "
        f"in {result.seconds:.1f} s"
    )
    return EXIT_SOME_FAILED if result.failed else 0
