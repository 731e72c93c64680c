"""The decision map, the units' pictures on the diagram and gradient health, in the studio window."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QSlider

from bpstudio.control import TrainingSession
from bpstudio.control.files.session_file import save_state
from bpstudio.control.model.unit_maps import CLASSES, map_points
from bpstudio.engine.config import RunConfig
from bpstudio.qt.diagram.unit_map_feed import palette_for

SPIRAL = RunConfig(dataset="spiral", samples=120, hidden=(6, 4), loss="cross-entropy", alpha=0.02, test_fraction=0.25, max_iter=100000)


def first_frame(qtbot, window):
    feed = window.unit_views.feed
    qtbot.waitUntil(
        lambda: (
            window.unit_views.map_panel.frame is not None
            and window.unit_views.map_panel.frame.iteration == window.last.iteration
            and window.unit_views.map_panel.frame.problem is window.model.problem
        ),
        timeout=10000,
    )
    return feed


def node_item(view, name):
    return next(item for node, item in view.nodes.items() if node.name == name)


def test_a_spiral_run_shows_its_map_points_and_every_units_picture(qtbot, open_studio):
    win = open_studio(SPIRAL)
    panel = win.unit_views.map_panel
    qtbot.waitUntil(lambda: panel.shown, timeout=5000)  # a 2-D data set brings the map to the front
    first_frame(qtbot, win)
    assert panel.current_picture() == CLASSES
    np.testing.assert_array_equal(panel.image.image, panel.frame.images[CLASSES])
    assert len(panel.train_points.data) == 90 and len(panel.test_points.data) == 30
    tiles = win.network_view.units.tiles
    qtbot.waitUntil(lambda: set(tiles) == {f"O1[{j}]" for j in range(6)} | {f"O2[{j}]" for j in range(4)}, timeout=5000)
    assert all(not tile.picture.pixmap().isNull() for tile in tiles.values())
    assert tiles["O1[0]"].parentItem() is node_item(win.network_view, "O1[0]")


def test_the_map_follows_training(qtbot, open_studio):
    win = open_studio(SPIRAL)
    panel = win.unit_views.map_panel
    qtbot.waitUntil(lambda: panel.shown, timeout=5000)
    first_frame(qtbot, win)
    before = panel.image.image.copy()
    tile_before = win.network_view.units.tiles["O1[0]"].image
    with qtbot.waitSignal(win.training.updated, timeout=5000):
        win.training.step(40)
    qtbot.waitUntil(lambda: panel.frame.iteration == 40, timeout=10000)
    qtbot.waitUntil(lambda: win.network_view.units.tiles["O1[0]"].image is not tile_before, timeout=5000)
    assert not np.array_equal(before, panel.image.image)
    np.testing.assert_array_equal(panel.image.image, panel.frame.images[CLASSES])


def test_clicking_a_hidden_node_shows_its_picture_large_and_still_reads_the_node(qtbot, open_studio):
    win = open_studio(SPIRAL)
    panel = win.unit_views.map_panel
    first_frame(qtbot, win)
    win.inspector_dock.raise_()  # the map behind another tab: the click brings it back
    qtbot.waitUntil(lambda: not panel.shown, timeout=5000)
    view = win.network_view
    node = node_item(view, "O1[2]")
    with qtbot.waitSignal(win.model_signals.node_ready, timeout=10000):
        qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.mapFromScene(node.scenePos()))
    assert panel.current_picture() == "O1[2]"
    qtbot.waitUntil(lambda: panel.shown, timeout=5000)
    qtbot.waitUntil(lambda: "O1[2]" in panel.frame.images, timeout=10000)
    np.testing.assert_array_equal(panel.image.image, panel.frame.images["O1[2]"])
    assert "value" in win.inspector.node_info.text()  # the node's readout, as before
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.mapFromScene(node_item(view, "I2[1]").scenePos()))
    assert panel.current_picture() == "O2[1]"  # a unit's I shows the same unit


def test_the_article_has_pictures_only_as_a_slice_while_the_map_is_shown(qtbot, open_studio):
    win = open_studio(RunConfig(samples=200))
    panel = win.unit_views.map_panel
    qtbot.waitUntil(lambda: win.model.problem is not None, timeout=5000)
    assert not panel.shown and win.network_view.units.tiles == {}
    assert not win.unit_views.feed.maps_wanted  # nothing is computed for a picture nobody sees
    win.map_dock.raise_()
    qtbot.waitUntil(lambda: panel.shown, timeout=5000)
    first_frame(qtbot, win)
    assert panel.slice_box.isVisible() and panel.current_picture() == "y[0]"
    qtbot.waitUntil(lambda: set(win.network_view.units.tiles) == {f"O1[{j}]" for j in range(5)}, timeout=5000)
    slider = panel.findChild(QSlider, "map_held_2")
    held = panel.frame.plane.held[2]
    slider.setValue(90)
    qtbot.waitUntil(lambda: panel.frame.plane.held[2] != held, timeout=10000)
    np.testing.assert_allclose(panel.frame.plane.held[2], panel.plane.spans[2][0] + 0.9 * np.ptp(panel.plane.spans[2]))
    win.inspector_dock.raise_()  # the map hidden again: the slices leave the diagram
    qtbot.waitUntil(lambda: win.network_view.units.tiles == {}, timeout=5000)


def test_a_single_input_has_no_map(qtbot, open_studio, tmp_path):
    csv = tmp_path / "line.csv"
    csv.write_text("u,v\n" + "".join(f"{x},{2 * x}\n" for x in np.linspace(-1, 1, 20)))
    win = open_studio(RunConfig(data_file=str(csv), inputs=("u",), targets=("v",), hidden=(3,)))
    panel = win.unit_views.map_panel
    win.map_dock.raise_()
    qtbot.waitUntil(lambda: panel.shown, timeout=5000)
    assert panel.empty.isVisible() and not panel.plot.isVisible()
    assert win.network_view.units.tiles == {}


def saved_with_weights(tmp_path, config, change):
    """A session file at iteration 0 whose weights ``change`` set (a constructed state)."""
    session = TrainingSession(config)
    trainer = session.trainer
    weights = trainer.weights.copy()
    change(trainer.network.layers(weights))
    trainer.weights = weights
    trainer.jval, trainer.gradient = trainer.evaluate(weights)
    trainer.history.truncate(0)
    trainer.history.append(trainer.jval)
    path = tmp_path / "constructed.bpstudio"
    save_state(path, config, trainer.snapshot(), trainer.history.view(), ())
    return path


def test_saturated_and_dead_units_are_marked_with_a_tooltip(qtbot, open_studio, tmp_path):
    def push(layers):
        layers[0][:, 1] = [1.0, 1.0, 200.0]  # unit O2⁽¹⁾: a huge bias, tanh = 1 on every sample

    config = RunConfig(dataset="gauss", samples=60, hidden=(3,), loss="cross-entropy")
    win = open_studio()
    assert win.files.open(saved_with_weights(tmp_path, config, push))
    qtbot.waitUntil(lambda: "O1[1]" in win.network_view.units.marks, timeout=10000)
    marks = win.network_view.units.marks
    assert set(marks) == {"O1[1]"} and marks["O1[1]"].kind == "saturated"
    assert "0.99" in marks["O1[1]"].toolTip()
    assert "O₂⁽¹⁾" in win.unit_views.health_panel.summary.text()

    def kill(layers):
        layers[0][:, 0] = [0.1, 0.1, -20.0]  # unit O1⁽¹⁾ of a ReLU net: below 0 for every sample

    relu = RunConfig(dataset="gauss", samples=60, hidden=(3,), activation="relu", loss="cross-entropy")
    assert win.files.open(saved_with_weights(tmp_path, relu, kill))
    qtbot.waitUntil(lambda: set(win.network_view.units.marks) == {"O1[0]"}, timeout=10000)
    assert win.network_view.units.marks["O1[0]"].kind == "dead"
    win.languages.set_language("zh_CN")
    assert win.network_view.units.marks["O1[0]"].toPlainText() != "dead"
    win.languages.set_language("en")


def drawn_points(panel, layer: int) -> list[tuple[float, float]]:
    """The norms a layer shows, as line points or as lone dots (a lone gap is drawn as two dots, no line)."""
    points = set()
    for item in (panel.curves[layer], panel.dots[layer]):
        x, y = item.xData, item.yData  # the data, not its log-scaled display
        if x is not None:
            points |= {(float(a), float(b)) for a, b in zip(x, y, strict=True) if np.isfinite(a)}
    return sorted(points)


def test_the_gradient_health_plot_has_one_curve_per_layer(qtbot, open_studio):
    win = open_studio(SPIRAL)
    win.health_dock.raise_()
    panel = win.unit_views.health_panel
    qtbot.waitUntil(lambda: panel.shown, timeout=5000)
    with qtbot.waitSignal(win.training.updated, timeout=5000):
        win.training.step(5)
    norms = win.unit_views.feed.norms
    qtbot.waitUntil(lambda: len(norms) == 2 and len(panel.curves) == 3 and len(drawn_points(panel, 0)) == 2, timeout=5000)
    gradient = win.last.snapshot.gradient
    net = win.model.problem.network
    np.testing.assert_allclose(
        norms.norms[-1], [np.linalg.norm(gradient[a:b]) for a, b in zip(net.offsets[:-1], net.offsets[1:], strict=True)]
    )
    assert [y for _x, y in drawn_points(panel, 2)] == list(norms.norms[:, 2])
    (low, high), _ = panel.plot.getPlotItem().getViewBox().viewRange()
    assert low <= 0 < 5 <= high < 20  # iterations from 0, not a range centred on it
    assert not panel.plot.getPlotItem().getAxis("bottom").autoSIPrefix  # no "(x0.001)" beside the axis


def test_a_health_plot_built_after_steps_draws_the_norms_so_far(qtbot, open_studio):
    win = open_studio(SPIRAL)
    assert win.unit_views.health_holder.panel is None  # never on screen: never built
    with qtbot.waitSignal(win.training.updated, timeout=5000):
        win.training.step(3)
    norms = win.unit_views.feed.norms
    qtbot.waitUntil(lambda: len(norms) == 2 and win.unit_views.feed.maps.health is not None, timeout=5000)
    win.health_dock.raise_()
    qtbot.waitUntil(lambda: win.unit_views.health_holder.panel is not None, timeout=5000)
    panel = win.unit_views.health_panel
    qtbot.waitUntil(lambda: len(panel.curves) == 3 and len(drawn_points(panel, 0)) == 2, timeout=5000)
    assert panel.summary.text()  # the units' state, known before the panel existed


def test_a_map_behind_another_tab_draws_its_samples_when_it_comes_on_screen(open_studio, qtbot):
    win = open_studio()  # the article's run: the map is a tab behind the inspector
    assert win.unit_views.map_holder.panel is None  # built when first on screen, not at start-up
    win.map_dock.raise_()
    panel = win.unit_views.map_panel
    win.inspector_dock.raise_()
    qtbot.waitUntil(lambda: not panel.shown, timeout=5000)
    panel.train_points.clear()
    win.unit_views.feed.maps.plane_changed.emit(win.unit_views.feed.maps.plane)  # samples to draw again, while hidden
    assert len(panel.train_points.data) == 0  # nothing drawn for nobody
    win.map_dock.raise_()
    qtbot.waitUntil(lambda: panel.shown, timeout=5000)
    near_the_slice = map_points(win.model.problem, panel.plane, palette_for(panel.look), panel.current_picture())
    assert len(panel.train_points.data) == len(near_the_slice.train) > 0


def test_on_a_projector_a_run_on_the_plane_shows_its_map_square_beside_the_plot(qtbot, open_studio):
    """Under the formula it left the source Σ block no room at 1366×768 (issue 24): now beside the plot."""
    win = open_studio(SPIRAL)
    win.resize(1366, 768)
    assert win.map_dock in win.tabifiedDockWidgets(win.inspector_dock)
    axis = win.unit_views.map_panel.plot.getPlotItem().getAxis("bottom")
    before = QFontMetricsF(axis.style["tickFont"]).capHeight()
    holder = win.unit_views.map_holder
    win.menus.presentation.setChecked(True)
    assert holder.parentWidget() is win.plot_row and not win.map_dock.isVisible()
    assert QFontMetricsF(axis.style["tickFont"]).capHeight() >= 1.4 * before  # its numbers readable from the back too
    qtbot.waitUntil(lambda: win.unit_views.map_panel.shown and win.inspector.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: abs(holder.width() - holder.height()) <= 2, timeout=5000)  # square: no blank bands
    assert not win.unit_views.map_panel.caption.isVisible()  # its room goes to the map
    win.menus.presentation.setChecked(False)
    assert holder.parentWidget() is not win.plot_row and win.map_dock.widget().widget() is holder
    qtbot.waitUntil(lambda: win.unit_views.map_panel.caption.isVisible(), timeout=5000)
    assert win.map_dock in win.tabifiedDockWidgets(win.inspector_dock)  # the usual layout, as it was


def test_on_a_projector_the_article_keeps_its_map_behind_a_tab(qtbot, open_studio):
    win = open_studio()  # three inputs: a slice, for those who look for it
    win.menus.presentation.setChecked(True)
    assert win.map_dock in win.tabifiedDockWidgets(win.inspector_dock)
    win.menus.presentation.setChecked(False)


def test_on_a_projector_the_formula_and_the_map_are_on_screen_whichever_tab_was_in_front(qtbot, open_studio):
    """With the map's tab in front, taking it out of the group used to bring gradient health forward."""
    win = open_studio(SPIRAL)
    win.map_dock.raise_()
    qtbot.waitUntil(lambda: win.unit_views.map_panel.shown, timeout=5000)
    win.menus.presentation.setChecked(True)

    def on_screen(widget):  # a tab behind another is "visible" to Qt, but has nothing on screen
        return widget.isVisible() and not widget.visibleRegion().isEmpty()

    qtbot.waitUntil(lambda: on_screen(win.inspector_dock) and on_screen(win.unit_views.map_panel), timeout=5000)
    assert win.unit_views.map_panel.shown
    assert not on_screen(win.health_dock) and not on_screen(win.landscape_dock)


def test_a_lesson_on_the_plane_chosen_on_a_projector_shows_the_formula_and_its_map(qtbot, open_studio):
    from bpstudio.control.learning.lessons import LESSONS_BY_KEY

    win = open_studio()  # the article: its map stays behind a tab
    win.menus.presentation.setChecked(True)

    def on_screen(widget):
        return widget.isVisible() and not widget.visibleRegion().isEmpty()

    win.lessons.choose(LESSONS_BY_KEY["softmax_sources"])
    qtbot.waitUntil(lambda: win.last.config.dataset == "spiral" and on_screen(win.unit_views.map_panel), timeout=10000)
    qtbot.waitUntil(lambda: on_screen(win.inspector_dock) and win.unit_views.map_panel.shown, timeout=5000)
    assert not on_screen(win.health_dock) and not on_screen(win.landscape_dock)
    win.lessons.choose(LESSONS_BY_KEY["article"])  # off the plane again: the map goes home, the formula stays
    qtbot.waitUntil(lambda: win.last.config.dataset == "article", timeout=10000)
    assert win.unit_views.map_holder.parentWidget() is not win.plot_row and on_screen(win.inspector_dock)


def test_on_a_768_pixel_projector_two_stacked_panels_scroll_instead_of_growing_the_window(qtbot, open_studio):
    """The landscape over the map asked for 869 px at projector sizes, and the window grew past the screen."""
    win = open_studio(SPIRAL)
    win.resize(1366, 768)
    win.menus.presentation.setChecked(True)
    win.landscape_dock.raise_()
    qtbot.waitUntil(lambda: win.landscape_holder.panel is not None, timeout=5000)
    assert win.minimumSizeHint().height() <= 768
    assert win.landscape_dock.widget().objectName() == "landscape_dock_scroller"
