"""Hyperparameter and model controls; a refused value says why, next to the field.

Values are checked with the same RunConfig rules the engine and CLI use, so
the message a teacher sees is the one the command line prints.  Accepted
changes leave as ``change_requested(field, value)``; the window queues them
to the training thread.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from ..engine.activations import ACTIVATIONS
from ..engine.config import ConfigError, RunConfig, parse_setting
from ..engine.data import INITS
from ..engine.optimizers import OPTIMIZERS

TOOLTIPS = {
    "optimizer": "Adam as in the article; gd is plain gradient descent; momentum adds velocity.",
    "alpha": "Step size: how far each iteration moves the weights (the article uses 0.001).",
    "beta1": "How much of the previous gradient direction Adam (or momentum) keeps, 0 to <1.",
    "beta2": "How slowly Adam forgets the size of past gradients, 0 to <1 (article: 0.999).",
    "epsilon": "A tiny number that keeps Adam from dividing by zero.",
    "zeta": "Stop when the largest gradient is below zeta, or a step or JVal change below zeta squared.",
    "max_iter": "Stop after this many iterations (the article runs 50000).",
    "hidden": "Hidden layer sizes: 5 is the article's; 8,6 makes two hidden layers.",
    "activation": "The hidden units' non-linear link: tanh as in the article, sigmoid, relu or identity.",
    "init": "Start weights: uniform in (-1, 1) as the article, or all zeros (see why that fails).",
    "samples": "How many r, g, b samples the loss JVal sums over.",
    "seed": "Random seed for the data and the start weights (the article's is 1).",
    "test_fraction": "Share of the samples held out as a test set (0 to 0.9); its JVal is a second curve.",
    "formulas": "Your own targets from r, g, b, separated by ';' — e.g. x = r*g; y = sin(b). Empty: the article's.",
}
LABELS = {
    "optimizer": "Optimizer", "alpha": "alpha (step)", "beta1": "beta1", "beta2": "beta2",
    "epsilon": "epsilon", "zeta": "zeta (stop)", "max_iter": "Max iterations",
    "hidden": "Hidden sizes", "activation": "Activation", "init": "Init", "samples": "Samples",
    "seed": "Seed", "formulas": "Targets", "test_fraction": "Test share",
}
CHOICES = {"optimizer": list(OPTIMIZERS), "activation": list(ACTIVATIONS), "init": list(INITS)}
LIVE = ("optimizer", "alpha", "beta1", "beta2", "epsilon", "zeta", "max_iter")
MODEL = ("hidden", "activation", "init", "samples", "seed", "test_fraction", "formulas")


def format_value(field: str, value) -> str:
    if field == "hidden":
        return ",".join(str(v) for v in value)
    if field == "formulas":
        return "; ".join(value)
    return f"{value:g}" if isinstance(value, float) else str(value)


class ControlsPanel(QWidget):
    change_requested = Signal(str, object)
    restore_requested = Signal()
    csv_requested = Signal()
    article_data_requested = Signal()

    def __init__(self, config: RunConfig, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("controls")
        self.config = config
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self._group("Training (applies at the next iteration)", LIVE))
        layout.addWidget(self._group("Model and data (starts a new run)", MODEL))
        self.editors["formulas"].setPlaceholderText("the article's x, y, lv")
        self.data_source = QLabel()
        self.data_source.setObjectName("data_source")
        self.data_source.setWordWrap(True)
        layout.addWidget(self.data_source)
        data_row = QHBoxLayout()
        csv_button = QPushButton("Use a CSV file…")
        csv_button.setObjectName("use_csv")
        csv_button.setToolTip("Train on your own table: choose its input and target columns.")
        csv_button.clicked.connect(self.csv_requested)
        article_button = QPushButton("Article's data")
        article_button.setToolTip("Back to r, g, b -> x, y, lv drawn as the article does.")
        article_button.clicked.connect(self.article_data_requested)
        data_row.addWidget(csv_button)
        data_row.addWidget(article_button)
        layout.addLayout(data_row)
        restore = QPushButton("Restore article defaults")
        restore.setObjectName("restore_defaults")
        restore.setToolTip("Set every control back to the article's run: 3-5-3 tanh, Adam alpha=0.001.")
        restore.clicked.connect(self.restore_requested)
        layout.addWidget(restore)
        layout.addStretch(1)
        self.show_config(config)

    def _group(self, title: str, fields) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        for field in fields:
            if field in CHOICES:
                editor = QComboBox()
                editor.addItems(CHOICES[field])
                editor.activated.connect(lambda _i, f=field: self._commit(f))
            else:
                editor = QLineEdit()
                editor.editingFinished.connect(lambda f=field: self._commit(f))
            editor.setObjectName(f"control_{field}")
            editor.setAccessibleName(LABELS[field])
            editor.setToolTip(TOOLTIPS[field])
            error = QLabel()
            error.setObjectName(f"error_{field}")
            error.setStyleSheet("color: #b00020;")
            error.setWordWrap(True)
            error.hide()
            column = QVBoxLayout()
            column.setSpacing(1)
            column.addWidget(editor)
            column.addWidget(error)
            label = QLabel(LABELS[field])
            label.setToolTip(TOOLTIPS[field])
            form.addRow(label, column)
            self.editors[field], self.errors[field] = editor, error
        return box

    def text_of(self, field: str) -> str:
        editor = self.editors[field]
        return editor.currentText() if isinstance(editor, QComboBox) else editor.text()

    def _commit(self, field: str) -> None:
        try:
            value = parse_setting(field, self.text_of(field))
            candidate = self.config.with_changes(**{field: value})
        except ConfigError as err:
            self.show_error(field, str(err))
            return
        self.show_error(field, "")
        if getattr(candidate, field) != getattr(self.config, field):
            self.change_requested.emit(field, value)

    def show_error(self, field: str, message: str) -> None:
        label = self.errors[field]
        label.setText(message)
        label.setVisible(bool(message))
        editor = self.editors[field]
        editor.setStyleSheet("border: 1px solid #b00020;" if message else "")

    def show_config(self, config: RunConfig) -> None:
        """Show the session's settings (after a change, a rewind or a restore)."""
        self.config = config
        if config.data_file:
            source = (f"Data: {config.data_file} — inputs {', '.join(config.inputs)}; "
                      f"targets {', '.join(config.targets)}")
        elif config.formulas:
            source = "Data: r, g, b as the article draws them; your targets"
        else:
            source = "Data: the article's r, g, b -> x, y, lv"
        self.data_source.setText(source)
        self.editors["formulas"].setEnabled(not config.data_file)
        self.editors["samples"].setEnabled(not config.data_file)
        for field, editor in self.editors.items():
            text = format_value(field, getattr(config, field))
            if isinstance(editor, QComboBox):
                editor.setCurrentText(text)
            elif not editor.hasFocus() or not self.errors[field].isVisible():
                editor.setText(text)
