"""The one entry point: the GUI with no arguments, ``gui`` or ``--self-test``; the command line otherwise.

It sits above both ``compare.cli`` and ``compare.gui`` so that neither has to import the other, and so that
command-line use never loads Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

GUI_COMMANDS = {"gui", "--self-test"}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in GUI_COMMANDS:
        from compare.gui.app import main as gui_main

        return gui_main(args[1:] if args and args[0] == "gui" else args)
    from compare.cli import main as cli_main

    return cli_main(args)
