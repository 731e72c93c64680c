"""The studio's trainer for a run under Playground conventions: one step is one Playground epoch.

Every view of the studio reads a :class:`~bpstudio.engine.trainer.Trainer`: its weights,
JVal, gradient, history and snapshots. This one keeps that face and moves the weights with
Playground's own step (:func:`~bpstudio.engine.playground.training.train_epoch`: every training
point once, an update every ``batchSize`` points, points left over joining the next epoch's
first batch, the penalty once per update and L1's dead links). JVal and its history are the
training loss Playground reports after each epoch (``mean_loss``, the same doubles), the test
history its test loss; the gradient is the studio's backprop of that loss (what the chain, the
inspector and the landscape show). There are no stop tests — Playground trains until paused —
only ``max_iter``, the epochs the user asked for.

What an update still needs beyond the weights (the sums of a batch in progress, the dead
links) travels in the snapshot's ``optimizer_state`` as ``playground_*`` arrays, so that a
rewind, the trainer's process and a session file carry it and a resumed run goes on bit for bit.
"""

from __future__ import annotations

import numpy as np

from bpstudio.engine.data import Problem
from bpstudio.engine.optimizers import Optimizer
from bpstudio.engine.playground.conventions import flat_parts, flat_weights, load_flat, problem_of
from bpstudio.engine.playground.link import PlaygroundState
from bpstudio.engine.playground.run import PlaygroundRun
from bpstudio.engine.playground.training import mean_loss
from bpstudio.engine.snapshot import Snapshot
from bpstudio.engine.trainer import StopReason, Trainer, _all_finite, _inf_norm

PARTS = ("playground_sums", "playground_dead", "playground_count")


class PlaygroundTrainer(Trainer):
    """A :class:`Trainer` whose step is Playground's epoch (see the module's docstring)."""

    def __init__(self, problem: Problem, optimizer: Optimizer, state: PlaygroundState, zeta: float = 1e-6, max_iter: int = 50000) -> None:
        self.state = state
        self.playground_run: PlaygroundRun = problem_of(state)[1]
        super().__init__(problem, optimizer, zeta, max_iter, batch_size=0)

    def reset(self) -> None:
        load_flat(self.network, self.playground_run.network, self.problem.start, {})
        self.playground_run.train_loss.clear()
        self.playground_run.test_loss.clear()
        super().reset()
        if self.stop_reason is None:
            self.jval = mean_loss(self.playground_run.network, self.playground_run.train_inputs, self.playground_run.train_targets)
            self.history.truncate(0)
            self.history.append(self.jval)
            if self.test_history is not None:
                self.test_history.truncate(0)
                self.test_history.append(
                    mean_loss(self.playground_run.network, self.playground_run.test_inputs, self.playground_run.test_targets)
                )

    def test_jval(self, weights: np.ndarray) -> float:
        """Playground's test loss: the mean over the test points (the network's n is the training points')."""
        assert self.test is not None, "test_jval needs held-out samples"
        return super().test_jval(weights) * self.network.mean_over / self.test.n_samples

    def check_before_step(self) -> StopReason | None:
        """No convergence tests: only the epochs asked for."""
        return StopReason.MAX_ITER if self.iteration >= self.max_iter else None

    def gradient_converged(self) -> bool:
        return False

    def _step(self) -> bool:
        if not self.may_step():
            return False
        run = self.playground_run
        run.epoch()
        weights = flat_weights(self.network, run.network)
        jval = run.train_loss[-1]
        gradient = self.evaluate(weights)[1]
        if not _all_finite(jval, _inf_norm(weights), _inf_norm(gradient)):
            self.stop_reason = StopReason.DIVERGED
            return False
        self.weights, self.jval, self.gradient = weights, jval, gradient
        self.grad_inf_norm = _inf_norm(gradient)
        self.iteration += 1
        self.history.append(jval)
        if self.test_history is not None:
            self.test_history.append(run.test_loss[-1])
        return True

    def accept(self, new_weights: np.ndarray, new_jval: float, new_gradient: np.ndarray) -> None:
        """A step computed outside (the phase walk's) is not Playground's epoch: take one instead."""
        self._step()

    def set_weights(self, weights: np.ndarray) -> None:
        super().set_weights(weights)
        parts = {key: np.asarray(value) for key, value in self._parts().items()}
        load_flat(self.network, self.playground_run.network, self.weights, parts)
        self.jval = mean_loss(self.playground_run.network, self.playground_run.train_inputs, self.playground_run.train_targets)
        self.history.truncate(self.iteration)
        self.history.append(self.jval)

    def _parts(self) -> dict[str, np.ndarray]:
        return flat_parts(self.network, self.playground_run.network)

    def snapshot(self) -> Snapshot:
        state = {**self.optimizer.state(), **self._parts()}
        reason = None if self.stop_reason is None else self.stop_reason.value
        return Snapshot.capture(
            self.iteration, self.jval, self.weights, self.gradient, self.optimizer.name, self.optimizer.hyper, state, reason
        )

    def restore(self, snapshot: Snapshot) -> None:
        parts = {key: np.asarray(snapshot.optimizer_state[key]) for key in PARTS if key in snapshot.optimizer_state}
        moments = {key: value for key, value in snapshot.optimizer_state.items() if key not in PARTS}
        plain = Snapshot.capture(
            snapshot.iteration,
            snapshot.jval,
            snapshot.weights,
            snapshot.gradient,
            snapshot.optimizer,
            snapshot.hyper,
            moments,
            snapshot.stop_reason,
        )
        super().restore(plain)
        load_flat(self.network, self.playground_run.network, self.weights, parts if len(parts) == len(PARTS) else {})
        del self.playground_run.train_loss[snapshot.iteration :]
        del self.playground_run.test_loss[snapshot.iteration :]
