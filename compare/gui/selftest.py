"""``narrative-compare --self-test``: proves a build works end to end without a display.

Opens the bundled sample, aligns it (by meaning too: a build that carries the model must load and use it),
builds the main window offscreen, saves a screenshot and a project file with its claim embeddings in a
temporary folder, reopens the project and checks that the counts and embeddings match; prints a short summary.
Exit 0 on success, 1 with the reason on any failure. Resources are found only through
``workflows.resources_dir()``, never through the current directory (the packaged app runs under ``env -i``).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

from compare import store, workflows
from compare.align.semantic import SemanticUnavailable, find_model
from compare.gui.main_window import MainWindow
from compare.gui.qapp import make_app
from compare.gui.qt import QSettings
from compare.model import Comparison
from compare.review.queue import claim_counts


def run(out_dir: Path | None = None) -> int:
    t0 = time.perf_counter()
    try:
        if not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = make_app()
        folder = Path(out_dir) if out_dir else Path(tempfile.mkdtemp(prefix="narrative-compare-selftest-"))
        folder.mkdir(parents=True, exist_ok=True)
        embeddings = store.ProjectEmbeddingCache()
        comparison = workflows.open_sample(cache=embeddings, shipped=False)  # the model must run
        counts = claim_counts(comparison)
        if not comparison.links:
            raise AssertionError("the sample aligned with no links at all")
        meaning = _check_meaning(comparison, embeddings.count())

        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(comparison, settings=settings)
        window.resize(1400, 850)
        window.show()
        app.processEvents()
        shown = window.legend.shown_counts()
        if shown != counts:
            raise AssertionError(f"legend shows {shown}, comparison counts {counts}")
        if window.go_difference(1) is None and any(v["contradict"] for v in counts.values()):
            raise AssertionError("next difference found nothing")
        app.processEvents()
        shot = folder / "self-test.png"
        if not window.grab().save(str(shot)) or shot.stat().st_size < 10_000:
            raise AssertionError(f"screenshot not written: {shot}")
        project = folder / "self-test.ncproj"
        store.save_comparison(project, comparison, author="self-test", embeddings=embeddings)
        kept = store.ProjectEmbeddingCache()
        reopened = store.open_comparison(project, embeddings=kept)
        if claim_counts(reopened) != counts:
            raise AssertionError(f"reopened project counts {claim_counts(reopened)} differ from {counts}")
        if kept.count() != embeddings.count():
            raise AssertionError(f"reopened project has {kept.count()} embeddings, not {embeddings.count()}")
        window.session.undo_stack.setClean()
        window.close()
        elapsed = time.perf_counter() - t0
        docs = len(comparison.documents)
        print(
            f"self-test ok: {docs} texts, {len(comparison.claims)} claims, "
            f"{sum(1 for lk in comparison.links if lk.active)} links; {meaning}; "
            f"screenshot {shot}; project {project}; {elapsed:.2f} s"
        )
        return 0
    except BaseException as exc:  # noqa: BLE001 - the self-test reports every failure as exit 1
        print(f"self-test FAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
        if os.environ.get("NC_DEBUG"):
            traceback.print_exc()
        return 1


def _check_meaning(comparison: Comparison, embedded: int) -> str:
    """Whether the sample was aligned by meaning; an error if the model is there but was not used."""
    if comparison.settings.semantic:
        texts = len({c.text for c in comparison.claims})
        if embedded != texts:
            raise AssertionError(f"{embedded} claim texts embedded of {texts}")
        return f"by meaning ({comparison.engine_version.rsplit('+ ', 1)[-1]}, {embedded} claims embedded)"
    problem = workflows.semantic_problem()
    try:
        find_model()
    except SemanticUnavailable:  # a build without the model (NC_SEMANTIC=0): wording only is expected
        return f"by wording only ({problem})"
    raise AssertionError(f"the model is there but the sample was aligned by wording only: {problem}")
