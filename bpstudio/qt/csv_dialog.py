"""Choose a CSV file and which of its columns go in and which come out."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
)

from ..engine.csv_data import CsvDataError, dataset_from_csv, read_table
from .i18n import localized


class CsvDataDialog(QDialog):
    def __init__(self, parent=None, path: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Train on a CSV file"))
        self.setObjectName("csv_dialog")
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.path = QLineEdit(path)
        self.path.setObjectName("csv_path")
        self.path.setPlaceholderText(self.tr("a .csv file with a header row"))
        self.path.editingFinished.connect(self.load_columns)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
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
        self.error = QLabel()
        self.error.setObjectName("csv_error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
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

    def load_columns(self) -> bool:
        self.inputs.clear()
        self.targets.clear()
        try:
            header, _ = read_table(self.path.text())
        except CsvDataError as err:
            self.error.setText(localized(err))
            return False
        self.error.clear()
        for i, name in enumerate(header):
            for widget, checked in ((self.inputs, i < len(header) - 1), (self.targets, i == len(header) - 1)):
                item = QListWidgetItem(name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                widget.addItem(item)
        return True

    @staticmethod
    def _checked(widget: QListWidget) -> tuple[str, ...]:
        return tuple(widget.item(i).text() for i in range(widget.count()) if widget.item(i).checkState() == Qt.CheckState.Checked)

    def choice(self) -> dict:
        return {"data_file": self.path.text(), "inputs": self._checked(self.inputs), "targets": self._checked(self.targets), "formulas": ()}

    def _accept(self) -> None:
        chosen = self.choice()
        try:
            dataset_from_csv(chosen["data_file"], chosen["inputs"], chosen["targets"])
        except CsvDataError as err:
            self.error.setText(localized(err))
            return
        self.accept()
