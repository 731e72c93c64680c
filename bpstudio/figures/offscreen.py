"""A Qt application for drawing without a window, as the headless CLI needs.

With no display (a server, CI, an ssh session) Qt's default platform plugin
cannot start; the ``offscreen`` plugin can, and QPainter works the same.
"""

from __future__ import annotations

import os
import sys


def ensure_gui_application():
    """Return the running QGuiApplication, creating an offscreen one if there is none."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is not None:
        return app
    no_display = sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if no_display or os.environ.get("BPSTUDIO_HEADLESS"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(["bpstudio"])
