"""Sentences a student needs where the run would otherwise be silent (issue 28, item 6).

A run that "converges" with its hidden units on their flat ends, a weight set by hand, and new
start weights after a change of Samples are each said in the banner.  The plateau is checked
against tanh computed here from the weights, not against the studio's own health test.
"""

import numpy as np

from bpstudio.control import SetSetting, SetWeight, Submit, TrainingSession
from bpstudio.engine.config import RunConfig


def saturated_by_hand(trainer) -> int:
    """Hidden tanh units with |O| > 0.99 on every sample, from W̃⁽⁰⁾ and the inputs directly."""
    net, weights, inputs = trainer.network, trainer.weights, trainer.dataset.inputs_aug
    first = weights[: net.offsets[1]].reshape(net.sizes[0] + 1, net.sizes[1])  # the article's W̃⁽⁰⁾: inputs + bias, by units
    outputs = np.tanh(first.T @ inputs)
    return int(np.sum(np.all(np.abs(outputs) > 0.99, axis=1)))


def test_a_run_that_converges_on_saturated_units_is_called_a_plateau():
    session = TrainingSession(RunConfig(alpha=10.0))  # the student's run: Adam at alpha 10
    while session.trainer.stop_reason is None:
        session.trainer.step()
    assert session.trainer.stop_reason.value.startswith("converged")
    message = session.update(False).message
    units = saturated_by_hand(session.trainer)
    assert units >= 3  # at least half of the five
    assert message is not None and "plateau" in message and f"{units} of the 5 hidden units" in message
    assert session.update(False).message == message  # said while it stays stopped, worked out once


def test_a_run_that_converges_with_live_units_is_not_called_a_plateau():
    session = TrainingSession(RunConfig(alpha=0.05, zeta=1e-2, max_iter=5000))
    while session.trainer.stop_reason is None:
        session.trainer.step()
    assert session.trainer.stop_reason.value.startswith("converged")
    assert saturated_by_hand(session.trainer) < 3
    message = session.update(False).message
    assert message is None or "plateau" not in message


def test_a_weight_set_by_hand_is_said_with_both_values():
    session = TrainingSession()
    for _ in range(3):
        session.trainer.step()
    session.update(False)
    before = float(session.trainer.weights[0])
    session.execute(Submit(SetWeight(0, 0.5)))
    message = session.update(False).message
    name = session.trainer.network.param_name(0)
    assert message is not None and message.startswith(f"{name} set by hand from {before:.4g} to 0.5 at iteration 3")
    assert session.update(False).message is None  # said once


def test_changing_samples_says_the_start_weights_change_too():
    session = TrainingSession()
    start = session.trainer.weights.copy()
    session.execute(Submit(SetSetting("samples", 200)))
    message = session.update(False).message
    assert not np.array_equal(session.trainer.weights, start)  # what the sentence is about
    assert message is not None and "200 samples" in message and "seed 1" in message and "start weights" in message
