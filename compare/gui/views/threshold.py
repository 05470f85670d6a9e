"""The toolbar's link-threshold control: a slider with the default drawn on it, its value, and a reset.

A person moves the slider to choose the threshold of the *next* alignment; what the shown comparison was
aligned with lives in ``Comparison.settings`` (and in the project file). The label says which is which, so the
slider, the status bar and the report never tell different stories.
"""

from __future__ import annotations

from compare.gui.qt import (
    QColor,
    QHBoxLayout,
    QLabel,
    QPainter,
    QPaintEvent,
    QPointF,
    QPolygonF,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    Qt,
    QToolButton,
    QWidget,
    Signal,
)
from compare.model import AlignSettings

DEFAULT_THRESHOLD = AlignSettings().threshold


def threshold_words(value: float) -> str:
    """``0.55 (default)`` or ``0.45 (default 0.55)``: the one way the threshold is written everywhere."""
    if abs(value - DEFAULT_THRESHOLD) < 0.005:
        return f"{value:.2f} (default)"
    return f"{value:.2f} (default {DEFAULT_THRESHOLD:.2f})"


class DefaultMarkSlider(QSlider):
    """A horizontal slider with a small triangle under the default value, so the default is always visible."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setRange(10, 90)
        self.setSingleStep(1)
        self.setPageStep(5)

    def default_x(self) -> float:
        """The x of the default value's handle centre, in this widget's coordinates."""
        opt = QStyleOptionSlider()
        self.initStyleOption(opt)
        handle = self.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderHandle, self
        )
        span = self.width() - handle.width()
        pos = QStyle.sliderPositionFromValue(
            self.minimum(), self.maximum(), round(DEFAULT_THRESHOLD * 100), span
        )
        return pos + handle.width() / 2

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        x, y = self.default_x(), float(self.height())
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(self.palette().color(self.foregroundRole())))
        p.drawPolygon(QPolygonF([QPointF(x - 4, y), QPointF(x + 4, y), QPointF(x, y - 5)]))
        p.end()


class ThresholdControl(QWidget):
    """Label + slider + "Default" button. ``valueChanged(float)`` fires only for the person's changes."""

    valueChanged = Signal(float)  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(4)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        # the widest text, so the toolbar does not jump when the value changes
        self.label.setMinimumWidth(self.label.fontMetrics().horizontalAdvance("Threshold 0.55 (default)") + 4)
        self.slider = DefaultMarkSlider(self)
        self.slider.setFixedWidth(96)
        self.slider.setAccessibleName("Link threshold")
        self.slider.setToolTip(
            "Minimum similarity for two claims to be linked. Lower finds more (looser) links; higher finds "
            f"fewer, surer ones. The triangle marks the default, {DEFAULT_THRESHOLD:.2f}. "
            "Press Re-align (F5) to apply."
        )
        self.reset = QToolButton(self)
        self.reset.setText("Default")
        self.reset.setAccessibleName("Reset the threshold to its default")
        self.reset.setToolTip(f"Set the threshold back to its default, {DEFAULT_THRESHOLD:.2f}")
        layout.addWidget(self.label)
        layout.addWidget(self.slider)
        layout.addWidget(self.reset)
        self.slider.valueChanged.connect(self._on_slider)
        self.reset.clicked.connect(self.reset_to_default)
        self._show(self.value())

    def value(self) -> float:
        return self.slider.value() / 100

    def set_value(self, value: float) -> None:
        """Shows ``value`` without emitting ``valueChanged`` (the program's changes, not the person's)."""
        self.slider.blockSignals(True)
        self.slider.setValue(round(value * 100))
        self.slider.blockSignals(False)
        self._show(value)

    def reset_to_default(self) -> None:
        self.slider.setValue(round(DEFAULT_THRESHOLD * 100))

    def _on_slider(self, raw: int) -> None:
        self._show(raw / 100)
        self.valueChanged.emit(raw / 100)

    def _show(self, value: float) -> None:
        default = abs(value - DEFAULT_THRESHOLD) < 0.005
        self.label.setText(f"Threshold {value:.2f}" + (" (default)" if default else ""))
        self.reset.setEnabled(not default)
