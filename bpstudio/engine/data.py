"""Data sets and start points, including the article's exact random stream.

The article calls ``numpy.random.seed(1)``, draws r, g and b as separate
``(n, 1)`` columns, and only then draws the start weights from the same
stream.  :func:`article_problem` reproduces that order with a legacy
``RandomState`` so that our run starts exactly where the article's starts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from bpstudio.engine.network import Network

ARTICLE_INPUTS = ("r", "g", "b")
ARTICLE_TARGETS = ("x", "y", "lv")
INITS = ("uniform", "zeros")


@dataclass(frozen=True, eq=False)
class Dataset:
    """Inputs and targets as ``(samples, features)`` tables, with column names."""

    inputs: np.ndarray
    targets: np.ndarray
    input_names: tuple[str, ...] = ARTICLE_INPUTS
    target_names: tuple[str, ...] = ARTICLE_TARGETS
    # The class labels, in output order, when the targets encode classes
    # (see .classes); empty for regression.
    classes: tuple[str, ...] = ()
    # For a 2-D data set, each sample's point (x1, x2) before it became
    # features: what a decision map plots.  None for other data.
    points: np.ndarray | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        inputs = np.array(self.inputs, dtype=float, ndmin=2)
        targets = np.array(self.targets, dtype=float, ndmin=2)
        if inputs.shape[0] != targets.shape[0]:
            raise ValueError("inputs and targets must have the same number of rows")
        if inputs.shape[0] < 1:
            raise ValueError("a data set needs at least one sample")
        if len(self.input_names) != inputs.shape[1] or len(self.target_names) != targets.shape[1]:
            raise ValueError("one name per input and target column is needed")
        inputs.flags.writeable = False
        targets.flags.writeable = False
        object.__setattr__(self, "classes", tuple(self.classes))
        if self.points is not None:
            points = np.array(self.points, dtype=float)
            if points.shape != (inputs.shape[0], 2):
                raise ValueError("points must hold one (x1, x2) row per sample")
            points.flags.writeable = False
            object.__setattr__(self, "points", points)
        object.__setattr__(self, "inputs", inputs)
        object.__setattr__(self, "targets", targets)

    @property
    def n_samples(self) -> int:
        return int(self.inputs.shape[0])

    @cached_property
    def inputs_aug(self) -> np.ndarray:
        """``O~(0)``: feature-major inputs with the bias row of ones, made once."""
        from bpstudio.engine.propagation import augmented_inputs

        out = augmented_inputs(self.inputs)
        out.flags.writeable = False
        return out

    @cached_property
    def targets_t(self) -> np.ndarray:
        """Feature-major targets, matching the network's output layout."""
        out = np.ascontiguousarray(self.targets.T)
        out.flags.writeable = False
        return out

    def __repr__(self) -> str:
        return f"Dataset({self.n_samples} samples, inputs={','.join(self.input_names)}, targets={','.join(self.target_names)})"


def article_targets(r: np.ndarray, g: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``x = r+2g+3b``, ``y = r^2+2g^2+3b^2``, ``lv = -3r-4g-5b``, as the article writes them."""
    x = r + 2 * g + 3 * b
    y = r**2 + 2 * g**2 + 3 * b**2
    lv = -3 * r - 4 * g - 5 * b
    return np.hstack((x, y, lv))


def draw_article_data(rng: np.random.RandomState, n: int) -> Dataset:
    """The article's ``getData(n)``: r, g, b ~ U(-1, 1), drawn column by column."""
    if n < 1:
        raise ValueError("the number of samples must be at least 1")
    r = rng.uniform(-1, 1, (n, 1))
    g = rng.uniform(-1, 1, (n, 1))
    b = rng.uniform(-1, 1, (n, 1))
    return Dataset(np.hstack((r, g, b)), article_targets(r, g, b))


def start_weights(net: Network, rng: np.random.RandomState, init: str = "uniform") -> np.ndarray:
    """The flat start vector: U(-1, 1) over all parameters (the article's ``init_seed``) or zeros.

    The article warns that all-zero weights are a poor start for a non-convex
    problem; ``zeros`` exists so a class can see why (every hidden unit then
    receives the same gradient and they never tell themselves apart).
    """
    if init == "uniform":
        return rng.uniform(-1, 1, (net.n_params, 1))[:, 0].copy()
    if init == "zeros":
        return np.zeros(net.n_params)
    raise ValueError(f"unknown init {init!r} (choose from {', '.join(INITS)})")


@dataclass(frozen=True, eq=False)
class Problem:
    """A network, its data and the start point: everything a run starts from."""

    network: Network
    dataset: Dataset  # what training sees
    start: np.ndarray = field(repr=False)
    test: Dataset | None = None  # held out: only measured, never trained on
    source: Dataset | None = field(default=None, repr=False)  # all samples, before a split

    @property
    def all_data(self) -> Dataset:
        """Every sample, as read or drawn (what a session file must keep)."""
        return self.source if self.source is not None else self.dataset

    def __post_init__(self) -> None:
        start = np.array(self.start, dtype=float).reshape(-1)
        if start.size != self.network.n_params:
            raise ValueError("the start point does not fit the network")
        if self.dataset.inputs.shape[1] != self.network.sizes[0]:
            raise ValueError("the data's inputs do not fit the network's input layer")
        if self.dataset.targets.shape[1] != self.network.sizes[-1]:
            raise ValueError("the data's targets do not fit the network's output layer")
        start.flags.writeable = False
        object.__setattr__(self, "start", start)


def split_dataset(data: Dataset, fraction: float, seed: int) -> tuple[Dataset, Dataset]:
    """Hold out ``fraction`` of the samples as a test set, chosen at random.

    The choice uses its own random stream, so the training data and start
    point stay exactly those of the unsplit run's stream.
    """
    n = data.n_samples
    n_test = int(round(n * fraction))
    if not 1 <= n_test <= n - 1:
        raise ValueError(f"a test fraction of {fraction:g} leaves no samples on one side of {n}")
    order = np.random.RandomState((seed + 7919) % 2**32).permutation(n)
    test, train = np.sort(order[:n_test]), np.sort(order[n_test:])

    def part(rows: np.ndarray) -> Dataset:
        return Dataset(
            data.inputs[rows],
            data.targets[rows],
            data.input_names,
            data.target_names,
            data.classes,
            None if data.points is None else data.points[rows],
        )

    return part(train), part(test)


def article_problem(
    samples: int = 1000,
    seed: int = 1,
    hidden: tuple[int, ...] = (5,),
    activation: str = "tanh",
    init: str = "uniform",
) -> Problem:
    """The article's experiment (defaults) or a variation of it on the same data recipe."""
    net = Network((len(ARTICLE_INPUTS), *hidden, len(ARTICLE_TARGETS)), activation)
    rng = np.random.RandomState(seed)
    data = draw_article_data(rng, samples)
    return Problem(net, data, start_weights(net, rng, init))
