"""Layer rules import-linter cannot state on its own: what "standard library only" and "no Qt" mean."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

COMPARE = Path(__file__).resolve().parents[2] / "compare"


def _imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_model_imports_only_the_standard_library():
    """import-linter forbids the declared packages; this catches any other one (imports inside functions too)."""
    outside = _imported_roots(COMPARE / "model.py") - set(sys.stdlib_module_names) - {"__future__"}
    assert not outside, f"compare/model.py imports {outside}"


def test_engine_store_review_and_cli_import_without_qt():
    code = (
        "import sys, compare.align.engine, compare.store, compare.cli, compare.workflows, compare.report, "
        "compare.review.edits, compare.review.carry, compare.review.navigation, compare.review.queue; "
        "assert 'PySide6' not in sys.modules, sorted(m for m in sys.modules if m.startswith('PySide6'))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=COMPARE.parent)
    assert done.returncode == 0, done.stderr


def test_the_store_does_not_load_the_engine_through_review():
    """The store imports compare.review.carry only; compare.review.edits (which asks align for a hand link's
    reasons) must not come with it, or the store would compute."""
    code = (
        "import sys, compare.store; "
        "assert not [m for m in sys.modules if m.startswith(('compare.align', 'compare.review.edits'))], "
        "sorted(m for m in sys.modules if m.startswith('compare.'))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=COMPARE.parent)
    assert done.returncode == 0, done.stderr
