"""A scene's run trained on, headless and in-process, for an animation: its next iteration's phases, or iterations A to B.

``bpstudio lecture export --gif OUT --scene K --from A --to B`` shows the run
*as it trains*: the diagram's weights, the JVal curve and, on 2-D data, the
decision map, every ``every`` iterations.  The frames come from here, with no
Qt: the scene's session is rebuilt (never changed: its stored bytes stay as
they are), trained with the same ``Trainer.step`` the studio uses, and a
:class:`TrainingFrame` is handed out at each frame's iteration.  Training is
deterministic (the run's seeds are in its settings), so the same scene gives
the same frames every time.

What cannot be animated is refused before any work, with a sentence for the
user (:func:`check_range`): an A before the scene's own iteration (the
session keeps its JVal history but not the weights of past iterations), A
after B, a B past the run's max-iter setting or further than
:data:`MAX_TRAIN` iterations on, or a run that has already stopped.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from bpstudio.control.files.scene import Scene
from bpstudio.control.runtime.session import TrainingSession
from bpstudio.engine.data import Problem
from bpstudio.engine.phases import Phase, iteration_phases

MAX_TRAIN = 200_000  # iterations trained past the scene: seconds for the article's net, not an afternoon
MAX_FRAMES = 600  # frames of one animation: a GIF of more is a film, and memory grows with each
DEFAULT_FRAMES = 50  # when no step is given: about five seconds at 10 frames a second


@dataclass(frozen=True, eq=False)
class TrainingFrame:
    """The run at one frame: its iteration, weights and JVal curve so far (arrays are copies)."""

    problem: Problem
    iteration: int
    weights: np.ndarray
    jval: float
    history: np.ndarray  # JVal at iterations 0 .. iteration
    stop_reason: str | None


def default_every(start: int, stop: int) -> int:
    """The step that gives about :data:`DEFAULT_FRAMES` frames from ``start`` to ``stop``."""
    return max(1, math.ceil((stop - start) / (DEFAULT_FRAMES - 1)))


def frame_iterations(start: int, stop: int, every: int) -> list[int]:
    """``start``, ``start + every``, … and ``stop`` itself (the last frame is always B)."""
    marks = list(range(start, stop + 1, every))
    if marks[-1] != stop:
        marks.append(stop)
    return marks


def check_range(scene: Scene, start: int, stop: int, every: int) -> str | None:
    """Why the scene cannot be animated from ``start`` to ``stop``; None when it can."""
    saved = scene.saved
    if saved is None:
        return f"it cannot be rebuilt ({scene.problem})"
    now = saved.snapshot.iteration
    if start > stop:
        return f"--from {start} is after --to {stop}"
    if start < now:
        return f"it stands at iteration {now}, and the weights of earlier iterations are not saved: --from must be {now} or more"
    if stop > now and saved.snapshot.stop_reason is not None:
        return f"its run has stopped ({saved.snapshot.stop_reason}) at iteration {now}: it trains no further"
    if stop > saved.config.max_iter:
        return f"its run stops at iteration {saved.config.max_iter} (its max-iter setting): --to must be at most that"
    if stop - now > MAX_TRAIN:
        return f"--to {stop} is {stop - now:,} iterations past the scene; an animation trains at most {MAX_TRAIN:,}"
    frames = len(frame_iterations(start, stop, every))
    if frames > MAX_FRAMES:
        return f"{frames} frames asked; an animation has at most {MAX_FRAMES} (a larger --every gives fewer)"
    return None


def training_frames(scene: Scene, start: int, stop: int, every: int) -> Iterator[TrainingFrame]:
    """Train the scene's run from its iteration and yield a frame at each of :func:`frame_iterations`.

    Stops early, after a last frame, when the run stops by itself (it converged or diverged).
    """
    saved = scene.saved
    assert saved is not None and saved.problem is not None, "check_range refuses a scene that cannot be rebuilt"
    session = TrainingSession(saved.config, saved.problem)
    session.load(saved)
    trainer = session.trainer
    for mark in frame_iterations(start, stop, every):
        with np.errstate(over="ignore", invalid="ignore"):
            while trainer.iteration < mark and trainer.step():
                pass
        reason = None if trainer.stop_reason is None else trainer.stop_reason.value
        yield TrainingFrame(
            saved.problem, trainer.iteration, np.array(trainer.weights), float(trainer.jval), np.array(trainer.history.view()), reason
        )
        if trainer.iteration < mark:  # stopped before the frame's iteration: nothing more to show
            return


@dataclass(frozen=True, eq=False)
class WalkFrame:
    """One phase of the walk of the scene's next iteration, with the weights the diagram shows at it."""

    phase: Phase
    weights: np.ndarray
    context: tuple[int, str, str]  # the run's layers, activation and optimizer: what the phase's equation reads


def walk_frames(scene: Scene) -> Iterator[WalkFrame]:
    """Every phase of the walk of the scene's next iteration (2 × layers + 2), on the scene's sample (else 0).

    The walk runs on a copy of the scene's session: its stored weights are never changed.
    """
    saved = scene.saved
    assert saved is not None and saved.problem is not None, "only a rebuilt scene is walked"
    session = TrainingSession(saved.config, saved.problem)
    session.load(saved)
    config = session.config
    context = (saved.problem.network.n_layers, config.activation, config.optimizer)
    for phase in iteration_phases(session.trainer, scene.view.sample or 0):
        yield WalkFrame(phase, np.array(session.trainer.weights), context)
