"""A weight set by hand (the landscape's drag): the session moves its point, the iteration stays."""

import numpy as np
import pytest

from bpstudio.control import SetWeight, Submit, TrainingSession
from bpstudio.engine.propagation import jval_and_gradient


def session_after(steps):
    session = TrainingSession()
    for _ in range(steps):
        session.trainer.step()
    session.update(False)
    return session


def test_set_weight_moves_the_point_and_keeps_the_iteration():
    session = session_after(5)
    trainer = session.trainer
    before = trainer.weights.copy()
    moved = before.copy()
    moved[3] += 0.25
    session.execute(Submit(SetWeight(3, float(moved[3]))))
    update = session.update(False)
    jval, gradient = jval_and_gradient(trainer.network, moved, trainer.dataset.inputs_aug, trainer.dataset.targets_t)
    assert update.iteration == 5 and update.refused is None
    np.testing.assert_array_equal(update.snapshot.weights, moved)
    assert update.snapshot.jval == pytest.approx(jval, rel=1e-13)
    np.testing.assert_allclose(update.snapshot.gradient, gradient, rtol=1e-12, atol=1e-12)
    assert update.history_start == 5 and update.jvals[-1] == update.snapshot.jval  # the plot's last point moves
    assert len(trainer.history) == 6
    assert session.snapshots[-1].iteration == 5 and session.snapshots[-1].weights[3] == moved[3]
    assert trainer.step() and trainer.iteration == 6  # the run goes on from the new point


def test_a_point_where_jval_overflows_is_refused():
    session = session_after(2)
    before = session.trainer.weights.copy()
    output_weight = session.trainer.network.param_index(1, 0, 0)  # linear output: JVal overflows
    session.execute(Submit(SetWeight(output_weight, 1e300)))
    update = session.update(False)
    assert update.refused is not None and "W1[0,0]" in str(update.refused)
    np.testing.assert_array_equal(update.snapshot.weights, before)
