"""Render the SVG icon to PNGs: the hicolor theme's sizes, or a Windows .ico.

    render_icons.py SVG OUT_DIR          OUT_DIR/NxN/apps/bpstudio.png for each size
    render_icons.py SVG FILE.ico         a Windows icon holding 16 to 256 px images
    render_icons.py SVG DIR.iconset      the PNG set macOS's iconutil turns into .icns
"""
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# What Windows picks from for the taskbar, Explorer's views and the installer (256 is the largest an .ico holds).
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def ico_file(pngs: dict[int, bytes]) -> bytes:
    """An .ico holding one PNG-compressed image per size (Qt's ICO writer keeps only one image).

    Layout: ICONDIR (reserved, type 1, count), one 16-byte ICONDIRENTRY per image
    (width and height, 0 meaning 256; colour count, reserved, planes, bits per pixel,
    size, offset), then the PNG data; Windows Vista and later read PNG entries.
    """
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, data in sorted(pngs.items()):
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset + len(images))
        images += data
    return header + entries + images


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
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice

        pngs = {}
        for size in ICO_SIZES:
            data = QByteArray()
            buffer = QBuffer(data)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            if not render(size).save(buffer, "PNG"):
                return 1
            pngs[size] = bytes(data.data())
        out.write_bytes(ico_file(pngs))
        return 0
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
