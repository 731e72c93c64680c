"""A scene as an animation: its next iteration walked phase by phase, or its run training from A to B.

Each frame is drawn offscreen from numbers, as the slides are
(:mod:`.scene_slides`): the studio's own diagram (one
:class:`.network_view.NetworkView`, reused from frame to frame), the phase
banner's words and equation, and for training the JVal curve and, on 2-D
data, the decision map.  No clock or window reaches a frame, and training is
deterministic, so the same lecture gives the same frames.  Every frame names
its phase or its iteration, so no two frames are alike (a GIF writer would
fold two alike into one, and the frame count would not be the one asked).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QByteArray, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen, QPolygonF
from PySide6.QtSvg import QSvgRenderer

from bpstudio.control.export.typeset import Colours, equation_svg
from bpstudio.control.files.scene import Scene, scene_drawing
from bpstudio.control.files.scene_training import TrainingFrame, training_frames, walk_frames
from bpstudio.control.model.unit_maps import CLASSES, default_picture, map_frame, map_points
from bpstudio.control.words.vocabulary import Phase
from bpstudio.engine.data import Problem
from bpstudio.engine.input_plane import InputPlane, plane_for
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.figures.article_figure import format_tick, nice_ticks
from bpstudio.qt.diagram.diagram_items import set_look
from bpstudio.qt.diagram.network_view import NetworkView
from bpstudio.qt.diagram.unit_map_feed import palette_for
from bpstudio.qt.files.scene_slides import paragraph, state_line
from bpstudio.qt.files.scene_slides import text as slide_text
from bpstudio.qt.inspector.phase_banner import PHASE_WORDS
from bpstudio.qt.shell.appearance import Look, look_for
from bpstudio.qt.shell.i18n import current_language, install_language
from bpstudio.qt.shell.option_names import option_name

TEXTS = {
    "iteration": QT_TRANSLATE_NOOP("SceneAnimation", "iteration"),
    "map": QT_TRANSLATE_NOOP("SceneAnimation", "decision map"),
    "stopped": QT_TRANSLATE_NOOP("SceneAnimation", "the run stopped ({reason})"),
}
PHASE_HEAD = QT_TRANSLATE_NOOP("PhaseBanner", "Iteration {k} · {i}/{n} · ")


def words(key: str, **values: object) -> str:
    return QCoreApplication.translate("SceneAnimation", TEXTS[key]).format(**values)


class _Canvas:
    """One frame's painter and its measures: the text unit and margin follow the frame's size, as on a slide."""

    def __init__(self, size: tuple[int, int]) -> None:
        self.image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
        self.look: Look = look_for("light", False)
        self.painter = QPainter(self.image)
        self.painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.painter.fillRect(self.image.rect(), QColor(self.look.background))
        self.painter.setPen(QColor(self.look.text))
        width, height = size
        self.unit = min(height / 30, width / 44)
        self.margin = self.unit * 1.2
        self.inner = width - 2 * self.margin

    def header(self, title: str, line: str) -> float:
        """The title and a state line; returns the y below them."""
        top = paragraph(
            self.painter, title, QRectF(self.margin, self.margin * 0.8, self.inner, self.unit * 2.2), self.unit * 1.4, bold=True
        )
        return paragraph(self.painter, line, QRectF(self.margin, top, self.inner, self.unit * 1.5), self.unit * 0.95)

    def finish(self) -> QImage:
        self.painter.end()
        return self.image


class _Diagram:
    """One NetworkView drawn into each frame: building it once keeps a frame to tens of milliseconds."""

    def __init__(self, problem: Problem) -> None:
        set_look(look_for("light", False))
        self.view = NetworkView()
        self.view.resize(1200, 800)
        self.view.set_problem(problem)
        self.problem = problem

    def draw(self, painter: QPainter, target: QRectF) -> None:
        source = self.view.scene().itemsBoundingRect().adjusted(-12, -12, 12, 12)
        scale = min(target.width() / source.width(), target.height() / source.height())
        fitted = QRectF(0, 0, source.width() * scale, source.height() * scale)
        fitted.moveCenter(target.center())
        self.view.scene().render(painter, fitted, source, Qt.AspectRatioMode.IgnoreAspectRatio)

    def close(self) -> None:
        self.view.deleteLater()


def _title(scene: Scene, number: int) -> str:
    return scene.view.title or slide_text("scene", n=number)


# -- the phase walk ----------------------------------------------------------------------------
def phase_frames(scene: Scene, number: int, size: tuple[int, int]) -> Iterator[QImage]:
    """One frame per phase of the walk of the scene's next iteration (2 × layers + 2 of them), whatever phase it shows."""
    drawing = scene_drawing(scene)  # the chosen chain, lit on every frame
    diagram = _Diagram(drawing.problem)
    try:
        if drawing.chain is not None:
            diagram.view.show_selection(drawing.selected, drawing.chain)
        for step in walk_frames(scene):
            diagram.view.set_weights(step.weights)
            diagram.view.show_phase(step.phase)
            yield _phase_frame(scene, number, size, step.phase, diagram, step.context)
    finally:
        diagram.close()


def _phase_frame(
    scene: Scene, number: int, size: tuple[int, int], phase: Phase, diagram: _Diagram, context: tuple[int, str, str]
) -> QImage:
    canvas = _Canvas(size)
    painter, unit = canvas.painter, canvas.unit
    top = canvas.header(_title(scene, number), state_line(scene, phase=0))
    head = QCoreApplication.translate("PhaseBanner", PHASE_HEAD).format(k=phase.iteration, i=phase.index + 1, n=phase.count)
    said = QCoreApplication.translate("PhaseBanner", PHASE_WORDS[phase.kind]).format(
        layer=(phase.layer or 0) + 1, optimizer=option_name(context[2])
    )
    pad = unit * 0.6
    inside = QRectF(canvas.margin + pad, top + unit * 0.3, canvas.inner - 2 * pad, unit * 3.4)  # the words take two lines at most
    below = paragraph(painter, head + said, inside, unit * 1.05, bold=True)
    svg = equation_svg(phase.equation(*context), Colours())
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    box = QRectF(inside.left(), below, inside.width(), unit * 3.2)
    view_box = renderer.viewBoxF()
    if view_box.height() > 0:  # left-aligned, as tall as the banner allows
        scale = min(box.height() / view_box.height(), box.width() / view_box.width())
        box.setHeight(view_box.height() * scale)
        renderer.render(painter, QRectF(box.left(), box.top(), view_box.width() * scale, box.height()))
    banner = QRectF(canvas.margin, top, canvas.inner, box.bottom() + unit * 0.3 - top)
    painter.setPen(QPen(QColor(canvas.look.phase), max(2.0, unit * 0.15)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(banner, unit * 0.3, unit * 0.3)
    diagram.draw(
        painter, QRectF(canvas.margin, banner.bottom() + unit * 0.5, canvas.inner, size[1] - banner.bottom() - unit * 0.5 - canvas.margin)
    )
    return canvas.finish()


# -- training from A to B ----------------------------------------------------------------------
def training_animation(
    scene: Scene, number: int, size: tuple[int, int], start: int, stop: int, every: int
) -> tuple[list[QImage], TrainingFrame]:
    """The run trained from iteration ``start`` to ``stop``, a frame every ``every`` iterations (and at ``stop``).

    All frames are trained first, so the JVal plot's axes are those of the whole animation.
    """
    frames = list(training_frames(scene, start, stop, every))
    problem = frames[0].problem
    plane = _map_plane(scene, problem)
    picture = scene.view.decision_map.picture or default_picture(problem)
    look = look_for("light", False)
    palette = palette_for(look)
    history = frames[-1].history
    axes = _PlotAxes(history[: frames[-1].iteration + 1], stop)
    diagram = _Diagram(problem)
    images = []
    try:
        for frame in frames:
            diagram.view.set_weights(frame.weights)
            pictures = None
            if plane is not None:
                pictures = map_frame(problem, frame.iteration, frame.weights, plane, palette, picture)
                diagram.view.show_unit_maps(problem, pictures.tiles)
            canvas = _Canvas(size)
            images.append(_training_frame(scene, number, canvas, frame, diagram, axes, plane, pictures, picture))
    finally:
        diagram.close()
    return images, frames[-1]


def _map_plane(scene: Scene, problem: Problem) -> InputPlane | None:
    """The decision map's plane on 2-D data (a slice of more inputs is left to the studio)."""
    plane = plane_for(problem.all_data)
    if plane is None or plane.is_slice:
        return None
    x_axis, y_axis = scene.view.decision_map.x_axis, scene.view.decision_map.y_axis
    return plane if (x_axis, y_axis) == (0, 1) else plane.with_axes(x_axis, y_axis)


def _training_frame(
    scene: Scene, number: int, canvas: _Canvas, frame: TrainingFrame, diagram: _Diagram, axes: _PlotAxes, plane, pictures, picture: str
) -> QImage:
    painter, unit = canvas.painter, canvas.unit
    line = slide_text("state", n=frame.iteration, jval=f"{frame.jval:.6g}")
    if frame.stop_reason is not None and frame.stop_reason != "max_iter":
        line += " · " + words("stopped", reason=frame.stop_reason)
    top = canvas.header(_title(scene, number), line) + unit * 0.3
    bottom = canvas.image.height() - canvas.margin
    area = QRectF(canvas.margin, top, canvas.inner, bottom - top)
    gap = unit
    if plane is None:
        split = area.left() + area.width() * 0.56
        diagram.draw(painter, QRectF(area.left(), area.top(), split - area.left() - gap, area.height()))
        _plot(painter, canvas, QRectF(split, area.top(), area.right() - split, area.height()), axes, frame)
        return canvas.finish()
    split = area.left() + area.width() * 0.46
    diagram.draw(painter, QRectF(area.left(), area.top(), split - area.left() - gap, area.height()))
    right = QRectF(split, area.top(), area.right() - split, area.height())
    plot_height = right.height() * 0.42
    _plot(painter, canvas, QRectF(right.left(), right.top(), right.width(), plot_height), axes, frame)
    _decision_map(
        painter,
        canvas,
        QRectF(right.left(), right.top() + plot_height + gap * 0.5, right.width(), right.height() - plot_height - gap * 0.5),
        plane,
        pictures,
        picture,
    )
    return canvas.finish()


class _PlotAxes:
    """The JVal plot's axes for the whole animation: iterations 0 to B, JVal over every frame's range (log when it spans decades)."""

    def __init__(self, history: np.ndarray, stop: int) -> None:
        finite = history[np.isfinite(history)]
        low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        self.log = low > 0 and high / low > 20
        if self.log:
            low, high = math.log10(low), math.log10(high)
        pad = (high - low) * 0.06 or 1.0
        self.y = (low - pad, high + pad)
        self.x = (0.0, float(max(stop, 1)))

    def value(self, jval: np.ndarray) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.log10(jval) if self.log else jval

    def ticks(self) -> list[tuple[float, str]]:
        if not self.log:
            return [(t, format_tick(t)) for t in nice_ticks(*self.y, target=4)]
        return [
            (float(k), f"1e{k}" if k not in (0, 1, 2, 3) else format_tick(10.0**k))
            for k in range(math.ceil(self.y[0]), math.floor(self.y[1]) + 1)
        ]


def _plot(painter: QPainter, canvas: _Canvas, box: QRectF, axes: _PlotAxes, frame: TrainingFrame) -> None:
    """JVal per iteration up to the frame's, the frame's point marked; the x axis spans the whole animation."""
    unit = canvas.unit
    font = QFont(painter.font())
    font.setPixelSize(max(8, round(unit * 0.8)))
    font.setBold(False)
    painter.setFont(font)
    metrics = painter.fontMetrics()
    labels = axes.ticks()
    left = max((metrics.horizontalAdvance(text) for _, text in labels), default=0) + unit * 2.0
    plot = QRectF(
        box.left() + left, box.top() + unit * 0.6, box.width() - left - unit * 0.6, box.height() - unit * 0.6 - metrics.height() * 2.4
    )
    if plot.width() < 10 or plot.height() < 10:
        return
    (x0, x1), (y0, y1) = axes.x, axes.y

    def point(x: float, y: float) -> QPointF:
        return QPointF(plot.left() + (x - x0) / (x1 - x0) * plot.width(), plot.bottom() - (y - y0) / (y1 - y0) * plot.height())

    painter.setPen(QPen(QColor(canvas.look.muted), 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(plot)
    painter.setPen(QColor(canvas.look.text))
    for value, text in labels:
        at = point(x0, value)
        painter.drawText(
            QRectF(box.left(), at.y() - metrics.height() / 2, left - unit * 0.4, metrics.height()),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            text,
        )
    for value in nice_ticks(x0, x1, target=4):
        at = point(value, y0)
        text = format_tick(value)
        painter.drawText(
            QRectF(at.x() - 60, plot.bottom() + 2, 120, metrics.height()),
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
            text,
        )
    painter.drawText(
        QRectF(plot.left(), plot.bottom() + metrics.height() * 1.1, plot.width(), metrics.height()),
        int(Qt.AlignmentFlag.AlignHCenter),
        words("iteration"),
    )
    painter.save()
    painter.translate(box.left() + metrics.height() * 0.6, plot.center().y())
    painter.rotate(-90)
    painter.drawText(
        QRectF(-plot.height() / 2, -metrics.height() / 2, plot.height(), metrics.height()), int(Qt.AlignmentFlag.AlignCenter), "JVal"
    )
    painter.restore()
    shown = axes.value(frame.history[: frame.iteration + 1])
    xs, ys = _envelope(shown, max(2, int(plot.width())))
    keep = np.isfinite(ys)
    painter.save()
    painter.setClipRect(plot)
    painter.setPen(QPen(QColor(canvas.look.plot_curve), max(1.5, unit * 0.12)))
    painter.drawPolyline(QPolygonF([point(float(x), float(y)) for x, y in zip(xs[keep], ys[keep], strict=True)]))
    painter.restore()
    last = axes.value(np.array([frame.jval]))[0]
    if np.isfinite(last):  # the frame's point, whole even on the plot's edge
        painter.setPen(QPen(QColor(canvas.look.selected).darker(130), 1))
        painter.setBrush(QBrush(QColor(canvas.look.selected)))
        radius = max(3.0, unit * 0.3)
        painter.drawEllipse(point(float(frame.iteration), float(last)), radius, radius)


def _envelope(values: np.ndarray, columns: int) -> tuple[np.ndarray, np.ndarray]:
    """At most two points (the least and the most) per pixel column: a long run draws as quickly as a short one."""
    n = values.size
    if n <= 2 * columns:
        return np.arange(n, dtype=float), values
    edges = np.linspace(0, n, columns + 1).astype(int)
    xs: list[float] = []
    ys: list[float] = []
    for a, b in zip(edges[:-1], edges[1:], strict=True):
        chunk = values[a:b]
        if not np.isfinite(chunk).any():
            continue
        for i in sorted({int(np.nanargmin(chunk)), int(np.nanargmax(chunk))}):
            xs.append(a + i)
            ys.append(float(chunk[i]))
    return np.array(xs), np.array(ys)


def _decision_map(painter: QPainter, canvas: _Canvas, box: QRectF, plane: InputPlane, pictures, picture: str) -> None:
    """The big map of the studio's Decision map panel, square, with the training samples on top."""
    unit = canvas.unit
    font = QFont(painter.font())
    font.setPixelSize(max(8, round(unit * 0.8)))
    painter.setFont(font)
    caption = painter.fontMetrics().height() * 1.3
    side = min(box.width(), box.height() - caption)
    if side < 10:
        return
    square = QRectF(box.left() + (box.width() - side) / 2, box.top() + caption, side, side)
    painter.setPen(QColor(canvas.look.text))
    painter.drawText(
        QRectF(box.left(), box.top(), box.width(), caption), int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), words("map")
    )
    rgba = pictures.images.get(picture)
    if rgba is not None:
        rows, cols = rgba.shape[:2]
        flipped = np.ascontiguousarray(rgba[::-1])  # row 0 is the plane's lowest y: the top of the picture is its last row
        image = QImage(flipped.data, cols, rows, cols * 4, QImage.Format.Format_RGBA8888).copy()
        painter.drawImage(square, image)
    points = map_points(pictures.problem, plane, palette_for(canvas.look), picture if picture != CLASSES else CLASSES)
    (x0, x1), (y0, y1) = plane.x_range, plane.y_range
    radius = max(1.5, side / 120)
    painter.setPen(QPen(QColor("#333333"), max(0.6, radius * 0.35)))
    for xy, colours in ((points.train, points.train_colours), (points.test, points.test_colours)):
        for (x, y), colour in zip(xy, colours, strict=True):
            centre = QPointF(square.left() + (x - x0) / (x1 - x0) * side, square.bottom() - (y - y0) / (y1 - y0) * side)
            painter.setBrush(QBrush(QColor(int(colour[0]), int(colour[1]), int(colour[2]))))
            painter.drawEllipse(centre, radius, radius)
    painter.setPen(QPen(QColor(canvas.look.muted), 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(square)


# -- the file ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Made:
    """What an export wrote: its frames, and where the run stopped by itself before B (None: it did not)."""

    frames: int
    stopped_at: int | None = None
    stop_reason: str | None = None


def write_animation(
    scene: Scene,
    number: int,
    path: Path,
    size: tuple[int, int],
    fps: int | None,
    phases: bool,
    span: tuple[int, int, int] | None,
    language: str | None = None,
    encoder: str | None = None,
) -> Made:
    """Draw the scene's phase walk (``phases``) or its training over ``span`` = (A, B, every); a GIF, or an MP4 by ``encoder``."""
    from bpstudio.figures.animation_files import write_gif, write_mp4

    spoken = current_language()
    install_language(language or scene.view.language or "en")
    try:
        stopped: tuple[int, str] | None = None
        if phases:
            frames = list(phase_frames(scene, number, size))
            rate = fps or 1
        else:
            assert span is not None
            start, stop, every = span
            frames, last = training_animation(scene, number, size, start, stop, every)
            if last.iteration < stop:
                stopped = (last.iteration, last.stop_reason or "")
            rate = fps or 10
        count = write_mp4(frames, path, rate, encoder) if encoder is not None else write_gif(frames, path, rate)
    finally:
        install_language(spoken)
    return Made(count, *(stopped or (None, None)))
