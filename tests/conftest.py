"""Shared test set-up: Qt runs offscreen, and the test corpus is optional."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
# Shared test data (tests/helpers) is imported as ``helpers``, from every test folder alike.
if str(REPO / "tests") not in sys.path:
    sys.path.insert(0, str(REPO / "tests"))
CORPUS = Path(os.environ.get("NC_CORPUS", REPO.parent / "shared" / "corpus"))


@pytest.fixture
def corpus_dir() -> Path:
    if not (CORPUS / "corpus.json").is_file():
        pytest.skip(f"test corpus not found at {CORPUS} (set NC_CORPUS); it is not shipped with the app")
    return CORPUS


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()) or "/gui/" in str(item.fspath):
            item.add_marker(pytest.mark.gui)
