"""The chain's numbers where they are hardest: a penalty at one sample, saturated outputs, diverged runs.

Issue #25 items 14-16.  The penalty belongs to no sample, so one sample's chain
carries dR/dw / n of it; an output that has saturated (a sigmoid's logit beyond
±37, a softmax gap beyond ~709) still has a finite gradient, which the chain
must agree with; and a diverged or saturated run's JSON is JSON (no bare NaN or
Infinity) with no NumPy warning on the console.  The saturated gradients are
checked against PyTorch's autograd (float64) when torch is importable.
"""

import json
import os
import subprocess
import sys

import numpy as np
import pytest
from conftest import run_bpstudio

from bpstudio.control.words.number_format import solution_title
from bpstudio.engine.chain import InfluenceChain
from bpstudio.engine.chain_board import board
from bpstudio.engine.config import RunConfig
from bpstudio.engine.gradcheck import numeric_gradient
from bpstudio.engine.sample_contributions import sample_contributions

TORCH_PYTHON = os.environ.get("BPSTUDIO_TORCH_PYTHON", sys.executable)


def strict_loads(text):
    """json.loads that refuses NaN and Infinity, as JavaScript's JSON.parse and jq do."""

    def refuse(constant):
        raise ValueError(f"bare {constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


# -- item 14: a penalty at one sample ---------------------------------------------------------
@pytest.mark.parametrize("penalty", [{"l2": 0.5}, {"l1": 0.3}], ids=["l2", "l1"])
@pytest.mark.parametrize("param", ["W0[0,0]", "W1[2,1]"])
def test_one_samples_chain_carries_its_share_of_the_penalty(penalty, param):
    trainer = RunConfig(samples=12, **penalty).trainer()
    trainer.run(3)
    net, data, weights = trainer.network, trainer.dataset, trainer.weights
    chain = InfluenceChain.of(net, param)
    index = net.param_index(*net.parse_param(param))
    whole = chain.evaluate(weights, data)
    dR = float(net.penalty(weights)[1][index])
    assert dR != 0
    terms = sample_contributions(net, weights, data, index)  # the inspector's per-sample terms
    singles = [chain.evaluate(weights, data, sample=s) for s in range(data.n_samples)]
    # the per-sample values add up to the gradient, penalty counted once
    assert sum(c.chain_gradient for c in singles) == pytest.approx(whole.backprop_gradient, rel=1e-10)
    for s, single in enumerate(singles):
        expected = terms.value_of(s) + dR / data.n_samples  # L_s's own term plus R's share
        assert single.chain_gradient == pytest.approx(expected, rel=1e-10, abs=1e-13)
        assert single.backprop_gradient == pytest.approx(expected, rel=1e-10, abs=1e-13)
        assert single.per_output["penalty"] == pytest.approx(dR / data.n_samples, rel=1e-12)
        assert single.numeric_gradient == pytest.approx(expected, rel=1e-6, abs=1e-8)
    # and the whole set's numeric gradient is the independent check of the total
    assert whole.backprop_gradient == pytest.approx(numeric_gradient(net, weights, data, [index])[0], rel=1e-6)


def test_cli_chain_of_one_sample_with_a_penalty():
    args = ["chain", "--param", "W0[0,0]", "--samples", "10", "--l2", "0.5", "--format", "json"]
    totals = [strict_loads(run_bpstudio(*args, "--sample", str(s)).stdout)["chain_gradient"] for s in range(10)]
    whole = strict_loads(run_bpstudio(*args).stdout)
    assert sum(totals) == pytest.approx(whole["backprop_gradient"], rel=1e-10)


# -- item 15: saturated outputs ---------------------------------------------------------------
def saturated(output, factor):
    """A classifier whose outputs saturate on confidently wrong answers: weights scaled, the last layer flipped."""
    config = RunConfig(dataset="gauss", loss="cross-entropy", output=output, activation="identity", samples=16)
    trainer = config.trainer()
    weights = trainer.weights * factor
    trainer.network.layers(weights)[-1][...] *= -1  # a view: every answer is now the wrong class
    return trainer, weights


def logits_of(trainer, weights):
    net, data = trainer.network, trainer.dataset
    signal = data.inputs_aug
    for matrix in net.layers(weights):
        signal = np.vstack([matrix.T @ signal, np.ones(signal.shape[1])])
    return signal[:-1]


@pytest.mark.parametrize(
    "output,factor",
    [("sigmoid", 8), ("sigmoid", 40), ("softmax", 40), ("softmax", 400)],
)
def test_a_saturated_output_keeps_the_chain_finite_and_equal_to_backprop(output, factor):
    trainer, weights = saturated(output, factor)
    logits = logits_of(trainer, weights)
    spread = np.max(np.abs(logits)) if output == "sigmoid" else np.max(np.ptp(logits, axis=0))
    assert spread > (37 if factor > 10 else 0)  # beyond the saturation the issue names
    net = trainer.network
    for param in ("W0[0,0]", "W1[0,0]", "W1[3,0]"):
        numbers = InfluenceChain.of(net, param).evaluate(weights, trainer.dataset)
        assert np.isfinite(numbers.backprop_gradient) and numbers.backprop_gradient != 0
        assert numbers.chain_gradient == pytest.approx(numbers.backprop_gradient, rel=1e-9)
        assert sum(numbers.per_output.values()) == pytest.approx(numbers.backprop_gradient, rel=1e-9)
        assert sum(p.value for p in numbers.paths) == pytest.approx(numbers.backprop_gradient, rel=1e-9)
        chain = InfluenceChain.of(net, param)
        single = chain.evaluate(weights, trainer.dataset, sample=3)
        assert np.isfinite(single.chain_gradient)
        for block in board(chain, single):  # the inspector's blackboard: every row a finite number adding up
            assert all(np.isfinite(row.value) for row in block.rows)
            assert sum(row.value for row in block.rows) == pytest.approx(block.value, rel=1e-9, abs=1e-300)


TORCH_GRADIENT = """
import json, sys, torch
given = json.load(sys.stdin)
signal = torch.tensor(given["inputs"], dtype=torch.float64)
mats = [torch.tensor(m, dtype=torch.float64, requires_grad=True) for m in given["layers"]]
for m in mats:
    signal = torch.cat([m.T @ signal, torch.ones(1, signal.shape[1], dtype=torch.float64)])
logits, targets = signal[:-1], torch.tensor(given["targets"], dtype=torch.float64)
if given["output"] == "softmax":
    loss = -(targets * torch.log_softmax(logits, dim=0)).sum()
else:
    loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, targets, reduction="sum")
loss.backward()
print(json.dumps([m.grad.tolist() for m in mats]))
"""


@pytest.mark.torch
@pytest.mark.parametrize("output,factor", [("sigmoid", 40), ("softmax", 400)])
def test_saturated_chain_agrees_with_torch(output, factor):
    found = subprocess.run([TORCH_PYTHON, "-c", "import torch"], capture_output=True)
    if found.returncode != 0:
        pytest.skip(f"torch is not importable by {TORCH_PYTHON}")
    trainer, weights = saturated(output, factor)
    net, data = trainer.network, trainer.dataset
    given = {
        "inputs": data.inputs_aug.tolist(),
        "layers": [m.tolist() for m in net.layers(weights)],
        "targets": data.targets_t.tolist(),
        "output": output,
    }
    run = subprocess.run([TORCH_PYTHON, "-c", TORCH_GRADIENT], input=json.dumps(given), capture_output=True, text=True, check=True)
    grads = [np.array(g) for g in json.loads(run.stdout)]
    for layer, row, col in [(0, 0, 0), (1, 0, 0), (1, 5, 0), (0, 2, 3), (1, 3, 0)]:
        numbers = InfluenceChain.of(net, (layer, row, col)).evaluate(weights, data, with_numeric=False)
        assert numbers.chain_gradient == pytest.approx(grads[layer][row, col], rel=1e-9, abs=1e-12)


def test_cli_chain_json_of_a_saturated_run_is_strict_json_and_quiet():
    """Sigmoid cross-entropy trained with a huge step: the outputs saturate."""
    args = ["chain", "--param", "W1[0,0]", "--dataset", "gauss", "--loss", "cross-entropy", "--output", "sigmoid"]
    run = run_bpstudio(*args, "--activation", "identity", "--optimizer", "gd", "--alpha", "30", "--iterations", "20", "--format", "json")
    assert run.returncode == 0 and "Warning" not in run.stderr
    data = strict_loads(run.stdout)
    assert data["chain_gradient"] == pytest.approx(data["backprop_gradient"], rel=1e-9)


# -- item 16 and the JSON of diverged runs ---------------------------------------------------------
DIVERGING = ["--activation", "identity", "--optimizer", "gd", "--alpha", "1"]


def test_diverged_landscape_and_train_json_are_strict_json(tmp_path):
    out = tmp_path / "slice.json"
    run = run_bpstudio("landscape", "--param", "W0[0,0]", *DIVERGING, "--iterations", "50", "--json", str(out), "--quiet")
    assert run.returncode == 0 and "Warning" not in run.stderr
    data = strict_loads(out.read_text())
    assert data["stop_reason"] == "diverged"
    assert None in data["jval"] and "jval[]" in data["null_reasons"]  # JVal far along the slice overflows
    assert "+∞" in data["null_reasons"]["jval[]"]
    run = run_bpstudio("train", *DIVERGING, "--max-iter", "50", "--json", str(tmp_path / "run.json"), "--quiet")
    assert run.returncode == 0 and "Warning" not in run.stderr
    assert strict_loads((tmp_path / "run.json").read_text())["stop_reason"] == "diverged"


def test_diverged_chain_prints_no_numpy_warning():
    run = run_bpstudio("chain", "--param", "W0[0,0]", *DIVERGING, "--iterations", "50", "--format", "json")
    assert run.returncode == 0 and "Warning" not in run.stderr
    strict_loads(run.stdout)


def test_a_diverged_runs_figure_title_stays_short(tmp_path):
    assert solution_title([1.0, 7.988557644e307]) == "solution-JVal = 7.98856e+307"
    assert solution_title([0.000123456]) == "solution-JVal = 0.00012"
    assert solution_title([]) == "no iterations"
    figure = tmp_path / "run.svg"
    run = run_bpstudio("train", "--optimizer", "gd", "--alpha", "1", "--max-iter", "50", "--plot", str(figure), "--quiet")
    assert run.returncode == 0
    assert "solution-JVal = 7.98856e+307" in figure.read_text()
