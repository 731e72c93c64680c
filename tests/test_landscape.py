"""The loss along a weight and across two, checked against independent evaluations of JVal."""

import numpy as np
import pytest

from bpstudio.engine.config import RunConfig
from bpstudio.engine.directions import filter_normalised_directions, project_onto_plane
from bpstudio.engine.landscape import (
    MapTask,
    SliceTask,
    default_span,
    landscape_map,
    next_weights,
    offset_grid,
    weight_scale,
    weight_slice,
)
from bpstudio.engine.plane import PlaneEvaluator
from bpstudio.engine.propagation import jval_and_gradient


def trained(iterations=30, **config):
    trainer = RunConfig(**config).trainer()
    path = [trainer.weights.copy()]
    for _ in range(iterations):
        trainer.step()
        path.append(trainer.weights.copy())
    return trainer, np.array(path[:-1])


@pytest.fixture(scope="module")
def article():
    return trained()


def jval_at(trainer, weights):
    """JVal by the ordinary forward pass: the independent evaluation."""
    return jval_and_gradient(trainer.network, weights, trainer.dataset.inputs_aug, trainer.dataset.targets_t)[0]


def moved(trainer, changes):
    weights = trainer.weights.copy()
    for index, offset in changes.items():
        weights[index] += offset
    return weights


def spread_of_params(net):
    """A weight and a bias of every layer."""
    out = []
    for layer, (rows, cols) in enumerate(net.shapes):
        out += [net.param_index(layer, 0, 0), net.param_index(layer, rows - 1, cols - 1)]
    return out


def test_offset_zero_is_jval(article):
    trainer, _ = article
    for param in spread_of_params(trainer.network):
        cut = weight_slice(trainer.network, trainer.dataset, trainer.snapshot(), param)
        assert cut.offsets[cut.offsets.size // 2] == 0.0
        assert cut.jval[cut.offsets.size // 2] == pytest.approx(trainer.jval, rel=1e-13)
        assert cut.jval_at_point == trainer.jval
    grid = landscape_map(trainer.network, trainer.dataset, trainer.snapshot(), params=(0, 30))
    assert grid.jval[20, 20] == pytest.approx(trainer.jval, rel=1e-13)


@pytest.mark.parametrize("config", [{}, {"hidden": (8, 6), "activation": "sigmoid", "samples": 200}])
def test_central_difference_of_the_slice_is_the_gradient(config):
    trainer, _ = trained(20, **config)
    h = 1e-5
    for param in spread_of_params(trainer.network):
        cut = weight_slice(trainer.network, trainer.dataset, trainer.snapshot(), param, span=h, points=3)
        slope = (cut.jval[2] - cut.jval[0]) / (2 * h)
        assert cut.gradient == trainer.gradient[param]
        assert slope == pytest.approx(cut.gradient, rel=1e-6), trainer.network.param_name(param)


def test_slice_values_are_jval_with_the_moved_weight(article):
    trainer, _ = article
    for param in spread_of_params(trainer.network):
        cut = weight_slice(trainer.network, trainer.dataset, trainer.snapshot(), param, span=0.7, points=11)
        expected = [jval_at(trainer, moved(trainer, {param: t})) for t in cut.offsets]
        np.testing.assert_allclose(cut.jval, expected, rtol=1e-12)
        assert cut.optimizer_jval == pytest.approx(jval_at(trainer, moved(trainer, {param: cut.optimizer_offset})), rel=1e-12)
        assert cut.gradient_step_jval == pytest.approx(jval_at(trainer, moved(trainer, {param: cut.gradient_step_offset})), rel=1e-12)


def test_curvature_matches_a_second_difference_of_jval(article):
    trainer, _ = article
    h = 1e-3
    for param in spread_of_params(trainer.network):
        cut = weight_slice(trainer.network, trainer.dataset, trainer.snapshot(), param)
        second = (jval_at(trainer, moved(trainer, {param: h})) - 2 * trainer.jval + jval_at(trainer, moved(trainer, {param: -h}))) / h**2
        assert cut.curvature == pytest.approx(second, rel=1e-4)


def test_map_axes_are_the_two_slices(article):
    trainer, _ = article
    net, data, snap = trainer.network, trainer.dataset, trainer.snapshot()
    p, q = net.param_index(0, 1, 2), net.param_index(1, 5, 1)
    grid = landscape_map(net, data, snap, params=(p, q), span=(0.5, 0.8), points=21)
    along_p = weight_slice(net, data, snap, p, span=0.5, points=21)
    along_q = weight_slice(net, data, snap, q, span=0.8, points=21)
    np.testing.assert_array_equal(grid.offsets1, along_p.offsets)
    np.testing.assert_array_equal(grid.offsets2, along_q.offsets)
    np.testing.assert_allclose(grid.jval[:, 10], along_p.jval, rtol=1e-12)
    np.testing.assert_allclose(grid.jval[10, :], along_q.jval, rtol=1e-12)
    np.testing.assert_array_equal(grid.gradient, trainer.gradient[[p, q]])


@pytest.mark.parametrize("params", [(3, 30), (0, 1), (25, 24)])
def test_two_weight_map_values_are_jval_with_both_weights_moved(article, params):
    trainer, _ = article
    p, q = params
    grid = landscape_map(trainer.network, trainer.dataset, trainer.snapshot(), params=params, points=9)
    for i, j in [(0, 0), (0, 8), (8, 3), (5, 7), (2, 4)]:
        expected = jval_at(trainer, moved(trainer, {p: grid.offsets1[i], q: grid.offsets2[j]}))
        assert grid.jval[i, j] == pytest.approx(expected, rel=1e-12)


def test_random_direction_map_values_and_directional_derivatives(article):
    trainer, _ = article
    grid = landscape_map(trainer.network, trainer.dataset, trainer.snapshot(), points=7, seed=3)
    d1, d2 = grid.directions
    assert grid.names == ("d1", "d2") and grid.params is None
    for i, j in [(0, 0), (6, 6), (1, 5), (3, 3)]:
        expected = jval_at(trainer, trainer.weights + grid.offsets1[i] * d1 + grid.offsets2[j] * d2)
        assert grid.jval[i, j] == pytest.approx(expected, rel=1e-12)
    h = 1e-5
    for k, direction in enumerate((d1, d2)):
        slope = (jval_at(trainer, trainer.weights + h * direction) - jval_at(trainer, trainer.weights - h * direction)) / (2 * h)
        assert grid.gradient[k] == pytest.approx(slope, rel=1e-6)


def test_filter_normalised_directions_copy_each_units_norm(article):
    trainer, _ = article
    net = trainer.network
    directions = filter_normalised_directions(net, trainer.weights, 2, np.random.default_rng(0))
    assert not np.allclose(directions[0], directions[1])
    for direction in directions:
        for d, w in zip(net.layers(direction), net.layers(trainer.weights), strict=True):
            np.testing.assert_allclose(np.linalg.norm(d, axis=0), np.linalg.norm(w, axis=0), rtol=1e-12)


def test_trajectory_of_two_weights_is_their_history(article):
    trainer, path = article
    p, q = 2, 27
    grid = landscape_map(trainer.network, trainer.dataset, trainer.snapshot(), params=(p, q), path=path)
    expected = np.column_stack([path[:, p], path[:, q]]) - trainer.weights[[p, q]]
    np.testing.assert_allclose(grid.trajectory[:-1], expected, atol=1e-15)
    np.testing.assert_array_equal(grid.trajectory[-1], [0.0, 0.0])
    # the default window holds the path
    assert grid.offsets1[-1] >= np.max(np.abs(expected[:, 0]))
    assert grid.offsets2[-1] >= np.max(np.abs(expected[:, 1]))


def test_projection_recovers_plane_coordinates():
    rng = np.random.default_rng(5)
    origin, directions = rng.normal(size=10), rng.normal(size=(2, 10))
    coords = rng.normal(size=(6, 2))
    off_plane = np.linalg.svd(directions)[2][-1]  # orthogonal to both directions
    points = origin + coords @ directions + 0.3 * off_plane
    np.testing.assert_allclose(project_onto_plane(points, origin, directions), coords, atol=1e-12)


@pytest.mark.parametrize("optimizer", ["adam", "gd", "momentum"])
def test_next_step_is_the_optimizers_and_leaves_its_state_alone(optimizer):
    trainer, _ = trained(5, optimizer=optimizer, alpha=0.002)
    before = trainer.optimizer.state()
    snap = trainer.snapshot()
    cut = weight_slice(trainer.network, trainer.dataset, snap, 7)
    preview = next_weights(snap)
    for key, value in trainer.optimizer.state().items():
        np.testing.assert_array_equal(value, before[key])
    assert cut.gradient_step_offset == pytest.approx(-0.002 * trainer.gradient[7], rel=1e-15)
    trainer.step()
    np.testing.assert_array_equal(preview, trainer.weights)
    assert cut.optimizer_offset == pytest.approx(trainer.weights[7] - snap.weights[7], rel=1e-12)


def test_default_window_holds_the_next_steps_and_recent_values(article):
    trainer, path = article
    net = trainer.network
    cut = weight_slice(net, trainer.dataset, trainer.snapshot(), 5, recent=path[:, 5])
    assert cut.offsets[-1] > abs(cut.optimizer_offset)
    assert cut.offsets[-1] >= np.max(np.abs(path[:, 5] - trainer.weights[5]))
    assert cut.offsets[0] == -cut.offsets[-1] and cut.offsets.size == 101
    # a huge gradient step widens the window only up to four times its base
    scale = weight_scale(net, trainer.weights, 5)
    base = default_span(scale, cut.gradient, cut.curvature, cut.jval_at_point)
    assert default_span(scale, cut.gradient, cut.curvature, cut.jval_at_point, gradient_step=1e6) == pytest.approx(4 * base)
    # where JVal bends upwards the window shows the bottom of the local parabola
    assert base >= 2 * abs(cut.gradient) / cut.curvature or base == scale


def test_default_window_shows_the_bottom_of_a_slice_after_training():
    trainer, _ = trained(1500)
    for param in spread_of_params(trainer.network):
        cut = weight_slice(trainer.network, trainer.dataset, trainer.snapshot(), param)
        lowest = int(np.argmin(cut.jval))
        if cut.curvature > 0:  # the minimum lies inside the window, not at its edge
            assert 0 < lowest < cut.offsets.size - 1, trainer.network.param_name(param)


def test_chunks_give_the_same_values_as_one_pass(article):
    trainer, _ = article
    directions = filter_normalised_directions(trainer.network, trainer.weights, 2, np.random.default_rng(1))
    points = np.random.default_rng(2).uniform(-1, 1, size=(50, 2))
    args = (trainer.network, trainer.weights, directions, trainer.dataset.inputs_aug, trainer.dataset.targets_t)
    chunked = PlaneEvaluator(*args, chunk_floats=7000)
    assert chunked.chunk_points < 50
    np.testing.assert_allclose(chunked.jval(points), PlaneEvaluator(*args).jval_chunk(points), rtol=1e-14)


def test_task_steps_report_progress_and_result_waits_for_the_end(article):
    trainer, _ = article
    task = MapTask(trainer.network, trainer.dataset, trainer.snapshot(), params=(0, 1))
    with pytest.raises(RuntimeError):
        task.result()
    done = list(task.steps())
    assert len(done) > 1 and done == sorted(done) and done[-1] == task.total == 41 * 41
    assert task.result().jval.shape == (41, 41)


def test_bad_requests_are_refused(article):
    trainer, _ = article
    with pytest.raises(ValueError):
        offset_grid(0.0, 11)
    with pytest.raises(ValueError):
        offset_grid(1.0, 2)
    with pytest.raises(ValueError):
        MapTask(trainer.network, trainer.dataset, trainer.snapshot(), params=(4, 4))
    with pytest.raises(IndexError):
        SliceTask(trainer.network, trainer.dataset, trainer.snapshot(), 10_000)


def test_curvature_of_an_output_weight_is_known_in_closed_form(article):
    """J is quadratic in an output weight: d2J/dw_rc^2 = sum over samples of O_r^2 (O_r = 1 for the bias)."""
    trainer, _ = article
    net = trainer.network
    rows, cols = net.shapes[-1]
    hidden = np.tanh(net.layers(trainer.weights)[0].T @ trainer.dataset.inputs_aug)
    for row in (0, 3, rows - 1):
        cut = weight_slice(net, trainer.dataset, trainer.snapshot(), net.param_index(1, row, 2))
        expected = trainer.dataset.n_samples if row == rows - 1 else float(np.sum(hidden[row] ** 2))
        assert cut.curvature == pytest.approx(expected, rel=1e-6)


OBJECTIVES = {
    "softmax cross-entropy": dict(dataset="spiral", classes=3, samples=60, hidden=(5,), loss="cross-entropy"),
    "sigmoid cross-entropy": dict(dataset="xor", samples=60, hidden=(4,), loss="cross-entropy", output="sigmoid"),
    "softmax with mse": dict(dataset="spiral", classes=3, samples=60, hidden=(5,), output="softmax"),
    "l1 and l2 penalties": dict(samples=80, l1=0.01, l2=0.05),
}


@pytest.mark.parametrize("objective", list(OBJECTIVES))
def test_slices_and_maps_follow_the_networks_own_loss_and_penalty(objective):
    """Every objective, not only the article's: the slice is JVal with the moved weight, and its slope the gradient."""
    trainer, _ = trained(15, **OBJECTIVES[objective])
    net, data, snap = trainer.network, trainer.dataset, trainer.snapshot()
    for param in spread_of_params(net):
        cut = weight_slice(net, data, snap, param, span=0.6, points=5)
        expected = [jval_at(trainer, moved(trainer, {param: t})) for t in cut.offsets]
        np.testing.assert_allclose(cut.jval, expected, rtol=1e-11, err_msg=net.param_name(param))
        assert cut.jval[2] == pytest.approx(trainer.jval, rel=1e-12)
        h = 1e-5
        near = weight_slice(net, data, snap, param, span=h, points=3)
        assert (near.jval[2] - near.jval[0]) / (2 * h) == pytest.approx(trainer.gradient[param], rel=1e-5, abs=1e-9)
    first, last = spread_of_params(net)[0], spread_of_params(net)[-1]
    grid = landscape_map(net, data, snap, params=(first, last), points=5)
    for i, j in [(0, 0), (4, 1), (2, 2)]:
        expected = jval_at(trainer, moved(trainer, {first: grid.offsets1[i], last: grid.offsets2[j]}))
        assert grid.jval[i, j] == pytest.approx(expected, rel=1e-11)
    evaluator = PlaneEvaluator(net, trainer.weights, np.eye(net.n_params)[:1], data.inputs_aug, data.targets_t)
    assert evaluator.jval_at_origin == pytest.approx(trainer.jval, rel=1e-12)
