"""The gate between the GUI and the training thread: a Condition and a command queue.

The GUI thread calls :meth:`run`, :meth:`pause`, :meth:`step`,
:meth:`step_phase`, :meth:`submit` and :meth:`stop`; they only change state
under the lock and notify.  The training thread calls :meth:`wait`, which
*blocks* while the gate is paused and nothing is queued (no polling, no CPU),
and returns what to do next: a queued command first (so a change applies
before the next iteration), otherwise "run a batch" while running.

While a batch runs, the training thread reads :attr:`running` between
iterations, so a pause stops it on the very next iteration.
Qt-free, so it is tested with plain threads.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass
from enum import Enum
from typing import Final

from bpstudio.control.runtime.commands import Change


@dataclass(frozen=True)
class Step:
    count: int = 1


@dataclass(frozen=True)
class StepPhase:
    pass


@dataclass(frozen=True)
class Submit:
    """A change for the session (a setting, rewind, reset, ...), carried out between iterations."""

    payload: Change


GateItem = Step | StepPhase | Submit  # what the gate queues for the training thread


class GateSignal(Enum):
    """What :meth:`RunGate.wait` answers besides a queued item: an enum, so ``is`` narrows the type."""

    RUN_BATCH = "RUN_BATCH"
    STOP = "STOP"

    def __repr__(self) -> str:
        return self.value


RUN_BATCH: Final = GateSignal.RUN_BATCH
STOP: Final = GateSignal.STOP


class RunGate:
    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._queue: deque[GateItem] = deque()
        self._running = False
        self._stopped = False

    # -- GUI side -------------------------------------------------------------
    @property
    def running(self) -> bool:
        """Read without the lock on purpose: one attribute read per iteration."""
        return self._running and not self._stopped

    @property
    def stopped(self) -> bool:
        return self._stopped

    def run(self) -> None:
        with self._cond:
            self._running = True
            self._cond.notify_all()

    resume = run

    def pause(self) -> None:
        with self._cond:
            self._running = False
            self._cond.notify_all()

    def step(self, count: int = 1) -> None:
        """Pause, then advance exactly ``count`` iterations."""
        if count < 1:
            raise ValueError("step count must be at least 1")
        self._enqueue(Step(int(count)), pause=True)

    def step_phase(self) -> None:
        self._enqueue(StepPhase(), pause=True)

    def submit(self, payload: Change) -> None:
        """Queue a change; it is handled before the next iteration, running or not."""
        self._enqueue(Submit(payload), pause=False)

    def stop(self) -> None:
        """Ask the training thread to end; it returns STOP from wait() at once."""
        with self._cond:
            self._stopped = True
            self._running = False
            self._queue.clear()
            self._cond.notify_all()

    def pending(self) -> int:
        with self._cond:
            return len(self._queue)

    def _enqueue(self, command: GateItem, pause: bool) -> None:
        with self._cond:
            if self._stopped:
                return
            if pause:
                self._running = False
            self._queue.append(command)
            self._cond.notify_all()

    # -- training-thread side ----------------------------------------------------
    def wait(self, timeout: float | None = None) -> GateItem | GateSignal | None:
        """Block until there is something to do; return a command, RUN_BATCH or STOP.

        With ``timeout`` it returns ``None`` when nothing happened in time.
        """
        with self._cond:
            ready = self._cond.wait_for(lambda: self._stopped or self._queue or self._running, timeout)
            if self._stopped:
                return STOP
            if not ready:
                return None
            if self._queue:
                return self._queue.popleft()
            return RUN_BATCH

    def hold(self, seconds: float) -> None:
        """Wait up to ``seconds`` while the run goes on with nothing queued: a paced run between iterations.

        It returns at once on a pause, a command or stop, so a paced run
        answers them as promptly as a full-speed one.
        """
        with self._cond:
            self._cond.wait_for(lambda: self._stopped or bool(self._queue) or not self._running, seconds)

    def finished_running(self) -> None:
        """The training thread reports that the run stopped by itself (converged, ...)."""
        with self._cond:
            self._running = False
