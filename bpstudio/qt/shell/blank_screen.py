"""B or period blanks the screen, as slide software does; any key or click brings the studio back.

A black widget over the whole window (docks, menus and all) takes the keys
while it is up, so the key that un-blanks does nothing else — Space does not
start a run behind a black screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QPainter
from PySide6.QtWidgets import QMainWindow, QWidget


class BlankScreen(QWidget):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("blank_screen")
        self.window_ = window
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.hide()
        self._focus: QWidget | None = None
        window.installEventFilter(self)
        self.action = QAction(window, checkable=True)
        self.action.setObjectName("blank_screen")
        self.action.setShortcuts([QKeySequence(Qt.Key.Key_B), QKeySequence(Qt.Key.Key_Period)])
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.toggled.connect(self.set_on)
        window.addAction(self.action)
        self.retranslate()

    @property
    def on(self) -> bool:
        return self.isVisible()

    def set_on(self, on: bool) -> None:
        if on == self.isVisible():
            return
        if on:
            self._focus = self.window_.focusWidget()
            self.setGeometry(self.window_.rect())
            self.show()
            self.raise_()
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.hide()
            if self._focus is not None:
                self._focus.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.action.isChecked() != on:
            self.action.setChecked(on)

    def paintEvent(self, _event) -> None:
        QPainter(self).fillRect(self.rect(), Qt.GlobalColor.black)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:  # every key is the screen's while it is black
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        if not event.isAutoRepeat():
            self.set_on(False)

    def mousePressEvent(self, _event) -> None:
        self.set_on(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window_ and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.window_.rect())
        return False

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Blank the screen"))
        self.action.setStatusTip(self.tr("A black screen for the class (B or period); any key or click brings the studio back"))
