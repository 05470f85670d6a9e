"""Workaround for a reference-count bug in PySide6 6.12.0 on Python 3.11.

Every call of a Qt method that returns ``void`` (``QPainter.fillRect``, ``QColor.setAlpha``,
``QTimer.setInterval``...) hands back ``None`` without taking a new reference to it, so each such call lowers
``None``'s reference count by one. Python 3.12+ makes ``None`` immortal and never notices; on 3.11 the count
reaches zero after a few thousand calls (a few seconds of painting bands) and the process aborts with
"Fatal Python error: none_dealloc". Measured here: 200 calls of ``QColor.setAlpha`` lower
``sys.getrefcount(None)`` by exactly 200.

``protect(void_call)`` measures the leak once and, only when it is present, raises ``None``'s count by a
margin so large (2**40) that no session can use it up. No-op on unaffected versions and on Python >= 3.12.
The caller (``compare.gui.qt``, the one module that imports PySide6) hands in the void Qt call to measure
with, so this module imports no Qt itself and ``qt.py`` can use it while it is still being imported.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

MARGIN = 1 << 40
_done = False


def leaks_none(void_call: Callable[[], object]) -> bool:
    """True when ``void_call`` (a Qt method returning void) drops references to None (measured, not guessed
    from version numbers)."""
    before = sys.getrefcount(None)
    for _ in range(50):
        void_call()
    return sys.getrefcount(None) < before - 25


def protect(void_call: Callable[[], object]) -> bool:
    """Applies the margin once if needed; True when it was applied (now or before)."""
    global _done
    if _done:
        return True
    if sys.version_info >= (3, 12) or not leaks_none(void_call):
        return False
    refcnt = ctypes.c_ssize_t.from_address(id(None))
    if refcnt.value != sys.getrefcount(None) - 1:  # unexpected object layout: use the C API instead
        incref = ctypes.pythonapi.Py_IncRef
        incref.argtypes = [ctypes.py_object]
        for _ in range(1 << 20):
            incref(None)
    else:
        refcnt.value += MARGIN
    _done = True
    return True
