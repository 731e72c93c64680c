"""The wheel scrolls the panel; it changes a control only when that control has focus (issue 28)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea


def wheel(widget, notches: int = -1) -> None:
    """One wheel notch (down for -1) over the middle of ``widget``, delivered as Qt delivers it."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(widget.rect().center())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_a_wheel_over_an_unfocused_combo_box_scrolls_the_panel_and_changes_nothing(qtbot, open_studio):
    win = open_studio()
    win.resize(1366, 768)
    scroller = win.controls_dock.widget()
    assert isinstance(scroller, QScrollArea)
    bar = scroller.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5000)  # the panel is taller than its dock: it scrolls
    combo = win.controls.editors["init"]
    assert isinstance(combo, QComboBox) and combo.isEnabled()
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus  # a click focuses it, the wheel does not
    before, top = combo.currentIndex(), bar.value()
    wheel(combo)
    assert combo.currentIndex() == before and win.controls.config.init == win.last.config.init
    assert bar.value() > top  # the notch went to the panel
    assert not combo.hasFocus()


def test_a_focused_control_still_takes_the_wheel(qtbot, open_studio):
    win = open_studio()
    combo = win.controls.editors["init"]
    combo.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(combo.hasFocus, timeout=5000)
    before = combo.currentIndex()
    wheel(combo, notches=-1 if before < combo.count() - 1 else 1)
    assert combo.currentIndex() != before


def test_every_spin_box_combo_box_and_slider_of_the_window_is_guarded(qtbot, open_studio):
    from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QScrollBar

    win = open_studio()
    for dock in (win.landscape_dock, win.map_dock, win.health_dock):  # their panels are built when first shown
        dock.show()
        dock.raise_()
    found = [w for kind in (QAbstractSpinBox, QComboBox, QAbstractSlider) for w in win.findChildren(kind)]
    controls = [w for w in found if not isinstance(w, QScrollBar) and w.focusPolicy() != Qt.FocusPolicy.NoFocus]
    assert len(controls) >= 5
    assert all(w.focusPolicy() == Qt.FocusPolicy.StrongFocus for w in controls), [
        (type(w).__name__, w.objectName(), w.focusPolicy()) for w in controls if w.focusPolicy() != Qt.FocusPolicy.StrongFocus
    ]
