"""Class labels as targets, and how often the network names the right class.

Classification targets are one-hot rows (softmax or linear outputs), or a
single 0/1 column — the probability of the second class — for one sigmoid
output.  Labels are ordered as sorted unique labels: numerically when every
label is a number (so 2 comes before 10), as text otherwise; that order is
the order of the output units, and the CLI's JSON reports it as
``"classes"``.

At most :data:`MAX_CLASSES` classes: under softmax every output depends on
every output unit's input, so the links of the last layer, and the paths of
every weight's loss-influence chain, grow as the square of the classes (2 000
labels once took 24 GB).  The cap is checked on the count of distinct labels,
before any target table is built.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.engine.network import Network
from bpstudio.engine.propagation import predict

MAX_CLASSES = 50
TOO_MANY_CLASSES = QT_TRANSLATE_NOOP(
    "Engine", "{n} classes are more than BP Studio trains (at most {cap}: the paths of the last layer grow as the square of the classes)"
)


def class_order(labels: Iterable[object]) -> tuple[str, ...]:
    """Sorted unique labels, as text."""
    unique = sorted(set(str(label).strip() for label in labels))
    try:
        return tuple(sorted(unique, key=float))
    except ValueError:
        return tuple(unique)


def uses_one_column(output: str, n_classes: int) -> bool:
    """One sigmoid output says p(second class); every other set-up has one output per class."""
    return output == "sigmoid" and n_classes == 2


def encode_classes(indices: np.ndarray, n_classes: int, one_column: bool) -> np.ndarray:
    """Class indices 0..k-1 -> target table: one-hot ``(n, k)``, or ``(n, 1)`` of 0/1."""
    indices = np.asarray(indices, dtype=int)
    if one_column:
        return indices.astype(float)[:, None]
    one_hot: np.ndarray = np.eye(n_classes)[indices]  # numpy types fancy indexing as Any
    return one_hot


def output_names(classes: tuple[str, ...], one_column: bool) -> tuple[str, ...]:
    """Names of the output units: the class labels (the second class's for one sigmoid output)."""
    return (classes[1],) if one_column else tuple(classes)


def predicted_classes(outputs: np.ndarray) -> np.ndarray:
    """Class index per row of a ``(samples, outputs)`` table: argmax, or p > 0.5 for one column."""
    if outputs.shape[1] == 1:
        return (outputs[:, 0] > 0.5).astype(int)
    best: np.ndarray = np.argmax(outputs, axis=1)  # numpy types axis reductions as Any
    return best


def as_probabilities(net: Network, outputs: np.ndarray) -> np.ndarray:
    """Outputs read as class probabilities: a tanh output (Playground's, labels ±1) as (o + 1) / 2."""
    if net.output_activation == "tanh":
        shifted: np.ndarray = (outputs + 1.0) * 0.5
        return shifted
    return outputs


def accuracy(net: Network, weights: np.ndarray, inputs: np.ndarray, targets: np.ndarray) -> float:
    """Share of samples whose predicted class is the target's (0..1); labels ±1 read as 0 and 1 by the > 0.5 rule."""
    predicted = predicted_classes(as_probabilities(net, predict(net, weights, inputs)))
    return float(np.mean(predicted == predicted_classes(np.asarray(targets))))
