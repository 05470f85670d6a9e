"""Time from process start to the aligned sample shown in the main window (target: under 2 s).

Runs ``narrative-compare`` (no arguments: the bundled sample) in a fresh Python process several times; the
child prints the wall-clock time at which the window has been shown and painted its first frame, and this
script subtracts the time the process was spawned. Offscreen unless a display is available. The app opens the
sample with the embeddings shipped beside it (resources/samples/embeddings.npz); ``--cold`` ignores them, so
the model is loaded and every claim embedded, as for documents the app has not seen.

    python benchmarks/bench_gui_start.py [--runs 5] [--cold]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import sys, time
t_imports = time.time()
from compare.gui.app import ensure_platform, make_app
ensure_platform()
app = make_app()
from compare import workflows
t_align0 = time.time()
comparison = workflows.open_sample(shipped=SHIPPED)
t_align1 = time.time()
from compare.gui.main_window import MainWindow
from compare.gui.qt import QSettings, QTimer
import tempfile, os
settings = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.Format.IniFormat)
window = MainWindow(comparison, settings=settings)
window.show()
window.show_first_difference()
def shown():
    window.repaint()
    print(f"SHOWN {time.time():.6f} {t_imports:.6f} {t_align1 - t_align0:.6f}", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


def run_once(shipped: bool = True) -> tuple[float, float, float]:
    env = dict(os.environ)
    env.setdefault(
        "QT_QPA_PLATFORM", "offscreen" if not env.get("DISPLAY") else env.get("QT_QPA_PLATFORM", "")
    )
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", f"SHIPPED = {shipped}\n" + CHILD],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    line = next(ln for ln in out.splitlines() if ln.startswith("SHOWN"))
    _, shown, imports, align = line.split()
    return float(shown) - start, float(imports) - start, float(align)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--cold", action="store_true", help="ignore the sample's shipped embeddings: load the model and embed"
    )
    args = parser.parse_args()
    results = [run_once(shipped=not args.cold) for _ in range(args.runs)]
    totals = [r[0] for r in results]
    print(f"python start to first import: median {statistics.median(r[1] for r in results):.2f} s")
    print(f"load + align the sample:      median {statistics.median(r[2] for r in results):.2f} s")
    print(
        f"process start -> aligned sample window shown: median {statistics.median(totals):.2f} s, "
        f"min {min(totals):.2f} s, max {max(totals):.2f} s over {len(totals)} runs (target < 2 s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
