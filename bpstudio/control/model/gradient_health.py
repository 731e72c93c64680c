"""Each layer's gradient norm over the iterations the studio received, for the gradient-health plot.

The training thread sends an Update about 15 times a second, each with the
snapshot of its last iteration; :class:`GradientNorms` keeps
‖∂L/∂W̃⁽ˡ⁾‖ of every layer for each of those iterations (the *recorded*
iterations — not every one: the gradient of the others never leaves the
training thread).  A rewind drops what lies beyond the point rewound to, a
new run starts afresh, so the plot always tells the story of the weights on
the screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from bpstudio.control.model.observer import Event
from bpstudio.engine.unit_health import layer_gradient_norms

if TYPE_CHECKING:
    from bpstudio.control.model.studio_model import StudioModel
    from bpstudio.control.runtime.session import Update
    from bpstudio.engine.data import Problem

MAX_POINTS = 1 << 16  # beyond this every other point is dropped: a long run keeps its shape in bounded memory


class GradientNorms:
    """Recorded iterations and, per iteration, one norm per weight layer."""

    def __init__(self, model: StudioModel | None = None) -> None:
        self.problem: Problem | None = None
        self._iterations = np.zeros(0, dtype=np.int64)
        self._norms = np.zeros((0, 0))
        self._n = 0
        self.changed = Event("gradient_norms_changed")
        if model is not None:
            model.update_applied.connect(self.record)

    @property
    def iterations(self) -> np.ndarray:
        return self._iterations[: self._n]

    @property
    def norms(self) -> np.ndarray:
        """``(recorded iterations, layers)``."""
        return self._norms[: self._n]

    def __len__(self) -> int:
        return self._n

    def record(self, update: Update) -> None:
        """Keep the norms of the update's snapshot (an Update from the training session)."""
        problem = update.problem
        if problem is None:
            return
        net = problem.network
        snapshot = update.snapshot
        if snapshot.gradient.size != net.n_params:
            return
        if problem is not self.problem or update.new_run:
            self.problem = problem
            self._iterations = np.zeros(1024, dtype=np.int64)
            self._norms = np.zeros((1024, net.n_layers))
            self._n = 0
        iteration = snapshot.iteration
        # a rewind, or a second update at the same iteration, replaces what lies at or beyond it
        self._n = int(np.searchsorted(self._iterations[: self._n], iteration, side="left"))
        if self._n == len(self._iterations):
            self._grow()
        with np.errstate(over="ignore", invalid="ignore"):
            self._norms[self._n] = layer_gradient_norms(net, snapshot.gradient)
        self._iterations[self._n] = iteration
        self._n += 1
        self.changed.emit()

    def _grow(self) -> None:
        if self._n >= MAX_POINTS:
            keep = np.arange(0, self._n, 2)
            self._iterations[: len(keep)] = self._iterations[keep]
            self._norms[: len(keep)] = self._norms[keep]
            self._n = len(keep)
            return
        size = 2 * len(self._iterations)
        self._iterations = np.resize(self._iterations, size)
        self._norms = np.resize(self._norms, (size, self._norms.shape[1]))
