"""The decision map and the units' pictures, worked out off the GUI thread at a bounded rate.

:class:`UnitMaps` follows the studio model: for the newest snapshot it asks
the model's executor (the background thread, in the studio) for the
outputs of every node over the input plane (:mod:`bpstudio.engine.input_plane`)
and paints them (:mod:`.map_colours`); a second, cheaper job finds the
saturated and dead units on the training samples
(:mod:`bpstudio.engine.unit_health`).  At most one job of each kind is on
its way at a time, and nothing is asked twice for the same snapshot, plane
and colours: the studio's feed calls :meth:`UnitMaps.request` at most 15
times a second while updates come, so a slow machine gets fewer frames
instead of a queue.

No Qt: the studio's adapter (``bpstudio/qt/diagram/unit_map_feed.py``) turns the
events into signals; tests use the model's synchronous executor.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import numpy as np

from bpstudio.control.model.map_colours import MapPalette, class_map, diverging
from bpstudio.control.model.observer import Event, Executor
from bpstudio.engine.activations import get_activation
from bpstudio.engine.classes import as_probabilities, predicted_classes
from bpstudio.engine.data import Dataset, Problem
from bpstudio.engine.graph import OUT, Node, Y
from bpstudio.engine.input_plane import InputPlane, grid_outputs, plane_coordinates_of, plane_for
from bpstudio.engine.snapshot import Snapshot
from bpstudio.engine.unit_health import UnitHealth, unit_health

if TYPE_CHECKING:
    from bpstudio.control.model.studio_model import StudioModel

CLASSES = "classes"  # the key of the picture of the winning class
TILE_STEP = 2  # the diagram's pictures use every 2nd grid point: 50 x 50 is plenty for a node, and 4 x cheaper
MAX_POINTS = 2000  # samples drawn per set at most (a big CSV file would bury the map and stall the GUI)
SLICE_BAND = 0.1  # a slice shows the samples whose held inputs lie this share of their span from it


@dataclass(frozen=True, eq=False)
class MapFrame:
    """Every picture of one snapshot over one plane.

    ``images`` maps the picture asked for large — :data:`CLASSES`, an
    output's name (``y[1]``) or a hidden unit's (``O1[0]``) — to RGBA bytes
    ``(rows, cols, 4)`` over the whole grid, row 0 at the plane's lowest y;
    ``tiles`` holds every hidden unit's picture from every
    :data:`TILE_STEP`-th grid point (what the diagram's small nodes show);
    ``ranges`` gives each value picture's (low, middle, high).
    """

    iteration: int
    problem: Problem
    plane: InputPlane
    images: Mapping[str, np.ndarray]
    tiles: Mapping[str, np.ndarray]
    ranges: Mapping[str, tuple[float, float, float]]


@dataclass(frozen=True, eq=False)
class MapPoints:
    """The samples drawn on the map: where they lie on the plane and their colour."""

    train: np.ndarray  # (n, 2)
    train_colours: np.ndarray  # (n, 4) bytes
    test: np.ndarray
    test_colours: np.ndarray


def is_classification(problem: Problem) -> bool:
    return bool(problem.dataset.classes)


def default_picture(problem: Problem) -> str:
    """What the big map shows first: the classes, or the (first) output's value."""
    return CLASSES if is_classification(problem) else Node(Y, 0, 0).name


def output_ranges(problem: Problem) -> list[tuple[float, float, float]]:
    """Fixed colour ranges of regression outputs: ±max |target| of the data, so map and points agree."""
    targets = problem.all_data.targets
    ranges = []
    for k in range(targets.shape[1]):
        m = float(np.max(np.abs(targets[:, k]))) if targets.size else 1.0
        m = m if np.isfinite(m) and m > 0 else 1.0
        ranges.append((-m, 0.0, m))
    return ranges


def hidden_range(activation: str, values: np.ndarray) -> tuple[float, float, float]:
    """A unit's colour range: its activation record's (tanh −1..1, sigmoid 0..1), else what the grid spans.

    An open end (None in the record) is the largest value the grid reaches: from 0 for a
    range that starts at 0 (relu), symmetric about the middle otherwise.
    """
    span = get_activation(activation).value_range
    if span.low is not None and span.high is not None:
        return (span.low, span.middle, span.high)
    finite = values[np.isfinite(values)]
    if span.low is not None:
        top = float(np.max(finite)) if finite.size else span.low
        return (span.low, span.middle, top if top > span.low else span.low + 1.0)
    m = float(np.max(np.abs(finite))) if finite.size else 0.0
    return (-m if m > 0 else -1.0, span.middle, m if m > 0 else 1.0)


def class_probabilities(problem: Problem, outputs: np.ndarray) -> np.ndarray:
    """``(classes, rows, cols)``: softmax outputs as they are, one sigmoid column as (1 − p, p),
    linear scores clipped to 0..1."""
    net = problem.network
    if outputs.shape[0] == 1:
        p = np.clip(as_probabilities(net, outputs[0]), 0.0, 1.0)  # a tanh output (Playground's ±1) as (o + 1) / 2
        return np.stack((1.0 - p, p))
    if net.activation(net.n_layers - 1).coupled:  # softmax: already probabilities
        return outputs
    clipped: np.ndarray = np.clip(outputs, 0.0, 1.0)
    return clipped


def map_frame(
    problem: Problem, iteration: int, weights: np.ndarray, plane: InputPlane, palette: MapPalette, large: str | None = None
) -> MapFrame:
    """Compute and paint every hidden unit's small picture and the one shown large (``large``).

    ``large``: :data:`CLASSES`, an output (``y[1]``) or a hidden unit
    (``O1[0]``), painted over the whole grid; None paints the run's default
    picture.  Only that one is painted large: on a busy machine every NumPy
    call of this thread waits for the GIL again, so a frame is as quick as
    it has few of them.  Tens of ms: run it off the GUI thread.
    """
    net = problem.network
    large = large or default_picture(problem)
    with np.errstate(over="ignore", invalid="ignore"):
        layers = grid_outputs(net, weights, plane)
    images: dict[str, np.ndarray] = {}
    tiles: dict[str, np.ndarray] = {}
    ranges: dict[str, tuple[float, float, float]] = {}
    for layer, values in enumerate(layers[:-1], start=1):
        activation = net.activation(layer - 1).name
        fixed = get_activation(activation).value_range.fixed  # one range for the whole layer: painted in one pass
        few = values[:, ::TILE_STEP, ::TILE_STEP]
        painted = diverging(few, *hidden_range(activation, few), palette) if fixed else None
        for j, unit in enumerate(values):
            name = Node(OUT, layer, j).name
            ranges[name] = hidden_range(activation, unit)
            tiles[name] = painted[j] if painted is not None else diverging(few[j], *ranges[name], palette)
            if name == large:
                images[name] = diverging(unit, *ranges[name], palette)
    outputs = layers[-1]
    if is_classification(problem):
        one_column = outputs.shape[0] == 1
        for k in range(outputs.shape[0]):
            ranges[Node(Y, 0, k).name] = (0.0, 0.5, 1.0) if one_column else (0.0, 0.0, 1.0)
            if net.output_activation == "tanh":
                ranges[Node(Y, 0, k).name] = (-1.0, 0.0, 1.0)  # Playground's output, labels ±1
        if large == CLASSES or (one_column and large == Node(Y, 0, 0).name):  # one sigmoid: the two classes
            images[large] = class_map(class_probabilities(problem, outputs), palette)
        elif large.startswith("y["):
            k = int(large[2:-1])
            p = class_probabilities(problem, outputs)[k]
            images[large] = class_map(np.stack((1.0 - p, p)), _two_colours(palette, k))
    else:
        for k, (values, span) in enumerate(zip(outputs, output_ranges(problem), strict=True)):
            name = Node(Y, 0, k).name
            ranges[name] = span
            if name == large:
                images[name] = diverging(values, *span, palette)
    for image in (*images.values(), *tiles.values()):
        image.flags.writeable = False
    return MapFrame(iteration, problem, plane, MappingProxyType(images), MappingProxyType(tiles), MappingProxyType(ranges))


def _two_colours(palette: MapPalette, k: int) -> MapPalette:
    """A palette whose class 1 is class k (one output's probability: background to its class colour)."""
    return MapPalette(palette.background, palette.negative, palette.positive, (palette.background, palette.class_colour(k)))


def map_points(problem: Problem, plane: InputPlane, palette: MapPalette, picture: str) -> MapPoints:
    """Training and test samples on the plane, coloured by class (or by the shown output's target).

    On a slice only the samples near it are kept (held inputs within
    :data:`SLICE_BAND` of their span); the others lie elsewhere in the input space.
    Of more than :data:`MAX_POINTS`, evenly spaced ones are drawn.
    """
    ranges = None if is_classification(problem) else output_ranges(problem)
    column = _output_index(picture)

    def part(data: Dataset | None) -> tuple[np.ndarray, np.ndarray]:
        if data is None:
            return np.zeros((0, 2)), np.zeros((0, 4), dtype=np.uint8)
        xy = plane_coordinates_of(data, plane)
        if ranges is None:
            labels = predicted_classes(data.targets)
            colours = np.asarray([(*palette.class_colour(c), 255) for c in labels], dtype=np.uint8).reshape(-1, 4)
        else:
            k: int = min(column, data.targets.shape[1] - 1)  # (NumPy types a shape as Any)
            colours = diverging(data.targets[:, k], *ranges[k], palette, tint=1.0)
        keep = np.flatnonzero(_near_slice(data, plane))
        if len(keep) > MAX_POINTS:  # every k-th: the picture stays readable and quick to draw
            keep = keep[np.linspace(0, len(keep) - 1, MAX_POINTS).astype(int)]
        return xy[keep], colours[keep]

    train, train_colours = part(problem.dataset)
    test, test_colours = part(problem.test)
    return MapPoints(train, train_colours, test, test_colours)


def _output_index(picture: str) -> int:
    if picture.startswith("y["):
        return int(picture[2:-1])
    return 0


def _near_slice(data: Dataset, plane: InputPlane) -> np.ndarray:
    keep = np.ones(data.n_samples, dtype=bool)
    if plane.features:
        return keep
    for axis in plane.held_axes:
        low, high = plane.spans[axis]
        keep &= np.abs(data.inputs[:, axis] - plane.held[axis]) <= SLICE_BAND * max(high - low, 1e-12)
    return keep


_HealthKey = tuple[Problem, Snapshot]
_MapKey = tuple[Problem, Snapshot, InputPlane | None, MapPalette, str | None]  # plane, palette, picture shown large


class UnitMaps:
    """The model's pictures over the input plane and its units' health, asked for at most once per snapshot.

    Events (on the model's thread): ``plane_changed(plane or None)`` — a new
    run or another plane; ``frame_ready(MapFrame)``; ``health_ready(UnitHealth)``;
    ``answered()`` after every job.
    """

    def __init__(self, model: StudioModel, palette: MapPalette | None = None, executor: Executor | None = None) -> None:
        self.model = model
        self.executor = executor or model.executor  # the studio gives the pictures a thread of their own
        self.palette = palette or MapPalette()
        self.plane: InputPlane | None = None
        self.large: str | None = None  # the picture shown large (None: the run's default)
        self._plane_of: Problem | None = None  # the run the plane was made for
        self.maps_wanted = True  # the grid is computed only while something shows it
        self.frame: MapFrame | None = None
        self.health: UnitHealth | None = None
        self._asked: dict[str, tuple[object, ...] | None] = {"map": None, "health": None}
        self._busy = False
        self.plane_changed = Event("plane_changed")
        self.answered = Event("answered")  # a job came back (whatever it brought)
        self.frame_ready = Event("frame_ready")
        self.health_ready = Event("health_ready")
        model.problem_changed.connect(self._new_problem)
        if model.problem is not None:
            self._new_problem(model.problem)

    # -- settings --------------------------------------------------------------------------------------
    def _new_problem(self, problem: Problem) -> None:
        self.plane, self._plane_of = plane_for(problem.all_data), problem
        self.frame, self.health = None, None
        self.plane_changed.emit(self.plane)

    def plane_of_current_run(self) -> InputPlane | None:
        """The plane, if it is already the model's current run's (a view built mid-change waits for the next)."""
        return self.plane if self._plane_of is self.model.problem else None

    def set_axes(self, x_axis: int, y_axis: int) -> None:
        """Sweep two other inputs (a slice of the article's r, g, b)."""
        if self.plane is not None and (x_axis, y_axis) != (self.plane.x_axis, self.plane.y_axis):
            self.plane = self.plane.with_axes(x_axis, y_axis)
            self.plane_changed.emit(self.plane)

    def set_held(self, axis: int, value: float) -> None:
        """Move the slice: the value a held input takes."""
        if self.plane is not None and self.plane.held[axis] != float(value):
            self.plane = self.plane.with_held(axis, value)
            self.plane_changed.emit(self.plane)

    def set_large(self, name: str | None) -> None:
        """The picture shown large (the classes, an output, a hidden unit): the only one painted over the whole grid."""
        self.large = name or None

    def set_palette(self, palette: MapPalette) -> None:
        self.palette = palette

    def set_maps_wanted(self, wanted: bool) -> None:
        self.maps_wanted = bool(wanted)

    # -- jobs ------------------------------------------------------------------------------------------------
    def request(self) -> bool:
        """Ask for what is out of date, unless a job is on its way already; True when one was sent.

        One job per request, on the executor: the units' health for a new
        snapshot and, while a view wants it, the map — one hop to the
        background thread and back, however much is asked.
        """
        if self._busy:
            return False
        needs = self._needs()
        if needs is None:
            return False
        problem, snapshot, health_key, map_key = needs
        weights, iteration = snapshot.weights, snapshot.iteration
        plane, palette, large = (map_key[2], map_key[3], map_key[4]) if map_key else (None, None, None)
        if health_key:
            self._asked["health"] = health_key
        if map_key:
            self._asked["map"] = map_key

        def work() -> Any:
            try:
                health = unit_health(problem.network, weights, problem.dataset.inputs_aug) if health_key else None
                frame = (
                    map_frame(problem, iteration, weights, plane, palette, large) if plane is not None and palette is not None else None
                )  # (both are set with map_key)
                return health, frame
            except Exception as err:  # noqa: BLE001 - a failed picture must not block the next ones
                return _Failed(err)

        def done(result: Any) -> None:
            self._busy = False
            if not isinstance(result, _Failed) and problem is self.model.problem:
                health, frame = result
                if health is not None:
                    self.health = health
                    self.health_ready.emit(health)
                if frame is not None and frame.plane == self.plane:  # else the plane moved: painted next time
                    self.frame = frame
                    self.frame_ready.emit(frame)
            self.answered.emit()

        self._busy = True
        self.executor.submit("unit_maps", work, done)
        return True

    def out_of_date(self) -> bool:
        """Something shown belongs to an older snapshot, plane or choice (a request would send a job)."""
        return self._needs() is not None

    def _needs(self) -> tuple[Problem, Snapshot, _HealthKey | None, _MapKey | None] | None:
        model = self.model
        problem, snapshot = model.problem, model.snapshot
        if problem is None or snapshot is None or snapshot.weights.size != problem.network.n_params:
            return None
        health: _HealthKey = (problem, snapshot)
        health_key = None if _same(self._asked["health"], health) else health
        picture: _MapKey = (problem, snapshot, self.plane, self.palette, self.large)
        map_key = (
            None
            if (not self.maps_wanted or self.plane is None or self._plane_of is not problem or _same(self._asked["map"], picture))
            else picture
        )  # (a view may ask before the new run's plane is made)
        if health_key is None and map_key is None:
            return None
        return problem, snapshot, health_key, map_key


@dataclass(frozen=True)
class _Failed:
    """A job that raised: dropped quietly (the next snapshot asks again)."""

    error: Exception


def _same(asked: tuple[object, ...] | None, key: tuple[object, ...]) -> bool:
    """The same objects (problem, snapshot: by identity) and the same plane and palette (by value)."""
    if asked is None or len(asked) != len(key):
        return False
    return all(a is b for a, b in zip(asked[:2], key[:2], strict=True)) and asked[2:] == key[2:]
