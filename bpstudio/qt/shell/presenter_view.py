"""The presenter view: on the teacher's screen, the scene's note, the next scene's thumbnail and a clock.

Shown only while a lecture is open and a second screen is there (the studio
goes on the projector, this small window on the other screen).  The
thumbnail is the scene's slide (:func:`.scene_slides.render_scene`), drawn
offscreen from the scene's data, so it shows the prepared scene whatever the
studio shows now.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPixmap, QScreen
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from bpstudio.control.files.scene import Scene
from bpstudio.qt.shell.safe_text import plain_label

THUMBNAIL = (384, 216)


class PresenterView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presenter_view")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)  # the studio keeps the keys
        self.title = plain_label(QLabel())
        self.title.setObjectName("presenter_title")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title.setFont(font)
        self.note = QPlainTextEdit()
        self.note.setObjectName("presenter_note")
        self.note.setReadOnly(True)
        note_font = self.note.font()
        note_font.setPointSizeF(note_font.pointSizeF() * 1.5)  # read at a glance, from a step away
        self.note.setFont(note_font)
        self.next_label = plain_label(QLabel())
        self.thumbnail = QLabel()
        self.thumbnail.setObjectName("presenter_next")
        self.thumbnail.setFixedSize(*THUMBNAIL)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clock = QLabel()
        self.clock.setObjectName("presenter_clock")
        clock_font = self.clock.font()
        clock_font.setPointSizeF(clock_font.pointSizeF() * 2)
        self.clock.setFont(clock_font)
        layout = QVBoxLayout(self)
        for widget in (self.clock, self.title, self.note, self.next_label, self.thumbnail):
            layout.addWidget(widget)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        self.tick()
        self.resize(460, 640)

    def show_scenes(self, number: int, scene: Scene, following: Scene | None) -> None:
        """Scene ``number`` (from 1) is on the projector; ``following`` comes next (None: the last)."""
        from bpstudio.qt.files.scene_slides import render_scene  # draws a diagram: only when a lecture is presented

        self.title.setText(
            self.tr("Scene {n}: {title}").format(n=number, title=scene.view.title)
            if scene.view.title
            else self.tr("Scene {n}").format(n=number)
        )
        self.note.setPlainText(scene.view.note or self.tr("(no note)"))
        if following is None or following.saved is None:
            self.next_label.setText(self.tr("Next: the end of the lecture"))
            self.thumbnail.clear()
            return
        self.next_label.setText(self.tr("Next: {title}").format(title=following.view.title) if following.view.title else self.tr("Next:"))
        self.thumbnail.setPixmap(QPixmap.fromImage(render_scene(following, number + 1, THUMBNAIL)))

    def tick(self) -> None:
        self.clock.setText(time.strftime("%H:%M:%S"))

    def place(self, projector: QScreen | None) -> bool:
        """On a screen other than ``projector``; False (and hidden) when there is none."""
        others = [screen for screen in QGuiApplication.screens() if screen is not projector]
        if projector is None or not others:
            self.hide()
            self.timer.stop()
            return False
        area = others[0].availableGeometry()
        self.move(area.topLeft())
        self.show()
        self.timer.start()
        return True

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Presenter view — BP Studio"))
