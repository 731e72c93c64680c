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
import math
import re
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize, Qt, QUuid
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgRenderer

from bpstudio.control.export.typeset import MATH_SIZE, board_svg, number_text
from bpstudio.control.files.lecture_file import Lecture
from bpstudio.control.files.safe_write import write_bytes, write_text
from bpstudio.control.files.scene import Scene, SceneDrawing, chain_blocks, chain_board_svg, phase_total, scene_drawing
from bpstudio.control.learning.chain_blanks import Blank, chain_blanks
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.figures.image_files import paint_svg, save_image
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
    "worksheet": QT_TRANSLATE_NOOP("SceneSlides", "worksheet: fill in each blank (4 significant digits)"),
    "answers": QT_TRANSLATE_NOOP("SceneSlides", "Answers"),
    "no_blanks": QT_TRANSLATE_NOOP("SceneSlides", "(no parameter chosen: nothing to fill in)"),
}
PDF_DPI = 150


def text(key: str, **values: object) -> str:
    return QCoreApplication.translate("SceneSlides", TEXTS[key]).format(**values)


def export_png(
    lecture: Lecture, folder: Path, size: tuple[int, int], svg: bool = False, language: str | None = None
) -> list[tuple[int, str]]:
    """Write ``scene-01.png`` … into ``folder``; the scenes that cannot be rebuilt, with why, are skipped and returned.

    With ``svg`` each scene's diagram (``scene-01-diagram.svg``) and, when a
    parameter is chosen, its typeset chain (``scene-01-formula.svg``) are
    written beside its PNG, as vector drawings for slides of another program.
    ``language`` overrides every scene's own.
    """
    skipped = []
    spoken = current_language()
    try:
        for number, scene in enumerate(lecture.scenes, start=1):
            if scene.saved is None:
                skipped.append((number, scene.problem or ""))
                continue
            install_language(language or scene.view.language or "en")
            save_image(render_scene(scene, number, size), folder / f"scene-{number:02d}.png")
            if svg:
                drawing = scene_drawing(scene)
                write_diagram_svg(drawing, folder / f"scene-{number:02d}-diagram.svg", scene.view.title or text("scene", n=number))
                formula = chain_board_svg(scene, drawing, {"source": text("source"), "sink": text("sink")})
                if formula is not None:
                    write_text(folder / f"scene-{number:02d}-formula.svg", formula)
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


def export_pdf(lecture: Lecture, path: Path, worksheet: bool = False, language: str | None = None) -> list[tuple[int, str]]:
    """A handout: one landscape A4 page per scene, its diagram beside its typeset chain; the same bytes every time.

    A ``worksheet`` leaves chosen numbers of each chain blank (see
    :mod:`bpstudio.control.learning.chain_blanks`) and prints them on a last
    page headed "Answers", in the language of ``language`` or of the first scene.
    """
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
    answers: list[tuple[int, str, list[Blank]]] = []

    def new_page() -> QRectF:
        nonlocal pages
        if pages == 0:
            painter.begin(writer)
        else:
            writer.newPage()
        pages += 1
        page = QRectF(writer.pageLayout().paintRectPixels(PDF_DPI))
        return page.translated(-page.topLeft())

    try:
        for number, scene in enumerate(lecture.scenes, start=1):
            if scene.saved is None:
                skipped.append((number, scene.problem or ""))
                continue
            install_language(language or scene.view.language or "en")
            blanks = paint_scene(painter, scene, number, new_page(), handout=True, worksheet=worksheet)
            answers.append((number, scene.view.title, blanks))
        if worksheet and pages:
            install_language(language or lecture.scenes[0].view.language or "en")
            paint_answers(painter, answers, new_page)
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


def paint_scene(painter: QPainter, scene: Scene, number: int, area: QRectF, handout: bool = False, worksheet: bool = False) -> list[Blank]:
    """The slide in ``area``: title, state line, diagram (on a handout beside the typeset chain), note.

    Returns the blanks a ``worksheet`` page left in its chain ([] otherwise).
    """
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
    top = paragraph(painter, title, QRectF(margin, margin, inner, unit * 2.6), unit * 1.6, bold=True)
    line = state_line(scene)
    if worksheet:
        line += " · " + text("worksheet")
    top = paragraph(painter, line, QRectF(margin, top, inner, unit * 1.6), unit * 0.9)
    note_height = _note_height(painter, scene.view.note, inner, unit * 0.85, unit * 6.5)
    bottom = height - margin - note_height
    drawing = scene_drawing(scene)
    blanks: list[Blank] = []
    formula = None
    if handout:
        blocks = chain_blocks(scene, drawing)
        if blocks is not None:
            blanks = chain_blanks(blocks) if worksheet else []
            tags = {"source": text("source"), "sink": text("sink")}
            formula = board_svg(blocks, tags=tags, background=look.background, blanks={b.key: b.label for b in blanks})
    if formula is not None:  # side by side: the page is landscape, the chain tall and narrow
        split = margin + inner * 0.52
        _draw_diagram(painter, drawing, QRectF(margin, top + unit * 0.5, split - margin - unit, bottom - top - unit))
        _draw_formula(painter, formula, QRectF(split + unit, top + unit * 0.5, margin + inner - split - unit, bottom - top - unit), unit)
    else:
        _draw_diagram(painter, drawing, QRectF(margin, top + unit * 0.5, inner, bottom - top - unit))
    if scene.view.note:
        painter.setPen(QColor(look.text))
        paragraph(painter, scene.view.note, QRectF(margin, bottom, inner, note_height), unit * 0.85)
    return blanks


def _note_height(painter: QPainter, note: str, width: float, pixels: float, most: float) -> float:
    """The room the note's wrapped lines take (and a little air above), at most ``most``."""
    if not note:
        return 0.0
    font = QFont(painter.font())
    font.setPixelSize(max(8, round(pixels)))
    font.setBold(False)
    painter.setFont(font)
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
    used = painter.boundingRect(QRectF(0, 0, width, most), flags, note)
    return min(most, used.height() + pixels * 1.2)


def _draw_formula(painter: QPainter, svg: str, box: QRectF, unit: float) -> None:
    """The typeset chain, top left in ``box``, as large as fits but its letters no larger than the page's text."""
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    source = renderer.viewBoxF()
    if source.width() <= 0 or source.height() <= 0:
        return
    scale = min(box.width() / source.width(), box.height() / source.height(), 1.3 * unit / MATH_SIZE)
    renderer.render(painter, QRectF(box.left(), box.top(), source.width() * scale, source.height() * scale))


def paint_answers(painter: QPainter, answers: list[tuple[int, str, list[Blank]]], new_page: Callable[[], QRectF]) -> None:
    """The worksheet's key: "Answers", then each scene's blanks with the numbers the handout would print.

    ``new_page()`` starts a page and returns its area: a long lecture's key goes on over several.
    """
    look = look_for("light", False)

    def start() -> tuple[QRectF, float, float]:
        area = new_page()
        painter.fillRect(area, QColor(look.background))
        painter.setPen(QColor(look.text))
        unit = min(area.height() / 36, area.width() / 50)
        top = paragraph(
            painter, text("answers"), QRectF(unit * 1.5, unit * 1.5, area.width() - 3 * unit, unit * 2.6), unit * 1.6, bold=True
        )
        return area, unit, top

    area, unit, top = start()
    for number, title, blanks in answers:
        if top > area.height() - unit * 6:
            area, unit, top = start()
        margin, inner = unit * 1.5, area.width() - 3 * unit
        heading = text("scene", n=number) + (f" · {title}" if title else "")
        top = paragraph(painter, heading, QRectF(margin, top + unit * 0.4, inner, unit * 1.4), unit * 0.95, bold=True)
        key = "    ".join(f"({b.letter}) {number_text(b.value)}" for b in blanks) if blanks else text("no_blanks")
        top = paragraph(painter, key, QRectF(margin + unit, top, inner - unit, unit * 3.2), unit * 0.9)


def state_line(scene: Scene, phase: int | None = None) -> str:
    """The line under the title: iteration N · JVal x, the phase the scene shows (or ``phase``; 0: none) and its sample."""
    saved = scene.saved
    assert saved is not None
    shown = scene.view.phase if phase is None else phase
    parts = [text("state", n=saved.snapshot.iteration, jval=f"{saved.snapshot.jval:.6g}")]
    if shown:
        total = phase_total(scene.network)
        parts.append(text("phase", k=shown, total=total, next=saved.snapshot.iteration + 1))
    if scene.view.sample is not None:
        parts.append(text("sample", n=scene.view.sample))
    return " · ".join(parts)


def paragraph(painter: QPainter, words: str, box: QRectF, pixels: float, bold: bool = False) -> float:
    """Draw ``words`` wrapped in ``box``; returns the y below them."""
    font = QFont(painter.font())
    font.setPixelSize(max(8, round(pixels)))
    font.setBold(bold)
    painter.setFont(font)
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
    used = painter.boundingRect(box, flags, words)
    painter.drawText(box, flags, words)
    return min(box.bottom(), used.bottom()) + pixels * 0.4


def write_diagram_svg(drawing: SceneDrawing, path: Path, title: str) -> None:
    """The scene's diagram as an SVG drawing, at the size the studio lays it out; raises OSError naming ``path``."""
    view = _diagram_view(drawing, QSize(1200, 800))
    try:
        source = view.scene().sceneRect()
        size = QSize(math.ceil(source.width()), math.ceil(source.height()))
        target = QRectF(0, 0, size.width(), size.height())

        def paint(painter: QPainter) -> None:
            painter.fillRect(target, QColor(look_for("light", False).background))
            view.scene().render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)

        paint_svg(path, paint, size, target, title)
    finally:
        view.deleteLater()


def _diagram_view(drawing: SceneDrawing, size: QSize) -> NetworkView:
    """A NetworkView of the scene's run (its weights, the chosen chain, the phase it stands at), not shown."""
    set_look(look_for("light", False))
    view = NetworkView()
    view.resize(size)
    view.set_problem(drawing.problem)
    view.set_weights(drawing.weights)
    if drawing.chain is not None:
        view.show_selection(drawing.selected, drawing.chain)
    if drawing.phase is not None:
        view.show_phase(drawing.phase)
    return view


def _draw_diagram(painter: QPainter, drawing: SceneDrawing, target: QRectF) -> None:
    """The studio's diagram of the scene's run: its weights, the chosen chain, the phase it stands at."""
    view = _diagram_view(drawing, QSize(round(target.width()), round(target.height())))
    try:
        source = view.scene().sceneRect()
        scale = min(target.width() / source.width(), target.height() / source.height())
        fitted = QRectF(0, 0, source.width() * scale, source.height() * scale)
        fitted.moveCenter(target.center())  # centred: render() would keep the ratio in the target's corner
        view.scene().render(painter, fitted, source, Qt.AspectRatioMode.IgnoreAspectRatio)
    finally:
        view.deleteLater()
