"""The user's edits to links and notes, wired to the actions: confirm, reject, relabel, link, unlink, note.

Each edit is a pure function from ``edits`` applied through the session's undo stack.
"""

from __future__ import annotations

from compare.gui.actions import Act
from compare.gui.dialogs.basic import NoteDialog
from compare.gui.dialogs.link_dialog import PICK_IN_TEXTS, LinkDialog
from compare.gui.qt import QAction, QDialog, QObject, QWidget
from compare.gui.session import Session
from compare.model import LinkStatus, Relation
from compare.review import edits

CHECKED = "checked"


class EditController(QObject):
    def __init__(
        self, window: QWidget, session: Session, actions: dict[Act, QAction], *, author: str = ""
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.actions = actions
        self.author = author
        self.pending_link: str | None = None
        self._pending_documents: tuple = ()  # the texts a pending Link to was started in
        actions[Act.CONFIRM].triggered.connect(self.confirm)
        actions[Act.REJECT].triggered.connect(self.reject)
        actions[Act.RELABEL].triggered.connect(self.relabel)
        actions[Act.UNLINK].triggered.connect(self.unlink)
        actions[Act.LINK].triggered.connect(self.start_link)
        actions[Act.LINK_PICK].triggered.connect(self.start_pick)
        actions[Act.NOTE].triggered.connect(self.note)
        actions[Act.MARK_CHECKED].triggered.connect(self.mark_checked)
        session.selectionChanged.connect(self._on_selection)
        session.changed.connect(self._on_changed)
        self.update_actions()

    def _message(self, text: str, msecs: int = 6000) -> None:
        bar = getattr(self.window, "statusBar", None)
        if bar is not None:
            bar().showMessage(text, msecs)

    def update_actions(self) -> None:
        link = self.session.current_link()
        for act in (Act.CONFIRM, Act.REJECT, Act.RELABEL, Act.UNLINK):
            self.actions[act].setEnabled(link is not None)
        if link is not None:
            self.actions[Act.CONFIRM].setEnabled(link.status not in (LinkStatus.CONFIRMED, LinkStatus.MANUAL))
            other = "differs" if link.relation is Relation.AGREE else "agrees"
            self.actions[Act.RELABEL].setText(f"Mark as {other}")
        else:
            self.actions[Act.RELABEL].setText("Relabel")
        self.actions[Act.LINK].setEnabled(self.session.selected is not None)
        self.actions[Act.LINK_PICK].setEnabled(self.session.selected is not None)
        self.actions[Act.NOTE].setEnabled(self.session.selected is not None)
        self.actions[Act.MARK_CHECKED].setEnabled(self.session.selected is not None)

    def _apply(self, fn, text: str) -> None:
        key = self.session.link_key
        if key is None:
            return
        try:
            self.session.apply(fn(self.session.comparison, key), text)
        except edits.EditError as exc:
            self._message(str(exc))

    def confirm(self) -> None:
        self._apply(edits.confirm_link, "Confirm link")

    def reject(self) -> None:
        self._apply(edits.reject_link, "Reject link")
        self.session.select_link(None)

    def unlink(self) -> None:
        self._apply(edits.unlink, "Unlink")
        self.session.select_link(None)

    def relabel(self) -> None:
        link = self.session.current_link()
        if link is None:
            return
        new = Relation.CONTRADICT if link.relation is Relation.AGREE else Relation.AGREE
        self._apply(lambda c, k: edits.relabel_link(c, k, new), "Relabel link")

    # manual links
    def start_link(self) -> None:
        picked = []
        claims_panel = getattr(self.window, "claims_panel", None)
        if claims_panel is not None and claims_panel.table.hasFocus():
            picked = claims_panel.selected_claims()
        if len(picked) == 2:
            self.link(picked[0], picked[1])
            return
        claim_id = self.session.selected
        if claim_id is None:
            return
        target = self.ask_link_target(claim_id)
        if target == PICK_IN_TEXTS:
            self.start_pick()
        elif target is not None:
            self.link(claim_id, target)

    def ask_link_target(self, claim_id: str) -> str | None:
        """The searchable list of claims to link to (a method, so that tests can answer it)."""
        dialog = LinkDialog(self.session.comparison, claim_id, self.session.focus, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()

    def start_pick(self) -> None:
        """Link by clicking: the next claim clicked in another text becomes the counterpart."""
        if self.session.selected is None:
            return
        self.pending_link = self.session.selected
        self._pending_documents = self.session.comparison.documents
        self._message("Now click the matching claim in another text (Esc cancels).", 0)

    def cancel_link(self) -> None:
        if self.pending_link is not None:
            self.pending_link = None
            self._message("Linking cancelled.")

    def link(self, first: str, second: str, relation: Relation | None = None) -> tuple[str, str] | None:
        """Links two claims by hand; without ``relation`` the edits module works out how they relate."""
        try:
            if relation is None:
                after, key = edits.link_claims(self.session.comparison, first, second, author=self.author)
            else:
                after, key = edits.link_claims(
                    self.session.comparison, first, second, relation, author=self.author
                )
        except edits.EditError as exc:
            self._message(str(exc))
            return None
        self.pending_link = None
        self.session.apply(after, "Link claims")
        self.session.select_claim(first, key)
        link = self.session.current_link()
        shown = "differs" if link is not None and link.relation is Relation.CONTRADICT else "agrees"
        self._message(f"Linked: {shown}. Use Relabel if you read the two differently.")
        return key

    def _on_changed(self) -> None:
        """A new or re-aligned comparison may no longer have the claim a pending Link to started from."""
        docs = self.session.comparison.documents
        same_texts = docs is self._pending_documents or docs == self._pending_documents
        if self.pending_link is not None and not (same_texts and self._exists(self.pending_link)):
            self.pending_link = None
            self._message("Linking cancelled: the claim is no longer there.")
        self.update_actions()

    def _exists(self, claim_id: str) -> bool:
        return any(c.id == claim_id for c in self.session.comparison.claims)

    def _on_selection(self) -> None:
        self.update_actions()
        pending, chosen = self.pending_link, self.session.selected
        if pending is None or chosen is None or chosen == pending:
            return
        if not (self._exists(pending) and self._exists(chosen)):
            self.pending_link = None
            return
        if chosen.split(":")[0] == pending.split(":")[0]:
            self.pending_link = chosen  # changed their mind within the same text
            return
        self.link(pending, chosen)

    # notes
    def note(self) -> None:
        claim_id = self.session.selected
        if claim_id is None:
            return
        ann = edits.annotation_of(self.session.comparison, claim_id)
        dialog = NoteDialog(
            self.session.comparison.claim(claim_id).text,
            ann.label if ann else "",
            ann.note if ann else "",
            self.window,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.set_note(claim_id, dialog.label_edit.text(), dialog.note_edit.toPlainText())

    def set_note(self, target: str, label: str, note: str) -> None:
        after = edits.annotate(self.session.comparison, target, label=label, note=note, author=self.author)
        self.session.apply(after, "Note")

    def mark_checked(self) -> None:
        """Writes the label "checked" on the selected claim (again: removes it). A person's own note on the
        claim counts as checked already, so it is never overwritten."""
        claim_id = self.session.selected
        if claim_id is None:
            return
        ann = edits.annotation_of(self.session.comparison, claim_id)
        if ann is None:
            self.session.apply(
                edits.annotate(self.session.comparison, claim_id, label=CHECKED, note="", author=self.author),
                "Mark as checked",
            )
            self._message("Marked as checked (Ctrl+K again to undo it). F6: next to check.")
        elif ann.label == CHECKED and not ann.note:
            self.session.apply(
                edits.annotate(self.session.comparison, claim_id, label="", note=""), "Unmark as checked"
            )
            self._message("No longer marked as checked.")
        else:
            self._message("This claim has a note: it already counts as checked.")
