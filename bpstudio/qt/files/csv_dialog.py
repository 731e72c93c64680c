"""Choose a CSV file, which of its columns go in and which come out, and what the target is.

The first rows are previewed with each column's kind (numbers, integer
classes, text classes) read over the whole file; the target is marked as
classes (cross-entropy, any labels: whole numbers or text) or as numbers
(mse), and the check on OK reads it the way the run will.  A target that
cannot be classes (more than 50 distinct numbers, numbers that are not whole,
numbers mixed with text) is said at once, with its reason, as the CLI says it.

The file is read on a background thread, both for its columns and for the
check of every row when OK is pressed: a file of 200 000 rows takes seconds
to read, and the dialog stays responsive meanwhile (Cancel works, another
file can be chosen) and says what it is doing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bpstudio.engine.classes import MAX_CLASSES
from bpstudio.engine.csv_data import (
    INTEGER,
    MIXED,
    TEXT,
    ColumnKind,
    CsvDataError,
    Preview,
    class_label_refusal,
    class_labels_from_csv,
    dataset_from_csv,
    preview_csv,
)
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.engine.text_safety import shown_name
from bpstudio.qt.shell.background import BackgroundWorker, QtExecutor
from bpstudio.qt.shell.i18n import localized
from bpstudio.qt.shell.safe_text import literal, plain_label

T = TypeVar("T")

PREVIEW_ROWS = 5
ONE_CLASS_COLUMN = QT_TRANSLATE_NOOP("Engine", "with cross-entropy the target is one column of class labels")


def _reading(read: Callable[[], T]) -> tuple[T | None, CsvDataError | None]:
    """``(result, None)`` or ``(None, refusal)``: a background job answers with a pair, never with a bare
    exception, which the worker would raise on the GUI thread as a failure of its own."""
    try:
        return read(), None
    except CsvDataError as err:
        return None, err


class CsvDataDialog(QDialog):
    columns_read = Signal(bool)  # the file's columns are listed (True), or why not is said (False)
    checked = Signal(bool)  # after OK: every row checked and the dialog accepted (True), or the refusal said

    def __init__(self, parent=None, path: str = "") -> None:
        """``parent`` is the window; its current settings (``parent.controls.config``), when it has
        them, decide the target's first marking and whether the output must follow the loss."""
        super().__init__(parent)
        self.current = getattr(getattr(parent, "controls", None), "config", None)
        self.preview: Preview | None = None
        self.closing_down = False  # set when the dialog is done: a late answer is dropped
        self.files = QtExecutor(self, BackgroundWorker.shared("files"))  # never queued behind typesetting
        self.setWindowTitle(self.tr("Train on a CSV file"))
        self.setObjectName("csv_dialog")
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.path = QLineEdit(path)
        self.path.setObjectName("csv_path")
        self.path.setPlaceholderText(self.tr("a .csv file with a header row"))
        self.path.editingFinished.connect(self.load_columns)
        self.browse = QPushButton(self.tr("Browse…"))
        self.browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        layout.addLayout(row)
        self.table = QTableWidget()
        self.table.setObjectName("csv_preview")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setMaximumHeight(self.fontMetrics().height() * 12)  # five rows and the two-line header; a wide file scrolls sideways
        layout.addWidget(self.table)
        self.rows_note = plain_label(QLabel())
        self.rows_note.setObjectName("csv_rows_note")
        layout.addWidget(self.rows_note)
        lists = QHBoxLayout()
        self.inputs, self.targets = QListWidget(), QListWidget()
        self.inputs.setObjectName("csv_inputs")
        self.targets.setObjectName("csv_targets")
        for title, widget in ((self.tr("Inputs (fed to the network)"), self.inputs), (self.tr("Targets (to predict)"), self.targets)):
            column = QVBoxLayout()
            column.addWidget(QLabel(f"<b>{title}</b>"))
            column.addWidget(widget)
            lists.addLayout(column)
        layout.addLayout(lists)
        marking = QHBoxLayout()
        marking.addWidget(QLabel(self.tr("The target is:")))
        self.as_classes = QRadioButton(self.tr("classes (cross-entropy)"))
        self.as_classes.setObjectName("csv_as_classes")
        self.as_classes.setToolTip(
            self.tr("Class labels, whole numbers or text, at most {n} of them; the network learns which class a row is.").format(
                n=MAX_CLASSES
            )
        )
        self.as_numbers = QRadioButton(self.tr("numbers (mse)"))
        self.as_numbers.setObjectName("csv_as_numbers")
        self.as_numbers.setToolTip(self.tr("Numbers to predict (regression); every target column is one output."))
        self.marking = QButtonGroup(self)
        for button in (self.as_classes, self.as_numbers):
            self.marking.addButton(button)
            marking.addWidget(button)
        self.as_numbers.setChecked(True)
        marking.addStretch(1)
        layout.addLayout(marking)
        self.targets.itemChanged.connect(self._target_changed)
        self.error = plain_label(QLabel())  # a refusal quotes the file's column names
        self.error.setObjectName("csv_error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.as_classes.toggled.connect(self._say_target)
        self.busy = plain_label(QLabel())
        self.busy.setObjectName("csv_busy")
        self.busy.hide()
        layout.addWidget(self.busy)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(640, 560)
        if path:
            self.load_columns()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("CSV file"), self.path.text(), self.tr("CSV files (*.csv);;All files (*)"))
        if path:
            self.path.setText(path)
            self.load_columns()

    def load_columns(self) -> None:
        """Read the file's header on the background thread; ``columns_read`` tells when it is listed."""
        self.inputs.clear()
        self.targets.clear()
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.rows_note.clear()
        self.preview = None
        path = self.path.text()
        self._working(self.tr("Reading {file}…").format(file=Path(path).name or path))
        self.files.submit("columns", lambda: _reading(lambda: preview_csv(path, PREVIEW_ROWS)), self._show_columns)

    def _show_columns(self, answer: tuple[Preview | None, CsvDataError | None]) -> None:
        self._working(None)
        preview, refusal = answer
        if refusal is not None:
            self.error.setText(localized(refusal))
            self.columns_read.emit(False)
            return
        assert preview is not None  # a read without a refusal has its preview
        self.error.clear()
        self.preview = preview
        header = preview.header
        self._show_preview(preview)
        self.targets.blockSignals(True)  # the marking is chosen once, below, for the whole list
        for i, name in enumerate(header):
            for widget, checked in ((self.inputs, i < len(header) - 1), (self.targets, i == len(header) - 1)):
                item = QListWidgetItem(shown_name(name))  # shown short and inert; the real name is its data
                item.setData(Qt.ItemDataRole.UserRole, name)
                item.setToolTip(literal(shown_name(name)))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                widget.addItem(item)
        self.targets.blockSignals(False)
        self._mark_target()
        self.columns_read.emit(True)

    def kind_text(self, kind: ColumnKind) -> str:
        """A column's kind as the preview's header says it."""
        if kind.kind == INTEGER and kind.distinct <= MAX_CLASSES:
            return self.tr("integer classes ({n})").format(n=kind.distinct)
        if kind.kind == TEXT:
            return self.tr("text classes ({n})").format(n=kind.distinct)
        if kind.kind == MIXED:
            return self.tr("numbers and text")
        return self.tr("number")

    def _show_preview(self, preview: Preview) -> None:
        self.table.setColumnCount(len(preview.header))
        self.table.setRowCount(len(preview.rows))
        for c, (name, kind) in enumerate(zip(preview.header, preview.kinds, strict=False)):
            item = QTableWidgetItem(f"{shown_name(name)}\n{self.kind_text(kind)}")
            item.setToolTip(literal(shown_name(name)))
            self.table.setHorizontalHeaderItem(c, item)
        # rows numbered as a spreadsheet shows them (the header is row 1), as every refusal counts them
        self.table.setVerticalHeaderLabels([str(r + 2) for r in range(len(preview.rows))])
        for r, row in enumerate(preview.rows):
            for c, cell in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(shown_name(cell.strip())))
        self.table.resizeColumnsToContents()
        self.rows_note.setText(
            self.tr("The first {shown} of {n} rows; each column's kind is read over every row.").format(
                shown=len(preview.rows), n=preview.n_rows
            )
        )

    def _target_kind(self) -> tuple[str, ColumnKind] | None:
        """The first checked target column and its kind, when the file is read."""
        targets = self._checked(self.targets)
        if self.preview is None or not targets:
            return None
        return targets[0], self.preview.kinds[self.preview.header.index(targets[0])]

    def _mark_target(self) -> None:
        """Mark the target as the file suggests: text labels are classes; whole numbers are classes when the
        window already trains on classes (cross-entropy), numbers otherwise; anything else is numbers."""
        found = self._target_kind()
        classes = False
        if found is not None:
            kind = found[1]
            trains_classes = self.current is not None and self.current.loss == "cross-entropy"
            classes = kind.kind in (TEXT, MIXED) or (kind.kind == INTEGER and trains_classes and kind.can_be_classes)
        (self.as_classes if classes else self.as_numbers).setChecked(True)
        self._say_target()

    def _target_changed(self, _item: QListWidgetItem) -> None:
        self._say_target()

    def _say_target(self) -> None:
        """Say at once why the checked target cannot be classes, when it is marked so."""
        self.error.clear()
        refusal = self._class_refusal()
        if refusal is not None:
            self.error.setText(localized(refusal))

    def _class_refusal(self) -> CsvDataError | None:
        """Why the target, marked as classes, is refused (None when it is marked numbers, or fits)."""
        found = self._target_kind()
        if not self.as_classes.isChecked() or found is None:
            return None
        if len(self._checked(self.targets)) > 1:
            return CsvDataError(ONE_CLASS_COLUMN)
        name, kind = found
        return class_label_refusal(kind, Path(self.path.text()).name, name)

    def _working(self, text: str | None, checking: bool = False) -> None:
        """Say what is being read, and hold OK and the lists until it is done.

        While every row is checked the file cannot be changed either (the
        answer is about this file); while its columns are read, another file
        can still be chosen.
        """
        self.busy.setText(text or "")
        self.busy.setVisible(text is not None)
        held: tuple[QWidget, ...] = (self.buttons.button(QDialogButtonBox.StandardButton.Ok), self.inputs, self.targets)
        for widget in held:
            widget.setEnabled(text is None)
        for widget in (self.path, self.browse):
            widget.setEnabled(not checking)

    @staticmethod
    def _checked(widget: QListWidget) -> tuple[str, ...]:
        items = [widget.item(i) for i in range(widget.count())]
        return tuple(item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked)

    def choice(self) -> dict:
        """The settings the chosen file brings: its columns, and the loss the target's marking means.

        Classes take cross-entropy, and a linear output (which cross-entropy
        refuses) gives way to the automatic one (softmax); numbers take mse.
        A file replaces a 2-D data set too (which takes no file), with its
        features and its class count.
        """
        changes = {
            "data_file": self.path.text(),
            "inputs": self._checked(self.inputs),
            "targets": self._checked(self.targets),
            "formulas": (),
            "dataset": "article",
            "features": (),
            "classes": 2,
            "loss": "cross-entropy" if self.as_classes.isChecked() else "mse",
        }
        if self.as_classes.isChecked() and (self.current is None or self.current.output == "linear"):
            changes["output"] = "auto"
        return changes

    def _accept(self) -> None:
        """Check every row on the background thread; accept when they all read, else say why."""
        chosen = self.choice()
        refusal = self._class_refusal()
        if refusal is not None:
            self.error.setText(localized(refusal))
            self.checked.emit(False)
            return
        self._working(self.tr("Checking every row of {file}…").format(file=Path(chosen["data_file"]).name), checking=True)
        file, inputs, targets = chosen["data_file"], chosen["inputs"], chosen["targets"]
        if chosen["loss"] == "cross-entropy" and targets:

            def check() -> object:
                return class_labels_from_csv(file, inputs, targets[0])
        else:

            def check() -> object:
                return dataset_from_csv(file, inputs, targets)

        self.files.submit("check", lambda: _reading(check), self._checked_answer)

    def _checked_answer(self, answer: tuple[object, CsvDataError | None]) -> None:
        self._working(None)
        _dataset, refusal = answer
        if refusal is not None:
            self.error.setText(localized(refusal))
            self.checked.emit(False)
            return
        self.checked.emit(True)
        self.accept()

    def done(self, result: int) -> None:
        self.closing_down = True  # an answer still on its way is for nobody now
        super().done(result)
