"""chain, landscape and export-script take --playground URL (and --epochs N): a link's run, shown and exported.

The exported NumPy script is run and its per-epoch losses compared with Playground's own
(tests/fixtures/playground_runs.json); the chain's gradient with finite differences of
Playground's own loss function.
"""

import importlib.util
import json
import subprocess
import sys

import numpy as np
import pytest
from conftest import FIXTURES, run_bpstudio

from bpstudio.engine.config import RunConfig
from bpstudio.engine.playground.conventions import load_flat
from bpstudio.engine.playground.training import mean_loss

RUNS = json.loads((FIXTURES / "playground_runs.json").read_text())["runs"]
DEFAULTS = RUNS[0]
L1_RUN = next(run for run in RUNS if "L1 with dying" in run["name"])
LEFTOVER = next(run for run in RUNS if "leftover" in run["name"])
DEEP = next(run for run in RUNS if "8-8-8" in run["name"])
COS = next(run for run in RUNS if "cosX" in run["name"])


def test_chain_of_a_playground_run_after_n_epochs(tmp_path):
    out = tmp_path / "chain.json"
    done = run_bpstudio(
        "chain", "--playground", L1_RUN["url"], "--epochs", "6", "--param", "W1[2,0]", "--format", "json", "--out", str(out)
    )
    assert done.returncode == 0, done.stderr
    numbers = json.loads(out.read_text())
    assert numbers["chain_gradient"] == pytest.approx(numbers["backprop_gradient"], rel=1e-9, abs=1e-14)
    assert numbers["numeric_gradient"] == pytest.approx(numbers["backprop_gradient"], rel=1e-7, abs=1e-10)
    # the same weights in this process: Playground's own loss, differenced
    trainer = RunConfig.from_playground(L1_RUN["url"]).trainer()
    trainer.run(6)
    assert trainer.jval == L1_RUN["train_loss"][5]
    net, playground = trainer.network, trainer.playground_run
    index = net.param_index(*net.parse_param("W1[2,0]"))
    values = []
    for sign in (1, -1):
        bumped = trainer.weights.copy()
        bumped[index] += sign * 1e-6
        load_flat(net, playground.network, bumped, {})
        values.append(mean_loss(playground.network, playground.train_inputs, playground.train_targets))
    assert (values[0] - values[1]) / 2e-6 == pytest.approx(numbers["backprop_gradient"], rel=1e-7, abs=1e-10)


def test_landscape_of_a_playground_run_after_n_epochs(tmp_path):
    out = tmp_path / "slice.json"
    done = run_bpstudio("landscape", "--playground", DEFAULTS["url"], "--epochs", "3", "--param", "W0[1,2]", "--json", str(out), "--quiet")
    assert done.returncode == 0, done.stderr
    cut = json.loads(out.read_text())
    assert cut["iterations"] == 3 and cut["stop_reason"] is None
    assert cut["jval_at_point"] == pytest.approx(DEFAULTS["train_loss"][2], rel=1e-12)


def test_options_are_checked_with_clear_messages():
    alone = run_bpstudio("chain", "--epochs", "3", "--param", "W0[0,0]")
    assert alone.returncode == 2 and "--epochs" in alone.stderr and "Traceback" not in alone.stderr
    bad = run_bpstudio("landscape", "--playground", "#learningRate=0.02&seed=1", "--param", "W0[0,0]")
    assert bad.returncode == 2 and "learningRate" in bad.stderr and "Traceback" not in bad.stderr
    cos = run_bpstudio("chain", "--playground", COS["url"], "--param", "W0[0,0]")
    assert cos.returncode == 0 and "warning: cosX=true is accepted and ignored" in cos.stderr


@pytest.mark.parametrize("run", [DEFAULTS, L1_RUN, LEFTOVER, DEEP], ids=["defaults", "L1", "leftover", "deep spiral"])
def test_the_exported_numpy_script_gives_playgrounds_losses(tmp_path, run):
    script = tmp_path / "pg_numpy.py"
    done = run_bpstudio("export-script", "--framework", "numpy", "--playground", run["url"], "--out", str(script))
    assert done.returncode == 0, done.stderr
    out = tmp_path / "losses.json"
    epochs = 25
    subprocess.run(
        [sys.executable, str(script), "--epochs", str(epochs), "--print-every", "0", "--json", str(out)], check=True, timeout=300
    )
    losses = json.loads(out.read_text())
    for key in ("train_loss", "test_loss"):
        np.testing.assert_allclose(losses[key], run[key][:epochs], rtol=1e-9, atol=0)
    assert losses["train_loss"] == run["train_loss"][:epochs]  # and in fact bit for bit: Playground's order and Math functions


def test_the_exported_pytorch_script_follows_playground(tmp_path):
    script = tmp_path / "pg_torch.py"
    done = run_bpstudio("export-script", "--framework", "pytorch", "--playground", L1_RUN["url"], "--out", str(script))
    assert done.returncode == 0, done.stderr
    compile(script.read_text(), str(script), "exec")  # a script that runs wherever torch is
    if importlib.util.find_spec("torch") is None:
        pytest.skip("torch is not installed")
    out = tmp_path / "losses.json"
    subprocess.run([sys.executable, str(script), "--epochs", "20", "--print-every", "0", "--json", str(out)], check=True, timeout=300)
    np.testing.assert_allclose(json.loads(out.read_text())["train_loss"], L1_RUN["train_loss"][:20], rtol=1e-9, atol=0)


def test_train_saves_a_playground_session_that_continues_bit_for_bit(tmp_path):
    from bpstudio.control import Step, TrainingSession
    from bpstudio.control.files.session_file import load_session

    path = tmp_path / "pg.bpstudio"
    done = run_bpstudio("train", "--playground", LEFTOVER["url"], "--epochs", "8", "--save", str(path), "--quiet")
    assert done.returncode == 0, done.stderr
    info = run_bpstudio("info", str(path))
    assert info.returncode == 0 and "conventions: TensorFlow Playground" in info.stdout and "epoch:       8" in info.stdout
    session = TrainingSession()
    session.load(load_session(path))
    session.execute(Step(4))
    assert session.trainer.history.view()[1:].tolist() == LEFTOVER["train_loss"][:12]
