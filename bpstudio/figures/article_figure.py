"""The article's figure — JVal per iteration, a green seed dot, a red solution star.

Drawn with QPainter so the same code writes PNG (QImage) and SVG
(QSvgGenerator), from the headless CLI as from the studio, without
matplotlib.  Layout follows the article's 6x4 inch, 100 dpi figure.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen, QPolygonF

from bpstudio.control.words.number_format import fixed_number, solution_title
from bpstudio.figures.image_files import paint_svg, save_image

SEED_COLOUR = QColor("#2ca02c")
SOLUTION_COLOUR = QColor("#d62728")


def nice_ticks(low: float, high: float, target: int = 6) -> list[float]:
    """Round tick values (1, 2, 5 x 10^k steps) covering [low, high]."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return []
    if high <= low:
        high = low + (abs(low) or 1.0)
    raw = (high - low) / max(target, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step - 1e-9) * step
    ticks = []
    value = first
    while value <= high + step * 1e-9:
        ticks.append(0.0 if abs(value) < step * 1e-9 else value)
        value += step
    return ticks


def format_tick(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e6 else f"{value:.1e}"


def _envelope(jval: np.ndarray, columns: int) -> tuple[np.ndarray, np.ndarray]:
    """At most two points per pixel column (min and max), so 50 000 points draw instantly."""
    n = jval.size
    if n <= 2 * columns:
        return np.arange(n, dtype=float), jval
    edges = np.linspace(0, n, columns + 1).astype(int)
    xs, ys = [], []
    for a, b in zip(edges[:-1], edges[1:], strict=True):
        chunk = jval[a:b]
        lo, hi = int(np.argmin(chunk)), int(np.argmax(chunk))
        for i in sorted({lo, hi}):
            xs.append(a + i)
            ys.append(chunk[i])
    return np.array(xs, dtype=float), np.array(ys)


def paint_article_figure(painter: QPainter, size: QSize, jval: np.ndarray, title: str | None = None, solved: bool = True) -> None:
    """Paint the figure into ``size`` (pixels) with ``painter``."""
    jval = np.asarray(jval, dtype=float)
    finite = jval[np.isfinite(jval)]
    w, h = size.width(), size.height()
    painter.fillRect(QRectF(0, 0, w, h), Qt.GlobalColor.white)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(10, h // 34))
    painter.setFont(font)
    metrics = painter.fontMetrics()
    plot = QRectF(w * 0.14, h * 0.11, w * 0.82, h * 0.72)

    n = jval.size
    x_max = max(n - 1, 1)
    if finite.size:
        y_lo, y_hi = float(finite.min()), float(finite.max())
    else:
        y_lo, y_hi = 0.0, 1.0
    pad = (y_hi - y_lo) * 0.05 or max(abs(y_hi) * 0.05, 1.0)
    y_lo, y_hi = y_lo - pad, y_hi + pad
    x_lo, x_hi = -0.05 * x_max, x_max * 1.05

    def to_px(x: np.ndarray | float, y: np.ndarray | float):
        px = plot.left() + (np.asarray(x) - x_lo) / (x_hi - x_lo) * plot.width()
        py = plot.bottom() - (np.asarray(y) - y_lo) / (y_hi - y_lo) * plot.height()
        return px, py

    # axes and ticks
    painter.setPen(QPen(Qt.GlobalColor.black, 1))
    painter.drawRect(plot)
    for tx in nice_ticks(0, x_max):
        px, _ = to_px(tx, y_lo)
        painter.drawLine(QPointF(px, plot.bottom()), QPointF(px, plot.bottom() + 4))
        label = format_tick(tx)
        painter.drawText(QPointF(px - metrics.horizontalAdvance(label) / 2, plot.bottom() + 6 + metrics.ascent()), label)
    for ty in nice_ticks(y_lo, y_hi):
        _, py = to_px(x_lo, ty)
        painter.drawLine(QPointF(plot.left() - 4, py), QPointF(plot.left(), py))
        label = format_tick(ty)
        painter.drawText(QPointF(plot.left() - 7 - metrics.horizontalAdvance(label), py + metrics.ascent() / 2 - 1), label)
    painter.drawText(
        QRectF(plot.left(), plot.bottom() + 8 + metrics.height(), plot.width(), metrics.height()), Qt.AlignmentFlag.AlignCenter, "iteration"
    )
    painter.save()
    painter.translate(metrics.height() * 0.6, plot.center().y())
    painter.rotate(-90)
    painter.drawText(
        QRectF(-plot.height() / 2, -metrics.height() / 2, plot.height(), metrics.height()), Qt.AlignmentFlag.AlignCenter, "JVal"
    )
    painter.restore()
    if title is None:
        if not n:
            title = "no iterations"
        elif solved:
            title = solution_title(jval)
        else:  # paused, running or diverged: the last point is no solution
            title = f"JVal = {fixed_number(jval[-1])} after {n - 1} iterations"
    painter.drawText(QRectF(0, 0, w, plot.top()), Qt.AlignmentFlag.AlignCenter, title)

    if not n:
        return
    # the curve: small black dots, as the article's "k." markers
    painter.save()
    painter.setClipRect(plot)
    xs, ys = _envelope(np.where(np.isfinite(jval), jval, np.nan), int(plot.width()))
    keep = np.isfinite(ys)
    px, py = to_px(xs[keep], ys[keep])
    painter.setPen(QPen(Qt.GlobalColor.black, 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawPoints(QPolygonF([QPointF(a, b) for a, b in zip(px, py, strict=True)]))
    # seed and solution markers
    sx, sy = to_px(0, jval[0])
    r = max(4.0, h / 80)
    painter.setPen(QPen(SEED_COLOUR.darker(130), 1))
    painter.setBrush(QBrush(SEED_COLOUR))
    painter.drawEllipse(QPointF(sx, sy), r, r)
    if solved:
        ex, ey = to_px(n - 1, jval[-1])
        painter.setPen(QPen(SOLUTION_COLOUR.darker(130), 1))
        painter.setBrush(QBrush(SOLUTION_COLOUR))
        painter.drawPolygon(_star(QPointF(ex, ey), r * 1.8))
    painter.restore()

    # legend, upper right as matplotlib's "best" puts it for a falling curve
    rows = (("seed", SEED_COLOUR, "dot"), ("solution", SOLUTION_COLOUR, "star")) if solved else (("seed", SEED_COLOUR, "dot"),)
    lw = max(metrics.horizontalAdvance(label) for label, _c, _s in rows) + 5 * r + 12
    lh = len(rows) * (metrics.height() + 4) + 6
    box = QRectF(plot.right() - lw - 8, plot.top() + 8, lw, lh)
    painter.setPen(QPen(QColor("#cccccc"), 1))
    painter.setBrush(QBrush(QColor(255, 255, 255, 230)))
    painter.drawRoundedRect(box, 3, 3)
    for i, (label, colour, shape) in enumerate(rows):
        cy = box.top() + 5 + i * (metrics.height() + 4) + metrics.height() / 2
        centre = QPointF(box.left() + 3 * r, cy)
        painter.setPen(QPen(colour.darker(130), 1))
        painter.setBrush(QBrush(colour))
        if shape == "dot":
            painter.drawEllipse(centre, r, r)
        else:
            painter.drawPolygon(_star(centre, r * 1.8))
        painter.setPen(Qt.GlobalColor.black)
        painter.drawText(QPointF(box.left() + 6 * r, cy + metrics.ascent() / 2 - 1), label)


def _star(centre: QPointF, radius: float) -> QPolygonF:
    points = []
    for i in range(10):
        angle = -math.pi / 2 + i * math.pi / 5
        rad = radius if i % 2 == 0 else radius * 0.42
        points.append(QPointF(centre.x() + rad * math.cos(angle), centre.y() + rad * math.sin(angle)))
    return QPolygonF(points)


def save_article_figure(
    path: str | Path, jval: np.ndarray, width: int = 600, height: int = 400, scale: float = 1.0, solved: bool = True
) -> None:
    """Write the figure as PNG or SVG (by the file's suffix); raises OSError on failure.

    ``solved``: the run finished (and did not diverge), so its last point is the solution —
    a star and "solution-JVal"; otherwise neither.

    ``scale`` multiplies a PNG's pixels, the layout unchanged: the article's
    600×400 with 11-pixel text is too small for a slide.
    """

    def paint(painter: QPainter, size: QSize) -> None:
        paint_article_figure(painter, size, jval, solved=solved)

    save_figure(path, QSize(width, height), paint, "BP Studio: JVal per iteration", scale)


def save_figure(path: str | Path, size: QSize, paint, title: str, scale: float = 1.0) -> None:
    """Run ``paint(painter, size)`` into a PNG or an SVG file (by the suffix), without a display.

    Shared by every headless figure (the article's, the landscape's); raises
    OSError when the file cannot be written.  A PNG is ``scale`` times ``size``.
    """
    from bpstudio.figures.offscreen import ensure_gui_application

    ensure_gui_application()
    if Path(path).suffix.lower() == ".svg":
        paint_svg(path, lambda painter: paint(painter, size), size, QRectF(0, 0, size.width(), size.height()), title)
        return
    image = QImage(round(size.width() * scale), round(size.height() * scale), QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    painter.scale(scale, scale)
    paint(painter, size)
    painter.end()
    save_image(image, path)
