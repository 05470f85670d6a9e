"""Every window action in one registry keyed by an Enum (cf. Picard's ``MainAction``): text, shortcuts,
tooltip. The window looks actions up by name and connects them; menus and toolbars are built from them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from compare.gui.qt import QAction, QKeySequence, QObject


class Act(StrEnum):
    OPEN = "open"
    OPEN_SAMPLE = "open_sample"
    PASTE = "paste"
    SAVE = "save"
    SAVE_AS = "save_as"
    EXPORT_JSON = "export_json"
    EXPORT_CSV = "export_csv"
    EXPORT_HTML = "export_html"
    EXPORT_PDF = "export_pdf"
    QUIT = "quit"
    CONFIRM = "confirm"
    REJECT = "reject"
    RELABEL = "relabel"
    LINK = "link"
    LINK_PICK = "link_pick"
    LINK_OFFER = "link_offer"
    UNLINK = "unlink"
    NOTE = "note"
    NEXT_DIFF = "next_diff"
    PREV_DIFF = "prev_diff"
    NEXT_CHECK = "next_check"
    PREV_CHECK = "prev_check"
    MARK_CHECKED = "mark_checked"
    SYNC_SCROLL = "sync_scroll"
    SHOW_CLAIMS = "show_claims"
    SHOW_COVERAGE = "show_coverage"
    FIND = "find"
    DARK = "dark"
    REALIGN = "realign"
    ABOUT = "about"
    SHORTCUTS = "shortcuts"


@dataclass(frozen=True)
class Spec:
    text: str
    shortcuts: tuple[str, ...] = ()
    tip: str = ""
    checkable: bool = False


SPECS: dict[Act, Spec] = {
    Act.OPEN: Spec(
        "&Open…", ("Ctrl+O",), "Open documents to compare (the first is the base) or a project file"
    ),
    Act.OPEN_SAMPLE: Spec("Open the &sample", (), "Open the bundled sample comparison"),
    Act.PASTE: Spec("&Paste text as account…", ("Ctrl+Shift+V",), "Add an account by pasting its text"),
    Act.SAVE: Spec("&Save project", ("Ctrl+S",), "Save the comparison and your edits in a project file"),
    Act.SAVE_AS: Spec("Save project &as…", ("Ctrl+Shift+S",), "Save the project under a new name"),
    Act.EXPORT_JSON: Spec("Export result as &JSON…", (), "The result contract (documents, claims, links)"),
    Act.EXPORT_CSV: Spec("Export links as &CSV…", (), "One row per link, for a spreadsheet"),
    Act.EXPORT_HTML: Spec(
        "Export &HTML report…",
        ("Ctrl+E",),
        "A report to send: every difference first, then what each account leaves out, then side by side",
    ),
    Act.EXPORT_PDF: Spec(
        "Export report as P&DF…", (), "The same report as a PDF, made by Qt's own PDF writer (for print)"
    ),
    Act.QUIT: Spec("&Quit", ("Ctrl+Q",), "Close the window"),
    Act.CONFIRM: Spec("&Confirm", ("Ctrl+Return",), "Keep the selected link: you checked it"),
    Act.REJECT: Spec(
        "&Reject", ("Ctrl+Shift+Delete",), "Refuse the selected link; a re-align will not restore it"
    ),
    Act.RELABEL: Spec(
        "Re&label",
        ("Ctrl+Shift+R",),
        "Switch the selected link between \u201cagrees\u201d and \u201cdiffers\u201d",
    ),
    Act.LINK: Spec(
        "&Link to…",
        ("Ctrl+L",),
        "Link the selected claim by hand: choose its counterpart from a searchable list",
    ),
    Act.LINK_PICK: Spec(
        "Link by cl&icking",
        ("Ctrl+Shift+K",),
        "Link the selected claim by hand: then click the matching claim",
    ),
    Act.LINK_OFFER: Spec(
        "Link the possible c&ounterpart",
        ("Ctrl+Shift+Return",),
        "Link the selected claim to the possible counterpart chosen in the details (the first by default)",
    ),
    Act.UNLINK: Spec("&Unlink", ("Ctrl+Shift+L",), "Remove the selected link"),
    Act.NOTE: Spec("&Note…", ("Ctrl+M",), "Add a label or note to the selected claim"),
    Act.NEXT_DIFF: Spec("&Next difference", ("F8", "Alt+Down"), "Go to the next claim told differently"),
    Act.PREV_DIFF: Spec(
        "&Previous difference", ("F7", "Alt+Up"), "Go to the previous claim told differently"
    ),
    Act.NEXT_CHECK: Spec(
        "Next to chec&k",
        ("F6",),
        "Go to the next unchecked item after the differences: a possible counterpart, then a claim not found",
    ),
    Act.PREV_CHECK: Spec("Previous to check", ("Shift+F6",), "Go back to the previous unchecked item"),
    Act.MARK_CHECKED: Spec(
        "Mark as chec&ked",
        ("Ctrl+K",),
        "Note on the selected claim that you checked it (again to undo); a note of your own counts too",
    ),
    Act.SYNC_SCROLL: Spec(
        "S&ynchronized scrolling", ("Ctrl+Shift+Y",), "Scroll all texts together, following the links", True
    ),
    Act.SHOW_CLAIMS: Spec("Claims &table", ("Ctrl+1",), "Show the claims table"),
    Act.SHOW_COVERAGE: Spec("&Coverage matrix", ("Ctrl+2",), "Show which account carries each base claim"),
    Act.FIND: Spec("&Find claims…", ("Ctrl+F",), "Search the claims table"),
    Act.DARK: Spec("&Dark theme", ("Ctrl+Shift+D",), "Switch between the light and the dark palette", True),
    Act.REALIGN: Spec("Re-&align", ("F5",), "Align again with the threshold chosen on the toolbar"),
    Act.ABOUT: Spec("&About Narrative Compare", (), "Version and licences"),
    Act.SHORTCUTS: Spec("&Keyboard shortcuts", ("F1",), "List every action and its keys"),
}


def create_actions(parent: QObject) -> dict[Act, QAction]:
    out: dict[Act, QAction] = {}
    for act, spec in SPECS.items():
        action = QAction(spec.text, parent)
        action.setObjectName(f"action_{act.value}")
        if spec.shortcuts:
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        keys = ", ".join(spec.shortcuts)
        tip = spec.tip + (f" ({keys})" if keys else "")
        action.setToolTip(tip)
        action.setStatusTip(spec.tip)
        action.setCheckable(spec.checkable)
        out[act] = action
    return out


def shortcut_table() -> list[tuple[str, str]]:
    return [(spec.text.replace("&", "").rstrip("…"), ", ".join(spec.shortcuts)) for spec in SPECS.values()]
