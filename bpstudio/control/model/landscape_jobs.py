"""Landscape computations in the background: a thread per job, progress, cancel.

A slice takes milliseconds but a map of a wide network takes seconds, and a
view must never wait for it.  :class:`LandscapeRunner` starts each request on
its own thread, which computes the task chunk by chunk (see
:class:`~bpstudio.engine.landscape.LandscapeTask`), calls ``on_progress(done,
total)`` after each chunk and ``on_result(result)`` at the end.  The
callbacks run in the *worker* thread: the Qt floor's adapter turns them into
signals, which Qt queues to the GUI thread.

A newer request cancels the older one — a view only wants the picture of the
latest selection — and a cancelled job stops at the next chunk boundary
without calling ``on_result``.  Qt-free, so it is tested with plain threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from enum import Enum
from typing import Any

from bpstudio.engine.landscape import LandscapeTask

ProgressCallback = Callable[[int, int], None]
ResultCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class JobState(str, Enum):
    RUNNING = "running"
    FINISHED = "finished"
    CANCELLED = "cancelled"
    FAILED = "failed"


class LandscapeJob:
    """One computation on its own thread; :meth:`cancel` stops it between two chunks."""

    def __init__(
        self,
        task: LandscapeTask[Any] | Callable[[], LandscapeTask[Any]],
        on_progress: ProgressCallback | None = None,
        on_result: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
    ) -> None:
        self._task = task
        self._on_progress = on_progress
        self._on_result = on_result
        self._on_error = on_error
        self._cancel = threading.Event()
        self._ended = threading.Event()
        self.state = JobState.RUNNING
        self.done = 0
        self.total = 0
        self.result: Any = None
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._work, name="landscape-job", daemon=True)

    def start(self) -> LandscapeJob:
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Ask the job to stop; it does so before its next chunk."""
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job has ended (finished, cancelled or failed); False on timeout."""
        if not self._ended.wait(timeout):
            return False
        self._thread.join()
        return True

    @property
    def running(self) -> bool:
        return not self._ended.is_set()

    def _work(self) -> None:
        try:
            self._compute()
        except Exception as err:  # reported to the caller, never lost in a thread
            self.error = err
            self.state = JobState.FAILED
            if self._on_error is not None:
                self._on_error(err)
        finally:
            self._ended.set()

    def _compute(self) -> None:
        # a factory builds the task here, so even its set-up stays off the caller's thread
        task = self._task if isinstance(self._task, LandscapeTask) else self._task()
        self.total = task.total
        steps = task.steps()
        while not self._cancel.is_set():
            try:
                self.done = next(steps)
            except StopIteration:
                break
            if self._on_progress is not None:
                self._on_progress(self.done, self.total)
        if not task.finished:
            self.state = JobState.CANCELLED
            return
        self.result = task.result()
        self.state = JobState.FINISHED
        if self._on_result is not None:
            self._on_result(self.result)

    def __repr__(self) -> str:
        return f"LandscapeJob({self.state.value}, {self.done}/{self.total})"


class LandscapeRunner:
    """Runs one landscape job at a time; a new request cancels the one before."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._current: LandscapeJob | None = None

    def submit(
        self,
        task: LandscapeTask[Any] | Callable[[], LandscapeTask[Any]],
        on_progress: ProgressCallback | None = None,
        on_result: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
    ) -> LandscapeJob:
        """Start computing ``task`` (or the task a zero-argument factory builds)."""
        job = LandscapeJob(task, on_progress, on_result, on_error)
        with self._lock:
            if self._current is not None:
                self._current.cancel()
            self._current = job
        return job.start()

    @property
    def current(self) -> LandscapeJob | None:
        return self._current

    def cancel(self) -> None:
        with self._lock:
            if self._current is not None:
                self._current.cancel()

    def shutdown(self, timeout: float | None = None) -> bool:
        """Cancel and wait for the running job (a window calls this when it closes)."""
        with self._lock:
            job = self._current
        if job is None:
            return True
        job.cancel()
        return job.wait(timeout)
