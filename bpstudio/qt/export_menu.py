"""File > Export: one action per export, a file dialog, and a clear message on failure."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from . import exports


class ExportMenu(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    def add_to(self, menu: QMenu) -> None:
        sub = menu.addMenu("&Export")
        entries = [
            ("export_plot", "JVal plot (the article's figure)…", "PNG image (*.png);;SVG drawing (*.svg)",
             "jval.png", self._plot),
            ("export_history", "JVal history…", "CSV table (*.csv)", "jval.csv", self._history),
            ("export_weights", "Weights…", "CSV table (*.csv);;NumPy arrays (*.npz)", "weights.csv",
             self._weights),
            ("export_chain", "Chain of the selected weight…", "LaTeX (*.tex);;Markdown (*.md)",
             "chain.tex", self._chain),
            ("export_diagram", "Network diagram…", "PNG image (*.png);;SVG drawing (*.svg)",
             "diagram.png", self._diagram),
        ]
        for name, text, filters, default, writer in entries:
            action = QAction(text, self.window)
            action.setObjectName(name)
            action.triggered.connect(lambda _=False, f=filters, d=default, w=writer, t=text: self._ask(t, f, d, w))
            sub.addAction(action)

    def _ask(self, title: str, filters: str, default: str, writer) -> None:
        if self.window.last is None:
            return
        path, chosen = QFileDialog.getSaveFileName(self.window, title.rstrip("…"), default, filters)
        if not path:
            return
        if "." not in path.rsplit("/", 1)[-1]:
            path += chosen.split("*")[-1].rstrip(")")
        self.write(writer, path)

    def write(self, writer, path: str) -> bool:
        try:
            writer(path)
        except (OSError, ValueError) as err:
            QMessageBox.warning(self.window, "Export failed", f"{path} could not be written:\n{err}")
            return False
        self.window.statusBar().showMessage(f"Exported {path}", 4000)
        return True

    # -- writers, each from what the GUI thread already holds ---------------------------------
    def _plot(self, path: str) -> None:
        exports.export_plot(path, self.window.plot.mirror.values())

    def _history(self, path: str) -> None:
        exports.export_history(path, self.window.plot.mirror.values())

    def _weights(self, path: str) -> None:
        exports.export_weights(path, self.window.problem.network, self.window.last.snapshot.weights)

    def _chain(self, path: str) -> None:
        inspector = self.window.inspector
        if inspector.chain is None:
            raise ValueError("select a weight in the diagram first")
        numbers = inspector.chain.evaluate(self.window.last.snapshot.weights, self.window.problem.dataset,
                                           sample=inspector.sample_box.value())
        exports.export_chain(path, inspector.chain, numbers)

    def _diagram(self, path: str) -> None:
        exports.export_diagram(path, self.window.network_view.scene())
