"""The decision map, the units' pictures on the diagram and gradient health, wired together.

The window creates one :class:`UnitViews`, puts its two panels' holders in
docks and hands those over (:meth:`UnitViews.place`); each panel is built the
first time its tab comes on screen.  Everything else happens here:
the feed's pictures go to the map and to the diagram's hidden nodes, the
health marks to the diagram, a click on a node shows its picture large, and
a run on a 2-D data set brings the map to the front.  Whether a panel is on
screen is told by its dock (a dock behind another tab is not), so nothing
is computed or drawn for a picture nobody sees.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDockWidget

from bpstudio.control import RunState
from bpstudio.engine.graph import OUT, Node
from bpstudio.qt.diagram.unit_map_feed import UnitMapFeed
from bpstudio.qt.map.decision_map import DecisionMapPanel
from bpstudio.qt.plots.gradient_health_plot import GradientHealthPanel
from bpstudio.qt.shell.appearance import Look
from bpstudio.qt.shell.lazy_panel import LazyPanel

TILE_INTERVAL = 0.2  # s between the diagram's pictures while training: it repaints at 5 Hz anyway


class UnitViews(QObject):
    def __init__(self, model, model_signals, network_view, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.network_view = network_view
        self.map_dock: QDockWidget | None = None
        self.feed = UnitMapFeed(model, self)
        self.look: Look | None = None
        # The docks hold these; each panel is built when its tab first comes on screen (start-up).
        self.map_holder: LazyPanel[DecisionMapPanel] = LazyPanel(self._build_map)
        self.health_holder: LazyPanel[GradientHealthPanel] = LazyPanel(self._build_health)
        self._was_two_dimensional = False
        self.map_elsewhere = False  # lent to the projector layout (see show_map_elsewhere)
        self._tiles_at = 0.0
        self._tiles_pending = None  # a frame held back while training, shown when the run pauses
        self.feed.frame_ready.connect(self._frame)
        self.feed.health_ready.connect(self._health)
        self.feed.plane_changed.connect(self._plane)
        network_view.node_selected.connect(self._node_clicked)
        model_signals.problem_changed.connect(self._problem)
        model_signals.update_applied.connect(self._update)

    def _build_map(self) -> DecisionMapPanel:
        panel = DecisionMapPanel(self.feed)
        if self.look is not None:
            panel.set_look(self.look)
        return panel

    def _build_health(self) -> GradientHealthPanel:
        panel = GradientHealthPanel(self.feed)
        if self.look is not None:
            panel.set_look(self.look)
        return panel

    @property
    def map_panel(self) -> DecisionMapPanel:
        """The decision map, built now if its tab never came on screen."""
        return self.map_holder.ensure()

    @property
    def health_panel(self) -> GradientHealthPanel:
        return self.health_holder.ensure()

    def place(self, map_dock: QDockWidget, health_dock: QDockWidget) -> None:
        """The docks the panels live in: their tabs tell whether a panel is on screen."""
        self.map_dock = map_dock
        map_dock.visibilityChanged.connect(self._map_shown)
        health_dock.visibilityChanged.connect(self._health_shown)
        if self.feed.two_dimensional:
            self.show_map()

    def show_map(self) -> None:
        if self.map_dock is not None and not self.map_elsewhere:
            self.map_dock.show()
            self.map_dock.raise_()

    def _problem(self, _problem) -> None:
        """A run on a 2-D data set after one without: the map comes to the front."""
        two_dimensional = self.feed.two_dimensional
        if two_dimensional and not self._was_two_dimensional:
            self.show_map()
        self._was_two_dimensional = two_dimensional

    def _frame(self, frame) -> None:
        """The diagram's pictures: at most 5 times a second while training (each repaints the diagram)."""
        if not self.feed.maps_wanted:
            return
        now = time.monotonic()
        if self._running() and now - self._tiles_at < TILE_INTERVAL:
            self._tiles_pending = frame
            return
        self._tiles_at, self._tiles_pending = now, None
        self.network_view.show_unit_maps(frame.problem, frame.tiles)

    def _running(self) -> bool:
        last = self.model.last
        return last is not None and last.state is RunState.RUNNING

    def _update(self, _update) -> None:
        if self._tiles_pending is not None and not self._running():
            self._frame(self._tiles_pending)

    def _health(self, health) -> None:
        self.network_view.show_unit_health(
            self.model.problem,
            [Node(OUT, layer, j).name for layer, j in health.saturated],
            [Node(OUT, layer, j).name for layer, j in health.dead],
        )

    def _plane(self, _plane) -> None:
        self._clear_pictures_unless_wanted()

    def _health_shown(self, shown: bool) -> None:
        if shown or self.health_holder.panel is not None:
            self.health_panel.set_shown(shown)

    def show_map_elsewhere(self, on: bool) -> None:
        """The projector layout shows the map outside its dock (beside the plot): it is on screen there.

        While it is, the dock's own visibility (hidden) says nothing; once it is
        back, the dock tells again whether the map is on screen.
        """
        self.map_elsewhere = on
        dock = self.map_dock
        self._map_shown(on or (dock is not None and dock.isVisible() and not dock.visibleRegion().isEmpty()))

    def _map_shown(self, shown: bool) -> None:
        if self.map_elsewhere and not shown:
            return  # its dock hid: the map itself is beside the plot
        if shown or self.map_holder.panel is not None:
            self.map_panel.set_shown(shown)
        self.feed.set_map_shown(shown)
        self._clear_pictures_unless_wanted()

    def _clear_pictures_unless_wanted(self) -> None:
        if not self.feed.maps_wanted:
            self.network_view.show_unit_maps(self.model.problem, {})

    def _node_clicked(self, name: str) -> None:
        """Clicking a node shows it large; on 2-D data the map comes to the front to show it."""
        if self.map_panel.show_node(name) and self.feed.two_dimensional:
            self.show_map()

    def _built(self) -> list[DecisionMapPanel | GradientHealthPanel]:
        return [panel for panel in (self.map_holder.panel, self.health_holder.panel) if panel is not None]

    def retranslate(self) -> None:
        for panel in self._built():  # one built later speaks the language of the day
            panel.retranslate()

    def set_look(self, look: Look) -> None:
        self.look = look
        self.feed.set_look(look)
        for panel in self._built():
            panel.set_look(look)
