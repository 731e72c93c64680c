"""The Lessons menu and the box its text is read in.

Lessons are data (bpstudio.control.learning.lessons); this module only renders them:
one QAction per lesson in a menu named ``lessons``, and a dismissable box
above the diagram with the chosen lesson's title and text in the current
language.  Choosing a lesson hands its preset and its weight to ``set_up``
(the window's "this run, paused at iteration 0, this weight selected"), so
the text is true of what the class sees.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMenuBar,
    QToolButton,
    QVBoxLayout,
)

from bpstudio.control.learning.lessons import LESSONS, Lesson
from bpstudio.engine.config import RunConfig
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.qt.shell.i18n import marked

MENU_TITLE = QT_TRANSLATE_NOOP("Lessons", "L&essons")


class LessonBox(QFrame):
    """The chosen lesson's title and text, where the class reads them; × puts it away."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("lesson_box")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#lesson_box { background: #eef6ee; border: 1px solid #009E73; }#lesson_box QLabel { color: #0f2d1f; }")
        self.lesson: Lesson | None = None
        self.collapsed = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 6)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("lesson_title")
        self.close_button = QToolButton()
        self.close_button.setObjectName("lesson_close")
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        self.expand_button = QToolButton()  # while collapsed to its title: the text back on demand
        self.expand_button.setObjectName("lesson_expand")
        self.expand_button.setAutoRaise(True)
        self.expand_button.setCheckable(True)
        self.expand_button.toggled.connect(self._show_text)
        self.expand_button.hide()
        top.addWidget(self.title, 1)
        top.addWidget(self.expand_button)
        top.addWidget(self.close_button)
        self.text = QLabel()
        self.text.setObjectName("lesson_text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)  # see unbroken_norms
        layout.addLayout(top)
        layout.addWidget(self.text)
        self.hide()

    def set_look(self) -> None:
        """Follow the application's font (larger in presentation mode): a styled frame keeps its own."""
        font = QFont(QApplication.font())
        for label in (self.title, self.text, self.close_button, self.expand_button):
            label.setFont(font)

    def set_collapsed(self, collapsed: bool) -> None:
        """One line (the title) on a projector and in a phase walk; ▸ opens the text again (and it stays open)."""
        if collapsed == self.collapsed:
            return
        self.collapsed = collapsed
        self.expand_button.setVisible(collapsed)
        was = self.expand_button.blockSignals(True)
        self.expand_button.setChecked(False)
        self.expand_button.blockSignals(was)
        self._show_text(not collapsed)

    def _show_text(self, shown: bool) -> None:
        self.text.setVisible(shown)
        self.expand_button.setText("▾" if shown else "▸")

    def show_lesson(self, lesson: Lesson) -> None:
        self.lesson = lesson
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        self.close_button.setToolTip(self.tr("Put the lesson's text away"))
        self.expand_button.setToolTip(self.tr("Show or hide the lesson's text"))
        if self.lesson is None:
            return
        name = self.tr("Lesson: {title}").format(title=marked("Lessons", self.lesson.title))
        self.title.setText(f"<b>{name}</b>")
        self.text.setText(unbroken_norms(marked("Lessons", self.lesson.text)))


def unbroken_norms(text: str) -> str:
    """The text as rich text in which a norm such as ‖∂L/∂W⁽ˡ⁾‖ never breaks across lines (it broke after the /)."""
    return NORM.sub(lambda match: f"<span style='white-space:nowrap'>{match.group(0)}</span>", html.escape(text, quote=False))


NORM = re.compile("‖[^‖]+‖")


class LessonsMenu(QObject):
    """One action per lesson; choosing one sets its run up and shows its text."""

    def __init__(self, bar: QMenuBar, before: QAction | None, box: LessonBox, set_up: Callable[[RunConfig, int | None], bool]) -> None:
        super().__init__(bar)
        self.box = box
        self.set_up = set_up
        self.menu = QMenu(bar)
        self.menu.setObjectName("lessons")
        if before is None:
            bar.addMenu(self.menu)
        else:
            bar.insertMenu(before, self.menu)
        self.actions: dict[str, QAction] = {}
        for lesson in LESSONS:
            action = QAction(self.menu)
            action.setObjectName(f"lesson_{lesson.key}")
            action.triggered.connect(lambda _=False, chosen=lesson: self.choose(chosen))
            self.menu.addAction(action)
            self.actions[lesson.key] = action
        self.retranslate()

    def choose(self, lesson: Lesson) -> None:
        if self.set_up(lesson.config, lesson.param_index()):  # False: the user kept the work on screen
            self.box.show_lesson(lesson)

    def retranslate(self) -> None:
        self.menu.setTitle(marked("Lessons", MENU_TITLE))
        for lesson in LESSONS:
            self.actions[lesson.key].setText(marked("Lessons", lesson.title))
        self.box.retranslate()
