"""The projector layout of presentation mode: which docks show, how large, and the way back.

Entering it keeps the window's layout (docks, their sizes, the centre
splitter) and hides what a class need not see: the controls, the probe, the
runs.  The inspector takes 47 % of the width and the diagram 70 % of the
centre.  A run on points in the plane shows its decision map under the
formula, not behind a tab (Playground's lesson is the map changing as the net
learns, and a class cannot click a tab).  Leaving puts the kept layout back
exactly.  The window applies the larger look and refits its views; this
module only places docks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter

INSPECTOR_SHARE = 0.47  # of the window's width: the chain of the article's weights fits it at 14 px digits
DIAGRAM_SHARE = 0.7  # of the centre's height; the plot has the rest


@dataclass(frozen=True)
class ProjectorDocks:
    hidden: tuple[QDockWidget, ...]  # the controls, the probe, the runs
    inspector: QDockWidget
    decision_map: QDockWidget


class ProjectorLayout:
    def __init__(self, window: QMainWindow, splitter: QSplitter, docks: ProjectorDocks, on_the_plane: Callable[[], bool]) -> None:
        self.window = window
        self.splitter = splitter
        self.docks = docks
        self.on_the_plane = on_the_plane  # is the run's data points in the plane (a decision map to show)?
        self._kept: tuple[QByteArray, QByteArray] | None = None  # the layout before, window and splitter
        self.active = False
        self.walking = False  # a phase walk is under way

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
        plot = self.splitter.widget(1)
        hidden = on and self.active
        if plot is not None and plot.isHidden() != hidden:
            plot.setHidden(hidden)

    def leave(self) -> None:
        self.active = False
        self.phase_walk(self.walking)  # the plot back
        if self._kept is not None:
            self.window.restoreState(self._kept[0])
            self.splitter.restoreState(self._kept[1])
            self._kept = None

    def new_run(self) -> None:
        """A run begins (or presentation does): on the plane, its map comes on screen under the formula."""
        if not self.active or not self.on_the_plane():
            return
        window, inspector, decision_map = self.window, self.docks.inspector, self.docks.decision_map
        if decision_map in window.tabifiedDockWidgets(inspector):
            # splitDockWidget would only add another tab to the inspector's group: take it out of the group
            window.removeDockWidget(decision_map)
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, decision_map, Qt.Orientation.Vertical)
        decision_map.show()
        inspector.raise_()  # taking the map out of the group may have brought another of its tabs to the front
        height = max(inspector.height() + decision_map.height(), 2)
        window.resizeDocks([inspector, decision_map], [height // 2, height - height // 2], Qt.Orientation.Vertical)
