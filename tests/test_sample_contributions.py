"""Every sample's term of ∂JVal/∂w: each is that sample's own gradient, and they add up to the gradient."""

import numpy as np
import pytest

from bpstudio.engine.chain import InfluenceChain
from bpstudio.engine.config import RunConfig
from bpstudio.engine.data import Dataset
from bpstudio.engine.gradcheck import numeric_gradient
from bpstudio.engine.propagation import jval_and_gradient
from bpstudio.engine.sample_contributions import per_sample_gradient, sample_contributions

CONFIGS = {
    "article": RunConfig(samples=12),
    "penalised": RunConfig(samples=12, l1=0.01, l2=0.05),
    "classes": RunConfig(dataset="xor", samples=12, loss="cross-entropy", hidden=(4,)),
}


def problem_and_weights(config):
    problem = config.problem()
    rng = np.random.default_rng(7)
    weights = rng.uniform(-1, 1, problem.network.n_params)
    return problem, weights


def one_sample(data, s):
    rows = slice(s, s + 1)
    return Dataset(data.inputs[rows], data.targets[rows], data.input_names, data.target_names, data.classes)


@pytest.mark.parametrize("name", CONFIGS)
def test_each_term_is_that_samples_own_finite_difference(name):
    problem, weights = problem_and_weights(CONFIGS[name])
    net, data = problem.network, problem.dataset
    for index in (0, net.n_params // 2, net.n_params - 1):
        terms = per_sample_gradient(net, weights, data, index)
        assert terms.shape == (data.n_samples,)
        penalty = net.penalty(weights)[1][index] if net.penalized else 0.0
        for s in range(data.n_samples):
            # one sample's JVal differenced; the penalty, which no sample owns, taken off
            numeric = numeric_gradient(net, weights, one_sample(data, s), [index])[0] - penalty
            assert terms[s] == pytest.approx(numeric, rel=1e-6, abs=1e-8), (index, s)


@pytest.mark.parametrize("name", CONFIGS)
def test_the_terms_add_up_to_the_engines_gradient(name):
    problem, weights = problem_and_weights(CONFIGS[name])
    net, data = problem.network, problem.dataset
    _, gradient = jval_and_gradient(net, weights, data.inputs_aug, data.targets_t)
    for index in range(net.n_params):
        found = sample_contributions(net, weights, data, index)
        assert found.total == pytest.approx(gradient[index], rel=1e-10, abs=1e-12)
        expected_penalty = net.penalty(weights)[1][index] if net.penalized else 0.0
        assert found.penalty == pytest.approx(expected_penalty)


def test_the_chosen_samples_term_is_the_number_its_chain_shows():
    problem, weights = problem_and_weights(CONFIGS["article"])
    net, data = problem.network, problem.dataset
    chain = InfluenceChain.of(net, net.param_location(3))
    found = sample_contributions(net, weights, data, 3)
    for s in (0, 5, 11):
        at_sample = chain.evaluate(weights, data, sample=s, with_numeric=False)
        assert found.value_of(s) == pytest.approx(at_sample.chain_gradient, rel=1e-12)


def test_largest_terms_and_histogram_describe_every_sample():
    problem = RunConfig().problem()  # the article's 1000 samples
    net, data = problem.network, problem.dataset
    weights = problem.start
    found = sample_contributions(net, weights, data, 0, largest=5, bins=20)
    sizes = np.sort(np.abs(found.values))[::-1]
    assert [abs(v) for _, v in found.largest] == pytest.approx(sizes[:5])
    assert all(found.values[s] == v for s, v in found.largest)
    assert len(found.counts) == 20 and len(found.edges) == 21 and sum(found.counts) == 1000
    assert found.edges[0] == found.values.min() and found.edges[-1] == found.values.max()
    assert found.n_samples == 1000 and found.data_sum == pytest.approx(np.sum(found.values))


def test_one_value_for_all_samples_still_makes_one_bar():
    problem = RunConfig(samples=5).problem()
    net = problem.network
    zeros = np.zeros(net.n_params)  # hidden outputs are all 0: the first layer's terms all vanish
    found = sample_contributions(net, zeros, problem.dataset, 0)
    assert set(found.values) == {0.0} and sum(found.counts) == 5 and found.total == 0.0


def test_the_models_chain_view_carries_the_terms_and_the_samples_prediction():
    from bpstudio.control import Step, TrainingSession
    from bpstudio.control.model.studio_model import StudioModel

    class Inline:
        def submit(self, key, work, done):
            done(work())

    session = TrainingSession(RunConfig(samples=40))
    model = StudioModel(Inline())
    views = []
    model.chain_ready.connect(views.append)
    session.execute(Step(4))
    model.apply_update(session.update(False))
    model.select(7)
    model.select_sample(9)
    view = views[-1]
    trainer = session.trainer
    _, gradient = jval_and_gradient(trainer.network, trainer.weights, trainer.dataset.inputs_aug, trainer.dataset.targets_t)
    terms = view.contributions
    assert terms.n_samples == 40 and terms.index == 7
    assert terms.total == pytest.approx(gradient[7], rel=1e-10)
    assert terms.total == pytest.approx(view.summed.chain_gradient, rel=1e-9)
    assert terms.value_of(9) == pytest.approx(view.at_sample.chain_gradient, rel=1e-12)
    net = trainer.network
    outputs = trainer.dataset.inputs[9]
    for layer, matrix in enumerate(net.layers(trainer.weights)):  # the forward pass by hand
        outputs = matrix.T @ np.append(outputs, 1.0)
        outputs = np.tanh(outputs) if layer < net.n_layers - 1 else outputs
    assert [name for name, _ in view.sample_predictions] == ["x", "y", "lv"]
    assert [v for _, v in view.sample_predictions] == pytest.approx(outputs, rel=1e-12)
