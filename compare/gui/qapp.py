"""The QApplication, made once with the app's name, icon and theme: shared by the app, the self-test and the
benchmarks (its own module so that ``gui.app`` and ``gui.selftest`` do not import each other)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from compare import __version__
from compare.gui.qt import QApplication, QSettings, qInstallMessageHandler
from compare.gui.resources import app_icon
from compare.gui.views.theme import apply_theme

ORG = "NarrativeCompare"
APP = "Narrative Compare"


def ensure_platform() -> None:
    """Without a display and without QT_QPA_PLATFORM, Qt aborts: fall back to offscreen."""
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"


_NOISE = ("propagateSizeHints",)  # the offscreen platform's harmless complaint on every show()


def _qt_messages(mode, context, message: str) -> None:
    if not any(n in message for n in _NOISE):
        print(message, file=sys.stderr)


def make_app(argv: Sequence[str] = ()):
    app = QApplication.instance()
    if app is None:
        qInstallMessageHandler(_qt_messages)
        app = QApplication(["narrative-compare", *argv])
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    dark = QSettings().value("dark", False) in (True, "true", "1", 1)
    apply_theme("dark" if dark else "light")
    return app
