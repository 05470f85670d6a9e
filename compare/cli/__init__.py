"""The command line: ``narrative-compare align|project ...``. Thin: parse, call the layers, print."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from compare import __version__
from compare.cli import align_cmd, archive_cmd, project_cmd
from compare.model import CompareError

# Each command module offers register(subparsers) and sets ``func`` on its parser: one call, no logic here.
COMMANDS = (align_cmd, project_cmd, archive_cmd)

EXIT_OK = 0
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own exit is 2 as well; keep its one-line style
        self.print_usage(sys.stderr)
        print(f"narrative-compare: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="narrative-compare",
        description="Compare accounts of the same events. With no arguments, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"narrative-compare {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.add_parser("gui", help="open the desktop app (optionally with documents or a project file)")
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if getattr(args, "func", None) is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.func(args) or EXIT_OK)
    except CompareError as exc:
        print(f"narrative-compare: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:  # also handled by ``compare.launcher``, for callers of this function alone
        print("narrative-compare: interrupted", file=sys.stderr)
        return 130
