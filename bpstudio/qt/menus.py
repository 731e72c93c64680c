"""The window's menus: File, Training, View, Help.

Building them is long but flat; it lives here so that the window module
stays about composition and the flow of Updates.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMessageBox

from .. import __version__
from .export_menu import ExportMenu

ABOUT = (
    "<h3>BP Studio {version}</h3>"
    "<p>A desktop laboratory for backpropagation.</p>"
    "<p>After the article <i>Back Propagation - Python实现</i> (2021), whose ideas — linear and "
    "non-linear operations as links of one graph, the loss-influence chain of a weight, sums at "
    "the sources — this studio draws live.</p>"
)
LAST_DIGITS = (
    "<p>Adding the same numbers in a different order changes the last bit, and a vectorised "
    "engine adds in a different order than the article's per-sample loop.</p><p>This training "
    "run amplifies such differences, so after tens of thousands of iterations two correct programs "
    "agree only to a few digits: the same curve, not the same last digits.</p>"
)


def build_menus(window) -> None:
    """File, Training, View and Help; the actions they need are kept on the window."""
    file_menu = window.menuBar().addMenu("&File")
    window.files.add_to(file_menu)
    window.exports = ExportMenu(window)
    window.exports.add_to(file_menu)
    file_menu.addSeparator()
    quit_action = QAction("&Quit", window)
    quit_action.setShortcut(QKeySequence.Quit)
    quit_action.triggered.connect(window.close)
    file_menu.addAction(quit_action)
    train_menu = window.menuBar().addMenu("&Training")
    for action in window.actions_by_name.values():
        train_menu.addAction(action)
    view = window.menuBar().addMenu("&View")
    window.presentation_action = QAction("&Presentation mode", window, checkable=True)
    window.presentation_action.setObjectName("presentation")
    window.presentation_action.setShortcut(QKeySequence(Qt.Key_F5))
    window.presentation_action.setStatusTip("Large text, nodes and lines for a projector; side panels hidden")
    window.presentation_action.toggled.connect(window.set_presentation)
    view.addAction(window.presentation_action)
    themes = view.addMenu("&Theme")
    window.theme_group = QActionGroup(window)
    window.theme_actions = {}
    for name, text in (("light", "&Light"), ("dark", "&Dark")):
        act = QAction(text, window, checkable=True)
        act.setObjectName(f"theme_{name}")
        act.triggered.connect(lambda _=False, n=name: window.set_theme(n))
        window.theme_group.addAction(act)
        themes.addAction(act)
        window.theme_actions[name] = act
    view.addSeparator()
    window.log_action = QAction("Log scale for JVal", window, checkable=True)
    window.log_action.setObjectName("log_y")
    window.log_action.setShortcut(QKeySequence("Ctrl+L"))
    window.log_action.toggled.connect(window.plot.set_log_y)
    view.addAction(window.log_action)
    fit = QAction("Fit diagram to view", window)
    fit.setShortcut(QKeySequence("Ctrl+0"))
    fit.triggered.connect(window.network_view.fit)
    view.addAction(fit)
    for dock in (window.controls_dock, window.inspector_dock, window.probe_dock, window.runs_dock):
        view.addAction(dock.toggleViewAction())
    help_menu = window.menuBar().addMenu("&Help")
    tour = QAction("&Guided tour of the article's experiment", window)
    tour.setObjectName("guided_tour_action")
    tour.triggered.connect(window.tour.start)
    help_menu.addAction(tour)
    about = QAction("About BP Studio", window)
    about.setObjectName("about")
    about.triggered.connect(lambda: QMessageBox.about(window, "About BP Studio", ABOUT.format(version=__version__)))
    help_menu.addAction(about)
    digits = QAction("Why the last digits of a long run differ", window)
    digits.setObjectName("last_digits")
    digits.triggered.connect(lambda: QMessageBox.information(window, "Last digits", LAST_DIGITS))
    help_menu.addAction(digits)
