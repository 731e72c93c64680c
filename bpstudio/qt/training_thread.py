"""The training thread: a QThread subclass whose run() drives the session.

Following DESIGN.md section 3, the thread is a subclass (not a worker moved
with moveToThread), so signals emitted from run() are queued to slots in the
GUI thread and nothing of the GUI ever runs on this thread.  Control goes
through the Qt-free RunGate; results come back as immutable Updates.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QThread, Signal

from ..control.driver import drive
from ..control.run_gate import RunGate
from ..control.session import TrainingSession
from ..engine.config import RunConfig


class TrainingThread(QThread):
    updated = Signal(object)  # Update
    failed = Signal(str)

    def __init__(self, config: RunConfig | None = None, parent=None) -> None:
        super().__init__(parent)
        self.gate = RunGate()
        self.session = TrainingSession(config)
        self.setObjectName("bpstudio-training")

    # -- GUI-thread API: only touches the gate -------------------------------------
    def start_running(self) -> None:
        self.gate.run()

    def pause(self) -> None:
        self.gate.pause()

    def step(self, count: int = 1) -> None:
        self.gate.step(count)

    def step_phase(self) -> None:
        self.gate.step_phase()

    def submit(self, change: Any) -> None:
        self.gate.submit(change)

    @property
    def running(self) -> bool:
        return self.gate.running

    def stop(self, timeout_ms: int = 5000) -> bool:
        """End the thread and wait for it; True when it has ended."""
        self.gate.stop()
        if not self.isRunning():
            return True
        return self.wait(timeout_ms)

    # -- the thread ---------------------------------------------------------------------
    def run(self) -> None:
        # Publish the starting point so that the GUI has something to draw.
        self.updated.emit(self.session.update(False))
        # 15 updates a second, the plot's frame rate: each one makes the GUI thread take the GIL from
        # the trainer, and the plot redraws at 15 Hz anyway.
        drive(self.gate, self.session, self.updated.emit, self.failed.emit, max_rate=15.0)
