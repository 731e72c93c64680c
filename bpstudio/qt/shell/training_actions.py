"""The run's seven gestures: actions with their keys, a toolbar, and which of them the run's state allows.

Run and Pause share Space (only one is enabled at a time); → steps, Shift+→
steps a phase, ← rewinds, the standard Redo key goes forward again, Ctrl+R
resets.  What a gesture does is the gestures' presenter's (:mod:`.gestures`),
which connects itself to these actions; this module never reaches into the window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStyle, QToolBar

from bpstudio.control import RunState
from bpstudio.control.model.studio_model import FINISHED
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.qt.shell.i18n import marked

# name: (text, tip), in the window's translation context as before
ACTION_TEXTS = {
    "run": (
        QT_TRANSLATE_NOOP("MainWindow", "Run"),
        QT_TRANSLATE_NOOP("MainWindow", "Train at the pace set on the toolbar (full speed unless slowed)"),
    ),
    "pause": (QT_TRANSLATE_NOOP("MainWindow", "Pause"), QT_TRANSLATE_NOOP("MainWindow", "Stop on this iteration")),
    "step": (QT_TRANSLATE_NOOP("MainWindow", "Step"), QT_TRANSLATE_NOOP("MainWindow", "Exactly one iteration")),
    "step_phase": (
        QT_TRANSLATE_NOOP("MainWindow", "Step phase"),
        QT_TRANSLATE_NOOP("MainWindow", "One phase of the next iteration: forward, loss, backward, update"),
    ),
    "rewind": (QT_TRANSLATE_NOOP("MainWindow", "Rewind"), QT_TRANSLATE_NOOP("MainWindow", "Back to the previous pause or step")),
    "redo": (
        QT_TRANSLATE_NOOP("MainWindow", "Redo"),
        QT_TRANSLATE_NOOP("MainWindow", "Forward again to the next point a rewind stepped back over"),
    ),
    "reset": (QT_TRANSLATE_NOOP("MainWindow", "Reset"), QT_TRANSLATE_NOOP("MainWindow", "Back to the start point of this run")),
}
# Key specs, not QKeySequence objects: a key sequence made before the QApplication exists crashes
# (the studio's modules are imported before it, by scripts and tests).
KEYS: dict[str, tuple[str | QKeySequence.StandardKey, QStyle.StandardPixmap]] = {
    "run": ("Space", QStyle.StandardPixmap.SP_MediaPlay),
    "pause": ("Space", QStyle.StandardPixmap.SP_MediaPause),
    "step": ("Right", QStyle.StandardPixmap.SP_MediaSeekForward),
    "step_phase": ("Shift+Right", QStyle.StandardPixmap.SP_ArrowRight),
    "rewind": ("Left", QStyle.StandardPixmap.SP_MediaSkipBackward),
    "redo": (QKeySequence.StandardKey.Redo, QStyle.StandardPixmap.SP_MediaSkipForward),
    "reset": ("Ctrl+R", QStyle.StandardPixmap.SP_BrowserReload),
}


class TrainingActions:
    def __init__(self, window: QMainWindow, slots: dict[str, Callable[[], object]] | None = None) -> None:
        self.by_name: dict[str, QAction] = {}
        for name, (shortcut, icon) in KEYS.items():
            action = QAction(window)
            action.setIcon(window.style().standardIcon(icon))
            action.setObjectName(name)
            action.setShortcut(shortcut)
            if slots is not None:
                action.triggered.connect(slots[name])
            window.addAction(action)
            self.by_name[name] = action
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("training_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in self.by_name.values():
            self.toolbar.addAction(action)
        window.addToolBar(self.toolbar)
        self.switched_off = False  # the trainer is gone: nothing would carry a gesture out
        self.follow(RunState.IDLE, 0, can_redo=False)

    def follow(self, state: RunState, iteration: int, can_redo: bool) -> None:
        """Enable what the run's ``state`` at ``iteration`` allows."""
        a = self.by_name
        running = state is RunState.RUNNING
        done = state in FINISHED
        a["run"].setEnabled(not running and not done)
        a["pause"].setEnabled(running)
        a["step"].setEnabled(not done)
        a["step_phase"].setEnabled(not done)
        a["rewind"].setEnabled(not running and (iteration > 0 or state is RunState.STEPPING))
        a["redo"].setEnabled(can_redo and not running)
        a["reset"].setEnabled(iteration > 0 or state is RunState.STEPPING or done)
        if self.switched_off:
            for action in a.values():
                action.setEnabled(False)

    def switch_off(self) -> None:
        """The trainer's process ended unasked: every gesture stays disabled from now on."""
        self.switched_off = True
        for action in self.by_name.values():
            action.setEnabled(False)

    def retranslate(self) -> None:
        self.toolbar.setWindowTitle(QCoreApplication.translate("MainWindow", "Training"))
        for name, action in self.by_name.items():
            text, tip = ACTION_TEXTS[name]
            action.setText(marked("MainWindow", text))
            tip = marked("MainWindow", tip)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
            action.setStatusTip(tip)
