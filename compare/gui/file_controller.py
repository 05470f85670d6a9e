"""Files in and out: open documents or a project, recent files, paste, drag and drop, save, export, re-align.

Long steps (reading, aligning, opening a project) go through ``operations`` (worker + progress + Cancel);
every failure ends in a one-line dialog, never a traceback.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from compare.gui import operations
from compare.gui.actions import Act
from compare.gui.dialogs import PasteDialog
from compare.gui.edits import renumber_documents
from compare.gui.ops import Executor, Op, show_error
from compare.gui.qt import QAction, QDialog, QFileDialog, QInputDialog, QMenu, QObject, QSettings, QWidget
from compare.gui.session import Session
from compare.model import AlignSettings, CompareError, Comparison

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
        self.author = author
        self.threshold = session.comparison.settings.threshold
        self.semantic = session.comparison.settings.semantic  # the toolbar's "Meaning (semantic)" box
        # Why meaning-level matching fell back to wording only ("" while it works); shown in the status bar.
        self.semantic_note = ""
        # The project's claim embeddings: filled from its file when opened, by semantic alignment, and saved
        # into the file with the project.
        self.embeddings = embeddings if embeddings is not None else operations.new_embedding_cache()
        self.last_op = None
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
        actions[Act.REALIGN].triggered.connect(self.realign)

    # asking (methods so that tests can replace them)
    def ask_open_paths(self) -> list[Path]:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, "Open documents or a project", self._last_dir(), DOC_FILTER
        )
        return [Path(p) for p in paths]

    def ask_save_path(self, caption: str, file_filter: str, suffix: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.window, caption, self._last_dir(), file_filter)
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
            if settings.semantic and not comparison.settings.semantic:
                from compare import workflows

                self.semantic_unavailable(workflows.semantic_problem())
            then(comparison)

        return done

    def semantic_unavailable(self, note: str) -> None:
        """The model did not load, so the comparison was made by wording only: untick the box and say why
        in the status bar (no dialog: the comparison itself is fine)."""
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
        if len(paths) > 1 and all(p.suffix.lower() != operations.PROJECT_SUFFIX for p in paths):
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
        projects = [p for p in paths if p.suffix.lower() == operations.PROJECT_SUFFIX]
        if projects and len(paths) > 1:
            self._error(CompareError("open one project file at a time, or only documents"))
            return None
        cache = operations.new_embedding_cache()
        if projects:
            op = operations.open_project(
                parent=self.window,
                path=projects[0],
                success=lambda c, p=projects[0]: self._opened(c, p, saved=True, paths=[p], embeddings=cache),
                executor=self.executor,
                embeddings=cache,
            )
        elif len(paths) < 2:
            self._error(CompareError("choose at least two documents: the base text first, then the accounts"))
            return None
        else:
            settings = self._settings()
            op = operations.load_and_align(
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
        self.last_op = op.failure(self._error).run()
        return self.last_op

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
        self.embeddings = embeddings if embeddings is not None else operations.new_embedding_cache()
        self.threshold = comparison.settings.threshold
        self.semantic = comparison.settings.semantic
        self.remember(paths)
        self.window.statusBar().showMessage(f"Opened {len(comparison.documents)} texts.", 5000)
        if hasattr(self.window, "threshold_changed_externally"):
            self.window.threshold_changed_externally(self.threshold)
        if hasattr(self.window, "semantic_changed_externally"):
            self.window.semantic_changed_externally(self.semantic)

    def open_sample(self) -> None:
        if self.busy() or not self._may_discard():
            return
        from compare import workflows

        settings, cache = self._settings(), operations.new_embedding_cache()

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
        self.last_op = op.with_progress("Opening the sample…").failure(self._error).run()

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
            operations.add_accounts(
                parent=self.window,
                previous=self.session.comparison,
                paths=paths,
                settings=settings,
                success=self._meaning_checked(settings, done),
                executor=self.executor,
                embeddings=self.embeddings,
            )
            .failure(self._error)
            .run()
        )
        return self.last_op

    def drop_paths(self, paths: Sequence[Path]):
        paths = [Path(p) for p in paths]
        if len(paths) == 1 and paths[0].suffix.lower() == operations.PROJECT_SUFFIX:
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
        from compare.text.ingest import document_from_text

        current = self.session.comparison
        doc_id = renumber_documents(current.documents, [current.base])[0].id
        try:
            doc = document_from_text(text, doc_id, title=title.strip(), source="pasted")
        except CompareError as exc:
            self._error(exc)
            return None
        if outlet.strip():
            import dataclasses

            doc = dataclasses.replace(doc, outlet=outlet.strip())
        return self._align((*current.documents, doc), "Add pasted account")

    # aligning
    def _settings(self) -> AlignSettings:
        import dataclasses

        return dataclasses.replace(
            self.session.comparison.settings, threshold=self.threshold, semantic=self.semantic
        )

    def _align(self, documents, text: str):
        if self.busy():
            return None
        previous, settings = self.session.comparison, self._settings()
        self.last_op = (
            operations.align_documents(
                parent=self.window,
                documents=documents,
                settings=settings,
                previous=previous,
                success=self._meaning_checked(settings, lambda c: self.session.apply(c, text)),
                executor=self.executor,
                embeddings=self.embeddings,
            )
            .failure(self._error)
            .run()
        )
        return self.last_op

    def realign(self):
        meaning = " with meaning" if self.semantic else ""
        return self._align(self.session.comparison.documents, f"Re-align at {self.threshold:.2f}{meaning}")

    # saving
    def save(self) -> bool:
        if self.session.path is None:
            return self.save_as()
        return self._save_to(self.session.path)

    def save_as(self) -> bool:
        path = self.ask_save_path("Save project", PROJECT_FILTER, operations.PROJECT_SUFFIX)
        return False if path is None else self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        try:
            operations.save_project(
                path, self.session.comparison, author=self.author, embeddings=self.embeddings
            )
        except (CompareError, OSError) as exc:
            self._error(exc)
            return False
        self.session.mark_saved(path)
        self.remember([path])
        self.window.statusBar().showMessage(f"Saved {path.name}.", 5000)
        return True

    def _may_discard(self) -> bool:
        ask = getattr(self.window, "may_discard", None)
        return True if ask is None else ask()

    # export
    def export_json(self) -> Path | None:
        path = self.ask_save_path("Export result (JSON)", "JSON (*.json)", ".json")
        if path is None:
            return None
        from compare.report.contract import to_contract

        return self._export(
            path,
            lambda: path.write_text(
                json.dumps(to_contract(self.session.comparison), ensure_ascii=False, indent=1),
                encoding="utf-8",
            ),
        )

    def export_csv(self) -> Path | None:
        path = self.ask_save_path("Export links (CSV)", "CSV (*.csv)", ".csv")
        if path is None:
            return None
        from compare.report.contract import links_csv

        return self._export(path, lambda: links_csv(self.session.comparison, path))

    def export_html(self) -> Path | None:
        path = self.ask_save_path("Export HTML report", "HTML (*.html)", ".html")
        if path is None:
            return None
        from compare.report.html_report import write_html_report

        return self._export(path, lambda: write_html_report(self.session.comparison, path))

    def _export(self, path: Path, write) -> Path | None:
        try:
            write()
        except (CompareError, OSError) as exc:
            self._error(exc)
            return None
        self.window.statusBar().showMessage(f"Exported {path.name}.", 5000)
        return path
