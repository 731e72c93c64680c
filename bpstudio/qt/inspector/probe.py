"""Prediction probe: one slider per input; the network's outputs beside the true values.

For the article's data and for target formulas the true value is computed
from the formula; for a CSV file or points in the plane there is no formula,
so only the network's prediction shows, without an empty "true" column.

The rows scroll inside the probe: a class column brings one output per class
(up to 50), and fifty rows once grew the window to 1 260 pixels, past a
768-pixel screen, the status bar off it.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QSlider, QVBoxLayout, QWidget

from bpstudio.control.model.studio_model import ProbeReading
from bpstudio.control.words.number_format import short_number
from bpstudio.engine.data import Problem
from bpstudio.engine.text_safety import rich_text, shorten, shown_name
from bpstudio.qt.shell.safe_text import literal

STEPS = 200  # slider positions across an input's range
LEAST_HEIGHT = 220  # the probe's least height: about eight rows; more scroll
# One table row per label, with the same column widths, so the header and the outputs line up.
ROW = (
    "<table cellspacing=0 cellpadding=0><tr><td width=56>{name}</td>"
    "<td width=100 align=right>{network}</td><td width=100 align=right>{true}</td></tr></table>"
)


class _Rows(QScrollArea):
    """The probe's rows: all of them when few, a scrolling window onto them when many."""

    def minimumSizeHint(self) -> QSize:
        inner = self.widget()
        if inner is None:
            return super().minimumSizeHint()
        least = inner.minimumSizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(least.width() + bar, min(least.height(), LEAST_HEIGHT))

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()


class PredictionProbe(QWidget):
    """Sliders for the inputs; the studio model answers with the outputs (probe_ready)."""

    inputs_changed = Signal(object)  # the inputs as a NumPy vector

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("probe")
        self.problem: Problem | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroller = _Rows()
        self.scroller.setObjectName("probe_scroller")
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        self.grid = QGridLayout(body)
        self.scroller.setWidget(body)
        outer.addWidget(self.scroller)
        self.sliders: list[QSlider] = []
        self.slider_labels: list[QLabel] = []
        self.output_labels: list[QLabel] = []
        self.ranges: list[tuple[float, float]] = []
        self._built_for: Problem | None = None
        self._with_truth = True  # a formula gives the true outputs (a "true" column)

    def _build(self, problem: Problem) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = None if item is None else item.widget()
            if widget:
                widget.deleteLater()
        data = problem.dataset
        self.sliders, self.slider_labels, self.output_labels = [], [], []
        self.ranges = [(float(lo), float(hi)) for lo, hi in zip(data.inputs.min(0), data.inputs.max(0), strict=True)]
        for row, name in enumerate(data.input_names):
            self.grid.addWidget(QLabel(f"<i>{rich_text(shorten(name))}</i>"), row, 0)
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(0, STEPS)
            slider.setValue(STEPS // 2 + 10 + 2 * row)
            slider.setObjectName(f"probe_{name}")
            slider.setAccessibleName(name)
            slider.valueChanged.connect(lambda _v: self._moved())
            self.grid.addWidget(slider, row, 1)
            label = QLabel()
            label.setMinimumWidth(52)
            self.grid.addWidget(label, row, 2)
            self.sliders.append(slider)
            self.slider_labels.append(label)
        self._say_inputs(self.inputs())  # each slider's value from the start, not only once it is moved
        top = len(data.input_names)
        self.header = QLabel()
        self.grid.addWidget(self.header, top, 0, 1, 3)
        for k in range(len(data.target_names)):
            label = QLabel()
            label.setObjectName(f"probe_output_{k}")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.grid.addWidget(label, top + 1 + k, 0, 1, 3)
            self.output_labels.append(label)
        self._built_for = problem
        self._with_truth = True
        self.retranslate()
        self.scroller.updateGeometry()  # the scroll area keeps its rows' new size to itself otherwise

    def _say_header(self) -> None:
        true = self.tr("true") if self._with_truth else ""
        self.header.setText(ROW.format(name="<b>" + self.tr("output") + "</b>", network=self.tr("network"), true=true))

    def retranslate(self) -> None:
        if self._built_for is None:
            return
        self._say_header()
        for slider, name, (lo, hi) in zip(self.sliders, self._built_for.dataset.input_names, self.ranges, strict=True):
            slider.setToolTip(
                literal(
                    self.tr("Input {name}, from {lo} to {hi} (the data's range)").format(
                        name=shown_name(name), lo=short_number(lo, 3), hi=short_number(hi, 3)
                    )
                )
            )

    def follow_model(self, signals) -> None:
        """Ask the model (``signals``: its Qt adapter) for the sliders' inputs; show its answers and each new run's inputs."""
        self.inputs_changed.connect(signals.model.probe)
        signals.problem_changed.connect(self.set_problem)
        signals.probe_ready.connect(self.show_reading)

    def inputs(self) -> np.ndarray:
        return np.array([lo + (hi - lo) * s.value() / STEPS for s, (lo, hi) in zip(self.sliders, self.ranges, strict=True)])

    def set_problem(self, problem: Problem) -> None:
        if problem is not self._built_for:
            self._build(problem)
        self.problem = problem

    def _say_inputs(self, x: np.ndarray) -> None:
        for label, value in zip(self.slider_labels, x, strict=False):
            label.setText(short_number(value, 3, signed=True))

    def _moved(self) -> None:
        x = self.inputs()
        self._say_inputs(x)
        self.inputs_changed.emit(x)

    def show_reading(self, reading: ProbeReading) -> None:
        """The model's answer: the network's outputs and, where a formula gives them, the true ones."""
        if self.problem is None or len(reading.predicted) != len(self.output_labels):
            return
        names = self.problem.dataset.target_names
        if self._with_truth != (reading.true is not None):  # no formula (CSV, points): no "true" column
            self._with_truth = reading.true is not None
            self._say_header()
        for k, (label, name, p) in enumerate(zip(self.output_labels, names, reading.predicted, strict=False)):
            true = "" if reading.true is None else short_number(reading.true[k], signed=True)
            label.setText(ROW.format(name=f"<i>{rich_text(shorten(name))}</i>", network=short_number(p, signed=True), true=true))
