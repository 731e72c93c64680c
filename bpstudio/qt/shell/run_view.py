"""What a run shows, and how often: the status bar, the plot's title, the diagram's weights, the chain.

A paused or stepped run is shown at once, whole.  A running one sends Updates
far faster than anyone reads: the status bar, the plot's title and the
diagram's weights follow it at 5 Hz (one timer), and the chain's numbers —
typeset each time — at 1 Hz; the probe is asked again with the chain.  The
run's seven actions follow every Update's state (Run and Pause share Space).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer

from bpstudio.control import RunState, Update
from bpstudio.control.model.studio_model import StudioModel
from bpstudio.qt.diagram.network_view import NetworkView
from bpstudio.qt.inspector.probe import PredictionProbe
from bpstudio.qt.plots.jval_plot import JvalPlot
from bpstudio.qt.shell.status_bar import StudioStatusBar
from bpstudio.qt.shell.training_actions import TrainingActions

LIVE_CHAIN_INTERVAL = 1.0  # s between the chain's numbers while training: typeset and drawn each time
LIVE_VIEWS_MS = 200  # the diagram and the status bar follow a running net at 5 Hz


class RunView(QObject):
    def __init__(
        self,
        model: StudioModel,
        signals,
        actions: TrainingActions,
        status: StudioStatusBar,
        plot: JvalPlot,
        diagram: NetworkView,
        probe: PredictionProbe,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.model, self.actions = model, actions
        self.status, self.plot, self.diagram, self.probe = status, plot, diagram, probe
        self._dirty = False  # a running Update not yet shown
        self._chain_asked = 0.0
        self.timer = QTimer(self)
        self.timer.setInterval(LIVE_VIEWS_MS)
        self.timer.timeout.connect(self._refresh_running)
        self.timer.start()
        signals.update_applied.connect(self.follow)

    def follow(self, update: Update) -> None:
        """Actions follow the run's state; the views refresh now, or at 5 Hz while it runs."""
        self.actions.follow(update.state, update.iteration, update.can_redo)
        if update.state is RunState.RUNNING:
            self._dirty = True
        else:
            self._dirty = False  # this full refresh supersedes a pending live one
            self.refresh(update)

    def show_state(self, state: RunState) -> None:
        """A gesture's state before the trainer confirms it (Run, Pause): the actions at once, not one Update later."""
        last = self.model.last
        iteration = last.iteration if last is not None else 0
        self.actions.follow(state, iteration, can_redo=state is not RunState.RUNNING and last is not None and last.can_redo)

    def refresh_last(self) -> None:
        """The views at the last point reported, whole, as after a pause (the trainer is gone, say)."""
        if self.model.last is not None:
            self.refresh(self.model.last)

    def stop(self) -> None:
        self.timer.stop()

    def _refresh_running(self) -> None:
        last = self.model.last
        if self._dirty and last is not None:
            self._dirty = False
            self.refresh(last, live=True)

    def refresh(self, update: Update, live: bool = False) -> None:
        """Status and diagram at 5 Hz while running; the chain's numbers (typeset) at 1 Hz."""
        self.status.show_update(update)
        self.plot.show_title(update)  # the same Update as the status bar: the two agree
        self.diagram.set_live(live)
        self.diagram.set_weights(update.snapshot.weights)
        now = time.monotonic()
        if not live or now - self._chain_asked >= LIVE_CHAIN_INTERVAL:
            self._chain_asked = now
            self.model.request_chain(live=live)
            if self.probe.sliders:
                self.model.probe(self.probe.inputs())
