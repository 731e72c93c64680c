"""Playground conventions as a run setting: the config, the trainer, the session file, the chain.

The numbers are checked against Playground's own outputs (tests/fixtures/playground_runs.json,
made by its code under Node) and against finite differences of Playground's own loss function.
"""

import io
import json
import zipfile

import numpy as np
import pytest
from conftest import FIXTURES

from bpstudio.control import Step, TrainingSession
from bpstudio.control.files.session_file import VERSION, SessionFileError, load_session, save_session
from bpstudio.engine.chain import InfluenceChain
from bpstudio.engine.config import ConfigError, RunConfig
from bpstudio.engine.messages import Refusal
from bpstudio.engine.playground.conventions import load_flat
from bpstudio.engine.playground.training import mean_loss

RUNS = json.loads((FIXTURES / "playground_runs.json").read_text())["runs"]
BY_NAME = {run["name"]: run for run in RUNS}
L1_RUN = next(run for run in RUNS if "L1 with dying" in run["name"])
LEFTOVER = next(run for run in RUNS if "leftover" in run["name"])
DEEP = next(run for run in RUNS if "three hidden" in run["name"])


@pytest.mark.parametrize("run", RUNS, ids=[run["name"] for run in RUNS])
def test_a_playground_config_trains_playgrounds_epochs(run):
    config = RunConfig.from_playground(run["url"])
    trainer = config.trainer()
    assert trainer.run(40) == 40  # no stop test ends a Playground run early
    assert trainer.history.view()[1:].tolist() == run["train_loss"][:40]
    assert trainer.test_history is not None and trainer.test_history.view()[1:].tolist() == run["test_loss"][:40]


def test_the_link_fixes_the_settings_it_sets():
    config = RunConfig.from_playground(LEFTOVER["url"])
    assert config.optimizer == "gd" and config.loss == "playground-mean" and config.batch_size == 30
    with pytest.raises(ConfigError) as err:
        config.with_changes(alpha=0.5)
    assert err.value.field == "alpha" and "set by the link" in str(err.value)
    assert config.with_changes(max_iter=7).max_iter == 7  # what Playground leaves free stays free


def test_a_bad_link_is_refused_naming_the_key():
    with pytest.raises(Refusal, match="batchSize"):
        RunConfig.from_playground("#batchSize=99&seed=0.5")
    with pytest.raises(ConfigError) as err:
        RunConfig(playground="activation=swish&seed=1")
    assert err.value.field == "playground" and "activation" in str(err.value)


@pytest.mark.parametrize("run", [L1_RUN, LEFTOVER], ids=["L1 dead links", "leftover points"])
def test_saved_and_reopened_a_playground_run_goes_on_bit_for_bit(tmp_path, run):
    config = RunConfig.from_playground(run["url"])
    first = TrainingSession(config)
    first.execute(Step(9))
    path = tmp_path / "pg.bpstudio"
    save_session(path, first)
    saved = load_session(path)
    assert saved.config == config
    resumed = TrainingSession()
    resumed.load(saved)
    resumed.execute(Step(11))
    straight = TrainingSession(config)
    straight.execute(Step(20))
    assert np.array_equal(resumed.trainer.weights, straight.trainer.weights)
    assert np.array_equal(resumed.trainer.history.view(), straight.trainer.history.view())
    assert resumed.trainer.history.view()[1:].tolist() == run["train_loss"][:20]
    with zipfile.ZipFile(path) as archive:
        document = json.loads(archive.read("session.json"))
    assert document["version"] == VERSION == 3
    assert document["conventions"] == {"kind": "playground", "hash": config.playground}


def _rewritten(path, out, change):
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    document = json.loads(members["session.json"])
    change(document)
    members["session.json"] = json.dumps(document).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    out.write_bytes(buffer.getvalue())
    return out


def test_a_strangers_playground_file_is_refused_naming_the_key(tmp_path):
    session = TrainingSession(RunConfig.from_playground(LEFTOVER["url"]))
    session.execute(Step(2))
    good = tmp_path / "good.bpstudio"
    save_session(good, session)

    def bad_batch(document):
        document["conventions"]["hash"] = document["conventions"]["hash"].replace("batchSize=30", "batchSize=31")

    with pytest.raises(SessionFileError, match=r"conventions\.hash.*batchSize"):
        load_session(_rewritten(good, tmp_path / "a.bpstudio", bad_batch))

    def other_rate(document):
        document["config"]["alpha"] = 0.5

    with pytest.raises(SessionFileError, match=r"config\.alpha.*set by the link"):
        load_session(_rewritten(good, tmp_path / "b.bpstudio", other_rate))

    def no_kind(document):
        document["conventions"] = {"hash": "x"}

    with pytest.raises(SessionFileError, match="'conventions'"):
        load_session(_rewritten(good, tmp_path / "c.bpstudio", no_kind))


def test_a_version_2_file_made_before_conventions_opens_as_a_studio_run():
    saved = load_session(FIXTURES / "v2_circle.bpstudio")
    assert saved.config.playground == "" and saved.config.dataset == "circle" and saved.config.loss == "cross-entropy"
    assert saved.snapshot.iteration == 12 and saved.pace.run_for == 200
    resumed = TrainingSession()
    resumed.load(saved)
    resumed.execute(Step(3))
    straight = TrainingSession(saved.config)
    straight.execute(Step(15))
    np.testing.assert_allclose(resumed.trainer.weights, straight.trainer.weights, rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize(
    "run", [DEEP, L1_RUN, BY_NAME["regression plane, linear, no hidden layer, noise 15"]], ids=["deep", "L1", "regression"]
)
def test_chain_backprop_and_finite_differences_agree_on_a_playground_run(run):
    config = RunConfig.from_playground(run["url"])
    session = TrainingSession(config)
    session.execute(Step(5))
    trainer = session.trainer
    net, data, weights = trainer.network, trainer.dataset, trainer.weights
    playground = trainer.playground_run
    inputs, targets = playground.train_inputs, playground.train_targets

    def playground_loss(flat):  # Playground's own forward pass and getLoss, independent of the studio's
        load_flat(net, playground.network, flat, {})
        return mean_loss(playground.network, inputs, targets)

    assert trainer.jval == run["train_loss"][4]
    step = 1e-6
    for index in range(0, net.n_params, max(1, net.n_params // 12)):
        numbers = InfluenceChain.of(net, net.param_name(index)).evaluate(weights, data)
        bumped = [weights.copy(), weights.copy()]
        bumped[0][index] += step
        bumped[1][index] -= step
        difference = (playground_loss(bumped[0]) - playground_loss(bumped[1])) / (2 * step)
        assert numbers.chain_gradient == pytest.approx(numbers.backprop_gradient, rel=1e-9, abs=1e-14)
        assert numbers.numeric_gradient == pytest.approx(numbers.backprop_gradient, rel=1e-7, abs=1e-10)
        assert difference == pytest.approx(numbers.backprop_gradient, rel=1e-7, abs=1e-10)
        one = InfluenceChain.of(net, net.param_name(index)).evaluate(weights, data, sample=3, with_numeric=False)
        assert np.isfinite(one.chain_gradient)


def test_the_phase_walk_of_a_playground_run_ends_in_playgrounds_epoch():
    from bpstudio.control.export.typeset import equation_svg
    from bpstudio.engine.phases import UPDATE, iteration_phases

    config = RunConfig.from_playground(L1_RUN["url"])
    trainer = config.trainer()
    for epoch in range(3):
        phases = list(iteration_phases(trainer, sample=epoch))
        assert phases[-1].kind == UPDATE
        assert trainer.history.view()[-1] == L1_RUN["train_loss"][epoch]
    equation = phases[-1].equation(trainer.network.n_layers, config.activation, config.optimizer)
    assert r"\frac{\alpha}{|B|}" in equation and "<svg" in equation_svg(equation)


def test_a_rewound_playground_run_retraces_its_epochs_bit_for_bit():
    from bpstudio.control import Rewind, Submit

    config = RunConfig.from_playground(LEFTOVER["url"])  # leftover points: the sums of a batch in progress travel
    session = TrainingSession(config)
    session.execute(Step(7))
    session.execute(Step(5))
    session.execute(Submit(Rewind(7)))
    rewound_at = session.trainer.iteration
    points = session.trainer.dataset.n_samples
    assert rewound_at == 7 and session.trainer.playground_run.network.summed == points % 30 > 0  # a batch in progress came back
    session.execute(Step(12 - rewound_at))
    assert session.trainer.history.view()[1:].tolist() == LEFTOVER["train_loss"][:12]
