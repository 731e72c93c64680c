"""Across two: a contour map of JVal around the current point, with the run's path on it.

The plane is spanned by the selected weight and a second one chosen here, or
by two random filter-normalised directions through the whole weight vector
(Li et al., 2018).  Colour is JVal on a log scale when it is positive
everywhere (the floor of a bowl shows), with isolines; on it the run's path
projected, the current point, the optimizer's next point and the arrow of
steepest descent ``−gradient``.  A map takes up to seconds, so it is computed
in the background (the panel runs it) with a progress bar and Cancel.  The
view draws what it is given and computes nothing.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontInfo, QFontMetricsF
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bpstudio.control.model.landscape_questions import MAP_POINTS, LandscapeMap
from bpstudio.control.words.number_format import short_number
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.figures.landscape_figure import READABLE, colour_scale
from bpstudio.qt.plots.plot_legend import SideLegend
from bpstudio.qt.plots.plot_style import AXIS_TEXT, fixed_plot, fixed_plot_font, make_room_for_text, no_si_prefix, style_fixed_axes
from bpstudio.qt.shell.appearance import LIGHT, Look
from bpstudio.qt.shell.i18n import marked

ISOLINES = 10
POINT_COLOUR = "#2ca02c"
NEXT_COLOUR = "#d62728"
ARROW_COLOUR = "#ff4040"

MODES = {  # combo box data: text
    "param": QT_TRANSLATE_NOOP("MapView", "the selected weight and"),
    "random": QT_TRANSLATE_NOOP("MapView", "two random filter-normalised directions"),
}
LEGEND = {
    "point": QT_TRANSLATE_NOOP("MapView", "now"),
    "path": QT_TRANSLATE_NOOP("MapView", "path so far"),
    "next": QT_TRANSLATE_NOOP("MapView", "next step"),
    "arrow": QT_TRANSLATE_NOOP("MapView", "−gradient (steepest descent)"),
}
SHORT_ARROW = QT_TRANSLATE_NOOP("MapView", "−gradient")  # the legend's entry; the words above are its tooltip


class MapView(QWidget):
    draw_requested = Signal()
    cancel_requested = Signal()
    export_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("landscape_map")
        self.grid: LandscapeMap | None = None
        self.axis_names = ("", "")
        self.status_key = "empty"
        self.status_args: dict = {}
        self._logarithmic = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        choose = QHBoxLayout()
        self.across_label = QLabel()
        choose.addWidget(self.across_label)
        self.mode = QComboBox()
        self.mode.setObjectName("landscape_map_mode")
        for key in MODES:
            self.mode.addItem("", key)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        choose.addWidget(self.mode, 1)
        layout.addLayout(choose)
        # rows stay narrow, so the dock beside the inspector keeps the diagram its room
        choose = QHBoxLayout()
        self.second = QComboBox()
        self.second.setObjectName("landscape_second_param")
        for combo in (self.mode, self.second):
            combo.setMinimumContentsLength(6)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.second.activated.connect(lambda _i: self.draw_requested.emit())
        choose.addWidget(self.second, 1)
        self.points_label = QLabel()
        choose.addWidget(self.points_label)
        self.points = QSpinBox()
        self.points.setObjectName("landscape_grid")
        self.points.setRange(11, 101)
        self.points.setSingleStep(10)
        self.points.setValue(MAP_POINTS)
        self.points.editingFinished.connect(self.draw_requested.emit)
        choose.addWidget(self.points)
        layout.addLayout(choose)
        work = QHBoxLayout()
        self.draw = QPushButton()
        self.draw.setObjectName("landscape_draw")
        self.draw.clicked.connect(self.draw_requested.emit)
        work.addWidget(self.draw)
        self.progress = QProgressBar()
        self.progress.setObjectName("landscape_progress")
        self.progress.setRange(0, 100)
        self.progress.setMinimumWidth(40)
        self.progress.setValue(0)
        work.addWidget(self.progress, 1)
        self.cancel = QPushButton()
        self.cancel.setObjectName("landscape_cancel")
        self.cancel.setEnabled(False)
        self.cancel.clicked.connect(self.cancel_requested.emit)
        work.addWidget(self.cancel)
        layout.addLayout(work)
        self.status = QLabel()
        self.status.setObjectName("landscape_map_status")
        self.status.setWordWrap(True)
        self.status.setStyleSheet(READABLE)
        layout.addWidget(self.status)

        self.plot = fixed_plot("landscape_map_plot")
        item = self.plot.getPlotItem()
        self.image = pg.ImageItem()
        item.addItem(self.image)
        self.isocurves: list[pg.IsocurveItem] = []
        self.path = pg.PlotDataItem([], [], pen=pg.mkPen("w", width=3), shadowPen=pg.mkPen("#111111", width=6))
        self.start = pg.ScatterPlotItem(size=11, symbol="o", brush=pg.mkBrush("w"), pen=pg.mkPen("#111111", width=2))
        self.arrow_line = pg.PlotDataItem([], [], pen=pg.mkPen(ARROW_COLOUR, width=4))
        self.arrow_head = pg.ArrowItem(headLen=22, tipAngle=35, brush=pg.mkBrush(ARROW_COLOUR), pen=pg.mkPen(ARROW_COLOUR))
        self.arrow_head.hide()
        self.next_mark = pg.ScatterPlotItem(size=24, symbol="star", brush=pg.mkBrush(NEXT_COLOUR), pen=pg.mkPen("#ffffff", width=1.5))
        self.point = pg.ScatterPlotItem(size=22, symbol="o", brush=pg.mkBrush(None), pen=pg.mkPen(POINT_COLOUR, width=4))
        for thing in (self.path, self.start, self.arrow_line, self.arrow_head, self.next_mark, self.point):
            thing.setZValue(10)
            item.addItem(thing)
        self.colour_bar = pg.ColorBarItem(colorMap="viridis", interactive=False, width=18)
        self.colour_bar.setImageItem(self.image, insert_in=item)
        bar_axis = self.colour_bar.axis
        bar_axis.setTextPen(pg.mkPen(AXIS_TEXT))
        no_si_prefix(bar_axis)
        self.colour_bar.hide()
        # under the map, never over the point, the next step's star or the arrow
        self.legend = SideLegend(item, AXIS_TEXT, below=True)
        self.text_font = fixed_plot_font()
        self.arrow_sample = pg.PlotDataItem([], [], pen=pg.mkPen(ARROW_COLOUR, width=4))
        self.path_sample = pg.PlotDataItem([], [], pen=pg.mkPen("#444444", width=4))  # the path is white on the map
        item.getViewBox().sigResized.connect(self._place_arrow)
        layout.addWidget(self.plot, 1)
        self.readout = QLabel()
        self.readout.setObjectName("landscape_map_readout")
        self.readout.setWordWrap(True)
        self.readout.setStyleSheet(READABLE)
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.readout)
        row = QHBoxLayout()
        row.addStretch(1)
        self.export_label = QLabel()
        row.addWidget(self.export_label)
        self.export_buttons = {}
        for kind in ("png", "svg", "csv"):
            button = QToolButton()  # compact: the dock stays narrow
            button.setText(kind.upper())
            button.setObjectName(f"landscape_map_export_{kind}")
            button.setEnabled(False)
            button.clicked.connect(lambda _=False, k=kind: self.export_requested.emit(k))
            row.addWidget(button)
            self.export_buttons[kind] = button
        layout.addLayout(row)
        self.set_look(LIGHT)
        self.retranslate()

    def set_look(self, look: Look) -> None:
        """Ticks, axis titles, the colour bar and the legend at the look's size: on a projector, its digits' height."""
        self.text_font = fixed_plot_font(look.digit_px)
        style_fixed_axes(self.plot, self.text_font)
        bar_axis = self.colour_bar.axis
        bar_axis.setTickFont(self.text_font)
        bar_axis.label.setFont(self.text_font)
        self._fit_bar_axis()
        self.legend.set_text_size(QFontInfo(self.text_font).pointSizeF(), AXIS_TEXT)
        self._texts()

    def _fit_bar_axis(self) -> None:
        """The colour bar's axis as wide as its widest tick label, the gap and its rotated title."""
        metrics = QFontMetricsF(self.text_font)
        ticks = self.colour_bar.axis._tickLevels  # noqa: SLF001 (the ticks set_ticks gave it)
        labels = [text for level in ticks or [] for _value, text in level] or ["00000"]
        widest = max(metrics.horizontalAdvance(text) for text in labels)
        self.colour_bar.axis.setWidth(int(widest + 12 + 1.3 * metrics.height()))

    # -- choices -----------------------------------------------------------------------------------------
    @property
    def random_directions(self) -> bool:
        return self.mode.currentData() == "random"

    def _mode_changed(self) -> None:
        self.second.setEnabled(not self.random_directions)
        self.draw_requested.emit()

    def set_param_names(self, names: list[str]) -> None:
        current = self.second.currentIndex()
        self.second.blockSignals(True)
        self.second.clear()
        self.second.addItems(names)
        self.second.setCurrentIndex(current if 0 <= current < len(names) else 0)
        self.second.blockSignals(False)

    def set_second(self, index: int) -> None:
        """Choose the second weight without asking for a map (the panel asks once, after all changes)."""
        self.second.blockSignals(True)
        self.second.setCurrentIndex(index)
        self.second.blockSignals(False)

    # -- texts ---------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.across_label.setText(self.tr("Across"))
        for i in range(self.mode.count()):
            self.mode.setItemText(i, marked("MapView", MODES[self.mode.itemData(i)]))
        self.second.setToolTip(self.tr("The second weight of the map"))
        self.points_label.setText(self.tr("grid"))
        self.points.setToolTip(self.tr("Points along each axis of the map"))
        self.points.setSuffix(self.tr(" points"))
        self.draw.setText(self.tr("Draw map"))
        self.cancel.setText(self.tr("Cancel"))
        self.export_label.setText(self.tr("Export:"))
        for kind, button in self.export_buttons.items():
            button.setToolTip(self.tr("Save the map as {kind}").format(kind=kind.upper()))
        self._fill_legend()
        self._texts()

    def _fill_legend(self) -> None:
        self.legend.clear()
        self.legend.addItem(self.point, marked("MapView", LEGEND["point"]))
        self.legend.addItem(self.path_sample, marked("MapView", LEGEND["path"]))
        self.legend.addItem(self.next_mark, marked("MapView", LEGEND["next"]))
        self.legend.addItem(self.arrow_sample, marked("MapView", SHORT_ARROW))  # short: fits beside the others
        self.legend.set_tooltip(self.arrow_sample, marked("MapView", LEGEND["arrow"]))

    def show_status(self, key: str, **args) -> None:
        """``key``: empty, computing, done, moved_on, cancelled, failed, nothing (the words are made here)."""
        self.status_key, self.status_args = key, args
        self._texts()

    def _texts(self) -> None:
        item = self.plot.getPlotItem()
        style = {"color": AXIS_TEXT, "font-size": f"{self.text_font.pixelSize()}px"}
        first, second = self.axis_names
        self.colour_bar.axis.setLabel(self.tr("JVal (log colour scale)") if self._logarithmic else "JVal", **style)
        if self.grid is not None and self.grid.params is None:
            item.setLabel("bottom", self.tr("a: along random direction d₁"), **style)
            item.setLabel("left", self.tr("b: along random direction d₂"), **style)
        else:
            item.setLabel("bottom", self.tr("weight {name}").format(name=first or "—"), **style)
            item.setLabel("left", self.tr("weight {name}").format(name=second or "—"), **style)
        make_room_for_text(item, self.text_font)  # the bottom axis's title is not cut
        args = self.status_args
        texts = {
            "empty": self.tr("Select a weight in the diagram, or choose random directions."),
            "computing": self.tr("Computing the {n} × {n} map in the background…").format(n=args.get("n", "")),
            "done": self.tr("Map at iteration {iteration}.").format(iteration=args.get("iteration", "")),
            "moved_on": self.tr("Map at iteration {iteration}; the run has moved on — it is drawn again when the run pauses.").format(
                iteration=args.get("iteration", "")
            ),
            "cancelled": self.tr("Cancelled: the map was not finished."),
            "failed": self.tr("The map could not be computed: {reason}").format(reason=args.get("reason", "")),
            "nothing": self.tr("Choose a second weight that differs from the selected one."),
        }
        self.status.setText(texts[self.status_key])
        grid = self.grid
        if grid is None:
            self.readout.clear()
            return
        if grid.params is None:
            slopes = self.tr("slopes along the directions: ∂J/∂a = {g1}, ∂J/∂b = {g2}")
        else:
            slopes = self.tr("gradient: ∂J/∂{first} = {g1}, ∂J/∂{second} = {g2}")
        finite = grid.jval[np.isfinite(grid.jval)]
        lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (math.nan, math.nan)
        colour = self.tr("colour: log₁₀ JVal") if self._logarithmic else self.tr("colour: JVal")
        self.readout.setText(
            "<br>".join(
                [
                    self.tr("JVal = <b>{jval}</b> at the point; from {lo} to {hi} on the map ({colour})").format(
                        jval=short_number(grid.jval_at_point), lo=short_number(lo), hi=short_number(hi), colour=colour
                    ),
                    slopes.format(first=first, second=second, g1=short_number(grid.gradient[0]), g2=short_number(grid.gradient[1]))
                    + " — "
                    + self.tr("the red arrow points down the slope"),
                ]
            )
        )

    # -- progress ----------------------------------------------------------------------------------------
    def show_progress(self, done: int, total: int) -> None:
        self.progress.setValue(round(100 * done / total) if total else 0)
        self.cancel.setEnabled(True)

    def job_ended(self) -> None:
        self.cancel.setEnabled(False)

    # -- the map --------------------------------------------------------------------------------------------
    def clear_map(self) -> None:
        self.grid = None
        self.image.clear()
        for curve in self.isocurves:
            if curve.scene() is not None:
                curve.scene().removeItem(curve)
        self.isocurves.clear()
        for thing in (self.path, self.arrow_line):
            thing.setData([], [])
        for mark in (self.start, self.next_mark, self.point):
            mark.setData([], [])
        self.arrow_head.hide()
        self.colour_bar.hide()
        self.progress.setValue(0)
        for button in self.export_buttons.values():
            button.setEnabled(False)
        self._texts()

    def show_map(self, grid: LandscapeMap, axis_names: tuple[str, str]) -> None:
        self.clear_map()
        self.grid, self.axis_names = grid, axis_names
        self.progress.setValue(100)
        unit, self._logarithmic = colour_scale(grid.jval)
        values = np.log10(np.where(grid.jval > 0, grid.jval, np.nan)) if self._logarithmic else np.array(grid.jval)
        finite = values[np.isfinite(values)]
        lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        flat = not hi > lo  # JVal the same everywhere on the map
        hi = lo + 1.0 if flat else hi
        filled = np.nan_to_num(values, nan=hi)
        origin = grid.centre
        step1 = grid.offsets1[1] - grid.offsets1[0]
        step2 = grid.offsets2[1] - grid.offsets2[0]
        x0, y0 = origin[0] + grid.offsets1[0] - step1 / 2, origin[1] + grid.offsets2[0] - step2 / 2
        width, height = step1 * grid.offsets1.size, step2 * grid.offsets2.size
        self.image.setImage(filled, levels=(lo, hi), autoLevels=False)
        self.image.setRect(x0, y0, width, height)
        self.colour_bar.setLevels((lo, hi))
        self.colour_bar.axis.setTicks([self._bar_ticks(lo, hi, flat)])
        self._fit_bar_axis()
        self.colour_bar.show()
        for level in np.linspace(lo, hi, ISOLINES + 2)[1:-1]:
            curve = pg.IsocurveItem(data=filled, level=float(level), pen=pg.mkPen(255, 255, 255, 170, width=1.2))
            curve.setParentItem(self.image)
            self.isocurves.append(curve)
        path = grid.trajectory
        self.path.setData(origin[0] + path[:, 0], origin[1] + path[:, 1])
        if len(path) > 1:
            self.start.setData([origin[0] + path[0, 0]], [origin[1] + path[0, 1]])
        self.point.setData([origin[0]], [origin[1]])
        self.next_mark.setData([origin[0] + grid.optimizer_point[0]], [origin[1] + grid.optimizer_point[1]])
        self.plot.getPlotItem().setRange(xRange=(x0, x0 + width), yRange=(y0, y0 + height), padding=0)
        self._place_arrow()
        for button in self.export_buttons.values():
            button.setEnabled(True)
        self.cancel.setEnabled(False)
        self._texts()

    def _bar_ticks(self, lo: float, hi: float, flat: bool = False) -> list[tuple[float, str]]:
        """Five ticks of the colour bar, labelled in JVal even where the colour is log JVal.

        Labels have the digits it takes to tell them apart (up to 8); where even 8 do not —
        a map whose JVal is the same everywhere — the bar has one label, that JVal.
        """
        positions = lo + (hi - lo) * np.linspace(0.03, 0.97, 5)  # inside the bar: the ends are not cut
        values = 10.0**positions if self._logarithmic else positions
        for digits in range(5, 9) if not flat else ():
            labels = [short_number(v, digits=digits) for v in values]
            if len(set(labels)) == len(labels):
                return list(zip((float(p) for p in positions), labels, strict=True))
        value = 10.0**lo if self._logarithmic else lo
        return [(float(positions[0 if flat else 2]), short_number(value, digits=6))]  # flat: the colour of its lowest end

    def _place_arrow(self) -> None:
        """−gradient from the point; the head's angle is worked out in screen pixels."""
        grid = self.grid
        if grid is None:
            return
        norm = float(np.hypot(*grid.gradient))
        if not (math.isfinite(norm) and norm > 0):
            self.arrow_line.setData([], [])
            self.arrow_head.hide()
            return
        # the true direction of −gradient, as long as reaches a fifth of the map along its longer part
        spans = np.array([grid.offsets1[-1] - grid.offsets1[0], grid.offsets2[-1] - grid.offsets2[0]])
        direction = -np.asarray(grid.gradient, dtype=float) / norm
        direction = direction * 0.22 / float(np.max(np.abs(direction) / spans))
        origin = grid.centre
        tip = origin + direction
        self.arrow_line.setData([origin[0], tip[0]], [origin[1], tip[1]])
        px, py = self.plot.getPlotItem().getViewBox().viewPixelSize()
        if not (px > 0 and py > 0):
            return
        screen_dx, screen_dy = direction[0] / px, -direction[1] / py
        self.arrow_head.setStyle(angle=math.degrees(math.atan2(-screen_dy, -screen_dx)))
        self.arrow_head.setPos(float(tip[0]), float(tip[1]))
        self.arrow_head.show()
