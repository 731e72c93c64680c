"""Backprop against finite differences and against a per-sample loop written apart."""

import numpy as np
import pytest

from bpstudio.engine import Dataset, Network, check_gradient, jval_and_gradient, predict


def random_case(sizes, activation, n=40, seed=0):
    rng = np.random.default_rng(seed)
    net = Network(sizes, activation)
    data = Dataset(
        rng.uniform(-1, 1, (n, sizes[0])),
        rng.uniform(-2, 2, (n, sizes[-1])),
        tuple(f"i{k}" for k in range(sizes[0])),
        tuple(f"t{k}" for k in range(sizes[-1])),
    )
    w = rng.uniform(-1, 1, net.n_params)
    return net, data, w


@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "relu", "identity"])
@pytest.mark.parametrize("sizes", [(3, 5, 3), (2, 4, 3, 1), (3, 6, 5, 4, 2), (1, 1)])
def test_gradient_matches_finite_differences(sizes, activation):
    net, data, w = random_case(sizes, activation)
    result = check_gradient(net, w, data)
    assert result.max_error < 1e-6, result.layer_errors


def per_sample_reference(w, X, Y):
    """The article's algorithm for 3-5-3 tanh, one sample at a time, written separately."""
    W0 = w[:20].reshape(4, 5)
    W1 = w[20:].reshape(6, 3)
    J, g0, g1 = 0.0, np.zeros((4, 5)), np.zeros((6, 3))
    for x, y in zip(X, Y, strict=True):
        o0 = np.append(x, 1.0)
        o1 = np.append(np.tanh(o0 @ W0), 1.0)
        out = o1 @ W1
        e = out - y
        J += 0.5 * float(e @ e)
        g1 += np.outer(o1, e)
        g0 += np.outer(o0, (W1[:-1] @ e) * (1 - o1[:-1] ** 2))
    return J, np.concatenate([g0.ravel(), g1.ravel()])


def test_vectorised_equals_per_sample_loop():
    net, data, w = random_case((3, 5, 3), "tanh", n=200, seed=3)
    J, g = jval_and_gradient(net, w, data.inputs_aug, data.targets_t)
    J_ref, g_ref = per_sample_reference(w, data.inputs, data.targets)
    assert J == pytest.approx(J_ref, rel=1e-13)  # noqa: SIM300 - J is the loss, not a constant
    np.testing.assert_allclose(g, g_ref, rtol=1e-11, atol=1e-11)


def test_predict_shape_and_values():
    net, data, w = random_case((3, 5, 3), "tanh")
    out = predict(net, w, data.inputs[:4])
    assert out.shape == (4, 3)
    W0, W1 = net.layers(w)
    manual = np.hstack([np.tanh(np.hstack([data.inputs[:4], np.ones((4, 1))]) @ W0), np.ones((4, 1))]) @ W1
    np.testing.assert_allclose(out, manual, rtol=1e-13)
