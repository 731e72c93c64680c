"""Exports that need Qt, for handouts and slides: the plot, the chain, the diagram.

(The history and weights tables are Qt-free, in bpstudio.control.tables.)

Each function writes one file (atomically, through bpstudio.control.safe_write)
and raises OSError (or ValueError for an unknown suffix) on failure; the
window turns those into a message.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

from ..control.vocabulary import ChainNumbers, InfluenceChain
from ..engine.chain_render import render_latex, render_markdown
from ..control.safe_write import write_text
from .article_figure import save_article_figure
from .image_files import paint_svg, save_image


SLIDE_SCALE = 3  # the studio's PNG of the figure: 1800×1200, its text readable on a slide


def export_plot(path: str | Path, history: np.ndarray, solved: bool = True) -> None:
    """The article's figure (PNG or SVG), a PNG large enough for a slide."""
    if Path(path).suffix.lower() not in (".png", ".svg"):
        raise ValueError("the plot can be saved as .png or .svg")
    save_article_figure(path, history, scale=SLIDE_SCALE, solved=solved)


def export_chain(path: str | Path, chain: InfluenceChain, numbers: ChainNumbers) -> None:
    suffix = Path(path).suffix.lower()
    if suffix == ".tex":
        text = render_latex(chain, numbers)
    elif suffix == ".md":
        text = render_markdown(chain, numbers)
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
