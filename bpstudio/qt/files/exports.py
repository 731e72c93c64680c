"""Exports that need Qt, for handouts and slides: the plot, the chain, the diagram, the decision map.

(The history and weights tables are Qt-free, in bpstudio.control.files.tables.)

Each function writes one file (atomically, through bpstudio.control.files.safe_write)
and raises OSError (or ValueError for an unknown suffix) on failure; the
window turns those into a message.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from bpstudio.control.files.safe_write import write_text
from bpstudio.control.words.number_format import DEFAULT_DIGITS, rounding
from bpstudio.control.words.vocabulary import ChainNumbers, InfluenceChain
from bpstudio.control.words.written_formula import misses
from bpstudio.engine.chain_render import render_latex, render_markdown
from bpstudio.figures.article_figure import save_article_figure
from bpstudio.figures.image_files import paint_svg, save_image
from bpstudio.figures.svg_image import svg_to_png

SLIDE_SCALE = 3  # the studio's PNG of the figure: 1800×1200, its text readable on a slide
SLIDE_DENSITY = 2.0  # PNGs of what is on screen: twice its pixels, sharp on a projector or a slide


def export_plot(path: str | Path, history: np.ndarray, solved: bool = True) -> None:
    """The article's figure (PNG or SVG), a PNG large enough for a slide."""
    if Path(path).suffix.lower() not in (".png", ".svg"):
        raise ValueError("the plot can be saved as .png or .svg")
    save_article_figure(path, history, scale=SLIDE_SCALE, solved=solved)


def export_chain(path: str | Path, chain: InfluenceChain, numbers: ChainNumbers, digits: str = DEFAULT_DIGITS) -> None:
    """The chain as LaTeX or Markdown, its numbers with View ▸ Digits' significant digits (as ``chain --digits``)."""
    suffix = Path(path).suffix.lower()
    if suffix == ".tex":
        text = render_latex(chain, numbers, rounding(digits), misses(digits))
    elif suffix == ".md":
        text = render_markdown(chain, numbers, rounding(digits), misses(digits))
    else:
        raise ValueError("the chain can be saved as .tex (LaTeX) or .md (Markdown)")
    write_text(path, text)


def export_diagram(path: str | Path, scene: QGraphicsScene, scale: float = 2.0) -> None:
    """The diagram as drawn now (PNG at twice the scene size, or SVG)."""
    rect = scene.sceneRect()
    suffix = Path(path).suffix.lower()
    if suffix == ".svg":
        paint_svg(
            path,
            lambda painter: scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect),
            QSize(int(rect.width()), int(rect.height())),
            QRectF(0, 0, rect.width(), rect.height()),
            "BP Studio: network diagram",
        )
        return
    if suffix != ".png":
        raise ValueError("the diagram can be saved as .png or .svg")
    image = QImage(int(rect.width() * scale), int(rect.height() * scale), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    save_image(image, path)


def _suffix(path: str | Path, what: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in (".png", ".svg"):
        raise ValueError(f"{what} can be saved as .png or .svg")
    return suffix


def with_background(svg: str, background: str) -> str:
    """``svg`` on a filled rectangle: the inspector's SVG is transparent, a slide may not be its colour.

    The rectangle takes the view box's numbers: Qt's renderer fills "100%" only partly.
    """
    opening = re.search(r"<svg\b[^>]*>", svg)
    if opening is None:
        raise ValueError("the typeset chain is not an SVG document")
    box = re.search(r'viewBox="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"', opening.group(0))
    x, y, width, height = box.groups() if box else ("0", "0", "100%", "100%")
    rect = f'<rect x="{x}" y="{y}" width="{width}" height="{height}" fill="{background}"/>'
    return svg[: opening.end()] + rect + svg[opening.end() :]


def export_formula(path: str | Path, svg: str, background: str, scale: float = SLIDE_DENSITY) -> None:
    """The typeset chain as on screen: its SVG, or a PNG at ``scale`` times its size."""
    if _suffix(path, "the typeset chain") == ".svg":
        write_text(path, with_background(svg, background))
    else:
        svg_to_png(svg, str(path), scale=scale, background=background)


def _paint_stacked(painter: QPainter, widgets: list[QWidget]) -> None:
    y = 0
    for widget in widgets:
        items = widget.scene().items() if isinstance(widget, QGraphicsView) and widget.scene() is not None else []
        # pyqtgraph draws scatter points from a pixmap cache, which a vector file cuts up: in export
        # mode its items draw themselves as shapes
        exporting = [item for item in items if hasattr(item, "setExportMode")]
        for item in exporting:
            item.setExportMode(True, {"antialias": True, "painter": painter})
        try:
            QWidget.render(widget, painter, QPoint(0, y))  # as a widget: a QGraphicsView's own render draws its scene
        finally:
            for item in exporting:
                item.setExportMode(False)
        y += widget.height()


def export_widgets(path: str | Path, widgets: list[QWidget], title: str, scale: float = SLIDE_DENSITY) -> None:
    """Widgets as drawn now, one under the other (a map and its legend): SVG, or PNG at ``scale``× density."""
    widgets = [w for w in widgets if w.isVisible() and w.width() > 0 and w.height() > 0]
    if not widgets:
        raise ValueError("nothing is drawn to export")
    width, height = max(w.width() for w in widgets), sum(w.height() for w in widgets)
    if _suffix(path, "the picture") == ".svg":
        paint_svg(path, lambda painter: _paint_stacked(painter, widgets), QSize(width, height), QRectF(0, 0, width, height), title)
        return
    image = QImage(round(width * scale), round(height * scale), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    _paint_stacked(painter, widgets)
    painter.end()
    save_image(image, path)
