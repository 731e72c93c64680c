"""The trainer in a process of its own, so that drawing never holds it up.

In one process, the training thread and the GUI thread share Python's global
interpreter lock: every frame the views draw is time the trainer waits, and the
article's run took about 1.5× its headless time in the window.  In a child
process the trainer has a core to itself and the studio only receives its
Updates.

The child runs exactly what a training thread runs, :func:`drive` on a
:class:`RunGate`; a reader thread feeds that gate from the pipe.  The studio's
side, :class:`TrainerProcess`, offers the gate's methods (the
:class:`~.trainer_port.TrainerPort`), sends each as a typed command value and
numbers it, so it knows which ones the child has taken.  Until all of them are taken, its
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
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Literal

from bpstudio.control.runtime import trainer_entry
from bpstudio.control.runtime.commands import Change, LoadSaved
from bpstudio.control.runtime.driver import drive
from bpstudio.control.runtime.run_gate import RunGate, Step, StepPhase, Submit
from bpstudio.control.runtime.session import LoadOutcome, TrainingSession, Update
from bpstudio.control.runtime.trainer_port import Pause, PortCommand, Run, Stop, deliver
from bpstudio.engine.config import RunConfig
from bpstudio.engine.data import Problem

if TYPE_CHECKING:
    from bpstudio.control.files.session_file import SavedSession

# Where the trainer runs: "process" (the studio's default) or "thread" (tests that read the session)
TRAINER_ENV = "BPSTUDIO_TRAINER"
PUBLISH_RATE = 15.0  # Updates a second while running: the plot's frame rate


@dataclass(frozen=True)
class _LoadTicket:
    """Stands for a loaded Update's LoadOutcome on the way back: the command that sent the SavedSession, and the error."""

    number: int
    error: str | None


@dataclass(frozen=True)
class _Report:
    """One message from the child: an Update, a failure or only an acknowledgement, and its state as it said it."""

    taken: int  # the number of the last command it has taken
    running: bool
    pending: int  # commands it has queued and not carried out yet
    update: Update | None = None  # without its Problem when ``same_problem``, without its LoadOutcome when ``loaded``
    same_problem: bool = True
    loaded: _LoadTicket | None = None
    failure: str | None = None


Received = tuple[Literal["update"], Update] | tuple[Literal["failed"], str]


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
        self._process: BaseProcess | None = None
        self._waiting: list[PortCommand] = []
        self._fallback: RunGate | None = None
        self._sent = 0  # commands numbered and sent
        self._taken = 0  # the last one the child reported taking
        self._asked_running = False  # what the studio last asked for
        self._child_running = False
        self._child_pending = 0
        self._problem: Problem | None = None  # the run's Problem the studio holds
        self._loading: dict[int, SavedSession] = {}  # command number -> the SavedSession it sent
        # Commands sent before the child first spoke: if it ends without a word, they go to a thread.
        self._unheard: list[PortCommand] | None = []
        self.stop_requested = False
        self.lost = False  # the child ended unasked after it had begun: nothing trains any more
        self._heard_at = time.monotonic()  # when the child last said anything
        self._owed_since: float | None = None  # when the oldest command it has not taken yet was sent

    # -- the studio's side of the gate ------------------------------------------------------
    def run(self) -> None:
        self._command(Run())

    def pause(self) -> None:
        self._command(Pause())

    def step(self, count: int = 1) -> None:
        if count < 1:
            raise ValueError("step count must be at least 1")
        self._command(Step(int(count)))

    def step_phase(self) -> None:
        self._command(StepPhase())

    def submit(self, payload: Change) -> None:
        self._command(Submit(payload))

    def stop(self) -> None:
        self.stop_requested = True
        self._command(Stop())

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

    def _command(self, command: PortCommand) -> None:
        with self._lock:
            if not isinstance(command, Submit):  # a change leaves the run as it was asked to be
                self._asked_running = isinstance(command, Run)
            if self._fallback is not None:
                deliver(self._fallback, command)
            elif self.lost:
                return  # no one to carry it out; the studio has said so and switched training off
            elif self._connection is None:
                self._waiting.append(command)
            else:
                self._send(command)

    def _send(self, command: PortCommand) -> None:
        assert self._connection is not None
        number = self._sent + 1
        try:
            self._connection.send((number, command))  # pickled whole before a byte is written
        except (OSError, ValueError):  # the child has gone; receive() reports it
            self._sent = self._taken = number
            return
        # (anything else, a payload that cannot be pickled, is raised to the caller with nothing counted)
        if self._taken >= self._sent:
            self._owed_since = time.monotonic()
        self._sent = number
        if self._unheard is not None:
            self._unheard.append(command)
        if isinstance(command, Submit) and isinstance(command.payload, LoadSaved):
            self._loading[number] = command.payload.saved

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
                for command in self._waiting:
                    deliver(fallback, command)
                self._waiting.clear()
            return f"{type(err).__name__}: {err}"
        with self._lock:
            self._process, self._connection = process, ours
            for command in self._waiting:
                self._send(command)
            self._waiting.clear()
        return None

    def receive(self) -> Received | None:
        """Block until the child says something: ("update", Update) or ("failed", text); None once it has ended.

        The child also acknowledges each command it takes; those only update
        :meth:`pending` and :attr:`running`.
        """
        connection = self._connection
        if connection is None:
            return None
        while True:
            try:
                report: _Report = connection.recv()
            except (EOFError, OSError):
                return None
            with self._lock:
                self._unheard = None
                self._heard_at = time.monotonic()
                self._taken = max(self._taken, report.taken)
                if self._taken >= self._sent:
                    self._owed_since = None
                self._child_running, self._child_pending = report.running, report.pending
            if report.failure is not None:
                return "failed", report.failure
            if report.update is not None:
                break
            # nothing else: an ack only says which commands the child has taken
        update = report.update
        if report.same_problem:
            update = dataclasses.replace(update, problem=self._problem)
        else:
            self._problem = update.problem
        if report.loaded is not None:
            saved = self._loading.pop(report.loaded.number, None)
            if saved is not None:
                update = dataclasses.replace(update, loaded=LoadOutcome(saved, report.loaded.error))
        return "update", update

    def fall_back(self, gate: RunGate) -> bool:
        """The child ended without a word (it could not even begin): train in a thread on ``gate`` instead.

        Everything the studio asked since the start goes to the gate, in order;
        False, with nothing changed, if the child had begun (its run is lost).
        """
        with self._lock:
            if self._unheard is None or self.stop_requested:
                return False
            self._fallback = gate
            for command in self._unheard:
                deliver(gate, command)
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
    loading: dict[int, tuple[int, SavedSession]] = {}  # id of a SavedSession -> (command number, the SavedSession)

    def read() -> None:
        while True:
            try:
                number: int
                command: PortCommand
                number, command = connection.recv()
            except (EOFError, OSError):  # the studio has gone
                gate.stop()
                return
            with lock:
                if isinstance(command, Submit) and isinstance(command.payload, LoadSaved):
                    loading[id(command.payload.saved)] = (number, command.payload.saved)
                deliver(gate, command)
                taken[0] = number
            if isinstance(command, Stop):
                return
            # Said at once: a pause of a run that had already stopped brings no Update.
            _send()

    def publish(update: Update) -> None:
        same = update.problem is sent_problem[0]
        if same:
            update = dataclasses.replace(update, problem=None)
        else:
            sent_problem[0] = update.problem
        ticket = None
        if update.loaded is not None:
            with lock:
                number, _saved = loading.pop(id(update.loaded.saved), (0, None))
            ticket = _LoadTicket(number, update.loaded.error)
            update = dataclasses.replace(update, loaded=None)
        _send(update=update, same_problem=same, loaded=ticket)

    def report(text: str) -> None:
        _send(failure=text)

    def _send(
        update: Update | None = None, same_problem: bool = True, loaded: _LoadTicket | None = None, failure: str | None = None
    ) -> None:
        with sending:
            with lock:
                message = _Report(taken[0], gate.running, gate.pending(), update, same_problem, loaded, failure)
            try:
                connection.send(message)
            except (OSError, ValueError):  # the studio has gone
                gate.stop()

    threading.Thread(target=read, name="bpstudio-trainer-commands", daemon=True).start()
    drive(gate, session, publish, report, max_rate=PUBLISH_RATE)
    connection.close()
