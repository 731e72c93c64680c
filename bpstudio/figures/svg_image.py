"""SVG to PNG without a display: the CLI's ``chain --format png``."""

from __future__ import annotations

from bpstudio.figures.image_files import save_image
from bpstudio.figures.offscreen import ensure_gui_application


def svg_to_png(svg: str, path: str, scale: float = 2.0, background: str = "#ffffff") -> None:
    """Rasterise ``svg`` at ``scale`` times its size onto ``background`` and save it as PNG."""
    ensure_gui_application()
    from PySide6.QtCore import QByteArray, QRectF
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not renderer.isValid():
        raise ValueError("the formula could not be drawn (invalid SVG)")
    size = renderer.defaultSize()
    image = QImage(max(1, round(size.width() * scale)), max(1, round(size.height() * scale)), QImage.Format.Format_ARGB32)
    image.fill(QColor(background))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    save_image(image, path)  # through the atomic writer, like every file BP Studio writes
