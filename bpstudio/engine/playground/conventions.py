"""A Playground link as a studio run: the settings it fixes and the network and data it makes.

A run under Playground conventions keeps the link's canonical hash (``RunConfig.playground``);
everything else a studio run is described by follows from it here, so that a config can be
checked against its link (:func:`studio_fields`) and every view — diagram, chain, phases,
landscape, decision map — sees Playground's network as a studio :class:`Network`:

- its layers as the studio's augmented matrices: ``W[j, k]`` (input j to node k, Playground's
  ``weights[k, j]``) with the biases as the last row (:func:`flat_weights`);
- its loss as ``playground-mean`` (the mean of ½(ŷ − y)² over the training points) after a tanh
  output for classification (labels ±1) or a linear one for regression;
- its data: the training points after Playground's shuffle and split, their features computed
  with JavaScript's ``Math.sin``; the test points as the held-out set.

Playground's penalty is not part of its loss (it acts in the update), so the studio's network
carries none: its JVal is exactly the loss Playground reports.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from bpstudio.engine.data import Dataset, Problem
from bpstudio.engine.losses import PLAYGROUND_MEAN
from bpstudio.engine.network import Network
from bpstudio.engine.playground.link import PlaygroundState, canonical_hash, read_link
from bpstudio.engine.playground.run import NUM_SAMPLES_CLASSIFY, NUM_SAMPLES_REGRESS, PlaygroundRun, start_run
from bpstudio.engine.playground.training import PlaygroundNetwork

ACTIVATIONS = {"relu": "relu", "tanh": "tanh", "sigmoid": "sigmoid", "linear": "identity"}
DATASETS = {"circle": "circle", "xor": "xor", "gauss": "gauss", "spiral": "spiral", "reg-plane": "plane", "reg-gauss": "multi-gauss"}
FEATURES = {"x": "x1", "y": "x2", "xSquared": "x1sq", "ySquared": "x2sq", "xTimesY": "x1x2", "sinX": "sinx1", "sinY": "sinx2"}
CLASSES = ("-1", "1")  # Playground's labels, in the order of the studio's class indices


def state_of(text: str) -> PlaygroundState:
    """The state a stored hash holds (raises Refusal naming the key, as for a pasted link)."""
    return read_link(text).state


def studio_fields(state: PlaygroundState) -> dict[str, Any]:
    """The RunConfig settings a Playground state fixes (the others — max_iter, zeta — stay free)."""
    regression = state.problem == "regression"
    return {
        "hidden": tuple(state.network_shape),
        "activation": ACTIVATIONS[state.activation],
        "optimizer": "gd",
        "alpha": float(state.learning_rate),
        "samples": NUM_SAMPLES_REGRESS if regression else NUM_SAMPLES_CLASSIFY,
        "init": "zeros" if state.init_zero else "uniform",
        "formulas": (),
        "data_file": "",
        "inputs": (),
        "targets": (),
        "test_fraction": round(1 - state.perc_train_data / 100, 12),
        "dataset": DATASETS[state.reg_dataset if regression else state.dataset],
        "classes": 2,
        "noise": state.noise / 100,
        "features": tuple(FEATURES[name] for name in state.features),
        "loss": PLAYGROUND_MEAN,
        "output": "linear" if regression else "auto",
        "l1": 0.0,
        "l2": 0.0,
        "batch_size": state.batch_size,
    }


def playground_settings(text: str) -> dict[str, Any]:
    """``RunConfig`` keyword arguments for a link: its fixed settings and its canonical hash."""
    state = state_of(text)
    return {**studio_fields(state), "playground": canonical_hash(state)}


def flat_weights(network: Network, playground: PlaygroundNetwork) -> np.ndarray:
    """Playground's weights and biases in the studio's flat layout."""
    return network.flatten([np.vstack([layer.weights.T, layer.biases[None, :]]) for layer in playground.layers])


def flat_parts(network: Network, playground: PlaygroundNetwork) -> dict[str, np.ndarray]:
    """What an update still needs beyond the weights, in the flat layout (nn.ts keeps it per link and node):

    ``playground_sums`` the derivatives summed since the last update, ``playground_dead`` 1 for a
    link L1 killed, ``playground_count`` the points summed into each (one count for the network).
    """
    sums = network.flatten([np.vstack([layer.weight_sums.T, layer.bias_sums[None, :]]) for layer in playground.layers])
    dead = network.flatten([np.vstack([layer.dead.T.astype(float), np.zeros((1, layer.biases.size))]) for layer in playground.layers])
    return {"playground_sums": sums, "playground_dead": dead, "playground_count": np.full(network.n_params, float(playground.summed))}


def load_flat(network: Network, playground: PlaygroundNetwork, weights: np.ndarray, parts: dict[str, np.ndarray]) -> None:
    """Put flat weights (and, when given, :func:`flat_parts`) back into Playground's network, in place."""
    matrices = network.layers(np.asarray(weights, dtype=float))
    sums = network.layers(parts["playground_sums"]) if parts else None
    dead = network.layers(parts["playground_dead"]) if parts else None
    for index, layer in enumerate(playground.layers):
        layer.weights[...] = matrices[index][:-1].T
        layer.biases[...] = matrices[index][-1]
        if sums is not None and dead is not None:
            layer.weight_sums[...] = sums[index][:-1].T
            layer.bias_sums[...] = sums[index][-1]
            layer.dead[...] = dead[index][:-1].T != 0
    if parts:
        playground.summed = int(parts["playground_count"][0]) if parts["playground_count"].size else 0
    else:
        playground.weight_sums[...] = 0.0
        playground.bias_sums[...] = 0.0
        playground.dead[...] = False
        playground.summed = 0


def _dataset(state: PlaygroundState, inputs: np.ndarray, targets: np.ndarray, points: list[tuple[float, float, float]]) -> Dataset:
    regression = state.problem == "regression"
    xy = np.array([p[:2] for p in points], dtype=float).reshape(-1, 2)
    names = tuple(FEATURES[name] for name in state.features)
    return Dataset(inputs.T, targets[:, None], names, ("t",) if regression else ("1",), () if regression else CLASSES, xy)


def network_of(state: PlaygroundState, train_points: int) -> Network:
    regression = state.problem == "regression"
    sizes = (len(state.features), *state.network_shape, 1)
    return Network(
        sizes, ACTIVATIONS[state.activation], "identity" if regression else "tanh", PLAYGROUND_MEAN, mean_over=max(train_points, 1)
    )


def problem_of(state: PlaygroundState) -> tuple[Problem, PlaygroundRun]:
    """The studio's Problem for a link (training points, test points, start weights) and its run."""
    run = start_run(state)
    if not run.train_points:
        raise ValueError("the link leaves no training points")
    network = network_of(state, len(run.train_points))
    train = _dataset(state, run.train_inputs, run.train_targets, run.train_points)
    test = _dataset(state, run.test_inputs, run.test_targets, run.test_points) if run.test_points else None
    every = list(run.train_points) + list(run.test_points)
    whole = _dataset(
        state,
        np.hstack([run.train_inputs, run.test_inputs]),
        np.concatenate([run.train_targets, run.test_targets]),
        every,
    )
    return Problem(network, train, flat_weights(network, run.network), test, source=whole), run
