"""``bpstudio train --playground URL``: the link's own run on the command line (issue 29).

The JSON's ``playground`` part is checked against tests/fixtures/playground_runs.json, made by
Playground's own code under Node: the points, every epoch's losses and the hash, double for
double; the gradient it reports against finite differences of Playground's mean loss.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from bpstudio.app import main
from bpstudio.cli.playground import mean_loss_gradient
from bpstudio.engine.playground.link import read_link
from bpstudio.engine.playground.run import start_run
from bpstudio.engine.playground.training import mean_loss

RUNS = {run["name"]: run for run in json.loads((Path(__file__).parent / "fixtures" / "playground_runs.json").read_text())["runs"]}
QUICK = [
    "spiral tanh 8-8-8, every input",
    "gauss sigmoid, batch 30 with leftover points, noise 35, L2",
    "circle relu, initZero, sin features, L1",
]


@pytest.mark.parametrize("name", QUICK)
def test_the_json_holds_playgrounds_own_run(name, tmp_path, capsys):
    run = RUNS[name]
    out = tmp_path / "run.json"
    url = "https://playground.tensorflow.org/" + run["url"]
    assert main(["train", "--playground", url, "--epochs", "200", "--json", str(out), "--quiet"]) == 0
    written = json.loads(out.read_text())
    pg = written["playground"]
    assert pg["train_points"] == run["train_points"] and pg["test_points"] == run["test_points"]
    assert pg["train_loss"] == run["train_loss"] and pg["test_loss"] == run["test_loss"]  # bit for bit, 200 epochs
    assert pg["hash"] == run["hash"]
    assert written["jval"] == run["train_loss"] and written["iterations"] == 200 and written["stop_reason"] == "max_iter"
    final = [np.array([node["weights"] + [node["bias"]] for node in layer]).T.tolist() for layer in run["final"]]
    assert written["weights"] == final  # (n_in + 1, n_out), the bias the last row, as every train JSON
    for key in ("config", "sizes", "final_jval", "gradient", "elapsed_s", "test_jval", "test_samples"):
        assert key in written
    assert capsys.readouterr().err == ""


def test_epochs_runs_exactly_that_many(tmp_path):
    out = tmp_path / "run.json"
    link = RUNS["regression plane, linear, no hidden layer, noise 15"]["url"]
    assert main(["train", "--playground", link, "--epochs", "7", "--json", str(out), "--quiet"]) == 0
    pg = json.loads(out.read_text())["playground"]
    assert len(pg["train_loss"]) == len(pg["test_loss"]) == 7
    assert pg["train_loss"] == RUNS["regression plane, linear, no hidden layer, noise 15"]["train_loss"][:7]


def test_cos_features_warn_on_stderr_and_still_run(capsys):
    link = "#activation=tanh&networkShape=2&seed=0.5&x=true&y=true&cosX=true&mystery=1"
    assert main(["train", "--playground", link, "--epochs", "1", "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "warning: cosX=true is accepted and ignored" in err and "mystery" in err


@pytest.mark.parametrize(
    ("link", "key"),
    [
        ("#activation=softplus&seed=1", "activation"),
        ("#learningRate=0.5&seed=1", "learningRate"),
        ("#networkShape=9&seed=1", "networkShape"),
        ("#batchSize=abc&seed=1", "batchSize"),
        ("#noise=55&seed=1", "noise"),
    ],
)
def test_a_refused_link_exits_2_naming_the_key(link, key, capsys):
    assert main(["train", "--playground", link, "--epochs", "1"]) == 2
    err = capsys.readouterr().err
    assert "argument --playground" in err and key in err and "Traceback" not in err


def test_epochs_without_a_link_is_refused(capsys):
    assert main(["train", "--epochs", "3"]) == 2
    assert "--epochs" in capsys.readouterr().err


def test_the_reported_gradient_is_the_mean_losss_by_finite_differences():
    link = "#activation=tanh&batchSize=10&dataset=circle&networkShape=3,2&seed=0.61&x=true&y=true&xSquared=true&learningRate=0.03"
    run = start_run(read_link(link).state)
    for _ in range(3):
        run.epoch()
    gradient = mean_loss_gradient(run)
    h = 1e-6
    for index, layer in enumerate(run.network.layers):
        for k, j in [(0, 0), (layer.weights.shape[0] - 1, layer.weights.shape[1] - 1)]:
            saved = layer.weights[k, j]
            layer.weights[k, j] = saved + h
            up = mean_loss(run.network, run.train_inputs, run.train_targets)
            layer.weights[k, j] = saved - h
            down = mean_loss(run.network, run.train_inputs, run.train_targets)
            layer.weights[k, j] = saved
            assert gradient[index][j][k] == pytest.approx((up - down) / (2 * h), rel=1e-5, abs=1e-9)
        saved = layer.biases[0]
        layer.biases[0] = saved + h
        up = mean_loss(run.network, run.train_inputs, run.train_targets)
        layer.biases[0] = saved - h
        down = mean_loss(run.network, run.train_inputs, run.train_targets)
        layer.biases[0] = saved
        assert gradient[index][-1][0] == pytest.approx((up - down) / (2 * h), rel=1e-5, abs=1e-9)


def test_to_playground_prints_the_links_canonical_url(capsys):
    run = RUNS["circle tanh, Playground's defaults"]
    assert main(["train", "--playground", run["url"], "--to-playground"]) == 0
    assert capsys.readouterr().out.strip() == "https://playground.tensorflow.org/#" + run["hash"]


def test_to_playground_refuses_a_studio_run_with_the_reason(capsys):
    assert main(["train", "--to-playground"]) == 2
    err = capsys.readouterr().err
    assert "--to-playground" in err and "conventions" in err
