"""The window's menus: File, Training, View, Help.

Building them is long but flat; it lives here so that the window module
stays about composition and the flow of Updates.  Texts are set in
:func:`retranslate_menus`, which runs again when the language changes.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMessageBox

from .. import __version__
from ..engine.messages import QT_TRANSLATE_NOOP
from .export_menu import ExportMenu
from .i18n import LANGUAGES, marked
from .manual import add_manual

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
    "quit": QT_TRANSLATE_NOOP("Menus", "&Quit"),
    "presentation": QT_TRANSLATE_NOOP("Menus", "&Presentation mode"),
    "theme_light": QT_TRANSLATE_NOOP("Menus", "&Light"),
    "theme_dark": QT_TRANSLATE_NOOP("Menus", "&Dark"),
    "log_y": QT_TRANSLATE_NOOP("Menus", "Log scale for JVal"),
    "fit": QT_TRANSLATE_NOOP("Menus", "Fit diagram to view"),
    "guided_tour_action": QT_TRANSLATE_NOOP("Menus", "&Guided tour of the article's experiment"),
    "about": QT_TRANSLATE_NOOP("Menus", "About BP Studio"),
    "last_digits": QT_TRANSLATE_NOOP("Menus", "Why the last digits of a long run differ"),
}
TIPS = {
    "presentation": QT_TRANSLATE_NOOP("Menus", "Large text, nodes and lines for a projector; side panels hidden"),
}


def build_menus(window) -> None:
    """File, Training, View and Help; the actions they need are kept on the window."""
    window.menus = {}
    window.menu_actions = {}
    bar = window.menuBar()

    def menu(key, parent=bar):
        window.menus[key] = parent.addMenu("")
        return window.menus[key]

    def action(key, slot=None, shortcut=None, checkable=False):
        act = QAction(window, checkable=checkable)
        act.setObjectName(key)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        if slot is not None:
            act.triggered.connect(slot)
        window.menu_actions[key] = act
        return act

    file_menu = menu("menu_file")
    window.files.add_to(file_menu)
    window.exports = ExportMenu(window)
    window.exports.add_to(file_menu)
    file_menu.addSeparator()
    file_menu.addAction(action("quit", window.close, QKeySequence.StandardKey.Quit))
    train_menu = menu("menu_training")
    for act in window.actions_by_name.values():
        train_menu.addAction(act)
    view = menu("menu_view")
    window.presentation_action = action("presentation", shortcut=Qt.Key.Key_F5, checkable=True)
    window.presentation_action.toggled.connect(window.set_presentation)
    view.addAction(window.presentation_action)
    themes = menu("menu_theme", view)
    window.theme_group = QActionGroup(window)
    window.theme_actions = {}
    for name in ("light", "dark"):
        act = action(f"theme_{name}", lambda _=False, n=name: window.set_theme(n), checkable=True)
        window.theme_group.addAction(act)
        themes.addAction(act)
        window.theme_actions[name] = act
    languages = menu("menu_language", view)
    window.language_group = QActionGroup(window)
    window.language_actions = {}
    for code, name in LANGUAGES.items():
        act = QAction(name, window, checkable=True)  # each language named in itself
        act.setObjectName(f"language_{code}")
        act.triggered.connect(lambda _=False, c=code: window.set_language(c))
        window.language_group.addAction(act)
        languages.addAction(act)
        window.language_actions[code] = act
    view.addSeparator()
    window.log_action = action("log_y", shortcut="Ctrl+L", checkable=True)
    window.log_action.toggled.connect(window.plot.set_log_y)
    view.addAction(window.log_action)
    view.addAction(action("fit", window.network_view.fit, "Ctrl+0"))
    for dock in (window.controls_dock, window.inspector_dock, window.probe_dock, window.runs_dock):
        view.addAction(dock.toggleViewAction())
    help_menu = menu("menu_help")
    help_menu.addAction(action("guided_tour_action", window.tour.restart))
    help_menu.addAction(action("about", lambda: QMessageBox.about(
        window, QCoreApplication.translate("Menus", "About BP Studio"), marked("Menus", ABOUT).format(version=__version__))))
    help_menu.addAction(action("last_digits", lambda: QMessageBox.information(
        window, QCoreApplication.translate("Menus", "Why the last digits of a long run differ"), marked("Menus", LAST_DIGITS))))
    add_manual(window, help_menu)  # Help ▸ Manual, F1
    retranslate_menus(window)


def retranslate_menus(window) -> None:
    for key, menu in window.menus.items():
        menu.setTitle(marked("Menus", TEXTS[key]))
    for key, act in window.menu_actions.items():
        act.setText(marked("Menus", TEXTS[key]))
        if key in TIPS:
            act.setStatusTip(marked("Menus", TIPS[key]))
    window.files.retranslate()
    window.exports.retranslate()
    window.manual.retranslate()
