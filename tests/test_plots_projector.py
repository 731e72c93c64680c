"""Issue 24: the plots read from the back row — the legend beside the curves, axes that tell the truth
after a divergence, ticks and titles that fit at the projector's sizes."""

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QAction, QImage, QPainter

from bpstudio.control import Reset, RunState, SetSetting
from bpstudio.engine.config import RunConfig


def legend_share(plot) -> float:
    """The part of the view box the legend covers (0 when it is hidden or empty)."""
    item = plot.getPlotItem()
    legend = item.legend
    if not legend.isVisible() or not legend.items:
        return 0.0
    view = item.vb.sceneBoundingRect()
    overlap = legend.sceneBoundingRect().intersected(view)
    return overlap.width() * overlap.height() / (view.width() * view.height())


def legend_texts(plot) -> list[str]:
    return [label.text for _sample, label in plot.getPlotItem().legend.items]


def settle(qtbot, plot):
    """Let the layout and the 15 Hz redraw catch up."""
    plot._dirty = True
    plot.redraw()
    qtbot.wait(1)  # one turn of the event loop, for the layout requests


def finish_three_runs(qtbot, win):
    for alpha in (0.001, 0.01, 0.003):
        win.training.submit(SetSetting("alpha", alpha))
        win.training.submit(SetSetting("max_iter", 40))
        qtbot.waitUntil(lambda a=alpha: win.last.config.alpha == a and win.last.config.max_iter == 40, timeout=5000)
        kept = len(win.model.runs)
        win.gestures.run()
        qtbot.waitUntil(lambda k=kept: win.last.state is RunState.FINISHED and len(win.model.runs) == k + 1, timeout=10000)
        settle(qtbot, win.plot)
        assert "solution" in legend_texts(win.plot)
        win.training.submit(Reset())
        qtbot.waitUntil(lambda: win.last.iteration == 0 and win.last.state is not RunState.FINISHED, timeout=5000)


@pytest.mark.parametrize("scale", [1.0, 2.2])
def test_the_legend_never_covers_the_curves(qtbot, open_studio, scale):
    win = open_studio()
    win.resize(1366, 768)
    win.show()
    plot = win.plot
    settle(qtbot, plot)
    assert "solution" not in legend_texts(plot)  # no solution before a run has one
    finish_three_runs(qtbot, win)
    plot.set_look(replace(plot.look, scale=scale))  # the projector's sizes (the lead's scale reaches about 2.2)
    settle(qtbot, plot)
    texts = legend_texts(plot)
    assert len(texts) == 4 and texts[0] == "seed" and "solution" not in texts  # three runs and the seed, after Reset
    assert all(len(text) <= 20 for text in texts), texts  # short: the Runs list and the tooltip have the rest
    curve = plot.overlays[0]
    label = next(label for sample, label in plot.getPlotItem().legend.items if sample.item is curve)
    assert "reached the iteration limit" in label.toolTip()
    qtbot.waitUntil(lambda: legend_share(plot) <= 0.10, timeout=2000)
    legend = plot.getPlotItem().legend.sceneBoundingRect()
    assert plot.sceneRect().contains(legend) or legend.right() <= plot.viewport().width() + 1  # not cut at the edge
    for key in list(plot.overlays):
        win.model.runs.forget(key)
    win.training.submit(SetSetting("max_iter", 40))
    win.training.submit(Reset())
    qtbot.waitUntil(lambda: not plot.overlays, timeout=5000)
    settle(qtbot, plot)
    assert legend_texts(plot) == ["seed"]
    qtbot.waitUntil(lambda: legend_share(plot) == 0.0, timeout=2000)  # once the layout has placed the smaller legend


def test_an_empty_legend_leaves_no_box(qtbot):
    from bpstudio.qt.plots.jval_plot import JvalPlot

    plot = JvalPlot()
    qtbot.addWidget(plot)
    plot.resize(700, 250)
    plot.show()
    settle(qtbot, plot)
    legend = plot.getPlotItem().legend
    assert not legend.items and not legend.isVisible()


def axis_texts(axis, size=(700, 260)) -> list[QRectF]:
    """The rectangles pyqtgraph draws the tick labels in."""
    image = QImage(*size, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    specs = axis.generateDrawSpecs(painter)
    painter.end()
    return [] if specs is None else [rect for rect, _flags, _text in specs[2]]


def text_of(axis) -> list[str]:
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    specs = axis.generateDrawSpecs(painter)
    painter.end()
    return [text for _rect, _flags, text in specs[2]]


@pytest.fixture
def diverged(qtbot, open_studio):
    win = open_studio(RunConfig(optimizer="gd", alpha=0.002))  # the lesson "α too large"
    win.resize(1366, 768)
    win.show()
    win.findChild(QAction, "run").trigger()
    qtbot.waitUntil(lambda: win.last.state is RunState.DIVERGED, timeout=20000)
    settle(qtbot, win.plot)
    return win


def test_a_diverged_run_has_honest_axes_in_linear_and_log_scale(qtbot, diverged):
    win = diverged
    plot = win.plot
    item = plot.getPlotItem()
    values = plot.mirror.values()
    top = float(values[np.isfinite(values)].max())
    assert top > 1e300
    for language in ("en", "zh_CN"):
        win.languages.set_language(language)
        for log in (False, True):
            win.findChild(QAction, "log_y").setChecked(log)
            settle(qtbot, plot)
            for side in ("left", "bottom"):
                axis = item.getAxis(side)
                assert axis.autoSIPrefixScale == 1.0 and "x1e" not in axis.labelString()  # no "(x1e+27)"
            y0, y1 = item.vb.viewRange()[1]
            if log:
                seed = np.log10(values[0])
                assert y0 <= seed <= y1 and y1 >= np.log10(top) - 1  # the seed at 10^4, the climb to 10^307 in view
                assert plot.seed.data["y"][0] == pytest.approx(seed)
            else:
                assert y0 <= values[0] <= y1 and y1 > 1e306  # the curve climbs inside the view, not slid off it
            ticks = axis_texts(item.getAxis("left"))
            assert all(not a.intersects(b) for i, a in enumerate(ticks) for b in ticks[i + 1 :])
            plot.grab().save(f"/tmp/plots/diverged_{language}_{'log' if log else 'linear'}.png")
        assert item.getAxis("bottom").labelText == {"en": "iteration", "zh_CN": "迭代"}[language]  # as the status bar says
    win.languages.set_language("en")


def test_ticks_and_title_fit_at_the_projectors_size(qtbot, diverged):
    plot = diverged.plot
    item = plot.getPlotItem()
    plot.set_look(replace(plot.look, scale=2.2))
    plot.resize(780, 260)
    settle(qtbot, plot)
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        assert axis.style["tickFont"].pointSizeF() == pytest.approx(9.5 * 2.2)
        rects = axis_texts(axis)
        assert rects and all(not a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])
    bottom = item.getAxis("bottom")
    assert bottom.height() >= bottom.label.boundingRect().height() + 9.5 * 2.2  # the axis title is not cut
    title = item.titleLabel
    assert title.sceneBoundingRect().left() >= 0 and title.item.sceneBoundingRect().right() <= plot.viewport().width()
    assert item.sceneBoundingRect().width() <= plot.viewport().width() + 1  # nothing pushed the plot past its widget


def test_a_hover_readout_goes_with_its_run(qtbot, open_studio):
    win = open_studio()
    with qtbot.waitSignal(win.training.updated, timeout=5000):
        win.training.step(20)
    qtbot.waitUntil(lambda: len(win.plot.mirror) == 21, timeout=5000)
    settle(qtbot, win.plot)
    item = win.plot.getPlotItem()
    values = win.plot.mirror.values()
    win.plot._mouse_moved(item.vb.mapViewToScene(QPointF(10, values[10])))
    assert win.plot.readout.isVisible()
    win.training.submit(Reset())
    qtbot.waitUntil(lambda: len(win.plot.mirror) == 1, timeout=5000)
    assert not win.plot.readout.isVisible()


def test_gradient_health_draws_only_the_points_it_has():
    from bpstudio.qt.plots.gradient_health_plot import joined

    # a rewind to 0 and a redo to 10 000: two points, no line between them
    assert joined(np.array([0, 10000])).tolist() == [False]
    # a run received every ~100 iterations: one line; a redo's jump from 300 to 10 000 left open
    assert joined(np.array([0, 100, 200, 300, 10000, 10100, 10200])).tolist() == [True, True, True, False, True, True]
    # single steps, then a run: still one line
    assert joined(np.array([0, 1, 2, 3, 150, 300, 450])).tolist() == [True, True, True, True, True, True]
    # a step, then a redo's jump: the step is drawn, the jump is not
    assert joined(np.array([0, 50, 10000])).tolist() == [True, False]


def test_gradient_health_after_rewind_and_redo_has_no_line_across_the_jump(qtbot, open_studio):
    from bpstudio.control import Redo, Rewind

    win = open_studio(RunConfig(max_iter=3000))
    win.gestures.run()
    qtbot.waitUntil(lambda: win.last.state is RunState.FINISHED, timeout=20000)
    win.training.submit(Rewind(0))
    qtbot.waitUntil(lambda: win.last.iteration == 0, timeout=5000)
    win.training.submit(Redo())
    qtbot.waitUntil(lambda: win.last.iteration > 0, timeout=10000)
    jump = win.last.iteration
    panel = win.unit_views.health_panel
    panel.set_shown(True)
    assert panel.feed.norms.iterations.tolist() == [0, jump]  # what was recorded: the start and the redo's end
    x, y = panel.curves[0].getData()
    joined_pairs = np.isfinite(x[:-1]) & np.isfinite(x[1:]) & np.isfinite(y[:-1]) & np.isfinite(y[1:])
    assert not joined_pairs.any()  # no line from 0 to the redo's end
    assert panel.dots[0].getData()[0].tolist() == [0.0, float(jump)]  # the two points, as dots


def test_the_exported_figure_has_no_solution_before_the_run_finishes(tmp_path):
    from bpstudio.figures.article_figure import save_article_figure

    history = np.linspace(12500.0, 300.0, 60)
    save_article_figure(tmp_path / "paused.svg", history, solved=False)
    save_article_figure(tmp_path / "done.svg", history, solved=True)
    paused, done = (tmp_path / "paused.svg").read_text(), (tmp_path / "done.svg").read_text()
    assert "solution" not in paused and "JVal = 300.00000 after 59 iterations" in paused
    assert "solution-JVal = 300.00000" in done and ">solution<" in done.replace(" ", "")
    assert ">iteration<" in paused.replace(" ", "") and "epoch" not in paused


def test_a_long_title_on_a_narrow_plot_takes_two_lines_not_small_print(qtbot, open_studio):
    """The spiral scene in F5: JVal, the iteration and the accuracy shrank to ~7 pt in one line beside the map."""
    win = open_studio(RunConfig(dataset="xor", samples=80, test_fraction=0.25, hidden=(4,), loss="cross-entropy"))
    with qtbot.waitSignal(win.training.updated, timeout=5000):
        win.training.step(5)
    qtbot.waitUntil(lambda: win.last.iteration == 5, timeout=5000)
    plot = win.plot
    item = plot.getPlotItem()
    plot.set_look(replace(plot.look, scale=2.2))
    plot.resize(420, 300)  # as beside the decision map at 1366×768
    settle(qtbot, plot)
    title = item.titleLabel
    text, size = title.text, float(title.opts["size"].removesuffix("pt"))
    assert "<br>" in text and "JVal" in text.split("<br>")[0] and "accuracy" in text.split("<br>")[1]
    from PySide6.QtGui import QFont, QFontMetricsF

    font = QFont()
    font.setPointSizeF(size)
    assert QFontMetricsF(font).capHeight() >= 14  # issue 24's back-row figure for every digit at 1366×768
    font.setPointSizeF(13 * 2.2)
    one_line = 13 * 2.2 * 0.95 * plot.viewport().width() / QFontMetricsF(font).horizontalAdvance(text.replace("<br>", "   ·   "))
    assert size > one_line  # what one line would have shrunk to (below the 14 px there)
    assert title.item.sceneBoundingRect().right() <= plot.viewport().width() + 1

    def title_inside():
        box = title.item.mapRectToScene(title.item.boundingRect())
        assert box.top() >= -1  # both lines inside the plot: the first was cut at its top edge at 1920×1080
        assert box.bottom() <= item.getViewBox().sceneBoundingRect().top() + 1  # and above the curve's box

    qtbot.waitUntil(title_inside, timeout=3000)  # once the layout has taken the title's new height
    plot.resize(1300, 300)  # room enough: one line again
    settle(qtbot, plot)
    assert "<br>" not in item.titleLabel.text
