"""The studio's landscape questions, answered from the model's snapshot and off the GUI thread.

The landscape views ask two things of the current point of the run:

* a slice along one parameter (:class:`~bpstudio.engine.landscape.SliceTask`):
  a few milliseconds, so it goes through the studio model's executor — the
  background thread that also answers the chain — keyed so that a newer
  request supersedes one still waiting;
* a map across two parameters or two random directions
  (:class:`~bpstudio.engine.landscape.MapTask`): up to seconds on a wide
  network, so it runs as a :class:`~.landscape_jobs.LandscapeJob` on its own
  thread, which reports progress and can be cancelled.  A view reads the
  job's ``done``/``total``/``state`` on its own thread (a timer); nothing
  here calls a view from another thread.

Both read the immutable snapshot of the last Update, and the path of the run
recorded from the Updates (:class:`~.weight_path.WeightPath`).  No Qt.
"""

from __future__ import annotations

from collections.abc import Callable

from bpstudio.control.model.landscape_jobs import LandscapeJob, LandscapeRunner
from bpstudio.control.model.studio_model import StudioModel
from bpstudio.control.model.weight_path import WeightPath
from bpstudio.control.runtime.session import Update
from bpstudio.engine.data import Problem
from bpstudio.engine.graph import PARAM, Node
from bpstudio.engine.landscape import MAP_POINTS, SLICE_POINTS, LandscapeMap, MapTask, SliceTask, WeightSlice
from bpstudio.engine.snapshot import Snapshot

__all__ = ["LandscapeMap", "LandscapeQuestions", "MAP_POINTS", "SLICE_POINTS", "WeightSlice"]


class LandscapeQuestions:
    """Slices and maps of the model's current point; records the run's path as Updates arrive."""

    def __init__(self, model: StudioModel) -> None:
        self.model = model
        self.path = WeightPath()
        self.maps = LandscapeRunner()
        model.update_applied.connect(self._record)
        model.problem_changed.connect(lambda _problem: self.path.clear())

    def _record(self, update: Update) -> None:
        if update.new_run:
            self.path.clear()
        self.path.record(update.snapshot.iteration, update.snapshot.weights)

    def _current(self) -> tuple[Problem, Snapshot] | None:
        """The run and its last snapshot when they fit together; None when there is nothing to compute yet."""
        model = self.model
        if model.last is None or model.problem is None or model.last.snapshot.weights.size != model.problem.network.n_params:
            return None
        return model.problem, model.last.snapshot

    @property
    def ready(self) -> bool:
        return self._current() is not None

    def param_names(self) -> list[str]:
        """Every parameter's name, in index order (``W0[0,0]`` …): what a second-parameter list offers."""
        if self.model.problem is None:
            return []
        net = self.model.problem.network
        return [net.param_name(i) for i in range(net.n_params)]

    def param_display(self, index: int) -> str:
        """A parameter in the article's notation (``w₁₁⁽⁰⁾``, ``b₅⁽⁰⁾``), as the diagram names it."""
        problem = self.model.problem
        assert problem is not None, "parameters are named once a run exists"
        layer, row, col = problem.network.param_location(index)
        return self.model.display(Node(PARAM, layer, row, col))

    def request_slice(self, param: int, done: Callable[[WeightSlice], None], span: float | None = None, points: int = SLICE_POINTS) -> bool:
        """JVal along ``param`` at the current snapshot; ``done(slice)`` on the model's thread.

        ``span`` None: the engine's default window, from the weight's scale,
        its curvature, its next steps and its recent values.  False when there
        is nothing to compute yet.
        """
        current = self._current()
        if current is None or not 0 <= param < current[0].network.n_params:
            return False
        problem, snapshot = current
        recent = self.path.recent(param, snapshot.iteration)

        def work() -> WeightSlice:
            return SliceTask(problem.network, problem.dataset, snapshot, param, span=span, points=points, recent=recent).run()

        self.model.executor.submit("landscape-slice", work, done)
        return True

    def request_map(
        self, params: tuple[int, int] | None, points: int = MAP_POINTS, seed: int = 0, span: float | None = None
    ) -> LandscapeJob | None:
        """Start the map across two parameters (``None``: two random directions); the older map stops.

        The task itself (its curvature estimates and the path's projection
        too) is built on the job's thread.
        """
        current = self._current()
        if current is None:
            return None
        problem, snapshot = current
        before = self.path.before(snapshot.iteration)
        path = before if before.shape[1:] == snapshot.weights.shape else None

        def task() -> MapTask:
            return MapTask(problem.network, problem.dataset, snapshot, params=params, span=span, points=points, path=path, seed=seed)

        return self.maps.submit(task)

    def cancel_map(self) -> None:
        self.maps.cancel()

    def shutdown(self, timeout: float | None = None) -> bool:
        """Stop a running map and wait for its thread (the window closes)."""
        return self.maps.shutdown(timeout)
