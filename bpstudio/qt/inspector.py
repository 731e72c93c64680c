"""The inspector: everything about the selected parameter, from the engine's chain.

Value and gradient, the optimizer's internals for it, the factored
chain-rule expansion with one sample's numbers, the three-way gradient
check, the paths with their share, the per-output split and a "nudge" that
compares the predicted change of JVal with the actual one.  It only shows
what engine objects computed; it computes no derivative itself.
"""
from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView, QDoubleSpinBox, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QScrollArea, QSpinBox, QTableWidget, QTableWidgetItem, QTextBrowser, QVBoxLayout,
    QWidget,
)

from ..engine.chain import ChainNumbers, InfluenceChain
from ..engine.chain_render import render_html, render_latex
from ..engine.data import Problem
from ..engine.graph import display_name
from ..engine.propagation import jval_and_gradient
from ..engine.snapshot import Snapshot
from .i18n import marked

PATH_ROWS = 32
VALUE_ROWS = [
    ("value", QT_TRANSLATE_NOOP("Inspector", "weight")),
    ("gradient", QT_TRANSLATE_NOOP("Inspector", "dL/dw (all samples)")),
    ("m", QT_TRANSLATE_NOOP("Inspector", "m (1st moment)")),
    ("v", QT_TRANSLATE_NOOP("Inspector", "v (2nd moment)")),
    ("m_hat", QT_TRANSLATE_NOOP("Inspector", "m̂ (bias-corrected)")),
    ("v_hat", QT_TRANSLATE_NOOP("Inspector", "v̂ (bias-corrected)")),
    ("step", QT_TRANSLATE_NOOP("Inspector", "effective step  −α·m̂/(√v̂+ε)")),
    ("plain", QT_TRANSLATE_NOOP("Inspector", "plain gradient step  −α·g")),
]
CHECK_ROWS = [
    ("chain", QT_TRANSLATE_NOOP("Inspector", "sum along the chain")),
    ("backprop", QT_TRANSLATE_NOOP("Inspector", "backprop")),
    ("numeric", QT_TRANSLATE_NOOP("Inspector", "finite difference")),
]


def _fmt(value: float) -> str:
    return "—" if value is None or not np.isfinite(value) else f"{value:.6g}"


class Inspector(QScrollArea):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.setAccessibleName("parameter inspector")
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)

        self.title = QLabel()
        self.title.setObjectName("inspector_title")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.RichText)
        layout.addWidget(self.title)
        self.node_info = QLabel()
        self.node_info.setWordWrap(True)
        self.node_info.setTextFormat(Qt.RichText)
        layout.addWidget(self.node_info)

        self.values_box = values = QGroupBox()
        grid = QGridLayout(values)
        self.value_labels: dict[str, QLabel] = {}
        self.row_names: dict[str, QLabel] = {}
        for r, (key, _text) in enumerate(VALUE_ROWS):
            self.row_names[key] = QLabel()
            grid.addWidget(self.row_names[key], r, 0)
            label = QLabel("—")
            label.setTextInteractionFlags(Qt.TextSelectableByMouse)
            label.setObjectName(f"inspector_{key}")
            grid.addWidget(label, r, 1)
            self.value_labels[key] = label
        layout.addWidget(values)

        self.formula_box = formula = QGroupBox()
        fl = QVBoxLayout(formula)
        row = QHBoxLayout()
        self.sample_label = QLabel()
        row.addWidget(self.sample_label)
        self.sample_box = QSpinBox()
        self.sample_box.setObjectName("inspector_sample")
        self.sample_box.valueChanged.connect(lambda _v: self.refresh())  # noqa: E501
        row.addWidget(self.sample_box)
        row.addStretch(1)
        self.copy_latex = QPushButton()
        self.copy_latex.clicked.connect(self._copy_latex)
        row.addWidget(self.copy_latex)
        fl.addLayout(row)
        self.formula = QTextBrowser()
        self.formula.setObjectName("inspector_formula")
        self.formula.setMinimumHeight(130)
        fl.addWidget(self.formula)
        layout.addWidget(formula)

        self.check_box = check = QGroupBox()
        cl = QGridLayout(check)
        self.check_labels: dict[str, QLabel] = {}
        for r, (key, _text) in enumerate(CHECK_ROWS):
            self.row_names[key] = QLabel()
            cl.addWidget(self.row_names[key], r, 0)
            label = QLabel("—")
            label.setObjectName(f"check_{key}")
            label.setTextInteractionFlags(Qt.TextSelectableByMouse)
            cl.addWidget(label, r, 1)
            self.check_labels[key] = label
        layout.addWidget(check)

        self.paths_box = paths = QGroupBox()
        pl = QVBoxLayout(paths)
        self.paths_note = QLabel()
        pl.addWidget(self.paths_note)
        self.paths = QTableWidget(0, 3)
        self.paths.setObjectName("inspector_paths")
        self.paths.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.paths.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.paths.setMinimumHeight(120)
        pl.addWidget(self.paths)
        self.per_output = QLabel()
        self.per_output.setWordWrap(True)
        pl.addWidget(self.per_output)
        layout.addWidget(paths)

        self.nudge_box = nudge = QGroupBox()
        nl = QHBoxLayout(nudge)
        self.by_label = QLabel()
        nl.addWidget(self.by_label)
        self.nudge_delta = QDoubleSpinBox()
        self.nudge_delta.setDecimals(4)
        self.nudge_delta.setRange(-1.0, 1.0)
        self.nudge_delta.setSingleStep(0.001)
        self.nudge_delta.setValue(0.01)
        nl.addWidget(self.nudge_delta)
        self.nudge_button = QPushButton()
        self.nudge_button.setObjectName("nudge")
        self.nudge_button.clicked.connect(self.nudge)
        nl.addWidget(self.nudge_button)
        self.nudge_result = QLabel()
        self.nudge_result.setObjectName("nudge_result")
        self.nudge_result.setWordWrap(True)
        nl.addWidget(self.nudge_result, 1)
        layout.addWidget(nudge)
        layout.addStretch(1)

        self.problem: Problem | None = None
        self.snapshot: Snapshot | None = None
        self.index: int | None = None
        self.chain: InfluenceChain | None = None
        self.numbers: ChainNumbers | None = None
        self.sample_numbers: ChainNumbers | None = None
        self._set_enabled(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.values_box.setTitle(self.tr("Value, gradient and the optimizer's step"))
        self.formula_box.setTitle(self.tr("Chain rule, factored at the sources (numbers for one sample)"))
        self.check_box.setTitle(self.tr("Three ways to the same gradient (summed over all samples)"))
        self.paths_box.setTitle(self.tr("Paths from the weight to L"))
        self.nudge_box.setTitle(self.tr("Nudge the weight"))
        for key, text in (*VALUE_ROWS, *CHECK_ROWS):
            self.row_names[key].setText(marked("Inspector", text))
        self.sample_label.setText(self.tr("sample"))
        self.sample_box.setToolTip(self.tr("Which training sample's numbers the formula shows."))
        self.copy_latex.setText(self.tr("Copy as LaTeX"))
        self.copy_latex.setToolTip(self.tr("Copy the chain and its formula in the article's notation, for slides."))
        self.paths.setHorizontalHeaderLabels([self.tr("path"), self.tr("value"), self.tr("share")])
        self.by_label.setText(self.tr("by"))
        self.nudge_delta.setToolTip(self.tr("Move the selected weight by this much, compare, and put it back."))
        self.nudge_button.setText(self.tr("Nudge"))
        if self.chain is None:
            self.title.setText(self.tr("<b>Click a weight in the diagram</b> to see its loss-influence chain."))
        else:
            self.refresh()

    # -- inputs ------------------------------------------------------------------------------
    def set_problem(self, problem: Problem) -> None:
        self.problem = problem
        self.sample_box.setRange(0, problem.dataset.n_samples - 1)
        self.select(None)

    def set_snapshot(self, snapshot: Snapshot, refresh: bool = True, live: bool = False) -> None:
        """``live``: the net is training; skip the finite difference to keep up."""
        self.snapshot = snapshot
        if refresh:
            self.refresh(with_numeric=not live)

    def select(self, index: int | None) -> None:
        self.index = index
        self.chain = None
        if index is not None and self.problem is not None:
            net = self.problem.network
            self.chain = InfluenceChain.of(net, net.param_location(index))
        self.nudge_result.clear()
        self.refresh()

    def show_node(self, name: str, value: float, gradient: float, display: str) -> None:
        grad = "" if not np.isfinite(gradient) else f", ∂L/∂{display} = {gradient:.6g}"
        self.node_info.setText(self.tr("Node {node}: value {value}{grad} (sample {sample})").format(
            node=display, value=f"{value:.6g}", grad=grad, sample=self.sample_box.value()))

    # -- display -----------------------------------------------------------------------------------
    def _set_enabled(self, on: bool) -> None:
        for widget in (self.copy_latex, self.nudge_button, self.nudge_delta):
            widget.setEnabled(on)

    def refresh(self, with_numeric: bool = True) -> None:
        if (self.chain is None or self.snapshot is None or self.problem is None
                or self.snapshot.weights.size != self.problem.network.n_params):
            self._set_enabled(False)
            self.formula.clear()
            return
        self._set_enabled(True)
        net, data = self.problem.network, self.problem.dataset
        weights = self.snapshot.weights
        index = self.index
        sample = min(self.sample_box.value(), data.n_samples - 1)
        self.numbers = self.chain.evaluate(weights, data, path_limit=PATH_ROWS, with_numeric=with_numeric)
        self.sample_numbers = self.chain.evaluate(weights, data, sample=sample, path_limit=0,
                                                  with_numeric=False)
        name = display_name(self.chain.param, net, "html")
        self.title.setText(f"<b>{name}</b> &nbsp; <span style='color:#666'>[{self.chain.name}]</span>"
                           " &nbsp; " + self.tr("iteration {n}").format(n=self.snapshot.iteration))
        state = self.snapshot.optimizer_state
        alpha = self.snapshot.hyper.get("alpha", float("nan"))
        grad = float(self.snapshot.gradient[index])
        shown = {"value": float(weights[index]), "gradient": grad, "plain": -alpha * grad}
        for key in ("m", "v", "m_hat", "v_hat", "step"):
            shown[key] = float(state[key][index]) if key in state else float("nan")
        for key, label in self.value_labels.items():
            label.setText(_fmt(shown.get(key)))
        self.formula.setHtml(
            render_html(self.chain, self.sample_numbers)
            + "<p style='color:#777'>" + self.tr("Summed over all {n} samples:").format(n=data.n_samples)
            + f" ∂L/∂{name} = {self.numbers.chain_gradient:.6g}</p>"
        )
        n = self.numbers
        rel = self.tr("rel. diff")
        self.check_labels["chain"].setText(_fmt(n.chain_gradient) + f"   ({rel} {n.chain_error:.1e})")
        self.check_labels["backprop"].setText(_fmt(n.backprop_gradient))
        if with_numeric:
            self.check_labels["numeric"].setText(_fmt(n.numeric_gradient) + f"   ({rel} {n.numeric_error:.1e})")
        else:
            self.check_labels["numeric"].setText(self.tr("(computed when paused)"))
        self._fill_paths(n)

    def _fill_paths(self, n: ChainNumbers) -> None:
        net = self.problem.network
        total = n.chain_gradient or 1.0
        listed = len(n.paths)
        self.paths_note.setText(
            self.tr("{n} path(s)").format(n=n.paths_total)
            + (self.tr("; the first {listed} are listed").format(listed=listed) if n.paths_total > listed else "")
        )
        self.paths.setRowCount(listed)
        for row, path in enumerate(n.paths):
            route = " → ".join(display_name(node, net) for node in path.nodes)
            cells = [route, f"{path.value:.6g}", f"{100 * path.value / total:.1f} %"]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.paths.setItem(row, col, item)
        parts = [f"<b>{html.escape(k)}</b> {v:.6g}" for k, v in n.per_output.items()]
        self.per_output.setText(self.tr("Per output: {parts}").format(parts=", ".join(parts)))

    # -- actions --------------------------------------------------------------------------------------
    def latex(self) -> str:
        if self.chain is None:
            return ""
        return render_latex(self.chain, self.sample_numbers)

    def _copy_latex(self) -> None:
        QGuiApplication.clipboard().setText(self.latex())

    def nudge(self) -> tuple[float, float] | None:
        """Predicted (gradient x delta) and actual change of JVal; the weight is put back."""
        if self.chain is None or self.snapshot is None:
            return None
        delta = self.nudge_delta.value()
        net, data = self.problem.network, self.problem.dataset
        weights = np.array(self.snapshot.weights)
        before = self.snapshot.jval
        weights[self.index] += delta
        after, _ = jval_and_gradient(net, weights, data.inputs_aug, data.targets_t)
        predicted = float(self.snapshot.gradient[self.index]) * delta
        actual = after - before
        self.nudge_result.setText(
            self.tr("predicted ΔJ = g·δ = {predicted}; actual ΔJ = {actual}; weight put back.").format(
                predicted=f"{predicted:.6g}", actual=f"{actual:.6g}")
        )
        return predicted, actual
