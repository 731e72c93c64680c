"""A dock of the studio window, optionally scrolled.

``scrolled`` lets a tall panel scroll instead of growing the window: two
panels stacked in one column at projector sizes (the landscape over the
decision map) asked for more than a 768-pixel screen, and the window grew past
it; on a 768-pixel laptop screen the controls may need to scroll too
(``sideways=False``: they never scroll sideways, they wrap).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QScrollArea, QWidget


def add_dock(
    window: QMainWindow, name: str, widget: QWidget, area: Qt.DockWidgetArea, scrolled: bool = False, sideways: bool = True
) -> QDockWidget:
    dock = QDockWidget(window)
    dock.setObjectName(name)
    if scrolled:
        scroller = QScrollArea()
        scroller.setObjectName(f"{name}_scroller")
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        if not sideways:
            scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setWidget(widget)
        widget = scroller
    dock.setWidget(widget)
    window.addDockWidget(area, dock)
    return dock
