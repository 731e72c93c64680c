"""RMSProp, added as one module: its step against a hand loop and torch, its numbers on every view.

The oracle is the definition, written here by hand: ``v ← ρv + (1 − ρ)g²``, ``w ← w − α g/(√v + ε)``
with ρ the studio's beta2 and ε outside the square root (PyTorch's RMSprop).
"""

import json
import math
import subprocess

import numpy as np
import pytest
from conftest import run_bpstudio
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from test_script_export import TORCH_PYTHON, engine_run, export, max_relative_difference, needs_torch, run_script

from bpstudio.control.words.optimizer_lines import optimizer_lines
from bpstudio.engine.config import RunConfig
from bpstudio.engine.optimizers import RECORDS, make_optimizer

HYPER = {"alpha": 0.01, "beta2": 0.9, "epsilon": 1e-8}
X0 = [0.5, -1.0, 2.0]
GRADIENTS = [[1.0, -2.0, 0.5], [0.3, 0.1, -4.0], [-0.7, 0.0, 2.5], [2.0, -0.4, 0.01], [0.05, 3.0, -1.5]]


def hand_loop(x0, gradients, alpha, beta2, epsilon):
    """The definition, weight by weight in plain floats: every x after each step."""
    x, v, path = list(x0), [0.0] * len(x0), []
    for g in gradients:
        for i, gi in enumerate(g):
            v[i] = beta2 * v[i] + (1 - beta2) * gi * gi
            x[i] = x[i] - alpha * gi / (math.sqrt(v[i]) + epsilon)
        path.append(list(x))
    return path


def studio_path(name, hyper, x0, gradients):
    optimizer = make_optimizer(name, **hyper)
    optimizer.reset(len(x0))
    x, path = np.array(x0), []
    for k, g in enumerate(gradients, start=1):
        x = optimizer.step(x, np.array(g), k)
        path.append(x.tolist())
    return optimizer, np.array(path)


def test_rmsprop_follows_its_definition_step_by_step():
    optimizer, path = studio_path("rmsprop", HYPER, X0, GRADIENTS)
    np.testing.assert_allclose(path, hand_loop(X0, GRADIENTS, **HYPER), rtol=1e-15, atol=1e-15)
    v = np.zeros(3)
    for g in GRADIENTS:
        v = 0.9 * v + 0.1 * np.square(g)
    np.testing.assert_allclose(optimizer.state()["v"], v, rtol=1e-15)
    # the first step is ±α/√(1 − ρ) whatever g's size (v = (1 − ρ)g²); a zero gradient does not move
    _, first = studio_path("rmsprop", HYPER, [0.0, 0.0, 0.0], [[5.0, -0.1, 0.0]])
    np.testing.assert_allclose(first[0], [-0.01 / math.sqrt(0.1), 0.01 / math.sqrt(0.1), 0.0], rtol=1e-6)


TORCH_RMSPROP = """
import json, sys, torch
torch.set_default_dtype(torch.float64)
spec = json.loads(sys.argv[1])
w = torch.tensor(spec["x0"], requires_grad=True)
opt = torch.optim.RMSprop([w], lr=spec["alpha"], alpha=spec["beta2"], eps=spec["epsilon"])
path = []
for g in spec["gradients"]:
    w.grad = torch.tensor(g)
    opt.step()
    path.append(w.detach().tolist())
print(json.dumps(path))
"""


@pytest.mark.torch
def test_rmsprop_takes_torchs_steps():
    needs_torch()
    rng = np.random.default_rng(7)
    gradients = rng.normal(0, 3, (200, 4)).tolist()
    x0 = rng.uniform(-1, 1, 4).tolist()
    spec = {"x0": x0, "gradients": gradients, **HYPER}
    out = subprocess.run([TORCH_PYTHON, "-c", TORCH_RMSPROP, json.dumps(spec)], capture_output=True, text=True, check=True)
    torch_path = np.array(json.loads(out.stdout))
    _, path = studio_path("rmsprop", HYPER, x0, gradients)
    difference = float(np.max(np.abs(path - torch_path)))
    print(f"RMSProp vs torch.optim.RMSprop, 200 steps: max |Δx| = {difference:.3g}")
    assert difference <= 1e-12


def test_the_chain_json_and_the_step_block_carry_rmsprops_step():
    result = run_bpstudio(
        "chain", "--param", "W0[1,2]", "--iterations", "3", "--samples", "60", "--optimizer", "rmsprop", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    step = json.loads(result.stdout)["optimizer_step"]
    assert set(step) == {"t", "gradient", "v_prev", "v", "step", "weight_before", "weight_after"} and step["t"] == 3
    config = RunConfig(samples=60, optimizer="rmsprop")
    b2, alpha, eps, g = config.beta2, config.alpha, config.epsilon, step["gradient"]
    assert step["v"] == pytest.approx(b2 * step["v_prev"] + (1 - b2) * g * g, rel=1e-14)
    assert step["step"] == pytest.approx(-alpha * g / (math.sqrt(step["v"]) + eps), rel=1e-14)
    assert step["weight_after"] == pytest.approx(step["weight_before"] + step["step"], abs=1e-15)
    lines = optimizer_lines(step, "rmsprop", config.hyper)
    by_left = {left: (formula, value) for left, formula, value in lines}
    assert by_left["v"][1] == step["v"] and by_left[r"\Delta w"][1] == step["step"]
    assert r"\sqrt{v}+\epsilon" in by_left[r"\Delta w"][0] and r"-\alpha\, g" not in by_left[r"\Delta w"][0]


def test_inspector_and_phase_banner_show_rmsprops_step(qtbot, open_studio):
    win = open_studio(RunConfig(optimizer="rmsprop", samples=50))
    step_phase = win.findChild(QAction, "step_phase")
    for _ in range(8):  # forward, loss, backward ..., then the update
        before = win.phase_banner.text()
        step_phase.trigger()
        qtbot.waitUntil(lambda before=before: win.phase_banner.isVisible() and win.phase_banner.text() != before, timeout=5000)
        if win.phase_banner.phase.kind == "update":
            break
    assert "update (RMSProp)" in win.phase_banner.text()
    assert win.phase_banner.phase.equation(1, "tanh", "rmsprop") == RECORDS["rmsprop"].update
    win.languages.set_language("zh_CN")
    assert QApplication.translate("Options", "RMSProp") in win.phase_banner.text()
    win.languages.set_language("en")
    win.network_view.select_param(0)
    qtbot.waitUntil(
        lambda: win.inspector.view is not None and win.inspector.view.iteration >= 1 and win.inspector.view.exact, timeout=10000
    )
    inspector = win.inspector
    qtbot.waitUntil(lambda: "g is the gradient the step used" in inspector.step_note.text(), timeout=10000)
    assert "No step has been taken yet" not in inspector.step_note.text()
    lefts = [left for left, _, _ in inspector.view.step_lines]
    assert lefts == ["t", "g", "v", r"\Delta w", "w_{t-1}", "w_t"]
    assert not inspector.adam_first.isVisibleTo(inspector)


# With ρ = 0.9 both runs still agree to rounding for 300 iterations, then part (2.8e-7 by 1 000): a
# short memory of g² makes each step nearly ±α·sign(g), and the gradients' last-bit differences
# (the script's own backward pass) grow.  ρ = 0.99 and the studio's 0.999 stay at rounding.
def test_rmsprops_numpy_export_reproduces_the_studio_over_1000_iterations(tmp_path):
    options = ("--optimizer", "rmsprop", "--beta2", "0.99")  # PyTorch's default ρ
    run, _ = run_script(export(tmp_path, "numpy", *options), "--max-iter", "1000")
    trainer = engine_run(*options)
    assert run["iterations"] == 1000 and run["stop_reason"] == "max_iter"
    assert max_relative_difference(run["jval"], trainer.history.view()) <= 1e-10
    assert max_relative_difference(run["weights"], trainer.weights) <= 1e-10


@pytest.mark.torch
def test_rmsprops_pytorch_export_reproduces_the_studio_over_1000_iterations(tmp_path):
    needs_torch()
    options = ("--optimizer", "rmsprop", "--beta2", "0.99")  # PyTorch's default ρ
    run, _ = run_script(export(tmp_path, "pytorch", *options), "--max-iter", "1000", python=TORCH_PYTHON)
    trainer = engine_run(*options)
    assert run["iterations"] == 1000 and run["stop_reason"] == "max_iter"
    difference = max_relative_difference(run["jval"], trainer.history.view())
    print(f"RMSProp PyTorch export vs studio, 1000 iterations: max relative JVal difference = {difference:.3g}")
    assert difference <= 1e-10
