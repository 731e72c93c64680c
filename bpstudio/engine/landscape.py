"""The loss along one weight and across two: what a derivative *is*, on the real network.

A slice is ``J(w + t)`` as one parameter moves by ``t`` and every other weight
stays where it is; its slope at ``t = 0`` is the gradient the inspector
prints, its bend the curvature.  On it sit the two places the next iteration
could send the weight: the chosen optimizer's step (Adam's is not the
gradient's) and a plain gradient step ``-alpha * g``.  A map is ``J`` over a
plane through the current point, spanned by two parameters or by two random
filter-normalised directions (Li et al., 2018), with the run's path projected
on it.

Everything is read from an immutable :class:`~.snapshot.Snapshot`, so a
background thread can compute while training goes on; the optimizer's next
step is previewed on a fresh optimizer loaded with the snapshot's state, never
on the live one.  The work is split into chunks (:meth:`LandscapeTask.steps`)
so that a caller can report progress and stop between two of them.

The curve is the whole set's JVal, so its tangent, the plain gradient step and
the map's slopes use the whole set's gradient (:func:`whole_set_gradient`).
With mini-batches the snapshot's gradient is one batch's: that one moves the
optimizer's step and is kept beside it as ``step_gradient``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import numpy as np
from numpy.typing import ArrayLike

from bpstudio.engine.data import Dataset
from bpstudio.engine.directions import filter_normalised_directions, project_onto_plane, unit_direction
from bpstudio.engine.network import Network
from bpstudio.engine.optimizers import make_optimizer
from bpstudio.engine.plane import PlaneEvaluator
from bpstudio.engine.propagation import jval_and_gradient
from bpstudio.engine.snapshot import Snapshot, frozen_array

SLICE_POINTS = 101
MAP_POINTS = 41
RANDOM_SPAN = 1.0  # filter-normalised directions: one unit moves each unit's weights by their own norm


def offset_grid(span: float, points: int) -> np.ndarray:
    """``points`` offsets from ``-span`` to ``span``; with an odd count the middle is exactly 0."""
    if not (np.isfinite(span) and span > 0):
        raise ValueError("the span must be a number greater than 0")
    if points < 3:
        raise ValueError("at least 3 points are needed")
    offsets = np.linspace(-span, span, points)
    if points % 2:
        offsets[points // 2] = 0.0
    return offsets


def next_weights(snapshot: Snapshot) -> np.ndarray:
    """Where the snapshot's optimizer would move the weights next, leaving every state untouched.

    A fresh optimizer of the same kind is loaded with a copy of the snapshot's
    moments and stepped once: the live optimizer, which another thread may be
    stepping, is never touched.
    """
    optimizer = make_optimizer(snapshot.optimizer, **snapshot.hyper)
    optimizer.reset(snapshot.weights.size)
    if snapshot.optimizer_state:
        optimizer.load_state(dict(snapshot.optimizer_state))
    with np.errstate(over="ignore", invalid="ignore"):  # the step after a divergence may overflow, as the run's did
        return optimizer.step(np.array(snapshot.weights), np.array(snapshot.gradient), snapshot.iteration + 1)


def whole_set_gradient(net: Network, dataset: Dataset, weights: np.ndarray) -> np.ndarray:
    """dJVal/dw over the whole data set: the slope of the curve that is drawn.

    With mini-batches a snapshot's gradient is the batch's (what the optimizer
    steps on), which is not the slope of the whole set's JVal.
    """
    with np.errstate(over="ignore", invalid="ignore"):
        return jval_and_gradient(net, np.asarray(weights, dtype=float), dataset.inputs_aug, dataset.targets_t)[1]


def weight_scale(net: Network, weights: np.ndarray, param: int) -> float:
    """The size of a weight: its own, or its layer's root mean square if larger.

    Moving a weight by the typical size of its neighbours changes the network
    visibly, so this is the widest window worth a first look.
    """
    layer, _, _ = net.param_location(param)
    matrix = net.layers(np.asarray(weights, dtype=float))[layer]
    return max(abs(float(weights[param])), float(np.sqrt(np.mean(matrix * matrix))), 1e-3)


def default_span(
    scale: float,
    gradient: float = 0.0,
    curvature: float = 0.0,
    jval: float = 0.0,
    steps: Sequence[float] = (),
    recent_offsets: ArrayLike = (),
    gradient_step: float = 0.0,
) -> float:
    """A half-width for a window along one weight that shows something worth seeing.

    Where JVal bends upwards, the local parabola sets the scale: twice the
    distance to its bottom (``|g| / c``), or the distance over which it climbs
    by 1 % of JVal, whichever is larger — so the bottom and the bend are both
    in view — but never wider than the weight's ``scale``.  Where it is flat
    or bends down, the weight's scale.  The window then widens to hold the
    optimizer's next step (``steps``) and the weight's recent values
    (``recent_offsets``, as offsets from now), and a plain gradient step, capped
    at four times the base so that a huge gradient step does not flatten the
    picture into one line.
    """
    base = scale
    if curvature > 0:
        local = max(2 * abs(gradient) / curvature, float(np.sqrt(0.02 * abs(jval) / curvature)))
        base = min(scale, max(local, 1e-3 * scale))
    span = base
    for step in steps:
        span = max(span, 1.25 * abs(float(step)))
    recent = np.asarray(recent_offsets, dtype=float)
    if recent.size:
        span = max(span, 1.1 * float(np.max(np.abs(recent))))
    return max(span, min(1.25 * abs(float(gradient_step)), 4 * base))


@dataclass(frozen=True, eq=False)
class WeightSlice:
    """JVal along one parameter, everything else held, with what the next step would do."""

    param: int
    name: str
    weight: float  # the parameter's current value; the slice is at weight + offsets
    offsets: np.ndarray
    jval: np.ndarray  # J(weight + offsets)
    jval_at_point: float  # JVal of the snapshot
    gradient: float  # dJ/dw of the whole set's JVal by backprop: the tangent's slope
    curvature: float  # d2J/dw2, a central difference of the backprop gradient
    optimizer: str
    optimizer_offset: float  # the optimizer's next step for this weight
    optimizer_jval: float  # J there, the other weights held
    gradient_step_offset: float  # a plain gradient step, -alpha * dJ/dw
    gradient_step_jval: float
    step_gradient: float  # the gradient the optimizer's step used: a mini-batch's, or the whole set's

    def tangent(self, offsets: np.ndarray | float) -> np.ndarray:
        """The tangent line ``JVal + gradient * t``: what the derivative predicts (one offset: a 0-d array)."""
        return self.jval_at_point + self.gradient * np.asarray(offsets, dtype=float)


@dataclass(frozen=True, eq=False)
class LandscapeMap:
    """JVal over a plane through the current point, ``jval[i, j]`` at ``offsets1[i], offsets2[j]``."""

    names: tuple[str, str]  # two parameter names, or ("d1", "d2") for random directions
    params: tuple[int, int] | None  # the two parameters, None for random directions
    directions: np.ndarray  # (2, n_params): the plane is weights + a * d1 + b * d2
    centre: np.ndarray  # (2,): the two parameters' current values (zeros for random directions)
    offsets1: np.ndarray
    offsets2: np.ndarray
    jval: np.ndarray
    jval_at_point: float
    gradient: np.ndarray  # (g . d1, g . d2) of the whole set's JVal: the partials, or the directional derivatives
    trajectory: np.ndarray  # (points, 2): the path's projection, ending at (0, 0)
    optimizer_point: np.ndarray  # (2,): the optimizer's next step, projected


ResultT = TypeVar("ResultT", WeightSlice, LandscapeMap)


class LandscapeTask(ABC, Generic[ResultT]):
    """JVal at many points, computed one chunk per :meth:`steps` iteration.

    ``for done in task.steps(): ...`` lets a caller report ``done / total``
    and stop between chunks; :meth:`result` then builds the answer.
    :meth:`run` does it all at once.
    """

    def __init__(self, evaluator: PlaneEvaluator, coefficients: np.ndarray) -> None:
        self._evaluator = evaluator
        self._coefficients = np.asarray(coefficients, dtype=float)
        self.total = len(self._coefficients)
        self.done = 0
        self._values = np.empty(self.total)

    def steps(self) -> Iterator[int]:
        """Compute the next chunk and yield how many points are done."""
        for start, stop in self._evaluator.chunks(self.total):
            if stop <= self.done:
                continue
            with np.errstate(over="ignore", invalid="ignore"):  # far out JVal may overflow: ∞ is drawn as off the scale
                self._values[start:stop] = self._evaluator.jval_chunk(self._coefficients[start:stop])
            self.done = stop
            yield stop

    @property
    def finished(self) -> bool:
        return self.done == self.total

    def run(self) -> ResultT:
        for _ in self.steps():
            pass
        return self.result()

    @abstractmethod
    def result(self) -> ResultT:
        """The finished slice or map (read-only arrays, safe to hand to another thread)."""

    def _values_or_raise(self) -> np.ndarray:
        if not self.finished:
            raise RuntimeError("the landscape is not computed yet")
        return self._values


class SliceTask(LandscapeTask[WeightSlice]):
    """The slice along one parameter; see :class:`WeightSlice`."""

    def __init__(
        self,
        net: Network,
        dataset: Dataset,
        snapshot: Snapshot,
        param: int,
        span: float | None = None,
        points: int = SLICE_POINTS,
        recent: ArrayLike = (),
    ) -> None:
        self.net, self.snapshot, self.param = net, snapshot, int(param)
        self.name = net.param_name(self.param)
        weights = np.asarray(snapshot.weights, dtype=float)
        self.step_gradient = float(snapshot.gradient[self.param])
        self.gradient = float(whole_set_gradient(net, dataset, weights)[self.param])
        self.optimizer_offset = float(next_weights(snapshot)[self.param] - weights[self.param])
        self.gradient_step_offset = -float(snapshot.hyper.get("alpha", 0.0)) * self.gradient
        self.curvature = second_derivative(net, dataset, weights, unit_direction(net, self.param))
        if span is None:
            span = default_span(
                weight_scale(net, weights, self.param),
                self.gradient,
                self.curvature,
                snapshot.jval,
                (self.optimizer_offset,),
                np.asarray(recent, dtype=float) - weights[self.param],
                self.gradient_step_offset,
            )
        self.offsets = offset_grid(span, points)
        evaluator = PlaneEvaluator(net, weights, unit_direction(net, self.param)[None], dataset.inputs_aug, dataset.targets_t)
        # the two possible next positions ride along in the same batch
        extra = [self.optimizer_offset, self.gradient_step_offset]
        super().__init__(evaluator, np.concatenate([self.offsets, extra])[:, None])

    def result(self) -> WeightSlice:
        values = self._values_or_raise()
        n = self.offsets.size
        return WeightSlice(
            param=self.param,
            name=self.name,
            weight=float(self.snapshot.weights[self.param]),
            offsets=frozen_array(self.offsets),
            jval=frozen_array(values[:n]),
            jval_at_point=self.snapshot.jval,
            gradient=self.gradient,
            curvature=self.curvature,
            optimizer=self.snapshot.optimizer,
            optimizer_offset=self.optimizer_offset,
            optimizer_jval=float(values[n]),
            gradient_step_offset=self.gradient_step_offset,
            gradient_step_jval=float(values[n + 1]),
            step_gradient=self.step_gradient,
        )


class MapTask(LandscapeTask[LandscapeMap]):
    """The map across two parameters or two random directions; see :class:`LandscapeMap`.

    ``params=(p, q)`` spans the plane by the two parameters; ``params=None``
    by two filter-normalised random directions drawn with ``seed``.
    ``path`` holds earlier weight vectors of the run (history or kept
    snapshots), projected onto the plane as the trajectory.
    """

    def __init__(
        self,
        net: Network,
        dataset: Dataset,
        snapshot: Snapshot,
        params: tuple[int, int] | None = None,
        span: float | tuple[float, float] | None = None,
        points: int = MAP_POINTS,
        path: np.ndarray | None = None,
        seed: int = 0,
    ) -> None:
        self.net, self.snapshot = net, snapshot
        weights = np.asarray(snapshot.weights, dtype=float)
        if params is not None:
            p, q = (int(i) for i in params)
            if p == q:
                raise ValueError("the two parameters of a map must differ")
            self.params: tuple[int, int] | None = (p, q)
            self.names = (net.param_name(p), net.param_name(q))
            self.directions = np.stack([unit_direction(net, p), unit_direction(net, q)])
        else:
            self.params = None
            self.names = ("d1", "d2")
            self.directions = filter_normalised_directions(net, weights, 2, np.random.default_rng(seed))
        path = np.empty((0, weights.size)) if path is None else np.atleast_2d(np.asarray(path, dtype=float))
        self.trajectory = np.vstack([project_onto_plane(path, weights, self.directions), [[0.0, 0.0]]])
        self.optimizer_point = project_onto_plane(next_weights(snapshot)[None], weights, self.directions)[0]
        self.gradient = self.directions @ whole_set_gradient(net, dataset, weights)
        spans = self._spans(span, weights, dataset)
        self.offsets1, self.offsets2 = (offset_grid(s, points) for s in spans)
        grid = np.stack(np.meshgrid(self.offsets1, self.offsets2, indexing="ij"), axis=-1)
        evaluator = PlaneEvaluator(net, weights, self.directions, dataset.inputs_aug, dataset.targets_t)
        super().__init__(evaluator, grid.reshape(-1, 2))

    def _spans(self, span: float | tuple[float, float] | None, weights: np.ndarray, dataset: Dataset) -> tuple[float, float]:
        if span is not None:
            if isinstance(span, tuple):
                return float(span[0]), float(span[1])
            return float(span), float(span)
        reach = np.max(np.abs(self.trajectory), axis=0)
        if self.params is None:
            first, second = (max(RANDOM_SPAN, 1.1 * float(r)) for r in reach)
            return first, second
        first, second = (
            default_span(
                weight_scale(self.net, weights, p),
                gradient,
                second_derivative(self.net, dataset, weights, direction),
                self.snapshot.jval,
                (step,),
                self.trajectory[:, k],
            )
            for k, (p, gradient, direction, step) in enumerate(
                zip(self.params, self.gradient, self.directions, self.optimizer_point, strict=True)
            )
        )
        return first, second

    def result(self) -> LandscapeMap:
        values = self._values_or_raise().reshape(self.offsets1.size, self.offsets2.size)
        return LandscapeMap(
            names=self.names,
            params=self.params,
            directions=frozen_array(self.directions),
            centre=frozen_array(np.zeros(2) if self.params is None else np.asarray(self.snapshot.weights)[list(self.params)]),
            offsets1=frozen_array(self.offsets1),
            offsets2=frozen_array(self.offsets2),
            jval=frozen_array(values),
            jval_at_point=self.snapshot.jval,
            gradient=frozen_array(self.gradient),
            trajectory=frozen_array(self.trajectory),
            optimizer_point=frozen_array(self.optimizer_point),
        )


def second_derivative(net: Network, dataset: Dataset, weights: np.ndarray, direction: np.ndarray) -> float:
    """``d2J/dt2`` of ``J(weights + t * direction)`` at 0.

    A central difference of the backprop directional derivative: its rounding
    error is ``eps * |g| / h`` rather than the ``eps * J / h**2`` of three JVal
    values, which matters when JVal is in the thousands, as the article's is.
    """
    h = 1e-5 * max(1.0, float(np.max(np.abs(weights))))
    slopes = []
    with np.errstate(over="ignore", invalid="ignore"):  # at a diverged point: ∞ or NaN, not a console warning
        for sign in (1.0, -1.0):
            _, grad = jval_and_gradient(net, weights + sign * h * direction, dataset.inputs_aug, dataset.targets_t)
            slopes.append(float(grad @ direction))
        return (slopes[0] - slopes[1]) / (2 * h)


def weight_slice(net: Network, dataset: Dataset, snapshot: Snapshot, param: int, **options: Any) -> WeightSlice:
    """The slice at once (no progress); options as :class:`SliceTask`."""
    return SliceTask(net, dataset, snapshot, param, **options).run()


def landscape_map(net: Network, dataset: Dataset, snapshot: Snapshot, **options: Any) -> LandscapeMap:
    """The map at once (no progress); options as :class:`MapTask`."""
    return MapTask(net, dataset, snapshot, **options).run()
