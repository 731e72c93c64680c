"""Nesterov momentum, added as one module: its step against a hand loop and torch, and on every view.

The oracle is the definition in the form ``torch.optim.SGD(nesterov=True)`` uses, written here by
hand: ``u ← β₁u + g``, ``w ← w − α(g + β₁u)``.
"""

import json
import subprocess

import numpy as np
import pytest
from conftest import run_bpstudio
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from test_rmsprop import studio_path
from test_script_export import TORCH_PYTHON, engine_run, export, max_relative_difference, needs_torch, run_script

from bpstudio.control.words.optimizer_lines import optimizer_lines
from bpstudio.engine.config import RunConfig
from bpstudio.engine.optimizers import RECORDS

HYPER = {"alpha": 0.05, "beta1": 0.8}
X0 = [0.5, -1.0, 2.0]
GRADIENTS = [[1.0, -2.0, 0.5], [0.3, 0.1, -4.0], [-0.7, 0.0, 2.5], [2.0, -0.4, 0.01], [0.05, 3.0, -1.5]]


def hand_loop(x0, gradients, alpha, beta1):
    """The definition, weight by weight in plain floats: every x after each step."""
    x, u, path = list(x0), [0.0] * len(x0), []
    for g in gradients:
        for i, gi in enumerate(g):
            u[i] = beta1 * u[i] + gi
            x[i] = x[i] - alpha * (gi + beta1 * u[i])
        path.append(list(x))
    return path


def test_nesterov_follows_its_definition_step_by_step():
    optimizer, path = studio_path("nesterov", HYPER, X0, GRADIENTS)
    np.testing.assert_allclose(path, hand_loop(X0, GRADIENTS, **HYPER), rtol=1e-15, atol=1e-15)
    # the first step looks ahead: u = g, so the step is −α(1 + β₁)g, not heavy ball's −αg
    _, first = studio_path("nesterov", HYPER, [0.0], [[2.0]])
    assert first[0][0] == pytest.approx(-0.05 * 1.8 * 2.0, rel=1e-15)
    _, heavy = studio_path("momentum", HYPER, X0, GRADIENTS)
    assert np.max(np.abs(heavy - path)) > 1e-3  # not heavy-ball momentum under another name


TORCH_NESTEROV = """
import json, sys, torch
torch.set_default_dtype(torch.float64)
spec = json.loads(sys.argv[1])
w = torch.tensor(spec["x0"], requires_grad=True)
opt = torch.optim.SGD([w], lr=spec["alpha"], momentum=spec["beta1"], nesterov=True)
path = []
for g in spec["gradients"]:
    w.grad = torch.tensor(g)
    opt.step()
    path.append(w.detach().tolist())
print(json.dumps(path))
"""


@pytest.mark.torch
def test_nesterov_takes_torchs_steps():
    needs_torch()
    rng = np.random.default_rng(11)
    gradients = rng.normal(0, 3, (200, 4)).tolist()
    x0 = rng.uniform(-1, 1, 4).tolist()
    spec = {"x0": x0, "gradients": gradients, **HYPER}
    out = subprocess.run([TORCH_PYTHON, "-c", TORCH_NESTEROV, json.dumps(spec)], capture_output=True, text=True, check=True)
    torch_path = np.array(json.loads(out.stdout))
    _, path = studio_path("nesterov", HYPER, x0, gradients)
    difference = float(np.max(np.abs(path - torch_path)))
    print(f"Nesterov vs torch.optim.SGD(nesterov=True), 200 steps: max |Δx| = {difference:.3g}")
    assert difference <= 1e-12


def test_the_chain_json_and_the_step_block_carry_nesterovs_step():
    result = run_bpstudio(
        "chain", "--param", "W0[1,2]", "--iterations", "3", "--samples", "60", "--optimizer", "nesterov", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    step = json.loads(result.stdout)["optimizer_step"]
    assert set(step) == {"t", "gradient", "u_prev", "u", "d", "step", "weight_before", "weight_after"} and step["t"] == 3
    config = RunConfig(samples=60, optimizer="nesterov")
    b1, alpha, g = config.beta1, config.alpha, step["gradient"]
    assert step["u"] == pytest.approx(b1 * step["u_prev"] + g, rel=1e-14)
    assert step["d"] == pytest.approx(g + b1 * step["u"], rel=1e-14)
    assert step["step"] == pytest.approx(-alpha * step["d"], rel=1e-14)
    assert step["weight_after"] == pytest.approx(step["weight_before"] + step["step"], abs=1e-15)
    lines = optimizer_lines(step, "nesterov", config.hyper)
    by_left = {left: (formula, value) for left, formula, value in lines}
    assert by_left["u"][1] == step["u"] and by_left["d"][1] == step["d"] and by_left[r"\Delta w"][1] == step["step"]
    assert r"-\alpha\, g" not in by_left[r"\Delta w"][0]


def test_inspector_and_phase_banner_show_nesterovs_step(qtbot, open_studio):
    win = open_studio(RunConfig(optimizer="nesterov", samples=50))
    step_phase = win.findChild(QAction, "step_phase")
    for _ in range(8):  # forward, loss, backward ..., then the update
        before = win.phase_banner.text()
        step_phase.trigger()
        qtbot.waitUntil(lambda before=before: win.phase_banner.isVisible() and win.phase_banner.text() != before, timeout=5000)
        if win.phase_banner.phase.kind == "update":
            break
    assert "update (Nesterov momentum)" in win.phase_banner.text()
    assert win.phase_banner.phase.equation(1, "tanh", "nesterov") == RECORDS["nesterov"].update
    win.languages.set_language("zh_CN")
    assert QApplication.translate("Options", "Nesterov momentum") in win.phase_banner.text()
    win.languages.set_language("en")
    win.network_view.select_param(0)
    inspector = win.inspector
    qtbot.waitUntil(lambda: inspector.view is not None and inspector.view.iteration >= 1 and inspector.view.exact, timeout=10000)
    qtbot.waitUntil(lambda: "g is the gradient the step used" in inspector.step_note.text(), timeout=10000)
    assert "No step has been taken yet" not in inspector.step_note.text()
    assert [left for left, _, _ in inspector.view.step_lines] == ["t", "g", "u", "d", r"\Delta w", "w_{t-1}", "w_t"]


# α = 3e-5: on the article's data α = 1e-4 makes momentum and Nesterov alike oscillate (JVal up and
# down by hundreds), and a run that unstable amplifies the script's last-bit gradient differences.
OPTIONS = ("--optimizer", "nesterov", "--alpha", "3e-5")


def test_nesterovs_numpy_export_reproduces_the_studio_over_1000_iterations(tmp_path):
    run, _ = run_script(export(tmp_path, "numpy", *OPTIONS), "--max-iter", "1000")
    trainer = engine_run(*OPTIONS)
    assert run["iterations"] == 1000 and run["stop_reason"] == "max_iter"
    assert max_relative_difference(run["jval"], trainer.history.view()) <= 1e-10
    assert max_relative_difference(run["weights"], trainer.weights) <= 1e-10


@pytest.mark.torch
def test_nesterovs_pytorch_export_reproduces_the_studio_over_1000_iterations(tmp_path):
    needs_torch()
    run, _ = run_script(export(tmp_path, "pytorch", *OPTIONS), "--max-iter", "1000", python=TORCH_PYTHON)
    trainer = engine_run(*OPTIONS)
    assert run["iterations"] == 1000 and run["stop_reason"] == "max_iter"
    difference = max_relative_difference(run["jval"], trainer.history.view())
    print(f"Nesterov PyTorch export vs studio, 1000 iterations: max relative JVal difference = {difference:.3g}")
    assert difference <= 1e-10
