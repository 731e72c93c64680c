"""A lecture's scenes as slides (one PNG each) and as a handout (one PDF page each), drawn offscreen.

A slide is the scene's title, a line of its state (iteration, JVal, the
phase of the walk), the network diagram as the studio draws it — the
chosen parameter's chain lit, the phase's numbers on the nodes — and the
teacher's note; a handout page adds the chain typeset with its numbers.
Everything is drawn from the scene's data (:func:`..control.scene.scene_drawing`)
by the studio's own diagram (:class:`.network_view.NetworkView`), never
grabbed from a window, so no clock, cursor or window manager reaches the
picture: the same lecture gives the same pixels, and the same PDF bytes once
its dates are fixed and its id is taken from the content.

The diagram stands for every view this round; the board, the decision map
and the landscape come with the window's Scenes panel.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, Qt, QUuid
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgRenderer

from bpstudio.control.files.lecture_file import Lecture
from bpstudio.control.files.safe_write import write_bytes
from bpstudio.control.files.scene import Scene, SceneDrawing, chain_board_svg, phase_total, scene_drawing
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.figures.image_files import save_image
from bpstudio.qt.diagram.diagram_items import set_look
from bpstudio.qt.diagram.network_view import NetworkView
from bpstudio.qt.shell.appearance import look_for
from bpstudio.qt.shell.i18n import current_language, install_language

TEXTS = {
    "scene": QT_TRANSLATE_NOOP("SceneSlides", "Scene {n}"),
    "state": QT_TRANSLATE_NOOP("SceneSlides", "iteration {n} · JVal {jval}"),
    "phase": QT_TRANSLATE_NOOP("SceneSlides", "phase {k}/{total} of iteration {next}"),
    "sample": QT_TRANSLATE_NOOP("SceneSlides", "sample {n}"),
    "source": QT_TRANSLATE_NOOP("SceneSlides", "source Σ: branches summed"),
    "sink": QT_TRANSLATE_NOOP("SceneSlides", "below a sink: defined once"),
}
PDF_DPI = 150


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
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        paint_scene(painter, scene, number, QRectF(0, 0, width, height))
    finally:
        painter.end()
    return image


def export_pdf(lecture: Lecture, path: Path) -> list[tuple[int, str]]:
    """A handout: one landscape A4 page per scene, with its chain typeset under the diagram; the same bytes every time."""
    skipped = []
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape)
    writer.setResolution(PDF_DPI)
    writer.setCreator("BP Studio")
    writer.setTitle(lecture.scenes[0].view.title if lecture.scenes else "")
    digest = hashlib.sha256(b"".join(data for scene in lecture.scenes for _, data in scene.members)).digest()
    writer.setDocumentId(QUuid(str(uuid.UUID(bytes=digest[:16]))))  # from the content, not at random
    spoken = current_language()
    painter = QPainter()
    pages = 0
    try:
        for number, scene in enumerate(lecture.scenes, start=1):
            if scene.saved is None:
                skipped.append((number, scene.problem or ""))
                continue
            install_language(scene.view.language or "en")
            if pages == 0:
                painter.begin(writer)
            else:
                writer.newPage()
            pages += 1
            page = QRectF(writer.pageLayout().paintRectPixels(PDF_DPI))
            paint_scene(painter, scene, number, page.translated(-page.topLeft()), handout=True)
    finally:
        if painter.isActive():
            painter.end()
        install_language(spoken)
    buffer.close()
    if pages:
        write_bytes(path, without_dates(bytes(buffer.data().data())))
    return skipped


def without_dates(pdf: bytes) -> bytes:
    """The PDF with its creation and change times set to 1980-01-01, each in place (the byte offsets stay)."""
    pdf = re.sub(rb"\(D:\d{14}", b"(D:19800101000000", pdf)
    return re.sub(rb'"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d', b'"1980-01-01T00:00:00', pdf)


def paint_scene(painter: QPainter, scene: Scene, number: int, area: QRectF, handout: bool = False) -> None:
    """The slide in ``area``: title, state line, diagram (and on a handout the typeset chain), note."""
    width, height = area.width(), area.height()
    look = look_for("light", False)
    set_look(look)
    painter.fillRect(area, QColor(look.background))
    unit = min(height / 36, width / 50)  # text sizes follow the page, not the screen
    margin = unit * 1.5
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    painter.setPen(QColor(look.text))
    inner = width - 2 * margin
    title = scene.view.title or text("scene", n=number)
    top = _paragraph(painter, title, QRectF(margin, margin, inner, unit * 2.6), unit * 1.6, bold=True)
    top = _paragraph(painter, _state_line(scene), QRectF(margin, top, inner, unit * 1.6), unit * 0.9)
    note_height = unit * 5.5 if scene.view.note else 0.0
    bottom = height - margin - note_height
    drawing = scene_drawing(scene)
    formula = chain_board_svg(scene, drawing, {"source": text("source"), "sink": text("sink")}) if handout else None
    if formula is not None:
        split = top + (bottom - top) * 0.55
        _draw_diagram(painter, drawing, QRectF(margin, top + unit * 0.5, inner, split - top - unit * 0.5))
        renderer = QSvgRenderer(QByteArray(formula.encode("utf-8")))
        renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        renderer.render(painter, QRectF(margin, split + unit * 0.5, inner, bottom - split - unit))
    else:
        _draw_diagram(painter, drawing, QRectF(margin, top + unit * 0.5, inner, bottom - top - unit))
    if scene.view.note:
        painter.setPen(QColor(look.text))
        _paragraph(painter, scene.view.note, QRectF(margin, bottom, inner, note_height), unit * 0.85)


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


def _draw_diagram(painter: QPainter, drawing: SceneDrawing, target: QRectF) -> None:
    """The studio's diagram of the scene's run: its weights, the chosen chain, the phase it stands at."""
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
