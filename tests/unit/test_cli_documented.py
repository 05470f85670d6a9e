"""Every command and option of the command line is in README.md (walked from the parser, not listed here)."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from compare.cli import build_parser

README = Path(__file__).resolve().parents[2] / "README.md"


def _commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:  # argparse offers no public walk over sub-commands
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*path, name))


def _usage_lines(path: tuple[str, ...]) -> list[str]:
    """README lines that show ``narrative-compare`` followed (on that line) by each word of ``path``."""
    pattern = r"narrative-compare\b" + "".join(rf".*?(?<![\w-]){re.escape(w)}(?![\w-])" for w in path)
    return [line for line in README.read_text("utf-8").splitlines() if re.search(pattern, line)]


COMMANDS = list(_commands(build_parser()))


@pytest.mark.parametrize("path, parser", COMMANDS, ids=[" ".join(p) or "(top)" for p, _ in COMMANDS])
def test_command_and_its_options_are_in_the_readme(path, parser):
    lines = _usage_lines(path)
    assert lines, f"README.md shows no 'narrative-compare {' '.join(path)}' line"
    options = {s for a in parser._actions for s in a.option_strings if s.startswith("--") and s != "--help"}
    undocumented = {o for o in options if not any(re.search(rf"{re.escape(o)}(?![\w-])", ln) for ln in lines)}
    assert not undocumented, (
        f"'narrative-compare {' '.join(path)}' options missing from README.md: {undocumented}"
    )


def test_the_walk_finds_the_nested_commands():
    """The check above must see sub-sub-commands, or it would pass while checking nothing below the top."""
    paths = {p for p, _ in COMMANDS}
    assert {("align",), ("project",), ("project", "export"), ("archive",)} <= paths
