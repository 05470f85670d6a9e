"""The one accessor for bundled resources (icons), through ``workflows.resources_dir()`` so that a source
checkout and a PyInstaller bundle behave the same; never relative to the current directory."""

from __future__ import annotations

from pathlib import Path

from compare.gui.qt import QIcon


def _resources() -> Path:
    try:
        from compare.workflows import resources_dir  # lazy: start-up time

        return resources_dir()
    except Exception:  # noqa: BLE001 - a missing resource must never stop the app
        return Path(__file__).resolve().parents[2] / "resources"


def notices_file() -> Path | None:
    """The third-party notices shipped with the app (licences of Qt, PySide6 and the rest)."""
    path = _resources() / "licenses" / "THIRD-PARTY-NOTICES.txt"
    return path if path.is_file() else None


def icons_dir() -> Path | None:
    folder = _resources() / "icons"
    return folder if folder.is_dir() else None


def app_icon() -> QIcon:
    folder = icons_dir()
    icon = QIcon()
    if folder is None:
        return icon
    for name in ("app-256.png", "app-64.png", "app-32.png", "app.svg"):
        if (folder / name).is_file():
            icon.addFile(str(folder / name))
    return icon
