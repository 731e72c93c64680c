"""The decision map, the units' pictures and gradient health, without Qt.

Grid values are checked against a forward pass written out here by hand
(features from their formulas, tanh and softmax per point), not against the
engine's own forward function.
"""

import numpy as np
import pytest

from bpstudio.control import Step, TrainingSession
from bpstudio.control.model.gradient_health import GradientNorms
from bpstudio.control.model.map_colours import TINT, MapPalette, class_map, diverging
from bpstudio.control.model.observer import Executor
from bpstudio.control.model.studio_model import StudioModel
from bpstudio.control.model.unit_maps import CLASSES, UnitMaps, map_points
from bpstudio.control.runtime.commands import Rewind, SetSetting
from bpstudio.control.runtime.run_gate import Submit
from bpstudio.engine.config import RunConfig
from bpstudio.engine.data import Dataset
from bpstudio.engine.input_plane import grid_outputs, plane_for
from bpstudio.engine.network import Network
from bpstudio.engine.unit_health import layer_gradient_norms, unit_health


class CountingExecutor(Executor):
    def __init__(self):
        self.keys = []

    def submit(self, key, work, done):
        self.keys.append(key)
        done(work())


def by_hand(net_sizes, weights, x):
    """Outputs of every layer for one input vector, from the flat weights, one unit at a time."""
    outputs, offset, o = [], 0, np.asarray(x, dtype=float)
    for layer, (n_in, n_out) in enumerate(zip(net_sizes[:-1], net_sizes[1:], strict=True)):
        w = weights[offset : offset + (n_in + 1) * n_out].reshape(n_in + 1, n_out)
        offset += (n_in + 1) * n_out
        pre = np.array([sum(o[i] * w[i, j] for i in range(n_in)) + w[n_in, j] for j in range(n_out)])
        last = layer == len(net_sizes) - 2
        o = np.exp(pre - pre.max()) / np.sum(np.exp(pre - pre.max())) if last else np.tanh(pre)
        outputs.append(o)
    return outputs


def test_grid_outputs_are_the_forward_pass_at_those_points_features_applied():
    config = RunConfig(dataset="spiral", samples=80, hidden=(4, 3), loss="cross-entropy", features=("x1", "x2", "x1x2", "sinx1", "x2sq"))
    problem = config.problem()
    weights = np.random.RandomState(3).normal(0, 0.7, problem.network.n_params)
    plane = plane_for(problem.all_data, resolution=7)
    assert not plane.is_slice and plane.features == config.features
    layers = grid_outputs(problem.network, weights, plane)
    assert [a.shape for a in layers] == [(4, 7, 7), (3, 7, 7), (2, 7, 7)]
    xs, ys = np.linspace(*plane.x_range, 7), np.linspace(*plane.y_range, 7)
    for row, col in ((0, 0), (3, 5), (6, 2), (6, 6)):
        x1, x2 = xs[col], ys[row]
        features = [x1, x2, x1 * x2, np.sin(x1), x2 * x2]
        expected = by_hand(problem.network.sizes, weights, features)
        for layer, values in zip(layers, expected, strict=True):
            np.testing.assert_allclose(layer[:, row, col], values, rtol=1e-12, atol=1e-14)


def test_the_plane_covers_every_sample_train_and_test():
    problem = RunConfig(dataset="circle", samples=100, test_fraction=0.3).problem()
    plane = plane_for(problem.all_data)
    for data in (problem.dataset, problem.test):
        assert plane.x_range[0] < data.points[:, 0].min() and data.points[:, 0].max() < plane.x_range[1]
        assert plane.y_range[0] < data.points[:, 1].min() and data.points[:, 1].max() < plane.y_range[1]


def test_the_articles_three_inputs_give_a_slice_with_the_third_held():
    problem = RunConfig(samples=50).problem()
    plane = plane_for(problem.all_data, resolution=5)
    assert plane.is_slice and plane.held_axes == (2,) and plane.names == ("r", "g", "b")
    plane = plane.with_held(2, 0.3)
    weights = problem.start
    layers = grid_outputs(problem.network, weights, plane)
    xs, ys = np.linspace(*plane.x_range, 5), np.linspace(*plane.y_range, 5)
    net = problem.network
    w0 = weights[:20].reshape(4, 5)
    w1 = weights[20:].reshape(6, 3)
    for row, col in ((1, 4), (4, 0)):
        hidden = np.tanh(np.array([xs[col], ys[row], 0.3]) @ w0[:3] + w0[3])
        np.testing.assert_allclose(layers[0][:, row, col], hidden, rtol=1e-12)
        np.testing.assert_allclose(layers[1][:, row, col], hidden @ w1[:5] + w1[5], rtol=1e-12, atol=1e-13)
    swapped = plane.with_axes(2, 0)  # b across, r up, g held
    assert swapped.held_axes == (1,) and swapped.x_range[0] < -0.99 and net.sizes[0] == 3


def test_one_input_has_no_plane():
    data = Dataset(np.linspace(0, 1, 10)[:, None], np.zeros((10, 1)), ("u",), ("v",))
    assert plane_for(data) is None


def model_on(config, steps=0):
    session = TrainingSession(config)
    executor = CountingExecutor()
    model = StudioModel(executor)
    model.apply_update(session.update(False))
    if steps:
        session.execute(Step(steps))
        model.apply_update(session.update(False))
    return session, model, executor


def test_the_map_follows_training_and_is_asked_once_per_snapshot():
    config = RunConfig(dataset="spiral", samples=60, hidden=(5,), loss="cross-entropy", alpha=0.05)
    session, model, executor = model_on(config)
    maps = UnitMaps(model)
    frames, healths = [], []
    maps.frame_ready.connect(frames.append)
    maps.health_ready.connect(healths.append)
    maps.request()
    maps.request()  # nothing new: not asked again
    assert [f.iteration for f in frames] == [0] and len(healths) == 1
    assert executor.keys.count("unit_maps") == 1
    first = frames[0]
    assert set(first.tiles) == {f"O1[{j}]" for j in range(5)} and first.tiles["O1[0]"].shape == (50, 50, 4)
    assert set(first.images) == {CLASSES}  # only the picture shown large is painted over the whole grid
    assert first.images[CLASSES].shape == (100, 100, 4) and first.images[CLASSES].dtype == np.uint8
    session.execute(Step(20))
    model.apply_update(session.update(False))
    maps.request()
    assert [f.iteration for f in frames] == [0, 20]
    assert not np.array_equal(frames[0].images[CLASSES], frames[1].images[CLASSES])
    maps.set_large("y[1]")  # one output's probability: background to its class's colour
    maps.request()
    assert set(frames[2].images) == {"y[1]"} and frames[2].ranges["y[1]"] == (0.0, 0.0, 1.0)
    probability_one = frames[2].images["y[1]"].reshape(-1, 4)[:, :3].astype(int)
    assert np.all(probability_one[:, 0] <= 255) and np.all(probability_one[:, 2] >= probability_one[:, 0])
    maps.set_maps_wanted(False)
    session.execute(Step(1))
    model.apply_update(session.update(False))
    maps.request()
    assert len(frames) == 3 and len(healths) == 3  # health is still checked, the grid is not


def test_the_class_picture_is_the_winning_class_as_strong_as_its_probability():
    palette = MapPalette()
    p = np.array([[[1.0, 0.5, 0.2]], [[0.0, 0.5, 0.8]]])  # 2 classes, 1 x 3 pixels
    image = class_map(p, palette)
    assert tuple(image[0, 0, :3]) == tuple(round(255 + TINT * (c - 255)) for c in palette.classes[0])
    assert tuple(image[0, 1, :3]) == (255, 255, 255)  # no class preferred: the background
    assert image[0, 2, 2] > 200 and image[0, 2, 0] < image[0, 1, 0]  # class 1 (blue), weaker than sure
    values = diverging(np.array([-1.0, 0.0, 1.0, np.nan]), -1, 0, 1, palette)
    assert tuple(values[1, :3]) == (255, 255, 255) and tuple(values[3, :3]) == (255, 255, 255)


def test_pictures_and_points_on_a_slice_of_the_article():
    session, model, executor = model_on(RunConfig(samples=200))
    maps = UnitMaps(model)
    frames = []
    maps.frame_ready.connect(frames.append)
    maps.request()
    assert set(frames[0].tiles) == {f"O1[{j}]" for j in range(5)}
    assert set(frames[0].images) == {"y[0]"}  # regression: the first output by default
    points = map_points(model.problem, maps.plane, maps.palette, "y[0]")
    b = model.problem.dataset.inputs[:, 2]
    assert len(points.train) == np.sum(np.abs(b - maps.plane.held[2]) <= 0.1 * np.ptp(b)) < 200
    maps.set_held(2, 0.9)  # the slider: another slice, another picture
    maps.request()
    assert len(frames) == 2 and frames[1].plane.held[2] == 0.9
    assert not np.array_equal(frames[0].tiles["O1[0]"], frames[1].tiles["O1[0]"])
    maps.set_large("O1[3]")  # a unit shown large: painted over the whole grid too
    maps.request()
    assert set(frames[2].images) == {"O1[3]"} and frames[2].images["O1[3]"].shape == (100, 100, 4)
    np.testing.assert_array_equal(frames[2].images["O1[3]"][::2, ::2], frames[2].tiles["O1[3]"])


def test_no_pictures_for_a_single_input(tmp_path):
    csv = tmp_path / "line.csv"
    csv.write_text("u,v\n" + "".join(f"{x},{2 * x}\n" for x in np.linspace(-1, 1, 20)))
    session, model, executor = model_on(RunConfig(data_file=str(csv), inputs=("u",), targets=("v",)))
    maps = UnitMaps(model)
    frames, healths = [], []
    maps.frame_ready.connect(frames.append)
    maps.health_ready.connect(healths.append)
    maps.request()
    assert maps.plane is None and frames == [] and len(healths) == 1


def test_points_carry_their_class_colours_train_and_test():
    problem = RunConfig(dataset="xor", samples=40, test_fraction=0.25, loss="cross-entropy").problem()
    palette = MapPalette()
    points = map_points(problem, plane_for(problem.all_data), palette, CLASSES)
    assert points.train.shape == (30, 2) and points.test.shape == (10, 2)
    labels = np.argmax(problem.dataset.targets, axis=1)
    expected = np.array([palette.classes[c] for c in labels])
    np.testing.assert_array_equal(points.train_colours[:, :3], expected)
    np.testing.assert_array_equal(points.train, problem.dataset.points)


def test_gradient_norms_one_value_per_layer_per_recorded_iteration():
    config = RunConfig(dataset="moons", samples=50, hidden=(4, 3), loss="cross-entropy", alpha=0.01)
    session = TrainingSession(config)
    model = StudioModel(CountingExecutor())
    norms = GradientNorms(model)
    expected = {}
    for steps in (0, 3, 7, 1):
        if steps:
            session.execute(Step(steps))
        update = session.update(False)
        model.apply_update(update)
        g = update.snapshot.gradient
        net = update.problem.network
        expected[update.iteration] = [np.sqrt(np.sum(g[a:b] ** 2)) for a, b in ((0, 12), (12, 12 + 15), (27, 27 + 8))]
        assert net.n_params == 35
    assert list(norms.iterations) == [0, 3, 10, 11]
    assert norms.norms.shape == (4, 3)
    for row, iteration in enumerate(norms.iterations):
        np.testing.assert_allclose(norms.norms[row], expected[iteration], rtol=1e-12)
    session.execute(Submit(Rewind(3)))
    model.apply_update(session.update(False))
    assert list(norms.iterations) == [0, 3]  # the rewound-over iterations are gone
    session.execute(Submit(SetSetting("hidden", (2,))))
    model.apply_update(session.update(False))
    assert list(norms.iterations) == [0] and norms.norms.shape == (1, 2)  # a new run starts afresh


def test_layer_norms_split_the_flat_gradient_by_layer():
    net = Network((3, 5, 3))
    g = np.arange(38, dtype=float)
    np.testing.assert_allclose(layer_gradient_norms(net, g), [np.linalg.norm(g[:20]), np.linalg.norm(g[20:])])


def test_huge_weights_saturate_tanh_units_and_negative_biases_kill_relu_units():
    x = np.random.RandomState(0).uniform(-1, 1, (30, 2))
    aug = np.vstack([x.T, np.ones(30)])
    tanh = Network((2, 3, 1), "tanh")
    w = np.zeros(tanh.n_params)
    # rows: x1, x2, bias; unit 0 stays mild, the biases push unit 1 to +30 (tanh → 1) and unit 2 to −45 (→ −1)
    w[:9] = np.array([[0.1, 0.2, 0.3], [0.3, -0.1, 0.2], [0.0, 30.0, -45.0]]).ravel()
    health = unit_health(tanh, w, aug)
    assert health.saturated == ((1, 1), (1, 2)) and health.dead == ()
    sigmoid = Network((2, 3, 1), "sigmoid")
    assert unit_health(sigmoid, w, aug).saturated == ((1, 1), (1, 2))
    relu = Network((2, 2, 2, 1), "relu")
    w = np.random.RandomState(1).normal(0, 0.3, relu.n_params)
    layers = relu.layers(w)
    layers[0][2] = [-5.0, 1.0]  # unit 0 of layer 1: below 0 for every input in [-1, 1]
    layers[1][2] = [0.5, -9.0]  # unit 1 of layer 2 likewise
    health = unit_health(relu, w, aug)
    assert health.dead == ((1, 0), (2, 1)) and health.saturated == ()
    assert unit_health(relu, np.abs(w) + 1.0, aug).dead == ()


@pytest.mark.parametrize("dataset", ["plane", "multi-gauss"])
def test_regression_sets_paint_their_value_with_fixed_ranges(dataset):
    session, model, executor = model_on(RunConfig(dataset=dataset, samples=40, hidden=(3,)))
    maps = UnitMaps(model)
    frames = []
    maps.frame_ready.connect(frames.append)
    maps.request()
    low, middle, high = frames[0].ranges["y[0]"]
    m = np.max(np.abs(model.problem.dataset.targets))
    assert (low, middle, high) == (-m, 0.0, m)
    assert frames[0].images["y[0]"].shape == (100, 100, 4)


def test_a_big_data_set_draws_a_bounded_number_of_samples():
    problem = RunConfig(dataset="circle", samples=5000).problem()
    points = map_points(problem, plane_for(problem.all_data), MapPalette(), CLASSES)
    assert len(points.train) == 2000 and len(points.train_colours) == 2000
    np.testing.assert_array_equal(points.train[0], problem.dataset.points[0])
