"""Hyperparameter and model controls; a refused value says why, next to the field.

Values are checked with the same RunConfig rules the engine and CLI use, so
the message a teacher sees is the one the command line prints.  Accepted
changes leave as ``change_requested(field, value)``; the window queues them
to the training thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bpstudio.control.model.task_settings import changes_for, shown_output, unavailable
from bpstudio.control.words.number_format import short_number
from bpstudio.control.words.vocabulary import LOSS_NAMES, OPTIMIZER_NAMES, OPTIMIZER_RECORDS, OPTIMIZER_SETTINGS
from bpstudio.engine.activations import ACTIVATIONS
from bpstudio.engine.config import OUTPUTS, ConfigError, RunConfig, parse_setting
from bpstudio.engine.data import INITS
from bpstudio.engine.datasets import DATASETS, POINT_NAMES
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.engine.text_safety import shown_name
from bpstudio.qt.shell.feature_checks import FeatureChecks
from bpstudio.qt.shell.i18n import localized, marked
from bpstudio.qt.shell.option_names import option_name, option_tip
from bpstudio.qt.shell.safe_text import plain_label
from bpstudio.qt.shell.wheel_guard import guard_the_wheel

TOOLTIPS = {
    # the optimizer and its settings (alpha, beta1, ...) are explained by each optimizer's record: optimizer_tip
    "zeta": QT_TRANSLATE_NOOP(
        "ControlsPanel", "Stop when the largest gradient is below zeta, or a step or JVal change below zeta squared."
    ),
    "max_iter": QT_TRANSLATE_NOOP("ControlsPanel", "Stop after this many iterations (the article runs 50000)."),
    "hidden": QT_TRANSLATE_NOOP("ControlsPanel", "Hidden layer sizes: 5 is the article's; 8,6 makes two hidden layers."),
    "activation": QT_TRANSLATE_NOOP(
        "ControlsPanel", "The hidden units' non-linear link: tanh as in the article; each choice says what it does."
    ),
    "init": QT_TRANSLATE_NOOP("ControlsPanel", "Start weights: uniform in (-1, 1) as the article, or all zeros (see why that fails)."),
    "samples": QT_TRANSLATE_NOOP(
        "ControlsPanel",
        "How many samples the data set draws; the loss JVal sums over them. A new run: the start weights are drawn after the data, so they change too.",
    ),
    "seed": QT_TRANSLATE_NOOP("ControlsPanel", "Random seed for the data and the start weights (the article's is 1)."),
    "test_fraction": QT_TRANSLATE_NOOP(
        "ControlsPanel", "Share of the samples held out as a test set (0 to 0.9); its JVal is a second curve."
    ),
    "formulas": QT_TRANSLATE_NOOP(
        "ControlsPanel", "Your own targets from r, g, b, separated by ';' — e.g. x = r*g; y = sin(b). Empty: the article's."
    ),
    "dataset": QT_TRANSLATE_NOOP(
        "ControlsPanel",
        "The article's r, g, b, or TensorFlow Playground's 2-D sets: circle, xor, gauss, spiral, moons (classes); plane, multi-gauss (regression).",
    ),
    "classes": QT_TRANSLATE_NOOP("ControlsPanel", "How many classes the gauss and spiral sets draw: 2 or 3."),
    "noise": QT_TRANSLATE_NOOP("ControlsPanel", "How far the 2-D points are jittered: 0 (clean) to 0.5."),
    "features": QT_TRANSLATE_NOOP("ControlsPanel", "What the network is shown of a 2-D point: each ticked feature is one input node."),
    "loss": QT_TRANSLATE_NOOP(
        "ControlsPanel",
        "mse: half the squared error, summed (the article's JVal); cross-entropy: for classes, with softmax or sigmoid outputs.",
    ),
    "output": QT_TRANSLATE_NOOP(
        "ControlsPanel",
        "The output layer's link: linear (the article), softmax (class shares that add up to 1) or sigmoid (one output for two classes).",
    ),
    "l1": QT_TRANSLATE_NOOP("ControlsPanel", "L1 rate: adds l1·Σ|w| over the non-bias weights to JVal; it pushes weights to exactly 0."),
    "l2": QT_TRANSLATE_NOOP("ControlsPanel", "L2 rate: adds l2/2·Σw² over the non-bias weights to JVal; it keeps weights small."),
    "batch_size": QT_TRANSLATE_NOOP(
        "ControlsPanel", "Samples per step, in a seeded shuffled order; 0 is the whole set, as in the article."
    ),
}
LABELS = {
    "optimizer": QT_TRANSLATE_NOOP("ControlsPanel", "Optimizer"),
    "alpha": QT_TRANSLATE_NOOP("ControlsPanel", "alpha (step)"),
    "beta1": QT_TRANSLATE_NOOP("ControlsPanel", "beta1"),
    "beta2": QT_TRANSLATE_NOOP("ControlsPanel", "beta2"),
    "epsilon": QT_TRANSLATE_NOOP("ControlsPanel", "epsilon"),
    "zeta": QT_TRANSLATE_NOOP("ControlsPanel", "zeta (stop)"),
    "max_iter": QT_TRANSLATE_NOOP("ControlsPanel", "Max iterations"),
    "hidden": QT_TRANSLATE_NOOP("ControlsPanel", "Hidden sizes"),
    "activation": QT_TRANSLATE_NOOP("ControlsPanel", "Activation"),
    "init": QT_TRANSLATE_NOOP("ControlsPanel", "Init"),
    "samples": QT_TRANSLATE_NOOP("ControlsPanel", "Samples"),
    "seed": QT_TRANSLATE_NOOP("ControlsPanel", "Seed"),
    "formulas": QT_TRANSLATE_NOOP("ControlsPanel", "Targets"),
    "test_fraction": QT_TRANSLATE_NOOP("ControlsPanel", "Test share"),
    "dataset": QT_TRANSLATE_NOOP("ControlsPanel", "Data set"),
    "classes": QT_TRANSLATE_NOOP("ControlsPanel", "Classes"),
    "noise": QT_TRANSLATE_NOOP("ControlsPanel", "Noise"),
    "features": QT_TRANSLATE_NOOP("ControlsPanel", "Input features"),
    "loss": QT_TRANSLATE_NOOP("ControlsPanel", "Loss"),
    "output": QT_TRANSLATE_NOOP("ControlsPanel", "Output"),
    "l1": QT_TRANSLATE_NOOP("ControlsPanel", "L1 rate"),
    "l2": QT_TRANSLATE_NOOP("ControlsPanel", "L2 rate"),
    "batch_size": QT_TRANSLATE_NOOP("ControlsPanel", "Batch size"),
}
HYPER_FIELDS = ("alpha", "beta1", "beta2", "epsilon")  # the optimizers' own settings
TOOLTIPS_FROM_RECORDS = ("optimizer", *HYPER_FIELDS)
OUTPUT_CHOICES = [name for name in OUTPUTS if name != "auto"]  # auto is shown as what it follows
CHOICES = {
    "optimizer": list(OPTIMIZER_NAMES),
    "activation": list(ACTIVATIONS),
    "init": list(INITS),
    "dataset": list(DATASETS),
    "classes": ["2", "3"],
    "loss": list(LOSS_NAMES),
    "output": OUTPUT_CHOICES,
}
LIVE = ("optimizer", "alpha", "beta1", "beta2", "epsilon", "zeta", "max_iter")
DATA = ("dataset", "classes", "noise", "samples", "test_fraction", "features", "formulas", "seed")
MODEL = ("hidden", "activation", "init", "output", "loss", "l1", "l2", "batch_size")
FREE_UNDER_PLAYGROUND = ("max_iter",)  # a Playground link fixes every other setting (zeta and seed are unused)
TASK_FIELDS = ("dataset", "classes", "noise", "features", "loss", "samples", "formulas")  # see task_settings


def optimizer_tip(field: str, optimizer: str) -> str:
    """The tooltip of the optimizer menu (every optimizer in a phrase) or of a setting (what it means
    to the chosen optimizer), in the user's language, from the optimizers' records."""
    if field == "optimizer":
        return "\n".join(f"{option_name(name)}: {marked('Optimizers', r.summary)}" for name, r in OPTIMIZER_RECORDS.items())
    record = OPTIMIZER_RECORDS.get(optimizer)
    setting = record.setting(field) if record is not None else None
    if setting is None:  # not used by the chosen optimizer: the first that does use it explains it
        setting = next(s for r in OPTIMIZER_RECORDS.values() if (s := r.setting(field)) is not None)
    return marked("Optimizers", setting.meaning)


def tooltip(field: str, optimizer: str = "adam") -> str:
    """A field's tooltip in the user's language."""
    return optimizer_tip(field, optimizer) if field in TOOLTIPS_FROM_RECORDS else marked("ControlsPanel", TOOLTIPS[field])


def format_value(field: str, value) -> str:
    if field in ("hidden", "features"):
        return ",".join(str(v) for v in value)
    if field == "formulas":
        return "; ".join(value)
    return short_number(value) if isinstance(value, float) else str(value)


class ControlsPanel(QWidget):
    change_requested = Signal(str, object)
    changes_requested = Signal(dict)  # several settings at once (a data set with what it takes along)
    restore_requested = Signal()
    csv_requested = Signal()
    article_data_requested = Signal()
    editing_done = Signal()  # Enter in a field: the value is committed, the keys go back to the window

    def __init__(self, config: RunConfig, parent=None) -> None:
        super().__init__(parent)
        guard_the_wheel()  # application-wide, once: the wheel changes no panel's control it scrolls over
        self.setObjectName("controls")
        self.config = config
        self.editors: dict[str, QComboBox | QLineEdit | FeatureChecks] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        self.live_box = self._group(LIVE)
        self.data_box = self._group(DATA)
        self.model_box = self._group(MODEL)
        layout.addWidget(self.live_box)
        layout.addWidget(self.data_box)
        self.data_source = plain_label(QLabel())  # it names the file and its columns
        self.data_source.setObjectName("data_source")
        self.data_source.setWordWrap(True)
        layout.addWidget(self.data_source)
        # Why a new run's data was refused (a CSV that no longer reads, a run over the size budget):
        # it stays under the data until another run is shown.
        self.data_error = plain_label(QLabel())
        self.data_error.setObjectName("error_data")
        self.data_error.setStyleSheet("color: #b00020;")
        self.data_error.setWordWrap(True)
        self.data_error.hide()
        layout.addWidget(self.data_error)
        data_row = QHBoxLayout()
        self.csv_button = QPushButton()
        self.csv_button.setObjectName("use_csv")
        self.csv_button.clicked.connect(self.csv_requested)
        self.article_button = QPushButton()
        self.article_button.clicked.connect(self.article_data_requested)
        data_row.addWidget(self.csv_button)
        data_row.addWidget(self.article_button)
        layout.addLayout(data_row)
        layout.addWidget(self.model_box)
        self.restore = QPushButton()
        self.restore.setObjectName("restore_defaults")
        self.restore.clicked.connect(self.restore_requested)
        layout.addWidget(self.restore)
        layout.addStretch(1)
        self.retranslate()  # also shows the config

    def retranslate(self) -> None:
        self.live_box.setTitle(self.tr("Training (applies at the next iteration)"))
        self.data_box.setTitle(self.tr("Data (starts a new run)"))
        self.model_box.setTitle(self.tr("Model (starts a new run)"))
        for field, editor in self.editors.items():
            label = marked("ControlsPanel", LABELS[field])
            tip = tooltip(field, self.config.optimizer)
            editor.setAccessibleName(label)
            editor.setToolTip(tip)
            self.labels[field].setText(label)
            self.labels[field].setToolTip(tip)
        for editor in self.editors.values():
            if isinstance(editor, QComboBox):
                for i in range(editor.count()):
                    editor.setItemText(i, option_name(editor.itemData(i)))
                    editor.setItemData(i, option_tip(editor.itemData(i)) or None, Qt.ItemDataRole.ToolTipRole)
        formulas, hidden = self.editors["formulas"], self.editors["hidden"]
        assert isinstance(formulas, QLineEdit) and isinstance(hidden, QLineEdit), "both are typed in"
        formulas.setPlaceholderText(self.tr("the article's x, y, lv"))
        hidden.setPlaceholderText(self.tr("none: inputs straight to the outputs"))
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
            editor: QComboBox | QLineEdit | FeatureChecks
            if field in CHOICES:
                editor = QComboBox()
                for value in CHOICES[field]:
                    editor.addItem(value, value)  # named in retranslate()
                editor.activated.connect(lambda _i, f=field: self._commit(f))
            elif field == "features":
                editor = FeatureChecks()
                editor.toggled.connect(lambda f=field: self._commit(f))
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
        """Check the field's value with the engine's rules; send it with what it takes along."""
        text = self.text_of(field)
        if isinstance(self.editors[field], QLineEdit) and text.strip() == format_value(field, getattr(self.config, field)):
            self.show_error(field, "")  # nothing edited (e.g. focus left an empty Hidden sizes)
            return
        try:
            # an empty Hidden sizes is a network without hidden layer (the XOR lesson starts there)
            value = () if field == "hidden" and not text.strip() else parse_setting(field, text)
            if field == "features" and not value:
                raise ConfigError(field, self.tr("tick at least one input feature"))
            if field == "features" and value == POINT_NAMES:
                value = ()  # x1, x2 is the default: the same run, not a new one
            if field == "output" and value == shown_output(self.config):
                self.show_error(field, "")
                return
            changes = changes_for(self.config, field, value)
            candidate = self.config.with_changes(**changes)
        except ConfigError as err:
            self.show_error(field, localized(err))
            if not isinstance(self.editors[field], QLineEdit):
                self.show_config(self.config)  # a choice or a box shows what is in use
            return
        self.show_error(field, "")
        if candidate == self.config:
            return
        if len(changes) == 1:
            self.change_requested.emit(field, value)
        else:
            self.changes_requested.emit(changes)

    def show_error(self, field: str, message: str) -> None:
        label = self.errors[field]
        label.setText(message)
        label.setVisible(bool(message))
        editor = self.editors[field]
        editor.setStyleSheet("border: 1px solid #b00020;" if message else "")

    def show_data_error(self, message: str) -> None:
        self.data_error.setText(message)
        self.data_error.setVisible(bool(message))

    def show_config(self, config: RunConfig) -> None:
        """Show the session's settings (after a change, a rewind or a restore)."""
        if config != self.config:
            self.show_data_error("")  # another run is shown: an old refusal no longer applies
        self.config = config
        if config.data_file:
            source = self.tr("Data: {file} — inputs {inputs}; targets {targets}").format(
                file=shown_name(Path(config.data_file).name),
                inputs=", ".join(map(shown_name, config.inputs)),
                targets=", ".join(map(shown_name, config.targets)),
            )
        elif config.formulas:
            source = self.tr("Data: r, g, b as the article draws them; your targets")
        elif config.dataset != "article":
            source = self.tr("Data: {dataset}, points (x₁, x₂) in the plane").format(dataset=option_name(config.dataset))
        else:
            source = self.tr("Data: the article's r, g, b -> x, y, lv")
        self.data_source.setText(source)
        off = unavailable(config)
        for field in TASK_FIELDS:  # a setting that does not apply to this data is disabled, saying why
            editor = self.editors[field]
            editor.setEnabled(field not in off)
            editor.setToolTip(localized(off[field]) if field in off else tooltip(field))
        used = OPTIMIZER_SETTINGS.get(config.optimizer, ())
        for field in HYPER_FIELDS:  # a setting the chosen optimizer ignores cannot be edited
            editor = self.editors[field]
            editor.setEnabled(field in used)
            editor.setToolTip(
                tooltip(field, config.optimizer)
                if field in used
                else self.tr("{optimizer} does not use this setting").format(optimizer=option_name(config.optimizer))
            )
            self.labels[field].setToolTip(tooltip(field, config.optimizer))  # what it means to the chosen optimizer
        for field, editor in self.editors.items():
            text = shown_output(config) if field == "output" else format_value(field, getattr(config, field))
            if isinstance(editor, FeatureChecks):  # the features field; none ticked where they do not apply
                editor.set_features(() if "features" in off else config.input_features)  # (x₁, x₂ read as r, g, b's)
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(editor.findData(text))
            elif not editor.hasFocus() or not self.errors[field].isVisible():
                editor.setText(text)
        self._show_conventions(config)

    def _show_conventions(self, config: RunConfig) -> None:
        """Under Playground conventions the link fixes the settings: shown, read-only, saying so.

        Editing them would make another link's run, so they are not edited here: File ▸ Open
        Playground link… opens another link, and Restore article defaults returns to the studio's
        conventions. Only the number of epochs to train is the user's.
        """
        playground = config.is_playground
        self.labels["max_iter"].setText(self.tr("Max epochs") if playground else marked("ControlsPanel", LABELS["max_iter"]))
        for button in (self.csv_button, self.article_button):
            button.setEnabled(not playground)
        if not playground:  # back to the studio's conventions: what only the link set is editable again
            for field, editor in self.editors.items():
                if isinstance(editor, QComboBox) and field in CHOICES:
                    for index in range(editor.count() - 1, len(CHOICES[field]) - 1, -1):  # Playground's loss, tanh output
                        editor.removeItem(index)
                if field not in TASK_FIELDS and field not in HYPER_FIELDS and not editor.isEnabled():
                    editor.setEnabled(True)
                    editor.setToolTip(tooltip(field, config.optimizer))
            return
        self.data_source.setText(
            self.tr(
                "Playground conventions: the link's data ({dataset}), network, loss (the mean of ½(ŷ − y)²) and epochs. "
                "The settings it fixes are read-only; File ▸ Open Playground link… opens another."
            ).format(dataset=option_name(config.dataset))
        )
        fixed = self.tr("Set by the Playground link (Playground conventions)")
        for field, editor in self.editors.items():
            if isinstance(editor, QComboBox) and editor.currentIndex() < 0:  # Playground's loss or tanh output
                value = shown_output(config) if field == "output" else getattr(config, field)
                editor.addItem(option_name(value), value)
                editor.setCurrentIndex(editor.count() - 1)
            if field not in FREE_UNDER_PLAYGROUND:
                editor.setEnabled(False)
                editor.setToolTip(fixed)
