"""Finished runs as data: what a class compares, kept by the studio model, drawn by the views.

A run is kept when it finishes (converged, diverged, reached its limit) and when a
rewind's discarded future is left behind by a new branch — so nothing is dropped
silently.  The list is bounded: each kept curve has at most 10 000 points
(:mod:`.downsample` keeps its shape) and at most :data:`MAX_RUNS` runs are kept,
the oldest forgotten first, so a long lesson does not grow memory without limit.
Labels are not stored: a view writes them in the language of the moment.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from bpstudio.control.model.downsample import downsample
from bpstudio.control.model.observer import Event
from bpstudio.control.runtime.session import ChangeRecord, RunState, Update
from bpstudio.engine.config import RunConfig

MAX_RUNS = 50
# What makes two runs' JVal curves comparable on one plot: the same samples and the same loss.  The
# network, its start, the optimizer and the input features may differ: they are what a class compares.
DATA_FIELDS = ("dataset", "samples", "seed", "noise", "classes", "formulas", "data_file", "inputs", "targets", "test_fraction", "loss")


SOLVED_STATES = (RunState.CONVERGED, RunState.FINISHED)  # a diverged run stopped too, but found nothing


def solved_run(update: Update | None) -> bool:
    """True when the run on screen ended with a solution: its last point is the plot's red star.

    A paused or running run's last point is only where it is now, a diverged one's an overflow.
    """
    return update is not None and update.state in SOLVED_STATES


def trained_with(config: RunConfig, changes: tuple[ChangeRecord, ...], last_iteration: int) -> tuple[RunConfig, tuple[ChangeRecord, ...]]:
    """The settings a run's steps used, and its changes that took a step, when it ended at ``last_iteration``.

    A change at iteration k applies from step k + 1: one made at the run's last
    iteration (α typed after it finished, then Reset) never trained, so the run is
    labelled with the value before it, and the change is not one of its own.
    """
    for change in reversed(changes):
        if change.iteration >= last_iteration:
            config = config.with_changes(**{change.field: change.old})
    return config, tuple(c for c in changes if c.iteration < last_iteration)


def same_data(one: RunConfig, other: RunConfig) -> bool:
    """True when runs of these configs trained on the same samples with the same loss."""
    return all(getattr(one, name) == getattr(other, name) for name in DATA_FIELDS)


@dataclass(frozen=True, eq=False)
class FinishedRun:
    """One run, finished or left behind: its curve, settings, changes and why it stopped."""

    key: int
    history: np.ndarray  # JVal, at most 10 000 points
    iterations: np.ndarray  # the iteration of each point
    config: RunConfig
    sizes: tuple[int, ...]  # the real network's, never assumed
    changes: tuple[ChangeRecord, ...] = ()
    stop_reason: str | None = None
    iterations_done: int = 0
    final: float = float("nan")
    converged_by: str | None = None  # for "converged2": which test held (engine.stop_causes WEIGHTS or JVAL)

    @property
    def mid_run_changes(self) -> tuple[ChangeRecord, ...]:
        """Changes made after the run started; those at iteration 0 are simply its settings."""
        return tuple(c for c in self.changes if c.iteration > 0)

    @property
    def start_alpha(self) -> float:
        alpha_changes = [c for c in self.mid_run_changes if c.field == "alpha"]
        return float(alpha_changes[0].old) if alpha_changes else self.config.alpha


class RunShelf:
    """The kept runs, oldest first; ``kept`` and ``forgotten`` tell the views."""

    def __init__(self) -> None:
        self.runs: dict[int, FinishedRun] = {}
        self._next = 0
        self.kept = Event("run_kept")
        self.forgotten = Event("run_forgotten")

    def add(
        self,
        config: RunConfig,
        history: np.ndarray,
        sizes: tuple[int, ...],
        changes: tuple[ChangeRecord, ...] = (),
        stop_reason: str | None = None,
        converged_by: str | None = None,
    ) -> FinishedRun:
        key = self._next
        self._next += 1
        iterations, kept = downsample(history)
        run = FinishedRun(
            key, kept, iterations, config, tuple(sizes), tuple(changes), stop_reason, len(history) - 1, float(history[-1]), converged_by
        )
        while len(self.runs) >= MAX_RUNS:
            self.forget(next(iter(self.runs)))
        self.runs[key] = run
        self.kept.emit(run)
        return run

    def replace(self, runs: tuple[FinishedRun, ...]) -> None:
        """These runs in place of the kept ones (a lecture's scene arriving); a run kept already keeps its key."""
        for key in [k for k, run in self.runs.items() if all(run is not r for r in runs)]:
            self.forget(key)
        for run in runs[-MAX_RUNS:]:
            if self.runs.get(run.key) is run:
                continue
            kept = replace(run, key=self._next)
            self._next += 1
            self.runs[kept.key] = kept
            self.kept.emit(kept)

    def forget(self, key: int) -> None:
        if self.runs.pop(key, None) is not None:
            self.forgotten.emit(key)

    def __len__(self) -> int:
        return len(self.runs)
