"""The studio's landscape panel: the slice along the selected weight, the map across two, the drag.

Numbers are checked against the model's snapshot (its JVal and backprop
gradient) and against an independent evaluation of JVal with moved weights.
"""

import threading
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from bpstudio.control.model.landscape_jobs import JobState
from bpstudio.engine import landscape as engine_landscape
from bpstudio.engine.propagation import jval_and_gradient

WAIT = 20000  # ms: a guard against a hung test only


@pytest.fixture
def studio(open_studio, qtbot):
    win = open_studio()
    win.landscape_dock.show()
    win.landscape_dock.raise_()
    qtbot.waitUntil(lambda: win.landscape.slice_view.cut is not None, timeout=WAIT)
    return win


def independent_jval(win, weights):
    problem = win.model.problem
    return jval_and_gradient(problem.network, weights, problem.dataset.inputs_aug, problem.dataset.targets_t)[0]


def test_the_slice_passes_through_jval_with_the_gradient_as_the_tangent_slope(studio, qtbot):
    panel = studio.landscape
    view = panel.slice_view
    cut = view.cut
    snapshot = studio.model.snapshot
    assert cut.param == studio.model.selected == 0
    middle = cut.offsets.size // 2
    assert cut.offsets[middle] == 0.0
    assert cut.jval[middle] == pytest.approx(snapshot.jval, rel=1e-12)
    assert view.point.pos().x() == pytest.approx(snapshot.weights[0])
    assert view.point.pos().y() == pytest.approx(snapshot.jval)
    x, y = view.tangent.getData()
    assert (y[1] - y[0]) / (x[1] - x[0]) == pytest.approx(snapshot.gradient[0], rel=1e-9)
    assert f"{snapshot.gradient[0]:.6g}" in view.readout.text()
    assert "curvature" in view.readout.text() and "Adam" in view.readout.text()
    # the next steps marked on the curve are where the optimizer and -alpha*g would put the weight
    ox, oy = view.optimizer_mark.getData()
    assert ox[0] == pytest.approx(snapshot.weights[0] + cut.optimizer_offset)
    moved = np.array(snapshot.weights)
    moved[0] += cut.optimizer_offset
    assert oy[0] == pytest.approx(independent_jval(studio, moved), rel=1e-12)
    assert cut.gradient_step_offset == pytest.approx(-0.001 * snapshot.gradient[0])


def test_the_slice_follows_the_selection_and_the_steps(studio, qtbot):
    panel = studio.landscape
    studio.model.select(25)
    qtbot.waitUntil(lambda: panel.slice_view.cut is not None and panel.slice_view.cut.param == 25, timeout=WAIT)
    assert "w" in panel.slice_view.title.text()
    studio.gestures.step()
    qtbot.waitUntil(lambda: studio.last.iteration == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: panel.slice_view.cut.jval_at_point == studio.model.snapshot.jval, timeout=WAIT)
    cut = panel.slice_view.cut
    assert cut.jval[cut.offsets.size // 2] == pytest.approx(studio.model.snapshot.jval, rel=1e-12)
    assert cut.gradient == studio.model.snapshot.gradient[25]


def test_a_wider_window_is_asked_for_and_drawn(studio, qtbot):
    view = studio.landscape.slice_view
    view.span.setValue(0.5)
    qtbot.waitUntil(lambda: view.cut.offsets[-1] == pytest.approx(0.5), timeout=WAIT)
    x, _ = view.curve.getData()
    assert x[0] == pytest.approx(view.cut.weight - 0.5) and x[-1] == pytest.approx(view.cut.weight + 0.5)


def _mouse(widget, kind, pos, buttons):
    button = Qt.LeftButton if kind != QEvent.MouseMove else Qt.NoButton
    event = QMouseEvent(kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)), button, buttons, Qt.NoModifier)
    QApplication.sendEvent(widget, event)


def drag_point(view, to_x):
    """Press on the ring, move along x, release: as a hand does it, through the plot's viewport."""
    plot = view.plot
    viewport = plot.viewport()
    box = plot.getPlotItem().getViewBox()

    def on_screen(x, y):
        return plot.mapFromScene(box.mapViewToScene(QPointF(x, y)))

    start = on_screen(view.point.pos().x(), view.point.pos().y())
    end = on_screen(to_x, view.point.pos().y())
    _mouse(viewport, QEvent.MouseButtonPress, start, Qt.LeftButton)
    for k in range(1, 6):
        _mouse(viewport, QEvent.MouseMove, start + (end - start) * (k / 5), Qt.LeftButton)
    _mouse(viewport, QEvent.MouseButtonRelease, end, Qt.NoButton)


def test_dragging_the_point_while_paused_sets_the_weight(studio, qtbot):
    view = studio.landscape.slice_view
    studio.resize(1500, 1000)
    qtbot.waitUntil(lambda: view.plot.width() > 200, timeout=WAIT)
    before = studio.model.snapshot
    assert view.can_drag and view.point.movable
    target = before.weights[0] + 0.6 * view.cut.offsets[-1]
    drag_point(view, target)
    assert view.last_drop is not None, "the drop did not reach the view"
    dw, predicted = view.last_drop
    assert dw == pytest.approx(target - before.weights[0], rel=0.05)  # a pixel's rounding
    assert predicted == pytest.approx(before.gradient[0] * dw, rel=1e-12)
    qtbot.waitUntil(lambda: view.actual_change is not None, timeout=WAIT)
    after = studio.model.snapshot
    assert after.iteration == before.iteration
    assert after.weights[0] == pytest.approx(before.weights[0] + dw, rel=1e-12)
    np.testing.assert_array_equal(np.delete(after.weights, 0), np.delete(before.weights, 0))
    moved = np.array(before.weights)
    moved[0] = after.weights[0]
    assert view.actual_change == pytest.approx(independent_jval(studio, moved) - before.jval, rel=1e-9)
    text = view.nudge_text.text()
    assert f"{predicted:+.6g}" in text and f"{view.actual_change:+.6g}" in text
    # the slice is drawn again through the new point
    qtbot.waitUntil(lambda: view.cut.weight == after.weights[0], timeout=WAIT)


def test_the_point_cannot_be_dragged_while_running(studio, qtbot):
    view = studio.landscape.slice_view
    studio.gestures.run()
    qtbot.waitUntil(lambda: studio.last.state.value == "running", timeout=WAIT)
    assert not view.can_drag and not view.point.movable
    studio.gestures.pause()
    qtbot.waitUntil(lambda: view.can_drag, timeout=WAIT)


@pytest.fixture
def held_map(monkeypatch):
    """The map's work stops after its first chunk until the test lets it go."""
    first_chunk, release = threading.Event(), threading.Event()
    steps = engine_landscape.LandscapeTask.steps

    def held(task):
        for done in steps(task):
            yield done
            first_chunk.set()
            release.wait(WAIT / 1000)

    monkeypatch.setattr(engine_landscape.LandscapeTask, "steps", held)
    yield first_chunk, release
    release.set()


def test_the_map_shows_progress_and_cancel_stops_it(studio, qtbot, held_map):
    first_chunk, release = held_map
    panel, view = studio.landscape, studio.landscape.map_view
    panel.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: panel.job is not None and first_chunk.is_set(), timeout=WAIT)
    qtbot.waitUntil(lambda: view.progress.value() > 0 and view.cancel.isEnabled(), timeout=WAIT)
    assert view.progress.value() < 100
    assert "41 × 41" in view.status.text()
    job = panel.job
    qtbot.mouseClick(view.cancel, Qt.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: not job.running, timeout=WAIT)
    qtbot.waitUntil(lambda: view.status_key == "cancelled", timeout=WAIT)
    assert job.state is JobState.CANCELLED and job.done < job.total and job.result is None
    assert "Cancelled" in view.status.text() and not view.cancel.isEnabled()
    assert view.grid is None


def test_a_map_still_computing_when_the_selection_changes_ends_with_its_own_iteration(studio, qtbot, held_map):
    """The selection moving on marks the map stale; the job that was running still reports the point it was of."""
    first_chunk, release = held_map
    panel, view = studio.landscape, studio.landscape.map_view
    panel.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: panel.job is not None and first_chunk.is_set(), timeout=WAIT)
    job, iteration = panel.job, studio.model.snapshot.iteration
    panel.tabs.setCurrentWidget(panel.slice_view)  # the slice tab asks for a slice, not a new map
    studio.model.select(25)
    release.set()
    qtbot.waitUntil(lambda: not job.running, timeout=WAIT)
    qtbot.waitUntil(lambda: view.status_key == "done", timeout=WAIT)
    assert job.state is JobState.FINISHED and view.grid is not None
    assert f"iteration {iteration}" in view.status.text()


def test_the_map_is_drawn_around_the_point(studio, qtbot):
    panel, view = studio.landscape, studio.landscape.map_view
    panel.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.grid is not None, timeout=WAIT)
    grid = view.grid
    snapshot = studio.model.snapshot
    assert grid.params == (0, panel._partner(0)) and grid.jval.shape == (41, 41)
    assert grid.jval[20, 20] == pytest.approx(snapshot.jval, rel=1e-12)
    np.testing.assert_allclose(grid.gradient, snapshot.gradient[list(grid.params)])
    assert view.progress.value() == 100 and view.image.image.shape == (41, 41)
    assert len(view.isocurves) > 0
    # random directions: the map's point is (0, 0)
    view.mode.setCurrentIndex(view.mode.findData("random"))
    qtbot.waitUntil(lambda: view.grid is not None and view.grid.params is None, timeout=WAIT)
    assert view.grid.jval[20, 20] == pytest.approx(snapshot.jval, rel=1e-12)
    assert "d₁" in view.plot.getPlotItem().getAxis("bottom").labelText


def test_the_map_shows_the_path_of_the_run(studio, qtbot):
    panel, view = studio.landscape, studio.landscape.map_view
    for _ in range(3):
        studio.gestures.step()
    qtbot.waitUntil(lambda: studio.last.iteration == 3, timeout=WAIT)
    panel.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.grid is not None, timeout=WAIT)
    x, y = view.path.getData()
    assert len(x) >= 2
    assert (x[-1], y[-1]) == pytest.approx(tuple(studio.model.snapshot.weights[list(view.grid.params)]))


def test_exports_write_valid_files(studio, qtbot, tmp_path, monkeypatch):
    panel = studio.landscape
    cut = panel.slice_view.cut
    assert panel.export_slice("png", str(tmp_path / "slice.png"))
    image = QImage(str(tmp_path / "slice.png"))
    assert not image.isNull() and image.width() == 1200
    assert panel.export_slice("svg", str(tmp_path / "slice.svg"))
    svg = ET.parse(tmp_path / "slice.svg").getroot()
    assert svg.tag.endswith("svg")
    words = "".join("".join(svg.itertext()).split())  # glyph runs may be split by the font fallback
    assert "w₁₁⁽⁰⁾" in words and "W0[0,0]" not in words  # the weight as the studio names it, not its index
    assert panel.export_slice("csv", str(tmp_path / "slice.csv"))
    rows = (tmp_path / "slice.csv").read_text().splitlines()
    assert rows[0] == "offset,weight,jval,tangent" and len(rows) == cut.offsets.size + 1
    middle = rows[1 + cut.offsets.size // 2].split(",")
    assert float(middle[0]) == 0.0 and float(middle[2]) == pytest.approx(studio.model.snapshot.jval, rel=1e-12)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[-1]))
    assert not panel.export_slice("png", str(tmp_path / "missing" / "slice.png"))
    assert warnings and "missing" in warnings[0] and "could not be written" in warnings[0]
    panel.tabs.setCurrentWidget(panel.map_view)
    qtbot.waitUntil(lambda: panel.map_view.grid is not None, timeout=WAIT)
    assert panel.export_map("csv", str(tmp_path / "map.csv"))
    assert len((tmp_path / "map.csv").read_text().splitlines()) == 41 * 41 + 1
    assert panel.export_map("png", str(tmp_path / "map.png"))
    assert not QImage(str(tmp_path / "map.png")).isNull()


def test_a_language_switch_retranslates_the_panel_at_once(studio, qtbot):
    panel = studio.landscape
    panel.tabs.setCurrentWidget(panel.map_view)
    qtbot.waitUntil(lambda: panel.map_view.grid is not None, timeout=WAIT)
    studio.menus.language_actions["zh_CN"].trigger()
    assert panel.tabs.tabText(0) == "沿一个权重" and panel.tabs.tabText(1) == "跨两个权重"
    assert studio.landscape_dock.windowTitle() == "损失地形"
    assert "权重" in panel.map_view.plot.getPlotItem().getAxis("bottom").labelText
    assert "地图" in panel.map_view.status.text() or "第" in panel.map_view.status.text()
    assert "权重" in panel.slice_view.plot.getPlotItem().getAxis("bottom").labelText
    assert "曲率" in panel.slice_view.readout.text()
    assert panel.map_view.cancel.text() == "取消"
    studio.menus.language_actions["en"].trigger()
    assert panel.tabs.tabText(0) == "Along one weight"
    assert "weight" in panel.slice_view.plot.getPlotItem().getAxis("bottom").labelText


def test_while_running_the_slice_is_asked_for_by_the_timer_not_by_every_update(studio, qtbot):
    """At most one slice per LIVE_INTERVAL: updates only start the timer; a pause asks at once."""
    import dataclasses

    from bpstudio.control import RunState
    from bpstudio.qt.landscape.landscape_panel import LIVE_INTERVAL_MS

    panel = studio.landscape
    running = dataclasses.replace(studio.last, state=RunState.RUNNING)
    asked = panel.slice_asked
    for _ in range(20):
        panel._update_applied(running)
    assert panel.slice_asked == asked
    assert panel.live_timer.isActive() and panel.live_timer.interval() == LIVE_INTERVAL_MS == 500
    panel.live_timer.timeout.emit()
    assert panel.slice_asked == asked + 1
    panel._update_applied(dataclasses.replace(studio.last, state=RunState.PAUSED))
    assert panel.slice_asked == asked + 2 and not panel.live_timer.isActive()
    qtbot.waitUntil(lambda: panel.slice_view.cut is not None, timeout=WAIT)


def test_the_view_menu_shows_and_hides_the_landscape(open_studio, qtbot):
    win = open_studio()
    toggle = win.landscape_dock.toggleViewAction()
    assert toggle in win.menus.menu("menu_view").actions()
    assert toggle.text() == "Landscape"
    was = win.landscape_dock.isVisible()
    toggle.trigger()
    assert win.landscape_dock.isVisible() is not was
    toggle.trigger()
    assert win.landscape_dock.isVisible() is was


def test_the_panel_is_built_when_its_tab_first_comes_on_screen_and_catches_up(open_studio, qtbot):
    win = open_studio()
    qtbot.waitUntil(lambda: win.model.selected == 0, timeout=WAIT)
    assert win.landscape_holder.panel is None  # behind the inspector's tab: not built at start-up
    win.landscape_dock.raise_()
    qtbot.waitUntil(lambda: win.landscape_holder.panel is not None, timeout=WAIT)
    panel = win.landscape_holder.panel
    assert panel.param == 0 and panel.display_name == win.model.chain.display(win.model.chain.param, "text")
    qtbot.waitUntil(lambda: panel.slice_view.cut is not None, timeout=WAIT)
    assert panel.slice_view.cut.param == 0
