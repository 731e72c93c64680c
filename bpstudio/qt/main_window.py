"""The studio window: composition only — it builds the views and presenters and puts them in place.

What the window knows lives in one Qt-free model (:mod:`bpstudio.control.model.studio_model`); each view
follows it through its Qt adapter (:mod:`.model_signals`) and connects itself (``follow``).  Decisions that
are neither model nor view are small presenters in :mod:`bpstudio.qt.shell`: what a run shows, the phase
walk, gestures, refusals, a lesson's set-up, the trainer's reports, the language, the look, the digits,
a lecture's scenes and closing.  The window holds no numbers of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QScrollArea, QSplitter, QVBoxLayout, QWidget

from bpstudio.control import Update
from bpstudio.control.model.studio_model import StudioModel
from bpstudio.engine.config import RunConfig
from bpstudio.qt.diagram.board_view import BoardView
from bpstudio.qt.diagram.network_view import NetworkView
from bpstudio.qt.diagram.unit_views import UnitViews
from bpstudio.qt.files.export_menu import ExportMenu
from bpstudio.qt.files.playground_links import PlaygroundLinks
from bpstudio.qt.files.session_files import SessionFiles
from bpstudio.qt.inspector.inspector import Inspector
from bpstudio.qt.inspector.phase_banner import PhaseBanner
from bpstudio.qt.inspector.pointer import Pointer
from bpstudio.qt.inspector.probe import PredictionProbe
from bpstudio.qt.learning.guided_tour import GuidedTour
from bpstudio.qt.learning.lessons_menu import LessonBox, LessonsMenu
from bpstudio.qt.plots.jval_plot import JvalPlot
from bpstudio.qt.plots.runs_panel import RunsPanel
from bpstudio.qt.shell.appearance import Look, use_fusion
from bpstudio.qt.shell.background import QtExecutor
from bpstudio.qt.shell.close_protocol import CloseProtocol
from bpstudio.qt.shell.controls_panel import ControlsPanel
from bpstudio.qt.shell.digits_menu import DigitsMenu
from bpstudio.qt.shell.docks import add_dock
from bpstudio.qt.shell.gestures import Gestures
from bpstudio.qt.shell.gui_gc import collect_on_the_gui_thread
from bpstudio.qt.shell.i18n import system_language
from bpstudio.qt.shell.language_switch import LanguageSwitch
from bpstudio.qt.shell.lazy_panel import LazyPanel
from bpstudio.qt.shell.lesson_setup import LessonSetUp
from bpstudio.qt.shell.menus import MenuHandlers, StudioMenus
from bpstudio.qt.shell.model_signals import ModelSignals
from bpstudio.qt.shell.notice_banner import NoticeBanner
from bpstudio.qt.shell.pace_controls import PaceControls
from bpstudio.qt.shell.phase_walk import PhaseWalk
from bpstudio.qt.shell.projector_layout import LentMap, PlotRow, ProjectorDocks, ProjectorLayout
from bpstudio.qt.shell.raster_threads import paint_on_the_gui_thread_only
from bpstudio.qt.shell.refusals import Refusals
from bpstudio.qt.shell.run_view import RunView
from bpstudio.qt.shell.scenes import Scenes
from bpstudio.qt.shell.status_bar import StudioStatusBar
from bpstudio.qt.shell.studio_look import StudioLook
from bpstudio.qt.shell.studio_settings import StudioSettings
from bpstudio.qt.shell.trainer_reports import TrainerReports
from bpstudio.qt.shell.training_actions import TrainingActions
from bpstudio.qt.shell.training_thread import TrainingThread

if TYPE_CHECKING:
    from bpstudio.qt.landscape.landscape_panel import LandscapePanel

STATUS_MESSAGE_MS = 4000


class MainWindow(QMainWindow):
    ask_before_closing = True  # tests and the smoke test switch the unsaved-work question off

    def __init__(self, config: RunConfig | None = None, restore_settings: bool = True) -> None:
        super().__init__()
        collect_on_the_gui_thread()  # before the training thread allocates anything
        paint_on_the_gui_thread_only()  # before the first paint: the second core is the trainer's
        app = QApplication.instance()
        assert isinstance(app, QApplication)  # a window needs the application
        use_fusion(app)  # before any widget is made: setting it later re-polishes them all
        self.setObjectName("main_window")
        self.settings = settings = StudioSettings()
        config, self.settings_notice = self._build_trainer(config, restore_settings)
        self.model = StudioModel(QtExecutor(self))
        self.closing_down = False  # set when the window closes: late answers are dropped
        self.model_signals = ModelSignals(self.model, self)
        pause, ask = lambda: self.gestures.pause(), lambda: self.ask_before_closing
        self.files = SessionFiles(self.model, settings.store, self, self.training.submit, pause, should_ask=ask)
        self._build_views(config)
        self._build_presenters()
        self.looks = StudioLook(self, "light", settings.presentation_size if restore_settings else "auto")
        self._build_menus()
        self.digits = DigitsMenu(self.menus, self.model_signals, settings, remembered=restore_settings)  # View ▸ Digits
        self.languages = LanguageSwitch(self, self.menus.language_actions, self._retranslatable)
        self.scenes = Scenes(self)  # a lecture: the Scenes panel, paging, blanking, the presenter view (issue 27)
        self.resize(1366, 768)
        self.tour_offered = self._layout_restored = False
        if restore_settings:
            self._layout_restored = settings.restore_layout(self, self.splitter)
            self.menus.log_y.setChecked(settings.log_y)
            if not settings.tour_seen:
                self.tour_offered = True
                QTimer.singleShot(0, self.tour.offer)  # first start: offer the walk-through
            self.looks.theme = settings.theme(self.menus.theme_actions)
        self.looks.apply()
        self.languages.set_language((settings.language or system_language()) if restore_settings else "en")
        self.closer = CloseProtocol(self)
        if self.settings_notice:
            QTimer.singleShot(0, lambda: QMessageBox.information(self, self.tr("Settings set aside"), self.settings_notice or ""))
        self.training.start()

    # -- building -------------------------------------------------------------------------------
    def _build_trainer(self, config: RunConfig | None, restore_settings: bool) -> tuple[RunConfig, str | None]:
        """The trainer on the remembered settings; ones that fail to build give way to the article's run (the notice says why)."""
        notice = None
        if config is None and restore_settings:
            config, notice = self.settings.config()
        try:
            self.training = TrainingThread(config or RunConfig(), self)
        except Exception as err:  # noqa: BLE001 - a stored config that fails to build must not brick start
            if not restore_settings or config is None:
                raise
            config, notice = None, str(err).splitlines()[0] if str(err) else type(err).__name__
            self.training = TrainingThread(RunConfig(), self)
        said = self.tr("The remembered settings could not be used ({reason}); BP Studio starts with the article's run.")
        return config or RunConfig(), None if notice is None else said.format(reason=notice)

    def _build_views(self, config: RunConfig) -> None:
        model, signals = self.model, self.model_signals
        self.banner = NoticeBanner()
        self.network_view = NetworkView()
        self.plot = JvalPlot(model.history)
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
        self.tour = GuidedTour(model, lambda: self.lesson_setup.for_tour(), parent=center)
        self.tour.hide()
        self.tour.finished.connect(lambda _done: self.settings.mark_tour_seen())
        self.files.opening.connect(self.tour.withdraw_offer)  # opening a file is not a first start
        self.lesson_box = LessonBox()
        self.phase_banner = PhaseBanner()
        for widget in (self.tour, self.lesson_box, self.banner, self.phase_banner, self.splitter):
            layout.addWidget(widget)
        self.setCentralWidget(center)
        self.controls = ControlsPanel(config)
        self.inspector: Inspector = Inspector()
        self.probe = PredictionProbe()
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.controls_dock = add_dock(self, "controls_dock", self.controls, left, scrolled=True, sideways=False)
        self.inspector_dock = add_dock(self, "inspector_dock", self.inspector, right)
        self.probe_dock = add_dock(self, "probe_dock", self.probe, left)
        self.runs = RunsPanel(model.runs.forget)
        self.runs.visibility_changed.connect(self.plot.set_overlay_visible)
        self.runs_dock = add_dock(self, "runs_dock", self.runs, right)
        self.tabifyDockWidget(self.inspector_dock, self.runs_dock)
        # the loss along the selected weight and across two (issue 15), built when its tab is first shown:
        # it is a sixth of the start-up, and many sessions never open it
        self.landscape_holder = LazyPanel(self._build_landscape)
        self.landscape_dock = add_dock(self, "landscape_dock", self.landscape_holder, right, scrolled=True)
        self.landscape_holder.follow(self.landscape_dock)
        self.tabifyDockWidget(self.runs_dock, self.landscape_dock)
        # The decision map, the units' pictures on the diagram and gradient health (issue 14)
        self.unit_views = UnitViews(model, signals, self.network_view, self)
        self.map_dock = add_dock(self, "decision_map_dock", self.unit_views.map_holder, right, scrolled=True)
        self.health_dock = add_dock(self, "gradient_health_dock", self.unit_views.health_holder, right, scrolled=True)
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
        for view in (self.network_view, self.inspector, self.probe, self.plot, self.runs, self.tour):
            view.follow_model(signals)  # each connects itself to the model's events
        signals.problem_changed.connect(lambda _problem: self.projector.new_run())  # on a projector: its map beside the plot

    def _build_presenters(self) -> None:
        model, signals = self.model, self.model_signals
        self.exports = ExportMenu(model, self, self.network_view.scene)
        self.run_actions = TrainingActions(self)
        self.actions_by_name = self.run_actions.by_name  # the menus and tests read them by name
        # the pace (run_speed, run_for) on the training toolbar: reachable in presentation mode
        self.pace_controls = PaceControls(self.run_actions.toolbar, self)
        self.pace_controls.follow_model(signals)
        self.files.pace_source = self.pace_controls.pace
        # each Update: the settings and refusals, the phase, then the state and what it shows (in this order)
        self.refusals = Refusals(signals, self.controls, self.controls_dock, self.banner, self)
        self.phase_walk = PhaseWalk(model, signals, self.network_view, self.phase_banner, self.projector, self.lesson_box, self)
        views = (self.run_actions, self.status, self.plot, self.network_view, self.probe)
        self.run_view = RunView(model, signals, *views, parent=self)
        self.gestures: Gestures = Gestures(self.training, model, signals, self.run_view, self.phase_walk, self.banner.say, self)
        self.gestures.take_from(self.controls, self.pace_controls, self.network_view, self.run_actions)
        self.lesson_setup: LessonSetUp = LessonSetUp(model, self.training, self.files, self.phase_walk)
        self.reports = TrainerReports(self.training, model, self.files, self.banner, self)

    def _build_menus(self) -> None:
        looks = self.looks
        handlers = MenuHandlers(
            quit=self.close,
            set_presentation=looks.set_presentation,
            set_theme=looks.set_theme,
            set_language=lambda code: self.languages.set_language(code),
            set_log_y=self.plot.set_log_y,
            fit_diagram=self.network_view.fit,
            restart_tour=self.tour.restart,
            set_full_screen=looks.set_full_screen,
            set_presentation_size=looks.set_presentation_size,
        )
        docks = [self.controls_dock, self.inspector_dock, self.probe_dock, self.runs_dock]
        docks += [self.landscape_dock, self.map_dock, self.health_dock]
        actions = self.actions_by_name.values()
        self.menus: StudioMenus = StudioMenus(self.menuBar(), self, handlers, self.files, self.exports, actions, docks)
        self.board = BoardView(self, self.inspector_dock, docks[:1] + docks[2:], self.centralWidget, self.inspector.set_board)
        self.menus.view_menu.insertAction(self.menus.full_screen, self.board.action)
        menus, views = self.menus, (self.model_signals, self.inspector, self.network_view)  # the pointer, the cursor halo
        self.pointer = Pointer(self, *views, menus.presentation, lambda: self.look, menus.view_menu, menus.full_screen)
        for messenger in (self.files, self.exports):
            messenger.status_message.connect(lambda text: self.status.showMessage(text, STATUS_MESSAGE_MS))
        self.files.title_changed.connect(self.setWindowTitle)
        training_menu = self.menus.menu("menu_training")
        training_menu.addSeparator()
        training_menu.addActions(list(self.pace_controls.actions.values()))
        self.lessons = LessonsMenu(self.menuBar(), self.menus.menu("menu_view").menuAction(), self.lesson_box, self.lesson_setup.set_up)
        # what needs the trainer, switched off when its process ends unasked (the run stays, and can be saved)
        self.reports.switch_off += [lambda: self.controls.setEnabled(False), lambda: self.lessons.menu.setEnabled(False)]
        self.reports.switch_off += [self.status.show_trainer_lost, self.run_actions.switch_off, self.pace_controls.switch_off]
        self.reports.switch_off.append(self.run_view.refresh_last)  # the inspector and diagram at the last point, as after a pause
        self.playground_links = PlaygroundLinks(self)  # File ▸ Open Playground link…, Export ▸ Playground link (issue 29)

    def _retranslatable(self) -> list:
        """Everything that says words in code, in the order they are told of a new language."""
        return [
            *(self.run_actions, self.board, self.pace_controls, self.pointer, self.menus, self.lessons),
            *(self.controls, self.inspector, self.runs, self.probe, self.status, self.plot, self.tour),
            *(self.network_view, self.phase_banner, self.unit_views, self.landscape_holder.panel, self.playground_links),
        ]

    def _build_landscape(self) -> LandscapePanel:
        from bpstudio.qt.landscape.landscape_panel import LandscapePanel  # imported with the panel: not at start-up

        panel = LandscapePanel(self.model, self.model_signals, self.gestures.set_weight)
        panel.set_look(self.look)  # built late: in the look of the moment
        return panel

    # -- what others read -------------------------------------------------------------------------
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

    @property
    def look(self) -> Look:
        assert self.looks.look is not None, "applied while the window is built"
        return self.looks.look

    # -- Qt's events ----------------------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.WindowStateChange and hasattr(self, "menus"):
            was_blocked = self.menus.full_screen.blockSignals(True)
            self.menus.full_screen.setChecked(self.isFullScreen())  # left by the window manager too
            self.menus.full_screen.blockSignals(was_blocked)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "languages"):
            self.languages.retranslate()
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        """The first time, without a saved layout: give the typeset formula a readable width."""
        super().showEvent(event)
        if not self._layout_restored and not getattr(self, "_docks_sized", False):
            self._docks_sized = True
            self.resizeDocks([self.inspector_dock], [max(420, round(self.width() * 0.36))], Qt.Orientation.Horizontal)

    def closeEvent(self, event) -> None:
        """Close once the trainer has ended (see close_protocol): a busy one is waited for, visibly."""
        if self.closer.may_close(event):
            super().closeEvent(event)
