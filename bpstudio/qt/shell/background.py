"""The studio's background thread: the model's questions and the typesetting, off the GUI thread.

A QThread subclass (DESIGN §3) whose ``run()`` takes jobs from a plain queue.
Jobs carry a key; a job whose key has a newer job waiting is skipped, so a
slider dragged fast or a net training at full speed never piles up work.
Results come back through a queued signal and their ``done`` runs on the GUI
thread.  The thread never touches a widget; garbage is collected on the GUI
thread only (see :mod:`.gui_gc`).
"""

from __future__ import annotations

import atexit
import ctypes
import itertools
import os
import queue
import sys
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

from bpstudio.control.model.observer import Executor
from bpstudio.qt.shell.gui_gc import collect_on_the_gui_thread


class BackgroundWorker(QThread):
    finished_job = Signal(int, object)  # job id, result

    _shared: dict[str, BackgroundWorker] = {}

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("bpstudio-background")
        self._jobs: queue.SimpleQueue[tuple[int, str, Callable[[], Any]] | None] = queue.SimpleQueue()
        self._latest: dict[str, int] = {}
        self._done: dict[int, Callable[[Any], None]] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._pending = 0
        self._idle = threading.Event()
        self._idle.set()
        self._ident: int | None = None  # the running thread's, so that stop can interrupt its job
        self.native_id: int | None = None  # the OS's id of the thread, once it runs
        self.finished_job.connect(self._deliver)

    @classmethod
    def shared(cls, name: str = "") -> BackgroundWorker:
        """One worker per name for the application, started on first use and stopped before it quits.

        The unnamed one answers the model and typesets; the decision map's
        pictures have their own ("pictures"), so that typesetting a long
        chain never holds the live map up.
        """
        worker = cls._shared.get(name)
        if worker is None:
            collect_on_the_gui_thread()
            hand_the_interpreter_over_quickly()
            worker = cls._shared[name] = cls()
            if name:
                worker.setObjectName(f"bpstudio-background-{name}")
            app = QCoreApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(worker.stop)
            atexit.register(worker.stop)
            worker.start(QThread.Priority.LowPriority)  # Windows and macOS; Linux: see run()
        return worker

    def submit(self, key: str, work: Callable[[], Any], done: Callable[[Any], None]) -> int:
        job = next(self._ids)
        self._latest[key] = job
        self._done[job] = done
        with self._lock:
            self._pending += 1
            self._idle.clear()
        self._jobs.put((job, key, work))
        return job

    def run(self) -> None:
        self._ident = threading.get_ident()
        self.native_id = threading.get_native_id()
        _yield_to_the_window(self.native_id)
        try:
            self._work()
        except _Quitting:  # the studio quit in the middle of a job
            return

    def _work(self) -> None:
        while True:
            item = self._jobs.get()
            if item is None:
                return
            job, key, work = item
            result, ok = None, False
            if self._latest.get(key) == job:  # else a newer job with this key is waiting
                try:
                    result, ok = work(), True
                except Exception as err:  # noqa: BLE001 - handed to the GUI thread, not lost here
                    result, ok = err, True
            with self._lock:
                self._pending -= 1
                if self._pending == 0:
                    self._idle.set()
            if ok:
                self.finished_job.emit(job, result)
            else:
                self.finished_job.emit(job, _SKIPPED)

    def _deliver(self, job: int, result: Any) -> None:
        done = self._done.pop(job, None)
        if done is None or result is _SKIPPED:
            return
        if isinstance(result, Exception):
            raise result
        done(result)

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Wait until queued jobs are worked out (tests, screenshots), then deliver their results."""
        done = self._idle.wait(timeout)
        QCoreApplication.processEvents()
        return done

    def stop(self, grace_ms: int = 1000) -> None:
        """End the thread when the studio quits, never holding the quit up for long.

        A job already running (typesetting the links of a 50-class softmax
        layer takes minutes) is not waited for: after ``grace_ms`` it is
        interrupted by raising :class:`_Quitting` in the thread at its next
        Python instruction.  A QThread must not outlive its object: destroying
        one that runs aborts the process ("QThread: Destroyed while thread is
        still running", exit 134).  Every job only reads and computes, so
        nothing is left half written.
        """
        if not self.isRunning():
            return
        self._jobs.put(None)
        if self.wait(grace_ms) or self._ident is None:
            return
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._ident), ctypes.py_object(_Quitting))
        self.wait(10 * grace_ms)  # a job inside one long C call (rare) ends with that call


class _Quitting(BaseException):
    """Raised inside a busy worker when the studio quits (see BackgroundWorker.stop); never caught as a job's error."""


_SKIPPED = object()
# How long a thread that wants Python's interpreter lock waits before the running one must hand it
# over (Python's default: 5 ms).  See hand_the_interpreter_over_quickly.
HANDOVER_SECONDS = 0.0002
BACKGROUND_NICENESS = 5  # above the GUI thread's: when both want a processor, the window answers first


def hand_the_interpreter_over_quickly() -> None:
    """The GUI thread waits at most 0.2 ms, not 5 ms, for Python's lock while a background thread computes.

    The window's paint and event handlers written in Python (every pyqtgraph
    item's ``paint``, each view's ``paintEvent``, an event filter) each take
    the interpreter's lock, and while a background thread runs Python (as the
    article's run finishes, typesetting its optimizer step in ziamath: ~0.15 s)
    each of them waited a whole switch interval for it: the event loop froze
    for 0.19–0.28 s, some 7 % of the run's time in the window.  At 0.2 ms the
    same moment took 13–72 ms, the repaint itself.  The interval only matters
    while two threads want the lock: a thread running alone never switches,
    so nothing else changes.  Never lengthened: a shorter one set by the
    application stays.
    """
    if sys.getswitchinterval() > HANDOVER_SECONDS:
        sys.setswitchinterval(HANDOVER_SECONDS)


def _yield_to_the_window(native_id: int) -> None:
    """On Linux, a thread's priority is its own niceness (Qt's thread priorities do nothing there).

    Pictures and typesetting are work the window waits for, not the window
    itself: when the studio's share of a busy machine is short, its GUI
    thread goes first and the event loop stays responsive.  The trainer has a
    scheduling group of its own (see the trainer's process), so none of this
    is taken from it or given to it.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        now = os.getpriority(os.PRIO_PROCESS, native_id)
        os.setpriority(os.PRIO_PROCESS, native_id, min(19, now + BACKGROUND_NICENESS))
    except OSError:  # not allowed here: the thread keeps the window's priority
        pass


class QtExecutor(Executor):
    """The studio model's executor: jobs on the background thread, answers on the GUI thread.

    Answers are for the window that asked (``owner``): one that arrives after
    that window was closed and deleted is dropped, never handed to dead widgets.
    """

    def __init__(self, owner: QObject, worker: BackgroundWorker | None = None) -> None:
        self.owner = owner
        self.prefix = f"window-{id(owner)}"  # one window's jobs never supersede another's
        self.worker = worker or BackgroundWorker.shared()

    def submit(self, key: str, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        owner = self.owner

        def answer(result: Any) -> None:
            if shiboken6.isValid(owner) and not getattr(owner, "closing_down", False):
                done(result)

        self.worker.submit(f"{self.prefix}:{key}", work, answer)
