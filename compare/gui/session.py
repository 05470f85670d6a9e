"""The open comparison, its file, its undo stack and the current selection: the window's one source of truth.

Views never poke each other: they call the session, and refresh on its two signals (``changed`` when the
comparison value is replaced, ``selectionChanged`` when the selected claim, link or focus account changes).
"""

from __future__ import annotations

from pathlib import Path

from compare.gui.qt import QObject, QUndoCommand, QUndoStack, Signal
from compare.model import Comparison, Link
from compare.review import navigation
from compare.review import queue as review


class SnapshotCommand(QUndoCommand):
    """Undo/redo by swapping whole (immutable) Comparison values."""

    def __init__(self, session: Session, before: Comparison, after: Comparison, text: str) -> None:
        super().__init__(text)
        self._session, self._before, self._after = session, before, after

    def redo(self) -> None:
        self._session._set(self._after)

    def undo(self) -> None:
        self._session._set(self._before)


class Session(QObject):
    changed = Signal()
    dirtyChanged = Signal()  # noqa: N815 - Qt signal naming
    selectionChanged = Signal()  # noqa: N815 - Qt signal naming

    def __init__(
        self, comparison: Comparison, path: Path | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.comparison = comparison
        self.path = path
        self.undo_stack = QUndoStack(self)
        self.selected: str | None = None
        self.link_key: tuple[str, str] | None = None
        self.focus: str | None = None  # the account base marks are measured against; None = all accounts
        self.unsaved_replacement = False  # a new comparison (opened documents, re-align) not yet saved
        self._stops: list[str] | None = None
        self._queue: list[review.ReviewItem] | None = None
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    def _on_clean_changed(self, _clean: bool) -> None:
        self.dirtyChanged.emit()

    # comparison value
    def _set(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self._stops = None
        self._queue = None
        self._fix_selection()
        self.changed.emit()
        self.selectionChanged.emit()

    def apply(self, after: Comparison, text: str) -> None:
        """Applies an edit through the undo stack."""
        if after is self.comparison:
            return
        self.undo_stack.push(SnapshotCommand(self, self.comparison, after, text))

    def replace(self, comparison: Comparison, path: Path | None, *, saved: bool) -> None:
        """A different comparison (opened, or new documents): resets undo and selection."""
        self.undo_stack.clear()
        self.path = path
        self.unsaved_replacement = not saved
        self.dirtyChanged.emit()
        self.selected = None
        self.link_key = None
        if self.focus is not None and self.focus not in {d.id for d in comparison.accounts}:
            self.focus = None
        self._set(comparison)

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self.unsaved_replacement = False
        self.undo_stack.setClean()
        self.dirtyChanged.emit()

    @property
    def has_edits(self) -> bool:
        """Changes since the last save that only the person could make again (edits, re-aligns, accounts)."""
        return not self.undo_stack.isClean()

    @property
    def dirty(self) -> bool:
        return self.unsaved_replacement or not self.undo_stack.isClean()

    # selection
    def _fix_selection(self) -> None:
        ids = {c.id for c in self.comparison.claims}
        if self.selected not in ids:
            self.selected = None
        if self.link_key is not None and self.current_link() is None:
            self.link_key = None
        if self.link_key is None and self.selected is not None:
            self.link_key = self._default_link(self.selected)

    def _default_link(self, claim_id: str) -> tuple[str, str] | None:
        pairs = self.comparison.counterparts(claim_id)
        if not pairs:
            return None
        if self.focus is not None:
            for other, link in pairs:
                if other.doc == self.focus:
                    return link.key
        base = self.comparison.base.id
        for other, link in pairs:
            if other.doc == base:
                return link.key
        return pairs[0][1].key

    def select_claim(self, claim_id: str | None, link_key: tuple[str, str] | None = None) -> None:
        if claim_id == self.selected and (link_key is None or link_key == self.link_key):
            return
        self.selected = claim_id
        self.link_key = link_key or (self._default_link(claim_id) if claim_id else None)
        self.selectionChanged.emit()

    def select_link(self, key: tuple[str, str] | None) -> None:
        if key == self.link_key:
            return
        self.link_key = key
        self.selectionChanged.emit()

    def set_focus(self, account_id: str | None) -> None:
        if account_id == self.focus:
            return
        self.focus = account_id
        self._stops = None
        self._queue = None
        self.changed.emit()
        self.selectionChanged.emit()

    def current_link(self) -> Link | None:
        if self.link_key is None:
            return None
        for link in self.comparison.links:
            if link.key == self.link_key:
                return link
        return None

    def related(self) -> set[str]:
        if self.selected is None:
            return set()
        return navigation.related_claims(self.comparison, self.selected)

    # navigation
    def stops(self) -> list[str]:
        if self._stops is None:
            self._stops = navigation.difference_stops(self.comparison, self.focus)
        return self._stops

    def go_difference(self, step: int) -> str | None:
        target = navigation.next_stop(self.stops(), self.comparison, self.selected, step)
        if target is not None:
            self.select_claim(target)
        return target

    # the review queue
    def queue(self) -> list[review.ReviewItem]:
        """What to check against the focus account (or all accounts): differences, suggestions, not found."""
        if self._queue is None:
            self._queue = review.review_queue(self.comparison, self.focus)
        return self._queue

    def go_check(self, step: int) -> review.ReviewItem | None:
        """Selects the next (``step`` = 1) or previous (-1) unchecked suggestion or claim not found, in queue
        order after the selected claim; wraps around. None when everything is checked."""
        items = [i for i in self.queue() if i.kind is not review.Kind.DIFFERENCE]
        if not any(not i.checked for i in items):
            return None
        ids = [i.claim for i in items]
        start = -1 if step > 0 else len(items)
        pos = ids.index(self.selected) if self.selected in ids else start
        order = range(pos + 1, pos + 1 + len(items)) if step > 0 else range(pos - 1, pos - 1 - len(items), -1)
        for k in order:
            item = items[k % len(items)]
            if not item.checked and (item.claim != self.selected or len(items) == 1):
                self.select_claim(item.claim)
                return item
        return None
