"""The studio model: what the window knows, and the answers to what its views ask.

One model per window, no Qt (napari's ``ViewerModel`` idea, far smaller).  It
holds the last :class:`Update` from the training thread, the selected
parameter and sample, and answers the views' questions — the chain of the
selection with its numbers, one node's value and gradient, a nudge, the
probe's predictions — from the immutable snapshot, never from arrays the
training thread writes.  Answers are cached by (iteration, selection,
sample) and worked out through an :class:`Executor`, which in the studio is a
background thread: the GUI thread only draws.

Views never call the engine; they listen to the model's events:

* ``problem_changed(problem)`` — a new run (another network or data);
* ``selection_changed(index, chain)`` — the structure of the chosen parameter's chain;
* ``chain_ready(ChainView)`` — its numbers, typeset layout and basic links;
* ``node_ready(NodeReadout)``, ``nudge_ready(NudgeResult)``, ``probe_ready(ProbeReading)``;
* ``runs.kept(FinishedRun)``, ``runs.forgotten(key)`` — the runs a class compares;
* ``sample_changed(sample)`` — the chosen sample (the model is its one owner: the inspector's
  box, the diagram's hover texts and the trainer's phase walk follow it);
* ``pending_selection_changed(index)`` — the parameter the next run opens with
  (:meth:`StudioModel.open_next_run_with`; lessons, the tour and opened files set it);
* ``digits_changed(setting)`` — View ▸ Digits: "4", "6" or "all" significant digits for every
  number the formula, the inspector and the exports show (:attr:`StudioModel.digits`, its one owner);
* ``run_state_changed(state)`` — the run's state moved (running, paused, finished …);
  :attr:`StudioModel.finished` and :attr:`StudioModel.solved` say which states end a run.

It also keeps the JVal history (:attr:`history`, one mirror that the plot draws and
the exports and session files read), the finished runs (:attr:`runs`): a run is
kept when it finishes and when a rewound-over future is left behind by a new branch,
and that future itself while Redo can still go to it (:attr:`redo_branch`, which a
lecture's scene keeps).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from bpstudio.control.model.finished_runs import SOLVED_STATES, RunShelf, trained_with
from bpstudio.control.model.history_mirror import HistoryMirror
from bpstudio.control.model.observer import Event, Executor
from bpstudio.control.runtime.redo_branch import RedoBranch
from bpstudio.control.runtime.session import RunState, Update
from bpstudio.control.words.number_format import DEFAULT_DIGITS, digits_setting
from bpstudio.control.words.optimizer_lines import optimizer_lines
from bpstudio.engine.chain import ChainNumbers, InfluenceChain
from bpstudio.engine.chain_board import BasicLink, Block, basic_links, board, silent_rows
from bpstudio.engine.config import RunConfig
from bpstudio.engine.data import Problem, article_targets
from bpstudio.engine.formula import Formula, parse_formulas
from bpstudio.engine.graph import Node, NodeNames, display_name
from bpstudio.engine.landscape import whole_set_gradient
from bpstudio.engine.node_values import node_values
from bpstudio.engine.nudge import NudgeResult, fair_delta, nudge
from bpstudio.engine.optimizer_step import optimizer_step
from bpstudio.engine.phases import BACKWARD, FORWARD, LOSS, UPDATE, Phase
from bpstudio.engine.propagation import predict
from bpstudio.engine.sample_contributions import SampleContributions, sample_contributions
from bpstudio.engine.snapshot import Snapshot
from bpstudio.engine.stop_causes import converged2_cause

PATH_ROWS = 32
FINISHED = (RunState.CONVERGED, RunState.FINISHED, RunState.DIVERGED)  # the states that end a run
SOLVED = SOLVED_STATES  # the finished states with a solution (a diverged run found none)
NO_SELECTION = -1  # pending_selection: open the next run with nothing chosen

__all__ = [
    "FINISHED",
    "NO_SELECTION",
    "SOLVED",
    "BACKWARD",
    "FORWARD",
    "LOSS",
    "UPDATE",
    "Phase",
    "ChainView",
    "NodeReadout",
    "ProbeReading",
    "StudioModel",
]


@dataclass(frozen=True, eq=False)
class ChainView:
    """Everything the inspector shows about the selected parameter, at one iteration."""

    iteration: int
    index: int
    sample: int
    chain: InfluenceChain  # structure and names; views read it, never evaluate it
    summed: ChainNumbers  # over all samples (with the finite difference when ``exact``)
    at_sample: ChainNumbers
    blocks: tuple[Block, ...]  # the blackboard layout with the sample's numbers
    links: tuple[BasicLink, ...]  # the basic links with the sample's values
    exact: bool  # the finite difference was computed (paused), not skipped (running)
    weight: float
    gradient: float
    alpha: float
    sample_inputs: tuple[tuple[str, float], ...]
    sample_targets: tuple[tuple[str, float], ...]
    suggested_delta: float | None  # a nudge the tangent predicts fairly (worked out when exact)
    step_lines: tuple[tuple[str, str, float | None], ...] = ()  # the optimizer step that made these weights, rule by rule (optimizer_lines)
    optimizer: str = "adam"
    sample_predictions: tuple[tuple[str, float], ...] = ()  # ŷ of the chosen sample, by target name
    contributions: SampleContributions | None = None  # every sample's term of ∂JVal/∂w
    silent_blocks: tuple[int, ...] = ()  # blocks with branches that cross-entropy makes 0 (chain_board.silent_rows)
    explaining: bool = False  # phase 6/6 on show: the numbers are those of the weights before the update to ``iteration``
    step: dict[str, float] | None = None  # that step's numbers (optimizer_step), for lines at any View ▸ Digits
    hyper: tuple[tuple[str, float], ...] = ()  # the optimizer's settings of that step
    weights: np.ndarray | None = None  # the weights these numbers are of (every sample's term is worked out from them)


@dataclass(frozen=True)
class NodeReadout:
    name: str
    display: str  # in the article's notation, with the data's names
    value: float
    gradient: float  # NaN where there is none (inputs, bias nodes)
    sample: int


@dataclass(frozen=True)
class ProbeReading:
    inputs: tuple[float, ...]
    predicted: tuple[float, ...]
    true: tuple[float, ...] | None  # None for CSV data: no formula to ask


class StudioModel:
    def __init__(self, executor: Executor | None = None) -> None:
        self.executor = executor or Executor()
        self.last: Update | None = None
        self.history = HistoryMirror()
        self.runs = RunShelf()
        self.redo_branch: RedoBranch | None = None  # what Redo walks forward to; a scene keeps it
        # The finished ends of this run's branches already listed, by (iterations, final JVal's bytes,
        # so that a NaN end matches itself): a redo back to one is the same run, not another.  Cleared
        # with the problem in apply_update.
        self._finished_ends: dict[tuple[int, bytes], int] = {}
        self._pending_selection: int | None = None  # the parameter a new run opens with (None: the first)
        self.problem: Problem | None = None
        self.names: NodeNames | None = None
        self.selected: int | None = None
        self.sample = 0
        self.chain: InfluenceChain | None = None
        self.chain_view: ChainView | None = None
        self._chain_cache: dict[tuple[int, int, int, int, bool], ChainView] = {}
        # The snapshot that phase 6/6 (the update) has just made: until the next step the chain is
        # shown at the weights before that update, so its gradient is the one the update used.
        self._explained: Snapshot | None = None
        self._chains: dict[int, InfluenceChain] = {}
        self._formulas: tuple[str, ...] | None = None
        self._parsed: tuple[Formula, ...] = ()
        self.problem_changed = Event("problem_changed")
        self.update_applied = Event("update_applied")
        self.selection_changed = Event("selection_changed")
        self.chain_ready = Event("chain_ready")
        self.node_ready = Event("node_ready")
        self.nudge_ready = Event("nudge_ready")
        self.probe_ready = Event("probe_ready")
        self.sample_changed = Event("sample_changed")
        self.pending_selection_changed = Event("pending_selection_changed")
        self.run_state_changed = Event("run_state_changed")
        self.digits_changed = Event("digits_changed")
        self._digits = DEFAULT_DIGITS

    # -- what the training thread sends -------------------------------------------------------
    def apply_update(self, update: Update) -> None:
        """Keep the newest Update, its history and the runs it ends.

        A new run resets selection-dependent answers and selects the
        parameter it should open with (:attr:`pending_selection`, else the first).
        """
        previous = self.last
        self.last = update
        self._follow_explained_update(update)
        self.history.apply(update)
        if update.redo_branch_changed:
            self.redo_branch = update.redo_branch
        first = previous is None
        if update.problem is not None and (update.new_run or first or update.problem is not self.problem):
            self.problem = update.problem
            self.names = NodeNames.of(update.problem.dataset)
            sample, self.sample = self.sample, min(self.sample, update.problem.dataset.n_samples - 1)
            self.chain, self.chain_view, self.selected = None, None, None
            self._chain_cache.clear()
            self._chains.clear()
            self._finished_ends.clear()
            self.problem_changed.emit(update.problem)
            if self.sample != sample:  # a smaller data set: its last sample
                self.sample_changed.emit(self.sample)
            self.select(self._initial_param())
        self._keep_runs(update, previous)
        if previous is None or previous.state is not update.state:
            self.run_state_changed.emit(update.state)
        self.update_applied.emit(update)

    @property
    def finished(self) -> bool:
        """The run on screen has ended (converged, reached its limit or diverged)."""
        return self.last is not None and self.last.state in FINISHED

    @property
    def solved(self) -> bool:
        """The run on screen ended with a solution: its last point is the plot's red star."""
        return self.last is not None and self.last.state in SOLVED

    # -- the selection a new run opens with ------------------------------------------------------------
    @property
    def pending_selection(self) -> int | None:
        """The parameter the next run opens with: an index, :data:`NO_SELECTION`, or None for the first."""
        return self._pending_selection

    def open_next_run_with(self, index: int | None) -> None:
        """Choose what the next run opens with (a lesson's weight, a saved selection, nothing for the tour).

        None puts the usual back (the first parameter); :data:`NO_SELECTION` opens it with nothing chosen.
        """
        if index != self._pending_selection:
            self._pending_selection = index
            self.pending_selection_changed.emit(index)

    def _follow_explained_update(self, update: Update) -> None:
        """Remember the update phase 6/6 just explained; forget it at the next step (or any new weights)."""
        snapshot = update.snapshot
        if update.phase is not None and update.phase.kind == UPDATE:
            self._explained = snapshot
        elif self._explained is not None:
            same = (
                not update.new_run
                and snapshot.iteration == self._explained.iteration
                and np.array_equal(snapshot.weights, self._explained.weights)
            )
            if not same:
                self._explained = None

    def explained_weights(self) -> np.ndarray | None:
        """The weights before the update phase 6/6 explains, while it is on show (else None)."""
        if self._explained is None or self.last is None:
            return None
        before = self.last.snapshot.optimizer_state.get("weight_before")
        return None if before is None or self.last.snapshot.iteration == 0 else np.asarray(before)

    def _initial_param(self) -> int | None:
        assert self.problem is not None
        chosen = self._pending_selection
        self.open_next_run_with(None)  # used once: the run after opens with the first again
        if chosen == NO_SELECTION:
            return None
        return chosen if chosen is not None and chosen < self.problem.network.n_params else 0

    def _keep_runs(self, update: Update, previous: Update | None) -> None:
        """Nothing is dropped silently: a finished run and a discarded future both join the runs."""
        if self.problem is None:
            return
        sizes = tuple(self.problem.network.sizes)
        left = update.discarded
        if left is not None and len(left) > 1 and (len(left), left[-1:].tobytes()) not in self._finished_ends:
            # labelled by what it trained with: a setting typed after its last step (then Reset) is not its
            # own; and a finished run whose stop a setting cleared is listed already, not again at Reset
            config, changes = trained_with(update.discarded_config or update.config, update.discarded_changes, len(left) - 1)
            self.runs.add(config, left, sizes, changes)
        newly_finished = update.state in FINISHED and (previous is None or previous.state not in FINISHED or update.new_run)
        if newly_finished and len(self.history) > 1:
            history = self.history.values()
            end = (len(history), history[-1:].tobytes())
            if self._finished_ends.get(end) in self.runs.runs:
                return  # a redo back to an end already listed (a run the user forgot is listed again)
            snapshot = update.snapshot
            step = snapshot.optimizer_state.get("step") if snapshot.stop_reason == "converged2" else None
            by = None if step is None else converged2_cause(step, update.config.zeta)  # the label says which test held
            run = self.runs.add(update.config, history, sizes, update.changes, snapshot.stop_reason, by)
            self._finished_ends[end] = run.key

    @property
    def snapshot(self) -> Snapshot | None:
        return None if self.last is None else self.last.snapshot

    def _ready(self) -> bool:
        return self.last is not None and self.problem is not None and self.last.snapshot.weights.size == self.problem.network.n_params

    # -- View ▸ Digits ------------------------------------------------------------------------------
    @property
    def digits(self) -> str:
        """How many significant digits the views and exports show: "4", "6" or "all" (round trip)."""
        return self._digits

    def set_digits(self, setting: str) -> None:
        setting = digits_setting(setting)
        if setting != self._digits:
            self._digits = setting
            self.digits_changed.emit(setting)

    # -- selection ----------------------------------------------------------------------------------
    def select(self, index: int | None) -> None:
        """Choose a parameter: its chain's structure now, its numbers through the executor."""
        if self.problem is None:
            return
        net = self.problem.network
        if index is not None and not 0 <= index < net.n_params:
            index = None
        self.selected = index
        self.chain = None if index is None else self._chain_of(index)
        self.chain_view = None
        self.selection_changed.emit(index, self.chain)
        self.request_chain()

    def _chain_of(self, index: int) -> InfluenceChain:
        """One chain object per parameter and run, so cached answers stay tied to it."""
        chain = self._chains.get(index)
        if chain is None:
            assert self.problem is not None, "select() asks only when a problem is shown"
            net = self.problem.network
            chain = self._chains[index] = InfluenceChain.of(net, net.param_location(index), self.names)
        return chain

    def select_sample(self, sample: int) -> None:
        """Choose the sample whose numbers the chain, the node readouts and the phase walk show."""
        if self.problem is None:
            return
        self._set_sample(max(0, min(int(sample), self.problem.dataset.n_samples - 1)))
        self.request_chain()

    def _set_sample(self, sample: int) -> None:
        if sample != self.sample:
            self.sample = sample
            self.sample_changed.emit(sample)

    def display(self, node: Node, fmt: str = "text") -> str:
        assert self.problem is not None
        return display_name(node, self.problem.network, fmt, self.names)

    # -- questions ------------------------------------------------------------------------------------
    def request_chain(self, live: bool = False) -> None:
        """The selected chain's numbers at the current snapshot (cached by iteration, selection, sample).

        ``live``: the net is training, so the finite difference (one more
        JVal per parameter direction) is skipped to keep up.
        """
        if not self._ready() or self.chain is None or self.selected is None:
            return
        assert self.last is not None and self.problem is not None  # _ready() checked both
        snapshot = self.last.snapshot
        before = self.explained_weights()
        key = (snapshot.iteration, id(snapshot), self.selected, self.sample, before is not None)
        cached = self._chain_cache.get(key)
        if cached is not None and (cached.exact or live):
            self._deliver_chain(cached)
            return
        chain, problem, index, sample = self.chain, self.problem, self.selected, self.sample

        def work() -> ChainView:
            return _chain_view(chain, problem, snapshot, index, sample, exact=not live, before=before)

        def done(view: ChainView) -> None:
            if len(self._chain_cache) > 64:
                self._chain_cache.clear()
            self._chain_cache[key] = view
            self._deliver_chain(view)

        self.executor.submit("chain", work, done)

    def _deliver_chain(self, view: ChainView) -> None:
        if view.index != self.selected or view.sample != self.sample or self.chain is not view.chain:
            return  # the selection moved on while it was worked out
        self.chain_view = view
        self.chain_ready.emit(view)

    def request_node(self, name: str) -> None:
        """A node's value and ∂L/∂node for the chosen sample."""
        if not self._ready():
            return
        assert self.last is not None and self.problem is not None  # _ready() checked both
        problem, weights, sample = self.problem, self.last.snapshot.weights, self.sample
        node = next((n for n in _graph_nodes(problem) if n.name == name), None)
        if node is None:
            return
        display = self.display(node)

        def work() -> NodeReadout | None:
            values = node_values(problem.network, weights, problem.dataset, sample)
            if name not in values:
                return None
            value, gradient = values[name]
            return NodeReadout(name, display, value, gradient, sample)

        def done(readout: NodeReadout | None) -> None:
            if readout is not None and problem is self.problem:
                self.node_ready.emit(readout)

        self.executor.submit("node", work, done)

    def nudge(self, delta: float) -> None:
        """Tangent, actual change and curvature of JVal for Δw; nothing is changed."""
        if not self._ready() or self.selected is None or delta == 0:
            return
        assert self.last is not None and self.problem is not None  # _ready() checked both
        problem, snapshot, index = self.problem, self.last.snapshot, self.selected

        def work() -> NudgeResult:
            # the whole set's slope: with mini-batches the snapshot's gradient is one batch's
            gradient = whole_set_gradient(problem.network, problem.dataset, snapshot.weights)
            result = nudge(problem.network, snapshot.weights, problem.dataset, index, delta, float(gradient[index]))
            return replace(result, index=index, iteration=snapshot.iteration)

        self.executor.submit("nudge", work, self.nudge_ready.emit)

    def probe(self, inputs: np.ndarray) -> None:
        """The network's outputs for these inputs, beside the true values where a formula gives them."""
        if not self._ready():
            return
        assert self.last is not None and self.problem is not None  # _ready() checked both
        problem, weights = self.problem, self.last.snapshot.weights
        config = self.last.config
        parsed = self._parsed_formulas(config)

        def work() -> ProbeReading:
            x = np.asarray(inputs, dtype=float)
            predicted = predict(problem.network, weights, x[None, :])[0]
            true = None
            try:
                true = _true_values(config, parsed, x)
            except ValueError:
                true = None
            return ProbeReading(tuple(map(float, x)), tuple(map(float, predicted)), None if true is None else tuple(map(float, true)))

        self.executor.submit("probe", work, self.probe_ready.emit)

    def _parsed_formulas(self, config: RunConfig) -> tuple[Formula, ...]:
        """Formulas are parsed once per run, not once per slider move."""
        if config.formulas != self._formulas:
            self._formulas = config.formulas
            self._parsed = parse_formulas(config.formulas) if config.formulas else ()
        return self._parsed


def _graph_nodes(problem: Problem) -> list[Node]:
    from bpstudio.engine.graph import ExpandedGraph

    return ExpandedGraph(problem.network).nodes


def _true_values(config: RunConfig, parsed: tuple[Formula, ...], x: np.ndarray) -> np.ndarray | None:
    if config.data_file or config.dataset != "article":  # no formula to read the truth from
        return None
    if parsed:
        columns = {name: np.array([v]) for name, v in zip("rgb", x, strict=False)}
        return np.array([f.evaluate(columns)[0] for f in parsed])
    targets: np.ndarray = article_targets(*(np.array([[v]]) for v in x))[0]  # numpy types an integer index as Any
    return targets


def _chain_view(
    chain: InfluenceChain,
    problem: Problem,
    snapshot: Snapshot,
    index: int,
    sample: int,
    exact: bool,
    before: np.ndarray | None = None,
) -> ChainView:
    """The chain at ``snapshot``'s weights, or at ``before`` them: the weights of iteration t − 1 that the
    update to t (phase 6/6) started from, so that the gradient shown is the one that update used and
    the step lines (the step from t − 1 to t) explain it."""
    data = problem.dataset
    weights = snapshot.weights if before is None else before
    step = optimizer_step(snapshot, index)
    sample = min(sample, data.n_samples - 1)
    summed = chain.evaluate(weights, data, path_limit=PATH_ROWS, with_numeric=exact)
    at_sample = chain.evaluate(weights, data, sample=sample, path_limit=PATH_ROWS, with_numeric=False)
    blocks = tuple(board(chain, at_sample))
    return ChainView(
        iteration=snapshot.iteration,  # the step lines' t: the update from t − 1 to t
        index=index,
        sample=sample,
        chain=chain,
        summed=summed,
        at_sample=at_sample,
        blocks=blocks,
        links=tuple(basic_links(chain, at_sample)),
        exact=exact,
        weight=float(weights[index]),
        gradient=summed.backprop_gradient,  # the whole set's, as the nudge and the landscape (not a mini-batch's)
        alpha=float(snapshot.hyper.get("alpha", float("nan"))),
        sample_inputs=tuple(zip(data.input_names, map(float, data.inputs[sample]), strict=True)),
        sample_targets=tuple(zip(data.target_names, map(float, data.targets[sample]), strict=True)),
        suggested_delta=fair_delta(problem.network, weights, data, index, summed.backprop_gradient) if exact else None,
        step_lines=tuple(optimizer_lines(step, snapshot.optimizer, dict(snapshot.hyper))),
        optimizer=snapshot.optimizer,
        sample_predictions=tuple(
            zip(data.target_names, map(float, predict(problem.network, weights, data.inputs[sample : sample + 1])[0]), strict=True)
        ),
        contributions=sample_contributions(problem.network, weights, data, index),
        silent_blocks=tuple(n for n, block in enumerate(blocks) if silent_rows(block, problem.network)),
        explaining=before is not None,
        step=step,
        weights=np.array(weights, dtype=float),
        hyper=tuple((str(k), float(v)) for k, v in snapshot.hyper.items()),
    )
