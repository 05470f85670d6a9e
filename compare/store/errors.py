"""Named errors of the project-file layer. Each names the file and the problem, in one line.

All subclass ``compare.model.CompareError``, so the command line prints them without a traceback and the GUI
shows them in one dialog. ``problems`` keeps every problem found, for ``project check``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from compare.model import CompareError


class StoreError(CompareError):
    """A project file could not be opened, saved or merged."""

    def __init__(self, path: str | Path, problems: str | Sequence[str]) -> None:
        self.path = Path(path)
        self.problems: tuple[str, ...] = (problems,) if isinstance(problems, str) else tuple(problems)
        first = self.problems[0] if self.problems else "unknown problem"
        more = len(self.problems) - 1
        tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        super().__init__(f"{self.path}: {first}{tail}")


class ProjectNotFound(StoreError):
    """There is no file at the path."""


class ProjectExists(StoreError):
    """A new project would overwrite an existing file."""


class NotAProject(StoreError):
    """Not an SQLite file, or an SQLite file of some other application."""


class CorruptProject(StoreError):
    """Truncated, damaged, or failing SQLite's own integrity check."""


class SchemaTooNew(StoreError):
    """Written by a newer Narrative Compare than this one."""


class UnsafeSchema(StoreError):
    """Tables, columns, indexes, triggers or views other than the ones this version writes."""


class LimitExceeded(StoreError):
    """Too large: file size, number of documents or rows, or length of a text (see ``limits``)."""


class InvalidData(StoreError):
    """Rows that do not make a valid comparison: offsets out of range, bad JSON, dangling references."""


class MigrationFailed(StoreError):
    """An older file could not be upgraded; the original file is untouched."""


class SaveFailed(StoreError):
    """Nothing was written: disk full, folder read-only, ... The previous file is intact."""


class ProjectBusy(StoreError):
    """Another save of the file (or in its folder) did not finish in time."""


class ProjectChanged(StoreError):
    """The file changed on disk after it was read: saving would lose the other change."""
