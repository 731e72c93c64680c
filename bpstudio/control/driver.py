"""The training loop shared by the Qt thread and the plain-thread tests.

``drive(gate, session, publish)`` is everything a training thread does: wait
on the gate, carry out commands, run batches, and publish an Update after
each — throttled so that a fast run publishes at most ``max_rate`` times a
second, every JVal value still included.  Exceptions are published as an
error message and pause the run instead of killing the thread silently.
"""

from __future__ import annotations

import time
import traceback
from typing import Callable

from .run_gate import RUN_BATCH, STOP, RunGate
from .session import TrainingSession, Update


def drive(
    gate: RunGate,
    session: TrainingSession,
    publish: Callable[[Update], None],
    report_error: Callable[[str], None],
    max_rate: float = 60.0,
) -> None:
    interval = 1.0 / max_rate
    last_publish = 0.0
    was_running = False
    rate = 0.0
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
                rate = session.run_batch(lambda: gate.running, seconds=interval)
                was_running = True
                if session.trainer.finished:
                    gate.finished_running()
                if gate.running and time.perf_counter() - last_publish < interval:
                    continue
            else:
                session.execute(command)
            running = gate.running  # read once: the Update says what this check decided
            if was_running and not running:
                session.paused()
                was_running = False
            publish(session.update(running, rate))
            last_publish = time.perf_counter()
        except Exception as exc:  # the GUI must hear of it; the thread goes on
            gate.pause()
            report_error(f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=4)}")
            try:
                publish(session.update(False))
            except Exception:  # pragma: no cover - nothing more we can report
                pass
