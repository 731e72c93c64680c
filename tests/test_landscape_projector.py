"""Issue 24: the landscape's slice and map read from the back row — the legend off the marks, ticks that
say the real numbers, one label on a colour bar with nothing to tell apart, text at the projector's size."""

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QAction, QFontMetricsF, QImage, QPainter

WAIT = 20000  # ms: a guard against a hung test only


def draw_specs(axis) -> list[tuple[QRectF, str]]:
    """The rectangles and texts pyqtgraph draws the tick labels with."""
    image = QImage(700, 700, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    specs = axis.generateDrawSpecs(painter)
    painter.end()
    return [] if specs is None else [(rect, text) for rect, _flags, text in specs[2]]


def settle(qtbot):
    qtbot.wait(1)  # one turn of the event loop, for the layout requests


@pytest.fixture(params=["medium", "large"])  # 14 and 18 px digits: 1366×768 and 1920×1080
def projector(request, open_studio, qtbot):
    win = open_studio()
    win.resize(1366, 768)
    win.looks.set_presentation_size(request.param)
    win.findChild(QAction, "presentation").setChecked(True)
    win.landscape_dock.show()
    win.landscape_dock.raise_()
    panel = win.landscape
    qtbot.waitUntil(lambda: panel.slice_view.cut is not None, timeout=WAIT)
    panel.tabs.setCurrentWidget(panel.map_view)
    qtbot.waitUntil(lambda: panel.map_view.grid is not None, timeout=WAIT)
    yield win
    win.findChild(QAction, "presentation").setChecked(False)


def test_the_legends_never_cover_the_plots_and_their_marks(projector, qtbot):
    win = projector
    panel = win.landscape
    for language in ("en", "zh_CN"):
        win.languages.set_language(language)
        for view, marks in ((panel.map_view, ("next_mark", "point")), (panel.slice_view, ("optimizer_mark", "gradient_mark"))):
            panel.tabs.setCurrentWidget(view)
            qtbot.waitUntil(lambda v=view: v.legend.isVisible() and bool(v.legend.items), timeout=WAIT)
            settle(qtbot)
            item = view.plot.getPlotItem()
            legend, box = view.legend.sceneBoundingRect(), item.vb.sceneBoundingRect()
            assert not legend.intersects(box), (language, view.objectName())
            assert view.plot.sceneRect().contains(legend) or legend.right() <= view.plot.viewport().width() + 1
            for name in marks:
                x, y = getattr(view, name).getData()
                if len(x):
                    at = item.vb.mapViewToScene(QPointF(x[0], y[0]))
                    assert box.contains(at) and not legend.contains(at)
            assert any(label.toolTip() for _sample, label in view.legend.items)  # the full words of a short label, on a hover
            view.grab().save(f"/tmp/landscape_{view.objectName()}_{language}_{win.look.digit_px:.0f}.png")
    win.languages.set_language("en")


def test_ticks_reach_the_projectors_digit_height_without_overlapping_and_titles_are_whole(projector, qtbot):
    win = projector
    panel = win.landscape
    digit = win.look.digit_px
    assert digit in (14.0, 18.0)
    for view in (panel.slice_view, panel.map_view):
        panel.tabs.setCurrentWidget(view)
        settle(qtbot)
        item = view.plot.getPlotItem()
        axes = [item.getAxis("left"), item.getAxis("bottom")] + ([view.colour_bar.axis] if view is panel.map_view else [])
        for axis in axes:
            assert QFontMetricsF(axis.style["tickFont"]).capHeight() >= digit - 0.05
            specs = draw_specs(axis)
            rects = [rect for rect, _text in specs]
            assert rects and all(not a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :]), view.objectName()
        bottom, left = item.getAxis("bottom"), item.getAxis("left")
        assert bottom.height() >= bottom.label.boundingRect().height() + QFontMetricsF(bottom.style["tickFont"]).height()
        assert left.label.boundingRect().width() <= item.vb.height() + 1  # the rotated title is not cut
        bar = view.colour_bar.axis if view is panel.map_view else None
        if bar is not None:  # the widest tick and the title fit the bar's axis
            widest = max(QFontMetricsF(bar.style["tickFont"]).horizontalAdvance(text) for _r, text in draw_specs(bar))
            assert bar.width() >= widest + bar.label.boundingRect().height()


def test_the_decision_map_and_gradient_health_ticks_reach_the_projectors_digit_height(projector, qtbot):
    win = projector
    digit = win.look.digit_px
    for panel in (win.unit_views.map_panel, win.unit_views.health_panel):
        item = panel.plot.getPlotItem()
        for side in ("left", "bottom"):
            assert QFontMetricsF(item.getAxis(side).style["tickFont"]).capHeight() >= digit - 0.05, panel.objectName()


def test_landscape_axes_say_the_real_numbers_with_no_si_multiplier(open_studio, qtbot):
    """Ticks 0.575 … 0.600 for weights there, never 575 … 600 with "(x0.001)" beside the title."""
    win = open_studio()
    panel = win.landscape
    qtbot.waitUntil(lambda: panel.slice_view.cut is not None, timeout=WAIT)
    for view in (panel.slice_view, panel.map_view):
        item = view.plot.getPlotItem()
        item.setRange(xRange=(0.575, 0.600), yRange=(0.0021, 0.0024), padding=0)
        for _ in range(2):  # a paint widens the left axis for its longer labels, the next one draws them
            view.plot.grab()
            settle(qtbot)
        for side, (lo, hi) in (("bottom", (0.575, 0.600)), ("left", (0.0021, 0.0024))):
            axis = item.getAxis(side)
            assert "x0.001" not in axis.labelString() and "x1e" not in axis.labelString()
            values = [float(text) for _rect, text in draw_specs(axis)]
            assert values and all(lo - 1e-12 <= v <= hi + 1e-12 for v in values), (side, values)
    assert not panel.map_view.colour_bar.axis.autoSIPrefix


def test_a_colour_bar_with_nothing_to_tell_apart_has_one_label(open_studio, qtbot):
    win = open_studio()
    panel, view = win.landscape, win.landscape.map_view
    panel.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.grid is not None, timeout=WAIT)
    grid = view.grid

    def labels():
        return [text for level in view.colour_bar.axis._tickLevels for _value, text in level]

    for jval in (np.full_like(grid.jval, 13357.25), np.zeros_like(grid.jval)):  # the same JVal everywhere
        view.show_map(replace(grid, jval=jval), view.axis_names)
        assert len(labels()) == 1 and float(labels()[0]) == pytest.approx(float(jval[0, 0]), rel=1e-5)
    nearly = 13357.25 + np.linspace(0, 1e-9, grid.jval.size).reshape(grid.jval.shape)  # rounding noise only
    view.show_map(replace(grid, jval=nearly), view.axis_names)
    assert len(labels()) == len(set(labels())) and float(labels()[0]) == pytest.approx(13357.25, rel=1e-5)
    view.show_map(grid, view.axis_names)  # a real map: five different labels
    assert len(set(labels())) == 5


def test_the_exported_maps_colour_bar_with_nothing_to_tell_apart_has_one_label():
    from bpstudio.figures.landscape_figure import bar_labels

    assert bar_labels(np.full((5, 5), 13357.25), logarithmic=True) == [("13357", 1.0)]
    assert bar_labels(np.zeros((5, 5)), logarithmic=False) == [("0", 1.0)]
    assert [text for text, _ in bar_labels(np.array([1.0, 100.0]), logarithmic=True)] == ["100", "10", "1"]


@pytest.mark.parametrize("kind", ["map", "slice"])
def test_the_exported_figures_put_their_legend_under_the_plot_not_on_it(qapp, kind):
    """An exported figure goes on a slide: its legend must not hide the map or the curve (#24)."""
    from PySide6.QtCore import QSize

    from bpstudio.engine.config import RunConfig
    from bpstudio.engine.landscape import landscape_map, weight_slice
    from bpstudio.figures.landscape_figure import paint_map, paint_slice

    trainer = RunConfig(max_iter=50).trainer()
    trainer.run()
    size = QSize(600, 520)
    image = QImage(size, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        if kind == "map":
            plot, legend = paint_map(
                painter, size, landscape_map(trainer.network, trainer.dataset, trainer.snapshot(), params=(0, 1), points=11)
            )
        else:
            plot, legend = paint_slice(painter, size, weight_slice(trainer.network, trainer.dataset, trainer.snapshot(), 0, points=21))
    finally:
        painter.end()
    assert legend.top() > plot.bottom() and not legend.intersects(plot)
    assert QRectF(0, 0, size.width(), size.height()).contains(legend)
