"""The adapter between the Qt-free unit maps and the widgets, and the clock that asks for them.

:class:`bpstudio.control.model.unit_maps.UnitMaps` and
:class:`bpstudio.control.model.gradient_health.GradientNorms` emit plain events;
this QObject turns them into Qt signals (so a destroyed view is simply
disconnected) and asks for new pictures at most 15 times a second — only
when something changed (an update from the training thread, another plane,
a job come back out of date), so an idle studio wakes no thread.  At most
one job is ever on its way, so the rate the map reaches is the lower of
15 Hz and what the background thread manages — never a queue.  Every wake-up
of another thread costs the training thread the GIL for a moment; that is
why nothing here ticks on its own.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from bpstudio.control.model.gradient_health import GradientNorms
from bpstudio.control.model.map_colours import PLAYGROUND_PALETTE, MapPalette, rgb
from bpstudio.control.model.unit_maps import UnitMaps
from bpstudio.qt.shell.appearance import Look
from bpstudio.qt.shell.background import BackgroundWorker, QtExecutor

MAP_INTERVAL_MS = 66  # 15 Hz: above the 10 Hz a live picture needs, and each frame costs the trainer a little


def palette_for(look: Look) -> MapPalette:
    """The map in the theme's colours: its background, and the weights' blue and orange."""
    return MapPalette(rgb(look.background), rgb(look.negative), rgb(look.positive))


class UnitMapFeed(QObject):
    plane_changed = Signal(object)  # InputPlane or None
    frame_ready = Signal(object)  # MapFrame
    health_ready = Signal(object)  # UnitHealth
    norms_changed = Signal()

    def __init__(self, model, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        # Their own background thread: a long chain being typeset does not hold the live map up.
        self.maps = UnitMaps(model, executor=QtExecutor(self, BackgroundWorker.shared("pictures")))
        self.norms = GradientNorms(model)
        self.map_shown = False  # the decision-map panel is on screen
        self.maps.plane_changed.connect(self._plane_changed)
        self.maps.frame_ready.connect(self.frame_ready.emit)
        self.maps.health_ready.connect(self.health_ready.emit)
        self.norms.changed.connect(self.norms_changed.emit)
        self.maps.answered.connect(self._answered)
        model.update_applied.connect(lambda _update: self.schedule())
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._ask)
        self._asked_at = 0.0
        self.look: Look | None = None
        self.playground_colours = False  # the maps in TensorFlow Playground's colours instead of the theme's

    def schedule(self) -> None:
        """Ask now if the last ask is 1/15 s old, else when it will be; asks already pending are one.

        Asking at once from the update that brought a new snapshot (not from
        a timer) matters on a busy machine: while the training thread holds
        the GIL, a timer on the GUI thread fires late, and the map with it.
        """
        wait = self._asked_at + MAP_INTERVAL_MS / 1000 - time.monotonic()
        if wait <= 0:
            self._ask()
        elif not self.timer.isActive():
            self.timer.start(max(1, round(wait * 1000)))

    def _ask(self) -> None:
        self.timer.stop()
        self._asked_at = time.monotonic()
        self.maps.request()

    def _answered(self) -> None:
        if self.maps.out_of_date():
            self.schedule()

    @property
    def two_dimensional(self) -> bool:
        """The data are points in the plane (a Playground data set): the pictures are always worth it."""
        problem = self.model.problem
        return problem is not None and problem.all_data.points is not None

    def set_map_shown(self, shown: bool) -> None:
        self.map_shown = shown
        self._update_wanted()
        self.schedule()

    def set_look(self, look: Look) -> None:
        self.look = look
        self.maps.set_palette(self.palette())

    def palette(self) -> MapPalette:
        """The maps' colours: Playground's when asked, else the theme's."""
        if self.playground_colours:
            return PLAYGROUND_PALETTE
        return palette_for(self.look) if self.look is not None else MapPalette()

    def set_playground_colours(self, on: bool) -> None:
        self.playground_colours = on
        self.maps.set_palette(self.palette())
        self.schedule()

    def _plane_changed(self, plane) -> None:
        self._update_wanted()
        self.plane_changed.emit(plane)
        self.schedule()

    def _update_wanted(self) -> None:
        """Pictures for 2-D data always (they are on the diagram), for a slice only while the map is shown."""
        self.maps.set_maps_wanted(self.maps.plane is not None and (self.two_dimensional or self.map_shown))

    @property
    def maps_wanted(self) -> bool:
        return self.maps.maps_wanted
