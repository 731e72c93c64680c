"""The training loop shared by the Qt thread and the plain-thread tests.

``drive(gate, session, publish)`` is everything a training thread does: wait
on the gate, carry out commands, run batches, and publish an Update after
each — throttled so that a fast run publishes at most ``max_rate`` times a
second, every JVal value still included.  Exceptions are published as an
error message and pause the run instead of killing the thread silently.

The session's :class:`~.pace.Pace` sets how fast a run goes and when it
pauses by itself: a :class:`~.pace.Pacer` says how many iterations each batch
may run, and between them the loop waits on the gate (never a blind sleep),
so Pause, Step and closing answer at once.  At full speed with no run_for it
asks nothing and the batch loop is the plain one.
"""

from __future__ import annotations

import contextlib
import time
import traceback
from collections.abc import Callable

from bpstudio.control.runtime.pace import Pacer
from bpstudio.control.runtime.run_gate import RUN_BATCH, STOP, RunGate
from bpstudio.control.runtime.session import TrainingSession, Update


def drive(
    gate: RunGate,
    session: TrainingSession,
    publish: Callable[[Update], None],
    report_error: Callable[[str], None],
    max_rate: float = 60.0,
    pacer: Pacer | None = None,
) -> None:
    """``pacer``: the run's clock (tests pass one with a fake clock); one is made otherwise."""
    interval = 1.0 / max_rate
    last_publish = 0.0
    was_running = False
    rate = 0.0
    unpublished = False  # a batch ran that no Update has told yet
    pacer = pacer or Pacer()
    while True:
        # While a run goes on, wake at least every interval: a pause can come just after an Update
        # that said "running", and then nothing else would wake this loop to say "paused".
        command = gate.wait(interval if was_running else None)
        if command is STOP:
            return
        try:
            if was_running and command is not RUN_BATCH and not gate.running:
                session.paused()  # the pause point first, before a step or change that came with it
                was_running = False
                if command is None:
                    publish(session.update(False, rate))
                    last_publish = time.perf_counter()
                    continue
            if command is None:
                continue
            if command is RUN_BATCH:
                if not was_running:
                    pacer.start(session.pace)  # a run begins: its schedule and run_for count from here
                elif session.pace != pacer.pace:
                    pacer.change(session.pace)
                was_running = True
                if pacer.paced:
                    allowed = pacer.allowed()
                    if allowed == 0 and not pacer.run_for_reached:  # the next iteration is not due yet
                        wait = pacer.wait()
                        if unpublished and time.perf_counter() + wait - last_publish >= interval:
                            # the wait outlasts the publishing interval: show what ran before it, not after
                            publish(session.update(gate.running, rate))
                            last_publish, unpublished = time.perf_counter(), False
                        gate.hold(wait)  # a pause, step or close ends the wait at once
                        continue
                    count, rate = session.run_batch(lambda: gate.running, seconds=interval, limit=allowed)
                    pacer.ran(count)
                    if pacer.pace.run_speed:
                        rate = pacer.rate()  # over wall time, the waits included
                    if pacer.run_for_reached:
                        gate.finished_running()  # N iterations run: the run pauses by itself
                else:
                    _count, rate = session.run_batch(lambda: gate.running, seconds=interval)
                if session.trainer.finished:
                    gate.finished_running()
                if gate.running and time.perf_counter() - last_publish < interval:
                    unpublished = True
                    continue
            else:
                session.execute(command)
            running = gate.running  # read once: the Update says what this check decided
            if was_running and not running:
                session.paused()
                was_running = False
            publish(session.update(running, rate))
            last_publish, unpublished = time.perf_counter(), False
        except Exception as exc:  # the GUI must hear of it; the thread goes on
            gate.pause()
            report_error(f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=4)}")
            with contextlib.suppress(Exception):  # pragma: no cover - nothing more we can report
                publish(session.update(False))
