"""Help ▸ Manual (F1): the studio explained to a student alone, offline, in their language.

The texts are Markdown files shipped in the package (``resources/manual/en.md``
and ``zh_CN.md``) and shown with ``QTextBrowser``: a window beside the studio,
not a modal dialog, so the student can read and click at the same time.  It
follows the window's language, also while it is open: the menus' retranslation
calls :meth:`ManualAction.retranslate` (no event filter on the main window — a
Python filter is called while the widget it watches is being destroyed, and
crashes).
"""

from __future__ import annotations

from importlib.resources import files

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout

from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.qt.shell.i18n import current_language, marked

MENU_TEXT = QT_TRANSLATE_NOOP("Manual", "&Manual")
TITLE = QT_TRANSLATE_NOOP("Manual", "BP Studio manual")


def manual_markdown(language: str) -> str:
    """The manual's text in ``language`` ("en" or "zh_CN"); English when there is none."""
    folder = files("bpstudio.resources") / "manual"
    page = folder / f"{language}.md"
    if not page.is_file():
        page = folder / "en.md"
    return page.read_text(encoding="utf-8")


class ManualWindow(QDialog):
    """The manual in a browser of its own; links to the web open outside."""

    def __init__(self, language: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("manual_window")
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.setModal(False)
        self.browser = QTextBrowser()
        self.browser.setObjectName("manual_text")
        self.browser.setOpenExternalLinks(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.resize(760, 640)
        self.show_language(language)

    def show_language(self, language: str) -> None:
        self.language = language
        self.setWindowTitle(marked("Manual", TITLE))
        self.browser.setMarkdown(manual_markdown(language))


class ManualAction(QObject):
    """The Help ▸ Manual action (objectName ``manual``, F1) and the window it opens."""

    def __init__(self, menu, parent) -> None:
        super().__init__(parent)
        self.parent_widget = parent  # the manual opens beside it
        self.manual: ManualWindow | None = None
        self.action = QAction(parent)
        self.action.setObjectName("manual")
        self.action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.action.triggered.connect(self.open)
        menu.addAction(self.action)
        self.retranslate()

    def language(self) -> str:
        return current_language()

    def open(self) -> ManualWindow:
        if self.manual is None:
            self.manual = ManualWindow(self.language(), self.parent_widget)
        elif self.manual.language != self.language():
            self.manual.show_language(self.language())
        self.manual.show()
        self.manual.raise_()
        self.manual.activateWindow()
        return self.manual

    def retranslate(self) -> None:
        """The menu text, and an open manual, in the window's language (called by retranslate_menus)."""
        self.action.setText(marked("Manual", MENU_TEXT))
        if self.manual is not None and self.manual.language != self.language():
            self.manual.show_language(self.language())


__all__ = ["ManualAction", "ManualWindow", "manual_markdown"]
