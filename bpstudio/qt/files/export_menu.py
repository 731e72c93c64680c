"""File > Export: one action per export, a file dialog, and a clear message on failure."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QGraphicsScene, QMenu, QMessageBox, QWidget

from bpstudio.control.export.script_export import check_script_name, script_text
from bpstudio.control.files.safe_write import write_text
from bpstudio.control.files.tables import write_history_csv, write_weights
from bpstudio.control.model.finished_runs import solved_run
from bpstudio.control.model.studio_model import StudioModel
from bpstudio.control.runtime.session import Update
from bpstudio.engine.data import Problem
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.qt.files import exports
from bpstudio.qt.files.save_names import ask_save_path
from bpstudio.qt.files.start_folder import remember_folder, start_path
from bpstudio.qt.inspector.formula_view import FormulaView
from bpstudio.qt.map.decision_map import DecisionMapPanel
from bpstudio.qt.shell.i18n import localized, marked
from bpstudio.qt.shell.safe_text import literal

TEXTS = {
    "export_plot": QT_TRANSLATE_NOOP("ExportMenu", "JVal plot (the article's figure)…"),
    "export_history": QT_TRANSLATE_NOOP("ExportMenu", "JVal history…"),
    "export_weights": QT_TRANSLATE_NOOP("ExportMenu", "Weights…"),
    "export_chain": QT_TRANSLATE_NOOP("ExportMenu", "Chain of the selected weight…"),
    "export_diagram": QT_TRANSLATE_NOOP("ExportMenu", "Network diagram…"),
    "export_formula": QT_TRANSLATE_NOOP("ExportMenu", "Typeset chain, for slides…"),
    "export_map": QT_TRANSLATE_NOOP("ExportMenu", "Decision map…"),
    "export_pytorch": QT_TRANSLATE_NOOP("ExportMenu", "PyTorch script…"),
    "export_numpy": QT_TRANSLATE_NOOP("ExportMenu", "NumPy script…"),
}


class ExportMenu(QObject):
    """File ▸ Export, writing from the studio model (history, weights, chain) and the diagram's scene."""

    status_message = Signal(str)

    def __init__(self, model: StudioModel, parent: QWidget, diagram_scene: Callable[[], QGraphicsScene]) -> None:
        super().__init__(parent)
        self.model = model
        self.parent_widget = parent
        self.diagram_scene = diagram_scene

    def add_to(self, menu: QMenu) -> None:
        self.menu = menu.addMenu("")
        entries = [
            ("export_plot", "PNG (*.png);;SVG (*.svg)", "jval.png", self._plot),
            ("export_history", "CSV (*.csv)", "jval.csv", self._history),
            ("export_weights", "CSV (*.csv);;NumPy (*.npz)", "weights.csv", self._weights),
            ("export_chain", "LaTeX (*.tex);;Markdown (*.md)", "chain.tex", self._chain),
            ("export_diagram", "PNG (*.png);;SVG (*.svg)", "diagram.png", self._diagram),
            ("export_formula", "PNG (*.png);;SVG (*.svg)", "chain.png", self._formula),
            ("export_map", "PNG (*.png);;SVG (*.svg)", "decision_map.png", self._map),
            ("export_pytorch", "Python (*.py)", "bp_pytorch.py", lambda path: self._script("pytorch", path)),
            ("export_numpy", "Python (*.py)", "bp_numpy.py", lambda path: self._script("numpy", path)),
        ]
        self.actions = {}
        for name, filters, default, writer in entries:
            action = QAction(self.parent_widget)
            action.setObjectName(name)
            action.triggered.connect(
                lambda _=False, n=name, f=filters, d=default, w=writer: self._ask(marked("ExportMenu", TEXTS[n]), f, d, w)
            )
            self.menu.addAction(action)
            self.actions[name] = action
        self.retranslate()

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Export"))
        for name, action in self.actions.items():
            action.setText(marked("ExportMenu", TEXTS[name]))

    def _ask(self, title: str, filters: str, default: str, writer) -> None:
        if self.model.last is None:
            return
        path = ask_save_path(self.parent_widget, title.rstrip("…"), start_path(default), filters)
        if path:
            remember_folder(path)
            self.write(writer, path)

    def may_replace(self, path: str) -> bool:
        answer = QMessageBox.question(
            self.parent_widget,
            self.tr("Replace the file?"),
            self.tr("{name} already exists. Replace it?").format(name=Path(path).name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def write(self, writer, path: str) -> bool:
        try:
            writer(path)
        except (OSError, ValueError) as err:
            QMessageBox.warning(
                self.parent_widget,
                self.tr("Export failed"),
                literal(self.tr("{path} could not be written:\n{reason}").format(path=path, reason=localized(err))),
            )
            return False
        self.status_message.emit(self.tr("Exported {path}").format(path=path))
        return True

    # -- writers, each from what the GUI thread already holds ---------------------------------
    def _run(self) -> tuple[Problem, Update]:
        """The run and its last update (the menu exports only once there is one: see _ask)."""
        problem, last = self.model.problem, self.model.last
        assert problem is not None and last is not None, "exports are asked once a run exists"
        return problem, last

    def _plot(self, path: str) -> None:
        exports.export_plot(path, self.model.history.values(), solved=solved_run(self.model.last))

    def _history(self, path: str) -> None:
        write_history_csv(path, self.model.history.values())

    def _weights(self, path: str) -> None:
        problem, last = self._run()
        write_weights(path, problem.network, last.snapshot.weights)

    def _chain(self, path: str) -> None:
        view = self.model.chain_view  # worked out by the model for the shown sample
        if view is None:
            raise ValueError(self.tr("select a weight in the diagram first"))
        exports.export_chain(path, view.chain, view.at_sample, self.model.digits)

    def _diagram(self, path: str) -> None:
        exports.export_diagram(path, self.diagram_scene())

    def _formula(self, path: str) -> None:
        """The inspector's typeset chain, as on screen (its colours, language and notes)."""
        view = self.parent_widget.findChild(FormulaView, "chain_formula")
        if view is None or self.model.chain_view is None or not view.svg_text:
            raise ValueError(self.tr("select a weight in the diagram first"))
        background = view.palette().color(QPalette.ColorRole.Window).name()
        exports.export_formula(path, view.svg_text, background)

    def _map(self, path: str) -> None:
        """The decision map as on screen, with its legend."""
        panel = self.parent_widget.findChild(DecisionMapPanel, "decision_map")
        if panel is None or not panel.isVisible() or panel.frame is None:
            raise ValueError(self.tr("show the Decision map tab first"))
        exports.export_widgets(path, [panel.plot, panel.legend], "BP Studio: decision map")

    def _script(self, framework: str, path: str) -> None:
        """The current run as a standalone script (see bpstudio.control.export.script_export)."""
        check_script_name(path)
        problem, last = self._run()
        config = last.config
        moved = config.data_file and not Path(config.data_file).is_file()  # a session's CSV went away
        text = script_text(config, framework, problem.all_data if moved else None)
        write_text(path, text)  # the atomic writer, like every file BP Studio writes
