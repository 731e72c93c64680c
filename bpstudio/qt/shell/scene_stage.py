"""Capture what the studio shows as a scene, and arrive at a scene: the window's two halves of a lecture.

Capturing writes the session as the session file does (``session_members``,
from the GUI thread's own copies, as File ▸ Save does), with the kept runs and
the redo branch the model holds, and reads it back
through the session validator (:func:`.lecture_file.captured_scene`), so a
scene holds what a file would hold and nothing else.  The view state comes
from the widgets: the chosen parameter and sample, the phase the walk stands
at, the panel in front, presentation mode and size, language, zoom, the
landscape's and the decision map's settings.

Arriving is the reverse, in the trainer's order: the session is loaded (the
selection rides with it), then the sample is chosen and the walk stepped to
its phase — commands the trainer carries out in turn — while the widgets are
set at once.  ``arrived`` is emitted when the last of the trainer's answers is
in.  The scene itself is never touched: arriving again loads the same stored
session, so whatever the teacher did in between is gone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from bpstudio.control import LoadSaved, RunState, Update
from bpstudio.control.files.lecture_file import captured_scene
from bpstudio.control.files.scene import (
    LANDSCAPE_MODES,
    DecisionMapView,
    LandscapeView,
    Scene,
    ViewState,
    index_of,
)
from bpstudio.control.files.session_file import session_members
from bpstudio.control.model.finished_runs import FinishedRun
from bpstudio.control.model.studio_model import NO_SELECTION

if TYPE_CHECKING:
    from bpstudio.qt.main_window import MainWindow


class SceneStage(QObject):
    arrived = Signal(object)  # the Scene, once the trainer has carried out all of the arrival

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.scene: Scene | None = None  # the scene being arrived at, or last arrived at
        self._loaded = False
        self._phases_left = 0
        window.model_signals.update_applied.connect(self._follow)

    # -- capturing -------------------------------------------------------------------------------------
    def capture(self, title: str = "", note: str = "") -> Scene | None:
        """The studio as it stands now, as a scene (None before the first Update)."""
        w = self.window
        last = w.model.last
        problem = w.model.problem
        if last is None or problem is None:
            return None
        history = w.model.history
        members = session_members(
            last.config,
            last.snapshot,
            history.values(),
            last.changes,
            w.model.selected,
            problem.all_data,
            history.test_values() if problem.test is not None else None,
            w.files.pace_source() if w.files.pace_source is not None else last.pace,
        )
        return captured_scene(self.view_state(title, note), members, tuple(w.model.runs.runs.values()), w.model.redo_branch)

    def view_state(self, title: str = "", note: str = "") -> ViewState:
        w = self.window
        model, problem, last = w.model, w.model.problem, w.model.last
        assert problem is not None and last is not None, "captured once a run is on screen"
        net = problem.network
        selected = None if model.selected is None else net.param_name(model.selected)
        phase = 0
        walk = w.network_view.phase
        if walk is not None and last.state is RunState.STEPPING:
            phase = walk.index + 1
        return ViewState(
            title=title,
            note=note,
            selected=selected,
            sample=model.sample if phase or model.sample else None,
            phase=phase,
            view=self._view_in_front(),
            presentation=w.menus.presentation.isChecked(),
            presentation_size=w.looks.presentation_size,
            language=w.languages.language if w.languages.language in ("en", "zh_CN") else "",
            zoom=self._zoom(),
            landscape=self._landscape(),
            decision_map=self._decision_map(),
        ).with_changes()

    def _view_in_front(self) -> str:
        w = self.window
        if w.board.active:
            return "board"
        for view, dock in (("map", w.map_dock), ("landscape", w.landscape_dock)):
            if dock.isVisible() and not dock.visibleRegion().isEmpty():
                return view
        if w.unit_views.map_elsewhere and w.unit_views.feed.two_dimensional:
            return "map"  # on a projector the map is beside the plot, in front
        return "diagram"

    def _zoom(self) -> float:
        view = self.window.network_view
        if not view._user_zoomed:  # noqa: SLF001 - fitted to the window: the scene fits too
            return 1.0
        return min(10.0, max(0.1, round(view.transform().m11(), 6)))

    def _landscape(self) -> LandscapeView:
        panel = self.window.landscape_holder.panel
        if panel is None:
            return LandscapeView()
        names = self.window.model.problem.network if self.window.model.problem is not None else None
        second = None
        if names is not None and not panel.map_view.random_directions and panel.map_view.second.currentIndex() >= 0:
            second = names.param_name(panel.map_view.second.currentIndex())
        mode = panel.map_view.mode.currentData()
        return LandscapeView(
            tab="map" if panel.tabs.currentWidget() is panel.map_view else "slice",
            span=panel.span,
            mode=mode if mode in LANDSCAPE_MODES else "param",
            second=second,
            points=panel.map_view.points.value(),
        )

    def _decision_map(self) -> DecisionMapView:
        panel = self.window.unit_views.map_holder.panel
        if panel is None or panel.plane is None:
            return DecisionMapView()
        return DecisionMapView(panel.current_picture(), panel.plane.x_axis, panel.plane.y_axis)

    # -- arriving ---------------------------------------------------------------------------------------
    def arrive(self, scene: Scene) -> bool:
        """Put ``scene`` on screen; False (nothing done) for a scene whose data cannot be rebuilt."""
        if scene.saved is None:
            return False
        w = self.window
        self.scene, self._loaded, self._phases_left = scene, False, 0
        w.gestures.pause()
        w.phase_walk.clear()
        w.files.opening.emit()  # not a first start: no tour is offered over a lecture
        w.files.let_go()  # the session's Save must never write over the lecture's file
        index = scene.selected_index
        w.model.open_next_run_with(NO_SELECTION if index is None else index)
        w.model.runs.replace(())  # the Runs panel: the scene's runs, and the scene's own if it has finished
        w.training.submit(LoadSaved(scene.saved, scene.branch))
        self._set_widgets(scene.view)
        return True

    def _follow(self, update: Update) -> None:
        scene = self.scene
        if scene is None:
            return
        if not self._loaded:
            if update.loaded is None or update.loaded.saved is not scene.saved:
                return
            self._loaded = True
            if update.loaded.error is not None:
                self.scene = None
                self.window.banner.say(update.loaded.error.splitlines()[0])
                return
            self.window.files.saved_mark = self.window.files._mark()  # noqa: SLF001 - the scene as loaded is not unsaved work
            self._after_load(scene.view)
            return
        if self._phases_left and update.phase is not None:
            self._phases_left -= 1
            if not self._phases_left:
                self.arrived.emit(scene)

    def _after_load(self, view: ViewState) -> None:
        """The trainer has the scene's session: the sample, the walk to its phase, the pictures' settings."""
        w = self.window
        assert self.scene is not None
        own = tuple(run for run in w.model.runs.runs.values() if not any(_same_run(run, kept) for kept in self.scene.runs))
        w.model.runs.replace(self.scene.runs + own)  # what the load itself listed (a finished run), unless the scene has it
        w.model.select_sample(view.sample or 0)  # sends SelectSample before the phases: the walk's sample
        self._set_decision_map(view.decision_map)
        self._set_landscape(view)
        self._set_zoom(view.zoom)
        if view.phase:
            self._phases_left = view.phase
            for _ in range(view.phase):
                w.training.step_phase()
        else:
            assert self.scene is not None
            self.arrived.emit(self.scene)

    def _set_widgets(self, view: ViewState) -> None:
        """What needs no trainer: language, presentation, the panel in front."""
        w = self.window
        if view.language and view.language != w.languages.language:
            w.languages.set_language(view.language)
        # a scene made in presentation mode brings it, at its size; one made without leaves the mode as the
        # teacher has it: F5 is for the room (a lecture built by the command line has it off in every scene)
        if view.presentation and view.presentation_size != w.looks.presentation_size:
            w.looks.presentation_size = view.presentation_size  # applied with presentation mode below, not remembered
            w.looks.apply()
        if view.presentation and not w.menus.presentation.isChecked():
            w.menus.presentation.setChecked(True)
        w.board.set_on(view.view == "board")
        if view.view == "map":
            w.map_dock.show()
            w.map_dock.raise_()
        elif view.view == "landscape":
            w.landscape_dock.show()
            w.landscape_dock.raise_()
        elif view.view == "diagram" and not w.menus.presentation.isChecked():
            w.inspector_dock.show()
            w.inspector_dock.raise_()

    def _set_zoom(self, zoom: float) -> None:
        view = self.window.network_view
        if zoom == 1.0:
            view.fit()
            view._user_zoomed = False  # noqa: SLF001 - fitted, as a double-click leaves it
            return
        view.resetTransform()
        view.scale(zoom, zoom)
        view._user_zoomed = True  # noqa: SLF001 - the scene's zoom stays when the window resizes

    def _set_landscape(self, view: ViewState) -> None:
        w = self.window
        if view.view != "landscape" and view.landscape == LandscapeView() and w.landscape_holder.panel is None:
            return  # never built, nothing to set: it stays unbuilt (a sixth of the start-up)
        panel = w.landscape
        land = view.landscape
        panel.map_view.points.setValue(land.points)
        mode = panel.map_view.mode.findData(land.mode)
        if mode >= 0:
            panel.map_view.mode.setCurrentIndex(mode)
        problem = w.model.problem
        if land.second is not None and problem is not None:
            panel.map_view.set_second(index_of(problem.network, land.second))
        panel.slice_view.span.setValue(land.span or 0.0)
        panel.tabs.setCurrentWidget(panel.map_view if land.tab == "map" else panel.slice_view)

    def _set_decision_map(self, dmap: DecisionMapView) -> None:
        panel = self.window.unit_views.map_holder.panel
        if panel is None or panel.plane is None:
            return
        if (dmap.x_axis, dmap.y_axis) != (panel.plane.x_axis, panel.plane.y_axis) and max(dmap.x_axis, dmap.y_axis) < panel.x_axis.count():
            panel.feed.maps.set_axes(dmap.x_axis, dmap.y_axis)
        if dmap.picture:
            found = panel.picture.findData(dmap.picture)
            if found >= 0:
                panel.picture.setCurrentIndex(found)


def _same_run(one: FinishedRun, other: FinishedRun) -> bool:
    return one.iterations_done == other.iterations_done and one.history[-1:].tobytes() == other.history[-1:].tobytes()
