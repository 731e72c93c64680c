"""What a lecture on a 1366×768 projector found, mended (issue #24): each test failed before its fix."""

import unicodedata

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from bpstudio.qt.studio_settings import fill_most_of_the_screen


def chosen(qtbot, win, index=0):
    """Select a parameter and wait until its numbers are in."""
    win.network_view.select_param(index)
    qtbot.waitUntil(lambda: win.inspector.view is not None and win.inspector.view.index == index, timeout=10000)
    return win.inspector


def combining(text):
    return [c for c in text if unicodedata.combining(c)]


def test_adams_first_step_says_m_hat_and_v_hat_in_typeset_glyphs_in_both_languages(qtbot, open_studio):
    win = open_studio()  # Adam, the default
    with qtbot.waitSignal(win.thread.updated, timeout=5000):
        win.findChild(QAction, "step").trigger()
    inspector = chosen(qtbot, win)
    qtbot.waitUntil(lambda: inspector.view.exact and inspector.view.iteration == 1, timeout=10000)
    qtbot.waitUntil(lambda: inspector.adam_first.svg_text != "", timeout=20000)
    for language in ("en", "zh_CN"):
        if language != "en":
            inspector.adam_first.clear()
            win.findChild(QAction, "language_zh_CN").trigger()
            qtbot.waitUntil(lambda: inspector.adam_first.svg_text != "", timeout=20000)
        note = inspector.step_note.text()
        assert "sign(g)" in note
        assert not combining(note), note  # a combining hat lands on another letter, or drops out
        assert inspector.adam_first.isVisibleTo(inspector)
        assert "<path" in inspector.adam_first.svg_text or "<use" in inspector.adam_first.svg_text
    # what the formula claims holds for the step the table shows: m̂ = g and v̂ = g² at t = 1
    values = {left: value for left, _, value in inspector.view.step_lines}
    g = values["g"]
    assert abs(values[r"\hat{m}"] - g) <= 1e-12 * max(1.0, abs(g))
    assert abs(values[r"\hat{v}"] - g * g) <= 1e-12 * max(1.0, g * g)
    # a second step has history: the note and its formula go
    with qtbot.waitSignal(win.thread.updated, timeout=5000):
        win.findChild(QAction, "step").trigger()
    qtbot.waitUntil(lambda: inspector.view.iteration == 2 and inspector.view.exact, timeout=10000)
    assert not inspector.adam_first.isVisibleTo(inspector)
    assert "sign(g)" not in inspector.step_note.text()


class _Screen:
    def __init__(self, rect):
        self.rect = rect

    def availableGeometry(self):
        return self.rect


@pytest.mark.parametrize("free", [(0, 0, 1366, 728), (0, 0, 1366, 768), (0, 0, 1280, 1024)])
def test_a_first_start_on_a_small_screen_keeps_the_frame_and_status_bar_on_it(qtbot, free):
    """Sized to the whole free area, the window's frame pushed the status bar off a 1366×768 screen."""
    window = QMainWindow()
    qtbot.addWidget(window)
    area = QRect(*free)
    window.screen = lambda: _Screen(area)
    fill_most_of_the_screen(window)
    assert window.isMaximized()


def test_a_first_start_on_a_large_screen_is_centred_with_room_for_the_frame(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    area = QRect(0, 0, 1920, 1040)
    window.screen = lambda: _Screen(area)
    fill_most_of_the_screen(window)
    assert not window.isMaximized()
    assert (window.width(), window.height()) == (round(1920 * 0.9), round(1040 * 0.9))
    title_bar, border = 32, 8  # a large window manager's frame still fits inside the free area
    frame = QRect(window.x(), window.y(), window.width() + 2 * border, window.height() + title_bar + border)
    assert area.contains(frame)


def test_another_weight_starts_at_the_top_of_the_inspector(qtbot, open_studio):
    win = open_studio()
    inspector = chosen(qtbot, win, 0)
    qtbot.waitUntil(lambda: inspector.verticalScrollBar().maximum() > 0, timeout=10000)
    bar = inspector.verticalScrollBar()
    bar.setValue(bar.maximum())  # read down to the nudge
    assert bar.value() > 0
    chosen(qtbot, win, 5)
    assert bar.value() == 0
    chosen(qtbot, win, 5)  # the same weight again (a new iteration's numbers) keeps the reader's place
    bar.setValue(bar.maximum() // 2)
    win.inspector.show_selection(5, win.inspector.chain)
    assert bar.value() == bar.maximum() // 2


def in_sight(inspector, widget):
    top = widget.mapTo(inspector.viewport(), QPoint(0, 0)).y()
    return top >= 0 and top + widget.height() <= inspector.viewport().height()


def test_the_nudge_result_comes_into_sight_and_says_when_the_run_has_moved_on(qtbot, open_studio):
    win = open_studio()
    inspector = chosen(qtbot, win, 3)
    qtbot.waitUntil(lambda: inspector.nudge_button.isEnabled(), timeout=10000)
    qtbot.waitUntil(lambda: all(v.svg_text for v in (inspector.formula, inspector.links)), timeout=20000)
    assert not in_sight(inspector, inspector.nudge_box)  # below the fold at 1366×768
    inspector.nudge_delta.setValue(0.0001)
    with qtbot.waitSignal(win.model_signals.nudge_ready, timeout=10000):
        inspector.nudge_button.click()
    qtbot.waitUntil(lambda: in_sight(inspector, inspector.nudge_result), timeout=5000)
    assert inspector.last_nudge.iteration == 0 and inspector.last_nudge.index == 3
    assert "again" not in inspector.nudge_result.text()
    with qtbot.waitSignal(win.thread.updated, timeout=5000):
        win.findChild(QAction, "step").trigger()
    qtbot.waitUntil(lambda: inspector.view.iteration == 1, timeout=10000)
    text = inspector.nudge_result.text()
    assert "Nudged at iteration 0" in text and "iteration 1" in text and "nudge again" in text
    win.findChild(QAction, "language_zh_CN").trigger()
    assert "再" in inspector.nudge_result.text()
