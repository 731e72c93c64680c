import math

import numpy as np
import pytest

from bpstudio.engine import Adam, GradientDescent, Momentum, make_optimizer


def test_adam_two_steps_by_hand():
    adam = Adam(alpha=0.001, beta1=0.9, beta2=0.999, epsilon=1e-8)
    adam.reset(1)
    x1 = adam.step(np.array([1.0]), np.array([2.0]), 1)
    # k=1: m = 0.2, v = 0.004; m_hat = 2, v_hat = 4; step = -0.001 * 2 / (2 + 1e-8)
    assert x1[0] == pytest.approx(1.0 - 0.002 / (2.0 + 1e-8), abs=1e-15)
    x2 = adam.step(x1, np.array([-1.0]), 2)
    m = 0.9 * 0.2 + 0.1 * -1.0
    v = 0.999 * 0.004 + 0.001 * 1.0
    m_hat, v_hat = m / (1 - 0.81), v / (1 - 0.999**2)
    assert x2[0] == pytest.approx(x1[0] - 0.001 * m_hat / (math.sqrt(v_hat) + 1e-8), abs=1e-15)
    state = adam.state()
    assert state["m"][0] == pytest.approx(0.08) and state["v_hat"][0] == pytest.approx(v_hat)


def test_gd_and_momentum():
    gd = GradientDescent(alpha=0.1)
    gd.reset(2)
    np.testing.assert_allclose(gd.step(np.array([1.0, 2.0]), np.array([1.0, -1.0]), 1), [0.9, 2.1])
    mom = Momentum(alpha=0.1, beta1=0.5)
    mom.reset(1)
    x = mom.step(np.array([0.0]), np.array([1.0]), 1)  # u = 1
    x = mom.step(x, np.array([1.0]), 2)  # u = 1.5
    assert x[0] == pytest.approx(-0.1 - 0.15)


def test_live_change_and_validation():
    adam = make_optimizer("adam", alpha=0.01, zeta=1.0)  # zeta is not Adam's: ignored
    adam.set("alpha", 0.5)
    assert adam.hyper["alpha"] == 0.5
    for key, value in [("alpha", 0), ("beta1", 1.0), ("beta2", -0.1), ("epsilon", float("nan"))]:
        with pytest.raises(ValueError, match=key):
            adam.set(key, value)
    with pytest.raises(ValueError, match="unknown optimizer"):
        make_optimizer("lbfgs")
