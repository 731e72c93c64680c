"""A Playground link in the window: pasted, trained epoch by epoch, shown, refused, exported."""

import json

import numpy as np
import pytest
from conftest import FIXTURES
from PySide6.QtGui import QAction, QGuiApplication

from bpstudio.control import RunState
from bpstudio.engine.playground.link import canonical_hash, read_link

RUNS = json.loads((FIXTURES / "playground_runs.json").read_text())["runs"]
DEFAULTS = RUNS[0]
COS = next(run for run in RUNS if "cosX" in run["name"])


def open_link(qtbot, window, url):
    action = window.findChild(QAction, "open_playground_link")
    assert action is not None
    action.trigger()
    dialog = window.playground_links.dialog
    dialog.edit.setText(url)
    dialog.try_open()
    return dialog


def test_a_pasted_link_trains_playgrounds_epochs_in_the_window(qtbot, open_studio):
    window = open_studio()
    dialog = open_link(qtbot, window, DEFAULTS["url"])
    assert not dialog.isVisible() and not dialog.message.isVisible()
    qtbot.waitUntil(lambda: window.last is not None and window.last.config.is_playground, timeout=10000)
    assert window.last.iteration == 0
    assert window.status.fields["conventions"].text() == "Playground conventions"
    assert window.status.fields["iteration"].text() == "epoch 0"
    assert "Playground conventions" in window.controls.data_source.text()
    assert not window.controls.editors["alpha"].isEnabled() and window.controls.editors["max_iter"].isEnabled()
    assert window.controls.labels["max_iter"].text() == "Max epochs"
    epochs = 12
    with qtbot.waitSignal(window.training.updated, timeout=10000):
        window.training.step(epochs)
    qtbot.waitUntil(lambda: window.last.iteration == epochs and window.last.state is not RunState.RUNNING, timeout=10000)
    history = window.training.session.trainer.history.view()
    assert history[1:].tolist() == DEFAULTS["train_loss"][:epochs]  # bit for bit
    qtbot.waitUntil(lambda: window.status.fields["iteration"].text() == f"epoch {epochs}", timeout=5000)
    assert f"(epoch {epochs})" in window.plot._title


def test_cos_features_are_accepted_with_a_warning(qtbot, open_studio):
    window = open_studio()
    open_link(qtbot, window, COS["url"])
    qtbot.waitUntil(lambda: window.last is not None and window.last.config.is_playground, timeout=10000)
    notes = window.playground_links.notes
    assert notes is not None and notes.isVisible() and "cosX=true is accepted and ignored" in notes.text()
    notes.close()


@pytest.mark.parametrize(
    "text, key",
    [
        ("https://playground.tensorflow.org/#batchSize=0&seed=0.5", "batchSize"),
        ("#activation=swish&seed=0.5", "activation"),
        ("#learningRate=0.02&seed=0.5", "learningRate"),
        ("#noise=abc&seed=0.5", "noise"),
        ("https://playground.tensorflow.org/", "#"),
    ],
)
def test_a_bad_link_is_refused_in_the_dialog_naming_the_key(qtbot, open_studio, text, key):
    window = open_studio()
    before = window.last.config if window.last else None
    dialog = open_link(qtbot, window, text)
    assert dialog.isVisible() and dialog.message.isVisible()
    assert key in dialog.message.text() and "Traceback" not in dialog.message.text()
    dialog.reject()
    assert (window.last.config if window.last else None) == before


def test_export_gives_the_link_or_says_why_not(qtbot, open_studio):
    window = open_studio()
    qtbot.waitUntil(lambda: window.last is not None, timeout=10000)
    window.findChild(QAction, "export_playground_link").trigger()
    box = window.findChild(object, "playground_link_export")
    assert box is not None and "own conventions" in box.text()
    box.close()
    open_link(qtbot, window, DEFAULTS["url"])
    qtbot.waitUntil(lambda: window.last.config.is_playground, timeout=10000)
    box = window.playground_links.export()
    url = QGuiApplication.clipboard().text()
    assert url == box.informativeText() and url.startswith("https://playground.tensorflow.org/#")
    assert canonical_hash(read_link(url).state) == canonical_hash(read_link(DEFAULTS["url"]).state)
    box.close()
    assert np.isfinite(window.last.snapshot.jval)


def test_the_decision_map_paints_a_playground_run_in_playgrounds_colours(qtbot, open_studio):
    from bpstudio.control.model.map_colours import PLAYGROUND_PALETTE
    from bpstudio.control.model.unit_maps import map_frame, map_points

    window = open_studio()
    open_link(qtbot, window, DEFAULTS["url"])
    qtbot.waitUntil(lambda: window.last is not None and window.last.config.is_playground, timeout=10000)
    feed = window.unit_views.feed
    panel = window.findChild(object, "decision_map")
    box = window.findChild(object, "map_playground_colours")
    assert box is not None
    box.setChecked(True)
    assert feed.palette() == PLAYGROUND_PALETTE
    problem = window.problem
    plane = feed.maps.plane_of_current_run()
    points = map_points(problem, plane, PLAYGROUND_PALETTE, "classes")
    labels = problem.dataset.targets[:, 0]
    orange, blue = (*PLAYGROUND_PALETTE.classes[0], 255), (*PLAYGROUND_PALETTE.classes[1], 255)
    # label −1 is Playground's orange, +1 its blue
    assert all(tuple(c) == (orange if t < 0 else blue) for c, t in zip(points.train_colours, labels, strict=True))
    frame = map_frame(problem, 0, window.last.snapshot.weights, plane, PLAYGROUND_PALETTE, "y[0]")
    assert frame.ranges["y[0]"] == (-1.0, 0.0, 1.0)  # the tanh output's own range
    box.setChecked(False)
    assert feed.palette() != PLAYGROUND_PALETTE and panel is not None


def test_the_inspectors_chain_agrees_with_backprop_and_finite_differences(qtbot, open_studio):
    window = open_studio()
    open_link(qtbot, window, DEFAULTS["url"])
    qtbot.waitUntil(lambda: window.last is not None and window.last.config.is_playground, timeout=10000)
    with qtbot.waitSignal(window.training.updated, timeout=10000):
        window.training.step(3)
    qtbot.waitUntil(lambda: window.last.iteration == 3, timeout=10000)
    index = window.problem.network.param_index(0, 1, 2)
    window.model.select(index)
    qtbot.waitUntil(
        lambda: window.model.chain_view is not None and window.model.chain_view.index == index and window.model.chain_view.exact,
        timeout=10000,
    )
    summed = window.model.chain_view.summed
    assert summed.chain_gradient == pytest.approx(summed.backprop_gradient, rel=1e-9, abs=1e-14)
    assert summed.numeric_gradient == pytest.approx(summed.backprop_gradient, rel=1e-7, abs=1e-10)
    # the formula carries Playground's 1/n: the basic link ŷ → L over its 250 training points
    last = window.model.chain_view.links[-1]
    assert last.latex.endswith(r"\partial y_{1}}") and r"\tfrac{1}{250}" in last.formula


def test_restoring_the_articles_run_makes_every_control_editable_again(qtbot, open_studio):
    window = open_studio()
    open_link(qtbot, window, DEFAULTS["url"])
    qtbot.waitUntil(lambda: window.last is not None and window.last.config.is_playground, timeout=10000)
    loss = window.controls.editors["loss"]
    assert loss.currentData() == "playground-mean" and not loss.isEnabled() and not window.controls.editors["hidden"].isEnabled()
    window.controls.restore.click()
    qtbot.waitUntil(lambda: not window.last.config.is_playground, timeout=10000)
    controls = window.controls
    assert controls.editors["hidden"].isEnabled() and controls.editors["optimizer"].isEnabled() and controls.editors["seed"].isEnabled()
    assert loss.findData("playground-mean") < 0 and controls.labels["max_iter"].text() == "Max iterations"
    assert window.status.fields["iteration"].text().startswith("iteration")
