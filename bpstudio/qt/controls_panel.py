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

from ..control.number_format import short_number
from ..engine.activations import ACTIVATIONS
from ..engine.config import ConfigError, RunConfig, parse_setting
from ..engine.data import INITS
from ..control.vocabulary import OPTIMIZER_NAMES, OPTIMIZER_SETTINGS
from ..engine.messages import QT_TRANSLATE_NOOP
from .i18n import localized, marked
from .option_names import option_name

TOOLTIPS = {
    "optimizer": QT_TRANSLATE_NOOP("ControlsPanel", "Adam as in the article; gradient descent is the plain rule; momentum adds velocity."),
    "alpha": QT_TRANSLATE_NOOP("ControlsPanel", "Step size: how far each iteration moves the weights (the article uses 0.001)."),
    "beta1": QT_TRANSLATE_NOOP("ControlsPanel", "How much of the previous gradient direction Adam (or momentum) keeps, 0 to <1."),
    "beta2": QT_TRANSLATE_NOOP("ControlsPanel", "How slowly Adam forgets the size of past gradients, 0 to <1 (article: 0.999)."),
    "epsilon": QT_TRANSLATE_NOOP("ControlsPanel", "A tiny number that keeps Adam from dividing by zero."),
    "zeta": QT_TRANSLATE_NOOP("ControlsPanel", "Stop when the largest gradient is below zeta, or a step or JVal change below zeta squared."),
    "max_iter": QT_TRANSLATE_NOOP("ControlsPanel", "Stop after this many iterations (the article runs 50000)."),
    "hidden": QT_TRANSLATE_NOOP("ControlsPanel", "Hidden layer sizes: 5 is the article's; 8,6 makes two hidden layers."),
    "activation": QT_TRANSLATE_NOOP("ControlsPanel", "The hidden units' non-linear link: tanh as in the article, sigmoid, relu or identity."),
    "init": QT_TRANSLATE_NOOP("ControlsPanel", "Start weights: uniform in (-1, 1) as the article, or all zeros (see why that fails)."),
    "samples": QT_TRANSLATE_NOOP("ControlsPanel", "How many r, g, b samples the loss JVal sums over."),
    "seed": QT_TRANSLATE_NOOP("ControlsPanel", "Random seed for the data and the start weights (the article's is 1)."),
    "test_fraction": QT_TRANSLATE_NOOP("ControlsPanel", "Share of the samples held out as a test set (0 to 0.9); its JVal is a second curve."),
    "formulas": QT_TRANSLATE_NOOP("ControlsPanel", "Your own targets from r, g, b, separated by ';' — e.g. x = r*g; y = sin(b). Empty: the article's."),
}
LABELS = {
    "optimizer": QT_TRANSLATE_NOOP("ControlsPanel", "Optimizer"), "alpha": QT_TRANSLATE_NOOP("ControlsPanel", "alpha (step)"), "beta1": QT_TRANSLATE_NOOP("ControlsPanel", "beta1"), "beta2": QT_TRANSLATE_NOOP("ControlsPanel", "beta2"),
    "epsilon": QT_TRANSLATE_NOOP("ControlsPanel", "epsilon"), "zeta": QT_TRANSLATE_NOOP("ControlsPanel", "zeta (stop)"), "max_iter": QT_TRANSLATE_NOOP("ControlsPanel", "Max iterations"),
    "hidden": QT_TRANSLATE_NOOP("ControlsPanel", "Hidden sizes"), "activation": QT_TRANSLATE_NOOP("ControlsPanel", "Activation"), "init": QT_TRANSLATE_NOOP("ControlsPanel", "Init"), "samples": QT_TRANSLATE_NOOP("ControlsPanel", "Samples"),
    "seed": QT_TRANSLATE_NOOP("ControlsPanel", "Seed"), "formulas": QT_TRANSLATE_NOOP("ControlsPanel", "Targets"), "test_fraction": QT_TRANSLATE_NOOP("ControlsPanel", "Test share"),
}
HYPER_FIELDS = ("alpha", "beta1", "beta2", "epsilon")  # the optimizers' own settings
CHOICES = {"optimizer": list(OPTIMIZER_NAMES), "activation": list(ACTIVATIONS), "init": list(INITS)}
LIVE = ("optimizer", "alpha", "beta1", "beta2", "epsilon", "zeta", "max_iter")
MODEL = ("hidden", "activation", "init", "samples", "seed", "test_fraction", "formulas")


def format_value(field: str, value) -> str:
    if field == "hidden":
        return ",".join(str(v) for v in value)
    if field == "formulas":
        return "; ".join(value)
    return short_number(value) if isinstance(value, float) else str(value)


class ControlsPanel(QWidget):
    change_requested = Signal(str, object)
    restore_requested = Signal()
    csv_requested = Signal()
    article_data_requested = Signal()
    editing_done = Signal()  # Enter in a field: the value is committed, the keys go back to the window

    def __init__(self, config: RunConfig, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("controls")
        self.config = config
        self.editors: dict[str, QComboBox | QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        self.live_box = self._group(LIVE)
        self.model_box = self._group(MODEL)
        layout.addWidget(self.live_box)
        layout.addWidget(self.model_box)
        self.data_source = QLabel()
        self.data_source.setObjectName("data_source")
        self.data_source.setWordWrap(True)
        layout.addWidget(self.data_source)
        data_row = QHBoxLayout()
        self.csv_button = QPushButton()
        self.csv_button.setObjectName("use_csv")
        self.csv_button.clicked.connect(self.csv_requested)
        self.article_button = QPushButton()
        self.article_button.clicked.connect(self.article_data_requested)
        data_row.addWidget(self.csv_button)
        data_row.addWidget(self.article_button)
        layout.addLayout(data_row)
        self.restore = QPushButton()
        self.restore.setObjectName("restore_defaults")
        self.restore.clicked.connect(self.restore_requested)
        layout.addWidget(self.restore)
        layout.addStretch(1)
        self.retranslate()  # also shows the config

    def retranslate(self) -> None:
        self.live_box.setTitle(self.tr("Training (applies at the next iteration)"))
        self.model_box.setTitle(self.tr("Model and data (starts a new run)"))
        for field, editor in self.editors.items():
            label = marked("ControlsPanel", LABELS[field])
            tip = marked("ControlsPanel", TOOLTIPS[field])
            editor.setAccessibleName(label)
            editor.setToolTip(tip)
            self.labels[field].setText(label)
            self.labels[field].setToolTip(tip)
        for field, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                for i in range(editor.count()):
                    editor.setItemText(i, option_name(editor.itemData(i)))
        self.editors["formulas"].setPlaceholderText(self.tr("the article's x, y, lv"))
        self.csv_button.setText(self.tr("Use a CSV file…"))
        self.csv_button.setToolTip(self.tr("Train on your own table: choose its input and target columns."))
        self.article_button.setText(self.tr("Article's data"))
        self.article_button.setToolTip(self.tr("Back to r, g, b -> x, y, lv drawn as the article does."))
        self.restore.setText(self.tr("Restore article defaults"))
        self.restore.setToolTip(self.tr("Set every control back to the article's run: 3-5-3 tanh, Adam alpha=0.001."))
        self.show_config(self.config)

    def _group(self, fields) -> QGroupBox:
        box = QGroupBox()
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in fields:
            editor: QComboBox | QLineEdit
            if field in CHOICES:
                editor = QComboBox()
                for value in CHOICES[field]:
                    editor.addItem(value, value)  # named in retranslate()
                editor.activated.connect(lambda _i, f=field: self._commit(f))
            else:
                editor = QLineEdit()
                editor.editingFinished.connect(lambda f=field: self._commit(f))
                editor.returnPressed.connect(self.editing_done.emit)
            editor.setObjectName(f"control_{field}")
            error = QLabel()
            error.setObjectName(f"error_{field}")
            error.setStyleSheet("color: #b00020;")
            error.setWordWrap(True)
            error.hide()
            column = QVBoxLayout()
            column.setSpacing(1)
            column.addWidget(editor)
            column.addWidget(error)
            label = QLabel()
            self.labels[field] = label
            form.addRow(label, column)
            self.editors[field], self.errors[field] = editor, error
        return box

    def text_of(self, field: str) -> str:
        """What the field holds as the engine spells it (a choice's data, not its shown name)."""
        editor = self.editors[field]
        return editor.currentData() if isinstance(editor, QComboBox) else editor.text()

    def _commit(self, field: str) -> None:
        try:
            value = parse_setting(field, self.text_of(field))
            candidate = self.config.with_changes(**{field: value})
        except ConfigError as err:
            self.show_error(field, localized(err))
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
            source = self.tr("Data: {file} — inputs {inputs}; targets {targets}").format(
                file=config.data_file, inputs=", ".join(config.inputs), targets=", ".join(config.targets))
        elif config.formulas:
            source = self.tr("Data: r, g, b as the article draws them; your targets")
        else:
            source = self.tr("Data: the article's r, g, b -> x, y, lv")
        self.data_source.setText(source)
        self.editors["formulas"].setEnabled(not config.data_file)
        self.editors["samples"].setEnabled(not config.data_file)
        used = OPTIMIZER_SETTINGS.get(config.optimizer, ())
        for field in HYPER_FIELDS:  # a setting the chosen optimizer ignores cannot be edited
            editor = self.editors[field]
            editor.setEnabled(field in used)
            editor.setToolTip(marked("ControlsPanel", TOOLTIPS[field]) if field in used else self.tr(
                "{optimizer} does not use this setting").format(optimizer=config.optimizer))
        for field, editor in self.editors.items():
            text = format_value(field, getattr(config, field))
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(editor.findData(text))
            elif not editor.hasFocus() or not self.errors[field].isVisible():
                editor.setText(text)
