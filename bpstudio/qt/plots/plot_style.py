"""How the studio's pyqtgraph plots look: one place for the axes' colours and the fixed-view plots.

Colours are set on each plot, not through pyqtgraph's global options, so a
plot looks the same however the application was started.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetricsF

AXIS_LINE = "#333333"
AXIS_TEXT = "#111111"


def style_axes(plot: pg.PlotWidget, line: str = AXIS_LINE, text: str = AXIS_TEXT, font: QFont | None = None) -> None:
    """The left and bottom axes in ``line`` and ``text`` colours (and ``font`` for their ticks)."""
    item = plot.getPlotItem()
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        axis.setPen(pg.mkPen(line))
        axis.setTextPen(pg.mkPen(text))
        if font is not None:
            axis.setTickFont(font)


def axis_font(scale: float) -> QFont:
    """The live plots' ticks and axis labels: 9.5 pt, times the look's scale (larger on a projector)."""
    font = QFont()
    font.setPointSizeF(9.5 * scale)
    return font


def style_live_axes(plot: pg.PlotWidget, line: str, text: str, scale: float) -> None:
    """A live plot's axes in the look's colours, ticks and labels at its scale."""
    font = axis_font(scale)
    style_axes(plot, line, text, font)
    item = plot.getPlotItem()
    for side in ("left", "bottom"):
        item.getAxis(side).label.setFont(font)
    make_room_for_text(item, font)


def make_room_for_text(item: pg.PlotItem, font: QFont) -> None:
    """The bottom axis as tall as its tick labels and its title at ``font``.

    pyqtgraph counts 80 % of the axis title's height and its default tick height: at the
    projector's sizes the title's lower part ("iteration") was cut off at the plot's edge.
    """
    line = QFontMetricsF(font).height()
    bottom = item.getAxis("bottom")
    bottom.setStyle(tickTextHeight=int(line), autoExpandTextSpace=False)
    label = bottom.label.boundingRect().height() if bottom.label.isVisible() else 0.0
    offset = bottom.style["tickTextOffset"][1] + max(0, bottom.style["tickLength"])
    bottom.setHeight(int(line + offset + label + 2))
    item.getAxis("left").setStyle(tickTextHeight=int(line))


def tick_font(pixels: int = 15) -> QFont:
    """Tick labels readable from the back of a room (the fixed-view plots and their colour bars)."""
    font = QFont()
    font.setPixelSize(pixels)
    return font


def fixed_plot_font(digit_px: float = 0.0) -> QFont:
    """A fixed-view plot's ticks and labels: 15 px, and in presentation mode capitals ``digit_px`` tall."""
    from bpstudio.qt.shell.appearance import pixel_size_for_cap

    return tick_font(max(15, pixel_size_for_cap(digit_px)) if digit_px > 0 else 15)


def no_si_prefix(*axes: pg.AxisItem) -> None:
    """Ticks that say the real numbers: 0.575 … 0.600, never 575 … 600 with "(x0.001)" in the title."""
    for axis in axes:
        axis.enableAutoSIPrefix(False)


def style_fixed_axes(plot: pg.PlotWidget, font: QFont) -> None:
    """A fixed-view plot's ticks and axis titles in ``font``, the bottom axis tall enough for both."""
    style_axes(plot, font=font)
    item = plot.getPlotItem()
    for side in ("left", "bottom"):
        item.getAxis(side).label.setFont(font)
    make_room_for_text(item, font)


def fixed_plot(name: str) -> pg.PlotWidget:
    """A plot whose view the program sets: no mouse zoom, no menu or buttons; ticks readable from afar."""
    plot = pg.PlotWidget(background="w")
    plot.setObjectName(name)
    plot.setMinimumHeight(160)
    item = plot.getPlotItem()
    item.setMenuEnabled(False)
    item.hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    no_si_prefix(item.getAxis("left"), item.getAxis("bottom"))
    style_fixed_axes(plot, fixed_plot_font())
    return plot
