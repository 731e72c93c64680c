"""See the gradient: the landscape panel, two tabs — along one weight, and across two.

The panel follows the studio model: the selected parameter, and each Update
of the run.  It asks :class:`~bpstudio.control.model.landscape_questions.LandscapeQuestions`
for a slice when the run stands still (paused, stepping) and at most twice a
second while it runs, and for a map when the run stands still or a choice
changes — only while its tab is on screen.  A slice comes back through the
model's executor (the studio's background thread); a map runs as a job on its
own thread, whose progress a GUI-thread timer reads, so no thread but the GUI
thread ever touches a widget.

A weight dragged along the curve is handed to ``set_weight(param, value)``
(the window submits it to the training thread); the Update that follows
gives the actual change of JVal, shown beside the tangent's prediction.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QMessageBox, QTabWidget, QVBoxLayout, QWidget

from bpstudio.control.files.tables import write_map_csv, write_slice_csv
from bpstudio.control.model.landscape_jobs import JobState, LandscapeJob
from bpstudio.control.model.landscape_questions import LandscapeQuestions
from bpstudio.control.model.studio_model import StudioModel
from bpstudio.control.runtime.session import RunState, Update
from bpstudio.engine.snapshot import Snapshot
from bpstudio.figures.landscape_figure import FigureWords, save_map_figure, save_slice_figure
from bpstudio.qt.files.save_names import ask_save_path
from bpstudio.qt.files.start_folder import remember_folder, start_path
from bpstudio.qt.landscape.landscape_map import MapView
from bpstudio.qt.landscape.landscape_slice import SliceView
from bpstudio.qt.shell.model_signals import ModelSignals
from bpstudio.qt.shell.option_names import option_name

LIVE_INTERVAL_MS = 500  # a running net's slice at most twice a second
POLL_MS = 50  # how often a running map's progress is read
EXPORT_SIZE = (1200, 800)  # pixels of an exported PNG: readable on a slide


class LandscapePanel(QWidget):
    def __init__(
        self, model: StudioModel, signals: ModelSignals, set_weight: Callable[[int, float], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("landscape_panel")
        self.model = model
        self.questions = LandscapeQuestions(model)
        self.set_weight = set_weight
        self.param: int | None = None
        self.display_name = ""
        self.state: RunState | None = None
        self.job: LandscapeJob | None = None
        self._job_snapshot: Snapshot | None = None  # the snapshot the job computes at (kept when the map goes stale)
        self._map_snapshot: Snapshot | None = None  # the snapshot the shown (or computing) map is of
        self._map_choice = None  # (params or None, points) of that map
        self._pending_drop: tuple[int, float, float, int] | None = None  # param, value, JVal before, iteration
        self.slice_asked = 0  # how many slices were asked for (tests and the benchmark read it)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("landscape_tabs")
        self.slice_view = SliceView()
        self.map_view = MapView()
        self.tabs.addTab(self.slice_view, "")
        self.tabs.addTab(self.map_view, "")
        self.tabs.currentChanged.connect(lambda _i: self._refresh())
        layout.addWidget(self.tabs)
        self.live_timer = QTimer(self)
        self.live_timer.setSingleShot(True)
        self.live_timer.setInterval(LIVE_INTERVAL_MS)
        self.live_timer.timeout.connect(self._request_slice)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self._poll_map)
        self.span: float | None = None
        self.slice_view.span_changed.connect(self._span_changed)
        self.slice_view.weight_dropped.connect(self._weight_dropped)
        self.slice_view.export_requested.connect(self.export_slice)
        self.map_view.draw_requested.connect(self.request_map)
        self.map_view.cancel_requested.connect(self.cancel_map)
        self.map_view.export_requested.connect(self.export_map)
        signals.problem_changed.connect(self._problem_changed)
        signals.selection_changed.connect(self._selection_changed)
        signals.update_applied.connect(self._update_applied)
        if model.problem is not None:  # built after the run began (its tab shown late): catch up
            self._problem_changed(model.problem)
        if model.selected is not None:
            self._selection_changed(model.selected, model.chain)
        if model.last is not None:
            self._update_applied(model.last)
        self.retranslate()

    # -- what the model says ------------------------------------------------------------------------------
    def _problem_changed(self, _problem) -> None:
        self.cancel_map()
        names = self.questions.param_names()
        self.map_view.set_param_names([f"{self.questions.param_display(i)}  ({name})" for i, name in enumerate(names)])
        self.map_view.clear_map()
        self._map_snapshot = None

    def _selection_changed(self, index, chain) -> None:
        self.param = index
        self.display_name = "" if chain is None else chain.display(chain.param, "text")
        self.slice_view.set_selection(self.display_name)
        if index is not None:
            self.map_view.set_second(self._partner(index))
        self._map_snapshot = None
        self._refresh()

    def _partner(self, index: int) -> int:
        """A second weight on the selected one's chain: the first weight out of its unit, or into it."""
        problem = self.model.problem
        assert problem is not None, "a weight is selected in a run's diagram"
        net = problem.network
        layer, row, col = net.param_location(index)
        if layer + 1 < net.n_layers:
            return net.param_index(layer + 1, col, 0)
        if layer > 0 and row < net.sizes[layer]:
            return net.param_index(layer - 1, 0, row)
        return 0 if index else 1

    def _update_applied(self, update: Update) -> None:
        self.state = update.state
        running = update.state is RunState.RUNNING
        self.slice_view.set_draggable(not running and update.state is not RunState.DIVERGED)
        self._check_drop(update)
        if running:
            if not self.live_timer.isActive():
                self.live_timer.start()
            if self.map_view.grid is not None and self.map_view.status_key == "done":
                self.map_view.show_status("moved_on", iteration=self.map_view.status_args.get("iteration"))
            return
        self.live_timer.stop()
        self._refresh()

    def _check_drop(self, update: Update) -> None:
        """The Update after a drop: JVal's actual change, measured by the run itself."""
        if self._pending_drop is None:
            return
        param, value, before, iteration = self._pending_drop
        snapshot = update.snapshot
        if snapshot.iteration == iteration and snapshot.weights.size > param and snapshot.weights[param] == value:
            self._pending_drop = None
            self.slice_view.show_actual_change(snapshot.jval - before)
        elif snapshot.iteration != iteration or update.refused is not None:
            self._pending_drop = None  # refused, or the run moved on first

    # -- asking ---------------------------------------------------------------------------------------------
    def _refresh(self) -> None:
        """The current tab's picture for the current point, if it is on screen and out of date."""
        if not self.isVisible():
            return
        if self.tabs.currentWidget() is self.slice_view:
            self._request_slice()
            return
        # a new choice is drawn at once; a new point only while the run stands still (a map takes a while)
        moved = self._map_snapshot is not self.model.snapshot and self.state is not RunState.RUNNING
        if self._map_choice != self._choice() or moved or self.map_view.grid is None and self._map_snapshot is None:
            self.request_map()

    def _request_slice(self) -> None:
        if self.param is None or not self.isVisible() or self.tabs.currentWidget() is not self.slice_view:
            return
        if self.questions.request_slice(self.param, self._slice_ready, span=self.span):
            self.slice_asked += 1

    def _slice_ready(self, cut) -> None:
        if cut.param == self.param:
            self.slice_view.show_slice(cut)

    def _span_changed(self, span: float | None) -> None:
        self.span = span
        self._request_slice()

    def _choice(self):
        if self.map_view.random_directions:
            return None, self.map_view.points.value()
        if self.param is None:
            return (), self.map_view.points.value()
        return (self.param, self.map_view.second.currentIndex()), self.map_view.points.value()

    def request_map(self) -> None:
        """Compute the map for the current choices at the current point (an older map stops)."""
        params, points = choice = self._choice()
        if params == ():
            self.map_view.show_status("empty")
            return
        if params is not None and params[0] == params[1]:
            self.map_view.show_status("nothing")
            return
        job = self.questions.request_map(params, points=points + (points + 1) % 2)
        if job is None:
            return
        snapshot = self.model.snapshot
        self.job, self._job_snapshot, self._map_snapshot, self._map_choice = job, snapshot, snapshot, choice
        self._map_names = self._axis_names(params)
        self.map_view.show_progress(0, 1)
        self.map_view.show_status("computing", n=points + (points + 1) % 2)
        self.poll_timer.start()

    def _axis_names(self, params) -> tuple[str, str]:
        if params is None:
            return "d₁", "d₂"
        return self.questions.param_display(params[0]), self.questions.param_display(params[1])

    def _poll_map(self) -> None:
        job = self.job
        if job is None:
            self.poll_timer.stop()
            return
        self.map_view.show_progress(job.done, job.total or 1)
        if job.running:
            return
        self.poll_timer.stop()
        self.map_view.job_ended()
        if job.state is JobState.FINISHED:
            snapshot = self._job_snapshot
            assert snapshot is not None, "set with the job"
            self.map_view.show_map(job.result, self._map_names)
            self.map_view.show_status("done", iteration=snapshot.iteration)
            if self.state is RunState.RUNNING and self.model.snapshot is not snapshot:
                self.map_view.show_status("moved_on", iteration=snapshot.iteration)
        elif job.state is JobState.CANCELLED:
            self.map_view.show_status("cancelled")
        else:
            self.map_view.show_status("failed", reason=str(job.error).splitlines()[0] if job.error else "?")

    def cancel_map(self) -> None:
        if self.job is not None and self.job.running:
            self.questions.cancel_map()
            self._map_snapshot = None  # not drawn: a later pause draws it again

    def shutdown(self, timeout: float | None = 2.0) -> bool:
        """The window closes: stop a map in the making and wait a moment for its thread."""
        self.poll_timer.stop()
        self.live_timer.stop()
        return self.questions.shutdown(timeout)

    # -- the drag ----------------------------------------------------------------------------------------------
    def _weight_dropped(self, param: int, value: float) -> None:
        snapshot = self.model.snapshot
        if snapshot is None or self.state is RunState.RUNNING:
            return
        self._pending_drop = (param, float(value), snapshot.jval, snapshot.iteration)
        self.set_weight(param, float(value))

    # -- exports ---------------------------------------------------------------------------------------------
    def figure_words(self, optimizer: str = "adam", params: tuple[int, ...] = ()) -> FigureWords:
        """The exported figures' words in the studio's language and its names of ``params`` (the CLI's stay English)."""
        names = self.questions.param_names()
        return FigureWords(
            shown_names=tuple((names[i], self.questions.param_display(i)) for i in params),
            slice_title=self.tr("JVal along {name}:  ∂J/∂w = {gradient},  ∂²J/∂w² = {curvature}"),
            now=self.tr("now: JVal = {jval}"),
            tangent=self.tr("tangent, slope ∂J/∂w"),
            optimizer_step=self.tr("{optimizer}'s next step").format(optimizer=option_name(optimizer)),
            gradient_step=self.tr("gradient step −α·∂J/∂w"),
            map_title_params=self.tr("JVal across {first} and {second}"),
            map_title_random=self.tr("JVal across two random filter-normalised directions"),
            path=self.tr("path so far"),
            next_step=self.tr("next step"),
            descent=self.tr("−gradient"),
        )

    def export_slice(self, kind: str, path: str | None = None) -> bool:
        cut = self.slice_view.cut
        if cut is None:
            return False
        path = path or self._ask_path(kind, f"slice-{cut.name}")
        if not path:
            return False

        def write() -> None:
            if kind == "csv":
                write_slice_csv(path, cut)
            else:
                save_slice_figure(path, cut, *self._figure_size(kind), words=self.figure_words(cut.optimizer, (cut.param,)))

        return self._write(path, write)

    def export_map(self, kind: str, path: str | None = None) -> bool:
        grid = self.map_view.grid
        if grid is None:
            return False
        path = path or self._ask_path(kind, "map")
        if not path:
            return False

        def write() -> None:
            if kind == "csv":
                write_map_csv(path, grid)
            else:
                save_map_figure(path, grid, *self._figure_size(kind, square=True), words=self.figure_words(params=grid.params or ()))

        return self._write(path, write)

    @staticmethod
    def _figure_size(kind: str, square: bool = False) -> tuple[int, int]:
        width, height = EXPORT_SIZE if kind == "png" else (600, 400)
        return (width, round(width * 0.87)) if square else (width, height)

    def _ask_path(self, kind: str, stem: str) -> str:
        filters = {"png": self.tr("PNG image (*.png)"), "svg": self.tr("SVG drawing (*.svg)"), "csv": self.tr("CSV table (*.csv)")}
        name = "".join(c if c.isalnum() or c in "-_" else "_" for c in stem) + f".{kind}"
        path = ask_save_path(self, self.tr("Export the landscape"), start_path(name), filters[kind], f".{kind}")
        if path:
            remember_folder(path)
        return path

    def _write(self, path: str, write: Callable[[], None]) -> bool:
        try:
            write()
        except (OSError, ValueError) as err:
            self.export_error = self.tr("{path} could not be written: {reason}").format(path=path, reason=err)
            QMessageBox.warning(self, self.tr("Export failed"), self.export_error)
            return False
        return True

    # -- language, look and visibility ---------------------------------------------------------------------------
    def set_look(self, look) -> None:
        """The plots' text at the look's size (presentation mode: the projector's digit height)."""
        self.slice_view.set_look(look)
        self.map_view.set_look(look)

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Along one weight"))
        self.tabs.setTabText(1, self.tr("Across two"))
        self.slice_view.retranslate()
        self.map_view.retranslate()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._refresh()
