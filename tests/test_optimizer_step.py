"""The optimizer step that produced iteration K: its numbers add up and land on the trajectory."""

import json
import math

import numpy as np
import pytest
from conftest import run_bpstudio

from bpstudio.engine.config import ARTICLE, RunConfig
from bpstudio.engine.optimizer_step import optimizer_step
from bpstudio.engine.trainer import StopReason

ADAM_KEYS = {"t", "gradient", "m_prev", "m", "v_prev", "v", "m_hat", "v_hat", "step", "weight_before", "weight_after"}
MOMENTUM_KEYS = {"t", "gradient", "u_prev", "u", "step", "weight_before", "weight_after"}
GD_KEYS = {"t", "gradient", "step", "weight_before", "weight_after"}
SMALL = dict(samples=60, max_iter=10)


def weights_at(config, iteration):
    """The engine's weights after ``iteration`` steps, from a run of its own."""
    trainer = config.with_changes(max_iter=iteration).trainer()
    trainer.run()
    assert trainer.iteration == iteration
    return trainer.weights, trainer.gradient


@pytest.mark.parametrize("index", [0, 7, 37])
def test_adam_step_satisfies_its_formulas_and_the_trajectory(index):
    config = RunConfig(**SMALL)
    k = 5
    trainer = config.with_changes(max_iter=k).trainer()
    trainer.run()
    step = optimizer_step(trainer.snapshot(), index)
    assert set(step) == ADAM_KEYS and step["t"] == k
    b1, b2, alpha, eps = config.beta1, config.beta2, config.alpha, config.epsilon
    g = step["gradient"]
    assert step["m"] == pytest.approx(b1 * step["m_prev"] + (1 - b1) * g, rel=1e-14)
    assert step["v"] == pytest.approx(b2 * step["v_prev"] + (1 - b2) * g * g, rel=1e-14)
    assert step["m_hat"] == pytest.approx(step["m"] / (1 - b1**k), rel=1e-14)
    assert step["v_hat"] == pytest.approx(step["v"] / (1 - b2**k), rel=1e-14)
    # the article's order: eps after the bias-corrected square root
    assert step["step"] == pytest.approx(-alpha * step["m_hat"] / (math.sqrt(step["v_hat"]) + eps), rel=1e-13)
    assert step["weight_after"] == pytest.approx(step["weight_before"] + step["step"], abs=1e-15)
    before_w, before_g = weights_at(config, k - 1)
    after_w, _ = weights_at(config, k)
    assert step["weight_before"] == before_w[index] and step["weight_after"] == after_w[index]
    assert g == before_g[index]  # the gradient of iteration k-1, not that of k
    previous = optimizer_step(weights_trainer_snapshot(config, k - 1), index)
    assert step["m_prev"] == previous["m"] and step["v_prev"] == previous["v"]


def weights_trainer_snapshot(config, iteration):
    trainer = config.with_changes(max_iter=iteration).trainer()
    trainer.run()
    return trainer.snapshot()


def test_the_articles_step_2000_ends_on_the_articles_weights(seed_reference):
    trainer = ARTICLE.with_changes(max_iter=2000).trainer()
    trainer.run()
    for index in (0, 19, 37):
        step = optimizer_step(trainer.snapshot(), index)
        assert step["t"] == 2000
        assert step["weight_after"] == pytest.approx(seed_reference["w_after_2000"][index], rel=1e-10, abs=1e-12)


def test_first_adam_step_is_about_minus_alpha_times_the_sign_of_g():
    trainer = RunConfig(**SMALL).with_changes(max_iter=1).trainer()
    trainer.run()
    for index in range(trainer.network.n_params):
        step = optimizer_step(trainer.snapshot(), index)
        assert step["m_prev"] == 0 and step["v_prev"] == 0
        assert step["step"] == pytest.approx(-0.001 * np.sign(step["gradient"]), rel=1e-6)


def test_momentum_step_satisfies_its_formula_and_the_trajectory():
    config = RunConfig(optimizer="momentum", alpha=1e-4, beta1=0.8, **SMALL)
    k, index = 4, 3
    trainer = config.with_changes(max_iter=k).trainer()
    trainer.run()
    step = optimizer_step(trainer.snapshot(), index)
    assert set(step) == MOMENTUM_KEYS and step["t"] == k
    assert step["u"] == pytest.approx(0.8 * step["u_prev"] + step["gradient"], rel=1e-14)
    assert step["step"] == pytest.approx(-1e-4 * step["u"], rel=1e-14)
    assert step["weight_after"] == pytest.approx(step["weight_before"] + step["step"], abs=1e-15)
    assert step["weight_after"] == weights_at(config, k)[0][index]
    assert step["weight_before"] == weights_at(config, k - 1)[0][index]
    assert step["gradient"] == weights_at(config, k - 1)[1][index]


def test_gd_step_satisfies_its_formula_and_the_trajectory():
    config = RunConfig(optimizer="gd", alpha=1e-4, **SMALL)
    k, index = 3, 30
    trainer = config.with_changes(max_iter=k).trainer()
    trainer.run()
    step = optimizer_step(trainer.snapshot(), index)
    assert set(step) == GD_KEYS and step["t"] == k
    assert step["step"] == pytest.approx(-1e-4 * step["gradient"], rel=1e-14)
    assert step["weight_after"] == weights_at(config, k)[0][index]
    assert step["gradient"] == weights_at(config, k - 1)[1][index]


def test_no_step_before_the_first_iteration():
    trainer = RunConfig(**SMALL).trainer()
    assert optimizer_step(trainer.snapshot(), 0) is None


def test_a_refused_divergent_step_leaves_the_last_finite_step():
    trainer = RunConfig(optimizer="gd", alpha=0.1, max_iter=500).trainer()
    trainer.run()
    assert trainer.stop_reason is StopReason.DIVERGED
    step = optimizer_step(trainer.snapshot(), 0)
    assert step["t"] == trainer.iteration and step["weight_after"] == trainer.weights[0]
    assert math.isfinite(step["step"])


def test_switching_optimizer_starts_from_fresh_moments():
    trainer = RunConfig(optimizer="gd", **SMALL).trainer()
    trainer.run(3)
    from bpstudio.engine import make_optimizer

    trainer.set_optimizer(make_optimizer("adam"))
    trainer.step()
    step = optimizer_step(trainer.snapshot(), 2)
    assert step["t"] == 4 and step["m_prev"] == 0 and step["v_prev"] == 0


@pytest.mark.parametrize("optimizer,keys", [("adam", ADAM_KEYS), ("momentum", MOMENTUM_KEYS), ("gd", GD_KEYS)])
def test_chain_json_carries_the_step_from_k_minus_1_to_k(optimizer, keys):
    config = RunConfig(optimizer=optimizer, samples=60)
    result = run_bpstudio(
        "chain", "--param", "W0[1,2]", "--iterations", "3", "--samples", "60", "--optimizer", optimizer, "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    step = json.loads(result.stdout)["optimizer_step"]
    assert set(step) == keys and step["t"] == 3
    index = 1 * 5 + 2
    assert step["weight_after"] == weights_at(config, 3)[0][index]
    zero = run_bpstudio("chain", "--param", "W0[1,2]", "--samples", "60", "--format", "json")
    assert json.loads(zero.stdout)["optimizer_step"] is None


def test_a_state_saved_before_steps_were_recorded_has_no_step():
    from bpstudio.engine.snapshot import Snapshot

    trainer = RunConfig(**SMALL).with_changes(max_iter=2).trainer()
    trainer.run()
    snap = trainer.snapshot()
    old = {k: v for k, v in snap.optimizer_state.items() if k in ("m", "v", "m_hat", "v_hat", "step")}
    older = Snapshot.capture(snap.iteration, snap.jval, snap.weights, snap.gradient, "adam", snap.hyper, old, None)
    assert optimizer_step(older, 0) is None


def test_a_session_file_keeps_the_last_step(tmp_path):
    from bpstudio.control.files.session_file import load_session, save_session
    from bpstudio.control.runtime.session import TrainingSession

    session = TrainingSession(RunConfig(**SMALL))
    session.trainer.run(4)
    path = tmp_path / "s.bpstudio"
    save_session(path, session)
    loaded = load_session(path)
    assert optimizer_step(loaded.snapshot, 5) == optimizer_step(session.trainer.snapshot(), 5)
