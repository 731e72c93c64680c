"""The projector layout of presentation mode: which docks show, how large, and the way back.

Entering it keeps the window's layout (docks, their sizes, the centre
splitter) and hides what a class need not see: the controls, the probe, the
runs.  The inspector takes 47 % of the width and the diagram 70 % of the
centre.  A run on points in the plane shows its decision map beside the plot,
square, under the diagram — not behind a tab (Playground's lesson is the map
changing as the net learns, and a class cannot click a tab), and not under the
formula, which on a 768-line projector needs the inspector's whole height for
its source Σ block at 14 px digits.  Leaving puts the kept layout back exactly.
The window applies the larger look and refits its views; this module only
places panels.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QScrollArea, QSplitter, QWidget

INSPECTOR_SHARE = 0.47  # of the window's width: the chain of the article's weights fits it at 14 px digits
DIAGRAM_SHARE = 0.7  # of the centre's height; the plot the rest
MAP_ROW_DIAGRAM_SHARE = 0.55  # with a map beside the plot: the map is as tall as that row
DIAGRAM_LEAST_ON_THE_PLANE = 350  # px: the diagram's viewport stays over 330 at 1366×768


@dataclass(frozen=True)
class ProjectorDocks:
    hidden: tuple[QDockWidget, ...]  # the controls, the probe, the runs
    inspector: QDockWidget
    decision_map: QDockWidget


@dataclass(frozen=True)
class LentMap:
    """Where the decision map lives (its dock's scroller) and how the map is told it is on screen elsewhere."""

    holder: QWidget
    home: QScrollArea
    on_screen_elsewhere: Callable[[bool], None]


class PlotRow(QSplitter):
    """The centre's lower pane: the JVal plot and, on a projector, a square decision map beside it."""

    def __init__(self, plot: QWidget) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.setObjectName("plot_row")
        self.setChildrenCollapsible(False)
        self.addWidget(plot)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.keep_square()

    def keep_square(self) -> None:
        """The map as wide as it is tall: an aspect-locked map in a wide box had blank bands (−15…15 around −6…6)."""
        if self.count() == 2 and self.width() > 0:
            side = min(self.height(), self.width() // 2)
            self.setSizes([self.width() - side, side])


class ProjectorLayout:
    def __init__(
        self,
        window: QMainWindow,
        splitter: QSplitter,
        docks: ProjectorDocks,
        on_the_plane: Callable[[], bool],
        plot_row: PlotRow | None = None,
        lent_map: LentMap | None = None,
    ) -> None:
        self.window = window
        self.splitter = splitter
        self.docks = docks
        self.on_the_plane = on_the_plane  # is the run's data points in the plane (a decision map to show)?
        self.plot_row = plot_row
        self.lent_map = lent_map
        self._kept: tuple[QByteArray, QByteArray] | None = None  # the layout before, window and splitter
        self.active = False
        self.walking = False  # a phase walk is under way
        self.map_lent = False  # the decision map is beside the plot, out of its dock

    def enter(self) -> None:
        window, docks = self.window, self.docks
        if not self.active:  # entered again (a new presentation size): the layout to go back to stays
            self._kept = (window.saveState(), self.splitter.saveState())
        self.active = True
        for dock in docks.hidden:
            dock.hide()
        docks.inspector.show()
        docks.inspector.raise_()
        window.resizeDocks([docks.inspector], [round(window.width() * INSPECTOR_SHARE)], Qt.Orientation.Horizontal)
        total = max(sum(self.splitter.sizes()), 1)
        self.splitter.setSizes([round(total * DIAGRAM_SHARE), round(total * (1 - DIAGRAM_SHARE))])
        self.new_run()
        self.phase_walk(self.walking)

    def phase_walk(self, on: bool) -> None:
        """During a phase walk on a projector the diagram takes the plot's height too.

        The plot shows one point until the iteration ends, and the diagram's values
        are what the class reads: at 1366×768 it gets about 500 px instead of 320.
        """
        self.walking = on
        lower = self.splitter.widget(1)
        hidden = on and self.active
        if lower is not None and lower.isHidden() != hidden:
            lower.setHidden(hidden)

    def leave(self) -> None:
        self.active = False
        self.phase_walk(self.walking)  # the plot back
        self._give_map_back()
        if self._kept is not None:
            self.window.restoreState(self._kept[0])
            self.splitter.restoreState(self._kept[1])
            self._kept = None
        if self.lent_map is not None:
            self.lent_map.on_screen_elsewhere(False)  # the dock, back in place, tells again

    def new_run(self) -> None:
        """A run begins (or presentation does): on the plane, its map comes on screen beside the plot."""
        if not self.active:
            return
        if not self.on_the_plane():
            if self.map_lent:
                self._give_map_back()
                self.docks.decision_map.hide()  # as on a projector for a run off the plane: behind no tab, hidden
                assert self.lent_map is not None  # lent only when there is one
                self.lent_map.on_screen_elsewhere(False)
            return
        if self.plot_row is None or self.lent_map is None or self.map_lent:
            return
        lent = self.lent_map
        self.docks.decision_map.hide()
        holder = lent.home.takeWidget()
        self.plot_row.addWidget(holder)
        holder.show()
        self.map_lent = True
        lent.on_screen_elsewhere(True)
        self.docks.inspector.raise_()
        total = max(sum(self.splitter.sizes()), 1)  # the diagram keeps what a class reads it at, the map the rest
        diagram = max(DIAGRAM_LEAST_ON_THE_PLANE, round(total * MAP_ROW_DIAGRAM_SHARE))
        self.splitter.setSizes([diagram, total - diagram])
        self.plot_row.keep_square()

    def _give_map_back(self) -> None:
        if not self.map_lent or self.lent_map is None:
            return
        self.map_lent = False
        holder = self.lent_map.holder
        holder.setParent(None)
        self.lent_map.home.setWidget(holder)
        holder.show()
