"""The long jobs (align, open, save, add accounts) as keyword-only wrappers over ``background.Op``.

Each returns a configured, not yet started ``Op``; callers add ``.failure(...)`` if they want, then
``.run()``. The work functions never touch widgets (cf. Anki's ``operations/note.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from compare.gui.qt import QWidget
from compare.gui.work.background import Executor, Op
from compare.model import AlignSettings, CancelCheck, Cancelled, Comparison, Document, ProgressCallback
from compare.review.edits import renumber_documents

if TYPE_CHECKING:
    from compare.store import ProjectEmbeddingCache  # lazy: start-up time

PROJECT_SUFFIX = ".ncproj"


def new_embedding_cache() -> ProjectEmbeddingCache:
    """An empty cache of claim embeddings for a new project (saved into its file with the project)."""
    from compare.store import ProjectEmbeddingCache  # lazy: start-up time

    return ProjectEmbeddingCache()


def _align(
    documents: Sequence[Document],
    settings: AlignSettings,
    previous: Comparison | None,
    progress: ProgressCallback,
    should_cancel: CancelCheck,
    embeddings: ProjectEmbeddingCache | None,
) -> Comparison:
    """The one alignment step of every operation: align, then keep ``previous``'s edits when there is one."""
    from compare import workflows  # lazy: start-up time

    fresh = workflows.align(
        list(documents), settings, progress=progress, should_cancel=should_cancel, cache=embeddings
    )
    return workflows.reapply_edits(fresh, previous) if previous is not None else fresh


def align_documents(
    *,
    parent: QWidget | None,
    documents: Sequence[Document],
    settings: AlignSettings,
    previous: Comparison | None,
    success: Callable[[Comparison], None],
    executor: Executor | None = None,
    embeddings: ProjectEmbeddingCache | None = None,
) -> Op:
    """Aligns ``documents``; with ``previous``, keeps that comparison's manual links, reviews and notes.

    With ``settings.semantic``, claim embeddings come from (and new ones go into) ``embeddings``.
    """

    def work(progress, should_cancel) -> Comparison:
        return _align(documents, settings, previous, progress, should_cancel, embeddings)

    return Op(parent=parent, work=work, success=success, executor=executor).with_progress(
        "Aligning the accounts…"
    )


def load_and_align(
    *,
    parent: QWidget | None,
    paths: Sequence[Path],
    settings: AlignSettings,
    success: Callable[[Comparison], None],
    executor: Executor | None = None,
    embeddings: ProjectEmbeddingCache | None = None,
) -> Op:
    """Reads documents (the first is the base) and aligns them."""

    def work(progress, should_cancel) -> Comparison:
        from compare import workflows  # lazy: start-up time

        docs = workflows.load_documents(list(paths))
        if should_cancel():
            raise Cancelled("cancelled")
        return _align(docs, settings, None, progress, should_cancel, embeddings)

    return Op(parent=parent, work=work, success=success, executor=executor).with_progress(
        "Reading and aligning…"
    )


def add_accounts(
    *,
    parent: QWidget | None,
    previous: Comparison,
    paths: Sequence[Path],
    settings: AlignSettings,
    success: Callable[[Comparison], None],
    executor: Executor | None = None,
    embeddings: ProjectEmbeddingCache | None = None,
) -> Op:
    """Reads documents, adds them as further accounts of ``previous`` and re-aligns, keeping its edits."""

    def work(progress, should_cancel) -> Comparison:
        from compare import workflows  # lazy: start-up time

        docs = renumber_documents(previous.documents, workflows.load_documents(list(paths)))
        return _align([*previous.documents, *docs], settings, previous, progress, should_cancel, embeddings)

    return Op(parent=parent, work=work, success=success, executor=executor).with_progress(
        "Reading and aligning…"
    )


def open_project(
    *,
    parent: QWidget | None,
    path: Path,
    success: Callable[[Comparison], None],
    executor: Executor | None = None,
    embeddings: ProjectEmbeddingCache | None = None,
) -> Op:
    """Opens a project file; its cached claim embeddings go into ``embeddings``."""

    def work(_progress, _should_cancel) -> Comparison:
        from compare import store  # lazy: start-up time

        return store.open_comparison(path, embeddings=embeddings)

    return Op(parent=parent, work=work, success=success, executor=executor).with_progress(
        "Opening the project…"
    )


def save_project(
    path: Path,
    comparison: Comparison,
    *,
    author: str = "",
    embeddings: ProjectEmbeddingCache | None = None,
    expected: object = None,
) -> object:
    """Saves (on the caller's thread: the window runs it on its file thread); failures raise CompareError.

    The claim embeddings of ``embeddings`` (those of current claims) are saved into the file as well.
    ``expected``: the ``store.FileStamp`` of the version read (see ``store.save_comparison``); None saves
    whatever is on disk. Returns the new file's stamp.
    """
    from compare import store  # lazy: start-up time
    from compare.store.lock import ANY  # lazy: start-up time

    return store.save_comparison(
        path, comparison, author=author, embeddings=embeddings, expected=ANY if expected is None else expected
    )
