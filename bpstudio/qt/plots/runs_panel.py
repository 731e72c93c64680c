"""Compare runs: every kept run is listed; its JVal curve overlays the plot.

A class compares Adam with alpha = 0.001 and 0.01 and plain gradient descent
on one plot; each run can be shown or hidden, or removed.  The runs are data
kept by the studio model (:mod:`bpstudio.control.model.finished_runs`, bounded there);
this panel lists them and writes their labels in the language of the moment.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from bpstudio.control.model.finished_runs import FinishedRun
from bpstudio.control.words.vocabulary import OPTIMIZER_RECORDS
from bpstudio.engine.formula import parse_formulas
from bpstudio.engine.text_safety import shown_name
from bpstudio.qt.shell.i18n import marked
from bpstudio.qt.shell.option_names import option_name, setting_symbol, setting_value
from bpstudio.qt.shell.safe_text import literal
from bpstudio.qt.shell.stop_reasons import reason_text

# Okabe-Ito: distinguishable with every common colour-vision deficiency.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


# the legend's word for the long names, from each optimizer's record
SHORT_OPTIMIZERS = {name: record.legend for name, record in OPTIMIZER_RECORDS.items() if record.legend}


def run_colour(run: FinishedRun) -> str:
    return PALETTE[run.key % len(PALETTE)]


def data_name(run: FinishedRun) -> str:
    """The data a run trained on: the CSV file's name, the formulas' targets, or the data set."""
    config = run.config
    if config.data_file:
        return shown_name(Path(config.data_file).name)
    if config.formulas:
        return ", ".join(formula.name for formula in parse_formulas(config.formulas))
    return option_name(config.dataset)


def run_label(run: FinishedRun, with_data: bool = False) -> str:
    """The run in words, in the current language: what it was, every mid-run change, why it stopped.

    ``with_data`` names its data first (the Runs list holds runs of every data set; the plot
    draws only runs on the data on screen, where the name would say nothing).
    """
    config = run.config
    parts = [data_name(run)] if with_data else []
    parts.append(f"{option_name(config.optimizer)} α={run.start_alpha:g}")
    parts.append("-".join(str(s) for s in run.sizes) + f" {option_name(config.activation)}")
    if config.samples != 1000 or config.seed != 1:
        parts.append(
            QCoreApplication.translate("RunsPanel", "{samples} samples, seed {seed}").format(samples=config.samples, seed=config.seed)
        )
    for change in run.mid_run_changes:  # "α 0.001 → 0.01 at 12 000"
        parts.append(
            QCoreApplication.translate("RunsPanel", "{field} {old} → {new} at {iteration}").format(
                field=setting_symbol(change.field),
                old=setting_value(change.old),
                new=setting_value(change.new),
                iteration=f"{change.iteration:,}".replace(",", " "),
            )
        )
    text = (
        " · ".join(parts)
        + "  "
        + QCoreApplication.translate("RunsPanel", "({iterations} it., JVal {jval})").format(
            iterations=run.iterations_done, jval=f"{run.final:.4g}"
        )
    )
    reason = reason_text(run.stop_reason, run.iterations_done + 1, cause=run.converged_by)  # the status bar's words
    return f"{text} — {reason}" if reason else text


def short_run_label(run: FinishedRun) -> str:
    """The run in a few characters for the plot's legend ("Adam α=0.001", "GD α=0.001→0.01"); the full
    :func:`run_label` is the entry's tooltip and the Runs list's text, beside the same colour."""
    alphas = [run.start_alpha] + [float(c.new) for c in run.mid_run_changes if c.field == "alpha"]
    alpha = "→".join(f"{a:g}" for a in (alphas if len(alphas) < 3 else (alphas[0], alphas[-1])))
    optimizer = run.config.optimizer
    name = marked("RunsPanel", SHORT_OPTIMIZERS[optimizer]) if optimizer in SHORT_OPTIMIZERS else option_name(optimizer)
    return f"{name} α={alpha}"


class RunsPanel(QWidget):
    """The list of kept runs; ``forget(key)`` is the model's, the panel follows what it is told."""

    visibility_changed = Signal(int, bool)  # run key, shown

    def __init__(self, forget: Callable[[int], None], parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("runs_panel")
        self.forget = forget
        self.runs: dict[int, FinishedRun] = {}
        layout = QVBoxLayout(self)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.list = QListWidget()
        self.list.setObjectName("runs_list")
        self.list.setWordWrap(True)  # a label with its changes and stop reason is longer than the panel is wide
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemChanged.connect(self._toggled)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.remove = QPushButton()
        self.remove.clicked.connect(self.remove_selected)
        row.addStretch(1)
        row.addWidget(self.remove)
        layout.addLayout(row)
        self.retranslate()

    def follow_model(self, signals) -> None:
        """List the runs the model (``signals``: its Qt adapter) keeps, and take away those it forgets."""
        signals.run_kept.connect(self.show_run)
        signals.run_forgotten.connect(self.forgotten)

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Finished runs; tick to overlay their JVal curves."))
        self.remove.setText(self.tr("Remove"))
        self.remove.setToolTip(self.tr("Forget the selected run"))
        for row in range(self.list.count()):  # labels are data: written again in the new language
            item = self.list.item(row)
            run = self.runs.get(item.data(Qt.ItemDataRole.UserRole))
            if run is not None:
                item.setText(run_label(run, with_data=True))
                item.setToolTip(literal(item.text()))

    def show_run(self, run: FinishedRun) -> None:
        """The model kept ``run``: list it, ticked (its curve is overlaid)."""
        self.runs[run.key] = run
        item = QListWidgetItem(run_label(run, with_data=True))
        item.setData(Qt.ItemDataRole.UserRole, run.key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        item.setForeground(Qt.GlobalColor.black)
        item.setToolTip(literal(item.text()))
        swatch = QPixmap(12, 12)  # its curve's colour on the plot
        swatch.fill(QColor(run_colour(run)))
        item.setIcon(QIcon(swatch))
        self.list.addItem(item)

    def _toggled(self, item: QListWidgetItem) -> None:
        self.visibility_changed.emit(item.data(Qt.ItemDataRole.UserRole), item.checkState() == Qt.CheckState.Checked)

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.forget(item.data(Qt.ItemDataRole.UserRole))  # the model forgets; forgotten() takes the row away

    def forgotten(self, key: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.list.takeItem(row)
                break
        self.runs.pop(key, None)
