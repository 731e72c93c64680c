"""The Qt-free session: phases, live changes, rewind, and a stress test of the driver."""

import random
import threading

import numpy as np
import pytest

from bpstudio.control import (
    ApplyConfig,
    Redo,
    Reset,
    Rewind,
    RunGate,
    RunState,
    SelectSample,
    SetSetting,
    Step,
    StepPhase,
    Submit,
    TrainingSession,
)
from bpstudio.control.runtime.driver import drive
from bpstudio.engine.config import RunConfig
from bpstudio.engine.phases import BACKWARD, FORWARD, LOSS, UPDATE

SMALL = RunConfig(samples=100)


def test_phases_in_order_and_bit_identical_to_steps():
    stepped, phased = TrainingSession(SMALL), TrainingSession(SMALL)
    stepped.execute(Step(3))
    kinds = []
    for _ in range(3 * 6):
        phased.execute(StepPhase())
        kinds.append(phased.update(False).phase.kind)
    assert kinds[:6] == [FORWARD, FORWARD, LOSS, BACKWARD, BACKWARD, UPDATE]
    assert phased.trainer.iteration == 3
    assert np.array_equal(stepped.trainer.weights, phased.trainer.weights)
    assert stepped.trainer.jval == phased.trainer.jval


def test_phase_contents():
    session = TrainingSession(SMALL)
    session.execute(Submit(SelectSample(7)))
    phases = []
    for _ in range(6):
        session.execute(StepPhase())
        phases.append(session.update(False).phase)
    forward0, forward1, loss, back1, back0, update = phases
    x = session.trainer.dataset.inputs[7]
    assert forward0.values["O0[0]"] == x[0] and "I1[4]" in forward0.values and "O1[4]" in forward0.values
    assert set(forward1.values) >= {"I2[0]", "y[2]"}
    assert loss.jval == pytest.approx(session.trainer.history.view()[0])
    assert back1.gradient.shape == (6, 3) and back0.gradient.shape == (4, 5)
    assert "O1[0]" in back1.node_gradients and "I1[0]" in back0.node_gradients
    assert {"m", "v", "m_hat", "v_hat", "step"} <= set(update.optimizer_state)
    np.testing.assert_array_equal(update.gradient[:20], back0.gradient.reshape(-1))
    assert session.update(False).state is RunState.PAUSED


def test_state_while_mid_iteration_and_finishing_it():
    session = TrainingSession(SMALL)
    session.execute(StepPhase())
    assert session.state(False) is RunState.STEPPING and session.trainer.iteration == 0
    session.execute(Step(1))  # finishes the half-done iteration only
    assert session.trainer.iteration == 1 and not session.mid_iteration
    session.execute(Step(1))
    assert session.trainer.iteration == 2


def test_live_alpha_and_change_log():
    session = TrainingSession(SMALL)
    session.execute(Step(2))
    session.execute(Submit(SetSetting("alpha", 0.01)))
    assert session.trainer.optimizer.hyper["alpha"] == 0.01
    assert session.trainer.iteration == 2 and len(session.trainer.history) == 3
    (change,) = session.update(False).changes
    assert (change.iteration, change.field, change.old, change.new) == (2, "alpha", 0.001, 0.01)


def test_refused_value_is_reported_not_raised():
    session = TrainingSession(SMALL)
    session.execute(Submit(SetSetting("beta2", 1.0)))
    update = session.update(False)
    assert update.refused is not None and update.refused.field == "beta2"
    assert session.config.beta2 == 0.999


def test_model_change_starts_a_new_run():
    session = TrainingSession(SMALL)
    session.execute(Step(5))
    session.update(False)
    session.execute(Submit(SetSetting("hidden", (8,))))
    update = session.update(False)
    assert update.new_run and update.history_start == 0 and len(update.jvals) == 1
    assert session.trainer.network.sizes == (3, 8, 3) and session.trainer.iteration == 0


def test_rewind_and_branch_reproduce_the_trajectory():
    session = TrainingSession(SMALL)
    session.execute(Step(5))
    session.execute(Step(5))
    w10 = session.trainer.weights.copy()
    session.update(False)
    session.execute(Submit(Rewind()))
    assert session.trainer.iteration == 5
    update = session.update(False)
    assert update.history_start == 6 and len(update.jvals) == 0
    session.execute(Step(5))
    np.testing.assert_array_equal(session.trainer.weights, w10)
    session.execute(Submit(Rewind(0)))
    assert session.trainer.iteration == 0 and len(session.trainer.history) == 1


def test_rewind_restores_the_optimizer_of_the_snapshot():
    session = TrainingSession(SMALL)
    session.execute(Step(3))
    session.execute(Submit(SetSetting("optimizer", "gd")))
    session.execute(Step(3))
    session.execute(Submit(Rewind(3)))
    assert session.trainer.optimizer.name == "adam" and session.config.optimizer == "adam"
    assert session.trainer.iteration == 3


def test_reset_and_restore_defaults():
    session = TrainingSession(SMALL.with_changes(alpha=0.01))
    session.execute(Step(4))
    session.execute(Submit(Reset()))
    assert session.trainer.iteration == 0 and session.trainer.optimizer.hyper["alpha"] == 0.01
    session.execute(Submit(ApplyConfig(RunConfig())))
    assert session.config == RunConfig() and session.trainer.dataset.n_samples == 1000


def test_divergence_is_a_state_with_a_message():
    session = TrainingSession(SMALL.with_changes(optimizer="gd", alpha=1.0))
    session.execute(Step(10_000))
    update = session.update(False)
    assert update.state is RunState.DIVERGED and "diverged" in update.message
    assert np.isfinite(update.snapshot.weights).all()


def test_seeded_stress_of_two_thousand_commands():
    """Random commands from this thread while the driver runs on another."""
    rng = random.Random(20261127)
    gate = RunGate()
    # 600 samples: NumPy releases the GIL on arrays this size, so commands are
    # handed over quickly while the worker trains.
    session = TrainingSession(RunConfig(samples=600, max_iter=10**9))
    updates, errors = [], []
    published = threading.Condition()

    def publish(update):
        with published:
            updates.append(update)
            published.notify_all()

    def handed_over():
        # Pace the commands: wait (without sleeping) until the queue is taken.
        with published:
            assert published.wait_for(lambda: gate.pending() == 0, timeout=20), "queue stuck"

    worker = threading.Thread(target=drive, args=(gate, session, publish, errors.append))
    worker.start()
    try:
        for _ in range(2000):
            choice = rng.choice(["run", "pause", "step", "phase", "rewind", "alpha", "reset", "steps"])
            if choice == "run":
                gate.run()
            elif choice == "pause":
                gate.pause()
            elif choice == "step":
                gate.step()
            elif choice == "steps":
                gate.step(rng.randint(1, 20))
            elif choice == "phase":
                gate.step_phase()
            elif choice == "rewind":
                gate.submit(Rewind(rng.choice([None, rng.randint(0, 50)])))
            elif choice == "alpha":
                gate.submit(SetSetting("alpha", rng.choice([1e-4, 1e-3, 2e-3])))
            else:
                gate.submit(Reset())
            handed_over()
    finally:
        gate.pause()
        gate.stop()
        worker.join(timeout=30)
    assert not worker.is_alive(), "the training thread deadlocked"
    assert errors == []
    # Replaying the GUI's rule (truncate to history_start, append) gives the engine's history,
    # and between rewinds and resets the iteration count never goes back.
    history = []
    last_iteration = 0
    for update in updates:
        rewound = update.history_start < len(history)
        if not rewound:
            assert update.iteration >= last_iteration
        del history[update.history_start :]
        history.extend(update.jvals.tolist())
        assert len(history) == update.iteration + 1
        last_iteration = update.iteration
    assert max(u.iteration for u in updates) > 0 and len(updates) > 100
    final = session.update(False)
    del history[final.history_start :]
    history.extend(final.jvals.tolist())
    assert history == session.trainer.history.view().tolist()
    assert len(history) == session.trainer.iteration + 1


def test_the_timeline_goes_back_and_forward_and_keeps_a_replaced_branch():
    session = TrainingSession(SMALL)
    for _ in range(3):
        session.execute(Step(10))  # kept points at 10, 20, 30
    weights_30 = session.trainer.weights.copy()
    history_30 = session.trainer.history.view().copy()
    session.execute(Submit(Rewind()))
    session.execute(Submit(Rewind()))
    assert session.trainer.iteration == 10 and session.can_redo
    session.execute(Submit(Redo()))
    assert session.trainer.iteration == 20
    session.execute(Submit(Redo()))
    assert session.trainer.iteration == 30 and not session.can_redo
    np.testing.assert_array_equal(session.trainer.weights, weights_30)
    np.testing.assert_array_equal(session.trainer.history.view(), history_30)
    # rewind, then step: a new branch; the replaced one is handed out once, nothing dropped silently
    session.execute(Submit(Rewind()))
    session.update(False)
    session.execute(Step(1))
    update = session.update(False)
    np.testing.assert_array_equal(update.discarded, history_30)
    assert not update.can_redo and session.update(False).discarded is None


def test_a_reset_keeps_the_run_it_leaves():
    session = TrainingSession(SMALL)
    session.execute(Step(5))
    session.execute(Submit(Reset()))
    assert len(session.update(False).discarded) == 6


def test_a_pause_that_lands_while_a_running_update_goes_out_is_still_published():
    """The race the trainer's process made common: Pause taken just after the driver read "running"."""
    gate = RunGate()
    session = TrainingSession(RunConfig(samples=50, max_iter=10**7))
    updates, paused_at = [], []
    said_paused = threading.Event()

    def publish(update):
        updates.append(update)
        if update.state is RunState.RUNNING and not paused_at:
            gate.pause()  # lands after this Update was built as "running": nothing else wakes the driver
            paused_at.append(session.trainer.iteration)
        elif update.state is RunState.PAUSED:
            said_paused.set()

    gate.run()
    worker = threading.Thread(target=drive, args=(gate, session, publish, print), daemon=True)
    worker.start()
    try:
        assert said_paused.wait(20), "the pause was never published"
        assert updates[-1].iteration == paused_at[0]
        assert session.snapshots[-1].iteration == paused_at[0]  # the pause point is kept for rewind
    finally:
        gate.stop()
        worker.join(10)
