"""Files in and out: open documents or a project, recent files, paste, drag and drop, save, export, re-align.

Long steps (reading, aligning, opening a project) go through ``jobs`` (worker + progress + Cancel);
every failure ends in a one-line dialog, never a traceback.
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from compare.gui.actions import Act
from compare.gui.dialogs.basic import PasteDialog
from compare.gui.pdf_report import write_pdf_report
from compare.gui.qt import QAction, QDialog, QFileDialog, QInputDialog, QMenu, QObject, QSettings, QWidget
from compare.gui.session import Session
from compare.gui.views.threshold import threshold_words
from compare.gui.work import jobs
from compare.gui.work.background import Executor, Op, io_executor, show_error, wait_for
from compare.model import AlignSettings, CompareError, Comparison, Document
from compare.report.contract import links_csv, write_json
from compare.report.html_report import write_html_report
from compare.review.edits import renumber_documents
from compare.safe_write import refuse_inputs
from compare.text.ingest import document_from_text

if TYPE_CHECKING:
    from compare.store import ProjectEmbeddingCache

DOC_FILTER = "Documents (*.txt *.md *.html *.htm *.docx *.pdf);;Project files (*.ncproj);;All files (*)"
PROJECT_FILTER = "Narrative Compare project (*.ncproj)"
MAX_RECENT = 8


class FileController(QObject):
    def __init__(
        self,
        window: QWidget,
        session: Session,
        actions: dict[Act, QAction],
        settings: QSettings,
        *,
        executor: Executor | None = None,
        author: str = "",
        embeddings: ProjectEmbeddingCache | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.settings = settings
        self.executor = executor
        # Opening, saving and autosaving share one file thread (tests inject their synchronous executor).
        self.io_executor = executor if executor is not None else io_executor()
        self.author = author
        self.stamp = None  # store.FileStamp of the project file as last read or saved: a save checks it
        self.threshold = session.comparison.settings.threshold
        # True once the person moved the slider after the last alignment: only then does a *new* comparison
        # (opened documents, the sample) use the slider's value; otherwise it starts from the default, so a
        # loose threshold chosen for one story never carries over to the next one unnoticed.
        self.threshold_chosen = False
        self.semantic = session.comparison.settings.semantic  # the toolbar's "Meaning (semantic)" box
        # Why meaning-level matching fell back to wording only ("" while it works); shown in the status bar.
        self.semantic_note = ""
        # The project's claim embeddings: filled from its file when opened, by semantic alignment, and saved
        # into the file with the project.
        self.embeddings = embeddings if embeddings is not None else jobs.new_embedding_cache()
        self.last_op = None
        self.save_op: Op | None = None
        self.recovery = None  # set by the window: path -> recovered Comparison | None
        self.recent_menu = QMenu("Open &recent", window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        actions[Act.OPEN].triggered.connect(self.open_dialog)
        actions[Act.OPEN_SAMPLE].triggered.connect(self.open_sample)
        actions[Act.PASTE].triggered.connect(self.paste)
        actions[Act.SAVE].triggered.connect(self.save)
        actions[Act.SAVE_AS].triggered.connect(self.save_as)
        actions[Act.EXPORT_JSON].triggered.connect(self.export_json)
        actions[Act.EXPORT_CSV].triggered.connect(self.export_csv)
        actions[Act.EXPORT_HTML].triggered.connect(self.export_html)
        actions[Act.EXPORT_PDF].triggered.connect(self.export_pdf)
        actions[Act.REALIGN].triggered.connect(self.realign)

    # asking (methods so that tests can replace them)
    def ask_open_paths(self) -> list[Path]:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, "Open documents or a project", self._last_dir(), DOC_FILTER
        )
        return [Path(p) for p in paths]

    def proposed_name(self, suffix: str) -> str:
        """A file name to start from: the project's own name, else the base text's title, made file-safe."""
        if self.session.path is not None:
            return self.session.path.with_suffix(suffix).name
        title = self.session.comparison.base.title or "comparison"
        stem = re.sub(r"[^\w\- ]+", "", title, flags=re.UNICODE).strip()
        stem = re.sub(r"\s+", " ", stem)[:60].rstrip() or "comparison"
        return stem + suffix

    def ask_save_path(self, caption: str, file_filter: str, suffix: str) -> Path | None:
        folder = self.session.path.parent if self.session.path is not None else Path(self._last_dir())
        start = str(folder / self.proposed_name(suffix))
        path, _ = QFileDialog.getSaveFileName(self.window, caption, start, file_filter)
        if not path:
            return None
        p = Path(path)
        return p if p.suffix else p.with_suffix(suffix)

    def _last_dir(self) -> str:
        return str(self.settings.value("last_dir", str(Path.home())))

    def busy(self) -> bool:
        """True while a long operation runs: a second one is refused rather than queued behind it."""
        if self.last_op is not None and self.last_op.running:
            self.window.statusBar().showMessage("Still working on the previous step…", 3000)
            return True
        return False

    def _error(self, error: BaseException) -> None:
        show_error(self.window, error)

    def _meaning_checked(self, settings: AlignSettings, then: Callable[[Comparison], None]):
        """``then``, after noting whether an alignment asked to match by meaning got wording only."""

        def done(comparison: Comparison) -> None:
            then(comparison)
            if settings.semantic and not comparison.settings.semantic:
                from compare import workflows  # lazy: start-up time

                self.semantic_unavailable(workflows.semantic_problem())  # after ``then``: its message stays

        return done

    def semantic_unavailable(self, note: str | BaseException) -> None:
        """The model did not load, so the comparison was made by wording only: untick the box and say why
        in the status bar (no dialog: the comparison itself is fine). ``note``: the line to show, or the
        error it comes from."""
        if isinstance(note, BaseException):
            from compare import workflows  # lazy: start-up time

            note = workflows.semantic_fallback_message(note)
        self.semantic = False
        self.semantic_note = note or "meaning-level matching unavailable; using wording only"
        if hasattr(self.window, "semantic_changed_externally"):
            self.window.semantic_changed_externally(False)
        if hasattr(self.window, "show_semantic_note"):
            self.window.show_semantic_note(self.semantic_note)

    # recent files
    def recent(self) -> list[str]:
        value = self.settings.value("recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def remember(self, paths: Sequence[Path]) -> None:
        entry = "\n".join(str(p) for p in paths)
        items = [entry, *(r for r in self.recent() if r != entry)][:MAX_RECENT]
        self.settings.setValue("recent", items)
        if paths:
            self.settings.setValue("last_dir", str(Path(paths[0]).parent))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        items = self.recent()
        if not items:
            self.recent_menu.addAction("(none yet)").setEnabled(False)
        for i, entry in enumerate(items, start=1):
            paths = [Path(p) for p in entry.split("\n")]
            label = paths[0].name + (f" + {len(paths) - 1} more" if len(paths) > 1 else "")
            action = self.recent_menu.addAction(f"&{i} {label}")
            # File names are the user's, but a tooltip renders rich text: show them as plain text.
            action.setToolTip(html.escape(entry.replace("\n", ", ")))
            action.triggered.connect(lambda _=False, ps=paths: self.open_paths(ps))
        self.recent_menu.addSeparator()
        self.recent_menu.addAction("Clear the list", lambda: self.settings.setValue("recent", []))

    # opening
    def open_dialog(self) -> None:
        if not self._may_discard():
            return
        paths = self.ask_open_paths()
        if len(paths) > 1 and all(p.suffix.lower() != jobs.PROJECT_SUFFIX for p in paths):
            paths = self.ask_base(paths)
        if paths:
            self.open_paths(paths)

    def ask_base(self, paths: list[Path]) -> list[Path]:
        """Which document is the base (the others are compared with it)? Returns the paths, base first."""
        names = [p.name for p in paths]
        name, ok = QInputDialog.getItem(
            self.window,
            "Choose the base text",
            "The base text is shown on the left; every other account is compared with it:",
            names,
            0,
            False,
        )
        if not ok:
            return []
        base = paths[names.index(name)]
        return [base, *(p for p in paths if p is not base)]

    def open_paths(self, paths: Sequence[Path]):
        """A single ``.ncproj`` opens that project; documents start a new comparison (the first is the base)."""
        paths = [Path(p) for p in paths]
        if self.busy():
            return None
        projects = [p for p in paths if p.suffix.lower() == jobs.PROJECT_SUFFIX]
        if projects and len(paths) > 1:
            self._error(CompareError("open one project file at a time, or only documents"))
            return None
        cache = jobs.new_embedding_cache()
        if projects:
            op = self._open_project(projects[0], cache)
        elif len(paths) < 2:
            self._error(CompareError("choose at least two documents: the base text first, then the accounts"))
            return None
        else:
            settings = self._new_settings()
            op = jobs.load_and_align(
                parent=self.window,
                paths=paths,
                settings=settings,
                success=self._meaning_checked(
                    settings,
                    lambda c, ps=paths: self._opened(c, None, saved=False, paths=ps, embeddings=cache),
                ),
                executor=self.executor,
                embeddings=cache,
            )
        self.last_op = op.failure(self._error).on_cancel(self.cancelled).run()
        return self.last_op

    def align_initial(self, documents: Sequence[Document], paths: Sequence[Path], then=None):
        """Aligns the documents the window was started with (shown unaligned meanwhile), in the background."""
        cache = jobs.new_embedding_cache()

        def done(comparison: Comparison) -> None:
            self._opened(comparison, None, saved=False, paths=paths, embeddings=cache)
            if then is not None:
                then()

        settings = self._new_settings()
        self.last_op = (
            jobs.align_documents(
                parent=self.window,
                documents=documents,
                settings=settings,
                previous=None,
                success=self._meaning_checked(settings, done),
                executor=self.executor,
                embeddings=cache,
            )
            .failure(self._error)
            .on_cancel(self.cancelled)
            .run()
        )
        return self.last_op

    def _open_project(self, path: Path, cache: ProjectEmbeddingCache) -> Op:
        """Open a project on the file thread, keeping the stamp of the version read for the next save."""

        def work(_progress, _should_cancel):
            from compare import store  # lazy: start-up time

            return store.open_for_update(path, embeddings=cache)

        def done(result) -> None:
            comparison, stamp = result
            self._opened(comparison, path, saved=True, paths=[path], embeddings=cache)
            self.stamp = stamp

        return Op(parent=self.window, work=work, success=done, executor=self.io_executor).with_progress(
            "Opening the project…"
        )

    def _opened(
        self,
        comparison: Comparison,
        path: Path | None,
        *,
        saved: bool,
        paths: Sequence[Path],
        embeddings: ProjectEmbeddingCache | None = None,
    ) -> None:
        if path is not None and self.recovery is not None:
            recovered = self.recovery(path)
            if recovered is not None:
                comparison, saved = recovered, False
        self.session.replace(comparison, path, saved=saved)
        self.stamp = None
        self.embeddings = embeddings if embeddings is not None else jobs.new_embedding_cache()
        self.remember(paths)
        self._sync_toolbar()

        self.window.statusBar().showMessage(
            f"Opened {len(comparison.documents)} texts, aligned at threshold "
            f"{threshold_words(comparison.settings.threshold)}.",
            8000,
        )

    def open_sample(self):
        if self.busy() or not self._may_discard():
            return None
        from compare import workflows  # lazy: start-up time

        settings, cache = self._new_settings(), jobs.new_embedding_cache()

        def work(progress, should_cancel):
            return workflows.align(
                workflows.load_sample(), settings, progress=progress, should_cancel=should_cancel, cache=cache
            )

        op = Op(
            parent=self.window,
            work=work,
            executor=self.executor,
            success=self._meaning_checked(
                settings, lambda c: self._opened(c, None, saved=True, paths=[], embeddings=cache)
            ),
        )
        self.last_op = (
            op.with_progress("Opening the sample…").failure(self._error).on_cancel(self.cancelled).run()
        )
        return self.last_op

    def add_documents(self, paths: Sequence[Path]):
        """Adds documents as further accounts of the current comparison and re-aligns (keeping edits)."""
        paths = [Path(p) for p in paths]
        if self.busy():
            return None

        def done(comparison: Comparison) -> None:
            self.session.apply(comparison, f"Add {len(paths)} account(s)")
            self.remember(paths)

        settings = self._settings()
        self.last_op = (
            jobs.add_accounts(
                parent=self.window,
                previous=self.session.comparison,
                paths=paths,
                settings=settings,
                success=self._meaning_checked(settings, done),
                executor=self.executor,
                embeddings=self.embeddings,
            )
            .failure(self._error)
            .on_cancel(self.cancelled)
            .run()
        )
        return self.last_op

    def drop_paths(self, paths: Sequence[Path]):
        paths = [Path(p) for p in paths]
        if len(paths) == 1 and paths[0].suffix.lower() == jobs.PROJECT_SUFFIX:
            if self._may_discard():
                return self.open_paths(paths)
            return None
        return self.add_documents(paths)

    def paste(self) -> None:
        dialog = PasteDialog(self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.add_pasted(dialog.text_edit.toPlainText(), dialog.title_edit.text(), dialog.outlet_edit.text())

    def add_pasted(self, text: str, title: str = "", outlet: str = ""):
        current = self.session.comparison
        doc_id = renumber_documents(current.documents, [current.base])[0].id
        try:
            doc = document_from_text(text, doc_id, title=title.strip(), source="pasted")
        except CompareError as exc:
            self._error(exc)
            return None
        if outlet.strip():
            doc = dataclasses.replace(doc, outlet=outlet.strip())
        return self._align((*current.documents, doc), "Add pasted account")

    # aligning
    def choose_threshold(self, value: float) -> None:
        """The person moved the slider: the next alignment (of this or a new comparison) uses ``value``."""
        self.threshold = value
        self.threshold_chosen = abs(value - self.session.comparison.settings.threshold) > 1e-9

    def _settings(self) -> AlignSettings:
        """Settings to re-align the open comparison with: the slider's threshold."""

        return dataclasses.replace(
            self.session.comparison.settings, threshold=self.threshold, semantic=self.semantic
        )

    def _new_settings(self) -> AlignSettings:
        """Settings for a new comparison: the default threshold unless the person chose another one."""
        threshold = self.threshold if self.threshold_chosen else AlignSettings().threshold
        return AlignSettings(threshold=threshold, semantic=self.semantic)

    def cancelled(self) -> None:
        """Long work was cancelled: the shown comparison is unchanged, and so must be the toolbar."""
        self._sync_toolbar()
        if not self.session.comparison.claims:  # the texts the window was started with, not yet aligned
            message = "Cancelled: the texts are shown without alignment; press Re-align (F5) to align them."
        else:
            message = "Cancelled, the previous result is kept."
        self.window.statusBar().showMessage(message, 10_000)

    def _sync_toolbar(self) -> None:
        """Slider and box back to what the shown comparison was aligned with."""
        settings = self.session.comparison.settings
        self.threshold, self.semantic, self.threshold_chosen = settings.threshold, settings.semantic, False
        if hasattr(self.window, "threshold_changed_externally"):
            self.window.threshold_changed_externally(self.threshold)
        if hasattr(self.window, "semantic_changed_externally"):
            self.window.semantic_changed_externally(self.semantic)

    def _align(self, documents, text: str):
        if self.busy():
            return None
        previous, settings = self.session.comparison, self._settings()
        self.last_op = (
            jobs.align_documents(
                parent=self.window,
                documents=documents,
                settings=settings,
                previous=previous,
                success=self._meaning_checked(settings, lambda c: self._aligned(c, text)),
                executor=self.executor,
                embeddings=self.embeddings,
            )
            .failure(self._error)
            .on_cancel(self.cancelled)
            .run()
        )
        return self.last_op

    def _aligned(self, comparison: Comparison, text: str) -> None:
        self.session.apply(comparison, text)
        self._sync_toolbar()

    def realign(self):
        meaning = " with meaning" if self.semantic else ""
        return self._align(self.session.comparison.documents, f"Re-align at {self.threshold:.2f}{meaning}")

    # saving
    def save(self) -> bool:
        if self.session.path is None:
            return self.save_as()
        return self._save_to(self.session.path)

    def save_as(self) -> bool:
        path = self.ask_save_path("Save project", PROJECT_FILTER, jobs.PROJECT_SUFFIX)
        return False if path is None else self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        """Save on the file thread with a progress dialog for long saves; True when saved.

        The window stays painted while it waits. A file that another program or person saved since it was
        read here is not replaced: the error says so, and Save As keeps both.
        """
        from compare.store.lock import ANY  # lazy: start-up time

        if self.save_op is not None and self.save_op.running:
            self.window.statusBar().showMessage("Still saving…", 3000)
            return False

        session = self.session
        try:
            refuse_inputs(path, [Path(d.source) for d in session.comparison.documents if d.source])
        except CompareError as exc:
            self._error(exc)
            return False
        comparison, author, embeddings = session.comparison, self.author, self.embeddings
        expected = self.stamp if (path == session.path and self.stamp is not None) else ANY
        edits_at_start = session.undo_stack.index()
        saved: list[bool] = []

        def work(_progress, _should_cancel):
            return jobs.save_project(
                path, comparison, author=author, embeddings=embeddings, expected=expected
            )

        def done(stamp) -> None:
            self.stamp = stamp
            if session.comparison is comparison or session.undo_stack.index() == edits_at_start:
                session.mark_saved(path)
            else:  # edited while saving: the file holds the state when Save was chosen; still unsaved
                session.path = path
            self.remember([path])
            self.window.statusBar().showMessage(f"Saved {path.name}.", 5000)
            saved.append(True)

        op = Op(parent=self.window, work=work, success=done, executor=self.io_executor)
        self.save_op = op.with_progress(f"Saving {path.name}…", cancellable=False).failure(self._error).run()
        wait_for(op)
        return bool(saved)

    def _may_discard(self) -> bool:
        ask = getattr(self.window, "may_discard", None)
        return True if ask is None else ask()

    # export
    def export_json(self) -> Path | None:
        path = self.ask_save_path("Export result (JSON)", "JSON (*.json)", ".json")
        if path is None:
            return None

        return self._export(path, lambda: write_json(self.session.comparison, path, inputs=self.inputs()))

    def export_csv(self) -> Path | None:
        path = self.ask_save_path("Export links (CSV)", "CSV (*.csv)", ".csv")
        if path is None:
            return None

        return self._export(path, lambda: links_csv(self.session.comparison, path, inputs=self.inputs()))

    def export_html(self) -> Path | None:
        path = self.ask_save_path("Export HTML report", "HTML (*.html)", ".html")
        if path is None:
            return None

        return self._export(
            path, lambda: write_html_report(self.session.comparison, path, inputs=self.inputs())
        )

    def inputs(self) -> list[Path]:
        """The files the comparison was read from: an export or a save never replaces one of them."""
        sources = [Path(d.source) for d in self.session.comparison.documents if d.source]
        return [*sources, *([self.session.path] if self.session.path is not None else [])]

    def export_pdf(self) -> Path | None:
        path = self.ask_save_path("Export report as PDF", "PDF (*.pdf)", ".pdf")
        if path is None:
            return None

        return self._export(path, lambda: write_pdf_report(self.session.comparison, path))

    def _export(self, path: Path, write) -> Path | None:
        try:
            write()
        except (CompareError, OSError) as exc:
            self._error(exc)
            return None
        self.window.statusBar().showMessage(f"Exported {path.name}.", 5000)
        return path
