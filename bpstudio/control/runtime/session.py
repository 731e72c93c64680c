"""A training session: the trainer plus everything the studio does around it.

Runs on the training thread and is driven by :class:`RunGate` commands; it
returns an :class:`Update` — immutable, safe to hand to the GUI — after each
batch or command.  It owns:

* the current :class:`RunConfig` and its :class:`Trainer`,
* the phase step-through in progress (an iteration split into phases),
* the change log (iteration, what, old -> new) the plot marks,
* snapshots kept at every pause and step, for rewind.

No Qt here: the same session runs in tests with a plain thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from bpstudio.control.runtime.class_scores import AccuracyMeter, Scores
from bpstudio.control.runtime.commands import (
    ApplyConfig,
    Change,
    LoadSaved,
    Redo,
    Reset,
    Rewind,
    SelectSample,
    SetPace,
    SetSetting,
    SetWeight,
)
from bpstudio.control.runtime.pace import Pace
from bpstudio.control.runtime.redo_branch import RedoBranch
from bpstudio.control.runtime.run_gate import GateItem, Step, StepPhase, Submit
from bpstudio.engine.budget import OUT_OF_MEMORY, check_budget
from bpstudio.engine.config import LIVE_FIELDS, ConfigError, RunConfig
from bpstudio.engine.data import Problem
from bpstudio.engine.graph import matrix_name
from bpstudio.engine.messages import QT_TRANSLATE_NOOP, Notice, Refusal
from bpstudio.engine.optimizers import make_optimizer
from bpstudio.engine.phases import Phase, iteration_phases
from bpstudio.engine.snapshot import Snapshot
from bpstudio.engine.stop_causes import equal_start_layers, saturated_plateau
from bpstudio.engine.trainer import StopReason, Trainer

if TYPE_CHECKING:  # session_file builds on this module
    from bpstudio.control.files.session_file import SavedSession

MAX_SNAPSHOTS = 500
MAX_CHANGES = 1000  # setting changes kept (and saved); older ones are dropped

# What the banner says (templates the studio translates; see engine.messages.Notice)
DIVERGED_NOTICE = QT_TRANSLATE_NOOP(
    "Engine", "The run diverged at iteration {n}: JVal or a weight stopped being a finite number. Lower alpha, then rewind or reset."
)
STOPPED_NOTICE = QT_TRANSLATE_NOOP("Engine", "The run has stopped; rewind or reset before stepping through another iteration.")
SYMMETRY_NOTICE = QT_TRANSLATE_NOOP(
    "Engine",
    "All start weights of {layers} are equal, so every unit they feed computes the same value "
    "and receives the same gradient: the units can never become different (the article's note 3, "
    "symmetry). With all zeros the hidden gradients stay 0. Start from uniform weights; the "
    "manual's experiment “All-zero start” shows why.",
)

PLATEAU_NOTICE = QT_TRANSLATE_NOOP(
    "Engine",
    "Converged on a plateau, not at a minimum: {units} of the {hidden} hidden units are saturated on every sample, "
    "so dO/dI ≈ 0 blocks the paths back through them and the gradient vanished (JVal {jval}). A smaller alpha or "
    "smaller start weights keep the units off their flat ends; Gradient health names them.",
)
WEIGHT_SET_NOTICE = QT_TRANSLATE_NOOP(
    "Engine",
    "{name} set by hand from {old} to {new} at iteration {n}: the run goes on from the new value. "
    "Rewind to an earlier iteration to return to the trained weights.",
)
SAMPLES_NOTICE = QT_TRANSLATE_NOOP(
    "Engine",
    "A new run on {n} samples: the data and then the start weights are drawn from seed {seed}, "
    "so changing Samples changes the start weights too.",
)
WEIGHT_REFUSED = QT_TRANSLATE_NOOP("Engine", "{name} was not moved there: JVal or its gradient would not be a finite number.")


class RunState(str, Enum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    STEPPING = "stepping"  # paused in the middle of a phase step-through
    CONVERGED = "converged"
    DIVERGED = "diverged"
    FINISHED = "finished"  # max_iter reached

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class ChangeRecord:
    iteration: int
    field: str
    old: Any
    new: Any

    def describe(self) -> str:
        return f"{self.field} {self.old} -> {self.new} at iteration {self.iteration}"


class LoadOutcome(NamedTuple):
    """How a LoadSaved went: the SavedSession it carried (the very object) and why it failed, if it did.

    A tuple, so ``load_finished(*update.loaded)`` reads it as before.
    """

    saved: SavedSession
    error: str | None = None


@dataclass(frozen=True, eq=False)
class Update:
    """What the GUI needs after a batch or a command.

    The GUI keeps its own copy of the JVal history: it truncates it to
    ``history_start`` and appends ``jvals``.  That one rule covers running,
    rewinding and new runs, and never loses or repeats a point.
    """

    history_start: int
    jvals: np.ndarray
    snapshot: Snapshot
    state: RunState
    config: RunConfig
    changes: tuple[ChangeRecord, ...]
    phase: Phase | None = None
    new_run: bool = False
    message: str | None = None
    rate: float = 0.0  # iterations per second in this batch
    refused: ConfigError | None = None
    problem: Problem | None = None  # the network and data this run trains (immutable)
    test_jvals: np.ndarray | None = None  # held-out JVal, same iterations as jvals
    loaded: LoadOutcome | None = None  # the outcome of a LoadSaved carried out since the last Update
    can_redo: bool = False  # a rewind stepped back over points that Redo brings back
    discarded: np.ndarray | None = None  # JVal of a rewound-over tail a new branch replaced: keep it as a run
    discarded_config: RunConfig | None = None  # the settings at the discarded run's end (not the new run's)
    discarded_changes: tuple[ChangeRecord, ...] = ()  # and every change it had, to label it by what it trained with
    scores: Scores | None = None  # train (and test) accuracy of a classification run
    pace: Pace = Pace()  # how fast the run goes and when it pauses by itself (kept in the session file)
    redo_branch_changed: bool = False  # the branch below is new (it travels only when it changes)
    redo_branch: RedoBranch | None = None  # what Redo walks forward to, when redo_branch_changed

    @property
    def iteration(self) -> int:
        return self.snapshot.iteration


class TrainingSession:
    def __init__(self, config: RunConfig | None = None, problem: Problem | None = None) -> None:
        """``problem`` is the run's network and data when already built (the trainer's process gets it)."""
        self.config = config or RunConfig()
        self.sample = 0
        self.pace = Pace()  # the teacher's, not the run's: kept across resets and new runs
        self._load_outcome: LoadOutcome | None = None
        self._accuracy = AccuracyMeter()
        self._new_trainer(problem)

    # -- life cycle ------------------------------------------------------------
    def _new_trainer(self, problem: Problem | None = None, config: RunConfig | None = None) -> None:
        """Build the new run's trainer first: if that fails (MemoryError too), nothing has changed."""
        config = config or self.config
        self._adopt(config, config.trainer(problem or config.problem()))

    def _adopt(self, config: RunConfig, trainer: Trainer) -> None:
        self.config = config
        self.trainer: Trainer = trainer
        self.changes: list[ChangeRecord] = []
        self.snapshots: list[Snapshot] = [self.trainer.snapshot()]
        self._phases: Iterator[Phase] | None = None
        self._published = 0
        self._new_run = True
        self._message: str | None = None
        self._plateau: tuple[tuple[int, StopReason | None], Notice | None] | None = None  # (when, the sentence)
        self._refused: ConfigError | None = None
        self._last_phase: Phase | None = None
        self._future: RedoBranch | None = None  # what the last rewinds stepped back over
        self._future_changed = True  # the Update announces the branch when it changes
        # a run left behind, with the settings and changes it had: (JVal history, config, changes)
        self._discarded: tuple[np.ndarray, RunConfig, tuple[ChangeRecord, ...]] | None = None

    def load(self, saved: SavedSession, branch: RedoBranch | None = None) -> None:
        """Continue a saved session exactly where it stopped (see session_file), with its redo branch if given.

        The new trainer is built and filled before anything of the running
        session is replaced, so a load that fails leaves it as it was.
        """
        config = saved.config.with_changes(optimizer=saved.snapshot.optimizer, **dict(saved.snapshot.hyper))
        trainer = config.trainer(saved.problem or config.problem(saved.dataset))
        trainer.history.truncate(0)
        trainer.history.extend(saved.history)
        if trainer.test_history is not None:
            trainer.test_history.truncate(0)
            missing = np.full(len(saved.history), np.nan)  # a file without it: a gap in the plot
            trainer.test_history.extend(saved.test_history if saved.test_history is not None else missing)
        trainer.restore(saved.snapshot)
        if saved.snapshot.stop_reason is not None:
            trainer.stop_reason = StopReason(saved.snapshot.stop_reason)
        self._adopt(config, trainer)
        self.pace = saved.pace
        self.changes = list(saved.changes)
        self.snapshots = [saved.snapshot]
        self._set_future(branch)  # a scene's: Redo goes where it went when the scene was captured

    @property
    def mid_iteration(self) -> bool:
        return self._phases is not None

    def state(self, running: bool) -> RunState:
        reason = self.trainer.stop_reason
        if reason is StopReason.DIVERGED:
            return RunState.DIVERGED
        if reason in (StopReason.CONVERGED1, StopReason.CONVERGED2):
            return RunState.CONVERGED
        if reason is StopReason.MAX_ITER:
            return RunState.FINISHED
        if running:
            return RunState.RUNNING
        if self._phases is not None:
            return RunState.STEPPING
        if self.trainer.iteration == 0:
            return RunState.IDLE
        return RunState.PAUSED

    # -- work on the training thread -----------------------------------------------
    def run_batch(self, keep_running: Callable[[], bool], seconds: float = 1 / 60, limit: int | None = None) -> tuple[int, float]:
        """Step while ``keep_running()``, the time slice lasts and fewer than ``limit`` ran; return (iterations, it/s)."""
        self._branch()
        self._finish_phases()
        trainer = self.trainer
        step = trainer.step_in_errstate  # inside the errstate below
        started = time.perf_counter()
        deadline = started + seconds
        before = trainer.iteration
        with np.errstate(over="ignore", invalid="ignore"):
            if limit is None:  # the full-speed loop: nothing in it but the step and the clock
                while keep_running() and step():
                    if time.perf_counter() >= deadline:
                        break
            else:
                end = before + limit
                while trainer.iteration < end and keep_running() and step():
                    if time.perf_counter() >= deadline:
                        break
        elapsed = time.perf_counter() - started
        count = trainer.iteration - before
        return count, (count / elapsed if elapsed > 0 else 0.0)

    def execute(self, command: GateItem) -> None:
        """Carry out one gate command (Step, StepPhase or a Submit payload)."""
        if isinstance(command, (Step, StepPhase)):
            self._branch()
        if isinstance(command, Step):
            if self._phases is not None:
                # After a partial phase walk, a step finishes that iteration only.
                self._finish_phases()
                self.keep_snapshot()
                return
            for _ in range(command.count):
                if not self.trainer.step():
                    break
            self.keep_snapshot()
        elif isinstance(command, StepPhase):
            self._step_phase()
        elif isinstance(command, Submit):
            self._apply(command.payload)
        else:
            raise TypeError(f"unknown command {command!r}")

    def paused(self) -> None:
        """The run was paused: keep a snapshot there for rewind."""
        self.keep_snapshot()

    def _step_phase(self) -> None:
        if self._phases is None:
            if self.trainer.stop_reason is not None:
                self._message = Notice(STOPPED_NOTICE)
                return
            self._phases = iteration_phases(self.trainer, self.sample)
        phase = next(self._phases, None)
        self._last_phase = phase
        if phase is None or phase.index == phase.count - 1:
            self._phases = None
            self.keep_snapshot()

    def _finish_phases(self) -> None:
        """Complete an iteration left half-way by the step-through."""
        if self._phases is not None:
            for phase in self._phases:
                self._last_phase = phase
            self._phases = None

    # -- changes ------------------------------------------------------------------------
    def _apply(self, payload: Change) -> None:
        try:
            if isinstance(payload, SetSetting):
                self._set(payload.field, payload.value)
            elif isinstance(payload, ApplyConfig):
                self._apply_config(payload.config)
            elif isinstance(payload, Rewind):
                self.rewind(payload.iteration)
            elif isinstance(payload, Redo):
                self.redo()
            elif isinstance(payload, Reset):
                self.reset()
            elif isinstance(payload, SelectSample):
                self._select_sample(payload.sample)
            elif isinstance(payload, SetPace):
                self.pace = payload.pace
            elif isinstance(payload, SetWeight):
                self._set_weight(payload.param, payload.value)
            elif isinstance(payload, LoadSaved):
                try:
                    self.load(payload.saved, payload.branch)
                except Exception as err:  # MemoryError too: the GUI must hear the file was not loaded
                    self._load_outcome = LoadOutcome(payload.saved, f"{type(err).__name__}: {err}")
                else:
                    self._load_outcome = LoadOutcome(payload.saved)
            else:
                raise TypeError(f"unknown change {payload!r}")
        except ConfigError as err:
            self._refused = err

    def _select_sample(self, sample: int) -> None:
        if not 0 <= sample < self.trainer.dataset.n_samples:
            raise ConfigError("sample", f"sample must be from 0 to {self.trainer.dataset.n_samples - 1}")
        self.sample = int(sample)

    def _set_weight(self, param: int, value: float) -> None:
        """A weight dragged by hand: the current point moves, kept as this iteration's snapshot."""
        trainer = self.trainer
        if not 0 <= param < trainer.network.n_params:
            raise ConfigError("weights", f"there is no parameter {param}")
        self._finish_phases()
        weights = np.array(trainer.weights, copy=True)
        before, weights[param] = float(weights[param]), value
        try:
            trainer.set_weights(weights)
        except ValueError:
            raise ConfigError("weights", Refusal(WEIGHT_REFUSED, name=trainer.network.param_name(param))) from None
        self._published = min(self._published, trainer.iteration)  # the GUI's last JVal is replaced
        self.keep_snapshot()
        self._message = Notice(  # a hand-set weight is said, not silent (issue 28)
            WEIGHT_SET_NOTICE,
            name=trainer.network.param_name(param),
            old=f"{before:.4g}",
            new=f"{float(value):.4g}",
            n=trainer.iteration,
        )

    def _set(self, name: str, value: Any) -> None:
        new = self.config.with_changes(**{name: value})
        old_value = getattr(self.config, name)
        if new == self.config:
            return
        if name not in LIVE_FIELDS:
            self._start_run(new, name)
            if name == "samples" and not new.data_file:  # the stream draws the data first: say what follows
                self._message = Notice(SAMPLES_NOTICE, n=new.samples, seed=new.seed)
            return
        self._finish_phases()
        trainer = self.trainer
        if name == "optimizer":
            trainer.set_optimizer(make_optimizer(value, **new.hyper))
        elif name == "zeta":
            trainer.zeta = value
        elif name == "max_iter":
            trainer.max_iter = value
        elif name in trainer.optimizer.hyper:
            trainer.optimizer.set(name, value)
        self.config = new
        trainer.clear_stop()
        self.changes.append(ChangeRecord(trainer.iteration, name, old_value, getattr(new, name)))
        del self.changes[:-MAX_CHANGES]  # a long lesson keeps the latest changes, bounded

    def _apply_config(self, config: RunConfig) -> None:
        if self.config.needs_new_run(config):
            self._start_run(config, "data_file")
            return
        for name in LIVE_FIELDS:
            if getattr(config, name) != getattr(self.config, name):
                self._set(name, getattr(config, name))

    def _start_run(self, config: RunConfig, field: str) -> None:
        """A new run: data, budget and trainer first, so a refusal or failure changes nothing.

        A run over the studio's size budget is refused before it is built; one
        that still runs out of memory is refused the same way, naming the
        setting that asked for it, and the running config stays.
        """
        try:
            problem = config.problem()
            check_budget(problem.network.sizes, problem.all_data.n_samples, config.max_iter, problem.test is not None, studio=True)
            self._new_trainer(problem, config)
        except ConfigError:
            raise
        except MemoryError:
            raise ConfigError(field, Refusal(OUT_OF_MEMORY)) from None
        except ValueError as err:  # BudgetError, CsvDataError, FormulaError, a bad split
            raise ConfigError(field, err if isinstance(err, Refusal) else str(err)) from None

    def reset(self) -> None:
        self._phases = None
        finished = self.trainer.stop_reason is not None or self._future_stop() is not None
        if (self.trainer.iteration > 0 or self._future is not None) and not finished:
            # the run reset away is kept as a run (a finished one is in the Runs list already)
            future, now = self._future, self.trainer.history.view().copy()
            if future is not None and len(future.history) > len(now):
                self._discarded = (future.history, future.config, tuple(future.run_changes))
            else:
                self._discarded = (now, self.config, tuple(self.changes))
        self._set_future(None)
        self.trainer.reset()
        self.changes.clear()
        self.snapshots = [self.trainer.snapshot()]
        self._published = min(self._published, len(self.trainer.history))
        self._optimizer_from_config()

    def _optimizer_from_config(self) -> None:
        if self.trainer.optimizer.name != self.config.optimizer or self.trainer.optimizer.hyper != self.config.hyper:
            self.trainer.set_optimizer(self.config.make_optimizer())

    # -- rewind ---------------------------------------------------------------------------
    def keep_snapshot(self) -> None:
        snap = self.trainer.snapshot()
        if self.snapshots and self.snapshots[-1].iteration == snap.iteration:
            self.snapshots[-1] = snap
        else:
            self.snapshots.append(snap)
        if len(self.snapshots) > MAX_SNAPSHOTS:
            del self.snapshots[1]  # keep the start point

    def rewind(self, iteration: int | None = None) -> Snapshot:
        """Back to the latest snapshot before now (or at/before ``iteration``); Redo can come back."""
        if self._phases is not None and iteration is None:
            self._phases = None  # abandon the half-done iteration: back to its start
            return self.snapshots[-1]
        current = self.trainer.iteration
        limit = current - 1 if iteration is None else iteration
        candidates = [s for s in self.snapshots if s.iteration <= max(limit, 0)]
        target = candidates[-1] if candidates else self.snapshots[0]
        self._phases = None
        history = self.trainer.history
        if target.iteration < current:
            self._remember_future(target)
        if target.optimizer != self.trainer.optimizer.name:
            self.trainer.set_optimizer(make_optimizer(target.optimizer, **dict(target.hyper)))
        for key, value in target.hyper.items():
            self.trainer.optimizer.set(key, value)
        self.trainer.restore(target)
        self.snapshots = [s for s in self.snapshots if s.iteration <= target.iteration]
        self.changes = [c for c in self.changes if c.iteration <= target.iteration]
        self._published = min(self._published, len(history))
        self.config = self.config.with_changes(optimizer=target.optimizer, **dict(target.hyper))
        return target

    # -- the timeline: redo, and nothing dropped silently -----------------------------------------
    def _remember_future(self, target: Snapshot) -> None:
        """Keep what a rewind to ``target`` steps back over, so Redo can walk forward again."""
        now = self.trainer.snapshot()
        ahead = [s for s in self.snapshots if s.iteration > target.iteration]
        if not ahead or ahead[-1].iteration != now.iteration:
            ahead.append(now)
        history = self.trainer.history.view().copy()
        test = None if self.trainer.test_history is None else self.trainer.test_history.view().copy()
        changes = [c for c in self.changes if c.iteration > target.iteration]
        config, run_changes = self.config, tuple(self.changes)
        if self._future is not None:  # rewinding further back: the older future continues this one
            ahead += [s for s in self._future.snapshots if s.iteration > ahead[-1].iteration]
            if len(self._future.history) > len(history):
                history, test = self._future.history, self._future.test_history
                config, run_changes = self._future.config, self._future.run_changes
            changes += [c for c in self._future.changes if c not in changes]
        stop = self.trainer.stop_reason or self._future_stop()
        self._set_future(RedoBranch(tuple(ahead), history, test, tuple(changes), stop, config, run_changes))

    def _set_future(self, branch: RedoBranch | None) -> None:
        if branch is not self._future:
            self._future, self._future_changed = branch, True

    def _future_stop(self) -> StopReason | None:
        return None if self._future is None else self._future.stop_reason

    @property
    def redo_branch(self) -> RedoBranch | None:
        """What Redo walks forward to (the window hears of it through the Update)."""
        return self._future

    @property
    def can_redo(self) -> bool:
        return self._future is not None and bool(self._future.snapshots)

    def redo(self) -> Snapshot | None:
        """Forward to the next point the rewinds stepped back over, with its history and changes."""
        if not self.can_redo:
            return None
        future = self._future
        assert future is not None  # can_redo checked it
        target = future.snapshots[0]
        trainer = self.trainer
        start, end = trainer.iteration + 1, target.iteration + 1
        trainer.history.extend(future.history[start:end])
        if trainer.test_history is not None and future.test_history is not None:
            trainer.test_history.extend(future.test_history[start:end])
        if target.optimizer != trainer.optimizer.name:
            trainer.set_optimizer(make_optimizer(target.optimizer, **dict(target.hyper)))
        for key, value in target.hyper.items():
            trainer.optimizer.set(key, value)
        trainer.restore(target)
        if target is future.end:  # the end of the rewound-over run: its stop reason comes back too
            trainer.stop_reason = future.stop_reason
        self.snapshots.append(target)
        self.changes += [c for c in future.changes if start <= c.iteration + 1 <= end and c not in self.changes]
        self.config = self.config.with_changes(optimizer=target.optimizer, **dict(target.hyper))
        self._set_future(future.without_first())
        return target

    def _branch(self) -> None:
        """A new step after a rewind starts another branch: the old one is handed out as a run."""
        if self._future is not None:
            if self._future.stop_reason is None:  # a finished run is in the Runs list already
                future = self._future
                self._discarded = (future.history, future.config, tuple(future.run_changes))
            self._set_future(None)

    def _stop_notice(self) -> Notice | None:
        """The divergence, or a finished run that started symmetric, said in a sentence."""
        reason = self.trainer.stop_reason
        if reason is StopReason.DIVERGED:
            return Notice(DIVERGED_NOTICE, n=self.trainer.iteration + 1)  # the step that overflowed
        if reason in (StopReason.CONVERGED1, StopReason.CONVERGED2, StopReason.MAX_ITER):
            problem = self.trainer.problem
            layers = equal_start_layers(problem.network, problem.start)
            if layers:
                return Notice(SYMMETRY_NOTICE, layers=", ".join(matrix_name(layer) for layer in layers))
        if reason in (StopReason.CONVERGED1, StopReason.CONVERGED2):
            return self._plateau_notice()
        return None

    def _plateau_notice(self) -> Notice | None:
        """The plateau sentence for a run that stopped with every hidden unit saturated; worked out once per stop."""
        trainer = self.trainer
        key = (trainer.iteration, trainer.stop_reason)
        if self._plateau is None or self._plateau[0] != key:
            units, hidden = saturated_plateau(trainer.network, trainer.weights, trainer.dataset.inputs_aug)
            notice = Notice(PLATEAU_NOTICE, units=units, hidden=hidden, jval=f"{trainer.jval:.6g}") if units else None
            self._plateau = (key, notice)
        return self._plateau[1]

    # -- publishing ------------------------------------------------------------------------
    def update(self, running: bool, rate: float = 0.0) -> Update:
        """Everything new since the last update, as immutable values."""
        history = self.trainer.history
        start = self._published
        jvals = history.view()[start:].copy()
        test = self.trainer.test_history
        test_jvals = None if test is None else test.view()[start:].copy()
        self._published = len(history)
        phase, self._last_phase = self._last_phase, None
        message, self._message = self._message, None
        refused, self._refused = self._refused, None
        new_run, self._new_run = self._new_run, False
        loaded, self._load_outcome = self._load_outcome, None
        left, self._discarded = self._discarded, None
        branch_changed, self._future_changed = self._future_changed, False
        discarded, discarded_config, discarded_changes = left if left is not None else (None, None, ())
        if message is None:
            message = self._stop_notice()
        return Update(
            history_start=start,
            jvals=jvals,
            snapshot=self.trainer.snapshot(),
            state=self.state(running),
            config=self.config,
            changes=tuple(self.changes),
            phase=phase,
            new_run=new_run,
            message=message,
            rate=rate,
            refused=refused,
            problem=self.trainer.problem,
            test_jvals=test_jvals,
            can_redo=self.can_redo,
            discarded=discarded,
            discarded_config=discarded_config,
            discarded_changes=discarded_changes,
            loaded=loaded,
            scores=self._accuracy.measure(self.config, self.trainer, running),
            pace=self.pace,
            redo_branch_changed=branch_changed,
            redo_branch=self._future if branch_changed else None,
        )
