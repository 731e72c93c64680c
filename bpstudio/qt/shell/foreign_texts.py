"""Texts of Qt and pyqtgraph that their own catalogues leave in English, said in the studio's language.

* Qt's Chinese catalogue (qtbase_zh_CN) predates the file dialog's "&Look in:" and
  "Files of &type:" (it has them without the ``&``): our catalogue carries them in
  Qt's own context, and ours is asked first.
* pyqtgraph's right-click menu (View All, X axis, Mouse Mode, Plot Options, Export…)
  has no Chinese at all, and is built once, in the language of that moment.  Its
  texts are set here, each time the menu pops up, from the English sources below:
  so they follow a language switch too.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGroupBox

from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.qt.shell.i18n import marked

# Collected by lupdate into our catalogue under Qt's own context.
FILE_DIALOG = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),  # the Type column (Qt 6 moved it here)
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
)

CONTEXT = "PlotMenu"
VIEW_ALL = QT_TRANSLATE_NOOP("PlotMenu", "View All")
AXIS = QT_TRANSLATE_NOOP("PlotMenu", "{axis} axis")
MOUSE_MODE = QT_TRANSLATE_NOOP("PlotMenu", "Mouse Mode")
MOUSE_MODES = (QT_TRANSLATE_NOOP("PlotMenu", "3 button"), QT_TRANSLATE_NOOP("PlotMenu", "1 button"))
PLOT_OPTIONS = QT_TRANSLATE_NOOP("PlotMenu", "Plot Options")
EXPORT = QT_TRANSLATE_NOOP("PlotMenu", "Export...")
# the Plot Options submenus, in pyqtgraph's order
PLOT_SUBMENUS = (
    QT_TRANSLATE_NOOP("PlotMenu", "Transforms"),
    QT_TRANSLATE_NOOP("PlotMenu", "Downsample"),
    QT_TRANSLATE_NOOP("PlotMenu", "Average"),
    QT_TRANSLATE_NOOP("PlotMenu", "Alpha"),
    QT_TRANSLATE_NOOP("PlotMenu", "Grid"),
    QT_TRANSLATE_NOOP("PlotMenu", "Points"),
)
# widgets of an axis submenu, by their attribute in pyqtgraph's form
AXIS_FORM = {
    "label": QT_TRANSLATE_NOOP("PlotMenu", "Link Axis:"),
    "autoRadio": QT_TRANSLATE_NOOP("PlotMenu", "Auto"),
    "manualRadio": QT_TRANSLATE_NOOP("PlotMenu", "Manual"),
    "invertCheck": QT_TRANSLATE_NOOP("PlotMenu", "Invert Axis"),
    "mouseCheck": QT_TRANSLATE_NOOP("PlotMenu", "Mouse Enabled"),
    "visibleOnlyCheck": QT_TRANSLATE_NOOP("PlotMenu", "Visible Data Only"),
    "autoPanCheck": QT_TRANSLATE_NOOP("PlotMenu", "Auto Pan Only"),
}
# widgets of the Plot Options submenus
PLOT_FORM = {
    "averageGroup": QT_TRANSLATE_NOOP("PlotMenu", "Average"),
    "clipToViewCheck": QT_TRANSLATE_NOOP("PlotMenu", "Clip to View"),
    "maxTracesCheck": QT_TRANSLATE_NOOP("PlotMenu", "Max Traces:"),
    "downsampleCheck": QT_TRANSLATE_NOOP("PlotMenu", "Downsample"),
    "peakRadio": QT_TRANSLATE_NOOP("PlotMenu", "Peak"),
    "forgetTracesCheck": QT_TRANSLATE_NOOP("PlotMenu", "Forget hidden traces"),
    "meanRadio": QT_TRANSLATE_NOOP("PlotMenu", "Mean"),
    "subsampleRadio": QT_TRANSLATE_NOOP("PlotMenu", "Subsample"),
    "autoDownsampleCheck": QT_TRANSLATE_NOOP("PlotMenu", "Auto"),
    "logXCheck": QT_TRANSLATE_NOOP("PlotMenu", "Log X"),
    "fftCheck": QT_TRANSLATE_NOOP("PlotMenu", "Power Spectrum (FFT)"),
    "logYCheck": QT_TRANSLATE_NOOP("PlotMenu", "Log Y"),
    "subtractMeanCheck": QT_TRANSLATE_NOOP("PlotMenu", "Subtract Mean"),
    "pointsGroup": QT_TRANSLATE_NOOP("PlotMenu", "Points"),
    "autoPointsCheck": QT_TRANSLATE_NOOP("PlotMenu", "Auto"),
    "xGridCheck": QT_TRANSLATE_NOOP("PlotMenu", "Show X Grid"),
    "yGridCheck": QT_TRANSLATE_NOOP("PlotMenu", "Show Y Grid"),
    "label": QT_TRANSLATE_NOOP("PlotMenu", "Opacity"),
    "alphaGroup": QT_TRANSLATE_NOOP("PlotMenu", "Alpha"),
    "autoAlphaCheck": QT_TRANSLATE_NOOP("PlotMenu", "Auto"),
}

_installed = [False]


def _say(widget, source: str) -> None:
    text = marked(CONTEXT, source)
    if isinstance(widget, QGroupBox):
        widget.setTitle(text)
    elif hasattr(widget, "setText"):
        widget.setText(text)


def _form(ui, texts: dict[str, str]) -> None:
    for attribute, source in texts.items():
        widget = getattr(ui, attribute, None)
        if widget is not None:
            _say(widget, source)


def translate_view_menu(menu: Any) -> None:  # pyqtgraph's ViewBoxMenu
    """Every text of a ViewBox's right-click menu, with what pyqtgraph adds to it, in the current language."""
    from pyqtgraph.graphicsItems.PlotItem import PlotItem

    menu.viewAll.setText(marked(CONTEXT, VIEW_ALL))
    subs: list[Any] = [action.menu() for action in menu.actions() if action.menu() is not None]
    for axis, sub, ui in zip("XY", subs, menu.ctrl, strict=False):
        sub.setTitle(marked(CONTEXT, AXIS).format(axis=axis))
        _form(ui, AXIS_FORM)
    if len(subs) > 2:
        subs[2].setTitle(marked(CONTEXT, MOUSE_MODE))
    for action, source in zip(menu.mouseModes, MOUSE_MODES, strict=False):
        action.setText(marked(CONTEXT, source))
    view = menu.view()
    item = None if view is None else view.parentItem()
    while item is not None and not isinstance(item, PlotItem):
        item = item.parentItem()
    if item is not None and item.ctrlMenu is not None:
        item.ctrlMenu.setTitle(marked(CONTEXT, PLOT_OPTIONS))
        for action, source in zip(item.ctrlMenu.actions(), PLOT_SUBMENUS, strict=False):
            submenu: Any = action.menu()
            if submenu is not None:
                submenu.setTitle(marked(CONTEXT, source))
        _form(item.ctrl, PLOT_FORM)
    scene = None if view is None else view.scene()
    for action in (getattr(scene, "contextMenu", None) or [])[:1]:  # the scene's first action is Export...
        action.setText(marked(CONTEXT, EXPORT))


def install() -> None:
    """Have every pyqtgraph right-click menu say its texts in the current language when it pops up."""
    if _installed[0]:
        return
    from pyqtgraph.graphicsItems.ViewBox.ViewBoxMenu import ViewBoxMenu

    original = ViewBoxMenu.popup

    def popup(self, *args):
        translate_view_menu(self)
        return original(self, *args)

    ViewBoxMenu.popup = popup
    _installed[0] = True
