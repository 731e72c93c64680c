"""What the network computes over a plane of its inputs: the decision map and what each unit sees.

TensorFlow Playground's signature view colours the input plane by the
network's output and every hidden unit by its own output, so a class sees
how the units' simple pictures add up to the border between classes.  This
module computes those pictures: the outputs of *every* node for a grid of
inputs, in one vectorised forward pass (the same :func:`propagation.forward`
that trains the net).

A plane has two swept coordinates and holds the others:

* for Playground's 2-D data sets the coordinates are the points (x1, x2) and
  the network sees them through the chosen features (x1², sin x1, ...), so
  the grid is turned into features before the forward pass;
* for any other data with two or more inputs (the article's r, g, b; a CSV
  table) the coordinates are the inputs themselves: two are swept and the
  rest held at a value (a *slice* of the input space, its position on a
  slider).

Grids are row-major: ``values[..., row, col]`` is the point with the
``row``-th y value and the ``col``-th x value, y growing with the row.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from bpstudio.engine.data import Dataset
from bpstudio.engine.features import feature_table
from bpstudio.engine.network import Network
from bpstudio.engine.propagation import augmented_inputs

RESOLUTION = 100
PADDING = 0.1  # share of the data's span added on each side of the plane


@dataclass(frozen=True)
class InputPlane:
    """A plane through the input space, swept by a ``resolution`` × ``resolution`` grid.

    ``held`` gives every coordinate a value; the two swept ones (``x_axis``
    and ``y_axis``) are replaced by the grid.  With ``features`` the
    coordinates are the 2-D points of a Playground data set and the network's
    inputs are those features of them; without, the coordinates are the
    network's inputs.
    """

    x_axis: int
    y_axis: int
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    held: tuple[float, ...]
    names: tuple[str, ...]  # one per coordinate: x1, x2 or the data's input names
    spans: tuple[tuple[float, float], ...]  # each coordinate's range in the data (the sliders' ends)
    resolution: int = RESOLUTION
    features: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        n = len(self.held)
        if not (0 <= self.x_axis < n and 0 <= self.y_axis < n) or self.x_axis == self.y_axis:
            raise ValueError("the plane needs two different coordinates")
        if self.resolution < 2:
            raise ValueError("a grid needs at least 2 points a side")
        if len(self.names) != n or len(self.spans) != n:
            raise ValueError("one name and one span per coordinate")

    @property
    def is_slice(self) -> bool:
        """True when coordinates are held (the article's third input on a slider)."""
        return len(self.held) > 2

    @property
    def held_axes(self) -> tuple[int, ...]:
        return tuple(i for i in range(len(self.held)) if i not in (self.x_axis, self.y_axis))

    def with_axes(self, x_axis: int, y_axis: int) -> InputPlane:
        """The plane over two other coordinates, each swept over its span in the data."""
        return replace(self, x_axis=x_axis, y_axis=y_axis, x_range=_padded(*self.spans[x_axis]), y_range=_padded(*self.spans[y_axis]))

    def with_held(self, axis: int, value: float) -> InputPlane:
        held = list(self.held)
        held[axis] = float(value)
        return replace(self, held=tuple(held))

    def axis_values(self) -> tuple[np.ndarray, np.ndarray]:
        """The x values of the grid's columns and the y values of its rows."""
        return (np.linspace(*self.x_range, self.resolution), np.linspace(*self.y_range, self.resolution))

    def coordinates(self) -> np.ndarray:
        """``(resolution², coordinates)``: one row per grid point, row-major (x varies fastest)."""
        xs, ys = self.axis_values()
        gx, gy = np.meshgrid(xs, ys)  # gx[row, col] = xs[col], gy[row, col] = ys[row]
        table = np.tile(np.asarray(self.held, dtype=float), (gx.size, 1))
        table[:, self.x_axis] = gx.ravel()
        table[:, self.y_axis] = gy.ravel()
        return table

    def inputs(self) -> np.ndarray:
        """The network's ``(resolution², inputs)`` table for the grid, features applied."""
        coordinates = self.coordinates()
        return feature_table(coordinates, self.features) if self.features else coordinates


def plane_for(dataset: Dataset, resolution: int = RESOLUTION) -> InputPlane | None:
    """The plane a data set is drawn on, or None when there is none (a single input).

    A Playground data set: its points (x1, x2), the grid seen through its
    features.  Other data: its first two inputs swept, the others held in
    the middle of their range.  The spans come from ``dataset`` — pass every
    sample (training and test) so that both fit in the picture.
    """
    names: tuple[str, ...]
    if dataset.points is not None:
        columns, names, features = dataset.points, ("x1", "x2"), tuple(dataset.input_names)
    elif dataset.inputs.shape[1] >= 2:
        columns, names, features = dataset.inputs, tuple(dataset.input_names), ()
    else:
        return None
    low, high = np.min(columns, axis=0), np.max(columns, axis=0)
    spans = tuple((float(a), float(b)) for a, b in zip(low, high, strict=True))
    held = tuple(0.5 * (a + b) for a, b in spans)
    return InputPlane(0, 1, _padded(*spans[0]), _padded(*spans[1]), held, names, spans, resolution, features)


def _padded(low: float, high: float) -> tuple[float, float]:
    span = high - low
    pad = PADDING * span if span > 0 else max(abs(low), 1.0) * PADDING
    return (low - pad, high + pad)


def plane_coordinates_of(dataset: Dataset, plane: InputPlane) -> np.ndarray:
    """Where each sample of ``dataset`` lies on the plane: ``(samples, 2)`` (x, y)."""
    columns = dataset.points if plane.features else dataset.inputs
    assert columns is not None, "a plane seen through features belongs to a data set with points"
    return np.column_stack((columns[:, plane.x_axis], columns[:, plane.y_axis]))


def grid_outputs(net: Network, weights: np.ndarray, plane: InputPlane) -> list[np.ndarray]:
    """``O^(l)`` of every layer l = 1 .. L over the grid, each ``(units, resolution, resolution)``.

    The last one is the network's output y (after softmax or sigmoid); the
    others are the hidden units' outputs, what each unit "sees".  The links
    and the graph of :func:`propagation.forward` are the same; only the local
    derivatives, which a picture does not need, are left out (they cost as
    much as the pass itself on a 100 × 100 grid).
    """
    inputs = plane.inputs()
    if inputs.shape[1] != net.sizes[0]:
        raise ValueError(f"the plane gives {inputs.shape[1]} inputs, the network takes {net.sizes[0]}")
    n = plane.resolution
    layer_input = augmented_inputs(inputs)
    outputs = []
    for layer, matrix in enumerate(net.layers(np.asarray(weights, dtype=float))):
        augmented = np.empty((matrix.shape[1] + 1, layer_input.shape[1]))
        augmented[-1] = 1.0
        net.activation(layer)(matrix.T @ layer_input, out=augmented[:-1])  # O = f(W~^T O~)
        outputs.append(augmented[:-1].reshape(-1, n, n))
        layer_input = augmented
    return outputs
