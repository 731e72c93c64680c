"""Render the SVG icon to PNGs: the hicolor theme's sizes, or a Windows .ico.

    render_icons.py SVG OUT_DIR          OUT_DIR/NxN/apps/bpstudio.png for each size
    render_icons.py SVG FILE.ico         a multi-size Windows icon (Qt's ico plugin)
    render_icons.py SVG DIR.iconset      the PNG set macOS's iconutil turns into .icns
"""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    svg, out = Path(sys.argv[1]), Path(sys.argv[2])
    app = QGuiApplication([])  # noqa: F841 - QImage painting needs it
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        print(f"cannot read {svg}", file=sys.stderr)
        return 1
    def render(size: int) -> QImage:
        image = QImage(size, size, QImage.Format_ARGB32)
        image.fill(Qt.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        return image

    if out.suffix == ".ico":
        return 0 if render(256).save(str(out), "ICO") else 1
    if out.suffix == ".iconset":
        out.mkdir(parents=True, exist_ok=True)
        for size in (16, 32, 128, 256, 512):
            render(size).save(str(out / f"icon_{size}x{size}.png"))
            render(2 * size).save(str(out / f"icon_{size}x{size}@2x.png"))
        return 0
    for size in SIZES:
        target = out / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        render(size).save(str(target / "bpstudio.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
