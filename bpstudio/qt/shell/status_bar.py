"""Status bar: state, iteration, JVal, accuracy (classes), ||g||_inf, iterations per second, why the run stopped."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar

from bpstudio.control.runtime.session import RunState, Update
from bpstudio.control.words.number_format import short_number
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.qt.plots.accuracy_text import accuracy_text
from bpstudio.qt.shell.i18n import marked
from bpstudio.qt.shell.stop_reasons import stop_text

STATE_TEXT = {
    RunState.IDLE: QT_TRANSLATE_NOOP("StatusBar", "ready"),
    RunState.RUNNING: QT_TRANSLATE_NOOP("StatusBar", "running"),
    RunState.PAUSED: QT_TRANSLATE_NOOP("StatusBar", "paused"),
    RunState.STEPPING: QT_TRANSLATE_NOOP("StatusBar", "phase by phase"),  # "iteration N" follows it
    RunState.CONVERGED: QT_TRANSLATE_NOOP("StatusBar", "converged"),
    RunState.DIVERGED: QT_TRANSLATE_NOOP("StatusBar", "diverged"),
    RunState.FINISHED: QT_TRANSLATE_NOOP("StatusBar", "finished"),
}


class StudioStatusBar(QStatusBar):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.fields: dict[str, QLabel] = {}
        for key in ("conventions", "state", "iteration", "jval", "accuracy", "grad", "rate", "stop"):
            label = QLabel()
            label.setObjectName(f"status_{key}")
            self.addPermanentWidget(label)
            self.fields[key] = label
        self._rate = 0.0
        self._last: Update | None = None
        self.trainer_lost = False  # the trainer's process ended unasked: no state it reported holds any more

    def show_update(self, update: Update) -> None:
        self._last = update
        snap = update.snapshot
        # the speed is a live figure: said while the run goes, gone when it stops (it read as live after a
        # reset, a rewind and in later lessons)
        if update.state is RunState.RUNNING and not self.trainer_lost:
            self._rate = update.rate or self._rate
        else:
            self._rate = 0.0
        state = self.tr("training stopped") if self.trainer_lost else marked("StatusBar", STATE_TEXT[update.state])
        self.fields["state"].setText(state)
        # a Playground run counts and says epochs, as Playground does (one iteration is one epoch)
        playground = update.config.is_playground
        self.fields["conventions"].setText(self.tr("Playground conventions") if playground else "")
        count = self.tr("epoch {n}") if playground else self.tr("iteration {n}")
        self.fields["iteration"].setText(count.format(n=snap.iteration))
        self.fields["jval"].setText(f"JVal {short_number(snap.jval)}")
        self.fields["accuracy"].setText(accuracy_text(update.scores))
        self.fields["grad"].setText(f"||g||∞ {short_number(snap.grad_inf_norm, 3)}")
        self.fields["rate"].setText(self.tr("{rate} it/s").format(rate=f"{self._rate:,.0f}") if self._rate else "")
        self.fields["stop"].setText(stop_text(update))
        for label in self.fields.values():  # an empty label would still take its height
            label.setVisible(bool(label.text()))

    def show_trainer_lost(self) -> None:
        self.trainer_lost = True
        if self._last is not None:
            self.show_update(self._last)

    def forget_sizes(self) -> None:
        """After a font change: an empty QLabel keeps the size hint of the old font."""
        for label in self.fields.values():
            text = label.text()
            label.setText("0")
            label.setText(text)
        self.updateGeometry()

    def retranslate(self) -> None:
        if self._last is not None:
            self.show_update(self._last)
