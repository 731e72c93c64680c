"""Every sample's term of the selected weight's gradient: a sortable table and its CSV.

Opened from the inspector's "From one sample to all samples" box.  The columns
(sample, inputs, predictions, targets, term) come from
:func:`bpstudio.control.files.sample_terms.sample_terms`, the very table
``bpstudio chain --per-sample --format csv`` writes, worked out on the
background thread.  A data set of 70 000 samples must not freeze the window,
so the view reads a :class:`QAbstractTableModel` over NumPy columns (Qt asks
only for the rows on screen) and a click on a header sorts with one
``argsort``, never row by row.  Export CSV writes the rows in the samples'
order, 17 significant digits, through the atomic writer after the usual
question about an existing file.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QTableView, QVBoxLayout, QWidget

from bpstudio.control.files.sample_terms import SampleTerms, sample_terms, write_sample_terms_csv
from bpstudio.control.words.number_format import DEFAULT_DIGITS, display_number
from bpstudio.engine.data import Problem
from bpstudio.engine.text_safety import shorten
from bpstudio.qt.files.save_names import ask_save_path
from bpstudio.qt.files.start_folder import remember_folder, start_path
from bpstudio.qt.shell.background import BackgroundWorker
from bpstudio.qt.shell.i18n import localized
from bpstudio.qt.shell.safe_text import literal

AnyIndex = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class SampleTermsModel(QAbstractTableModel):
    """The table's columns as NumPy arrays; rows in ``order`` (the sort), numbers at View ▸ Digits."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.table: SampleTerms | None = None
        self.order = np.zeros(0, dtype=np.int64)
        self.digits = DEFAULT_DIGITS

    def set_table(self, table: SampleTerms | None) -> None:
        self.beginResetModel()
        self.table = table
        self.order = np.arange(table.n_rows if table is not None else 0)
        self.endResetModel()

    def set_digits(self, digits: str) -> None:
        self.digits = digits
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name and default
        return 0 if parent.isValid() or self.table is None else self.table.n_rows

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self.table is None else len(self.table.header)

    def value(self, row: int, column: int) -> float:
        """The number in a row on screen (after the sort) and a column."""
        assert self.table is not None
        return float(self.table.columns[column][self.order[row]])

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if self.table is None or not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.value(index.row(), index.column())
            return str(int(value)) if index.column() == 0 else display_number(value, self.digits)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT.value)
        if role == Qt.ItemDataRole.ToolTipRole and index.column():
            return display_number(self.value(index.row(), index.column()), "all")  # the double itself, on demand
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal or self.table is None:
            return None
        return shorten(self.table.header[section])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """By one column, with one stable argsort (NaN last); ties keep the samples' order."""
        if self.table is None or not 0 <= column < len(self.table.header):
            return
        self.layoutAboutToBeChanged.emit()
        keys = np.asarray(self.table.columns[column], dtype=float)
        if order == Qt.SortOrder.DescendingOrder:
            keys = -keys
        self.order = np.argsort(keys, kind="stable")
        self.layoutChanged.emit()


class SampleTermsDialog(QDialog):
    """The table (objectName ``sample_terms``), its note and Export CSV (``sample_terms_export``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sample_terms")
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.setModal(False)
        self.model = SampleTermsModel(self)
        self.note = QLabel()
        self.note.setObjectName("sample_terms_note")
        self.note.setWordWrap(True)
        self.view = QTableView()
        self.view.setObjectName("sample_terms_table")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no row is measured: 70 000 stay instant
        self.view.setWordWrap(False)
        self.export = QPushButton()
        self.export.setObjectName("sample_terms_export")
        self.export.clicked.connect(self.ask_export)
        self.export.setAutoDefault(False)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)
        self.close_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.symbol, self.iteration, self.index = "w", 0, -1
        self.working = False
        self.resize(720, 480)
        self.retranslate()

    # -- content -------------------------------------------------------------------------------------
    def show_table(self, problem: Problem, weights: np.ndarray, index: int, symbol: str, iteration: int, digits: str) -> None:
        """Work the table out for these weights (in the background), then show it; the dialog comes forward."""
        self.symbol, self.iteration, self.index = symbol, iteration, index
        self.model.digits = digits
        self.working = True
        self.export.setEnabled(False)
        self.retranslate()
        net, data, weights = problem.network, problem.dataset, np.array(weights, dtype=float)
        BackgroundWorker.shared().submit("sample_terms", lambda: sample_terms(net, weights, data, index), self._ready)
        self.show()
        self.raise_()
        self.activateWindow()

    def _ready(self, table: SampleTerms) -> None:
        self.working = False
        self.model.set_table(table)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.resizeColumnsToContents()
        self.export.setEnabled(True)
        self.retranslate()

    def set_digits(self, digits: str) -> None:
        self.model.set_digits(digits)
        self.retranslate()

    @property
    def table(self) -> SampleTerms | None:
        return self.model.table

    # -- export -----------------------------------------------------------------------------------------
    def ask_export(self) -> None:
        path = ask_save_path(self, self.tr("Export every sample's term"), start_path("sample_terms.csv"), "CSV (*.csv)", ".csv")
        if path:
            remember_folder(path)
            self.export_to(path)

    def export_to(self, path: str) -> bool:
        """The table as ``chain --per-sample --format csv`` writes it (samples in order, 17 digits)."""
        if self.table is None:
            return False
        try:
            write_sample_terms_csv(path, self.table)
        except (OSError, ValueError) as err:
            QMessageBox.warning(
                self,
                self.tr("Export failed"),
                literal(self.tr("{path} could not be written:\n{reason}").format(path=path, reason=localized(err))),
            )
            return False
        return True

    # -- words --------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Every sample's term of ∂JVal/∂{p}").format(p=shorten(self.symbol)))
        self.export.setText(self.tr("Export CSV…"))
        self.export.setToolTip(
            self.tr("One row per training sample, every number with 17 significant digits, as bpstudio chain --per-sample")
        )
        self.close_button.setText(self.tr("Close"))
        table = self.table
        if self.working or table is None:
            self.note.setText(self.tr("Working out every sample's term…"))
            return
        note = self.tr(
            "{n} training samples at iteration {k}. Each term is the sample's ∂L/∂{p}; together they add up to "
            "∂JVal/∂{p} = {total}. Click a column's header to sort by it; hover a number for all its digits."
        ).format(n=table.n_rows, k=self.iteration, p=shorten(self.symbol), total=display_number(table.gradient, self.model.digits))
        if table.penalty_share:
            note += " " + self.tr("Each term includes the penalty's share dR/dw / n = {share}.").format(
                share=display_number(table.penalty_share, self.model.digits)
            )
        self.note.setText(note)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
