"""Cross-entropy, penalties, features and mini-batches: gradients against finite differences.

The finite differences (engine.gradcheck) use only the forward pass; the
loss values are checked against a direct transcription of the formulas.
"""

import numpy as np
import pytest

from bpstudio.engine import Dataset, Network, check_gradient
from bpstudio.engine.classes import accuracy, class_order, encode_classes
from bpstudio.engine.config import RunConfig
from bpstudio.engine.features import FEATURES
from bpstudio.engine.propagation import jval_and_gradient, jval_only


def class_case(sizes, output="softmax", loss="cross-entropy", l1=0.0, l2=0.0, n=40, seed=0):
    rng = np.random.default_rng(seed)
    net = Network(sizes, "tanh", output, loss, l1, l2)
    k = max(sizes[-1], 2)
    labels = rng.integers(0, k, n)
    targets = encode_classes(labels, k, one_column=sizes[-1] == 1)
    data = Dataset(
        rng.uniform(-2, 2, (n, sizes[0])), targets, tuple(f"i{j}" for j in range(sizes[0])), tuple(f"t{j}" for j in range(sizes[-1]))
    )
    return net, data, rng.uniform(-1, 1, net.n_params)


def naive_jval(net, w, data):
    """The loss straight from its definition, one sample at a time, plus the penalty."""
    mats = net.layers(w)
    total = 0.0
    for x, t in zip(data.inputs, data.targets, strict=True):
        o = x
        for layer, m in enumerate(mats):
            i = np.append(o, 1.0) @ m
            o = np.tanh(i) if layer < net.n_layers - 1 else i
        if net.output_activation == "softmax":
            y = np.exp(o) / np.sum(np.exp(o))
        elif net.output_activation == "sigmoid":
            y = 1 / (1 + np.exp(-o))
        else:
            y = o
        if net.loss == "mse":
            total += 0.5 * np.sum((y - t) ** 2)
        elif net.output_activation == "softmax":
            total += -np.sum(t * np.log(y))
        else:
            total += -np.sum(t * np.log(y) + (1 - t) * np.log(1 - y))
    weights = np.concatenate([m[:-1].ravel() for m in mats])
    return total + net.l1 * np.sum(np.abs(weights)) + 0.5 * net.l2 * np.sum(weights**2)


CASES = [
    ((2, 4, 2), "softmax", "cross-entropy", 0.0, 0.0),
    ((3, 5, 4, 3), "softmax", "cross-entropy", 0.0, 0.0),
    ((2, 3, 1), "sigmoid", "cross-entropy", 0.0, 0.0),
    ((2, 4, 3, 1), "sigmoid", "cross-entropy", 0.0, 0.0),
    ((2, 4, 3), "softmax", "mse", 0.0, 0.0),
    ((3, 5, 3), "identity", "mse", 0.3, 0.0),  # L1
    ((3, 5, 3), "identity", "mse", 0.0, 0.7),  # L2
    ((2, 6, 3), "softmax", "cross-entropy", 0.05, 0.2),
]


@pytest.mark.parametrize("sizes, output, loss, l1, l2", CASES)
def test_backprop_matches_finite_differences_and_the_formula(sizes, output, loss, l1, l2):
    net, data, w = class_case(sizes, output, loss, l1, l2)
    result = check_gradient(net, w, data)
    assert result.max_error <= 1e-6
    jval, _ = jval_and_gradient(net, w, data.inputs_aug, data.targets_t)
    assert jval == pytest.approx(naive_jval(net, w, data), rel=1e-12)


def test_penalty_leaves_the_biases_alone():
    plain, data, w = class_case((3, 5, 3), "identity", "mse")
    penalised = Network((3, 5, 3), "tanh", "identity", "mse", 0.0, 0.5)
    _, g0 = jval_and_gradient(plain, w, data.inputs_aug, data.targets_t)
    _, g1 = jval_and_gradient(penalised, w, data.inputs_aug, data.targets_t)
    mask = penalised.weight_mask
    np.testing.assert_allclose(g1 - g0, 0.5 * w * mask, rtol=1e-10, atol=1e-12)
    biases = [penalised.param_index(layer, rows - 1, c) for layer, (rows, cols) in enumerate(penalised.shapes) for c in range(cols)]
    assert np.all(mask[biases] == 0) and mask.sum() == penalised.n_params - len(biases)
    # the test set measures data only
    test_value = jval_only(penalised, w, data.inputs_aug, data.targets_t, with_penalty=False)
    assert test_value == jval_only(plain, w, data.inputs_aug, data.targets_t)


def test_cross_entropy_stays_finite_for_confident_outputs():
    net, data, w = class_case((2, 3, 3), n=10)
    w = w * 400  # saturated logits, some confidently wrong
    jval, g = jval_and_gradient(net, w, data.inputs_aug, data.targets_t)
    assert np.isfinite(jval) and np.all(np.isfinite(g)) and jval > 100
    sig, sdata, sw = class_case((2, 3, 1), "sigmoid", n=10)
    jval, g = jval_and_gradient(sig, sw * 400, sdata.inputs_aug, sdata.targets_t)
    assert np.isfinite(jval) and np.all(np.isfinite(g))


@pytest.mark.parametrize("feature", list(FEATURES))
def test_each_feature_trains_with_a_correct_gradient(feature):
    features = tuple(dict.fromkeys(("x1", feature)))
    config = RunConfig(dataset="circle", samples=60, noise=0.1, features=features, loss="cross-entropy", hidden=(3,))
    problem = config.problem()
    assert problem.dataset.input_names == features
    result = check_gradient(problem.network, problem.start, problem.dataset)
    assert result.max_error <= 1e-6


def test_mini_batch_gradient_is_the_scaled_batch_gradient():
    config = RunConfig(dataset="gauss", classes=3, samples=50, loss="cross-entropy", l2=0.1, batch_size=16, seed=3)
    trainer = config.trainer()
    rows = trainer.batches.rows(0)
    assert len(rows) == 16 and trainer.batches.per_epoch == 4
    data = trainer.dataset
    batch = Dataset(data.inputs[rows], data.targets[rows], data.input_names, data.target_names)
    scale = 50 / 16
    result = check_gradient(trainer.network, trainer.weights, batch, scale=scale)
    assert result.max_error <= 1e-6
    np.testing.assert_allclose(trainer.gradient, result.backprop, rtol=1e-12, atol=1e-14)
    # JVal stays the whole set's
    assert trainer.jval == pytest.approx(trainer.evaluate(trainer.weights)[0], rel=1e-14)


def test_mini_batches_cover_each_epoch_and_replay_after_a_rewind():
    config = RunConfig(dataset="xor", samples=50, loss="cross-entropy", batch_size=16, max_iter=30, seed=2)
    trainer = config.trainer()
    epoch = np.concatenate([trainer.batches.rows(k) for k in range(4)])
    assert sorted(epoch.tolist()) == list(range(50))
    assert trainer.batches.rows(4).tolist() != trainer.batches.rows(0).tolist()  # a new order each epoch
    trainer.run(10)
    snap = trainer.snapshot()
    trainer.run()
    after = trainer.history.view().copy()
    trainer.restore(snap)
    trainer.run()
    np.testing.assert_array_equal(trainer.history.view(), after)
    again = config.trainer()
    again.run()
    np.testing.assert_array_equal(again.history.view(), after)


def test_batch_size_zero_or_whole_set_is_the_full_batch_path():
    base = RunConfig(samples=40, max_iter=50)
    runs = []
    for size in (0, 40, 1000):
        trainer = base.with_changes(batch_size=size).trainer()
        assert trainer.batches is None
        trainer.run()
        runs.append(trainer.history.view().copy())
    np.testing.assert_array_equal(runs[0], runs[1])
    np.testing.assert_array_equal(runs[0], runs[2])


def test_class_order_and_accuracy():
    assert class_order(["10", "2", "2", "1"]) == ("1", "2", "10")
    assert class_order(["cat", "dog", "ant"]) == ("ant", "cat", "dog")
    net = Network((1, 2), "tanh", "softmax", "cross-entropy")
    w = np.array([1.0, -1.0, 0.0, 0.0])  # I = (x, -x): class 0 when x > 0
    inputs = np.array([[1.0], [-1.0], [2.0], [-3.0]])
    targets = encode_classes(np.array([0, 1, 1, 1]), 2, False)
    assert accuracy(net, w, inputs, targets) == 0.75
    sig = Network((1, 1), "tanh", "sigmoid", "cross-entropy")
    assert accuracy(sig, np.array([1.0, 0.0]), inputs, np.array([[1.0], [0.0], [0.0], [0.0]])) == 0.75
