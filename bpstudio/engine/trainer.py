"""The training loop of the article, one iteration at a time.

The article's ``Adam.get_solu`` does, for k = 1, 2, ...::

    if ||g||_inf < zeta: stop (converged1)        # tested before the step
    x_new = adam_step(x, g, k); J_new = JVal(x_new)
    if ||x_new - x||_inf < zeta^2 or |J_new - J| < zeta^2: stop (converged2)
    g = grad(x_new)

:class:`Trainer` keeps exactly that order but advances one iteration per
:meth:`Trainer.step` call, so that a GUI thread, a test or the CLI can pause,
inspect, change a hyperparameter and go on.  The whole data set is evaluated
in one vectorised pass (see :mod:`.propagation`).

With mini-batches (``batch_size`` between 1 and n - 1) the step after
iteration k uses the gradient of batch k (see :mod:`.batches`), scaled by
n / batch length so that it estimates the gradient of the whole set's JVal;
JVal itself, its history and the stop tests stay those of the whole set.
converged1 in particular tests the whole set's gradient, never one batch's
(a batch's can be tiny where the whole set's is not): that gradient costs a
pass over the whole set, so it is computed only when the batch's gradient
suggests a stop, and once per epoch (where a noisy batch gradient never
would) — :meth:`Trainer.gradient_converged`.
"""

from __future__ import annotations

import math
from enum import Enum

import numpy as np

from bpstudio.engine.batches import MiniBatches
from bpstudio.engine.data import Problem
from bpstudio.engine.history import GrowingBuffer
from bpstudio.engine.optimizers import Optimizer, validate_hyperparameter
from bpstudio.engine.propagation import jval_and_gradient, jval_only
from bpstudio.engine.snapshot import Snapshot


class StopReason(str, Enum):
    """Why a run stopped; the values are what the CLI and the JSON print."""

    CONVERGED1 = "converged1"  # ||g||_inf < zeta before a step
    CONVERGED2 = "converged2"  # ||dx||_inf < zeta^2 or |dJ| < zeta^2 after a step
    MAX_ITER = "max_iter"
    DIVERGED = "diverged"  # JVal, a weight or the gradient became non-finite

    def __str__(self) -> str:
        return self.value


class Trainer:
    """Holds the current point (weights, JVal, gradient) and advances it."""

    def __init__(
        self,
        problem: Problem,
        optimizer: Optimizer,
        zeta: float = 1e-6,
        max_iter: int = 50000,
        batch_size: int = 0,
        shuffle_seed: int = 0,
    ) -> None:
        self.problem = problem
        self.network = problem.network
        self.dataset = problem.dataset
        self.optimizer = optimizer
        self.zeta = zeta
        self.max_iter = max_iter
        self.history = GrowingBuffer(max(1024, min(max_iter + 1, 1 << 20)))
        self.test = problem.test
        # JVal on the held-out samples at every iteration, when there are any
        self.test_history = GrowingBuffer(1024) if self.test is not None else None
        n = self.dataset.n_samples
        self.batches = MiniBatches(n, batch_size, shuffle_seed) if 0 < batch_size < n else None
        self.reset()

    # -- settings ----------------------------------------------------------
    @property
    def zeta(self) -> float:
        return self._zeta

    @zeta.setter
    def zeta(self, value: float) -> None:
        validate_hyperparameter("zeta", value)
        self._zeta = float(value)

    @property
    def max_iter(self) -> int:
        return self._max_iter

    @max_iter.setter
    def max_iter(self, value: int) -> None:
        if int(value) != value or value < 0:
            raise ValueError("max_iter must be a whole number, 0 or greater")
        self._max_iter = int(value)

    def set_optimizer(self, optimizer: Optimizer) -> None:
        """Switch optimizer mid-run: the new one starts with fresh moments."""
        optimizer.reset(self.network.n_params)
        self.optimizer = optimizer

    # -- state ---------------------------------------------------------------
    def reset(self) -> None:
        """Back to the start point with an empty history."""
        self.weights = np.array(self.problem.start, copy=True)
        with np.errstate(over="ignore", invalid="ignore"):  # data that overflows is a stop reason
            self.jval, self.gradient = self.evaluate_step(self.weights, 0)
            self.grad_inf_norm = _inf_norm(self.gradient)
        self.iteration = 0
        self.stop_reason: StopReason | None = None
        self.optimizer.reset(self.network.n_params)
        self.history.truncate(0)
        self.history.append(self.jval)
        if self.test_history is not None:
            self.test_history.truncate(0)
            with np.errstate(over="ignore", invalid="ignore"):
                self.test_history.append(self.test_jval(self.weights))
        if not _all_finite(self.jval, self.grad_inf_norm, _inf_norm(self.weights)):
            self.stop_reason = StopReason.DIVERGED

    def test_jval(self, weights: np.ndarray) -> float:
        """The data term on the held-out samples (a penalty measures no data)."""
        assert self.test is not None, "test_jval needs held-out samples"
        return jval_only(self.network, weights, self.test.inputs_aug, self.test.targets_t, with_penalty=False)

    def evaluate(self, weights: np.ndarray) -> tuple[float, np.ndarray]:
        """JVal and gradient at ``weights`` over the whole data set."""
        return jval_and_gradient(self.network, weights, self.dataset.inputs_aug, self.dataset.targets_t)

    def evaluate_step(self, weights: np.ndarray, k: int) -> tuple[float, np.ndarray]:
        """JVal of the whole set and the gradient the next step uses, at iteration ``k``.

        Without mini-batches both are :meth:`evaluate`'s; with them the
        gradient is batch k's, scaled to stand for the whole set.
        """
        if self.batches is None:
            return self.evaluate(weights)
        data = self.dataset
        rows = self.batches.rows(k)
        jval = jval_only(self.network, weights, data.inputs_aug, data.targets_t)
        _, gradient = jval_and_gradient(
            self.network, weights, data.inputs_aug[:, rows], data.targets_t[:, rows], scale=self.batches.scale(rows)
        )
        return jval, gradient

    @property
    def finished(self) -> bool:
        return self.stop_reason is not None

    def clear_stop(self) -> None:
        """Allow stepping again after a stop (e.g. max_iter or zeta was changed).

        A divergence is not cleared: its state is the last finite one, and
        stepping from it again would diverge again; rewind or reset instead.
        """
        if self.stop_reason is not StopReason.DIVERGED:
            self.stop_reason = None

    # -- stepping --------------------------------------------------------------
    def check_before_step(self) -> StopReason | None:
        """The tests the article makes before a step: converged1, then max_iter."""
        if self.gradient_converged():
            return StopReason.CONVERGED1
        if self.iteration >= self.max_iter:
            return StopReason.MAX_ITER
        return None

    def gradient_converged(self) -> bool:
        """converged1's test, ``||g||_inf < zeta``, on the whole set's gradient.

        Without mini-batches that is the gradient at hand.  With them it is
        computed when the batch's gradient is below zeta or an epoch begins;
        between those the run goes on.  The answer depends on the weights
        alone, so a rewound or resumed run stops where the first did.
        """
        if self.batches is None:
            return self.grad_inf_norm < self.zeta
        if self.grad_inf_norm >= self.zeta and self.iteration % self.batches.per_epoch:
            return False
        with np.errstate(over="ignore", invalid="ignore"):
            return _inf_norm(self.evaluate(self.weights)[1]) < self.zeta

    def step(self) -> bool:
        """Advance one iteration; return False (and set ``stop_reason``) when stopped."""
        # A diverging run overflows on purpose; that is reported as a stop
        # reason, not as NumPy warnings on the console.
        with np.errstate(over="ignore", invalid="ignore"):
            return self._step()

    def step_in_errstate(self) -> bool:
        """:meth:`step` for a loop that already holds ``np.errstate(over="ignore", invalid="ignore")``.

        Entering NumPy's errstate costs a few microseconds, some 5 % of a small net's
        iteration: a loop of steps (:meth:`run`, the studio's batches) enters it once.
        """
        return self._step()

    def may_step(self) -> bool:
        """False once the run has stopped; a stop test that holds now stops it (and says so in stop_reason)."""
        if self.stop_reason is not None:
            return False
        reason = self.check_before_step()
        if reason is not None:
            self.stop_reason = reason
            return False
        return True

    def _step(self) -> bool:
        if not self.may_step():
            return False
        k = self.iteration + 1
        new_weights = self.optimizer.step(self.weights, self.gradient, k)
        if self.batches is None:  # the article's path, as cheap as before
            new_jval, new_gradient = self.evaluate(new_weights)
        else:
            new_jval, new_gradient = self.evaluate_step(new_weights, k)
        self.accept(new_weights, new_jval, new_gradient)
        return self.stop_reason is None or self.stop_reason is StopReason.CONVERGED2

    def accept(self, new_weights: np.ndarray, new_jval: float, new_gradient: np.ndarray) -> None:
        """Take a computed step, or refuse it as a divergence; then the converged2 test.

        Public so that the phase step-through, which computes the same step in
        pieces, ends in exactly the same state as :meth:`step`.
        """
        dx = _inf_norm(new_weights - self.weights)  # non-finite if a weight is
        gnorm = _inf_norm(new_gradient)
        if not _all_finite(new_jval, dx, gnorm):
            self.stop_reason = StopReason.DIVERGED
            self.optimizer.undo_last_step()  # the state stays that of the last finite point
            return
        tolerance = self.zeta**2
        dj = abs(new_jval - self.jval)
        self.weights, self.jval, self.gradient = new_weights, new_jval, new_gradient
        self.grad_inf_norm = gnorm
        self.iteration += 1
        self.history.append(new_jval)
        if self.test_history is not None:
            self.test_history.append(self.test_jval(new_weights))
        if dx < tolerance or dj < tolerance:
            self.stop_reason = StopReason.CONVERGED2

    def run(self, iterations: int | None = None) -> int:
        """Step until stopped or ``iterations`` steps were taken; return steps taken."""
        taken = 0
        step = self._step
        with np.errstate(over="ignore", invalid="ignore"):
            while iterations is None or taken < iterations:
                before = self.iteration
                running = step()
                taken += self.iteration - before
                if not running or self.stop_reason is not None:
                    break
        return taken

    def set_weights(self, weights: np.ndarray) -> None:
        """Move the current point by hand (a weight dragged along the landscape): same iteration.

        JVal and the gradient the next step uses are those of the new point,
        and the history's value for this iteration becomes the new JVal, so
        the plot shows what the hand did.  The optimizer's moments stay: the
        next step continues the run from here.  A point where JVal or the
        gradient is not a finite number is refused with ValueError.
        """
        weights = np.array(weights, dtype=float, copy=True).reshape(self.weights.shape)
        with np.errstate(over="ignore", invalid="ignore"):
            jval, gradient = self.evaluate_step(weights, self.iteration)
            test = None if self.test_history is None else self.test_jval(weights)
        if not _all_finite(jval, _inf_norm(gradient), _inf_norm(weights)):
            raise ValueError("JVal or its gradient is not a finite number there")
        self.weights, self.jval, self.gradient = weights, jval, gradient
        self.grad_inf_norm = _inf_norm(gradient)
        self.history.truncate(self.iteration)
        self.history.append(jval)
        if test is not None and self.test_history is not None:
            self.test_history.truncate(self.iteration)
            self.test_history.append(test)
        self.clear_stop()

    # -- snapshots ---------------------------------------------------------------
    def snapshot(self) -> Snapshot:
        return Snapshot.capture(
            self.iteration,
            self.jval,
            self.weights,
            self.gradient,
            self.optimizer.name,
            self.optimizer.hyper,
            self.optimizer.state(),
            None if self.stop_reason is None else self.stop_reason.value,
        )

    def restore(self, snapshot: Snapshot) -> None:
        """Go back to a snapshot of this run: weights, optimizer state and history length.

        The optimizer named in the snapshot must be the current one (the
        control layer swaps optimizers before restoring when they differ).
        """
        if snapshot.iteration > len(self.history) - 1:
            raise ValueError("that snapshot lies beyond this run's history")
        if snapshot.optimizer != self.optimizer.name:
            raise ValueError("restore the snapshot's optimizer first")
        self.weights = np.array(snapshot.weights, copy=True)
        self.gradient = np.array(snapshot.gradient, copy=True)
        self.grad_inf_norm = _inf_norm(self.gradient)
        self.jval = snapshot.jval
        self.iteration = snapshot.iteration
        self.optimizer.load_state(dict(snapshot.optimizer_state))
        self.history.truncate(snapshot.iteration + 1)
        if self.test_history is not None:
            self.test_history.truncate(snapshot.iteration + 1)
        self.stop_reason = None


def _inf_norm(values: np.ndarray) -> float:
    """``||v||_inf`` (the article's ``numpy.linalg.norm(v, ord=inf)``); NaN stays NaN."""
    return float(np.max(np.abs(values)))


def _all_finite(*values: float) -> bool:
    return all(math.isfinite(v) for v in values)
