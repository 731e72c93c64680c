"""The studio window, offscreen, driven as a user would: actions, clicks, typing."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from bpstudio.control import RunState
from bpstudio.engine.chain import InfluenceChain


@pytest.fixture
def window(open_studio):
    return open_studio()


def action(win, name):
    from PySide6.QtGui import QAction

    found = win.findChild(QAction, name)
    assert found is not None, name
    return found


def test_test_contract(window):
    for name in ("run", "pause", "step", "step_phase", "rewind", "reset"):
        assert action(window, name).objectName() == name
    assert window.findChild(type(window.network_view), "network_view") is window.network_view
    assert window.findChild(type(window.plot), "jval_plot") is window.plot
    assert window.findChild(type(window.inspector), "inspector") is window.inspector
    assert window.last.config.hidden == (5,) and window.last.problem.dataset.n_samples == 1000


def test_run_pause_plot_holds_every_point(qtbot, window):
    action(window, "run").trigger()
    qtbot.waitUntil(lambda: window.last.iteration > 200, timeout=20000)
    assert action(window, "pause").isEnabled() and not action(window, "run").isEnabled()
    speed = window.status.fields["rate"]
    qtbot.waitUntil(lambda: speed.text().endswith("it/s") and speed.isVisibleTo(window), timeout=10000)  # a live figure
    action(window, "pause").trigger()
    qtbot.waitUntil(lambda: window.last.state is RunState.PAUSED, timeout=5000)
    assert not speed.isVisibleTo(window)  # said only while the run goes: it would read as live after a stop
    window.plot.redraw()
    curve = window.plot.getPlotItem().listDataItems()[0]
    x, y = curve.getOriginalDataset()
    assert len(y) == window.last.iteration + 1
    np.testing.assert_array_equal(y, window.training.session.trainer.history.view())
    assert "iteration" in window.plot.getPlotItem().titleLabel.text


def test_click_on_an_edge_lights_exactly_the_engines_chain(qtbot, window):
    view = window.network_view
    net = window.problem.network
    index = net.param_index(0, 1, 2)  # the link g -> I_3^(1)
    item = view.weight_edges[index]
    line = item.line()
    point = item.mapToScene(line.p1() + (line.p2() - line.p1()) * 0.3)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.mapFromScene(point))
    assert view.selected_param == index
    for other, edge_item in view.weight_edges.items():  # every link can be hit where it is alone
        at = clear_point_on(edge_item, view)
        qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.mapFromScene(at))
        assert view.selected_param == other, net.param_name(other)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.mapFromScene(point))
    chain = InfluenceChain.of(net, (0, 1, 2))
    expected = {(e.source.name, e.target.name) for e in chain.edges[1:]}
    assert view.chain_edge_names() == expected
    assert item.mode == "selected"
    sources = {n.node.name for n in view.nodes.values() if n.role == "source"}
    assert sources == {n.name for n in chain.sources}
    assert window.inspector.chain.name == "W0[1,2]"
    assert "W0[1,2]" in window.inspector.title.text()


def clear_point_on(item, view):
    """The point along a link farthest from every other link (links cross each other)."""
    from bpstudio.qt.diagram.network_view import _distance_to_segment

    line = item.line()
    others = [e.line() for e in view.weight_edges.values() if e is not item]
    best, best_gap = None, -1.0
    for t in np.linspace(0.15, 0.85, 29):
        p = line.p1() + (line.p2() - line.p1()) * float(t)
        gap = min(_distance_to_segment(p, o) for o in others)
        if gap > best_gap:
            best, best_gap = p, gap
    return best


def test_keyboard_moves_between_weights(qtbot, window):
    view = window.network_view
    view.setFocus()
    view.select_param(0)
    qtbot.keyClick(view, Qt.Key_Down)
    assert view.selected_param == 1
    qtbot.keyClick(view, Qt.Key_Up)
    qtbot.keyClick(view, Qt.Key_Up)
    assert view.selected_param == window.problem.network.n_params - 1


def test_step_and_step_phase(qtbot, window):
    with qtbot.waitSignal(window.training.updated, timeout=5000):
        action(window, "step").trigger()
    assert window.last.iteration == 1
    titles = []
    for _ in range(6):
        with qtbot.waitSignal(window.training.updated, timeout=5000):
            action(window, "step_phase").trigger()
        titles.append(window.last.phase.kind)
    assert titles == ["forward", "forward", "loss", "backward", "backward", "update"]
    assert window.last.iteration == 2
    # while stepping the diagram shows the phase: the forward pass lights layer 1's nodes
    with qtbot.waitSignal(window.training.updated, timeout=5000):
        action(window, "step_phase").trigger()
    lit = {n.node.name for n in window.network_view.nodes.values() if n.mode == "phase"}
    assert {"I1[0]", "O1[4]"} <= lit
    assert window.last.state is RunState.STEPPING


def test_refused_value_says_why_next_to_the_field(qtbot, window):
    field = window.controls.editors["alpha"]
    assert isinstance(field, QLineEdit)
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "-1")
    qtbot.keyClick(field, Qt.Key_Return)
    error = window.controls.errors["alpha"]
    assert error.isVisibleTo(window) and "greater than 0" in error.text()
    assert window.training.session.config.alpha == 0.001
    field.selectAll()
    qtbot.keyClicks(field, "0.01")
    qtbot.keyClick(field, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.last.config.alpha == 0.01, timeout=5000)
    assert not error.isVisibleTo(window)
    assert window.last.changes[-1].field == "alpha"
    assert len(window.plot.change_lines) == 1


def test_model_change_rebuilds_the_diagram(qtbot, window):
    field = window.controls.editors["hidden"]
    field.setText("4,3")
    field.editingFinished.emit()
    qtbot.waitUntil(lambda: window.last.config.hidden == (4, 3), timeout=5000)
    assert window.problem.network.sizes == (3, 4, 3, 3)
    assert len(window.network_view.weight_edges) == window.problem.network.n_params


def test_nudge_predicts_the_change_of_jval(qtbot, window):
    window.network_view.select_param(3)
    qtbot.waitUntil(lambda: window.inspector.nudge_button.isEnabled(), timeout=10000)  # numbers are in
    window.inspector.nudge_delta.setValue(0.0001)
    with qtbot.waitSignal(window.model_signals.nudge_ready, timeout=10000):
        window.inspector.nudge_button.click()
    result = window.inspector.last_nudge
    assert result.actual == pytest.approx(result.predicted, rel=1e-2)
    # the curvature term accounts for what the tangent leaves out
    assert abs(result.actual - result.second_order) < 0.05 * abs(result.actual - result.predicted) + 1e-12
    assert np.array_equal(window.last.snapshot.weights, window.training.session.trainer.weights)


def test_node_click_shows_value_and_gradient(qtbot, window):
    view = window.network_view
    node = next(item for node, item in view.nodes.items() if node.name == "O1[0]")
    with qtbot.waitSignal(window.model_signals.node_ready, timeout=10000):
        qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.mapFromScene(node.scenePos()))
    assert "value" in window.inspector.node_info.text() and "∂L" in window.inspector.node_info.text()


def test_rewind_and_reset_actions(qtbot, window):
    for _ in range(2):
        with qtbot.waitSignal(window.training.updated, timeout=5000):
            action(window, "step").trigger()
    with qtbot.waitSignal(window.training.updated, timeout=5000):
        action(window, "rewind").trigger()
    assert window.last.iteration == 1
    with qtbot.waitSignal(window.training.updated, timeout=5000):
        action(window, "reset").trigger()
    assert window.last.iteration == 0 and len(window.plot.mirror) == 1


def test_layout_and_settings_return_on_the_next_start(qtbot, open_studio):
    first = open_studio()
    first.menus.log_y.setChecked(True)
    first.gestures.on_change_requested("alpha", 0.002)
    qtbot.waitUntil(lambda: first.last.config.alpha == 0.002, timeout=5000)
    first.close()
    second = open_studio(restore_settings=True)
    assert second.menus.log_y.isChecked() and second.last.config.alpha == 0.002


def test_close_while_running_leaves_no_thread(qtbot, open_studio):
    win = open_studio()
    action(win, "run").trigger()
    qtbot.waitUntil(lambda: win.last.iteration > 50, timeout=10000)
    win.close()
    assert not win.training.isRunning()


def test_enter_commits_and_space_drives_the_run_again(qtbot, window):
    field = window.controls.editors["alpha"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "0.002")
    qtbot.keyClick(field, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.last.config.alpha == 0.002, timeout=5000)
    assert not field.hasFocus() and window.network_view.hasFocus()
    qtbot.keyClick(window.network_view, Qt.Key_Space)  # the window's shortcut, not a character
    qtbot.waitUntil(lambda: window.training.running, timeout=5000)
    assert field.text() == "0.002"  # no space went into the field
    qtbot.keyClick(window.network_view, Qt.Key_Space)
    qtbot.waitUntil(lambda: not window.training.running, timeout=5000)


def test_settings_the_optimizer_ignores_are_disabled(qtbot, window):
    window.training.submit(__import__("bpstudio.control", fromlist=["SetSetting"]).SetSetting("optimizer", "momentum"))
    qtbot.waitUntil(lambda: window.last.config.optimizer == "momentum", timeout=5000)
    editors = window.controls.editors
    assert editors["alpha"].isEnabled() and editors["beta1"].isEnabled()
    assert not editors["beta2"].isEnabled() and not editors["epsilon"].isEnabled()
    assert "momentum does not use" in editors["beta2"].toolTip()


def test_a_new_run_after_a_high_sample_is_clean(qtbot, window):
    window.inspector.sample_box.setValue(900)
    qtbot.waitUntil(lambda: window.model.sample == 900, timeout=5000)
    field = window.controls.editors["samples"]
    field.setText("50")
    field.editingFinished.emit()
    qtbot.waitUntil(
        lambda: (
            window.last.config.samples == 50
            and window.model.chain_view is not None
            and window.model.chain_view.chain.net is window.problem.network
        ),
        timeout=10000,
    )
    assert window.inspector.sample_box.maximum() == 49 and window.model.sample <= 49
    assert not window.banner.isVisible()  # no "training stopped because of an error"


def test_redo_walks_forward_again_after_rewind(qtbot, window):
    for _ in range(2):
        with qtbot.waitSignal(window.training.updated, timeout=5000):
            action(window, "step").trigger()
    assert not action(window, "redo").isEnabled()
    with qtbot.waitSignal(window.training.updated, timeout=5000):
        action(window, "rewind").trigger()
    assert window.last.iteration == 1 and action(window, "redo").isEnabled()
    with qtbot.waitSignal(window.training.updated, timeout=5000):
        action(window, "redo").trigger()
    assert window.last.iteration == 2 and "iteration 2" in window.status.fields["iteration"].text()
    assert len(window.plot.mirror) == 3  # the curve came back with it


def test_while_training_the_inspector_says_its_iteration_follows_once_a_second(qtbot, window):
    """Its numbers lag the plot by up to a second; it says so, and after a pause it agrees with the status bar."""
    title = window.inspector.title
    action(window, "run").trigger()
    qtbot.waitUntil(lambda: "live, once a second" in title.text(), timeout=20000)
    action(window, "pause").trigger()
    qtbot.waitUntil(lambda: window.last.state is RunState.PAUSED, timeout=5000)
    qtbot.waitUntil(lambda: f"iteration {window.last.iteration}" in title.text(), timeout=10000)
    assert "live" not in title.text()
    assert f"iteration {window.last.iteration}" in window.status.fields["iteration"].text()
