"""The GUI entry point: ``main(argv)`` as called by ``compare.launcher``.

- ``[]``: open the bundled sample, already aligned, so the first launch shows what the app is for;
- ``[FILE, ...]``: documents (the first is the base) or one ``.ncproj`` project file;
- ``["--self-test"]``: see ``compare.gui.selftest``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from compare import __version__

if TYPE_CHECKING:
    from compare.gui.main_window import MainWindow
    from compare.model import Comparison

ORG = "NarrativeCompare"
APP = "Narrative Compare"


def ensure_platform() -> None:
    """Without a display and without QT_QPA_PLATFORM, Qt aborts: fall back to offscreen."""
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"


_NOISE = ("propagateSizeHints",)  # the offscreen platform's harmless complaint on every show()


def _qt_messages(mode, context, message: str) -> None:
    if not any(n in message for n in _NOISE):
        print(message, file=sys.stderr)


def make_app(argv: Sequence[str] = ()):
    from compare.gui.qt import QApplication, QSettings, qInstallMessageHandler
    from compare.gui.resources import app_icon
    from compare.gui.theme import apply_theme

    app = QApplication.instance()
    if app is None:
        qInstallMessageHandler(_qt_messages)
        app = QApplication(["narrative-compare", *argv])
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    dark = QSettings().value("dark", False) in (True, "true", "1", 1)
    apply_theme("dark" if dark else "light")
    return app


def load_initial(args: Sequence[str], embeddings=None):
    """The comparison to show first, and its project path (if any). Raises CompareError on bad input.

    A project's cached claim embeddings go into ``embeddings`` (a ``store.ProjectEmbeddingCache``).
    """
    from compare import workflows
    from compare.model import CompareError

    if not args:
        return workflows.open_sample(cache=embeddings), None
    paths = [Path(a) for a in args]
    if len(paths) == 1 and paths[0].suffix.lower() == ".ncproj":
        from compare import store

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
        from compare import workflows

        window.files.semantic_unavailable(workflows.semantic_problem())


def unaligned(documents) -> object:
    """The documents as a comparison without claims: what the window shows while they are being aligned."""
    from compare.model import Comparison

    return Comparison(tuple(documents), (), ())


def open_window(args: Sequence[str], *, executor=None, settings=None, author: str = ""):
    """Builds and shows the window at once. Documents are read first (quick, and a bad file is refused before
    any window), then shown unaligned while the engine aligns them in the background with progress and
    Cancel: a big comparison never leaves the person looking at nothing. Raises CompareError on bad input."""
    from compare import workflows
    from compare.gui.jobs import new_embedding_cache
    from compare.gui.main_window import MainWindow
    from compare.model import CompareError

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
        from compare import store

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
        from compare.gui.selftest import run

        return run()
    if args and args[0] in ("-h", "--help"):
        print("usage: narrative-compare [gui] [DOCUMENT... | PROJECT.ncproj | ARCHIVE_OUT/] | --self-test")
        return 0
    ensure_platform()
    app = make_app()
    from compare.gui.background import show_error
    from compare.gui.stories_dialog import archive_folder, show_stories
    from compare.model import CompareError

    archive = archive_folder(args)  # an archive's OUT/: the window opens on the sample, its stories on top
    try:
        window = open_window([] if archive else args, author=os.environ.get("USER", ""))
    except CompareError as exc:
        show_error(None, exc, "Narrative Compare: cannot open")
        return 1
    if archive:
        show_stories(window, archive)
    status = app.exec()
    from compare.gui.background import wait_io

    wait_io()  # an autosave or save still running finishes before the process ends
    window.deleteLater()
    return status
