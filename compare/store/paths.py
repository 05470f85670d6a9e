"""Where things are: the ``db/`` folder with the schema and migrations, and the files beside a project."""

from __future__ import annotations

import sys
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parents[2]  # compare/store/paths.py -> repository root


def db_dir() -> Path:
    """The ``db/`` folder: ``schema.sql`` and ``migrations/``.

    From a source tree it sits at the repository root; in a PyInstaller bundle ``build.spec`` copies it to
    ``<bundle>/db`` and ``sys._MEIPASS`` is the bundle. Never relative to the working directory.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else _SOURCE_ROOT
    return root / "db"


def backup_path(path: Path) -> Path:
    """The previous save, kept by every save: ``project.ncproj.bak``."""
    return path.with_name(path.name + ".bak")


def autosave_path(path: Path) -> Path:
    """The autosave journal of a project: ``project.ncproj.autosave`` (a complete project file)."""
    return path.with_name(path.name + ".autosave")


def version_backup_path(path: Path, version: int) -> Path:
    """Where an older file is kept when opening upgrades it: ``project.ncproj.v1.bak``."""
    return path.with_name(f"{path.name}.v{version}.bak")
