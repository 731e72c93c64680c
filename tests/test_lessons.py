"""Every lesson builds, trains, and the claim its text makes holds (checked against the engine)."""

import numpy as np
import pytest

from bpstudio.control.learning.lessons import LESSONS, LESSONS_BY_KEY
from bpstudio.control.runtime.session import TrainingSession
from bpstudio.engine.chain import InfluenceChain
from bpstudio.engine.classes import accuracy
from bpstudio.engine.propagation import forward
from bpstudio.engine.trainer import StopReason


def train_accuracy(trainer):
    data = trainer.dataset
    return accuracy(trainer.network, trainer.weights, data.inputs, data.targets)


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.key)
def test_each_preset_builds_selects_a_weight_and_trains(lesson):
    session = TrainingSession(lesson.config)
    index = lesson.param_index(session.trainer.network)
    assert index is None or 0 <= index < session.trainer.network.n_params
    session.trainer.run(5)
    assert session.trainer.iteration >= 1
    update = session.update(False)
    assert np.isfinite(update.snapshot.jval) and update.config == lesson.config
    assert (update.scores is not None) == lesson.config.is_classification


def test_every_lesson_has_a_title_and_a_text_and_a_distinct_key():
    assert len({lesson.key for lesson in LESSONS}) == len(LESSONS) == 10
    assert all(lesson.title and len(lesson.text) > 100 for lesson in LESSONS)


def test_alpha_too_large_diverges_and_a_smaller_alpha_does_not():
    config = LESSONS_BY_KEY["alpha_too_large"].config
    trainer = config.trainer()
    trainer.run(400)
    history = trainer.history.view()
    assert trainer.stop_reason is StopReason.DIVERGED
    assert np.any(np.diff(history[:20]) > 0)  # it swings up before it blows up
    calm = config.with_changes(alpha=0.0005).trainer()
    calm.run(300)
    assert calm.stop_reason is None and calm.history.view()[-1] < calm.history.view()[0] / 5


def test_all_zero_start_keeps_every_hidden_unit_identical():
    trainer = LESSONS_BY_KEY["zero_start"].config.trainer()
    assert trainer.gradient[0] == 0.0  # the selected w11^(0): no gradient reaches it
    trainer.run(200)
    w0, w1 = trainer.network.layers(trainer.weights)
    assert np.all(w0 == w0[:, :1])  # every hidden unit has the same incoming weights
    assert np.all(w1[:-1] == w1[:1])  # and the same outgoing ones (the bias row apart)
    assert trainer.history.view()[-1] < trainer.history.view()[0]  # the output biases still learn


def test_dead_relu_units_die_and_stay_dead():
    trainer = LESSONS_BY_KEY["dead_relu"].config.trainer()

    def dead_units():
        hidden = forward(trainer.network, trainer.weights, trainer.dataset.inputs_aug)[0].post
        return np.all(hidden <= 0, axis=1)

    assert not dead_units().any()
    trainer.run(100)
    dead = dead_units()
    assert dead.all()
    gradient_w0 = trainer.network.layers(trainer.gradient)[0]
    assert np.all(gradient_w0[:, dead] == 0)  # no gradient reaches a dead unit's weights
    assert 11_000 < trainer.history.view()[-1] < 12_000


def test_deep_sigmoid_gradients_vanish_towards_the_inputs():
    trainer = LESSONS_BY_KEY["vanishing"].config.trainer()
    norms = [np.linalg.norm(g) for g in trainer.network.layers(trainer.gradient)]
    assert norms[0] < norms[-1] / 300
    assert all(a < b for a, b in zip(norms, norms[1:], strict=False))  # smaller at every layer towards the inputs


def test_xor_without_a_hidden_layer_stays_below_100_percent_and_2_4_2_reaches_it():
    config = LESSONS_BY_KEY["xor_hidden"].config
    flat = config.trainer()
    flat.run()
    assert train_accuracy(flat) < 0.75
    deep = config.with_changes(hidden=(4,)).trainer()
    while train_accuracy(deep) < 1.0 and deep.stop_reason is None:
        deep.run(20)
    assert train_accuracy(deep) == 1.0 and deep.iteration <= 1000


def test_overfitting_shows_in_the_test_jval_and_l2_cures_it():
    config = LESSONS_BY_KEY["overfitting"].config
    plain = config.trainer()
    plain.run()
    test = plain.test_history.view()
    assert train_accuracy(plain) == 1.0
    assert test[-1] > 2 * test.min()  # after its minimum the test JVal climbs again
    cured = config.with_changes(l2=0.03).trainer()
    cured.run()
    cured_test = cured.test_history.view()
    assert cured_test[-1] < 1.2 * cured_test.min()
    assert cured_test[-1] < test[-1] / 2


def test_softmax_makes_the_output_inputs_sources():
    lesson = LESSONS_BY_KEY["softmax_sources"]
    net = lesson.config.problem_network()
    chain = InfluenceChain.of(net, lesson.param)
    assert "I2[0]" in {node.name for node in chain.sources}
    linear = lesson.config.with_changes(loss="mse").problem_network()
    assert not InfluenceChain.of(linear, lesson.param).sources


def test_from_playground_to_the_chain_rule_says_what_is_on_screen():
    """Playground's start page: 250 points, batches of 10, the source O₁⁽¹⁾ with two branches, the 1/250."""
    import json

    from conftest import FIXTURES

    from bpstudio.engine.chain_board import basic_link
    from bpstudio.engine.graph import LOSS

    lesson = LESSONS_BY_KEY["playground_chain"]
    fixture = json.loads((FIXTURES / "playground_runs.json").read_text())["runs"][0]
    assert lesson.config.playground == fixture["hash"]  # the link is Playground's start page, as its own code ran it
    trainer = lesson.config.trainer()
    assert trainer.dataset.n_samples == 250 and lesson.config.batch_size == 10
    trainer.run(3)
    assert trainer.history.view()[1:].tolist() == fixture["train_loss"][:3]  # digit for digit
    chain = InfluenceChain.of(trainer.network, lesson.param)
    assert [node.name for node in chain.sources] == ["O1[0]"] and len(chain.children[chain.sources[0]]) == 2
    last = next(edge for edge in chain.edges if edge.target.kind == LOSS)
    assert r"\tfrac{1}{250}" in basic_link(last, trainer.network, lambda node: node.name).formula
    numbers = chain.evaluate(trainer.weights, trainer.dataset)
    assert numbers.chain_gradient == pytest.approx(numbers.backprop_gradient, rel=1e-9)
    assert numbers.numeric_gradient == pytest.approx(numbers.backprop_gradient, rel=1e-7, abs=1e-10)
