"""The window's menus: File, Training, View, Learn, Help.

Building them is long but flat; it lives here so that the window module
stays about composition.  The menus get the pieces and handlers they need
(:class:`MenuHandlers`), never the window.  Texts are set in
:meth:`StudioMenus.retranslate`, which runs again when the language changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QMenuBar, QMessageBox, QWidget

import bpstudio  # its __version__ is looked up when first used
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.qt.files.export_menu import ExportMenu
from bpstudio.qt.files.session_files import SessionFiles
from bpstudio.qt.learning.exercises_panel import ExercisesAction
from bpstudio.qt.learning.glossary_dialog import open_glossary
from bpstudio.qt.learning.manual import ManualAction
from bpstudio.qt.shell.i18n import LANGUAGES, marked

ABOUT = QT_TRANSLATE_NOOP(
    "Menus",
    "<h3>BP Studio {version}</h3><p>A desktop laboratory for backpropagation.</p>"
    "<p>After the article <i>Back Propagation - Python实现</i> (2021), whose ideas — linear and "
    "non-linear operations as links of one graph, the loss-influence chain of a weight, sums at "
    "the sources — this studio draws live.</p>",
)
LAST_DIGITS = QT_TRANSLATE_NOOP(
    "Menus",
    "<p>Adding the same numbers in a different order changes the last bit, and a vectorised "
    "engine adds in a different order than the article's per-sample loop.</p><p>This training "
    "run amplifies such differences, so after tens of thousands of iterations two correct programs "
    "agree only to a few digits: the same curve, not the same last digits.</p>",
)
TEXTS = {
    "menu_file": QT_TRANSLATE_NOOP("Menus", "&File"),
    "menu_training": QT_TRANSLATE_NOOP("Menus", "&Training"),
    "menu_view": QT_TRANSLATE_NOOP("Menus", "&View"),
    "menu_theme": QT_TRANSLATE_NOOP("Menus", "&Theme"),
    "menu_language": QT_TRANSLATE_NOOP("Menus", "&Language"),
    "menu_help": QT_TRANSLATE_NOOP("Menus", "&Help"),
    "menu_learn": QT_TRANSLATE_NOOP("Menus", "&Learn"),
    "quit": QT_TRANSLATE_NOOP("Menus", "&Quit"),
    "presentation": QT_TRANSLATE_NOOP("Menus", "&Presentation mode"),
    "full_screen": QT_TRANSLATE_NOOP("Menus", "&Full screen"),
    "menu_presentation_size": QT_TRANSLATE_NOOP("Menus", "Presentation &size"),
    "size_auto": QT_TRANSLATE_NOOP("Menus", "&Automatic (for this screen)"),
    "size_small": QT_TRANSLATE_NOOP("Menus", "&Small — digits 12 px"),
    "size_medium": QT_TRANSLATE_NOOP("Menus", "&Medium — digits 14 px (1366×768)"),
    "size_large": QT_TRANSLATE_NOOP("Menus", "&Large — digits 18 px (1920×1080)"),
    "size_huge": QT_TRANSLATE_NOOP("Menus", "&Extra large — digits 22 px"),
    "theme_light": QT_TRANSLATE_NOOP("Menus", "&Light"),
    "theme_dark": QT_TRANSLATE_NOOP("Menus", "&Dark"),
    "log_y": QT_TRANSLATE_NOOP("Menus", "Log scale for JVal"),
    "fit": QT_TRANSLATE_NOOP("Menus", "Fit diagram to view"),
    "guided_tour_action": QT_TRANSLATE_NOOP("Menus", "&Guided tour of the article's experiment"),
    "about": QT_TRANSLATE_NOOP("Menus", "About BP Studio"),
    "last_digits": QT_TRANSLATE_NOOP("Menus", "Why the last digits of a long run differ"),
    "glossary": QT_TRANSLATE_NOOP("Menus", "&Glossary"),
}
TIPS = {
    "presentation": QT_TRANSLATE_NOOP("Menus", "Large text, nodes and lines for a projector; side panels hidden"),
    "size_auto": QT_TRANSLATE_NOOP("Menus", "Digits 14 px tall on a screen under 900 lines, 18 px up to 1300, 22 px above"),
    "glossary": QT_TRANSLATE_NOOP("Menus", "Every term and symbol the window shows; Shift+F1 over a tooltip opens the term it uses"),
}
PRESENTATION_SIZE_KEYS = ("auto", "small", "medium", "large", "huge")


@dataclass(frozen=True)
class MenuHandlers:
    """What the menus call: the window's gestures, passed in, so the menus never reach into it."""

    quit: Callable[[], object]
    set_presentation: Callable[[bool], None]
    set_theme: Callable[[str], None]
    set_language: Callable[[str], None]
    set_log_y: Callable[[bool], None]
    fit_diagram: Callable[[], None]
    restart_tour: Callable[[], None]
    set_full_screen: Callable[[bool], None] = lambda _on: None
    set_presentation_size: Callable[[str], None] = lambda _size: None


class StudioMenus(QObject):
    """File, Training, View and Help, and the actions other parts read (presentation, theme, language, log).

    Built from the pieces it lists — the session files, the exports, the
    training actions, the docks — and the handlers it calls; it keeps its own
    actions, so nothing is set on the window from outside.
    """

    def __init__(
        self,
        bar: QMenuBar,
        parent: QWidget,
        handlers: MenuHandlers,
        files: SessionFiles,
        exports: ExportMenu,
        training_actions: Iterable[QAction],
        docks: Iterable[QDockWidget],
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.files, self.exports = files, exports
        self.menus: dict[str, QMenu] = {}
        self.actions: dict[str, QAction] = {}

        file_menu = self._menu("menu_file", bar)
        files.add_to(file_menu)
        exports.add_to(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self._action("quit", handlers.quit, QKeySequence.StandardKey.Quit))
        train_menu = self._menu("menu_training", bar)
        for act in training_actions:
            train_menu.addAction(act)
        view = self._menu("menu_view", bar)
        self.presentation = self._action("presentation", shortcut=Qt.Key.Key_F5, checkable=True)
        self.presentation.toggled.connect(handlers.set_presentation)
        view.addAction(self.presentation)
        # F11 itself: the standard full-screen key sequence is empty on X11 without a desktop's theme
        self.full_screen = self._action("full_screen", shortcut=Qt.Key.Key_F11, checkable=True)
        self.full_screen.toggled.connect(handlers.set_full_screen)
        view.addAction(self.full_screen)
        sizes = self._menu("menu_presentation_size", view)
        self.size_group = QActionGroup(parent)
        self.size_actions: dict[str, QAction] = {}
        for size in PRESENTATION_SIZE_KEYS:
            act = self._action(f"size_{size}", lambda _=False, s=size: handlers.set_presentation_size(s), checkable=True)
            self.size_group.addAction(act)
            sizes.addAction(act)
            self.size_actions[size] = act
        themes = self._menu("menu_theme", view)
        self.theme_group = QActionGroup(parent)
        self.theme_actions: dict[str, QAction] = {}
        for name in ("light", "dark"):
            act = self._action(f"theme_{name}", lambda _=False, n=name: handlers.set_theme(n), checkable=True)
            self.theme_group.addAction(act)
            themes.addAction(act)
            self.theme_actions[name] = act
        languages = self._menu("menu_language", view)
        self.language_group = QActionGroup(parent)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            act = QAction(name, parent, checkable=True)  # each language named in itself
            act.setObjectName(f"language_{code}")
            act.triggered.connect(lambda _=False, c=code: handlers.set_language(c))
            self.language_group.addAction(act)
            languages.addAction(act)
            self.language_actions[code] = act
        view.addSeparator()
        self.log_y = self._action("log_y", shortcut="Ctrl+L", checkable=True)
        self.log_y.toggled.connect(handlers.set_log_y)
        view.addAction(self.log_y)
        view.addAction(self._action("fit", handlers.fit_diagram, "Ctrl+0"))
        for dock in docks:
            view.addAction(dock.toggleViewAction())
        self.view_menu = view
        self.exercises = ExercisesAction(self._menu("menu_learn", bar), parent, exports.model)  # Learn ▸ Exercises
        help_menu = self._menu("menu_help", bar)
        help_menu.addAction(self._action("guided_tour_action", handlers.restart_tour))
        help_menu.addAction(self._action("about", self._about))
        help_menu.addAction(self._action("last_digits", self._last_digits))
        help_menu.addAction(self._action("glossary", lambda: open_glossary(self.parent_widget), "Shift+F1"))
        self.manual = ManualAction(help_menu, parent)  # Help ▸ Manual, F1
        self.retranslate()

    def _menu(self, key: str, parent: QMenuBar | QMenu) -> QMenu:
        self.menus[key] = parent.addMenu("")
        return self.menus[key]

    def _action(self, key: str, slot=None, shortcut=None, checkable: bool = False) -> QAction:
        act = QAction(self.parent_widget, checkable=checkable)
        act.setObjectName(key)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        if slot is not None:
            act.triggered.connect(slot)
        self.actions[key] = act
        return act

    def menu(self, key: str) -> QMenu:
        return self.menus[key]

    def _about(self) -> None:
        QMessageBox.about(
            self.parent_widget,
            QCoreApplication.translate("Menus", "About BP Studio"),
            marked("Menus", ABOUT).format(version=bpstudio.__version__),
        )

    def _last_digits(self) -> None:
        QMessageBox.information(
            self.parent_widget,
            QCoreApplication.translate("Menus", "Why the last digits of a long run differ"),
            marked("Menus", LAST_DIGITS),
        )

    def retranslate(self) -> None:
        for key, menu in self.menus.items():
            menu.setTitle(marked("Menus", TEXTS[key]))
        for key, act in self.actions.items():
            act.setText(marked("Menus", TEXTS[key]))
            if key in TIPS:
                act.setStatusTip(marked("Menus", TIPS[key]))
        self.files.retranslate()
        self.exports.retranslate()
        self.manual.retranslate()
        self.exercises.retranslate()
