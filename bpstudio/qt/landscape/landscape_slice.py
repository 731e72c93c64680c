"""Along one weight: JVal as the selected weight moves, with its tangent, its bend and the next steps.

What a derivative *is*, on the network being trained: the curve ``J(w + t)``
with every other weight held, the current point on it, the tangent whose
slope is the gradient the inspector prints, where the chosen optimizer's next
step and a plain gradient step ``−α·∂J/∂w`` would put the weight (Adam's is
not the gradient's), and the curvature in words.

While the run is paused the ring on the curve can be dragged along it: the
view shows what the tangent predicts for that Δw and what the curve says, and
on release asks (``weight_dropped``) for the weight to be set there.  The
view draws what it is given (a :class:`WeightSlice`) and computes nothing.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontInfo, QFontMetricsF
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from bpstudio.control.model.landscape_questions import WeightSlice
from bpstudio.control.words.number_format import short_number
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.figures.landscape_figure import READABLE
from bpstudio.qt.plots.plot_legend import SideLegend
from bpstudio.qt.plots.plot_style import AXIS_TEXT, fixed_plot, fixed_plot_font, make_room_for_text, style_fixed_axes
from bpstudio.qt.shell.appearance import LIGHT, Look
from bpstudio.qt.shell.i18n import marked
from bpstudio.qt.shell.option_names import option_name

CURVE_COLOUR = "#111111"
TANGENT_COLOUR = "#1f77b4"
POINT_COLOUR = "#2ca02c"
OPTIMIZER_COLOUR = "#d62728"
GRADIENT_STEP_COLOUR = "#9467bd"
PREVIEW_COLOUR = "#ff7f0e"

LEGEND = {  # item key: text (the full words, the entry's tooltip)
    "curve": QT_TRANSLATE_NOOP("SliceView", "JVal, the other weights held"),
    "tangent": QT_TRANSLATE_NOOP("SliceView", "tangent: slope ∂J/∂w"),
    "point": QT_TRANSLATE_NOOP("SliceView", "now"),
    "optimizer": QT_TRANSLATE_NOOP("SliceView", "{optimizer}'s next step"),
    "gradient_step": QT_TRANSLATE_NOOP("SliceView", "gradient step −α·∂J/∂w"),
}
# Short labels, so the legend under the plot fits in two rows at a projector's size.
SHORT_LEGEND = {"curve": "JVal", "tangent": QT_TRANSLATE_NOOP("SliceView", "tangent"), "gradient_step": "−α·∂J/∂w"}


def _n(value: float, signed: bool = False) -> str:
    return short_number(value, signed=signed)


def jval_on_curve(cut: WeightSlice, offset: float) -> float:
    """JVal at ``offset`` read off the drawn curve (linear between its points)."""
    return float(np.interp(offset, cut.offsets, cut.jval))


class SliceView(QWidget):
    weight_dropped = Signal(int, float)  # parameter, its new value
    span_changed = Signal(object)  # the window's half-width, None for the automatic one
    export_requested = Signal(str)  # "png", "svg" or "csv"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("landscape_slice")
        self.cut: WeightSlice | None = None
        self.display_name = ""
        self.can_drag = False
        self._snapping = False
        self._drag_offset: float | None = None
        self.last_drop: tuple[float, float] | None = None  # (Δw, predicted ΔJ) of the last drop
        self.actual_change: float | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.title = QLabel()
        self.title.setObjectName("landscape_slice_title")
        self.title.setWordWrap(True)
        self.title.setStyleSheet(READABLE)
        layout.addWidget(self.title)
        self.plot = fixed_plot("landscape_slice_plot")
        item = self.plot.getPlotItem()
        self.curve = pg.PlotDataItem([], [], pen=pg.mkPen(CURVE_COLOUR, width=3))
        self.tangent = pg.PlotDataItem([], [], pen=pg.mkPen(TANGENT_COLOUR, width=2.5, style=Qt.PenStyle.DashLine))
        self.optimizer_mark = pg.ScatterPlotItem(size=24, symbol="star", brush=pg.mkBrush(OPTIMIZER_COLOUR), pen=pg.mkPen("#8b1a1a"))
        self.gradient_mark = pg.ScatterPlotItem(size=18, symbol="d", brush=pg.mkBrush(GRADIENT_STEP_COLOUR), pen=pg.mkPen("#4b2a6b"))
        self.preview = pg.PlotDataItem([], [], pen=pg.mkPen(PREVIEW_COLOUR, width=2, style=Qt.PenStyle.DotLine))
        self.point_legend = pg.ScatterPlotItem(size=18, symbol="o", brush=pg.mkBrush(None), pen=pg.mkPen(POINT_COLOUR, width=3))
        self.point = pg.TargetItem(
            pos=(0, 0),
            size=20,
            symbol="o",
            pen=pg.mkPen(POINT_COLOUR, width=4),
            hoverPen=pg.mkPen(PREVIEW_COLOUR, width=4),
            brush=pg.mkBrush(None),
            hoverBrush=pg.mkBrush(255, 127, 14, 60),
            movable=False,
        )
        self.point.setZValue(10)
        for curve in (self.curve, self.tangent, self.preview, self.optimizer_mark, self.gradient_mark):
            item.addItem(curve)
        item.addItem(self.point)
        self.optimizer_label = pg.TextItem(color=OPTIMIZER_COLOUR, anchor=(0.5, 1.4))
        self.gradient_label = pg.TextItem(color=GRADIENT_STEP_COLOUR, anchor=(0.5, -0.4))
        for label in (self.optimizer_label, self.gradient_label):
            item.addItem(label, ignoreBounds=True)
        # under the plot, never over the curve and its marks (the dock is tall and narrow)
        self.legend = SideLegend(item, AXIS_TEXT, below=True)
        self.text_font = fixed_plot_font()
        item.vb.sigResized.connect(lambda *_: self._axis_labels())  # the left title's words follow the plot's height
        self.point.sigPositionChanged.connect(self._point_moved)
        self.point.sigPositionChangeFinished.connect(self._point_dropped)
        layout.addWidget(self.plot, 1)
        self.readout = QLabel()
        self.readout.setObjectName("landscape_slice_readout")
        self.readout.setWordWrap(True)
        self.readout.setStyleSheet(READABLE)
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.readout)
        self.nudge_text = QLabel()
        self.nudge_text.setObjectName("landscape_nudge")
        self.nudge_text.setWordWrap(True)
        self.nudge_text.setStyleSheet(READABLE)
        self.nudge_text.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.nudge_text)
        row = QHBoxLayout()
        self.span_label = QLabel()
        row.addWidget(self.span_label)
        self.span = QDoubleSpinBox()
        self.span.setObjectName("landscape_span")
        self.span.setDecimals(4)
        self.span.setRange(0.0, 100.0)
        self.span.setSingleStep(0.01)
        self.span.setValue(0.0)
        self.span.valueChanged.connect(lambda v: self.span_changed.emit(v if v > 0 else None))
        row.addWidget(self.span)
        row.addStretch(1)
        self.export_buttons = {}
        for kind in ("png", "svg", "csv"):
            button = QToolButton()  # compact: the dock stays narrow
            button.setText(kind.upper())
            button.setObjectName(f"landscape_export_{kind}")
            button.clicked.connect(lambda _=False, k=kind: self.export_requested.emit(k))
            button.setEnabled(False)
            row.addWidget(button)
            self.export_buttons[kind] = button
        self.export_label = QLabel()
        row.insertWidget(row.count() - 3, self.export_label)
        layout.addLayout(row)
        self.set_look(LIGHT)
        self.retranslate()

    def set_look(self, look: Look) -> None:
        """Ticks, axis titles, legend and mark labels at the look's size: on a projector, its digits' height."""
        self.text_font = fixed_plot_font(look.digit_px)
        style_fixed_axes(self.plot, self.text_font)
        label_font = QFont(self.text_font)
        label_font.setBold(True)
        for label in (self.optimizer_label, self.gradient_label):
            label.setFont(label_font)
        self.legend.set_text_size(QFontInfo(self.text_font).pointSizeF(), AXIS_TEXT)
        self._axis_labels()

    # -- texts ----------------------------------------------------------------------------------------
    def tr_(self, text: str) -> str:
        return marked("SliceView", text)

    def retranslate(self) -> None:
        self.span_label.setText(self.tr("Window ±"))
        self.span.setSpecialValueText(self.tr("auto"))
        self.span.setToolTip(
            self.tr("How far the weight moves each way; auto: from the weight's size, its bend and its recent and next steps")
        )
        self.export_label.setText(self.tr("Export:"))
        for kind, button in self.export_buttons.items():
            button.setToolTip(self.tr("Save the slice as {kind}").format(kind=kind.upper()))
        self.point.setToolTip(self.tr("Pause, then drag this ring along the curve to set the weight"))
        self._fill_legend()
        self._axis_labels()
        self._describe()

    def _fill_legend(self) -> None:
        self.legend.clear()
        optimizer = self.cut.optimizer if self.cut is not None else "adam"
        items = {
            "curve": self.curve,
            "tangent": self.tangent,
            "point": self.point_legend,
            "optimizer": self.optimizer_mark,
            "gradient_step": self.gradient_mark,
        }
        for key, item in items.items():
            words = self.tr_(LEGEND[key]).format(optimizer=option_name(optimizer))
            short = SHORT_LEGEND.get(key)
            self.legend.addItem(item, words if short is None else short if short.startswith(("JVal", "−")) else self.tr_(short))
            self.legend.set_tooltip(item, words)

    def _axis_labels(self) -> None:
        item = self.plot.getPlotItem()
        style = {"color": AXIS_TEXT, "font-size": f"{self.text_font.pixelSize()}px"}
        name = self.display_name or "w"
        item.setLabel("bottom", self.tr("weight {name}").format(name=name), **style)
        words = self.tr("JVal (sum over the samples)")
        fits = QFontMetricsF(self.text_font).horizontalAdvance(words) <= item.vb.height()
        item.setLabel("left", words if fits else "JVal", **style)  # never cut: the short name where the long one is not whole
        make_room_for_text(item, self.text_font)  # the bottom axis's title is not cut

    # -- what the panel hands in ------------------------------------------------------------------------
    def set_selection(self, display_name: str) -> None:
        self.display_name = display_name
        self.cut = None
        self.last_drop, self.actual_change = None, None
        for item in (self.curve, self.tangent, self.preview):
            item.setData([], [])
        for mark in (self.optimizer_mark, self.gradient_mark):
            mark.setData([], [])
        self.optimizer_label.setText("")
        self.gradient_label.setText("")
        for button in self.export_buttons.values():
            button.setEnabled(False)
        self._axis_labels()
        self._describe()

    def set_draggable(self, on: bool) -> None:
        """The point can be dragged only while the run stands still."""
        self.can_drag = on
        self.point.movable = on and self.cut is not None
        self._describe_nudge()

    def show_slice(self, cut: WeightSlice) -> None:
        if self._drag_offset is not None:
            return  # never pull the curve from under a dragging hand
        optimizer_changed = self.cut is None or self.cut.optimizer != cut.optimizer
        self.cut = cut
        x = cut.weight + cut.offsets
        self.curve.setData(x, cut.jval)
        ends = cut.offsets[[0, -1]]
        self.tangent.setData(cut.weight + ends, cut.tangent(ends))
        self.preview.setData([], [])
        inside = lambda t: cut.offsets[0] <= t <= cut.offsets[-1]  # noqa: E731
        self.optimizer_mark.setData([cut.weight + cut.optimizer_offset], [cut.optimizer_jval]) if inside(
            cut.optimizer_offset
        ) else self.optimizer_mark.setData([], [])
        self.gradient_mark.setData([cut.weight + cut.gradient_step_offset], [cut.gradient_step_jval]) if inside(
            cut.gradient_step_offset
        ) else self.gradient_mark.setData([], [])
        self.optimizer_label.setPos(cut.weight + cut.optimizer_offset, cut.optimizer_jval)
        self.gradient_label.setPos(cut.weight + cut.gradient_step_offset, cut.gradient_step_jval)
        self._snapping = True
        self.point.setPos(cut.weight, cut.jval_at_point)
        self._snapping = False
        self.point.movable = self.can_drag
        finite = cut.jval[np.isfinite(cut.jval)]
        lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        pad = (hi - lo) * 0.08 or max(abs(hi) * 0.05, 1e-9)
        self.plot.getPlotItem().setRange(xRange=(x[0], x[-1]), yRange=(lo - pad, hi + pad), padding=0)
        for button in self.export_buttons.values():
            button.setEnabled(True)
        if optimizer_changed:
            self._fill_legend()
        self._describe()

    def show_actual_change(self, change: float) -> None:
        """The weight was set where it was dropped: JVal's change, measured by the run itself."""
        self.actual_change = change
        self._describe_nudge()

    # -- the drag -------------------------------------------------------------------------------------------
    def _point_moved(self, target) -> None:
        if self._snapping or self.cut is None:
            return
        cut = self.cut
        offset = float(np.clip(target.pos().x() - cut.weight, cut.offsets[0], cut.offsets[-1]))
        self._drag_offset = offset
        self._snapping = True  # keep the ring on the curve: only the weight is free
        target.setPos(cut.weight + offset, jval_on_curve(cut, offset))
        self._snapping = False
        self.preview.setData([cut.weight, cut.weight + offset], [cut.jval_at_point, float(cut.tangent(offset))])
        self._describe_nudge()

    def _point_dropped(self, _target) -> None:
        offset, self._drag_offset = self._drag_offset, None
        if offset is None or self.cut is None:
            return
        if not self.can_drag or offset == 0:
            self.show_slice(self.cut)  # back where it was
            return
        self.last_drop = (offset, self.cut.gradient * offset)
        self.actual_change = None
        self._describe_nudge()
        self.weight_dropped.emit(self.cut.param, self.cut.weight + offset)

    # -- words ------------------------------------------------------------------------------------------------
    def _describe(self) -> None:
        cut = self.cut
        if cut is None:
            self.title.setText(
                self.tr("<b>Along one weight</b>: select a weight in the diagram.")
                if not self.display_name
                else self.tr("<b>JVal along {name}</b>, every other weight held").format(name=self.display_name)
            )
            self.readout.clear()
            self._describe_nudge()
            return
        self.title.setText(self.tr("<b>JVal along {name}</b>, every other weight held").format(name=self.display_name))
        self.optimizer_label.setText(option_name(cut.optimizer))
        self.gradient_label.setText("−α·g")
        lines = [
            self.tr("{name} = {weight}, JVal = {jval}; the tangent's slope is the gradient ∂J/∂w = <b>{gradient}</b>").format(
                name=self.display_name, weight=_n(cut.weight), jval=_n(cut.jval_at_point), gradient=_n(cut.gradient)
            ),
            self._curvature_words(cut),
            self.tr(
                "{optimizer}'s next step: Δw = {step} → JVal {after}; a plain gradient step −α·∂J/∂w: Δw = {gstep} → JVal {gafter}"
            ).format(
                optimizer=option_name(cut.optimizer),
                step=_n(cut.optimizer_offset, True),
                after=_n(cut.optimizer_jval),
                gstep=_n(cut.gradient_step_offset, True),
                gafter=_n(cut.gradient_step_jval),
            ),
        ]
        self.readout.setText("<br>".join(lines))
        self._describe_nudge()

    def _curvature_words(self, cut: WeightSlice) -> str:
        c = cut.curvature
        number = _n(c)
        if not math.isfinite(c) or c == 0:
            return self.tr("curvature ∂²J/∂w² = {c}: the curve is straight here").format(c=number)
        if c > 0:
            return self.tr(
                "curvature ∂²J/∂w² = <b>{c}</b>: JVal bends upwards here, the curve lies above "
                "its tangent — a step changes JVal by g·Δw + ½·J″·Δw²"
            ).format(c=number)
        return self.tr(
            "curvature ∂²J/∂w² = <b>{c}</b>: JVal bends downwards here, the curve lies below "
            "its tangent — a step changes JVal by g·Δw + ½·J″·Δw²"
        ).format(c=number)

    def _describe_nudge(self) -> None:
        cut = self.cut
        if cut is None:
            self.nudge_text.clear()
            return
        if self._drag_offset is not None:
            t = self._drag_offset
            self.nudge_text.setText(
                self.tr("Δw = {dw}: the tangent predicts ΔJ = g·Δw = <b>{predicted}</b>; the curve says ΔJ = <b>{curve}</b>").format(
                    dw=_n(t, True), predicted=_n(cut.gradient * t, True), curve=_n(jval_on_curve(cut, t) - cut.jval_at_point, True)
                )
            )
            return
        if self.last_drop is not None:
            dw, predicted = self.last_drop
            actual = "…" if self.actual_change is None else _n(self.actual_change, True)
            self.nudge_text.setText(
                self.tr("The weight was set: Δw = {dw}; predicted ΔJ (tangent) = <b>{predicted}</b>, actual ΔJ = <b>{actual}</b>").format(
                    dw=_n(dw, True), predicted=_n(predicted, True), actual=actual
                )
            )
            return
        self.nudge_text.setText(
            self.tr("Drag the green ring along the curve to set the weight.")
            if self.can_drag
            else self.tr("Pause the run to drag the weight along the curve.")
        )
