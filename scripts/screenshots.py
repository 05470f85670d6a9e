"""Renders the README's pictures offscreen from the bundled sample: ``docs/screenshot.png`` (the main window
as it opens) and ``docs/review.png`` (a review in progress: a difference with its pair view, checked marks,
and the Link to… list). Run after a change to the window:

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--out docs]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SIZE = (1280, 800)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from compare import workflows
    from compare.gui.app import make_app
    from compare.gui.main_window import MainWindow
    from compare.gui.qt import QSettings
    from compare.gui.work.background import SyncExecutor

    app = make_app()
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workflows.open_sample(), settings=settings, executor=SyncExecutor())
    window.resize(*SIZE)
    window.show()
    app.processEvents()
    # as on a 1280-pixel screen (the offscreen screen is smaller, so the first layout was made for it)
    window.h_split.setSizes([SIZE[0] - 330, 330])
    window.v_split.setSizes([SIZE[1] * 62 // 100, SIZE[1] * 38 // 100])
    app.processEvents()
    window.show_first_difference()
    app.processEvents()
    args.out.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(args.out / "screenshot.png"))
    review(app, window)
    window.grab().save(str(args.out / "review.png"))
    window.session.undo_stack.setClean()
    window.close()
    print(f"wrote {args.out / 'screenshot.png'} and {args.out / 'review.png'}")
    return 0


def review(app, window) -> None:
    """A review under way: compared with one account, its differences confirmed, then (F6) the first
    possible counterpart linked with one key, shown in the pair view."""
    from compare.gui.actions import Act

    session = window.session
    account = session.comparison.accounts[-1].id
    window.focus_combo.setCurrentIndex(window.focus_combo.findData(account))
    for _ in range(2):
        window.actions[Act.NEXT_DIFF].trigger()
        window.actions[Act.CONFIRM].trigger()
    window.actions[Act.NEXT_CHECK].trigger()
    window.actions[Act.LINK_OFFER].trigger()
    app.processEvents()


if __name__ == "__main__":
    raise SystemExit(main())
