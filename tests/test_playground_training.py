"""Playground's network and training against Playground's own runs (issue 29).

tests/fixtures/playground_runs.json was made by Playground's nn.ts under Node. The start weights
must be the same doubles on every link, and so must every per-epoch loss, the last weights and
L1's dead links on all ten runs: sin, cos, log, exp and tanh are V8's (js_math.py ports fdlibm),
and every sum is taken in Playground's order. The spiral tanh 8-8-8 run is the hard one: it is
chaotic, and a one-ulp difference in its data grows to a different loss within 110 epochs.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from bpstudio.engine.playground import datasets, js_math
from bpstudio.engine.playground.random_stream import PlaygroundRandom
from bpstudio.engine.playground.training import PlaygroundNetwork, mean_loss, train_epoch

RUNS = json.loads((Path(__file__).parent / "fixtures" / "playground_runs.json").read_text())["runs"]
FEATURES = {
    "x": lambda x, y: x,
    "y": lambda x, y: y,
    "xSquared": lambda x, y: x * x,
    "ySquared": lambda x, y: y * y,
    "xTimesY": lambda x, y: x * y,
    "sinX": lambda x, y: js_math.sin(x),
    "sinY": lambda x, y: js_math.sin(y),
}


def _build(run: dict):
    state = dict(item.split("=", 1) for item in run["url"].lstrip("#").split("&"))
    regression = state.get("problem") == "regression"
    generator = datasets.REGRESSION[state["regDataset"]] if regression else datasets.CLASSIFICATION[state["dataset"]]
    random = PlaygroundRandom(state["seed"])
    points = generator(random, 1200 if regression else 500, float(state.get("noise", 0)) / 100)
    datasets.shuffle(random, points)
    cut = math.floor(len(points) * float(state.get("percTrainData", 50)) / 100)
    names = [name for name in FEATURES if state.get(name) == "true"]

    def arrays(chosen):
        inputs = np.array([[FEATURES[name](p[0], p[1]) for p in chosen] for name in names]).reshape(len(names), len(chosen))
        return inputs, np.array([p[2] for p in chosen])

    shape = [int(n) for n in state["networkShape"].split(",")] if state.get("networkShape") else []
    network = PlaygroundNetwork(
        [len(names), *shape, 1],
        state.get("activation", "tanh"),
        "linear" if regression else "tanh",
        random,
        init_zero=state.get("initZero") == "true",
        regularization=state.get("regularization") if state.get("regularization") in ("L1", "L2") else None,
    )
    settings = (int(state.get("batchSize", 10)), float(state.get("learningRate", 0.03)), float(state.get("regularizationRate", 0)))
    return network, arrays(points[:cut]), arrays(points[cut:]), settings


@pytest.mark.parametrize("run", RUNS, ids=[run["name"] for run in RUNS])
def test_the_start_weights_are_playgrounds_on_every_link(run):
    network, *_ = _build(run)
    for layer, nodes in zip(network.layers, run["initial"], strict=True):
        assert layer.biases.tolist() == [node["bias"] for node in nodes]
        assert layer.weights.tolist() == [node["weights"] for node in nodes]


@pytest.mark.parametrize("run", RUNS, ids=[run["name"] for run in RUNS])
def test_every_epochs_loss_and_the_last_weights_are_playgrounds_bit_for_bit(run):
    network, (train_x, train_y), (test_x, test_y), (batch, rate, penalty) = _build(run)
    train_loss, test_loss = [], []
    for _ in range(len(run["train_loss"])):
        train_epoch(network, train_x, train_y, batch, rate, penalty)
        train_loss.append(mean_loss(network, train_x, train_y))
        test_loss.append(mean_loss(network, test_x, test_y))
    assert train_loss == run["train_loss"] and test_loss == run["test_loss"]
    for layer, nodes in zip(network.layers, run["final"], strict=True):
        assert layer.weights.tolist() == [node["weights"] for node in nodes]
        assert layer.dead.tolist() == [node["dead"] for node in nodes]  # L1's dead links too


@pytest.mark.parametrize("shape", [(9, 8, 10), (11, 1, 1), (9, 1, 1), (2, 1, 1), (31, 1, 2), (11, 8, 1), (4, 1, 250), (9, 2, 1)])
def test_ordered_sums_add_left_to_right_as_javascript_does(shape):
    """Terms of mixed magnitudes make every other order give other doubles."""
    from bpstudio.engine.playground.training import _ordered_sum

    rng = np.random.default_rng(sum(shape))
    terms = rng.standard_normal(shape) * 10.0 ** rng.integers(-9, 9, shape)
    expected = terms[0].copy()
    for row in terms[1:]:
        expected = expected + row
    assert _ordered_sum(terms).tolist() == expected.tolist()
