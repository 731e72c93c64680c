"""Headless pictures of the landscape: JVal along one weight, and across two as a contour map.

Drawn with QPainter like the article's figure (:mod:`.article_figure`), so the
CLI writes PNG and SVG without a display and without matplotlib, and the
studio's exports can use the same code.  The slice shows what a derivative
is: the curve, its tangent at the current point, and where the optimizer's
next step and a plain gradient step would put the weight.  The map shows the
surface as colour plus isolines, the run's path projected on it, the current
point, the optimizer's next point and the steepest-descent arrow ``-gradient``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPainterPath, QPen, QPolygonF

from bpstudio.engine.landscape import LandscapeMap, WeightSlice
from bpstudio.figures.article_figure import SEED_COLOUR, SOLUTION_COLOUR, _star, format_tick, nice_ticks, save_figure

TANGENT_COLOUR = QColor("#1f77b4")
GRADIENT_STEP_COLOUR = QColor("#9467bd")
PATH_COLOUR = QColor("#ffffff")
ISOLINES = 12
READABLE = "font-size: 15px;"  # the studio panel's sentences, readable from the back of a lecture hall


@dataclass(frozen=True)
class FigureWords:
    """The figures' words as format templates: English for the CLI, translated by the studio's exports."""

    slice_title: str = "JVal along {name}:  dJ/dw = {gradient},  d²J/dw² = {curvature}"
    now: str = "now: JVal = {jval}"
    tangent: str = "tangent, slope dJ/dw"
    optimizer_step: str = "{optimizer}'s next step"
    gradient_step: str = "gradient step -α·dJ/dw"
    map_title_params: str = "JVal across {first} and {second}"
    map_title_random: str = "JVal across two random filter-normalised directions"
    path: str = "path so far"
    next_step: str = "next step"
    descent: str = "-gradient"
    # What the studio calls each parameter (W0[0,0] -> w₁₁⁽⁰⁾); a name not here is written as it is (the CLI).
    shown_names: tuple[tuple[str, str], ...] = ()

    def shown(self, name: str) -> str:
        return dict(self.shown_names).get(name, name)


ENGLISH = FigureWords()


class _Axes:
    """Data-to-pixel mapping inside a plot rectangle, with ticks and axis labels."""

    def __init__(self, rect: QRectF, x_range: tuple[float, float], y_range: tuple[float, float]) -> None:
        self.rect = rect
        self.x_lo, self.x_hi = x_range
        self.y_lo, self.y_hi = y_range

    def point(self, x: float, y: float) -> QPointF:
        r = self.rect
        px = r.left() + (x - self.x_lo) / (self.x_hi - self.x_lo) * r.width()
        py = r.bottom() - (y - self.y_lo) / (self.y_hi - self.y_lo) * r.height()
        return QPointF(px, py)

    def draw(self, painter: QPainter, x_label: str, y_label: str) -> None:
        metrics = painter.fontMetrics()
        r = self.rect
        painter.setPen(QPen(Qt.GlobalColor.black, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(r)
        for tx in nice_ticks(self.x_lo, self.x_hi):
            if not self.x_lo <= tx <= self.x_hi:
                continue
            px = self.point(tx, self.y_lo).x()
            painter.drawLine(QPointF(px, r.bottom()), QPointF(px, r.bottom() + 4))
            label = format_tick(tx)
            painter.drawText(QPointF(px - metrics.horizontalAdvance(label) / 2, r.bottom() + 6 + metrics.ascent()), label)
        for ty in nice_ticks(self.y_lo, self.y_hi):
            if not self.y_lo <= ty <= self.y_hi:
                continue
            py = self.point(self.x_lo, ty).y()
            painter.drawLine(QPointF(r.left() - 4, py), QPointF(r.left(), py))
            label = format_tick(ty)
            painter.drawText(QPointF(r.left() - 7 - metrics.horizontalAdvance(label), py + metrics.ascent() / 2 - 1), label)
        painter.drawText(
            QRectF(r.left(), r.bottom() + 8 + metrics.height(), r.width(), metrics.height()), Qt.AlignmentFlag.AlignCenter, x_label
        )
        painter.save()
        painter.translate(metrics.height() * 0.6, r.center().y())
        painter.rotate(-90)
        painter.drawText(
            QRectF(-r.height() / 2, -metrics.height() / 2, r.height(), metrics.height()), Qt.AlignmentFlag.AlignCenter, y_label
        )
        painter.restore()


def _begin(painter: QPainter, size: QSize) -> None:
    painter.fillRect(QRectF(0, 0, size.width(), size.height()), Qt.GlobalColor.white)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(10, size.height() // 34))
    painter.setFont(font)


def _marker(painter: QPainter, centre: QPointF, colour: QColor, shape: str, r: float) -> None:
    painter.setPen(QPen(colour.darker(150), 1))
    painter.setBrush(QBrush(colour))
    if shape == "dot":
        painter.drawEllipse(centre, r, r)
    elif shape == "ring":
        painter.setPen(QPen(colour, max(2.0, r * 0.6)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, 1.5 * r, 1.5 * r)
    elif shape == "star":
        painter.drawPolygon(_star(centre, r * 1.8))
    else:  # diamond
        painter.drawPolygon(
            QPolygonF(
                [centre + QPointF(0, -r * 1.3), centre + QPointF(r * 1.3, 0), centre + QPointF(0, r * 1.3), centre + QPointF(-r * 1.3, 0)]
            )
        )


def _legend_entry(painter: QPainter, centre: QPointF, label: str, colour: QColor, shape: str, r: float, room: float) -> None:
    """One legend row: its mark centred at ``centre``, its label after it, elided to ``room`` pixels."""
    if shape in ("line", "dash", "arrow"):
        style = Qt.PenStyle.DashLine if shape == "dash" else Qt.PenStyle.SolidLine
        painter.setPen(QPen(colour, 2, style))
        painter.drawLine(centre - QPointF(2 * r, 0), centre + QPointF(2 * r, 0))
        if shape == "arrow":
            _arrow_head(painter, centre - QPointF(2 * r, 0), centre + QPointF(2 * r, 0), colour, r)
    else:
        _marker(painter, centre, colour, shape, r)
    metrics = painter.fontMetrics()
    painter.setPen(Qt.GlobalColor.black)
    text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(room))
    painter.drawText(QPointF(centre.x() + 3 * r, centre.y() + metrics.ascent() / 2 - 1), text)


def legend_height(painter: QPainter, rows: int) -> float:
    """The room a legend of ``rows`` entries takes under a plot: two entries a line."""
    return (rows + 1) // 2 * (painter.fontMetrics().height() + 4)


def _legend_below(painter: QPainter, area: QRectF, rows: list[tuple[str, QColor, str]], r: float) -> QRectF:
    """The legend in two columns under the plot, so it never covers the curve or the map it explains.

    ``rows`` are (label, colour, shape): ring, dot, star, diamond, line, dash or arrow.  Returns the
    rectangle it took.
    """
    line = painter.fontMetrics().height() + 4
    column = area.width() / 2
    for i, (label, colour, shape) in enumerate(rows):
        left = area.left() + (i % 2) * column
        centre = QPointF(left + 3 * r, area.top() + (i // 2) * line + line / 2)
        _legend_entry(painter, centre, label, colour, shape, r, column - 7 * r)
    return QRectF(area.left(), area.top(), area.width(), legend_height(painter, len(rows)))


def _below_axes(painter: QPainter) -> float:
    """The room under a plot for its tick labels and axis title."""
    return 2 * painter.fontMetrics().height() + 14


def _arrow_head(painter: QPainter, start: QPointF, end: QPointF, colour: QColor, r: float) -> None:
    angle = math.atan2(end.y() - start.y(), end.x() - start.x())
    head = [end]
    for side in (-1, 1):
        a = angle + math.pi + side * 0.45
        head.append(QPointF(end.x() + 2.2 * r * math.cos(a), end.y() + 2.2 * r * math.sin(a)))
    painter.setPen(QPen(colour, 1))
    painter.setBrush(QBrush(colour))
    painter.drawPolygon(QPolygonF(head))


def paint_slice(painter: QPainter, size: QSize, cut: WeightSlice, words: FigureWords = ENGLISH) -> tuple[QRectF, QRectF]:
    """JVal along one weight: the curve, the tangent, the point and the two possible next steps.

    Returns the plot's rectangle and the legend's, which lies under it.
    """
    _begin(painter, size)
    w, h = size.width(), size.height()
    x = cut.weight + cut.offsets
    finite = cut.jval[np.isfinite(cut.jval)]
    y_lo, y_hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    pad = (y_hi - y_lo) * 0.08 or max(abs(y_hi) * 0.05, 1.0)
    top = h * 0.11
    bottom = h - _below_axes(painter) - legend_height(painter, 4) - h * 0.02
    plot = QRectF(w * 0.15, top, w * 0.81, bottom - top)
    axes = _Axes(plot, (float(x[0]), float(x[-1])), (y_lo - pad, y_hi + pad))
    axes.draw(painter, words.shown(cut.name), "JVal")
    r = max(4.0, h / 90)
    painter.save()
    painter.setClipRect(axes.rect)
    painter.setPen(QPen(TANGENT_COLOUR, 2, Qt.PenStyle.DashLine))
    ends = cut.tangent(cut.offsets[[0, -1]])
    painter.drawLine(axes.point(x[0], ends[0]), axes.point(x[-1], ends[1]))
    keep = np.isfinite(cut.jval)
    painter.setPen(QPen(Qt.GlobalColor.black, 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    painter.drawPolyline(QPolygonF([axes.point(a, b) for a, b in zip(x[keep], cut.jval[keep], strict=True)]))
    _marker(painter, axes.point(cut.weight + cut.gradient_step_offset, cut.gradient_step_jval), GRADIENT_STEP_COLOUR, "diamond", r)
    _marker(painter, axes.point(cut.weight + cut.optimizer_offset, cut.optimizer_jval), SOLUTION_COLOUR, "star", r)
    _marker(painter, axes.point(cut.weight, cut.jval_at_point), SEED_COLOUR, "ring", r)
    painter.restore()
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(
        QRectF(0, 0, w, axes.rect.top()),
        Qt.AlignmentFlag.AlignCenter,
        words.slice_title.format(name=words.shown(cut.name), gradient=f"{cut.gradient:.4g}", curvature=f"{cut.curvature:.4g}"),
    )
    legend = _legend_below(
        painter,
        QRectF(plot.left(), plot.bottom() + _below_axes(painter), plot.width(), legend_height(painter, 4)),
        [
            (words.now.format(jval=f"{cut.jval_at_point:.6g}"), SEED_COLOUR, "ring"),
            (words.tangent, TANGENT_COLOUR, "dash"),
            (words.optimizer_step.format(optimizer=cut.optimizer), SOLUTION_COLOUR, "star"),
            (words.gradient_step, GRADIENT_STEP_COLOUR, "diamond"),
        ],
        r,
    )
    return plot, legend


def colour_scale(values: np.ndarray) -> tuple[np.ndarray, bool]:
    """Values mapped to [0, 1]: by log JVal when all are positive (a bowl's floor shows), else linearly."""
    finite = np.isfinite(values)
    logarithmic = bool(finite.any() and np.all(values[finite] > 0))
    scaled = np.where(finite, np.log(np.where(finite, values, 1.0)) if logarithmic else values, np.nan)
    lo, hi = np.nanmin(scaled), np.nanmax(scaled)
    unit = (scaled - lo) / (hi - lo) if hi > lo else np.zeros_like(scaled)
    return unit, logarithmic


def _colour_image(unit: np.ndarray) -> QImage:
    """An RGBA image of the map, first index to the right, second index up (viridis)."""
    import pyqtgraph as pg

    colours = pg.colormap.get("viridis").map(np.nan_to_num(unit, nan=1.0).reshape(-1), mode="byte")
    rgba = np.ascontiguousarray(colours.reshape(unit.shape + (4,)).transpose(1, 0, 2)[::-1])
    image = QImage(rgba.data, rgba.shape[1], rgba.shape[0], rgba.strides[0], QImage.Format.Format_RGBA8888)
    return image.copy()  # own the pixels: rgba goes away with this frame


def paint_map(painter: QPainter, size: QSize, grid: LandscapeMap, words: FigureWords = ENGLISH) -> tuple[QRectF, QRectF]:
    """The map: colour and isolines of JVal, the projected path, the point, the next step, -gradient.

    Returns the plot's rectangle and the legend's, which lies under it.
    """
    import pyqtgraph as pg

    _begin(painter, size)
    w, h = size.width(), size.height()
    origin = grid.centre  # two parameters are drawn at their values, random directions at (a, b)
    step1 = grid.offsets1[1] - grid.offsets1[0]
    step2 = grid.offsets2[1] - grid.offsets2[0]
    x_range = (origin[0] + grid.offsets1[0] - step1 / 2, origin[0] + grid.offsets1[-1] + step1 / 2)
    y_range = (origin[1] + grid.offsets2[0] - step2 / 2, origin[1] + grid.offsets2[-1] + step2 / 2)
    top = h * 0.1
    bottom = h - _below_axes(painter) - legend_height(painter, 4) - h * 0.02
    plot = QRectF(w * 0.15, top, w * 0.66, bottom - top)
    axes = _Axes(plot, x_range, y_range)
    unit, logarithmic = colour_scale(grid.jval)
    painter.drawImage(plot, _colour_image(unit))
    axes.draw(painter, words.shown(grid.names[0]), words.shown(grid.names[1]))

    def at(a: float, b: float) -> QPointF:
        return axes.point(origin[0] + a, origin[1] + b)

    r = max(4.0, h / 100)
    painter.save()
    painter.setClipRect(plot)
    painter.setPen(QPen(QColor(255, 255, 255, 150), 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for level in np.linspace(0, 1, ISOLINES + 2)[1:-1]:
        for line in pg.functions.isocurve(np.nan_to_num(unit, nan=1.0), level, connected=True):
            path = QPainterPath()
            for k, (i, j) in enumerate(line):  # pyqtgraph puts sample centres at index + 0.5
                point = at(grid.offsets1[0] + (i - 0.5) * step1, grid.offsets2[0] + (j - 0.5) * step2)
                path.moveTo(point) if k == 0 else path.lineTo(point)
            painter.drawPath(path)
    trajectory = [at(a, b) for a, b in grid.trajectory]
    if len(trajectory) > 1:
        painter.setPen(QPen(Qt.GlobalColor.black, 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.drawPolyline(QPolygonF(trajectory))
        painter.setPen(QPen(PATH_COLOUR, 2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.drawPolyline(QPolygonF(trajectory))
        painter.setPen(QPen(Qt.GlobalColor.black, 1.5))
        painter.setBrush(QBrush(PATH_COLOUR))
        painter.drawEllipse(trajectory[0], r * 0.8, r * 0.8)
    norm = float(np.hypot(*grid.gradient))
    if norm > 0:
        reach = 0.22 * min(grid.offsets1[-1] - grid.offsets1[0], grid.offsets2[-1] - grid.offsets2[0])
        tip = at(*(-grid.gradient / norm * reach))
        painter.setPen(QPen(SOLUTION_COLOUR.darker(120), 3))
        painter.drawLine(at(0.0, 0.0), tip)
        _arrow_head(painter, at(0.0, 0.0), tip, SOLUTION_COLOUR.darker(120), r)
    _marker(painter, at(*grid.optimizer_point), SOLUTION_COLOUR, "star", r)
    _marker(painter, at(0.0, 0.0), SEED_COLOUR, "ring", r)
    painter.restore()
    _colour_bar(painter, QRectF(plot.right() + w * 0.035, plot.top(), w * 0.03, plot.height()), grid.jval, logarithmic)
    painter.setPen(Qt.GlobalColor.black)
    first, second = words.shown(grid.names[0]), words.shown(grid.names[1])
    title = words.map_title_params.format(first=first, second=second) if grid.params is not None else words.map_title_random
    painter.drawText(QRectF(0, 0, w, plot.top()), Qt.AlignmentFlag.AlignCenter, title)
    legend = _legend_below(
        painter,
        QRectF(plot.left(), plot.bottom() + _below_axes(painter), plot.width() + w * 0.1, legend_height(painter, 4)),
        [
            (words.now.format(jval=f"{grid.jval_at_point:.6g}"), SEED_COLOUR, "ring"),
            (words.path, QColor("#444444"), "line"),
            (words.next_step, SOLUTION_COLOUR, "star"),
            (words.descent, SOLUTION_COLOUR.darker(120), "arrow"),
        ],
        r,
    )
    return plot, legend


def bar_labels(values: np.ndarray, logarithmic: bool) -> list[tuple[str, float]]:
    """The bar's labels and their heights (0 top, 1 bottom): JVal at its ends and middle (log middle if
    the map is); a map with nothing to tell apart gets one label, not three alike."""
    finite = values[np.isfinite(values)]
    if not finite.size:
        return []
    lo, hi = float(finite.min()), float(finite.max())
    middle = math.sqrt(lo * hi) if logarithmic else (lo + hi) / 2
    labels = [(f"{value:.5g}", fraction) for value, fraction in ((hi, 0.0), (middle, 0.5), (lo, 1.0))]
    return labels if len({text for text, _ in labels}) == len(labels) else labels[-1:]


def _colour_bar(painter: QPainter, rect: QRectF, values: np.ndarray, logarithmic: bool) -> None:
    """A vertical viridis bar with JVal at its ends and middle (the middle in log scale if the map is)."""
    ramp = np.linspace(0, 1, 128)[None, :]  # drawn bottom (low) to top (high)
    painter.drawImage(rect, _colour_image(ramp))
    painter.setPen(QPen(Qt.GlobalColor.black, 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)
    metrics = painter.fontMetrics()
    for text, fraction in bar_labels(values, logarithmic):
        y = rect.top() + fraction * rect.height()
        painter.drawText(QPointF(rect.right() + 4, y + metrics.ascent() / 2 - 1), text)
    painter.save()
    painter.translate(rect.right() + 4, rect.bottom() + metrics.height() * 1.4)
    painter.drawText(QPointF(-metrics.horizontalAdvance("JVal") / 2, 0), "JVal")
    painter.restore()


def save_slice_figure(path: str | Path, cut: WeightSlice, width: int = 600, height: int = 400, words: FigureWords = ENGLISH) -> None:
    """Write the slice as PNG or SVG (by the suffix); raises OSError on failure."""
    save_figure(path, QSize(width, height), lambda p, s: paint_slice(p, s, cut, words), f"BP Studio: JVal along {words.shown(cut.name)}")


def save_map_figure(path: str | Path, grid: LandscapeMap, width: int = 600, height: int = 520, words: FigureWords = ENGLISH) -> None:
    """Write the map as PNG or SVG (by the suffix); raises OSError on failure."""
    save_figure(path, QSize(width, height), lambda p, s: paint_map(p, s, grid, words), "BP Studio: JVal across two directions")
