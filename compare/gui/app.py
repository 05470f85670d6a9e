"""The GUI entry point: ``main(argv)`` as called by ``compare.launcher``.

- ``[]``: open the bundled sample, already aligned, so the first launch shows what the app is for;
- ``[FILE, ...]``: documents (the first is the base) or one ``.ncproj`` project file;
- ``["--self-test"]``: see ``compare.gui.selftest``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from compare.gui.dialogs.stories_dialog import archive_folder, show_stories
from compare.gui.main_window import MainWindow
from compare.gui.qapp import APP, ORG, ensure_platform, make_app
from compare.gui.selftest import run as run_self_test
from compare.gui.work.background import show_error, wait_io
from compare.gui.work.jobs import new_embedding_cache
from compare.model import CompareError, Comparison

__all__ = ["APP", "ORG", "ensure_platform", "load_initial", "main", "make_app", "open_window"]


def load_initial(args: Sequence[str], embeddings=None):
    """The comparison to show first, and its project path (if any). Raises CompareError on bad input.

    A project's cached claim embeddings go into ``embeddings`` (a ``store.ProjectEmbeddingCache``).
    """
    from compare import workflows  # lazy: start-up time (see compare/launcher.py)

    if not args:
        return workflows.open_sample(cache=embeddings), None
    paths = [Path(a) for a in args]
    if len(paths) == 1 and paths[0].suffix.lower() == ".ncproj":
        from compare import store  # lazy: start-up time

        return store.open_comparison(paths[0], embeddings=embeddings), paths[0]
    if any(p.suffix.lower() == ".ncproj" for p in paths):
        raise CompareError("open one project file at a time, or only documents")
    if len(paths) < 2:
        raise CompareError("give at least two documents: the base text first, then the accounts")
    return workflows.align(workflows.load_documents(paths), cache=embeddings), None


def note_meaning_fallback(window: MainWindow, comparison: Comparison, path: Path | None) -> None:
    """A first comparison made with the default settings (by meaning) that came out by wording only means
    the model did not load: untick the box and say why in the status bar. A project keeps its own setting."""
    if path is None and not comparison.settings.semantic:
        from compare import workflows  # lazy: start-up time

        window.files.semantic_unavailable(workflows.semantic_problem())


def unaligned(documents) -> object:
    """The documents as a comparison without claims: what the window shows while they are being aligned."""
    return Comparison(tuple(documents), (), ())


def open_window(args: Sequence[str], *, executor=None, settings=None, author: str = ""):
    """Builds and shows the window at once. Documents are read first (quick, and a bad file is refused before
    any window), then shown unaligned while the engine aligns them in the background with progress and
    Cancel: a big comparison never leaves the person looking at nothing. Raises CompareError on bad input."""
    from compare import workflows  # lazy: start-up time

    embeddings = new_embedding_cache()
    paths = [Path(a) for a in args]
    documents = None
    if args and not any(p.suffix.lower() == ".ncproj" for p in paths):
        if len(paths) < 2:
            raise CompareError("give at least two documents: the base text first, then the accounts")
        documents = workflows.load_documents(paths)
        comparison, path = unaligned(documents), None
    else:
        comparison, path = load_initial(args, embeddings)
    window = MainWindow(
        comparison, path=path, settings=settings, executor=executor, author=author, embeddings=embeddings
    )
    if documents is None:
        note_meaning_fallback(window, comparison, path)
    if path is not None:
        from compare import store  # lazy: start-up time

        window.files.stamp = store.stamp_of(path)  # a later save will not replace someone else's save
    window.show()
    if documents is not None:
        window.session.unsaved_replacement = True
        window.files.align_initial(documents, paths, then=window.show_first_difference)
    else:
        window.recover_if_needed(unsaved=not args)
        window.show_first_difference()
    return window


def main(argv: list[str]) -> int:
    args = list(argv)
    if args == ["--self-test"]:
        return run_self_test()
    if args and args[0] in ("-h", "--help"):
        print("usage: narrative-compare [gui] [DOCUMENT... | PROJECT.ncproj | ARCHIVE_OUT/] | --self-test")
        return 0
    ensure_platform()
    app = make_app()

    archive = archive_folder(args)  # an archive's OUT/: the window opens on the sample, its stories on top
    try:
        window = open_window([] if archive else args, author=os.environ.get("USER", ""))
    except CompareError as exc:
        show_error(None, exc, "Narrative Compare: cannot open")
        return 1
    if archive:
        show_stories(window, archive)
    status = app.exec()
    wait_io()  # an autosave or save still running finishes before the process ends
    window.deleteLater()
    return status
