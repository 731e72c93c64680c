"""Qt pictures written the one safe way (see bpstudio.control.files.safe_write).

QImage.save and QSvgGenerator open files by name, so they are handed the
temporary path beside the target; the target is replaced only once the
picture is complete.  Errors name the file the user chose.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QImage

from bpstudio.control.files.safe_write import replacing_path


def save_image(image: QImage, path: str | os.PathLike) -> None:
    """Write ``image`` (format from the suffix) to ``path``; raises OSError naming ``path``."""
    with replacing_path(path) as temp:
        if not image.save(str(temp)):
            raise OSError(f"could not write {os.fspath(path)}")


def paint_svg(path: str | os.PathLike, paint, size, view_box, title: str) -> None:
    """Run ``paint(painter)`` on an SVG generator writing ``path``; raises OSError naming ``path``."""
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    with replacing_path(path) as temp:
        generator = QSvgGenerator()
        generator.setFileName(str(temp))
        generator.setSize(size)
        generator.setViewBox(view_box)
        generator.setTitle(title)
        painter = QPainter(generator)
        ok = painter.isActive()
        paint(painter)
        painter.end()
        if not ok or Path(temp).stat().st_size == 0:
            raise OSError(f"could not write {os.fspath(path)}")
