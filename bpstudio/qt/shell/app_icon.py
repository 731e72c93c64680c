"""The application icon, from the SVG that ships in bpstudio.resources."""

from __future__ import annotations

from importlib.resources import files

from PySide6.QtGui import QIcon


def app_icon() -> QIcon:
    path = files("bpstudio.resources") / "icons" / "bpstudio.svg"
    return QIcon(str(path))
