"""The weights a run passed through, as the studio saw them: the landscape map's trajectory.

The training thread hands the GUI one snapshot per Update (15 a second), not
every iteration's weights, so the path is recorded from those.  It is bounded:
when full, every other point is dropped and points are taken half as often,
so a long run keeps its whole shape in a fixed amount of memory.  A rewind or
a hand-set weight replaces what lies at or after its iteration; a new run
starts an empty path.  No Qt.
"""

from __future__ import annotations

import numpy as np

MAX_FLOATS = 4_000_000  # 32 MB at most, whatever the network's size
MAX_POINTS = 2000


class WeightPath:
    """``(iteration, weights)`` points in iteration order, thinned when full."""

    def __init__(self, max_points: int = MAX_POINTS, max_floats: int = MAX_FLOATS) -> None:
        self.max_points = max_points
        self.max_floats = max_floats
        self._iterations: list[int] = []
        self._weights: list[np.ndarray] = []
        self.stride = 1  # iterations between two kept points, doubled at each thinning

    def __len__(self) -> int:
        return len(self._iterations)

    def clear(self) -> None:
        self._iterations.clear()
        self._weights.clear()
        self.stride = 1

    def record(self, iteration: int, weights: np.ndarray) -> None:
        """Keep the weights at ``iteration``; later points (a rewind went back) are dropped."""
        while self._iterations and self._iterations[-1] >= iteration:
            if self._iterations[-1] == iteration:  # the same iteration again: the latest weights win
                self._weights[-1] = np.array(weights, dtype=float)
                return
            self._iterations.pop()
            self._weights.pop()
        if self._iterations and iteration < self._iterations[-1] + self.stride:
            return  # closer to the last kept point than the stride: the map's own point ends the path
        self._iterations.append(int(iteration))
        self._weights.append(np.array(weights, dtype=float))
        limit = max(2, min(self.max_points, self.max_floats // max(1, np.size(weights))))
        if len(self._iterations) > limit:
            newest = (self._iterations[-1], self._weights[-1])
            self._iterations = self._iterations[:-1:2]
            self._weights = self._weights[:-1:2]
            self._iterations.append(newest[0])
            self._weights.append(newest[1])
            self.stride *= 2

    def before(self, iteration: int) -> np.ndarray:
        """The weights of every kept point before ``iteration``, oldest first: ``(points, n_params)``."""
        rows = [w for i, w in zip(self._iterations, self._weights, strict=True) if i < iteration]
        if not rows:
            return np.empty((0, self._weights[0].size if self._weights else 0))
        return np.array(rows)

    def recent(self, param: int, iteration: int, count: int = 10) -> np.ndarray:
        """The last ``count`` values of one parameter before ``iteration``: the slice's recent steps."""
        values = [w[param] for i, w in zip(self._iterations, self._weights, strict=True) if i < iteration]
        return np.array(values[-count:], dtype=float)

    @property
    def iterations(self) -> tuple[int, ...]:
        return tuple(self._iterations)
