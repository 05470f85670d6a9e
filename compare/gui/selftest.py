"""``narrative-compare --self-test``: proves a build works end to end without a display.

Opens the bundled sample, aligns it, builds the main window offscreen, saves a screenshot and a project
file in a temporary folder, reopens the project and checks that the counts match; prints a short summary.
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


def run(out_dir: Path | None = None) -> int:
    t0 = time.perf_counter()
    try:
        if not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from compare import store, workflows
        from compare.gui.app import make_app
        from compare.gui.qt import QSettings

        app = make_app()
        folder = Path(out_dir) if out_dir else Path(tempfile.mkdtemp(prefix="narrative-compare-selftest-"))
        folder.mkdir(parents=True, exist_ok=True)
        comparison = workflows.open_sample()
        from compare.report.review import claim_counts

        counts = claim_counts(comparison)
        if not comparison.links:
            raise AssertionError("the sample aligned with no links at all")

        from compare.gui.main_window import MainWindow

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
        store.save_comparison(project, comparison, author="self-test")
        reopened = store.open_comparison(project)
        if claim_counts(reopened) != counts:
            raise AssertionError(f"reopened project counts {claim_counts(reopened)} differ from {counts}")
        window.session.undo_stack.setClean()
        window.close()
        elapsed = time.perf_counter() - t0
        docs = len(comparison.documents)
        print(
            f"self-test ok: {docs} texts, {len(comparison.claims)} claims, "
            f"{sum(1 for lk in comparison.links if lk.active)} links; "
            f"screenshot {shot}; project {project}; {elapsed:.2f} s"
        )
        return 0
    except BaseException as exc:  # noqa: BLE001 - the self-test reports every failure as exit 1
        print(f"self-test FAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
        if os.environ.get("NC_DEBUG"):
            traceback.print_exc()
        return 1
