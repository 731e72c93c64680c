"""The pace on the training toolbar: iterations a second (``run_speed``) and "run N, then pause" (``run_for``).

On the toolbar, not in the Controls dock, so a teacher in presentation mode
(F5 hides the dock) still reaches them; ``[`` and ``]`` go a step slower or
faster along a 1-2-5 ladder, as in video players.  The trainer keeps the pace
(see control.pace) and every Update says which it holds: the boxes show it,
except while a change of their own is still on its way (an older Update must
not put back the value just typed).  What the boxes show is what a saved
session keeps.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QSpinBox, QToolBar, QWidget

from bpstudio.control.runtime.pace import MAX_RUN_FOR, MAX_SPEED, Pace
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.qt.shell.i18n import marked

LADDER = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, MAX_SPEED)  # then 0, full speed, above them all
KEYS = {"slower": "[", "faster": "]"}
TEXTS = {
    "slower": (QT_TRANSLATE_NOOP("PaceControls", "Slower"), QT_TRANSLATE_NOOP("PaceControls", "Fewer iterations a second")),
    "faster": (
        QT_TRANSLATE_NOOP("PaceControls", "Faster"),
        QT_TRANSLATE_NOOP("PaceControls", "More iterations a second, up to full speed"),
    ),
}


def slower(speed: int) -> int:
    """The next rung down (full speed, 0, is above 10 000 it/s); 1 it/s stays."""
    if speed == 0:
        return LADDER[-1]
    below = [rung for rung in LADDER if rung < speed]
    return below[-1] if below else LADDER[0]


def faster(speed: int) -> int:
    """The next rung up; above 10 000 it/s is full speed (0), which stays."""
    if speed == 0:
        return 0
    above = [rung for rung in LADDER if rung > speed]
    return above[0] if above else 0


class PaceControls(QObject):
    pace_changed = Signal(object)  # Pace: the user chose it
    editing_done = Signal()  # Enter in a box: the window gives Space and the arrows back to the run

    def __init__(self, toolbar: QToolBar, window: QWidget) -> None:
        super().__init__(window)
        self.speed = QSpinBox()
        self.speed.setObjectName("run_speed")
        self.speed.setRange(0, MAX_SPEED)
        self.speed.setValue(0)
        self.speed.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.run_for = QSpinBox()
        self.run_for.setObjectName("run_for")
        self.run_for.setRange(0, MAX_RUN_FOR)  # 0 is "until paused" (no N), shown in words
        self.run_for.setValue(0)
        self.run_for.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        for box in (self.speed, self.run_for):
            box.setKeyboardTracking(False)  # typing 50 asks for 50, not for 5 first
            box.setAccelerated(True)
            box.valueChanged.connect(self._chosen)
            box.editingFinished.connect(self.editing_done.emit)
            box.installEventFilter(self)  # Space stays Run / Pause while a box has the focus
        toolbar.addSeparator()
        toolbar.addWidget(self.speed)
        toolbar.addWidget(self.run_for)
        self.actions: dict[str, QAction] = {}
        for name, key in KEYS.items():
            action = QAction(window)
            action.setObjectName(f"pace_{name}")
            action.setShortcut(QKeySequence(key))
            window.addAction(action)
            self.actions[name] = action
        self.actions["slower"].triggered.connect(lambda: self.speed.setValue(slower(self.speed.value())))
        self.actions["faster"].triggered.connect(lambda: self.speed.setValue(faster(self.speed.value())))
        self._asked: Pace | None = None  # sent to the trainer, not yet in an Update
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A box never takes Space (no number has one): Run / Pause's shortcut gets it, focus or not."""
        if event.type() == QEvent.Type.ShortcutOverride and getattr(event, "key", lambda: None)() == Qt.Key.Key_Space:
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def follow_model(self, signals) -> None:
        """Show the pace the trainer holds, as each Update the model applies says (``signals``: its Qt adapter)."""
        signals.update_applied.connect(lambda update: self.show(update.pace))

    def pace(self) -> Pace:
        """The pace the boxes show."""
        run_for = self.run_for.value()
        return Pace(self.speed.value(), run_for or None)

    def _chosen(self) -> None:
        self._asked = self.pace()
        self.pace_changed.emit(self._asked)

    def show(self, pace: Pace) -> None:
        """The trainer's pace (an Update's); ignored while one asked for is still on its way."""
        if self._asked is not None:
            if pace != self._asked:
                return
            self._asked = None
        for box, value in ((self.speed, pace.run_speed), (self.run_for, pace.run_for or 0)):
            if box.value() != value:
                was = box.blockSignals(True)
                box.setValue(value)
                box.blockSignals(was)

    def set_enabled(self, enabled: bool) -> None:
        """Switched off with the trainer (its process ended unasked)."""
        self.speed.setEnabled(enabled)
        self.run_for.setEnabled(enabled)
        for action in self.actions.values():
            action.setEnabled(enabled)

    def switch_off(self) -> None:
        self.set_enabled(False)

    def retranslate(self) -> None:
        self.speed.setSpecialValueText(self.tr("full speed"))
        self.speed.setSuffix(self.tr(" it/s"))
        self.run_for.setSpecialValueText(self.tr("run until paused"))
        self.run_for.setPrefix(self.tr("run "))
        self.run_for.setSuffix(self.tr(" then pause"))
        keys = {name: action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) for name, action in self.actions.items()}
        speed_tip = self.tr(
            "Iterations a second while running: slow enough to narrate, or full speed (0). Slower {slower}, faster {faster}.",
        ).format(**keys)
        self.speed.setToolTip(speed_tip)
        self.speed.setStatusTip(speed_tip)
        for_tip = self.tr("Run (Space) trains this many iterations, then pauses by itself; 0 runs until you pause. Step (→) is still one.")
        self.run_for.setToolTip(for_tip)
        self.run_for.setStatusTip(for_tip)
        for name, action in self.actions.items():
            text, tip = TEXTS[name]
            action.setText(marked("PaceControls", text))
            tip = marked("PaceControls", tip)
            action.setToolTip(f"{tip} ({keys[name]})")
            action.setStatusTip(tip)
