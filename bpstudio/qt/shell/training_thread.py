"""The training thread: a QThread subclass that trains, or relays a trainer process's Updates.

The thread is a subclass (not a worker moved with moveToThread), so signals
emitted from run() are queued to slots in the GUI thread and nothing of the
GUI ever runs on this thread.  Control goes
through the Qt-free RunGate or a :class:`TrainerProcess`, both a
:class:`~bpstudio.control.runtime.trainer_port.TrainerPort`; results come back as immutable Updates.

By default the trainer runs in a child process (control.trainer_process says
why) and this thread only waits on its pipe, which releases the interpreter
lock.  ``BPSTUDIO_TRAINER=thread`` (the tests that read the session directly)
keeps it in this thread.  Either way the run's first Update comes from a
session built here at once, so a stored setting that fails is known before
the window shows, and the window has a run to draw while the process starts.
"""

from __future__ import annotations

from PySide6.QtCore import QThread, Signal

from bpstudio.control.runtime.commands import Change
from bpstudio.control.runtime.driver import drive
from bpstudio.control.runtime.run_gate import RunGate
from bpstudio.control.runtime.session import TrainingSession
from bpstudio.control.runtime.trainer_port import TrainerPort
from bpstudio.control.runtime.trainer_process import PUBLISH_RATE, TrainerProcess, trainer_in_own_process
from bpstudio.engine.config import RunConfig


class TrainingThread(QThread):
    updated = Signal(object)  # Update
    failed = Signal(str)
    lost = Signal(object)  # exit code: the trainer's process ended unasked; the run stays where it was last reported

    def __init__(self, config: RunConfig | None = None, parent=None, own_process: bool | None = None) -> None:
        super().__init__(parent)
        self.gate = RunGate()
        self.session = TrainingSession(config)
        self.process = TrainerProcess() if (trainer_in_own_process() if own_process is None else own_process) else None
        self.fallback_reason: str | None = None  # why a process could not be started, if it could not
        self.setObjectName("bpstudio-training")

    @property
    def control(self) -> TrainerPort:
        """Where commands go: the trainer's process, or the gate of this thread's own loop."""
        return self.process if self.process is not None else self.gate

    def where(self) -> str:
        """Where training runs, for the smoke test's report."""
        if self.process is None:
            return "trainer in a thread"
        if self.fallback_reason is not None:
            return f"trainer in a thread (no process: {self.fallback_reason})"
        return "trainer in its own process"

    # -- GUI-thread API: only touches the gate or the pipe ---------------------------------------
    def start_running(self) -> None:
        self.control.run()

    def pause(self) -> None:
        self.control.pause()

    def step(self, count: int = 1) -> None:
        self.control.step(count)

    def step_phase(self) -> None:
        self.control.step_phase()

    def submit(self, change: Change) -> None:
        self.control.submit(change)

    @property
    def running(self) -> bool:
        return self.control.running

    def pending(self) -> int:
        """Commands given that the trainer has not carried out yet."""
        return self.control.pending()

    def silent_for(self) -> float:
        """Seconds the trainer's process has not answered while it owes an answer (0 in a thread)."""
        return self.process.silent_for() if self.process is not None else 0.0

    def stop(self, timeout_ms: int = 5000) -> bool:
        """End the thread (and the trainer's process) and wait for it; True when it has ended.

        A process busy with a long step is ended rather than waited for: the
        window closes, and nothing of the run lives anywhere else.
        """
        self.control.stop()
        if not self.isRunning() or self.wait(timeout_ms):
            return True
        if self.process is None:
            return False
        self.process.kill()  # the relay hears the pipe close and ends
        return self.wait(timeout_ms)

    def stop_and_wait(self) -> None:
        """The application quits: end training however long that takes."""
        if self.process is not None:
            self.stop()
        else:
            self.gate.stop()
        self.wait()

    # -- the thread ---------------------------------------------------------------------
    def run(self) -> None:
        # Publish the starting point so that the GUI has something to draw.
        self.updated.emit(self.session.update(False))
        if self.process is not None:
            self.fallback_reason = self.process.start(self.session.config, self.session.trainer.problem, self.gate)
            if self.fallback_reason is None:
                self._relay(self.process)
                return
        # 15 updates a second, the plot's frame rate: each one makes the GUI thread take the GIL from
        # the trainer, and the plot redraws at 15 Hz anyway.
        drive(self.gate, self.session, self.updated.emit, self.failed.emit, max_rate=PUBLISH_RATE)

    def _relay(self, process: TrainerProcess) -> None:
        """Hand the process's Updates and failures to the GUI until it ends."""
        while (message := process.receive()) is not None:
            kind, payload = message
            if kind == "update":
                self.updated.emit(payload)
            else:
                self.failed.emit(payload)
        process.finish(timeout=2.0)
        if process.fall_back(self.gate):  # it could not even begin: this thread trains instead
            self.fallback_reason = f"the process ended as it began (exit code {process.exit_code})"
            drive(self.gate, self.session, self.updated.emit, self.failed.emit, max_rate=PUBLISH_RATE)
        elif not process.stop_requested:
            process.mark_lost()
            self.lost.emit(process.exit_code)  # the window says it, in the user's language
