"""Playground's 2-D data sets and input features: seeded, the right shape, balanced classes."""

import numpy as np
import pytest

from bpstudio.engine.config import ConfigError, RunConfig
from bpstudio.engine.datasets import CLASSIFICATION, REGRESSION, class_counts, draw_points
from bpstudio.engine.features import FEATURES, feature_table

CASES = [(name, 2) for name in CLASSIFICATION] + [("gauss", 3), ("spiral", 3)]


def draw(name, seed=4, n=301, noise=0.2, classes=2):
    return draw_points(name, np.random.RandomState(seed), n, noise, classes)


@pytest.mark.parametrize("name, k", CASES)
def test_classification_sets_are_seeded_shaped_and_balanced(name, k):
    a, b, other = draw(name, classes=k), draw(name, classes=k), draw(name, seed=5, classes=k)
    np.testing.assert_array_equal(a.xy, b.xy)
    np.testing.assert_array_equal(a.labels, b.labels)
    assert not np.array_equal(a.xy, other.xy)
    assert a.xy.shape == (301, 2) and a.labels.shape == (301,) and a.n_classes == k
    assert np.bincount(a.labels, minlength=k).tolist() == class_counts(301, k)
    assert max(class_counts(301, k)) - min(class_counts(301, k)) <= 1
    assert np.all(np.abs(a.xy) < 12)
    assert a.labels[:20].min() != a.labels[:20].max(), "rows are shuffled, not sorted by class"


@pytest.mark.parametrize("name", REGRESSION)
def test_regression_sets_are_seeded_and_shaped(name):
    a, b = draw(name), draw(name)
    np.testing.assert_array_equal(a.values, b.values)
    assert a.xy.shape == (301, 2) and a.values.shape == (301,) and a.labels is None
    assert np.all(np.abs(a.xy) <= 6) and np.all(np.abs(a.values) <= 1.5)


def test_noiseless_sets_follow_their_recipes():
    circle = draw("circle", noise=0.0)
    radius = np.hypot(*circle.xy.T)
    assert np.all(radius[circle.labels == 0] <= 2.5) and np.all(radius[circle.labels == 1] >= 3.5)
    xor = draw("xor", noise=0.0)
    assert np.array_equal(xor.labels, (xor.xy[:, 0] * xor.xy[:, 1] < 0).astype(int))
    assert np.all(np.abs(xor.xy) >= 0.3)
    plane = draw("plane", noise=0.0)
    np.testing.assert_allclose(plane.values, (plane.xy[:, 0] + plane.xy[:, 1]) / 10, rtol=1e-15)
    bumps = draw("multi-gauss", noise=0.0)
    centre = draw_points("multi-gauss", np.random.RandomState(0), 1)  # any draw; check a known point
    assert centre.values.shape == (1,)
    from bpstudio.engine.datasets import multi_gauss_target

    assert multi_gauss_target(np.array([[-4.0, 2.5], [0.0, 2.5], [10.0, 10.0]])).tolist() == [1.0, -1.0, 0.0]
    assert bumps.values.min() < -0.5 < 0.5 < bumps.values.max()
    spiral = draw("spiral", noise=0.0, classes=3)
    assert np.all(np.hypot(*spiral.xy.T) <= 5.0)


def test_noise_spreads_the_points():
    quiet, noisy = draw("gauss", noise=0.0), draw("gauss", noise=0.5)
    assert noisy.xy.std() > quiet.xy.std() * 1.2


@pytest.mark.parametrize(
    "name, n, noise, classes",
    [
        ("circle", 10, 0.6, 2),
        ("circle", 10, -0.1, 2),
        ("xor", 10, 0.0, 3),
        ("nope", 10, 0.0, 2),
        ("moons", 0, 0.0, 2),
    ],
)
def test_bad_requests_are_refused(name, n, noise, classes):
    with pytest.raises(ValueError):
        draw_points(name, np.random.RandomState(0), n, noise, classes)


def test_features_are_what_their_names_say():
    points = np.array([[0.5, -2.0], [3.0, 1.5]])
    table = feature_table(points, tuple(FEATURES))
    x1, x2 = points.T
    expected = np.column_stack((x1, x2, x1**2, x2**2, x1 * x2, np.sin(x1), np.sin(x2)))
    np.testing.assert_array_equal(table, expected)
    with pytest.raises(ValueError):
        feature_table(points, ("x1", "x1"))
    with pytest.raises(ValueError):
        feature_table(points, ("x3",))


def test_config_builds_a_classification_problem():
    config = RunConfig(dataset="spiral", classes=3, samples=90, loss="cross-entropy", features=("x1", "x2", "sinx1"), hidden=(8,))
    problem = config.problem()
    net, data = problem.network, problem.dataset
    assert net.sizes == (3, 8, 3) and net.output_activation == "softmax" and net.loss == "cross-entropy"
    assert data.input_names == ("x1", "x2", "sinx1") and data.classes == ("0", "1", "2")
    assert data.target_names == ("0", "1", "2")
    np.testing.assert_array_equal(data.targets.sum(axis=1), np.ones(90))
    assert data.targets.sum(axis=0).tolist() == [30, 30, 30]
    np.testing.assert_array_equal(data.inputs[:, 2], np.sin(data.inputs[:, 0]))
    np.testing.assert_array_equal(data.points, data.inputs[:, :2])  # the plane's points, for a map
    assert config.problem_network() == net
    # the same seed draws the same points and start
    again = config.problem()
    np.testing.assert_array_equal(again.dataset.inputs, data.inputs)
    np.testing.assert_array_equal(again.start, problem.start)


def test_sigmoid_output_has_one_unit_for_two_classes():
    problem = RunConfig(dataset="moons", samples=40, loss="cross-entropy", output="sigmoid").problem()
    assert problem.network.sizes == (2, 5, 1) and problem.dataset.targets.shape == (40, 1)
    assert problem.dataset.target_names == ("1",) and sorted(set(problem.dataset.targets[:, 0])) == [0.0, 1.0]


def test_regression_set_and_split():
    problem = RunConfig(dataset="plane", samples=100, test_fraction=0.2).problem()
    assert problem.network.sizes == (2, 5, 1) and problem.dataset.n_samples == 80 and problem.test.n_samples == 20
    assert problem.dataset.classes == ()
    assert problem.dataset.points.shape == (80, 2) and problem.test.points.shape == (20, 2)
    squares = RunConfig(dataset="circle", samples=30, features=("x1sq", "x2sq")).problem().dataset
    np.testing.assert_allclose(squares.inputs, squares.points**2, rtol=1e-15)


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"dataset": "donut"}, "dataset"),
        ({"dataset": "xor", "classes": 3}, "classes"),
        ({"dataset": "xor", "noise": 0.7}, "noise"),
        ({"features": ("x1", "x2")}, "features"),  # the article's data is 3-D
        ({"dataset": "xor", "features": ("x1", "x9")}, "features"),
        ({"loss": "cross-entropy"}, "loss"),  # the article's targets are not classes
        ({"dataset": "xor", "loss": "cross-entropy", "output": "linear"}, "output"),
        ({"dataset": "spiral", "classes": 3, "output": "sigmoid"}, "output"),
        ({"dataset": "xor", "formulas": ("x = r",)}, "dataset"),
        ({"l2": -1.0}, "l2"),
        ({"batch_size": -2}, "batch_size"),
    ],
)
def test_refused_settings_name_their_field(changes, field):
    with pytest.raises(ConfigError) as err:
        RunConfig(**changes)
    assert err.value.field == field


def test_old_settings_load_with_the_articles_defaults():
    old = {
        k: v
        for k, v in RunConfig().to_dict().items()
        if k not in ("dataset", "classes", "noise", "features", "loss", "output", "l1", "l2", "batch_size")
    }
    assert RunConfig.from_dict(old) == RunConfig()
    new = RunConfig(dataset="xor", features=("x1x2",), loss="cross-entropy", l2=0.1, batch_size=10)
    assert RunConfig.from_dict(new.to_dict()) == new
