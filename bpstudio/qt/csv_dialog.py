"""Choose a CSV file and which of its columns go in and which come out.

The file is read on a background thread, both for its columns and for the
check of every row when OK is pressed: a file of 200 000 rows takes seconds
to read, and the dialog stays responsive meanwhile (Cancel works, another
file can be chosen) and says what it is doing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..engine.csv_data import CsvDataError, dataset_from_csv, read_table
from .background import BackgroundWorker, QtExecutor
from .i18n import localized
from ..engine.text_safety import shown_name
from .safe_text import literal, plain_label

T = TypeVar("T")


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
        super().__init__(parent)
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
        self.error = plain_label(QLabel())  # a refusal quotes the file's column names
        self.error.setObjectName("csv_error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.busy = plain_label(QLabel())
        self.busy.setObjectName("csv_busy")
        self.busy.hide()
        layout.addWidget(self.busy)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(520, 360)
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
        path = self.path.text()
        self._working(self.tr("Reading {file}…").format(file=Path(path).name or path))
        self.files.submit("columns", lambda: _reading(lambda: read_table(path)[0]), self._show_columns)

    def _show_columns(self, answer: tuple[list[str] | None, CsvDataError | None]) -> None:
        self._working(None)
        header, refusal = answer
        if refusal is not None:
            self.error.setText(localized(refusal))
            self.columns_read.emit(False)
            return
        assert header is not None  # a read without a refusal has its header
        self.error.clear()
        for i, name in enumerate(header):
            for widget, checked in ((self.inputs, i < len(header) - 1), (self.targets, i == len(header) - 1)):
                item = QListWidgetItem(shown_name(name))  # shown short and inert; the real name is its data
                item.setData(Qt.ItemDataRole.UserRole, name)
                item.setToolTip(literal(shown_name(name)))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                widget.addItem(item)
        self.columns_read.emit(True)

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
        return {"data_file": self.path.text(), "inputs": self._checked(self.inputs), "targets": self._checked(self.targets), "formulas": ()}

    def _accept(self) -> None:
        """Check every row on the background thread; accept when they all read, else say why."""
        chosen = self.choice()
        self._working(self.tr("Checking every row of {file}…").format(file=Path(chosen["data_file"]).name), checking=True)
        self.files.submit(
            "check",
            lambda: _reading(lambda: dataset_from_csv(chosen["data_file"], chosen["inputs"], chosen["targets"])),
            self._checked_answer,
        )

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
