"""The language of the studio, switched while it runs: every word on screen in the new one at once.

Qt posts a LanguageChange to every widget when a translator is installed;
widgets that build their words in code (and the objects that are not
widgets: actions, menus, the pointer) are told here instead, all of them, so
nothing waits for the posted event or is missed.  A panel built later (the
landscape) is made in the language of the day.  Dock titles are said here:
they belong to the window's layout, not to the panels inside them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QWidget

from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.qt.shell.i18n import install_language, marked

DOCK_TITLES = {  # by the dock's objectName
    "controls_dock": QT_TRANSLATE_NOOP("MainWindow", "Controls"),
    "inspector_dock": QT_TRANSLATE_NOOP("MainWindow", "Inspector"),
    "probe_dock": QT_TRANSLATE_NOOP("MainWindow", "Prediction probe"),
    "runs_dock": QT_TRANSLATE_NOOP("MainWindow", "Runs"),
    "landscape_dock": QT_TRANSLATE_NOOP("MainWindow", "Landscape"),
    "decision_map_dock": QT_TRANSLATE_NOOP("MainWindow", "Decision map"),
    "gradient_health_dock": QT_TRANSLATE_NOOP("MainWindow", "Gradient health"),
}
TITLE = QT_TRANSLATE_NOOP("MainWindow", "BP Studio — backpropagation laboratory")


class Retranslatable(Protocol):
    def retranslate(self) -> None: ...


class LanguageSwitch:
    def __init__(
        self,
        window: QWidget,
        actions: dict[str, QAction],
        parts: Callable[[], Iterable[Retranslatable | None]],
    ) -> None:
        self.window = window
        self.actions = actions  # the Language menu's, by code
        self.parts = parts  # what says words in code; None for a panel not built yet
        self.language = "en"

    def set_language(self, code: str) -> None:
        """Switch language now; Qt sends LanguageChange and every view retranslates."""
        self.language = install_language(code)
        self.actions[self.language].setChecked(True)
        self.retranslate()  # now, not only when the posted LanguageChange arrives

    def retranslate(self) -> None:
        self.window.setWindowTitle(marked("MainWindow", TITLE))
        for dock in self.window.findChildren(QDockWidget):
            if dock.objectName() in DOCK_TITLES:
                dock.setWindowTitle(marked("MainWindow", DOCK_TITLES[dock.objectName()]))
        for part in self.parts():
            if part is not None:
                part.retranslate()
