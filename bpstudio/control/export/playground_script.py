"""A run under Playground conventions written out as one standalone script (NumPy or PyTorch).

The script holds the link's points (after Playground's shuffle and split) and its start weights,
and trains as Playground does (see engine.playground.training): one epoch is one pass over the
training points in order, an update after every ``BATCH_SIZE``-th point of the epoch, points left
over joining the next epoch's first batch; an update moves by the learning rate times the mean of
the derivatives summed since the last one, then applies the penalty once (L1 zeroes a weight whose
sign would flip and keeps its link dead). It prints, and writes with ``--json``, the training and
test loss after every epoch. The NumPy script adds every sum in Playground's order and carries
JavaScript's ``Math.tanh``, ``exp`` and ``sin`` (the studio's fdlibm port, as an appendix), so its
losses are Playground's doubles; the PyTorch script lets autograd sum in its own order with the C
library's functions, so it follows Playground to rounding — which a deep net grows over many epochs.
"""

from __future__ import annotations

import inspect
from string import Template

import numpy as np

import bpstudio  # its __version__ is looked up when first used
from bpstudio.engine.config import RunConfig
from bpstudio.engine.playground import js_math
from bpstudio.engine.playground.conventions import state_of
from bpstudio.engine.playground.run import start_run
from bpstudio.engine.text_safety import python_literal

PLAYGROUND_URL = "https://playground.tensorflow.org/#"


def _rows(table: np.ndarray) -> str:
    """A table as a Python literal whose floats read back exactly (repr round-trips)."""
    return "[\n" + "".join(f"    {[float(v) for v in row]!r},\n" for row in np.atleast_2d(table)) + "]"


def playground_script(config: RunConfig, framework: str) -> str:
    """The whole script of ``config``'s Playground run."""
    state = state_of(config.playground)
    run = start_run(state)
    weights = "[\n" + "".join(f"    np.array({_rows(layer.weights)}),\n" for layer in run.network.layers) + "]"
    biases = "[\n" + "".join(f"    np.array({[float(b) for b in layer.biases]!r}),\n" for layer in run.network.layers) + "]"
    regression = state.problem == "regression"
    values = {
        "version": bpstudio.__version__,
        "framework": "PyTorch" if framework == "pytorch" else "NumPy",
        "link": python_literal(PLAYGROUND_URL + config.playground),
        "link_comment": (PLAYGROUND_URL + config.playground).replace('"""', "").replace("\\", "/"),
        "activation": python_literal(state.activation),
        "output": python_literal("linear" if regression else "tanh"),
        "batch_size": state.batch_size,
        "learning_rate": repr(float(state.learning_rate)),
        "regularization": "None" if state.regularization == "none" else python_literal(state.regularization),
        "regularization_rate": repr(float(state.regularization_rate)),
        "features": repr(tuple(state.features)),  # Playground's own names, from a fixed list
        "train": _rows(np.array(run.train_points, dtype=float).reshape(-1, 3)),
        "test": _rows(np.array(run.test_points, dtype=float).reshape(-1, 3)),
        "weights": weights,
        "biases": biases,
    }
    if framework == "pytorch":
        return _HEAD.substitute(values) + "\n\n" + _SHARED.replace("sin_array", "np.sin") + "\n\n" + _TORCH + "\n\n" + _MAIN
    return _HEAD.substitute(values) + "\n\n" + _SHARED + "\n\n" + _NUMPY + "\n\n" + _appendix() + "\n\n" + _MAIN


def _appendix() -> str:
    """JavaScript's Math functions (the studio's fdlibm port, its own licence notice kept), for the NumPy script."""
    source = inspect.getsource(js_math)
    lines = [line for line in source.splitlines() if line != "from __future__ import annotations"]
    return "# --- appendix: JavaScript's Math.sin, cos, exp, log and tanh " + "-" * 30 + "\n" + "\n".join(lines).strip()


_HEAD = Template('''\
#!/usr/bin/env python3
"""TensorFlow Playground's own run of a link, exported by BP Studio $version ($framework).

    $link_comment

Playground's conventions: the points below are the link's, after Playground's shuffle and split,
and the start weights its draws (every bias 0.1). One epoch is one pass over the training points
in order, with an update after every BATCH_SIZE-th point of the epoch (points left over at an
epoch's end join the next epoch's first batch). An update moves each weight by LEARNING_RATE
times the mean of the derivatives summed since the last update, then applies the penalty once
(under L1 a weight whose sign would flip is set to 0 and its link stays dead). The loss is the
mean over the points of 1/2 (output - label)^2, with a tanh output (labels -1, +1) for
classification and a linear one for regression.

Usage: python3 this_script.py [--epochs N] [--json FILE]
"""

import argparse
import json

import numpy as np

LINK = $link
ACTIVATION = $activation  # the hidden layers'
OUTPUT = $output
BATCH_SIZE = $batch_size
LEARNING_RATE = $learning_rate
REGULARIZATION = $regularization  # None, "L1" or "L2"
REGULARIZATION_RATE = $regularization_rate
FEATURES = $features  # Playground's inputs, in its order

TRAIN = np.array($train)  # x, y, label
TEST = np.array($test).reshape(-1, 3)

# layer by layer: WEIGHTS[l][k, j] joins input j to node k; BIASES[l][k] is node k's bias
WEIGHTS = $weights
BIASES = $biases''')

_SHARED = '''\
def features(points):
    """The network's inputs, one row per feature and one column per point."""
    x, y = points[:, 0], points[:, 1]
    made = {"x": x, "y": y, "xSquared": x * x, "ySquared": y * y, "xTimesY": x * y, "sinX": sin_array(x), "sinY": sin_array(y)}
    return np.array([made[name] for name in FEATURES]).reshape(len(FEATURES), len(points))'''

_NUMPY = '''\
# JavaScript's Math.tanh, exp and sin (fdlibm as V8 computes them) are in the appendix at the end: NumPy's
# differ from them in the last bit now and then, and a deep net grows that bit until the losses part.
FUNCTIONS = {  # output and its derivative from (total input, output), as Playground's nn.ts writes them
    "tanh": (lambda x: tanh_array(x), lambda x, o: 1 - o * o),
    "relu": (lambda x: np.where(x > 0, x, 0.0), lambda x, o: np.where(x <= 0, 0.0, 1.0)),
    "sigmoid": (lambda x: 1 / (1 + exp_array(-x)), lambda x, o: o * (1 - o)),
    "linear": (lambda x: x, lambda x, o: np.ones_like(x)),
}
# Every sum below is taken in Playground's order (a JavaScript loop adds left to right), so that
# the results are Playground's doubles, not only close to them.


def forward(inputs):
    \"\"\"Each layer's (total input, output) for points as columns: a node's bias, then its inputs in order.\"\"\"
    seen, previous = [], inputs
    for layer, (w, b) in enumerate(zip(WEIGHTS, BIASES)):
        function = FUNCTIONS[OUTPUT if layer == len(WEIGHTS) - 1 else ACTIVATION][0]
        total = np.repeat(b[:, None], previous.shape[1], axis=1)
        for j in range(w.shape[1]):
            total = total + w[:, j : j + 1] * previous[j]
        seen.append((total, function(total)))
        previous = seen[-1][1]
    return seen


def mean_loss(points):
    \"\"\"Playground's loss: the mean over the points of 1/2 (output - label)^2, summed in order.\"\"\"
    if len(points) == 0:
        return float("nan")
    difference = forward(features(points))[-1][1][0] - points[:, 2]
    return float(np.cumsum(0.5 * (difference * difference))[-1] / len(points))


weight_sums = [np.zeros_like(w) for w in WEIGHTS]
bias_sums = [np.zeros_like(b) for b in BIASES]
dead = [np.zeros(w.shape, dtype=bool) for w in WEIGHTS]
summed = 0  # points whose derivatives are in the sums


def accumulate(points):
    \"\"\"Backprop of 1/2 (output - label)^2 for each point, added to the sums point by point.\"\"\"
    global summed
    inputs = features(points)
    seen = forward(inputs)
    d_output = seen[-1][1] - points[:, 2][None, :]
    for layer in range(len(WEIGHTS) - 1, -1, -1):
        total, output = seen[layer]
        derivative = FUNCTIONS[OUTPUT if layer == len(WEIGHTS) - 1 else ACTIVATION][1]
        d_total = d_output * derivative(total, output)
        source = seen[layer - 1][1] if layer > 0 else inputs
        for p in range(len(points)):
            bias_sums[layer] += d_total[:, p]
            weight_sums[layer] += d_total[:, p : p + 1] * source[:, p][None, :]
        w = WEIGHTS[layer]
        d_output = np.zeros((w.shape[1], len(points)))
        for k in range(w.shape[0]):  # 0, then each outgoing link in order
            d_output = d_output + w[k][:, None] * d_total[k]
    summed += len(points)


def update():
    \"\"\"The mean step, then the penalty once; under L1 a weight that would change sign dies at 0.\"\"\"
    global summed
    if summed == 0:
        return
    for layer, (w, b) in enumerate(zip(WEIGHTS, BIASES)):
        b[...] = b - LEARNING_RATE * bias_sums[layer] / summed
        stepped = w - (LEARNING_RATE / summed) * weight_sums[layer]
        if REGULARIZATION == "L1":
            penalised = stepped - (LEARNING_RATE * REGULARIZATION_RATE) * np.sign(w)
            dies = ~dead[layer] & (stepped * penalised < 0)
            w[...] = np.where(dies, 0.0, np.where(dead[layer], w, penalised))
            dead[layer] |= dies
        elif REGULARIZATION == "L2":
            w[...] = stepped - (LEARNING_RATE * REGULARIZATION_RATE) * w
        else:
            w[...] = stepped
        weight_sums[layer][...] = 0.0
        bias_sums[layer][...] = 0.0
    summed = 0


def epoch():
    \"\"\"Every training point once, in order; an update after every BATCH_SIZE-th point of the epoch.\"\"\"
    for start in range(0, len(TRAIN), BATCH_SIZE):
        batch = TRAIN[start : start + BATCH_SIZE]
        accumulate(batch)
        if len(batch) == BATCH_SIZE:
            update()'''

_TORCH = '''\
import torch  # noqa: E402 - after the data, which needs NumPy only

torch.set_default_dtype(torch.float64)
FUNCTIONS = {"tanh": torch.tanh, "relu": torch.relu, "sigmoid": torch.sigmoid, "linear": lambda x: x}
weights = [torch.tensor(w, requires_grad=True) for w in WEIGHTS]
biases = [torch.tensor(b, requires_grad=True) for b in BIASES]
weight_sums = [torch.zeros_like(w) for w in weights]
bias_sums = [torch.zeros_like(b) for b in biases]
dead = [torch.zeros(w.shape, dtype=torch.bool) for w in weights]
summed = 0  # points whose derivatives are in the sums


def forward(inputs):
    """The output for points as columns."""
    out = inputs
    for layer, (w, b) in enumerate(zip(weights, biases)):
        out = FUNCTIONS[OUTPUT if layer == len(weights) - 1 else ACTIVATION](w @ out + b[:, None])
    return out[0]


def mean_loss(points):
    """Playground's loss: the mean over the points of 1/2 (output - label)^2."""
    if len(points) == 0:
        return float("nan")
    with torch.no_grad():
        output = forward(torch.tensor(features(points)))
        return float(torch.mean(0.5 * (output - torch.tensor(points[:, 2])) ** 2))


def accumulate(points):
    """Autograd of the SUM over the points of 1/2 (output - label)^2, added to the sums (a dead link takes none)."""
    global summed
    output = forward(torch.tensor(features(points)))
    loss = 0.5 * ((output - torch.tensor(points[:, 2])) ** 2).sum()
    grads = torch.autograd.grad(loss, weights + biases)
    with torch.no_grad():
        for layer in range(len(weights)):
            weight_sums[layer] += torch.where(dead[layer], 0.0, grads[layer])
            bias_sums[layer] += grads[len(weights) + layer]
    summed += len(points)


def update():
    """The mean step, then the penalty once; under L1 a weight that would change sign dies at 0."""
    global summed
    if summed == 0:
        return
    with torch.no_grad():
        for layer, (w, b) in enumerate(zip(weights, biases)):
            b -= LEARNING_RATE * bias_sums[layer] / summed
            stepped = w - (LEARNING_RATE / summed) * weight_sums[layer]
            if REGULARIZATION == "L1":
                penalised = stepped - (LEARNING_RATE * REGULARIZATION_RATE) * torch.sign(w)
                dies = ~dead[layer] & (stepped * penalised < 0)
                w.copy_(torch.where(dies, 0.0, torch.where(dead[layer], w, penalised)))
                dead[layer] |= dies
            elif REGULARIZATION == "L2":
                w.copy_(stepped - (LEARNING_RATE * REGULARIZATION_RATE) * w)
            else:
                w.copy_(stepped)
            weight_sums[layer].zero_()
            bias_sums[layer].zero_()
    summed = 0


def epoch():
    """Every training point once, in order; an update after every BATCH_SIZE-th point of the epoch."""
    for start in range(0, len(TRAIN), BATCH_SIZE):
        batch = TRAIN[start : start + BATCH_SIZE]
        accumulate(batch)
        if len(batch) == BATCH_SIZE:
            update()'''

_MAIN = '''\
def main():
    parser = argparse.ArgumentParser(description="TensorFlow Playground's run of " + LINK)
    parser.add_argument("--epochs", type=int, default=100, help="epochs to train (default: 100); Playground has no stop test")
    parser.add_argument("--print-every", type=int, default=10, metavar="N", help="print the losses every N epochs")
    parser.add_argument("--json", metavar="FILE", help="write the losses after every epoch")
    args = parser.parse_args()
    train_loss, test_loss = [], []
    for number in range(1, args.epochs + 1):
        epoch()
        train_loss.append(mean_loss(TRAIN))
        test_loss.append(mean_loss(TEST))
        if args.print_every > 0 and (number % args.print_every == 0 or number == args.epochs):
            print(f"epoch {number:6d}  train loss {train_loss[-1]:.10g}  test loss {test_loss[-1]:.10g}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"link": LINK, "train_loss": train_loss, "test_loss": test_loss}, out)


if __name__ == "__main__":
    main()'''
