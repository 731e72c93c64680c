"""The live JVal plot (pyqtgraph), fed by Updates, redrawn by a 15 Hz timer.

The history lives in a growing NumPy buffer
(the HistoryMirror), the curve is redrawn from a timer rather than per
signal, with peak downsampling and clip-to-view so 50 000+ points stay
smooth.  Seed and solution markers mirror the article's figure; vertical
lines mark where a hyperparameter was changed.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF

from bpstudio.control.model.finished_runs import FinishedRun, same_data
from bpstudio.control.model.history_mirror import HistoryMirror
from bpstudio.control.model.studio_model import SOLVED
from bpstudio.control.runtime.class_scores import Scores
from bpstudio.control.runtime.session import RunState, Update
from bpstudio.control.words.number_format import fixed_number, short_number
from bpstudio.engine.config import RunConfig
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.engine.text_safety import rich_text
from bpstudio.qt.plots.accuracy_text import accuracy_text
from bpstudio.qt.plots.plot_exports import install_safe_plot_exports
from bpstudio.qt.plots.plot_legend import SideLegend
from bpstudio.qt.plots.plot_style import axis_font, style_axes, style_live_axes
from bpstudio.qt.plots.runs_panel import run_colour, run_label, short_run_label
from bpstudio.qt.shell.i18n import marked
from bpstudio.qt.shell.option_names import setting_symbol, setting_value
from bpstudio.qt.shell.safe_text import literal

SEED = QT_TRANSLATE_NOOP("JvalPlot", "seed")
SOLUTION = QT_TRANSLATE_NOOP("JvalPlot", "solution")
ITERATION = QT_TRANSLATE_NOOP("JvalPlot", "iteration")
EPOCH = QT_TRANSLATE_NOOP("JvalPlot", "epoch")  # a run under Playground conventions counts epochs
SEPARATOR = "   ·   "  # between the title's JVal and its scores: where a narrow plot breaks the title in two
LINEAR_LIMIT = 8e306  # the largest |JVal| a linear range shows (pyqtgraph's view stops at 1e307)
PROJECTOR_PLOT_HEIGHT = 180  # px: title, three readable ticks and the axis label at the projector's font size


install_safe_plot_exports()  # right-click Export… writes through control.safe_write


def _with_margin(last: float) -> tuple[float, float]:
    """The x range for iterations 0..last with a little room each side: the seed dot and the solution star
    sit on the ends and were cut in half by the plot's edge."""
    margin = 0.015 * last + 0.5
    return -margin, float(last) + margin


def _nice_above(value: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten that is at least ``value``."""
    if value <= 1:
        return 1.0
    power = 10.0 ** np.floor(np.log10(value))
    for step in (1.0, 2.0, 5.0, 10.0):
        if step * power >= value:
            return step * power
    return 10.0 * power


class JvalPlot(pg.PlotWidget):
    hovered = Signal(str)

    def __init__(self, history: HistoryMirror | None = None, parent=None) -> None:
        super().__init__(parent, background="w")
        self.setObjectName("jval_plot")
        self.setAccessibleName("JVal plot")
        self.mirror = history if history is not None else HistoryMirror()  # the model's; read, never written
        self.overlay_runs: dict[int, FinishedRun] = {}  # labels are written again on a language switch
        self._ticked: dict[int, bool] = {}  # the Runs list's ticks, by run key
        self._config: RunConfig | None = None  # the run on screen's, to tell which overlays compare with it
        item = self.getPlotItem()
        # No grid: pyqtgraph redraws every grid line on every frame, which cost
        # the training thread a third of its speed in the benchmark.
        # Colours set here, not through pyqtgraph's global options, so the plot
        # looks the same however the application was started.
        style_axes(self)
        for side in ("left", "bottom"):
            # no "(x1e+27)" beside the axis: after a divergence it turned every tick into nonsense
            item.getAxis(side).enableAutoSIPrefix(False)
        item.setLabel("bottom", marked("JvalPlot", EPOCH if getattr(self, "_epochs", False) else ITERATION), color="#111111")
        item.setLabel("left", "JVal", color="#111111")
        item.setMenuEnabled(True)
        self.curve = item.plot([], [], pen=pg.mkPen("#111111", width=1), name="JVal", antialias=False)
        self.curve.setDownsampling(auto=True, method="peak")
        self.curve.setClipToView(True)
        self.seed = pg.ScatterPlotItem(size=13, brush=pg.mkBrush("#2ca02c"), pen=pg.mkPen("#1d6b1d"), symbol="o", name="seed")
        self.solution = pg.ScatterPlotItem(size=20, brush=pg.mkBrush("#d62728"), pen=pg.mkPen("#8b1a1a"), symbol="star", name="solution")
        item.addItem(self.seed)
        item.addItem(self.solution)
        # beside the view box, listing only what is drawn (the markers join it when they are)
        self.legend = SideLegend(item)
        self.test_curve = pg.PlotDataItem([], [], pen=pg.mkPen("#D55E00", width=1), antialias=False)
        item.addItem(self.test_curve)
        self.test_curve.setDownsampling(auto=True, method="peak")
        self.test_curve.setClipToView(True)
        self.test_scale = 1.0
        self._test_label = None
        self.change_lines: list[pg.InfiniteLine] = []
        self.overlays: dict[int, pg.PlotDataItem] = {}
        self.readout = pg.TextItem(color="#333333", anchor=(0, 1))
        item.addItem(self.readout, ignoreBounds=True)
        self.readout.hide()
        self._dirty = False
        self._readout_length = 0  # the history's length when the readout was last kept
        self._title_args: tuple = ()
        self._range: tuple[tuple[float, float], tuple[float, float]] | None = None  # what _fit_range set
        self._title: str | None = None
        self._title_size: tuple[str, float, int] | None = None  # what the title shows, at what size, in how many lines
        self._state = RunState.IDLE
        self._changes: tuple = ()
        self._scores: Scores | None = None  # a classification run's accuracy, shown in the title beside JVal
        # The view follows the growing curve; we set its range ourselves once per
        # frame (pyqtgraph's auto-range would repaint every frame twice) and stop
        # following when the user pans or zooms, until the "A" button is pressed.
        self.follow = True
        view = item.getViewBox()
        view.disableAutoRange()
        view.sigRangeChangedManually.connect(self._user_moved_view)
        item.autoBtn.clicked.connect(self._follow_again)
        self.timer = QTimer(self)
        self.timer.setInterval(66)  # 15 Hz: smooth to the eye, and each frame costs the trainer the GIL
        self.timer.timeout.connect(self.redraw)
        self.timer.start()
        self.scene().sigMouseMoved.connect(self._mouse_moved)
        view.sigResized.connect(self._fit_title)  # and when the window or the legend changes the room
        self.set_title()

    def retranslate(self) -> None:
        """Every word on the plot in the current language: axis, legend, change markers."""
        item = self.getPlotItem()
        colour = self.look.text if getattr(self, "look", None) is not None else "#111111"
        item.setLabel("bottom", marked("JvalPlot", EPOCH if getattr(self, "_epochs", False) else ITERATION), color=colour)
        names = {id(self.seed): SEED, id(self.solution): SOLUTION}
        overlays = {id(curve): key for key, curve in self.overlays.items()}
        for sample, label in item.legend.items:
            shown = id(getattr(sample, "item", None))
            if shown in names:
                label.setText(marked("JvalPlot", names[shown]))
            elif shown in overlays and overlays[shown] in self.overlay_runs:
                run = self.overlay_runs[overlays[shown]]
                label.setText(short_run_label(run))
                self.legend.set_tooltip(sample.item, run_label(run))
        self._draw_changes()
        if self._test_label is not None:  # re-add the legend entry in the new language
            self.getPlotItem().legend.removeItem(self.test_curve)
            self._test_label = None
            self._set_test_legend(True)
        self._title, self._title_size = None, None
        self.set_title(*self._title_args)  # the same title, in the new words or look
        self._dirty = True
        self.redraw()

    # -- look -------------------------------------------------------------------------------
    def set_look(self, look) -> None:
        """Theme colours and presentation size for axes, labels, title and curve."""
        self.look = look
        self.setBackground(look.background)
        item = self.getPlotItem()
        style_live_axes(self, look.muted, look.text, look.scale)
        # on a projector its ticks are large: a plot squeezed under the diagram would overlap them
        self.setMinimumHeight(PROJECTOR_PLOT_HEIGHT if look.scale > 1 else 0)
        item.setLabel("bottom", marked("JvalPlot", EPOCH if getattr(self, "_epochs", False) else ITERATION), color=look.text)
        item.setLabel("left", "JVal", color=look.text)
        self.curve.setPen(pg.mkPen(look.plot_curve, width=1 if look.scale == 1 else 2))
        self.legend.set_text_size(8.5 * look.scale, look.text)
        background = QColor(look.background)
        background.setAlpha(225)
        self.readout.setColor(look.text)
        self.readout.fill = pg.mkBrush(background)  # the curve passes behind the hover readout, not through it
        self.readout.setFont(axis_font(look.scale))
        self._title, self._title_size = None, None
        self.set_title(*self._title_args)  # the same title, in the new words or look
        self._dirty = True
        self.redraw()

    def follow_model(self, signals) -> None:
        """Draw what the model (its Qt adapter, ``signals``) holds: each Update, and the runs it keeps and forgets."""
        signals.update_applied.connect(self.apply)
        signals.run_kept.connect(self.show_run)
        signals.run_forgotten.connect(self.remove_overlay)

    # -- compared runs ----------------------------------------------------------------------
    def show_run(self, run: FinishedRun) -> None:
        """A run the model kept: its curve dashed in its colour, labelled in the current language.

        It is drawn while the run on screen trained on the same data with the same loss
        (:func:`~bpstudio.control.model.finished_runs.same_data`): a curve of other data is on another
        scale and only hides this one.  The Runs list keeps every run either way.
        """
        self.overlay_runs[run.key] = run
        self.add_overlay(run.key, run.history, run_colour(run), run.iterations)
        self._place_overlay(run.key)

    def add_overlay(self, key: int, history: np.ndarray, colour: str, iterations: np.ndarray | None = None) -> None:
        """Another run's JVal curve, dashed (``iterations``: x of each point); the legend lists it while drawn."""
        x = np.arange(len(history), dtype=float) if iterations is None else iterations
        curve = pg.PlotDataItem(x, history, pen=pg.mkPen(colour, width=1, style=pg.QtCore.Qt.DashLine), antialias=False)
        self.getPlotItem().addItem(curve)
        # after adding: before it has a view box, clip-to-view asks the widget instead
        curve.setDownsampling(auto=True, method="peak")
        curve.setClipToView(True)
        self.overlays[key] = curve

    def set_overlay_visible(self, key: int, shown: bool) -> None:
        """The Runs list's tick: the user's choice, drawn when the run also compares with the one on screen."""
        self._ticked[key] = shown
        self._place_overlay(key)

    def _place_overlay(self, key: int) -> None:
        curve = self.overlays.get(key)
        if curve is None:
            return
        run = self.overlay_runs.get(key)
        comparable = run is None or self._config is None or same_data(run.config, self._config)
        shown = self._ticked.get(key, True) and comparable
        curve.setVisible(shown)
        listed = self.legend.has(curve)
        if shown and not listed and run is not None:
            # short (the full label is its tooltip and the Runs list's), and rich text: escaped
            self.legend.addItem(curve, rich_text(short_run_label(run)))
            self.legend.set_tooltip(curve, literal(run_label(run)))
        elif not shown and listed:
            self.legend.removeItem(curve)

    def remove_overlay(self, key: int) -> None:
        self.overlay_runs.pop(key, None)
        self._ticked.pop(key, None)
        curve = self.overlays.pop(key, None)
        if curve is not None:
            self.getPlotItem().removeItem(curve)
            self.getPlotItem().legend.removeItem(curve)

    # -- data --------------------------------------------------------------------------
    def apply(self, update: Update) -> None:
        """Draw ``update`` (the model has already put its points into the history this plot reads)."""
        self._state = update.state
        self._scores = update.scores
        if update.new_run or update.history_start < self._readout_length:
            self.readout.hide()  # it named a point of the run before (or of a future a rewind dropped)
        self._readout_length = len(self.mirror)
        other_data = self._config is None or (update.config is not self._config and not same_data(update.config, self._config))
        self._config = update.config
        if other_data:  # the overlays that compare with the data on screen
            for key in list(self.overlays):
                self._place_overlay(key)
        problem = update.problem
        if problem is not None and problem.test is not None:
            # JVal is a sum: scale the test set's sum to the training set's size to compare
            self.test_scale = problem.dataset.n_samples / problem.test.n_samples
        self._set_test_legend(problem is not None and problem.test is not None)
        if update.changes != self._changes:
            self._changes = update.changes
            self._draw_changes()
        self._dirty = True

    def set_log_y(self, on: bool) -> None:
        self._range = None  # another scale: fit again
        # Log of values <= 0 become NaN; pyqtgraph's finite check (left on) skips them.
        self.getPlotItem().setLogMode(y=on)
        self._dirty = True
        self.redraw()

    @property
    def log_y(self) -> bool:
        return bool(self.getPlotItem().ctrl.logYCheck.isChecked())

    def redraw(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        values = self.mirror.values()
        n = len(values)
        x = np.arange(n, dtype=float)
        test = self.mirror.test_values() * self.test_scale
        if self.follow and n:
            drawn = [curve for curve in self.overlays.values() if curve.isVisible()]  # compared runs stay in view
            ends = [float(curve.xData[-1]) for curve in drawn if curve.xData is not None and len(curve.xData)]
            shown = [values, test] + [curve.yData for curve in drawn if curve.yData is not None]
            self._fit_range(np.concatenate(shown), max([n - 1.0, *ends]))
        self.curve.setData(x, values)
        self.test_curve.setData(np.arange(len(test), dtype=float), test)
        # Markers and title change rarely; re-setting them each frame would
        # make pyqtgraph lay out and repaint the axes every time.
        solved = self._state in SOLVED  # a diverged run has no solution star
        self._set_marker(self.seed, ([0.0], [self._marker_y(values[0])]) if n else ([], []), SEED)
        self._set_marker(self.solution, ([float(n - 1)], [self._marker_y(values[-1])]) if solved and n else ([], []), SOLUTION)

    def _set_test_legend(self, shown: bool) -> None:
        legend = self.getPlotItem().legend
        label = self.tr("test ×{scale}").format(scale=f"{self.test_scale:.3g}") if shown else None
        if label == self._test_label:
            return
        if self._test_label is not None:
            legend.removeItem(self.test_curve)
        if label is not None:
            legend.addItem(self.test_curve, label)
            self.legend.set_tooltip(
                self.test_curve, self.tr("test (×{scale}: scaled to the training size)").format(scale=f"{self.test_scale:.3g}")
            )
        self._test_label = label

    def _fit_range(self, values: np.ndarray, last_x: float) -> None:
        """Keep the curve in view, changing the range only in steps.

        A range that moved every frame made pyqtgraph lay out and redraw both
        axes every frame — the largest cost of the window while training.  So while it runs x
        grows to the next 1-2-5 number with room to spare, and y changes only
        when the curve leaves it or fills less than half of it; paused, x fits the curve exactly.

        After a divergence JVal reaches 1e307 and more: pyqtgraph cannot show a linear range past
        ±1e307, and asked to it slid the view off the curve.  The range stops at :data:`LINEAR_LIMIT`
        (the title and the status bar say the value; the log scale shows the whole climb).
        """
        finite = values[np.isfinite(values)]
        shown = finite[finite > 0] if self.log_y else finite
        if not shown.size:
            return
        lo, hi = float(shown.min()), float(shown.max())
        if self.log_y:
            lo, hi = np.log10(lo), np.log10(hi)
        else:
            lo, hi = max(lo, -LINEAR_LIMIT), min(hi, LINEAR_LIMIT)
        if hi <= lo:
            lo, hi = lo - 0.5, hi + 0.5
        last = max(int(np.ceil(last_x)), 1)
        (x0, x1), (y0, y1) = self._range or ((0.0, 0.0), (0.0, 0.0))
        running = self._state is RunState.RUNNING  # paused or finished: fitted exactly
        x_ok = (x0 <= 0 and last <= x1 <= 4 * last + 10) if running else (x0, x1) == _with_margin(last)
        y_ok = y0 <= lo and hi <= y1 and (hi - lo) >= 0.5 * (y1 - y0)
        if x_ok and y_ok:
            return
        if not x_ok:
            x0, x1 = _with_margin(_nice_above(last * 1.25) if running else last)
        if not y_ok:
            pad = 0.08 * (hi - lo)
            y0, y1 = lo - pad, hi + pad
            if self.log_y:  # pyqtgraph slides a log range past 10^308 down, leaving space under the curve
                y0, y1 = max(y0, -307.0), min(y1, 308.0)
            else:
                y0, y1 = max(y0, -LINEAR_LIMIT * 1.1), min(y1, LINEAR_LIMIT * 1.1)
        self._range = ((x0, x1), (y0, y1))
        self.getPlotItem().getViewBox().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0, disableAutoRange=True)

    def _user_moved_view(self, *_args) -> None:
        self.follow = False

    def _follow_again(self) -> None:
        self.follow = True
        self._range = None
        self._dirty = True

    def _marker_y(self, value: float) -> float:
        """Scatter markers are not log-transformed by pyqtgraph as curves are: place them as the curve."""
        if not self.log_y:
            return float(value)
        return float(np.log10(value)) if value > 0 else float("nan")

    def _set_marker(self, marker, data, name: str) -> None:
        """Place a marker; the legend names it only while it is drawn (no "solution" before a run has one)."""
        key = (tuple(data[0]), tuple(data[1]))
        if getattr(marker, "_shown", None) != key:
            marker._shown = key
            marker.setData(*data)
        drawn = bool(len(data[0]))
        if drawn != self.legend.has(marker):
            if drawn:
                at = 0 if marker is self.seed else int(self.legend.has(self.seed))  # seed, solution, then the runs
                self.legend.addItem(marker, marked("JvalPlot", name), at=at)
            else:
                self.legend.removeItem(marker)

    def show_title(self, update: Update) -> None:
        """The title from the same Update as the status bar, at the same moment, so the two agree.

        A diverged run has no solution: its title keeps the iteration, like a running one.
        """
        snap = update.snapshot
        solved = update.state in SOLVED
        if update.config.is_playground != getattr(self, "_epochs", False):
            self._epochs = update.config.is_playground  # Playground's runs count epochs, as it does
            colour = self.look.text if getattr(self, "look", None) is not None else "#111111"
            self.getPlotItem().setLabel("bottom", marked("JvalPlot", EPOCH if self._epochs else ITERATION), color=colour)
            self._title = None
        self.set_title(snap.jval, snap.iteration, solved)

    def set_title(self, jval: float | None = None, iteration: int = 0, done: bool = False) -> None:
        self._title_args = (jval, iteration, done)
        if jval is None:
            text = "JVal"
        elif done:
            text = f"solution-JVal = {fixed_number(jval)}"
        else:
            count = self.tr("(epoch {n})") if getattr(self, "_epochs", False) else self.tr("(iteration {n})")
            text = f"JVal = {fixed_number(jval)}   " + count.format(n=iteration)
        scores = accuracy_text(self._scores) if jval is not None else ""
        if scores:
            text = f"{text}{SEPARATOR}{scores}"
        if text != self._title:
            self._title = text
            self._fit_title()

    def _fit_title(self, *_args) -> None:
        """The title at 13 pt times the look's scale, smaller when that is wider than the view box
        (at the projector's size a diverged run's title ran past both edges of the plot)."""
        if self._title is None:
            return
        look = getattr(self, "look", None)
        scale = look.scale if look else 1.0
        font = QFont()
        font.setPointSizeF(13 * scale)
        item = self.getPlotItem()
        room = self.viewport().width() - item.getAxis("left").width() - (self.legend.width() if self.legend.isVisible() else 0.0)
        lines = [self._title]
        size = self._title_points(font, lines, room, scale)
        if size < 0.8 * 13 * scale and SEPARATOR in self._title:  # rather two lines than small print on a projector
            lines = self._title.split(SEPARATOR, 1)
            size = self._title_points(font, lines, room, scale)
        if (self._title, size, len(lines)) != self._title_size:
            self._title_size = (self._title, size, len(lines))
            shown = "<br>".join(rich_text(line) for line in lines)
            item.setTitle(shown, size=f"{size}pt", color=look.text if look else "#111111")
            item.titleLabel.setMinimumWidth(0)  # the title fits the plot; it never widens it past the window
            # pyqtgraph keeps the title's row 30 px high whatever its text: a projector's size, or two
            # lines, ran above the plot's top edge and was cut. The row takes the text's own height.
            height = max(30.0, item.titleLabel.item.boundingRect().height())
            item.titleLabel.setMinimumHeight(height)
            item.titleLabel.setMaximumHeight(height)
            item.layout.setRowFixedHeight(0, height)

    @staticmethod
    def _title_points(font: QFont, lines: list[str], room: float, scale: float) -> float:
        """The title's size: 13 pt times the look's scale, smaller when its widest line is wider than ``room``."""
        wide = max(QFontMetricsF(font).horizontalAdvance(line) for line in lines)
        size = 13 * scale * min(1.0, 0.95 * room / wide) if wide > 0 and room > 0 else 13 * scale
        return round(max(size, 7.0), 1)

    def _draw_changes(self) -> None:
        item = self.getPlotItem()
        for line in self.change_lines:
            item.removeItem(line)
        self.change_lines = []
        for change in self._changes:
            line = pg.InfiniteLine(
                pos=change.iteration,
                angle=90,
                movable=False,
                pen=pg.mkPen("#8e44ad", width=1.2, style=pg.QtCore.Qt.DashLine),
                label=f"{setting_symbol(change.field)} → {setting_value(change.new)}",
                labelOpts={"position": 0.92, "color": "#8e44ad", "fill": (255, 255, 255, 200)},
            )
            item.addItem(line, ignoreBounds=True)
            self.change_lines.append(line)

    def _mouse_moved(self, pos) -> None:
        item = self.getPlotItem()
        if not item.sceneBoundingRect().contains(pos) or not len(self.mirror):
            self.readout.hide()
            return
        point = item.vb.mapSceneToView(pos)
        index = int(round(point.x()))
        values = self.mirror.values()
        if not 0 <= index < len(values):
            self.readout.hide()
            return
        text = self.tr("iteration {n}: JVal {jval}").format(n=index, jval=short_number(values[index]))
        y = np.log10(values[index]) if self.log_y and values[index] > 0 else values[index]
        self.readout.setText(text)
        # it opens towards the middle of the plot, so it is never cut at the right or top edge
        (x_low, x_high), (y_low, y_high) = item.vb.viewRange()
        self.readout.setAnchor((1 if index > (x_low + x_high) / 2 else 0, 0 if y > (y_low + y_high) / 2 else 1))
        self.readout.setPos(index, y)
        self.readout.show()
        self.hovered.emit(text)
