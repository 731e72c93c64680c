"""Prediction probe: r, g, b sliders; the network's x, y, lv beside the true values."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QSlider, QWidget

from ..engine.data import ARTICLE_INPUTS, Problem, article_targets
from ..engine.propagation import predict

STEPS = 200  # slider positions across [-1, 1]


class PredictionProbe(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("probe")
        self.problem: Problem | None = None
        self.weights: np.ndarray | None = None
        grid = QGridLayout(self)
        self.sliders: list[QSlider] = []
        self.slider_labels: list[QLabel] = []
        for row, name in enumerate(ARTICLE_INPUTS):
            grid.addWidget(QLabel(f"<i>{name}</i>"), row, 0)
            slider = QSlider(Qt.Horizontal)
            slider.setRange(-STEPS // 2, STEPS // 2)
            slider.setValue([10, 12, 14][row])
            slider.setObjectName(f"probe_{name}")
            slider.setAccessibleName(f"input {name}")
            slider.setToolTip(f"Input {name} in [-1, 1]")
            slider.valueChanged.connect(self.refresh)
            grid.addWidget(slider, row, 1)
            label = QLabel()
            label.setMinimumWidth(48)
            grid.addWidget(label, row, 2)
            self.sliders.append(slider)
            self.slider_labels.append(label)
        header = QLabel("<b>output</b> &nbsp;&nbsp; network &nbsp;&nbsp; true")
        grid.addWidget(header, 3, 0, 1, 3)
        self.output_labels: list[QLabel] = []
        for k in range(3):
            label = QLabel()
            label.setObjectName(f"probe_output_{k}")
            label.setTextInteractionFlags(Qt.TextSelectableByMouse)
            grid.addWidget(label, 4 + k, 0, 1, 3)
            self.output_labels.append(label)

    def inputs(self) -> np.ndarray:
        return np.array([s.value() / (STEPS / 2) for s in self.sliders])

    def set_state(self, problem: Problem, weights: np.ndarray) -> None:
        self.problem, self.weights = problem, weights
        self.refresh()

    def refresh(self) -> None:
        x = self.inputs()
        for label, value in zip(self.slider_labels, x):
            label.setText(f"{value:+.2f}")
        if self.problem is None or self.weights is None:
            return
        if self.problem.network.sizes[0] != 3:
            return
        predicted = predict(self.problem.network, self.weights, x[None, :])[0]
        true = article_targets(*(np.array([[v]]) for v in x))[0]
        names = self.problem.dataset.target_names
        for label, name, p, t in zip(self.output_labels, names, predicted, true):
            label.setText(f"<i>{name}</i> &nbsp; {p:+.4f} &nbsp;&nbsp; {t:+.4f}")
