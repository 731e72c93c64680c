"""Train and test accuracy beside JVal, measured on the training thread for each Update.

A classification run is judged by how often the network names the right
class as much as by JVal, so the status bar and the plot show both.  The
score takes one forward pass over the data; while a run goes on at full
speed it is measured at most a few times a second (the status bar refreshes
at 5 Hz), and a paused run always gets the score of the iteration on screen.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from bpstudio.engine.classes import accuracy
from bpstudio.engine.config import RunConfig
from bpstudio.engine.data import Problem
from bpstudio.engine.trainer import Trainer

LIVE_INTERVAL = 0.2  # s between scores while running


@dataclass(frozen=True)
class Scores:
    iteration: int
    train: float  # share 0..1 of training samples named right
    test: float | None  # the same on the held-out samples, when there are any


class AccuracyMeter:
    """Measures :class:`Scores` for a trainer's current weights; None for a regression run."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._last: Scores | None = None
        self._problem: Problem | None = None
        self._measured_at = float("-inf")

    def measure(self, config: RunConfig, trainer: Trainer, running: bool) -> Scores | None:
        if not config.is_classification:
            return None
        problem = trainer.problem
        same_run = problem is self._problem
        last = self._last
        if same_run and last is not None and last.iteration == trainer.iteration:
            return last
        now = self._clock()
        if same_run and last is not None and running and now - self._measured_at < LIVE_INTERVAL:
            return last  # a few iterations old: the next Update brings a fresh one
        net, weights, data = trainer.network, trainer.weights, trainer.dataset
        train = accuracy(net, weights, data.inputs, data.targets)
        test = None if problem.test is None else accuracy(net, weights, problem.test.inputs, problem.test.targets)
        self._last, self._problem, self._measured_at = Scores(trainer.iteration, train, test), problem, now
        return self._last
