"""Closing the studio: ask about unsaved work, remember the settings, then end the trainer — visibly.

A long step (reading a big CSV file, building a big run) cannot be cut short,
so a window whose trainer does not end within a moment stays, says it is
finishing, and closes itself when the trainer has ended — never "QThread:
Destroyed while thread is still running", never an abort.  The settings are
remembered with the usual layout (the board view and presentation mode are
left first).  The application quitting without a close waits for the trainer
however long.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from bpstudio.qt.main_window import MainWindow

CLOSE_WAIT_MS = 300  # longer than any batch; a longer step is waited for with a notice


class CloseProtocol(QObject):
    """Reads the window's files, menus, views and trainer; the window hands it every close event."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.closing = False  # the question was answered and the settings saved: only the trainer is left
        self.waiting = False  # the trainer's end is waited for
        app = QApplication.instance()
        assert app is not None
        app.aboutToQuit.connect(self.finish_trainer)

    def may_close(self, event: QCloseEvent) -> bool:
        """True when the window may close now; else the event is ignored (kept work, or a busy trainer)."""
        w = self.window
        if not self.closing:
            if not w.files.confirm_discard() or not w.scenes.confirm_discard():
                event.ignore()
                return False
            w.board.set_on(False)
            if w.menus.presentation.isChecked():
                w.menus.presentation.setChecked(False)  # docks back, so the saved layout is the usual one
            self.save_settings()
            w.run_view.stop()
            w.plot.timer.stop()
            self.closing = True
        if not w.training.stop(CLOSE_WAIT_MS):
            event.ignore()
            w.banner.say(self.tr("Finishing the current step… BP Studio closes when it is done."))
            center = w.centralWidget()
            if center is not None:
                center.setEnabled(False)
            if not self.waiting:
                self.waiting = True
                w.training.finished.connect(w.close, Qt.ConnectionType.QueuedConnection)
                if w.training.isFinished():  # it ended between the wait and the connection
                    QTimer.singleShot(0, w.close)
            return False
        w.closing_down = True  # answers still on their way from the background thread are dropped
        if w.landscape_holder.panel is not None:
            w.landscape_holder.panel.shutdown()
        return True

    def save_settings(self) -> None:
        w = self.window
        last = w.model.last
        w.settings.save(
            w,
            w.splitter,
            log_y=w.menus.log_y.isChecked(),
            theme=w.looks.theme,
            language=w.languages.language,
            config=None if last is None else last.config,
        )

    def finish_trainer(self) -> None:
        """The application is quitting: end the training thread and wait for it, however long."""
        self.window.training.stop_and_wait()
