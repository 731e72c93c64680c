"""The mouse wheel scrolls the panel; it changes a control only when that control has focus.

One notch over an unfocused combo box in Controls once switched Init from
uniform to zeros and started a new run while the student meant to scroll the
panel (issue 28).  One application-wide event filter covers every spin box,
combo box and slider in every panel, present and future:

* a wheel event over such a control without focus is handed to the nearest
  scroll area around it (the panel's), which scrolls; outside any scroll area
  it is ignored, and Qt offers it to the parent;
* each such control takes focus on a click or Tab, not on the wheel
  (``StrongFocus``; Qt's default ``WheelFocus`` would focus it on the very
  notch that should have scrolled).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox, QScrollBar, QWidget

GUARDED = (QAbstractSpinBox, QComboBox, QAbstractSlider)


def guarded(widget: QObject) -> bool:
    """A control the wheel must not change unfocused; a scroll bar is for scrolling, and always scrolls."""
    return isinstance(widget, GUARDED) and not isinstance(widget, QScrollBar)


_WATCHED = (QEvent.Type.Wheel, QEvent.Type.Polish)


class WheelGuard(QObject):
    """The application's event filter (see the module's docstring)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind not in _WATCHED or not (isinstance(watched, QWidget) and guarded(watched)):
            return False  # every other event of the application passes at once
        if kind == QEvent.Type.Wheel and isinstance(event, QWheelEvent):
            if not watched.hasFocus():  # a combo box's popup list is a view of its own, not guarded
                return _to_the_panel(watched, event)
        elif kind == QEvent.Type.Polish:
            click_to_focus(watched)
        return False


def _to_the_panel(control: QWidget, event: QWheelEvent) -> bool:
    """Scroll the nearest scroll area around ``control`` instead of changing it; True: the event is handled.

    Handed on explicitly rather than left to Qt's propagation of an ignored
    event, which Qt 6 does for the mouse's own events only (not for one sent by
    the program, such as a test's).
    """
    area = control.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    if area is None:
        event.ignore()  # not for this control: Qt offers the mouse's own event to the parent
        return True
    viewport = area.viewport()
    where = QPointF(viewport.mapFromGlobal(event.globalPosition().toPoint()))
    handed = QWheelEvent(
        where,
        event.globalPosition(),
        event.pixelDelta(),
        event.angleDelta(),
        event.buttons(),
        event.modifiers(),
        event.phase(),
        event.inverted(),
        event.source(),
    )
    QCoreApplication.sendEvent(viewport, handed)
    event.accept()
    return True


def click_to_focus(widget: QWidget) -> None:
    """A click or Tab focuses ``widget``, the wheel does not (a widget that takes no focus is left so)."""
    if widget.focusPolicy() in (Qt.FocusPolicy.WheelFocus, Qt.FocusPolicy.TabFocus, Qt.FocusPolicy.ClickFocus):
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def guard_the_wheel() -> WheelGuard | None:
    """Install the guard on the running application, once; returns it (None without an application)."""
    app = QCoreApplication.instance()
    if app is None:
        return None
    guard = app.findChild(WheelGuard, "wheel_guard")
    if guard is None:
        guard = WheelGuard(app)
        guard.setObjectName("wheel_guard")
        app.installEventFilter(guard)
        for widget in QApplication.allWidgets():  # those made (and polished) before the guard
            if guarded(widget):
                click_to_focus(widget)
    return guard
