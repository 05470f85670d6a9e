"""The one entry point: the GUI with no arguments, ``gui`` or ``--self-test``; the command line otherwise.

It sits above both ``compare.cli`` and ``compare.gui`` so that neither has to import the other, and so that
command-line use never loads Qt. It also owns how a run ends when the user ends it: Ctrl+C is one line and
exit status 130; a closed output pipe (``| head -1``) ends the run quietly. Neither shows a traceback.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence

# Imports inside functions, everywhere in the package, are marked "# lazy: <reason>" and have one of these:
# - start-up time: the command line never loads Qt (here); the GUI's widgets and the tests that import them
#   do not load the store (sqlite_utils, ~60 ms) or the workflows (readers and store, ~90 ms) until a file
#   is opened, aligned or saved; pypdf and onnxruntime load only for a PDF or for matching by meaning.
# - optional extra: compare.archive.run needs Dask (the "archive" extra); its absence is one clear line.
# Everything else is imported at the top of its module. fcntl's try/except at the top is POSIX-only.
GUI_COMMANDS = {"gui", "--self-test"}
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for a program ended by Ctrl+C
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a program whose reader went away


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        status = _run(args)
        _flush_stdout()  # a closed pipe shows up here for output still in the buffer
        return status
    except KeyboardInterrupt:
        _silence_stdout()
        _say("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE


def _run(args: list[str]) -> int:
    if not args or args[0] in GUI_COMMANDS:
        from compare.gui.app import main as gui_main  # lazy: start-up time

        return gui_main(args[1:] if args and args[0] == "gui" else args)
    from compare.cli import main as cli_main  # lazy: start-up time

    return cli_main(args)


def _flush_stdout() -> None:
    if sys.stdout is not None:
        sys.stdout.flush()


def _silence_stdout() -> None:
    """Point stdout at the null device so that Python's final flush at exit cannot fail (and print)."""
    stream = sys.stdout
    if stream is None:
        return
    try:
        fd = stream.fileno()
    except (OSError, ValueError):
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    try:
        os.dup2(null, fd)
    except OSError:
        pass
    finally:
        os.close(null)


def _say(message: str) -> None:
    with contextlib.suppress(OSError, ValueError):  # stderr is gone too: nothing more to say
        print(f"narrative-compare: {message}", file=sys.stderr, flush=True)
