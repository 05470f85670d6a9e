"""Colours, glyphs and underline styles for the marks, and the light and dark palettes.

One table (``MARK_STYLES``) feeds the panes, the bands, the legend, the claims table, the coverage matrix and
the HTML report, so the four marks look the same everywhere. Colours are from the Okabe–Ito colour-blind-safe
palette; every mark also has a glyph and an underline style, so it can be told apart without colour.
"""

from __future__ import annotations

from dataclasses import dataclass

from compare.gui.qt import QApplication, QColor, QPalette, Qt, QTextCharFormat
from compare.model import Coverage, Mark
from compare.review.queue import Decision

OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}


@dataclass(frozen=True)
class MarkStyle:
    colour: str
    glyph: str
    label: str  # neutral wording: the app never says which account is right
    underline: QTextCharFormat.UnderlineStyle
    pen: Qt.PenStyle  # band outline / legend swatch border
    description: str


MARK_STYLES: dict[Mark, MarkStyle] = {
    Mark.AGREE: MarkStyle(
        OKABE_ITO["bluish_green"],
        "=",
        "Agrees",
        QTextCharFormat.UnderlineStyle.SingleUnderline,
        Qt.PenStyle.SolidLine,
        'The claim has a counterpart that tells the same thing (a first reason "certainty differs" notes '
        "that one account reports or hedges what the other asserts).",
    ),
    Mark.CONTRADICT: MarkStyle(
        OKABE_ITO["vermillion"],
        "≠",
        "Differs",
        QTextCharFormat.UnderlineStyle.WaveUnderline,
        Qt.PenStyle.DashLine,
        "The claim has a counterpart, but a number, date, duration, negation, speaker, actor or "
        "characterisation differs, or one account disputes the other.",
    ),
    Mark.OMITTED: MarkStyle(
        OKABE_ITO["orange"],
        "−",
        "Not found in account",
        QTextCharFormat.UnderlineStyle.DotLine,
        Qt.PenStyle.DotLine,
        "A claim of the base text that was not found in the selected account.",
    ),
    Mark.ONLY_HERE: MarkStyle(
        OKABE_ITO["blue"],
        "+",
        "Only in this account",
        QTextCharFormat.UnderlineStyle.DashUnderline,
        Qt.PenStyle.DashDotLine,
        "A claim of an account that was not found in the base text.",
    ),
}

COVERAGE_MARK = {
    Coverage.CARRIED: Mark.AGREE,
    Coverage.CONTRADICTED: Mark.CONTRADICT,
    Coverage.OMITTED: Mark.OMITTED,
}
COVERAGE_LABEL = {
    Coverage.CARRIED: "carried",
    Coverage.CONTRADICTED: "differs",
    Coverage.OMITTED: "not found",
}

# What a person decided about a claim's links, shown beside the mark (never by colour alone): a tick for a
# confirmed link, a writing hand for one drawn by hand, a cross for a rejected one (whose colour bar in the
# gutter is then only an outline).
DECISION_GLYPH = {Decision.CONFIRMED: "✓", Decision.MANUAL: "✍", Decision.REJECTED: "✗"}
DECISION_WORDS = {
    Decision.CONFIRMED: "confirmed by a person",
    Decision.MANUAL: "linked by hand",
    Decision.REJECTED: "link rejected by a person",
}

SELECTION_COLOUR = OKABE_ITO["yellow"]


def is_dark(palette: QPalette | None = None) -> bool:
    pal = palette or QApplication.palette()
    return pal.color(QPalette.ColorRole.Window).lightness() < 128


# On a dark background, thin orange ("not found") and vermillion ("differs") both turn into brown: the dark
# palette tints "not found" with the Okabe–Ito reddish purple instead (yellow is the selection's colour); its
# glyph and dotted underline are unchanged.
DARK_TINT = {Mark.OMITTED: OKABE_ITO["reddish_purple"]}


def tint(mark: Mark, *, dark: bool | None = None, strong: bool = False) -> QColor:
    """The background tint of a mark, readable under text in the current palette."""
    dark = is_dark() if dark is None else dark
    colour = QColor(DARK_TINT.get(mark, MARK_STYLES[mark].colour) if dark else MARK_STYLES[mark].colour)
    quiet = mark in (Mark.OMITTED, Mark.ONLY_HERE)  # the bulk of most texts: keep them light
    if dark:
        colour.setAlpha((110 if mark in DARK_TINT else 150) if strong else (56 if quiet else 120))
    else:
        colour.setAlpha(110 if strong else (42 if quiet else 66))
    return colour


def selection_tint(*, dark: bool | None = None) -> QColor:
    dark = is_dark() if dark is None else dark
    colour = QColor(SELECTION_COLOUR)
    colour.setAlpha(120 if dark else 200)
    return colour


def light_palette() -> QPalette:
    pal = QPalette()
    c = QPalette.ColorRole
    pal.setColor(c.Window, QColor("#F3F3F1"))
    pal.setColor(c.WindowText, QColor("#1D1D1B"))
    pal.setColor(c.Base, QColor("#FFFFFF"))
    pal.setColor(c.AlternateBase, QColor("#F6F6F3"))
    pal.setColor(c.Text, QColor("#1D1D1B"))
    pal.setColor(c.Button, QColor("#ECECE8"))
    pal.setColor(c.ButtonText, QColor("#1D1D1B"))
    pal.setColor(c.Highlight, QColor("#0072B2"))
    pal.setColor(c.HighlightedText, QColor("#FFFFFF"))
    pal.setColor(c.ToolTipBase, QColor("#FFFFF0"))
    pal.setColor(c.ToolTipText, QColor("#1D1D1B"))
    pal.setColor(c.PlaceholderText, QColor("#77776F"))
    pal.setColor(c.Mid, QColor("#C8C8C2"))
    pal.setColor(c.Link, QColor("#0072B2"))
    return pal


def dark_palette() -> QPalette:
    pal = QPalette()
    c = QPalette.ColorRole
    pal.setColor(c.Window, QColor("#26282B"))
    pal.setColor(c.WindowText, QColor("#E6E6E3"))
    pal.setColor(c.Base, QColor("#1C1D20"))
    pal.setColor(c.AlternateBase, QColor("#24262A"))
    pal.setColor(c.Text, QColor("#E6E6E3"))
    pal.setColor(c.Button, QColor("#32353A"))
    pal.setColor(c.ButtonText, QColor("#E6E6E3"))
    pal.setColor(c.Highlight, QColor("#56B4E9"))
    pal.setColor(c.HighlightedText, QColor("#111111"))
    pal.setColor(c.ToolTipBase, QColor("#32353A"))
    pal.setColor(c.ToolTipText, QColor("#E6E6E3"))
    pal.setColor(c.PlaceholderText, QColor("#9A9A94"))
    pal.setColor(c.Mid, QColor("#4A4D52"))
    pal.setColor(c.Link, QColor("#56B4E9"))
    for role in (c.WindowText, c.Text, c.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7D7D78"))
    return pal


def apply_theme(name: str) -> None:
    """``"light"`` or ``"dark"``; the Fusion style so that the palette is honoured on every platform."""
    app = QApplication.instance()
    if app is None:
        return
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if name == "dark" else light_palette())
