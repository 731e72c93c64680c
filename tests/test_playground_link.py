"""Reading a Playground link as Playground does, refusing what Playground could not have made (issue 29)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bpstudio.engine.messages import Refusal
from bpstudio.engine.playground.link import canonical_hash, read_link

RUNS = json.loads((Path(__file__).parent / "fixtures" / "playground_runs.json").read_text())["runs"]


@pytest.mark.parametrize("run", RUNS, ids=[run["name"] for run in RUNS])
def test_the_canonical_hash_is_the_one_playground_writes(run):
    """Playground's serialize() after reading each link, recorded by its own state.ts."""
    assert canonical_hash(read_link(run["url"]).state) == run["hash"]


def test_a_whole_url_is_read_from_its_fragment_and_defaults_fill_the_rest():
    read = read_link("https://playground.tensorflow.org/#activation=relu&seed=0.5&networkShape=3,2")
    state = read.state
    assert (state.activation, state.seed, state.network_shape) == ("relu", "0.5", (3, 2))
    assert (state.learning_rate, state.batch_size, state.perc_train_data, state.features) == (0.03, 10, 50.0, ("x", "y"))
    assert read.notes == ()


def test_cos_features_and_unknown_keys_are_accepted_with_a_note():
    read = read_link("#seed=0.1&cosX=true&cosY=false&colour=red")
    assert read.state.features == ("x", "y")
    assert [note.params for note in read.notes] == [{"key": "cosX"}, {"keys": "colour"}]


@pytest.mark.parametrize(
    "link, key",
    [
        ("#seed=1&activation=swish", "activation"),
        ("#seed=1&learningRate=0.02", "learningRate"),
        ("#seed=1&learningRate=fast", "learningRate"),
        ("#seed=1&batchSize=31", "batchSize"),
        ("#seed=1&batchSize=2.5", "batchSize"),
        ("#seed=1&noise=12", "noise"),
        ("#seed=1&percTrainData=95", "percTrainData"),
        ("#seed=1&networkShape=9", "networkShape"),
        ("#seed=1&networkShape=1,1,1,1,1,1,1", "networkShape"),
        ("#seed=1&dataset=moons", "dataset"),
        ("#seed=1&regularizationRate=Infinity", "regularizationRate"),
        # JavaScript's +"5_0" and +"３0" are NaN (Python's float() reads 50 and 30)
        ("#seed=1&batchSize=1_0", "batchSize"),
        ("#seed=1&noise=%EF%BC%93%EF%BC%90", "noise"),
        ("#seed=1&networkShape=4,2_0", "networkShape"),
    ],
)
def test_a_value_playground_could_not_have_set_is_refused_naming_its_key(link, key):
    with pytest.raises(Refusal) as refused:
        read_link(link)
    assert str(refused.value).startswith(f"Playground link: {key} ")


def test_numbers_are_read_as_javascript_reads_them():
    state = read_link("#seed=1&learningRate=+.3&regularizationRate=1e-3&noise= 5 &batchSize=10.&networkShape=3").state
    assert (state.learning_rate, state.regularization_rate, state.noise, state.batch_size) == (0.3, 0.001, 5, 10)


def test_a_link_with_no_seed_takes_the_fresh_one_or_is_refused():
    assert read_link("#activation=tanh", fresh_seed="0.12345").state.seed == "0.12345"
    with pytest.raises(Refusal):
        read_link("#activation=tanh")
    with pytest.raises(Refusal):
        read_link("https://playground.tensorflow.org/")
    with pytest.raises(Refusal):
        read_link("#seed=1&x=false&y=false")
