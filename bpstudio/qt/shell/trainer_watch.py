"""Says when the trainer's process stops answering, and says it no more once it answers again.

A trainer stopped by a signal (SIGSTOP, a debugger) or busy with one long step
is alive but silent: the run on screen freezes with no word.  Its end is a
different thing, reported by the training thread (``lost``).  Once a second
this asks how long the process has owed an answer; past a few seconds the
window's banner says so, in the user's language, and the banner goes when the
process speaks again.
"""

from __future__ import annotations

import signal
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer

NOT_ANSWERING_AFTER = 5.0  # s: a paced run at 1 it/s reports every second; a long step may take this long


class TrainerWatch(QObject):
    def __init__(self, silent_for: Callable[[], float], say: Callable[[str], None], unsay: Callable[[str], None], parent=None) -> None:
        super().__init__(parent)
        self.silent_for = silent_for
        self.say, self.unsay = say, unsay
        self.after = NOT_ANSWERING_AFTER
        self.said: str | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        silent = self.silent_for()
        if silent >= self.after:
            self.said = self.tr(
                "The training process has not answered for {seconds} s: it may be stopped or busy with a long step. "
                "The run goes on when it answers; if it never does, save the session and restart BP Studio."
            ).format(seconds=round(silent))
            self.say(self.said)
        elif self.said is not None:
            self.unsay(self.said)
            self.said = None


def how_it_ended(exit_code: int | None) -> str:
    """``exit code 3``, or for a process ended by a signal ``signal SIGKILL`` (multiprocessing gives −9)."""
    if exit_code is not None and exit_code < 0:
        try:
            name = signal.Signals(-exit_code).name
        except ValueError:
            name = str(-exit_code)
        return QCoreApplication.translate("TrainerWatch", "signal {name}").format(name=name)
    return QCoreApplication.translate("TrainerWatch", "exit code {code}").format(code=exit_code)
