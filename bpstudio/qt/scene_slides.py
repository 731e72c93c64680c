"""A lecture's scenes as slides: one PNG per scene, drawn offscreen, the same pixels every time.

A slide is the scene's title, a line of its state (iteration, JVal, the
phase of the walk), the network diagram as the studio draws it — the
chosen parameter's chain lit, the phase's numbers on the nodes — and the
teacher's note.  Everything is drawn from the scene's data by the studio's
own diagram (:class:`.network_view.NetworkView`), never grabbed from a
window, so no clock, cursor or window manager reaches the picture.

The diagram stands for every view this round; the board, the decision map
and the landscape come with the window's Scenes panel.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from ..control.lecture_file import Lecture
from ..control.scene import Scene, phase_total, scene_drawing
from ..engine.messages import QT_TRANSLATE_NOOP
from .appearance import look_for
from .diagram_items import set_look
from .i18n import current_language, install_language
from .image_files import save_image
from .network_view import NetworkView

TEXTS = {
    "scene": QT_TRANSLATE_NOOP("SceneSlides", "Scene {n}"),
    "state": QT_TRANSLATE_NOOP("SceneSlides", "iteration {n} · JVal {jval}"),
    "phase": QT_TRANSLATE_NOOP("SceneSlides", "phase {k}/{total} of iteration {next}"),
    "sample": QT_TRANSLATE_NOOP("SceneSlides", "sample {n}"),
}


def text(key: str, **values: object) -> str:
    return QCoreApplication.translate("SceneSlides", TEXTS[key]).format(**values)


def export_png(lecture: Lecture, folder: Path, size: tuple[int, int]) -> list[tuple[int, str]]:
    """Write ``scene-01.png`` … into ``folder``; the scenes that cannot be rebuilt, with why, are skipped and returned."""
    skipped = []
    spoken = current_language()
    try:
        for number, scene in enumerate(lecture.scenes, start=1):
            if scene.saved is None:
                skipped.append((number, scene.problem or ""))
                continue
            install_language(scene.view.language or "en")
            save_image(render_scene(scene, number, size), folder / f"scene-{number:02d}.png")
    finally:
        install_language(spoken)
    return skipped


def render_scene(scene: Scene, number: int, size: tuple[int, int]) -> QImage:
    width, height = size
    look = look_for("light", False)
    set_look(look)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(look.background))
    unit = height / 36  # text sizes follow the slide, not the screen
    margin = round(unit * 1.5)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    try:
        painter.setPen(QColor(look.text))
        title = scene.view.title or text("scene", n=number)
        top = _paragraph(painter, title, QRectF(margin, margin, width - 2 * margin, unit * 2.6), unit * 1.6, bold=True)
        top = _paragraph(painter, _state_line(scene), QRectF(margin, top, width - 2 * margin, unit * 1.6), unit * 0.9)
        note_height = unit * 5.5 if scene.view.note else 0.0
        diagram = QRectF(margin, top + unit * 0.5, width - 2 * margin, height - top - note_height - 2 * margin)
        _draw_diagram(painter, scene, diagram)
        if scene.view.note:
            _paragraph(
                painter, scene.view.note, QRectF(margin, height - margin - note_height, width - 2 * margin, note_height), unit * 0.85
            )
    finally:
        painter.end()
    return image


def _state_line(scene: Scene) -> str:
    saved = scene.saved
    assert saved is not None
    parts = [text("state", n=saved.snapshot.iteration, jval=f"{saved.snapshot.jval:.6g}")]
    if scene.view.phase:
        total = phase_total(scene.network)
        parts.append(text("phase", k=scene.view.phase, total=total, next=saved.snapshot.iteration + 1))
    if scene.view.sample is not None:
        parts.append(text("sample", n=scene.view.sample))
    return " · ".join(parts)


def _paragraph(painter: QPainter, words: str, box: QRectF, pixels: float, bold: bool = False) -> float:
    """Draw ``words`` wrapped in ``box``; returns the y below them."""
    font = QFont(painter.font())
    font.setPixelSize(max(8, round(pixels)))
    font.setBold(bold)
    painter.setFont(font)
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
    used = painter.boundingRect(box, flags, words)
    painter.drawText(box, flags, words)
    return min(box.bottom(), used.bottom()) + pixels * 0.4


def _draw_diagram(painter: QPainter, scene: Scene, target: QRectF) -> None:
    """The studio's diagram of the scene's run: its weights, the chosen chain, the phase it stands at."""
    drawing = scene_drawing(scene)
    view = NetworkView()
    try:
        view.resize(round(target.width()), round(target.height()))
        view.set_problem(drawing.problem)
        view.set_weights(drawing.weights)
        if drawing.chain is not None:
            view.show_selection(drawing.selected, drawing.chain)
        if drawing.phase is not None:
            view.show_phase(drawing.phase)
        source = view.scene().sceneRect()
        scale = min(target.width() / source.width(), target.height() / source.height())
        fitted = QRectF(0, 0, source.width() * scale, source.height() * scale)
        fitted.moveCenter(target.center())  # centred: render() would keep the ratio in the target's corner
        view.scene().render(painter, fitted, source, Qt.AspectRatioMode.IgnoreAspectRatio)
    finally:
        view.deleteLater()
