"""The trainer in a process of its own, so that drawing never holds it up.

In one process, the training thread and the GUI thread share Python's global
interpreter lock: every frame the views draw is time the trainer waits, and the
article's run took about 1.5× its headless time in the window.  In a child
process the trainer has a core to itself and the studio only receives its
Updates.

The child runs exactly what a training thread runs, :func:`drive` on a
:class:`RunGate`; a reader thread feeds that gate from the pipe.  The studio's
side, :class:`TrainerProcess`, offers the gate's methods (run, pause, step,
step_phase, submit, stop, pending, running) and numbers each command it sends,
so it knows which ones the child has taken.  Until all of them are taken, its
``running`` is what the studio last asked for; after, it is the child's own.

Updates travel pickled.  A run's Problem (network and data) crosses once: the
views tell a new run from the same run by the Problem's identity, so the studio
puts the object it already holds back into each later Update.  For the same
reason a loaded session's outcome comes back as the number of the command
that brought it, and the studio puts back the SavedSession it sent.

No Qt here: the studio's thread that waits on :meth:`TrainerProcess.receive`
lives in the Qt floor; tests drive this module with plain threads.
"""

from __future__ import annotations

import contextlib
import dataclasses
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Iterator
from multiprocessing.connection import Connection
from dataclasses import dataclass
from typing import Any

from ..engine.config import RunConfig
from ..engine.data import Problem
from .commands import LoadSaved
from . import trainer_entry
from .driver import drive
from .run_gate import RunGate
from .session import TrainingSession, Update

# Where the trainer runs: "process" (the studio's default) or "thread" (tests that read the session)
TRAINER_ENV = "BPSTUDIO_TRAINER"
PUBLISH_RATE = 15.0  # Updates a second while running: the plot's frame rate
_FORWARDED = ("run", "pause", "step", "step_phase", "submit", "stop")


@dataclass(frozen=True)
class _LoadTicket:
    """Stands for a SavedSession in a loaded Update: the command that sent it."""

    number: int


def trainer_in_own_process() -> bool:
    """The studio trains in a child process unless ``BPSTUDIO_TRAINER=thread`` says otherwise."""
    return os.environ.get(TRAINER_ENV, "process").strip().lower() != "thread"


class TrainerProcess:
    """The studio's handle on the trainer's process: commands out, Updates in.

    Commands given before :meth:`start` wait in a list; if the process cannot
    start, they go to the ``fallback`` gate instead, and so do all later ones,
    so the studio goes on training in a thread.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._connection: Connection | None = None
        self._process: Any = None  # multiprocessing's SpawnProcess
        self._waiting: list[tuple[str, tuple[Any, ...]]] = []
        self._fallback: RunGate | None = None
        self._sent = 0  # commands numbered and sent
        self._taken = 0  # the last one the child reported taking
        self._asked_running = False  # what the studio last asked for
        self._child_running = False
        self._child_pending = 0
        self._problem: Problem | None = None  # the run's Problem the studio holds
        self._loading: dict[int, Any] = {}  # command number -> the SavedSession it sent
        # Commands sent before the child first spoke: if it ends without a word, they go to a thread.
        self._unheard: list[tuple[str, tuple[Any, ...]]] | None = []
        self.stop_requested = False
        self.lost = False  # the child ended unasked after it had begun: nothing trains any more
        self._heard_at = time.monotonic()  # when the child last said anything
        self._owed_since: float | None = None  # when the oldest command it has not taken yet was sent

    # -- the studio's side of the gate ------------------------------------------------------
    def run(self) -> None:
        self._command("run")

    def pause(self) -> None:
        self._command("pause")

    def step(self, count: int = 1) -> None:
        if count < 1:
            raise ValueError("step count must be at least 1")
        self._command("step", int(count))

    def step_phase(self) -> None:
        self._command("step_phase")

    def submit(self, payload: Any) -> None:
        self._command("submit", payload)

    def stop(self) -> None:
        self.stop_requested = True
        self._command("stop")

    @property
    def running(self) -> bool:
        with self._lock:
            if self._fallback is not None:
                return self._fallback.running
            if self.lost:
                return False
            if self._taken < self._sent or self._connection is None:
                return self._asked_running and not self.stop_requested
            return self._child_running

    def silent_for(self, now: float | None = None) -> float:
        """Seconds the child has said nothing while it owes an answer; 0 when it owes none.

        It owes one for a command it has not taken yet, and while it runs (it
        reports many times a second).  A stopped child (SIGSTOP), or one busy with
        a long step, is silent but alive: the studio says it is not answering —
        it has not *ended*, and it may answer again.
        """
        with self._lock:
            if self._fallback is not None or self.lost or self._connection is None:
                return 0.0
            if self._owed_since is not None:
                since = max(self._heard_at, self._owed_since)
            elif self._child_running:
                since = self._heard_at
            else:
                return 0.0
        return max(0.0, (time.monotonic() if now is None else now) - since)

    def pending(self) -> int:
        """Commands not yet carried out: sent but not taken, plus those the child has queued."""
        with self._lock:
            if self._fallback is not None:
                return self._fallback.pending()
            if self.lost:
                return 0
            if self._connection is None:
                return len(self._waiting)
            return self._sent - self._taken + self._child_pending

    def _command(self, name: str, *args: Any) -> None:
        with self._lock:
            if name in ("run", "pause", "step", "step_phase", "stop"):
                self._asked_running = name == "run"
            if self._fallback is not None:
                getattr(self._fallback, name)(*args)
            elif self.lost:
                return  # no one to carry it out; the studio has said so and switched training off
            elif self._connection is None:
                self._waiting.append((name, args))
            else:
                self._send(name, args)

    def _send(self, name: str, args: tuple[Any, ...]) -> None:
        assert self._connection is not None
        number = self._sent + 1
        try:
            self._connection.send((number, name, args))  # pickled whole before a byte is written
        except (OSError, ValueError):  # the child has gone; receive() reports it
            self._sent = self._taken = number
            return
        # (anything else, a payload that cannot be pickled, is raised to the caller with nothing counted)
        if self._taken >= self._sent:
            self._owed_since = time.monotonic()
        self._sent = number
        if self._unheard is not None:
            self._unheard.append((name, args))
        if name == "submit" and isinstance(args[0], LoadSaved):
            self._loading[number] = args[0].saved

    # -- life -------------------------------------------------------------------------------
    def start(self, config: RunConfig, problem: Problem, fallback: RunGate) -> str | None:
        """Start the child on the run the studio shows; None, or why it trains in a thread instead.

        The studio has already published the run's first Update from its own
        session; the child continues from there with the same Problem.
        """
        self._problem = problem
        try:
            context = multiprocessing.get_context("spawn")  # the same on Linux, Windows and macOS
            ours, theirs = context.Pipe()
            process = context.Process(target=serve, args=(theirs, config, problem), name="bpstudio-trainer", daemon=True)
            with _child_main():
                process.start()
            theirs.close()
        except Exception as err:  # noqa: BLE001 - any failure leaves training in a thread
            with self._lock:
                self._fallback = fallback
                for name, args in self._waiting:
                    getattr(fallback, name)(*args)
                self._waiting.clear()
            return f"{type(err).__name__}: {err}"
        with self._lock:
            self._process, self._connection = process, ours
            for name, args in self._waiting:
                self._send(name, args)
            self._waiting.clear()
        return None

    def receive(self) -> tuple[str, Any] | None:
        """Block until the child says something: ("update", Update) or ("failed", text); None once it has ended.

        The child also acknowledges each command it takes; those only update
        :meth:`pending` and :attr:`running`.
        """
        connection = self._connection
        if connection is None:
            return None
        while True:
            try:
                kind, payload, same_problem, taken, running, pending = connection.recv()
            except (EOFError, OSError):
                return None
            with self._lock:
                self._unheard = None
                self._heard_at = time.monotonic()
                self._taken = max(self._taken, taken)
                if self._taken >= self._sent:
                    self._owed_since = None
                self._child_running, self._child_pending = running, pending
            if kind != "ack":  # an ack only says which commands the child has taken
                break
        if kind == "update":
            if same_problem:
                payload = dataclasses.replace(payload, problem=self._problem)
            else:
                self._problem = payload.problem
            if payload.loaded is not None and isinstance(payload.loaded[0], _LoadTicket):
                saved = self._loading.pop(payload.loaded[0].number, None)
                payload = dataclasses.replace(payload, loaded=(saved, payload.loaded[1]))
        return kind, payload

    def fall_back(self, gate: RunGate) -> bool:
        """The child ended without a word (it could not even begin): train in a thread on ``gate`` instead.

        Everything the studio asked since the start goes to the gate, in order;
        False, with nothing changed, if the child had begun (its run is lost).
        """
        with self._lock:
            if self._unheard is None or self.stop_requested:
                return False
            self._fallback = gate
            for name, args in self._unheard:
                getattr(gate, name)(*args)
            self._unheard = None
        return True

    def mark_lost(self) -> None:
        """The child ended unasked and cannot be replaced by a thread: later commands go nowhere."""
        with self._lock:
            self.lost = True

    @property
    def exit_code(self) -> int | None:
        return None if self._process is None else self._process.exitcode

    def kill(self) -> None:
        """End the child at once (it is busy with a step the studio will not wait for)."""
        if self._process is not None:
            self._process.kill()

    def finish(self, timeout: float) -> bool:
        """Once its pipe has closed: wait for the child to end, and end it if it will not; True when it ended by itself.

        Called by the thread that started and received from it, the only one that joins it.
        """
        if self._process is None:
            return True
        self._process.join(timeout)
        ended = not self._process.is_alive()
        if not ended:
            self._process.kill()
            self._process.join(1.0)
        if self._connection is not None:
            self._connection.close()
        return ended


@contextlib.contextmanager
def _child_main() -> Iterator[None]:
    """While a child is spawned, the main module it re-runs is :mod:`.trainer_entry`, never the parent's script.

    Spawn reads ``sys.modules["__main__"]`` as the child starts (synchronously,
    in ``Process.start``) and imports that module by name in the child.
    """
    saved = sys.modules.get("__main__")
    sys.modules["__main__"] = trainer_entry
    try:
        yield
    finally:
        if saved is not None:
            sys.modules["__main__"] = saved


# -- the child -----------------------------------------------------------------------------------
def own_scheduling_group() -> bool:
    """Put this process in a session of its own; True if it now is in one.

    Linux's scheduler shares the processors fairly between sessions
    ("autogroups") first and between the processes of a session second.  In
    the studio's session the trainer shared one share with the window's
    threads, so on a busy machine every millisecond the window drew was one
    the trainer lost; headless, a training script has its session's share to
    itself.  In a session of its own the trainer gets that share, and the
    window its own.  Elsewhere (no autogroups, or no ``setsid``) nothing
    changes.  The child needs no terminal: it ends when the studio's end of
    the pipe closes, whatever signal ended the studio.
    """
    setsid = getattr(os, "setsid", None)
    if setsid is None:
        return False
    try:
        setsid()
    except OSError:  # already a session leader (never so for a spawned child)
        return False
    return True


def serve(connection: Connection, config: RunConfig, problem: Problem) -> None:
    """The trainer's process: a session on the studio's run, driven by commands from the pipe."""
    own_scheduling_group()
    session = TrainingSession(config, problem)
    session.update(False)  # the studio published this starting point from its own session
    gate = RunGate()
    lock = threading.Lock()  # a command is put on the gate and counted as one step
    sending = threading.Lock()  # one message at a time, each with the state as it was sent
    taken = [0]
    sent_problem: list[Problem | None] = [session.trainer.problem]
    loading: dict[int, tuple[int, Any]] = {}  # id of a SavedSession -> (command number, the SavedSession)

    def read() -> None:
        while True:
            try:
                number, name, args = connection.recv()
            except (EOFError, OSError):  # the studio has gone
                gate.stop()
                return
            with lock:
                if name == "submit" and isinstance(args[0], LoadSaved):
                    loading[id(args[0].saved)] = (number, args[0].saved)
                if name in _FORWARDED:
                    getattr(gate, name)(*args)
                taken[0] = number
            if name == "stop":
                return
            # Said at once: a pause of a run that had already stopped brings no Update.
            _send(("ack", None, True))

    def publish(update: Update) -> None:
        same = update.problem is sent_problem[0]
        if same:
            update = dataclasses.replace(update, problem=None)
        else:
            sent_problem[0] = update.problem
        if update.loaded is not None:
            with lock:
                number, _saved = loading.pop(id(update.loaded[0]), (0, None))
            update = dataclasses.replace(update, loaded=(_LoadTicket(number), update.loaded[1]))
        _send(("update", update, same))

    def report(text: str) -> None:
        _send(("failed", text, True))

    def _send(message: tuple[Any, ...]) -> None:
        with sending:
            with lock:
                state = (taken[0], gate.running, gate.pending())
            try:
                connection.send((*message, *state))
            except (OSError, ValueError):  # the studio has gone
                gate.stop()

    threading.Thread(target=read, name="bpstudio-trainer-commands", daemon=True).start()
    drive(gate, session, publish, report, max_rate=PUBLISH_RATE)
    connection.close()
