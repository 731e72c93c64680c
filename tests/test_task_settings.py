"""Which data and task settings apply, what a change takes along, and accuracy beside JVal (no Qt)."""

import pytest

from bpstudio.control.model.task_settings import changes_for, shown_output, unavailable
from bpstudio.control.runtime.class_scores import AccuracyMeter
from bpstudio.engine.config import RunConfig
from bpstudio.engine.datasets import DATASETS


def test_the_article_has_no_classes_noise_features_or_cross_entropy():
    off = unavailable(RunConfig())
    assert set(off) == {"classes", "noise", "features", "loss"}
    assert "2-D" in off["features"] and "classes" in off["loss"]


def test_classes_apply_where_the_data_set_offers_three():
    assert "classes" not in unavailable(RunConfig(dataset="gauss"))
    assert "classes" not in unavailable(RunConfig(dataset="spiral"))
    assert unavailable(RunConfig(dataset="circle"))["classes"] == "circle has 2 classes; gauss and spiral also come with 3."
    assert set(unavailable(RunConfig(dataset="moons"))) == {"classes", "formulas"}


def test_regression_sets_take_noise_and_features_but_not_cross_entropy():
    off = unavailable(RunConfig(dataset="plane"))
    assert {"loss", "classes", "formulas"} <= set(off) and "features" not in off and "noise" not in off


def test_a_csv_file_keeps_its_rows_and_its_classes(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("u,v,label\n0,1,a\n1,0,b\n")
    config = RunConfig(data_file=str(path), inputs=("u", "v"), targets=("label",), loss="cross-entropy")
    off = unavailable(config)
    assert {"dataset", "samples", "formulas", "classes", "noise", "features"} <= set(off)
    assert "loss" not in off  # a class column may be trained with cross-entropy


@pytest.mark.parametrize(
    "start",
    [
        RunConfig(),
        RunConfig(dataset="spiral", classes=3, loss="cross-entropy"),
        RunConfig(dataset="xor", features=("x1x2",), loss="cross-entropy", output="sigmoid"),
        RunConfig(formulas=("x = r*g",)),
    ],
)
@pytest.mark.parametrize("dataset", DATASETS)
def test_choosing_any_data_set_from_any_start_gives_a_valid_run(start, dataset):
    changes = changes_for(start, "dataset", dataset)
    config = start.with_changes(**changes)  # raises ConfigError if a change were missing
    assert config.dataset == dataset
    if dataset != "article":
        assert not config.formulas


def test_a_change_takes_along_only_what_must_change():
    assert changes_for(RunConfig(), "alpha", 0.01) == {"alpha": 0.01}
    assert changes_for(RunConfig(dataset="xor", output="linear"), "loss", "cross-entropy") == {"loss": "cross-entropy", "output": "auto"}
    assert changes_for(RunConfig(dataset="gauss", output="sigmoid"), "classes", 3) == {"classes": 3, "output": "auto"}
    assert changes_for(RunConfig(dataset="spiral", classes=3, loss="cross-entropy"), "dataset", "plane") == {
        "dataset": "plane",
        "classes": 2,
        "loss": "mse",
    }


def test_the_shown_output_follows_the_loss_when_auto():
    assert shown_output(RunConfig()) == "linear"
    assert shown_output(RunConfig(dataset="xor", loss="cross-entropy")) == "softmax"
    assert shown_output(RunConfig(dataset="xor", loss="cross-entropy", output="sigmoid")) == "sigmoid"


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_accuracy_is_measured_for_classification_only_and_matches_the_engine():
    from bpstudio.engine.classes import accuracy

    config = RunConfig(dataset="xor", samples=80, test_fraction=0.25, hidden=(4,), loss="cross-entropy")
    trainer = config.trainer()
    trainer.run(50)
    scores = AccuracyMeter().measure(config, trainer, running=False)
    test = trainer.problem.test
    assert scores.iteration == 50
    assert scores.train == accuracy(trainer.network, trainer.weights, trainer.dataset.inputs, trainer.dataset.targets)
    assert scores.test == accuracy(trainer.network, trainer.weights, test.inputs, test.targets)
    assert AccuracyMeter().measure(RunConfig(), RunConfig().trainer(), running=False) is None


def test_while_running_the_score_is_measured_a_few_times_a_second_and_always_when_paused():
    config = RunConfig(dataset="xor", samples=40, loss="cross-entropy")
    trainer = config.trainer()
    clock = Clock()
    meter = AccuracyMeter(clock)
    first = meter.measure(config, trainer, running=True)
    trainer.run(3)
    clock.now = 0.05
    assert meter.measure(config, trainer, running=True) is first  # too soon: the last one stands
    assert meter.measure(config, trainer, running=False).iteration == 3  # paused: this iteration's
    trainer.run(3)
    clock.now = 0.5
    assert meter.measure(config, trainer, running=True).iteration == 6
