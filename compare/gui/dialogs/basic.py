"""Small dialogs: paste an account, note a claim, keyboard shortcuts, About (version and licences)."""

from __future__ import annotations

import html
import platform

from compare import __version__
from compare.gui.actions import shortcut_table
from compare.gui.qt import (
    PYSIDE_VERSION,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFormLayout,
    QKeyEvent,
    QLineEdit,
    QMessageBox,
    QObject,
    QPlainTextEdit,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    qVersion,
)
from compare.gui.resources import notices_file

LICENCES = [
    ("Narrative Compare", "MIT"),
    ("Qt 6 / PySide6 (Qt for Python)", "LGPL-3.0 (dynamically linked, unmodified)"),
    ("RapidFuzz", "MIT"),
    ("NumPy", "BSD-3-Clause"),
    ("sqlite-utils", "Apache-2.0"),
    ("SQLite", "Public domain"),
    ("pypdf", "BSD-3-Clause"),
    ("Python", "PSF-2.0"),
]


class PasteDialog(QDialog):
    """Paste the text of an account (and optionally its title and outlet)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste an account")
        self.resize(640, 480)
        form = QFormLayout()
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText("e.g. Evening Post, 21 September")
        self.title_edit.setAccessibleName("Title of the pasted account")
        self.outlet_edit = QLineEdit(self)
        self.outlet_edit.setAccessibleName("Outlet of the pasted account")
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setPlaceholderText("Paste the article text here…")
        self.text_edit.setAccessibleName("Text of the pasted account")
        form.addRow("&Title:", self.title_edit)
        form.addRow("&Outlet:", self.outlet_edit)
        form.addRow("Te&xt:", self.text_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Add and align")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.text_edit.textChanged.connect(
            lambda: self.ok_button.setEnabled(bool(self.text_edit.toPlainText().strip()))
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)


class NoteDialog(QDialog):
    """A label (short tag, e.g. "check with source") and a free note; both empty removes the note."""

    def __init__(
        self, target_text: str, label: str = "", note: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Note on a claim")
        self.resize(520, 300)
        layout = QVBoxLayout(self)
        quote = QPlainTextEdit(self)
        quote.setPlainText(target_text)
        quote.setReadOnly(True)
        quote.setMaximumHeight(80)
        quote.setAccessibleName("The claim")
        quote.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the typing starts in the label, not in the quote
        self.quote = quote
        form = QFormLayout()
        self.label_edit = QLineEdit(label, self)
        self.label_edit.setPlaceholderText("e.g. check with source")
        self.label_edit.setAccessibleName("Label")
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setPlainText(note)
        self.note_edit.setAccessibleName("Note")
        self.note_edit.setPlaceholderText("Return saves; Shift+Return starts a new line")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.installEventFilter(self)
        form.addRow("&Label:", self.label_edit)
        form.addRow("&Note:", self.note_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(quote)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.label_edit.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Return in the note saves, as everywhere else in the dialog; Shift+Return is a new line."""
        if (
            watched is self.note_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)


def about_html() -> str:
    rows = "".join(
        f"<tr><td>{html.escape(n)}</td><td>&nbsp;{html.escape(lic)}</td></tr>" for n, lic in LICENCES
    )

    return (
        f"<h3>Narrative Compare {html.escape(__version__)}</h3>"
        "<p>Compares several accounts of the same events: splits them into claims, aligns the claims, and "
        "shows where they agree, where they differ, and what each leaves out. It does not judge which "
        "account is true.</p>"
        f"<p>Python {html.escape(platform.python_version())} · PySide6 {html.escape(PYSIDE_VERSION)} · "
        f"Qt {html.escape(qVersion())}</p>"
        f"<p><b>Licences</b></p><table>{rows}</table>"
        "<p>Colours: Okabe &amp; Ito colour-blind-safe palette.</p>"
    )


class TextDialog(QDialog):
    """A read-only plain-text viewer (licence notices)."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 600)
        self.view = QPlainTextEdit(self)
        self.view.setReadOnly(True)
        self.view.setPlainText(text)
        self.view.setAccessibleName(title)
        font = self.view.font()
        font.setFamily("monospace")
        self.view.setFont(font)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)


def show_licences(parent: QWidget | None) -> None:
    path = notices_file()
    text = (
        path.read_text(encoding="utf-8", errors="replace") if path else "The licence notices are not bundled."
    )
    TextDialog("Licences", text, parent).exec()


def show_about(parent: QWidget | None) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle("About Narrative Compare")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_html())
    if parent is not None:
        box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    licences = box.addButton("Licences…", QMessageBox.ButtonRole.HelpRole)
    box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()
    if box.clickedButton() is licences:
        show_licences(parent)


EXTRA_KEYS = [
    ("Undo", "Ctrl+Z"),
    ("Redo", "Ctrl+Shift+Z, Ctrl+Y"),
    ("Cancel linking, close a dialog", "Esc"),
    ("Choose in the Link to… list", "Up, Down, Return"),
    ("Save a note", "Return (Shift+Return: new line)"),
    ("Move between panes and panels", "Tab, Shift+Tab"),
    ("Select a claim from the keyboard", "arrow keys in a text"),
]


def shortcut_rows() -> list[tuple[str, str]]:
    """Undo, Redo and Esc first (used most, and not in any menu's action list), then every action."""
    return EXTRA_KEYS[:3] + [(name, keys) for name, keys in shortcut_table() if keys] + EXTRA_KEYS[3:]


def shortcuts_text() -> str:
    return "\n".join(f"{name:<34} {keys}" for name, keys in shortcut_rows())


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(520, 640)
        rows = shortcut_rows()
        table = QTableWidget(len(rows), 2, self)
        table.setHorizontalHeaderLabels(["Action", "Keys"])
        table.setAccessibleName("Keyboard shortcuts")
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, (name, keys) in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(name))
            table.setItem(r, 1, QTableWidgetItem(keys))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)


def show_shortcuts(parent: QWidget | None) -> None:
    ShortcutsDialog(parent).exec()
