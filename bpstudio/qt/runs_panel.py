"""Compare runs: every finished run stays in a list; its JVal curve overlays the plot.

A class compares Adam with alpha = 0.001 and 0.01 and plain gradient descent
on one plot; each run can be shown or hidden, or removed.  The list is
bounded: each kept curve has at most 10 000 points (control.downsample keeps
its shape) and at most :data:`MAX_RUNS` runs are kept, the oldest dropped
first, so a long lesson does not grow memory without limit.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from ..control.downsample import downsample
from ..engine.config import RunConfig
from .option_names import option_name, setting_symbol, setting_value
from .stop_reasons import reason_text

# Okabe-Ito: distinguishable with every common colour-vision deficiency.
MAX_RUNS = 50
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


def run_label(run: "FinishedRun") -> str:
    """The run in words, in the current language: what it was, every mid-run change, why it stopped."""
    config = run.config
    parts = [f"{option_name(config.optimizer)} α={run.start_alpha:g}"]
    parts.append("-".join(str(s) for s in run.sizes) + f" {option_name(config.activation)}")
    if config.samples != 1000 or config.seed != 1:
        parts.append(QCoreApplication.translate("RunsPanel", "{samples} samples, seed {seed}").format(
            samples=config.samples, seed=config.seed))
    for change in run.mid_run_changes:  # "α 0.001 → 0.01 at 12 000"
        parts.append(QCoreApplication.translate("RunsPanel", "{field} {old} → {new} at {iteration}").format(
            field=setting_symbol(change.field), old=setting_value(change.old), new=setting_value(change.new),
            iteration=f"{change.iteration:,}".replace(",", " ")))
    text = " · ".join(parts) + "  " + QCoreApplication.translate("RunsPanel", "({iterations} it., JVal {jval})").format(
        iterations=run.iterations_done, jval=f"{run.final:.4g}")
    reason = reason_text(run.stop_reason, run.iterations_done + 1)
    return f"{text} — {reason}" if reason else text


@dataclass(frozen=True, eq=False)
class FinishedRun:
    """A finished run as data; its label is written in the language of the moment it is shown."""

    key: int
    colour: str
    history: np.ndarray  # JVal, at most 10 000 points
    iterations: np.ndarray  # the iteration of each point
    config: RunConfig = RunConfig()
    sizes: tuple[int, ...] = (3, 5, 3)
    changes: tuple = ()
    stop_reason: str | None = None
    iterations_done: int = 0
    final: float = float("nan")

    @property
    def mid_run_changes(self) -> tuple:
        """Changes made after the run started; those at iteration 0 are simply its settings."""
        return tuple(c for c in self.changes if c.iteration > 0)

    @property
    def start_alpha(self) -> float:
        alpha_changes = [c for c in self.mid_run_changes if c.field == "alpha"]
        return alpha_changes[0].old if alpha_changes else self.config.alpha

    @property
    def label(self) -> str:
        return run_label(self)


class RunsPanel(QWidget):
    visibility_changed = Signal(int, bool)  # run key, shown
    removed = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("runs_panel")
        self.runs: dict[int, FinishedRun] = {}
        self._next = 0
        layout = QVBoxLayout(self)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.list = QListWidget()
        self.list.setObjectName("runs_list")
        self.list.itemChanged.connect(self._toggled)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.remove = QPushButton()
        self.remove.clicked.connect(self.remove_selected)
        row.addStretch(1)
        row.addWidget(self.remove)
        layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Finished runs; tick to overlay their JVal curves."))
        self.remove.setText(self.tr("Remove"))
        self.remove.setToolTip(self.tr("Forget the selected run"))
        for row in range(self.list.count()):  # labels are data: written again in the new language
            item = self.list.item(row)
            run = self.runs.get(item.data(Qt.ItemDataRole.UserRole))
            if run is not None:
                item.setText(run.label)

    def add(self, config: RunConfig, history: np.ndarray, sizes: tuple[int, ...] = (3, 5, 3),
            changes: tuple = (), stop_reason: str | None = None) -> FinishedRun:
        key = self._next
        self._next += 1
        iterations, kept = downsample(history)
        run = FinishedRun(key, PALETTE[key % len(PALETTE)], kept, iterations, config, tuple(sizes),
                          tuple(changes), stop_reason, len(history) - 1, float(history[-1]))
        while len(self.runs) >= MAX_RUNS:
            self._forget(next(iter(self.runs)))
        self.runs[key] = run
        item = QListWidgetItem(run.label)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        item.setForeground(Qt.GlobalColor.black)
        item.setToolTip(run.colour)
        self.list.addItem(item)
        return run

    def _toggled(self, item: QListWidgetItem) -> None:
        self.visibility_changed.emit(item.data(Qt.ItemDataRole.UserRole), item.checkState() == Qt.CheckState.Checked)

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self._forget(item.data(Qt.ItemDataRole.UserRole))

    def _forget(self, key: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.list.takeItem(row)
                break
        self.runs.pop(key, None)
        self.removed.emit(key)
