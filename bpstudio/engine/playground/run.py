"""A Playground link's whole run: its data, split, features, network and epochs (playground.ts).

What Playground's page does from a link — ``generateData`` (seed the stream with the link's
seed, draw the points, shuffle, split at ``floor(n * percTrainData / 100)``), ``reset`` (the
network, its start weights drawn next from the same stream) and ``oneStep`` per epoch (every
training point, then the training and test loss) — in that order, so that every draw and
every double is Playground's.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from bpstudio.engine.playground import datasets, js_math
from bpstudio.engine.playground.link import PlaygroundState
from bpstudio.engine.playground.random_stream import PlaygroundRandom
from bpstudio.engine.playground.training import Array, PlaygroundNetwork, mean_losses, train_epoch

NUM_SAMPLES_CLASSIFY = 500  # playground.ts
NUM_SAMPLES_REGRESS = 1200

Point = datasets.Point


def feature_columns(state: PlaygroundState, points: list[Point]) -> Array:
    """The network's inputs, (features, points), in playground.ts's INPUTS order."""
    x: Array = np.array([p[0] for p in points], dtype=np.float64)
    y: Array = np.array([p[1] for p in points], dtype=np.float64)
    made: dict[str, Callable[[], Array]] = {
        "x": lambda: x,
        "y": lambda: y,
        "xSquared": lambda: x * x,
        "ySquared": lambda: y * y,
        "xTimesY": lambda: x * y,
        "sinX": lambda: js_math.sin_array(x) if x.size else x,
        "sinY": lambda: js_math.sin_array(y) if y.size else y,
    }
    columns = np.empty((len(state.features), len(points)), dtype=np.float64)
    for row, name in enumerate(state.features):
        columns[row] = made[name]()
    return columns


@dataclass
class PlaygroundRun:
    """One link's run; :meth:`epoch` is one ``oneStep`` and records both losses."""

    state: PlaygroundState
    train_points: list[Point]
    test_points: list[Point]
    network: PlaygroundNetwork
    train_inputs: Array = field(init=False)
    test_inputs: Array = field(init=False)
    train_targets: Array = field(init=False)
    test_targets: Array = field(init=False)
    both_inputs: Array = field(init=False)  # the training then the test points, for both losses in one pass
    both_targets: Array = field(init=False)
    train_loss: list[float] = field(default_factory=list)
    test_loss: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.train_inputs = feature_columns(self.state, self.train_points)
        self.test_inputs = feature_columns(self.state, self.test_points)
        self.train_targets = np.array([p[2] for p in self.train_points], dtype=float)
        self.test_targets = np.array([p[2] for p in self.test_points], dtype=float)
        self.both_inputs = np.concatenate([self.train_inputs, self.test_inputs], axis=1)
        self.both_targets = np.concatenate([self.train_targets, self.test_targets])

    @property
    def epochs(self) -> int:
        return len(self.train_loss)

    def epoch(self) -> None:
        s = self.state
        train_epoch(self.network, self.train_inputs, self.train_targets, s.batch_size, s.learning_rate, s.regularization_rate)
        train, test = mean_losses(self.network, self.both_inputs, self.both_targets, self.train_targets.size)
        self.train_loss.append(train)
        self.test_loss.append(test)


def start_run(state: PlaygroundState) -> PlaygroundRun:
    """Data, shuffle, split and start weights, drawn from the link's seed in Playground's order."""
    random = PlaygroundRandom(state.seed)
    regression = state.problem == "regression"
    if regression:
        points = datasets.REGRESSION[state.reg_dataset](random, NUM_SAMPLES_REGRESS, state.noise / 100)
    else:
        points = datasets.CLASSIFICATION[state.dataset](random, NUM_SAMPLES_CLASSIFY, state.noise / 100)
    datasets.shuffle(random, points)
    cut = math.floor(len(points) * state.perc_train_data / 100)
    network = PlaygroundNetwork(
        [len(state.features), *state.network_shape, 1],
        state.activation,
        "linear" if regression else "tanh",
        random,
        init_zero=state.init_zero,
        regularization=None if state.regularization == "none" else state.regularization,
    )
    return PlaygroundRun(state, points[:cut], points[cut:], network)
