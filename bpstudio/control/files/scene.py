"""A scene of a lecture: a saved session and what the studio shows of it.

The session (data, settings, weights, optimizer state, history) is the
session file's own business (:mod:`.session_file`); a scene adds the *view
state*: the chosen parameter, sample and phase, the panel in front,
presentation mode, language, zoom, the landscape and decision-map settings,
a title and the teacher's note.  The view state is a JSON object with its own
``version`` so that the window can add fields later: an older object is
brought up to date by :func:`_migrate` (each step adds what its version
brought, with the old behaviour), a newer one is refused, and every field is
checked, with a sentence saying which one is wrong.

Parameters are kept by the CLI's index name (``W0[2,1]``), not by flat
index, so a scene reads the same to a person editing its JSON as to
``bpstudio chain --param``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any, TypeGuard

import numpy as np

from bpstudio.control.files.session_file import SavedSession
from bpstudio.control.model.finished_runs import FinishedRun
from bpstudio.control.runtime.redo_branch import RedoBranch
from bpstudio.control.runtime.session import TrainingSession
from bpstudio.engine.budget import BudgetError, check_chain_budget
from bpstudio.engine.chain import InfluenceChain
from bpstudio.engine.chain_board import Block, board
from bpstudio.engine.data import Problem
from bpstudio.engine.graph import NodeNames
from bpstudio.engine.input_plane import plane_for
from bpstudio.engine.network import Network
from bpstudio.engine.phases import Phase, iteration_phases

VIEW_VERSION = 1
VIEWS = ("diagram", "board", "map", "landscape")
PRESENTATION_SIZES = ("auto", "small", "medium", "large", "huge")  # View ▸ Presentation size
LANGUAGES = ("", "en", "zh_CN")  # "" keeps the studio's language
LANDSCAPE_TABS = ("slice", "map")
LANDSCAPE_MODES = ("param", "random")  # the map's plane: the selected weight and a second, or two random directions
MAP_POINTS_RANGE = (11, 101)  # the landscape map's grid, as its spin box allows
ZOOM_RANGE = (0.1, 10.0)
MAX_TEXT = 20_000  # characters of a title or note: a page of text, not a book
MAX_PHASE = 2 * 64 + 2  # the format's bound; a run walks 2 * layers + 2 phases (6 for the article's)


class SceneError(Exception):
    """A view state that cannot be used; ``str(err)`` is the reason, for the user."""


@dataclass(frozen=True)
class LandscapeView:
    tab: str = "slice"
    span: float | None = None  # the slice's half-width; None: the panel's own
    mode: str = "param"
    second: str | None = None  # the map's second weight, by index name; None: the panel's choice
    points: int = 41


@dataclass(frozen=True)
class DecisionMapView:
    picture: str = ""  # what the big map shows (a node's name or "classes"); "": the run's default
    x_axis: int = 0
    y_axis: int = 1


@dataclass(frozen=True)
class ViewState:
    title: str = ""
    note: str = ""  # plain text, for the teacher
    selected: str | None = None  # the CLI's index name, e.g. W0[2,1]
    sample: int | None = None  # a training sample's index; None: all samples
    phase: int = 0  # 0: no walk; K: phase K of the walk of the next iteration
    view: str = "diagram"
    presentation: bool = False
    presentation_size: str = "auto"
    language: str = ""
    zoom: float = 1.0
    landscape: LandscapeView = field(default_factory=LandscapeView)
    decision_map: DecisionMapView = field(default_factory=DecisionMapView)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": VIEW_VERSION,
            "title": self.title,
            "note": self.note,
            "selected": self.selected,
            "sample": self.sample,
            "phase": self.phase,
            "view": self.view,
            "presentation": {"on": self.presentation, "size": self.presentation_size},
            "language": self.language,
            "zoom": self.zoom,
            "landscape": {
                "tab": self.landscape.tab,
                "span": self.landscape.span,
                "mode": self.landscape.mode,
                "second": self.landscape.second,
                "points": self.landscape.points,
            },
            "decision_map": {"picture": self.decision_map.picture, "x_axis": self.decision_map.x_axis, "y_axis": self.decision_map.y_axis},
        }

    def with_changes(self, **changes: Any) -> ViewState:
        """A copy with ``changes``, checked as a file's view state is."""
        return view_state_from_json(replace(self, **changes).to_json())


@dataclass(frozen=True, eq=False)
class Scene:
    """One scene as read from a lecture: its session (None when it cannot be rebuilt) and its view state."""

    view: ViewState
    saved: SavedSession | None
    members: tuple[tuple[str, bytes], ...]  # the session's archive members as stored, so a rewrite keeps them
    problem: str | None = None  # why the scene cannot be rebuilt, for the user; None: it can
    runs: tuple[FinishedRun, ...] = ()  # the Runs panel's kept runs (lecture format 2)
    run_members: tuple[tuple[str, bytes], ...] = ()  # and their members as stored (kept_runs)
    branch: RedoBranch | None = None  # where Redo goes from the scene (lecture format 3)
    branch_members: tuple[tuple[str, bytes], ...] = ()  # and its members as stored (redo_members)

    @property
    def selected_index(self) -> int | None:
        if self.saved is None or self.view.selected is None:
            return None
        return index_of(self.network, self.view.selected)

    @property
    def network(self) -> Network:
        assert self.saved is not None and self.saved.problem is not None, "only a rebuilt scene has a network"
        return self.saved.problem.network


@dataclass(frozen=True, eq=False)
class SceneDrawing:
    """What a scene shows on the diagram, computed here so that views only draw it."""

    problem: Problem
    weights: np.ndarray
    selected: int | None
    chain: InfluenceChain | None
    phase: Phase | None  # the phase the walk of the next iteration stands at; None: no walk


def scene_drawing(scene: Scene) -> SceneDrawing:
    """The scene's weights, its chosen chain and its phase; the stored session is never changed."""
    saved = scene.saved
    assert saved is not None and saved.problem is not None, "only a rebuilt scene is drawn"
    problem = saved.problem
    session = TrainingSession(saved.config, problem)
    session.load(saved)
    trainer = session.trainer
    index = scene.selected_index
    chain = None
    if index is not None:
        chain = InfluenceChain.of(problem.network, problem.network.param_location(index), NodeNames.of(problem.dataset))
    phase = None
    if scene.view.phase:
        walk = iteration_phases(trainer, scene.view.sample or 0)
        for _ in range(scene.view.phase):
            phase = next(walk)  # left before its update: the trainer keeps the scene's weights
    return SceneDrawing(problem, np.array(trainer.weights), index, chain, phase)


def chain_board_svg(scene: Scene, drawing: SceneDrawing, tags: dict[str, str]) -> str | None:
    """The typeset chain of the scene's parameter with its numbers (at its sample, else sample 0), for a handout.

    None when no parameter is chosen or its chain is over the memory budget.
    """
    from bpstudio.control.export.typeset import board_svg  # the typesetter loads fonts: only when a handout asks

    blocks = chain_blocks(scene, drawing)
    return None if blocks is None else board_svg(blocks, tags=tags, background="#ffffff")


def chain_blocks(scene: Scene, drawing: SceneDrawing) -> list[Block] | None:
    """The board of the scene's chain with its numbers; None when no parameter is chosen or its chain is over the budget."""
    if drawing.chain is None:
        return None
    net = drawing.problem.network
    try:
        check_chain_budget(net.sizes, 1, drawing.chain.param.layer, net.output_activation == "softmax")
    except BudgetError:
        return None
    numbers = drawing.chain.evaluate(drawing.weights, drawing.problem.dataset, sample=scene.view.sample or 0)
    return board(drawing.chain, numbers)


def index_of(network: Network, name: str) -> int:
    """The flat index of ``W0[2,1]``; ValueError names the valid names."""
    return network.param_index(*network.parse_param(name))


def phase_total(network: Network) -> int:
    """How many phases one iteration's walk has: forward and backward through each layer, the loss, the update."""
    return 2 * network.n_layers + 2


def check_against(view: ViewState, saved: SavedSession) -> None:
    """The view's parameter, sample and axes must exist in the scene's run; SceneError says which does not."""
    problem = saved.problem
    assert problem is not None, "load_session builds the problem"
    for label, name in (("selected", view.selected), ("landscape.second", view.landscape.second)):
        if name is not None:
            try:
                index_of(problem.network, name)
            except ValueError as err:
                raise SceneError(f"'{label}': {err}") from None
    stopped = saved.snapshot.stop_reason
    if view.phase and stopped is not None:  # the studio walks no phase of a run that has stopped
        raise SceneError(f"'phase' is {view.phase}, but the run has stopped ({stopped}): it has no next iteration to walk")
    phases = phase_total(problem.network)
    if view.phase > phases:
        raise SceneError(f"'phase' is {view.phase}; an iteration of this run walks phases 1 to {phases}")
    rows = problem.dataset.n_samples
    if view.sample is not None and not 0 <= view.sample < rows:
        raise SceneError(f"'sample' is {view.sample}; the run's training samples are 0 to {rows - 1}")
    plane = plane_for(problem.all_data, resolution=2)  # only its axes are asked for
    if plane is None:  # one input: no decision map, and its axes mean nothing
        if view.view == "map":
            raise SceneError("'view' is map, but the run has one input: the decision map needs two")
        return
    inputs = len(plane.names)
    for label, axis in (("decision_map.x_axis", view.decision_map.x_axis), ("decision_map.y_axis", view.decision_map.y_axis)):
        if axis >= inputs:
            raise SceneError(f"'{label}' is {axis}; the run's map has {inputs} axes")


# -- reading -----------------------------------------------------------------------------
def view_state_from_json(document: object) -> ViewState:
    """Check a view state as a file holds it (any older version is brought up to date first)."""
    if not isinstance(document, dict):
        raise SceneError("a scene's view must be an object")
    version = document.get("version")
    if not _is_int(version) or version < 1:
        raise SceneError("a scene's view version is missing or not a positive whole number")
    if version > VIEW_VERSION:
        raise SceneError(
            f"a scene was made by a newer BP Studio (view format {version}); "
            f"this version reads format {VIEW_VERSION}. Please update BP Studio."
        )
    document = _migrate(document)
    known = set(ViewState().to_json())
    unknown = set(document) - known
    if unknown:
        raise SceneError(f"a scene's view has an unknown field {sorted(unknown)[0]!r}")
    d = {**ViewState().to_json(), **document}
    presentation = _object(d, "presentation", {"on", "size"})
    landscape = _object(d, "landscape", set(ViewState().to_json()["landscape"]))
    decision = _object(d, "decision_map", set(ViewState().to_json()["decision_map"]))
    defaults = ViewState()
    land = {**defaults.to_json()["landscape"], **landscape}
    dmap = {**defaults.to_json()["decision_map"], **decision}
    pres = {**defaults.to_json()["presentation"], **presentation}
    view = ViewState(
        title=_text(d, "title"),
        note=_text(d, "note"),
        selected=_param_name(d["selected"], "selected"),
        sample=_optional_whole(d["sample"], "sample"),
        phase=_whole_in(d["phase"], "phase", 0, MAX_PHASE),
        view=_choice(d["view"], "view", VIEWS),
        presentation=_bool(pres["on"], "presentation.on"),
        presentation_size=_choice(pres["size"], "presentation.size", PRESENTATION_SIZES),
        language=_choice(d["language"], "language", LANGUAGES),
        zoom=_number_in(d["zoom"], "zoom", *ZOOM_RANGE),
        landscape=LandscapeView(
            tab=_choice(land["tab"], "landscape.tab", LANDSCAPE_TABS),
            span=None if land["span"] is None else _positive(land["span"], "landscape.span"),
            mode=_choice(land["mode"], "landscape.mode", LANDSCAPE_MODES),
            second=_param_name(land["second"], "landscape.second"),
            points=_whole_in(land["points"], "landscape.points", *MAP_POINTS_RANGE),
        ),
        decision_map=DecisionMapView(
            picture=_plain_text(dmap["picture"], "decision_map.picture", 200),
            x_axis=_whole_in(dmap["x_axis"], "decision_map.x_axis", 0, 1000),
            y_axis=_whole_in(dmap["y_axis"], "decision_map.y_axis", 0, 1000),
        ),
    )
    if view.decision_map.x_axis == view.decision_map.y_axis:
        raise SceneError("'decision_map.x_axis' and 'decision_map.y_axis' must differ")
    return view


def _migrate(document: dict[str, Any]) -> dict[str, Any]:
    """The view as the current version writes it; each later version adds its step here, with the old behaviour."""
    document = dict(document)
    document["version"] = VIEW_VERSION
    return document


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _object(d: dict[str, Any], key: str, keys: set[str]) -> dict[str, Any]:
    value = d[key]
    if not isinstance(value, dict):
        raise SceneError(f"a scene's '{key}' must be an object")
    unknown = set(value) - keys
    if unknown:
        raise SceneError(f"a scene's '{key}' has an unknown field {sorted(unknown)[0]!r}")
    return value


def _text(d: dict[str, Any], key: str) -> str:
    return _plain_text(d[key], key, MAX_TEXT)


def _plain_text(value: object, key: str, limit: int) -> str:
    if not isinstance(value, str):
        raise SceneError(f"a scene's '{key}' must be text")
    if len(value) > limit:
        raise SceneError(f"a scene's '{key}' is longer than {limit:,} characters")
    return value


def _param_name(value: object, key: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value or len(value) > 40:
        raise SceneError(f"a scene's '{key}' must be a parameter's name such as W0[0,0], or null")
    return value


def _optional_whole(value: object, key: str) -> int | None:
    if value is None:
        return None
    if not _is_int(value) or value < 0:
        raise SceneError(f"a scene's '{key}' must be a whole number of at least 0, or null")
    return value


def _whole_in(value: object, key: str, low: int, high: int) -> int:
    if not _is_int(value) or not low <= value <= high:
        raise SceneError(f"a scene's '{key}' must be a whole number from {low} to {high}")
    return value


def _number_in(value: object, key: str, low: float, high: float) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not low <= value <= high:
        raise SceneError(f"a scene's '{key}' must be a number from {low:g} to {high:g}")
    return float(value)


def _positive(value: object, key: str) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value) or value <= 0:
        raise SceneError(f"a scene's '{key}' must be a positive number, or null")
    return float(value)


def _bool(value: object, key: str) -> bool:
    if not isinstance(value, bool):
        raise SceneError(f"a scene's '{key}' must be true or false")
    return value


def _choice(value: object, key: str, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        shown = ", ".join(repr(c) for c in choices)
        raise SceneError(f"a scene's '{key}' must be one of {shown}")
    return value
