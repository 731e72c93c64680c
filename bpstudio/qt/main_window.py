"""The studio window: composition only — diagram, plot, controls, inspector, probe.

Every gesture becomes a gate call or a queued change for the training
thread; every Update coming back is handed to the views.  The window holds
no numbers of its own beyond the last Update.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..engine.messages import QT_TRANSLATE_NOOP
from ..control import ApplyConfig, Redo, Reset, Rewind, RunState, SelectSample, SetPace, SetSetting, SetWeight, Update
from ..control.task_settings import changes_for
from ..engine.config import ConfigError, RunConfig
from ..control.studio_model import FINISHED, NO_SELECTION, StudioModel
from .appearance import apply_palette, digit_px_for, look_for, use_fusion
from .board_view import BoardView
from .background import QtExecutor
from .gui_gc import collect_on_the_gui_thread
from .controls_panel import ControlsPanel
from .csv_dialog import CsvDataDialog
from .inspector import Inspector, colours_for, readable_scale
from .jval_plot import JvalPlot
from .lazy_panel import LazyPanel

if TYPE_CHECKING:
    from .landscape_panel import LandscapePanel
from .lessons_menu import LessonBox, LessonsMenu
from .network_view import NetworkView
from .pace_controls import PaceControls
from .pointer import Pointer
from .i18n import install_language, localized, marked, system_language
from .export_menu import ExportMenu
from .menus import MenuHandlers, StudioMenus
from .model_signals import ModelSignals
from .guided_tour import GuidedTour
from .phase_banner import PhaseBanner
from .probe import PredictionProbe
from .projector_layout import LentMap, PlotRow, ProjectorDocks, ProjectorLayout
from .runs_panel import RunsPanel
from .session_files import SessionFiles
from .status_bar import StudioStatusBar
from .studio_settings import StudioSettings
from .training_actions import TrainingActions
from .trainer_watch import TrainerWatch, how_it_ended
from .training_thread import TrainingThread
from .unit_views import UnitViews
from .safe_text import plain_label

STATUS_MESSAGE_MS = 4000
DOCK_TITLES = {
    "controls": QT_TRANSLATE_NOOP("MainWindow", "Controls"),
    "inspector": QT_TRANSLATE_NOOP("MainWindow", "Inspector"),
    "probe": QT_TRANSLATE_NOOP("MainWindow", "Prediction probe"),
    "runs": QT_TRANSLATE_NOOP("MainWindow", "Runs"),
    "landscape": QT_TRANSLATE_NOOP("MainWindow", "Landscape"),
    "map": QT_TRANSLATE_NOOP("MainWindow", "Decision map"),
    "health": QT_TRANSLATE_NOOP("MainWindow", "Gradient health"),
}


LIVE_CHAIN_INTERVAL = 1.0  # s between the chain's numbers while training: typeset and drawn each time
CLOSE_WAIT_MS = 300  # longer than any batch; a longer step is waited for with a notice


class MainWindow(QMainWindow):
    ask_before_closing = True  # tests and the smoke test switch the unsaved-work question off
    # The training thread.  The name shadows QObject.thread(); window.thread is used too widely
    # (helpers, tests) to rename it here.
    thread: TrainingThread  # type: ignore[assignment]

    def __init__(self, config: RunConfig | None = None, restore_settings: bool = True) -> None:
        super().__init__()
        collect_on_the_gui_thread()  # before the training thread allocates anything
        app = QApplication.instance()
        assert isinstance(app, QApplication)  # a window needs the application
        use_fusion(app)  # before any widget is made: setting it later re-polishes them all
        self.setObjectName("main_window")
        self.trainer_lost = False  # the trainer's process ended unasked (training switched off)
        self.settings = settings = StudioSettings()
        settings_notice = None
        if config is None and restore_settings:
            config, settings_notice = settings.config()
        try:
            self.thread = TrainingThread(config or RunConfig(), self)
        except Exception as err:  # noqa: BLE001 - a stored config that fails to build must not brick start
            if not restore_settings or config is None:
                raise
            config, settings_notice = None, str(err).splitlines()[0] if str(err) else type(err).__name__
            self.thread = TrainingThread(RunConfig(), self)
        # What the window knows lives in one Qt-free model; views follow its events.
        self.model = StudioModel(QtExecutor(self))
        self.closing_down = False  # set when the window closes: late answers are dropped
        self.model_signals = ModelSignals(self.model, self)
        self.files = SessionFiles(
            self.model, settings.store, self, self.thread.submit, self.pause, should_ask=lambda: self.ask_before_closing
        )
        self.exports = ExportMenu(self.model, self, self.network_view_scene)
        self._build_views(config or RunConfig())
        self._connect_model()
        self.training = TrainingActions(
            self,
            {
                "run": self.run,
                "pause": self.pause,
                "step": self.step,
                "step_phase": self.step_phase,
                "rewind": self.rewind,
                "redo": self.redo,
                "reset": self.reset,
            },
        )
        self.actions_by_name = self.training.by_name  # the menus and tests read them by name
        # the pace (run_speed, run_for) on the training toolbar: reachable in presentation mode
        self.pace_controls = PaceControls(self.training.toolbar, self)
        self.pace_controls.pace_changed.connect(lambda pace: self.thread.submit(SetPace(pace)))
        self.model_signals.update_applied.connect(lambda update: self.pace_controls.show(update.pace))
        self.files.pace_source = self.pace_controls.pace
        self.pace_controls.editing_done.connect(lambda: self.network_view.setFocus(Qt.FocusReason.OtherFocusReason))
        self.menus = StudioMenus(
            self.menuBar(),
            self,
            MenuHandlers(
                quit=self.close,
                set_presentation=self.set_presentation,
                set_theme=self.set_theme,
                set_language=self.set_language,
                set_log_y=self.plot.set_log_y,
                fit_diagram=self.network_view.fit,
                restart_tour=self.tour.restart,
                set_full_screen=self.set_full_screen,
                set_presentation_size=self.set_presentation_size,
            ),
            self.files,
            self.exports,
            self.actions_by_name.values(),
            (
                self.controls_dock,
                self.inspector_dock,
                self.probe_dock,
                self.runs_dock,
                self.landscape_dock,
                self.map_dock,
                self.health_dock,
            ),
        )
        self.board = BoardView(
            self,
            self.inspector_dock,
            (self.controls_dock, self.probe_dock, self.runs_dock, self.landscape_dock, self.map_dock, self.health_dock),
            self.centralWidget,
            self.inspector.set_board,
        )
        self.menus.view_menu.insertAction(self.menus.full_screen, self.board.action)
        self.pointer = Pointer(self, self.menus.view_menu, self.menus.full_screen)  # presentation's pointer, the cursor halo
        for messenger in (self.files, self.exports):
            messenger.status_message.connect(lambda text: self.status.showMessage(text, STATUS_MESSAGE_MS))
        self.files.title_changed.connect(self.setWindowTitle)
        self.menus.menu("menu_training").addSeparator()
        self.menus.menu("menu_training").addActions(list(self.pace_controls.actions.values()))
        self.lessons = LessonsMenu(self.menuBar(), self.menus.menu("menu_view").menuAction(), self.lesson_box, self.set_up_run)
        self.resize(1366, 768)
        self.theme = "light"
        self.presentation_size = settings.presentation_size if restore_settings else "auto"
        self._base_font: QFont | None = None
        self.tour_offered = False
        self._layout_restored = False
        if restore_settings:
            self._layout_restored = settings.restore_layout(self, self.splitter)
            self.menus.log_y.setChecked(settings.log_y)
            if not settings.tour_seen:
                self.tour_offered = True
                QTimer.singleShot(0, self.tour.offer)  # first start: offer the walk-through
            self.theme = settings.theme(self.menus.theme_actions)
        self.apply_look()
        code = (settings.language or system_language()) if restore_settings else "en"
        self.language = install_language(code)
        self.menus.language_actions[self.language].setChecked(True)
        self.retranslate()

        self.thread.updated.connect(self.on_update)
        self.thread.failed.connect(self.on_error)
        self.thread.lost.connect(self._trainer_lost)
        self.trainer_watch = TrainerWatch(self.thread.silent_for, self.show_banner, self._hide_banner_of, self)
        self.settings_notice = (
            None
            if settings_notice is None
            else self.tr("The remembered settings could not be used ({reason}); BP Studio starts with the article's run.").format(
                reason=settings_notice
            )
        )
        if self.settings_notice:
            QTimer.singleShot(0, lambda: QMessageBox.information(self, self.tr("Settings set aside"), self.settings_notice or ""))
        self.view_timer = QTimer(self)  # the diagram and inspector follow a running net at 5 Hz
        self.view_timer.setInterval(200)
        self.view_timer.timeout.connect(self._refresh_running_views)
        self.view_timer.start()
        self._views_dirty = False
        self._chain_asked = 0.0
        self._closing = False
        self._waiting_for_thread = False
        app.aboutToQuit.connect(self.finish_thread)
        self.thread.start()

    # -- building -------------------------------------------------------------------------------
    def _build_views(self, config: RunConfig) -> None:
        self.banner = plain_label(QLabel())  # its messages quote file and column names
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background:#fff3cd; color:#5a4500; padding:6px; border:1px solid #e0c36a;")
        self.banner.hide()
        self.network_view = NetworkView()
        self.plot = JvalPlot(self.model.history)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("center_splitter")
        self.splitter.addWidget(self.network_view)
        self.plot_row = PlotRow(self.plot)  # on a projector a decision map comes beside the plot
        self.splitter.addWidget(self.plot_row)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([420, 280])
        center = QWidget()
        layout = QVBoxLayout(center)
        layout.setContentsMargins(4, 4, 4, 4)
        self.tour = GuidedTour(self.model, self.prepare_for_tour, parent=center)
        self.tour.hide()
        self.tour.finished.connect(lambda _done: self.settings.mark_tour_seen())
        self.files.opening.connect(self.tour.withdraw_offer)  # opening a file is not a first start
        layout.addWidget(self.tour)
        self.lesson_box = LessonBox()
        layout.addWidget(self.lesson_box)
        layout.addWidget(self.banner)
        self.phase_banner = PhaseBanner()
        layout.addWidget(self.phase_banner)
        layout.addWidget(self.splitter)
        self.setCentralWidget(center)

        self.controls = ControlsPanel(config)
        self.controls.change_requested.connect(self.on_change_requested)
        self.controls.changes_requested.connect(lambda changes: self.apply_data(**changes))
        self.controls.restore_requested.connect(self.restore_defaults)
        self.controls.csv_requested.connect(self.choose_csv)
        self.controls.article_data_requested.connect(self.use_article_data)
        # After Enter, Space and the arrows drive the run again, not the text field.
        self.controls.editing_done.connect(lambda: self.network_view.setFocus(Qt.FocusReason.OtherFocusReason))
        self.inspector = Inspector()
        self.probe = PredictionProbe()
        scroller = QScrollArea()  # on a 768-pixel laptop screen the controls may need to scroll
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setWidget(self.controls)
        self.controls_dock = self._dock("controls_dock", scroller, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.inspector_dock = self._dock("inspector_dock", self.inspector, Qt.DockWidgetArea.RightDockWidgetArea)
        self.probe_dock = self._dock("probe_dock", self.probe, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.runs = RunsPanel(self.model.runs.forget)
        self.runs.visibility_changed.connect(self.plot.set_overlay_visible)
        self.runs_dock = self._dock("runs_dock", self.runs, Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.inspector_dock, self.runs_dock)
        # the loss along the selected weight and across two (issue 15); it computes only while on screen
        # built when its tab is first shown: it is a sixth of the start-up, and many sessions never open it
        self.landscape_holder = LazyPanel(self._build_landscape)
        self.landscape_dock = self._dock("landscape_dock", self.landscape_holder, Qt.DockWidgetArea.RightDockWidgetArea, scrolled=True)
        self.landscape_holder.follow(self.landscape_dock)
        self.tabifyDockWidget(self.runs_dock, self.landscape_dock)
        # The decision map, the units' pictures on the diagram and gradient health (issue 14)
        self.unit_views = UnitViews(self.model, self.model_signals, self.network_view, self)
        self.map_dock = self._dock("decision_map_dock", self.unit_views.map_holder, Qt.DockWidgetArea.RightDockWidgetArea, scrolled=True)
        self.health_dock = self._dock(
            "gradient_health_dock", self.unit_views.health_holder, Qt.DockWidgetArea.RightDockWidgetArea, scrolled=True
        )
        self.tabifyDockWidget(self.runs_dock, self.map_dock)
        self.tabifyDockWidget(self.map_dock, self.health_dock)
        self.inspector_dock.raise_()
        self.unit_views.place(self.map_dock, self.health_dock)
        map_scroller = self.map_dock.widget()
        assert isinstance(map_scroller, QScrollArea)  # made by _dock(scrolled=True)
        self.projector = ProjectorLayout(
            self,
            self.splitter,
            ProjectorDocks((self.controls_dock, self.probe_dock, self.runs_dock), self.inspector_dock, self.map_dock),
            lambda: self.unit_views.feed.two_dimensional,
            self.plot_row,
            LentMap(self.unit_views.map_holder, map_scroller, self.unit_views.show_map_elsewhere),
        )
        self.status = StudioStatusBar()
        self.setStatusBar(self.status)

    def _connect_model(self) -> None:
        """Gestures go to the model; its answers go to the views.  One path per gesture."""
        model, signals = self.model, self.model_signals
        self.network_view.param_selected.connect(model.select)
        self.network_view.node_selected.connect(model.request_node)
        self.inspector.sample_changed.connect(self._choose_sample)
        self.inspector.nudge_requested.connect(model.nudge)
        self.probe.inputs_changed.connect(model.probe)
        signals.problem_changed.connect(self._show_problem)
        signals.problem_changed.connect(lambda _problem: self.projector.new_run())
        signals.selection_changed.connect(self.network_view.show_selection)
        signals.selection_changed.connect(self.inspector.show_selection)
        signals.chain_ready.connect(self.inspector.show_chain)
        signals.node_ready.connect(self.inspector.show_node)
        signals.nudge_ready.connect(self.inspector.show_nudge)
        signals.probe_ready.connect(self.probe.show_reading)
        for follow in (self.plot.apply, self._show_settings, self._follow_phase, self._follow_state):
            signals.update_applied.connect(follow)
        signals.run_kept.connect(self.runs.show_run)
        signals.run_kept.connect(self.plot.show_run)
        signals.run_forgotten.connect(self.runs.forgotten)
        signals.run_forgotten.connect(self.plot.remove_overlay)

    def _build_landscape(self) -> LandscapePanel:
        from .landscape_panel import LandscapePanel  # imported with the panel: not at start-up

        panel = LandscapePanel(self.model, self.model_signals, lambda param, value: self.thread.submit(SetWeight(param, value)))
        panel.set_look(self.look)  # built late: in the look of the moment
        return panel

    @property
    def landscape(self) -> LandscapePanel:
        """The landscape panel, built now if its tab was never shown."""
        return self.landscape_holder.ensure()

    @property
    def last(self) -> Update | None:
        """The newest Update, as the model holds it (the window keeps no copy)."""
        return self.model.last

    @property
    def problem(self):
        return self.model.problem

    def network_view_scene(self):
        return self.network_view.scene()

    def _show_problem(self, problem) -> None:
        self.network_view.set_problem(problem)
        self.inspector.set_problem(problem)
        self.probe.set_problem(problem)
        if self.tour.isVisible():
            self.tour.retranslate()  # its sentences count the new network's units

    def _choose_sample(self, sample: int) -> None:
        self.model.select_sample(sample)
        self.network_view.tips.sample = sample  # hover texts give this sample's values
        self.thread.submit(SelectSample(sample))  # the phase walk reports this sample's numbers

    def _dock(self, name: str, widget: QWidget, area, scrolled: bool = False) -> QDockWidget:
        """A dock for ``widget``; ``scrolled`` lets a tall panel scroll instead of growing the window.

        Two panels stacked in one column at projector sizes (the landscape over the
        decision map) asked for more than a 768-pixel screen, and the window grew past it.
        """
        dock = QDockWidget(self)
        dock.setObjectName(name)
        if scrolled:
            scroller = QScrollArea()
            scroller.setObjectName(f"{name}_scroller")
            scroller.setWidgetResizable(True)
            scroller.setFrameShape(QScrollArea.Shape.NoFrame)
            scroller.setWidget(widget)
            widget = scroller
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # -- language ------------------------------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        """Switch language now; Qt sends LanguageChange and every view retranslates."""
        self.language = install_language(code)
        self.menus.language_actions[self.language].setChecked(True)
        self.retranslate()  # now, not only when the posted LanguageChange arrives

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.WindowStateChange and hasattr(self, "menus"):
            was_blocked = self.menus.full_screen.blockSignals(True)
            self.menus.full_screen.setChecked(self.isFullScreen())  # left by the window manager too
            self.menus.full_screen.blockSignals(was_blocked)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("BP Studio — backpropagation laboratory"))
        for key, dock in (
            ("controls", self.controls_dock),
            ("inspector", self.inspector_dock),
            ("probe", self.probe_dock),
            ("runs", self.runs_dock),
            ("landscape", self.landscape_dock),
            ("map", self.map_dock),
            ("health", self.health_dock),
        ):
            dock.setWindowTitle(marked("MainWindow", DOCK_TITLES[key]))
        self.training.retranslate()
        if hasattr(self, "board"):
            self.board.retranslate()
        if hasattr(self, "pace_controls"):
            self.pace_controls.retranslate()
        if hasattr(self, "pointer"):
            self.pointer.retranslate()
        if hasattr(self, "menus"):
            self.menus.retranslate()
        if hasattr(self, "lessons"):
            self.lessons.retranslate()
        for view in (
            self.controls,
            self.inspector,
            self.runs,
            self.probe,
            self.status,
            self.plot,
            self.tour,
            self.network_view,
            self.phase_banner,
            self.unit_views,
        ):
            view.retranslate()
        if self.landscape_holder.panel is not None:  # one built later is made in the language of the day
            self.landscape_holder.panel.retranslate()

    # -- appearance --------------------------------------------------------------------------------------
    def apply_look(self) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)  # a window needs the application
        if self._base_font is None:
            self._base_font = QFont(app.font())
        screen = self.screen()
        digit_px = digit_px_for(self.presentation_size, screen.availableGeometry().height() if screen is not None else 768)
        look = look_for(self.theme, self.menus.presentation.isChecked(), digit_px, self._base_font)
        self.look = look
        apply_palette(app, look, self._base_font)
        self.status.forget_sizes()
        self.network_view.set_look(look)
        self.plot.set_look(look)
        self.unit_views.set_look(look)
        self.inspector.set_look(look, self.menus.presentation.isChecked())
        self.phase_banner.set_look(colours_for(look), readable_scale(look.digit_px) if look.digit_px else 1.0, look.digit_px > 0)
        self.lesson_box.set_look()
        self.tour.set_look()
        if self.landscape_holder.panel is not None:
            self.landscape_holder.panel.set_look(look)
        self.menus.theme_actions[self.theme].setChecked(True)
        self.menus.size_actions.get(self.presentation_size, self.menus.size_actions["auto"]).setChecked(True)

    def set_presentation_size(self, size: str) -> None:
        """View ▸ Presentation size: how tall a projector's digits are; remembered for the next lecture."""
        self.presentation_size = size
        self.settings.remember_presentation_size(size)
        if self.menus.presentation.isChecked():
            self.set_presentation(True)  # the new sizes now, and the docks laid out again with them
        else:
            self.apply_look()

    def set_theme(self, name: str) -> None:
        self.theme = name
        self.apply_look()

    def set_full_screen(self, on: bool) -> None:
        """F11: the whole screen for the lesson (with presentation mode, the projector's every pixel)."""
        if on and not self.isFullScreen():
            self.showFullScreen()
        elif not on and self.isFullScreen():
            self.showNormal()

    def set_presentation(self, on: bool) -> None:
        """Projector layout (see projector_layout): diagram and formula large, the plot smaller, controls hidden."""
        self.board.set_on(False)  # the layout it would put back is the one presentation changes
        self.apply_look()  # the larger fonts first: the docks are sized with them
        if on:
            self.projector.enter()
        else:
            self.projector.leave()
        self.lesson_box.set_collapsed(on or self.projector.walking)  # on a projector its title; ▸ opens the text
        # The inspector and the diagram fit themselves again when their size settles (resizeEvent).
        self.inspector.fit_formula()
        self.network_view.fit()

    # -- gestures --------------------------------------------------------------------------------------
    def run(self) -> None:
        self._show_phase(None)
        self.thread.start_running()
        self.training.follow(RunState.RUNNING, self.last.iteration if self.last else 0, can_redo=False)

    def pause(self) -> None:
        self.thread.pause()
        last = self.last
        self.training.follow(RunState.PAUSED, last.iteration if last else 0, can_redo=last is not None and last.can_redo)

    def step(self) -> None:
        self._show_phase(None)
        self.thread.step()

    def step_phase(self) -> None:
        self.thread.step_phase()

    def redo(self) -> None:
        self.thread.submit(Redo())

    def rewind(self) -> None:
        self.thread.submit(Rewind())

    def reset(self) -> None:
        self.thread.submit(Reset())

    def restore_defaults(self) -> None:
        self.thread.submit(ApplyConfig(RunConfig()))

    def choose_csv(self) -> None:
        dialog = CsvDataDialog(self, self.last.config.data_file if self.last else "")
        if dialog.exec():
            self.apply_data(**dialog.choice())

    def use_article_data(self) -> None:
        self.apply_data(**changes_for(self.controls.config, "dataset", "article"), data_file="", inputs=(), targets=(), formulas=())

    def apply_data(self, **changes) -> None:
        try:
            config = self.controls.config.with_changes(**changes)
        except ConfigError as err:
            self.show_banner(localized(err))
            return
        self.thread.submit(ApplyConfig(config))

    def on_change_requested(self, field: str, value) -> None:
        self.thread.submit(SetSetting(field, value))

    # -- updates from the training thread ------------------------------------------------------------------
    def on_update(self, update: Update) -> None:
        """Hand the Update to the model: it keeps it, its history and the runs it ends.

        Every view follows the model's ``update_applied`` (see _connect_model),
        each for its own part; the window pushes nothing into them here.
        """
        self.model.apply_update(update)
        if update.loaded is not None:
            self.files.load_finished(*update.loaded)

    def _show_settings(self, update: Update) -> None:
        """The controls show the run's settings; a refusal puts the old value back and says why."""
        if update.config != self.controls.config or update.refused is not None:
            self.controls.show_config(update.config)
        refused_in_banner = False
        if update.refused is not None:
            reason = localized(update.refused)
            if update.refused.field in self.controls.errors:
                self.controls.show_error(update.refused.field, reason)
            elif update.refused.field == "data_file":  # a new run's data or size: said under the data
                self.controls.show_data_error(reason)
                refused_in_banner = not self.controls_dock.isVisible()  # (hidden on a projector)
            else:
                refused_in_banner = True
            if refused_in_banner:
                self.show_banner(reason)
        if update.message:
            self.show_banner(localized(update.message))
        elif update.state not in FINISHED and not refused_in_banner:  # not the refusal just shown
            self.banner.hide()

    def _follow_phase(self, update: Update) -> None:
        if update.phase is not None:
            self._show_phase(update.phase)
        elif self.network_view.phase is not None and (update.new_run or update.state is not RunState.STEPPING):
            self._show_phase(None)  # only when a phase is drawn: clearing redraws every link

    def _follow_state(self, update: Update) -> None:
        """Actions follow the run's state; the views refresh now, or at 5 Hz while it runs."""
        self.training.follow(update.state, update.iteration, update.can_redo)
        if update.state is RunState.RUNNING:
            self._views_dirty = True
        else:
            self._views_dirty = False  # this full refresh supersedes a pending live one
            self._refresh_views(update)

    def _show_phase(self, phase) -> None:
        """The diagram draws the phase, the banner names it (both cleared with None)."""
        self.network_view.show_phase(phase)
        self.projector.phase_walk(phase is not None)  # the diagram takes the plot's room on a projector
        self.lesson_box.set_collapsed(phase is not None or self.projector.active)  # one line: the diagram's height
        if phase is None or self.last is None or self.problem is None:
            self.phase_banner.show_phase(None)
            return
        config = self.last.config
        self.phase_banner.show_phase(phase, self.problem.network.n_layers, config.activation, config.optimizer)

    def prepare_for_tour(self) -> bool:
        """The guided tour's starting state: the article's run, iteration 0, nothing selected."""
        return self.set_up_run(RunConfig(), None)

    def set_up_run(self, config: RunConfig, param: int | None) -> bool:
        """A lesson's or the tour's starting state: ``config``'s run paused at iteration 0, ``param`` chosen.

        It is a session of its own: unsaved work is asked about first (False when
        the user keeps it), and the file the old session came from is let go, so
        that Save never writes the lesson over it.
        """
        if not self.files.confirm_discard():
            return False
        self.files.let_go()
        self.thread.pause()
        if self.last is None or self.last.config.needs_new_run(config):
            self.model.pending_selection = NO_SELECTION if param is None else param  # chosen when the run opens
            self.thread.submit(ApplyConfig(config))
        else:
            self.thread.submit(ApplyConfig(config))  # training settings only: the same network
            self.model.select(param)
        self.thread.submit(Reset())
        self._show_phase(None)
        if param is None:
            self.model.select(None)
        return True

    def _refresh_running_views(self) -> None:
        if self._views_dirty and self.last is not None:
            self._views_dirty = False
            self._refresh_views(self.last, live=True)

    def _refresh_views(self, update: Update, live: bool = False) -> None:
        """Status and diagram at 5 Hz while running; the chain's numbers (typeset) at 2 Hz."""
        self.status.show_update(update)
        self.plot.show_title(update)  # the same Update as the status bar: the two agree
        self.network_view.set_weights(update.snapshot.weights)
        now = time.monotonic()
        if not live or now - self._chain_asked >= LIVE_CHAIN_INTERVAL:
            self._chain_asked = now
            self.model.request_chain(live=live)
            if self.probe.sliders:
                self.model.probe(self.probe.inputs())

    def on_error(self, message: str) -> None:
        self.show_banner(self.tr("Training stopped because of an error: {error}").format(error=message.splitlines()[0]))

    def show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.show()

    def _hide_banner_of(self, text: str) -> None:
        """Put the banner away if it still says ``text`` (another message may have taken its place)."""
        if self.banner.text() == text:
            self.banner.hide()

    def _trainer_lost(self, exit_code) -> None:
        """The trainer's process ended unasked: the run stays where it was last reported, and can be saved.

        Every gesture that would need the trainer is switched off (the banner
        says why); a session file being opened will not arrive, so saving is
        given back.
        """
        self.trainer_lost = True
        self.show_banner(
            self.tr("The training process ended unexpectedly ({how}). The run stays as shown: save it, then restart BP Studio.").format(
                how=how_it_ended(exit_code)
            )
        )
        self.files.trainer_lost()
        self.controls.setEnabled(False)
        self.lessons.menu.setEnabled(False)
        self.status.show_trainer_lost()
        self.training.switch_off()
        self.pace_controls.set_enabled(False)
        last = self.model.last
        if last is not None:
            self._refresh_views(last)  # the inspector and diagram at the last point shown, as after a pause

    # -- shutdown -------------------------------------------------------------------------------
    def save_settings(self) -> None:
        self.settings.save(
            self,
            self.splitter,
            log_y=self.menus.log_y.isChecked(),
            theme=self.theme,
            language=self.language,
            config=None if self.last is None else self.last.config,
        )

    def showEvent(self, event) -> None:
        """The first time, without a saved layout: give the typeset formula a readable width."""
        super().showEvent(event)
        if not self._layout_restored and not getattr(self, "_docks_sized", False):
            self._docks_sized = True
            self.resizeDocks([self.inspector_dock], [max(420, round(self.width() * 0.36))], Qt.Orientation.Horizontal)

    def closeEvent(self, event) -> None:
        """Close once the training thread has ended; a busy thread is waited for, visibly.

        A long step (reading a big CSV file, building a big run) cannot be cut
        short, so the window stays, says it is finishing, and closes itself
        when the thread has ended — never "QThread: Destroyed while thread is
        still running", never an abort.
        """
        if not self._closing:
            if not self.files.confirm_discard():
                event.ignore()
                return
            self.board.set_on(False)
            if self.menus.presentation.isChecked():
                self.menus.presentation.setChecked(False)  # docks back, so the saved layout is the usual one
            self.save_settings()
            self.view_timer.stop()
            self.plot.timer.stop()
            self._closing = True
        if not self.thread.stop(CLOSE_WAIT_MS):
            event.ignore()
            self.show_banner(self.tr("Finishing the current step… BP Studio closes when it is done."))
            center = self.centralWidget()
            if center is not None:
                center.setEnabled(False)
            if not self._waiting_for_thread:
                self._waiting_for_thread = True
                self.thread.finished.connect(self._close_after_thread, Qt.ConnectionType.QueuedConnection)
                if self.thread.isFinished():  # it ended between the wait and the connection
                    QTimer.singleShot(0, self.close)
            return
        self.closing_down = True  # answers still on their way from the background thread are dropped
        if self.landscape_holder.panel is not None:
            self.landscape_holder.panel.shutdown()
        super().closeEvent(event)

    def _close_after_thread(self) -> None:
        self.close()

    def finish_thread(self) -> None:
        """The application is quitting: end the training thread and wait for it, however long."""
        self.thread.stop_and_wait()
