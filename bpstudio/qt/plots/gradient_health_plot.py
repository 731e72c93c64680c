"""Gradient health: each layer's ‖∂L/∂W̃⁽ˡ⁾‖ over the iterations (log scale), and the units that stopped.

When gradients vanish (a deep sigmoid net) the first layers' curves lie
orders of magnitude below the last one's, and those layers learn slowly;
when they explode the curves shoot up before JVal does.  Below the plot, the
saturated and dead hidden units are named (the diagram marks them too).
The curves are redrawn at most 5 times a second while the panel is on
screen and new norms came, from the record the control floor keeps
(:mod:`bpstudio.control.model.gradient_health`); no timer ticks otherwise.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from bpstudio.engine.graph import OUT, Node, display_name, matrix_name
from bpstudio.qt.diagram.unit_map_feed import UnitMapFeed
from bpstudio.qt.plots.plot_legend import SideLegend
from bpstudio.qt.plots.plot_style import style_live_axes
from bpstudio.qt.shell.appearance import LIGHT, Look

JUMP = 10.0  # a gap this many times wider than the gaps beside it is a jump (a redo), not a stretch of training


def joined(iterations: np.ndarray) -> np.ndarray:
    """For each pair of neighbouring recorded iterations, whether a line may join them.

    Norms are recorded at the iterations the studio received, tens or hundreds apart while
    it runs.  After a rewind, a redo jumps to its end in one update: a line from 0 to 10 000
    would draw a smooth decay nobody measured.  A gap much wider than both gaps beside it —
    or a lone gap with none to compare — is left open; points no line reaches are drawn as dots.
    """
    gaps = np.diff(np.asarray(iterations, dtype=float))
    if gaps.size < 2:
        return np.zeros(gaps.size, dtype=bool)
    before = np.concatenate([[np.nan], gaps[:-1]])
    after = np.concatenate([gaps[1:], [np.nan]])
    beside = np.fmax(before, after)  # the wider neighbour (steps, then a run: the run's gaps are no jump)
    return gaps <= JUMP * beside


LAYER_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")


class GradientHealthPanel(QWidget):
    def __init__(self, feed: UnitMapFeed, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("gradient_health")
        self.feed = feed
        self.look: Look = LIGHT
        self.caption = QLabel()
        self.caption.setObjectName("gradient_health_caption")
        self.caption.setWordWrap(True)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setObjectName("gradient_norm_plot")
        self.plot.setMenuEnabled(False)
        self.plot.setMinimumHeight(160)
        item = self.plot.getPlotItem()
        item.setLogMode(y=True)
        # iterations are whole numbers from 0: no "(x0.001)" scale, and x fitted in redraw(), not centred on 0
        item.getAxis("bottom").enableAutoSIPrefix(False)
        self.legend = SideLegend(item)  # beside the curves, never over them
        self.curves: list[pg.PlotDataItem] = []
        self.dots: list[pg.PlotDataItem] = []  # the points no line joins (either side of a redo's jump)
        self.summary = QLabel()
        self.summary.setObjectName("unit_health_summary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.summary)
        self._dirty = True  # norms recorded before this panel was built are drawn when it is shown
        self._health = None
        self.shown = False  # on screen (its dock says)
        feed.norms_changed.connect(self._changed)
        feed.health_ready.connect(self.show_health)
        feed.plane_changed.connect(lambda _plane: self.show_health(None))  # a new run: nothing known yet
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(200)
        self.timer.timeout.connect(self.redraw)
        self.retranslate()
        if feed.maps.health is not None:  # built after the run began: the units' state so far
            self.show_health(feed.maps.health)

    def _changed(self) -> None:
        self._dirty = True
        if self.shown and not self.timer.isActive():
            self.timer.start()

    def redraw(self) -> None:
        """One curve per layer from the recorded norms (only while on screen and changed)."""
        if not self._dirty or not self.shown:
            return
        self._dirty = False
        norms = self.feed.norms
        layers = norms.norms.shape[1] if len(norms) else 0
        if layers != len(self.curves):
            self._make_curves(layers)
        x = norms.iterations.astype(float)
        join = joined(x)
        # a NaN after each open gap breaks the line there; lone points (joined to neither side) get a dot
        breaks = np.flatnonzero(~join) + 1
        lone = np.ones(len(x), dtype=bool)
        lone[:-1] &= ~join
        lone[1:] &= ~join
        line_x = np.insert(x, breaks, np.nan)
        for layer, (curve, dots) in enumerate(zip(self.curves, self.dots, strict=True)):
            values = norms.norms[:, layer]
            curve.setData(line_x, np.insert(values, breaks, np.nan), connect="finite")
            dots.setData(x[lone], values[lone])
        last = float(x[-1]) if x.size else 0.0
        self.plot.getPlotItem().setXRange(0.0, max(last, 10.0), padding=0.02)  # at iteration 0 it read −400…400 (x0.001)

    def _make_curves(self, layers: int) -> None:
        item = self.plot.getPlotItem()
        for curve in self.curves + self.dots:
            item.removeItem(curve)
            self.legend.removeItem(curve)
        self.curves, self.dots = [], []
        for layer in range(layers):
            colour = LAYER_COLOURS[layer % len(LAYER_COLOURS)]
            pen = pg.mkPen(colour, width=2 if self.look.scale == 1 else 3)
            curve = item.plot([], [], pen=pen, name=f"‖∂L/∂{matrix_name(layer)}‖", antialias=False)
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            self.curves.append(curve)
            dots = pg.PlotDataItem([], [], pen=None, symbol="o", symbolSize=7 * self.look.scale, symbolBrush=colour, symbolPen=None)
            item.addItem(dots)
            self.dots.append(dots)

    def show_health(self, health) -> None:
        """Name the saturated and dead units (or say there are none)."""
        self._health = health
        problem = self.feed.model.problem
        if health is None or problem is None:
            self.summary.setText("")
            return
        net = problem.network

        def names(units) -> str:
            return ", ".join(display_name(Node(OUT, layer, j), net) for layer, j in units) or self.tr("none")

        text = self.tr("Saturated units: {saturated}. Dead units: {dead}.").format(
            saturated=names(health.saturated), dead=names(health.dead)
        )
        if text != self.summary.text():  # a label relayouts on every setText
            self.summary.setText(text)

    def set_shown(self, shown: bool) -> None:
        self.shown = shown
        if shown:
            self._dirty = True
            self.redraw()

    def retranslate(self) -> None:
        self.caption.setText(
            self.tr(
                "How large each layer's gradient ‖∂L/∂W̃⁽ˡ⁾‖ is, at the iterations the studio received (log scale). "
                "A layer whose curve lies far below the others learns slowly: its gradient vanishes on the way back. "
                "Saturated: tanh or sigmoid at the flat end on every sample; dead: ReLU at 0 on every sample."
            )
        )
        item = self.plot.getPlotItem()
        item.setLabel("bottom", self.tr("iteration"), color=self.look.text)
        self.show_health(self._health)

    def set_look(self, look: Look) -> None:
        self.look = look
        self.plot.setBackground(look.background)
        style_live_axes(self.plot, look.muted, look.text, look.scale)  # larger on a projector
        self.legend.set_text_size(8.5 * look.scale, look.text)
        self._make_curves(len(self.curves))
        self._dirty = True
        self.retranslate()
        self.redraw()
