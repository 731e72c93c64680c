"""Presentation mode and themes: sizes, hidden panels, colours, and they come back."""

from PySide6.QtGui import QFontMetricsF, QPalette
from PySide6.QtWidgets import QApplication

from bpstudio.qt.shell.appearance import DARK, LIGHT


def node_radius(window):
    """A node's radius as drawn on screen: its radius in the scene times the view's zoom."""
    view = window.network_view
    return next(iter(view.nodes.values())).radius * view.transform().m22()


def digit_height(font):
    return QFontMetricsF(font).capHeight()


def test_presentation_mode_scales_and_hides_panels(qtbot, open_studio):
    win = open_studio()
    app = QApplication.instance()
    font_before, radius_before = digit_height(app.font()), node_radius(win)
    pen_before = win.network_view.weight_edges[win.network_view.selected_param].pen().widthF()
    assert win.controls_dock.isVisible()
    win.menus.presentation.setChecked(True)
    assert digit_height(app.font()) > 1.4 * font_before
    assert node_radius(win) > 1.4 * radius_before
    assert win.network_view.weight_edges[win.network_view.selected_param].pen().widthF() > 1.4 * pen_before
    assert not win.controls_dock.isVisible() and not win.probe_dock.isVisible()
    assert win.inspector_dock.isVisible()  # the chain stays in view
    assert win.network_view.selected_param == 0 and win.network_view.selection_tag is not None
    win.menus.presentation.setChecked(False)
    assert digit_height(app.font()) == font_before and node_radius(win) == radius_before
    assert win.controls_dock.isVisible() and win.probe_dock.isVisible()


def test_theme_switch(qtbot, open_studio):
    win = open_studio()
    app = QApplication.instance()
    win.menus.theme_actions["dark"].trigger()
    assert app.palette().color(QPalette.Window).lightness() < 80
    assert win.network_view.backgroundBrush().color().name() == DARK.background
    edge = win.network_view.weight_edges[0]
    assert edge.pen().color().name().lower() == DARK.selected.lower()  # W0[0,0] is selected
    win.menus.theme_actions["light"].trigger()
    assert app.palette().color(QPalette.Window).lightness() > 180
    assert win.network_view.backgroundBrush().color().name() == LIGHT.background


def test_negative_weights_are_dashed_not_only_coloured(open_studio):
    win = open_studio()
    view = win.network_view
    view.select_param(None)
    styles = {(item.weight < 0, item.pen().style()) for item in view.weight_edges.values()}
    from PySide6.QtCore import Qt

    assert (True, Qt.DashLine) in styles and (False, Qt.SolidLine) in styles
    assert (True, Qt.SolidLine) not in styles and (False, Qt.DashLine) not in styles


def test_f11_fills_the_screen_and_the_action_follows_the_window(qtbot, open_studio):
    from PySide6.QtGui import QKeySequence

    win = open_studio()
    action = win.menus.full_screen
    assert action.shortcut() == QKeySequence("F11")  # the standard sequence is empty on a bare X11
    action.setChecked(True)
    qtbot.waitUntil(win.isFullScreen, timeout=5000)
    win.showNormal()  # as a window manager's gesture would
    qtbot.waitUntil(lambda: not win.isFullScreen(), timeout=5000)
    assert not action.isChecked()
