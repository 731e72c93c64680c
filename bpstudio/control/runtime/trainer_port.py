"""What the studio can ask of its trainer, wherever it runs: one protocol and one typed command each.

The trainer runs either on a :class:`~.run_gate.RunGate` in a thread of the
studio or in a child process behind a :class:`~.trainer_process.TrainerProcess`.
Both satisfy :class:`TrainerPort`, so the Qt thread and the tests talk to either
without knowing which.

A gesture that has to wait (the process has not started yet) or cross the pipe
is kept as a :data:`PortCommand` value, not as a method name: the values
pickle, mypy checks what each carries, and :func:`deliver` is the one place
that turns a value back into a call.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from bpstudio.control.runtime.commands import Change
from bpstudio.control.runtime.run_gate import Step, StepPhase, Submit


@runtime_checkable
class TrainerPort(Protocol):
    """The studio's side of the trainer: gestures in, and what it is doing now."""

    @property
    def running(self) -> bool: ...

    def run(self) -> None: ...

    def pause(self) -> None: ...

    def step(self, count: int = 1) -> None: ...

    def step_phase(self) -> None: ...

    def submit(self, payload: Change) -> None: ...

    def stop(self) -> None: ...

    def pending(self) -> int: ...


@dataclass(frozen=True)
class Run:
    """Train at the session's pace until paused, stopped or finished."""


@dataclass(frozen=True)
class Pause:
    """Stop on the current iteration."""


@dataclass(frozen=True)
class Stop:
    """End the trainer: nothing is carried out after it."""


# Step, StepPhase and Submit are also what the gate queues for the training thread.
PortCommand = Run | Pause | Step | StepPhase | Submit | Stop


def deliver(port: TrainerPort, command: PortCommand) -> None:
    """Carry out ``command`` on ``port``, as the matching method call would."""
    if isinstance(command, Run):
        port.run()
    elif isinstance(command, Pause):
        port.pause()
    elif isinstance(command, Step):
        port.step(command.count)
    elif isinstance(command, StepPhase):
        port.step_phase()
    elif isinstance(command, Submit):
        port.submit(command.payload)
    elif isinstance(command, Stop):
        port.stop()
    else:
        raise TypeError(f"not a trainer command: {command!r}")
