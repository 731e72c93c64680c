"""With mini-batches the whole set's curve is drawn, so its slope and its stop test are the whole set's.

Issue #25 items 12 and 13: the landscape, the nudge and the inspector drew the
whole set's JVal but used one batch's gradient as its tangent, and converged1
stopped on one batch's gradient.  Slopes are checked against central
differences of the whole set's JVal in float64.
"""

import numpy as np
import pytest

from bpstudio.control import Step, TrainingSession
from bpstudio.control.model.observer import Executor
from bpstudio.control.model.studio_model import StudioModel
from bpstudio.engine.config import RunConfig
from bpstudio.engine.landscape import MapTask, SliceTask
from bpstudio.engine.propagation import jval_and_gradient, jval_only
from bpstudio.engine.trainer import StopReason


def central_difference(trainer, weights, index, h=1e-6):
    """dJ/dw_index of the whole set's JVal, by (J(w + h) - J(w - h)) / 2h."""
    data = trainer.dataset
    moved = np.array(weights, dtype=float)
    values = []
    for sign in (1, -1):
        moved[index] = weights[index] + sign * h
        values.append(jval_only(trainer.network, moved, data.inputs_aug, data.targets_t))
    return (values[0] - values[1]) / (2 * h)


@pytest.fixture(scope="module")
def batch_run():
    """The issue's run: gd, alpha 1e-4, batches of 50, four iterations."""
    trainer = RunConfig(optimizer="gd", alpha=1e-4, batch_size=50, max_iter=4).trainer()
    trainer.run(4)
    return trainer


def test_the_slice_tangent_and_gradient_step_are_the_whole_sets(batch_run):
    trainer = batch_run
    snapshot = trainer.snapshot()
    slope = central_difference(trainer, trainer.weights, 0)
    assert abs(snapshot.gradient[0] - slope) > 0.3 * abs(slope)  # the batch's gradient is another number
    cut = SliceTask(trainer.network, trainer.dataset, snapshot, 0).run()
    assert cut.gradient == pytest.approx(slope, rel=1e-6)
    assert cut.gradient_step_offset == pytest.approx(-1e-4 * slope, rel=1e-6)
    assert cut.step_gradient == snapshot.gradient[0]  # what the optimizer stepped on is kept and said
    assert cut.optimizer_offset == pytest.approx(-1e-4 * snapshot.gradient[0], rel=1e-12)


def test_the_map_slopes_are_the_whole_sets(batch_run):
    trainer = batch_run
    grid = MapTask(trainer.network, trainer.dataset, trainer.snapshot(), params=(0, 3), points=5).run()
    expected = [central_difference(trainer, trainer.weights, i) for i in (0, 3)]
    assert grid.gradient == pytest.approx(expected, rel=1e-6)


class Immediate(Executor):
    def submit(self, key, work, done):
        done(work())


def test_the_inspector_and_the_nudge_use_the_whole_sets_gradient():
    session = TrainingSession(RunConfig(samples=80, optimizer="gd", alpha=1e-4, batch_size=10))
    model = StudioModel(Immediate())
    chains, nudges = [], []
    model.chain_ready.connect(chains.append)
    model.nudge_ready.connect(nudges.append)
    model.apply_update(session.update(False))
    session.execute(Step(3))
    model.apply_update(session.update(False))
    model.select(0)
    trainer = session.trainer
    slope = central_difference(trainer, trainer.weights, 0)
    assert abs(trainer.gradient[0] - slope) > 1e-3 * abs(slope)
    assert chains[-1].gradient == pytest.approx(slope, rel=1e-6)
    model.nudge(1e-3)
    assert nudges[-1].predicted == pytest.approx(slope * 1e-3, rel=1e-6)


def test_converged1_never_stops_on_one_batchs_gradient():
    """Cross-entropy, batches of 2, relu: a batch of two confident samples has a tiny gradient."""
    config = RunConfig(dataset="gauss", loss="cross-entropy", batch_size=2, alpha=0.1, activation="relu", max_iter=3000)
    trainer = config.trainer()
    trainer.run()
    data = trainer.dataset
    _, whole = jval_and_gradient(trainer.network, trainer.weights, data.inputs_aug, data.targets_t)
    if trainer.stop_reason is StopReason.CONVERGED1:
        assert np.max(np.abs(whole)) < trainer.zeta
    else:
        assert trainer.stop_reason is StopReason.MAX_ITER and trainer.iteration == 3000


def test_converged1_stops_when_the_whole_sets_gradient_is_small():
    """At a point where the whole set's gradient is below zeta the run stops, whatever the batch says."""
    trainer = RunConfig(samples=40, batch_size=7, optimizer="gd", alpha=1e-3, zeta=1e-6, max_iter=5).trainer()
    data = trainer.dataset
    _, whole = jval_and_gradient(trainer.network, trainer.weights, data.inputs_aug, data.targets_t)
    trainer.zeta = 1.01 * float(np.max(np.abs(whole)))  # the whole set's gradient is just below zeta here
    assert trainer.grad_inf_norm > trainer.zeta  # the first batch's is not
    trainer.run()
    assert trainer.stop_reason is StopReason.CONVERGED1 and trainer.iteration == 0
