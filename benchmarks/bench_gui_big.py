"""Time to the first window, and to the aligned result, for two generated 50,000-word texts (``gui A B``).

The window must appear at once (the texts shown unaligned) while the engine aligns in the background with a
progress dialog and Cancel. The texts are generated from a small fixed vocabulary (no corpus is read).

    python benchmarks/bench_gui_big.py [--words 50000]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
VOCABULARY = [
    "the",
    "a",
    "river",
    "rose",
    "council",
    "said",
    "that",
    "officials",
    "on",
    "monday",
    "police",
    "army",
    "city",
    "valley",
    "people",
    "metres",
    "report",
    "minister",
    "denied",
    "claimed",
    "water",
    "bridge",
    "road",
    "closed",
    "opened",
    "after",
    "before",
    "during",
]


def generated_text(words: int, seed: int) -> str:
    rnd = random.Random(seed)
    sentences = []
    while words > 0:
        n = rnd.randint(8, 20)
        words -= n
        body = " ".join(rnd.choice(VOCABULARY) for _ in range(n))
        sentences.append(f"{body.capitalize()} {rnd.randint(1, 500)}.")
    return "Generated account\n\n" + " ".join(sentences)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=50_000)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp())
    paths = []
    for i in range(2):
        path = folder / f"text{i}.txt"
        path.write_text(generated_text(args.words, seed=i), encoding="utf-8")
        paths.append(str(path))
    from compare.gui.app import make_app, open_window
    from compare.gui.qt import QSettings

    app = make_app()
    settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
    start = time.perf_counter()
    window = open_window(paths, settings=settings)
    app.processEvents()
    shown = time.perf_counter() - start
    op = window.files.last_op
    while op.running:
        app.processEvents()
        time.sleep(0.02)
    aligned = time.perf_counter() - start
    claims = window.session.comparison.claims
    t0 = time.perf_counter()
    for claim in claims[:: max(len(claims) // 20, 1)]:
        window.session.select_claim(claim.id)
        app.processEvents()
    selecting = (time.perf_counter() - t0) / len(claims[:: max(len(claims) // 20, 1)])
    t0 = time.perf_counter()
    window.go_check(1)
    app.processEvents()
    stepping = time.perf_counter() - t0
    print(f"selecting a claim: {selecting * 1000:.0f} ms; next to check (F6): {stepping * 1000:.0f} ms")
    print(f"{args.words} words x 2: window shown after {shown:.2f} s; aligned after {aligned:.2f} s "
          f"({len(window.session.comparison.claims)} claims)")  # fmt: skip
    window.session.undo_stack.setClean()
    window.session.unsaved_replacement = False
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
