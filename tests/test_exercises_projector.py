"""The exercise sheet on a projector (issue 28): its question and answer grow with presentation mode (F5),
as the inspector's text does, and come back with it."""

from PySide6.QtGui import QAction, QFontInfo
from PySide6.QtWidgets import QApplication


def pixels(widget) -> int:
    return QFontInfo(widget.font()).pixelSize()


def test_the_exercise_panel_follows_presentation_mode(qtbot, open_studio):
    win = open_studio()
    win.findChild(QAction, "exercises").trigger()
    panel = win.menus.exercises.panel
    qtbot.waitUntil(lambda: panel is not None and panel.isVisible(), timeout=10000)
    normal_prompt, normal_answer = pixels(panel.prompt), pixels(panel.answer)
    normal_label = pixels(panel.answer_label)  # a widget without a font of its own follows the application's
    win.findChild(QAction, "presentation").trigger()
    qtbot.waitUntil(lambda: pixels(panel.answer_label) > normal_label, timeout=5000)
    app = QFontInfo(QApplication.font()).pixelSize()
    qtbot.waitUntil(lambda: pixels(panel.prompt) > normal_prompt and pixels(panel.answer) > normal_answer, timeout=5000)
    assert pixels(panel.prompt) >= app  # a little larger than the projector's text, never smaller
    assert abs(pixels(panel.prompt) - 1.15 * app) <= 1.5
    win.findChild(QAction, "presentation").trigger()
    qtbot.waitUntil(lambda: pixels(panel.prompt) == normal_prompt and pixels(panel.answer) == normal_answer, timeout=5000)
