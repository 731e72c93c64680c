"""The pace of a run: iterations a second a teacher can narrate, and "run N, then pause".

:class:`Pace` is the setting (kept in the session and its file); :class:`Pacer`
is the training loop's clock for it.  Before each batch the loop asks the
pacer how many iterations may run now (:meth:`Pacer.allowed`) and, when none
may, how long until the next one is due (:meth:`Pacer.wait`); it waits that
long on the run gate, so a pause, step or close still answers at once.

The schedule is absolute — iteration k of a paced stretch is due k/speed
seconds after it began — so the achieved rate does not drift with the time a
step or a wake-up takes.  A trainer that falls behind (a slow step, a busy
machine) does not burst to catch up: the schedule forgives lag beyond
:data:`MAX_LAG`.  At speed 0 the pacer sets no limit and the loop trains as
fast as it can, with nothing added to its hot path.

No Qt and no real clock inside: the clock is passed in, so the schedule is
tested with a fake one.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_SPEED = 10_000  # it/s: beyond this a paced run is no slower than an unpaced one to the eye
MAX_RUN_FOR = 10_000_000
MAX_LAG = 0.25  # s of schedule a late trainer may catch up on; older lag is forgiven
RATE_WINDOW = 1.0  # s: the measured rate is over the last one to two of these


class PaceError(ValueError):
    """A pace that the controls would not allow (a number out of range, or not a whole number)."""


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class Pace:
    """``run_speed``: iterations a second, 0 = as fast as possible; ``run_for``: N ≥ 1 then pause, None = until paused."""

    run_speed: int = 0
    run_for: int | None = None

    def __post_init__(self) -> None:
        if not _whole(self.run_speed) or not 0 <= self.run_speed <= MAX_SPEED:
            raise PaceError(f"run_speed must be a whole number from 0 to {MAX_SPEED:,} iterations a second")
        if self.run_for is not None and (not _whole(self.run_for) or not 1 <= self.run_for <= MAX_RUN_FOR):
            raise PaceError(f"run_for must be null or a whole number from 1 to {MAX_RUN_FOR:,}")

    def to_dict(self) -> dict[str, float | int | None]:
        return {"run_speed": self.run_speed, "run_for": self.run_for}

    @classmethod
    def from_dict(cls, data: object) -> Pace:
        """A pace read from a file; PaceError names what is wrong."""
        if not isinstance(data, dict) or set(data) != {"run_speed", "run_for"}:
            raise PaceError("'pace' must give run_speed and run_for and nothing else")
        return cls(data["run_speed"], data["run_for"])


class Pacer:
    """One run's schedule: started when the run starts, told of every batch it ran."""

    def __init__(self, clock: Callable[[], float] = time.perf_counter) -> None:
        self.clock = clock
        self.pace = Pace()
        self.left: int | None = None  # iterations before run_for pauses the run
        self._begun = 0.0  # when the schedule's first iteration was due
        self._done = 0  # iterations run on this schedule
        self._anchor: tuple[float, int] | None = None  # (time, iterations) the rate is measured from
        self._next_anchor: tuple[float, int] | None = None
        self._counted = 0  # iterations run since the run (or the speed) started, for the rate

    def start(self, pace: Pace) -> None:
        """A run starts (Run after a pause, a step or a load): the schedule and run_for count from now."""
        self.pace = pace
        self.left = pace.run_for
        self._restart_schedule()

    def change(self, pace: Pace) -> None:
        """The pace changed during a run: a new speed is scheduled from now, a new run_for counts from now."""
        old, self.pace = self.pace, pace
        if pace.run_for != old.run_for:
            self.left = pace.run_for
        if pace.run_speed != old.run_speed:
            self._restart_schedule()

    def _restart_schedule(self) -> None:
        now = self.clock()
        self._begun, self._done = now, 0
        self._anchor, self._next_anchor, self._counted = None, None, 0

    @property
    def paced(self) -> bool:
        """Whether the loop must ask before each batch (a speed or a run_for is set)."""
        return self.pace.run_speed > 0 or self.left is not None

    def allowed(self) -> int | None:
        """Iterations that may run now: None for no limit, 0 when the next one is not due yet."""
        limit = self.left
        speed = self.pace.run_speed
        if speed:
            now = self.clock()
            lag = now - (self._begun + self._done / speed)
            if lag > MAX_LAG:  # behind schedule: catch up on a quarter of a second at most
                self._begun += lag - MAX_LAG
            due = math.floor((now - self._begun) * speed + 1e-9) + 1 - self._done  # (k/speed·speed may round below k)
            due = max(due, 0)
            limit = due if limit is None else min(limit, due)
        return limit

    def wait(self) -> float:
        """Seconds until the next iteration is due (0 when one is due now or there is no speed)."""
        speed = self.pace.run_speed
        if not speed:
            return 0.0
        return max(0.0, self._begun + self._done / speed - self.clock())

    def ran(self, count: int) -> None:
        """The loop ran ``count`` iterations of this schedule."""
        self._done += count
        self._counted += count
        if self.left is not None:
            self.left = max(0, self.left - count)

    @property
    def run_for_reached(self) -> bool:
        return self.left == 0

    def rate(self) -> float:
        """Iterations a second over the last one to two seconds, wall time, waits included; 0 until measured."""
        now = self.clock()
        point = (now, self._counted)
        if self._anchor is None:
            self._anchor = point
            return 0.0
        if self._next_anchor is None and now - self._anchor[0] >= RATE_WINDOW:
            self._next_anchor = point
        elif self._next_anchor is not None and now - self._next_anchor[0] >= RATE_WINDOW:
            self._anchor, self._next_anchor = self._next_anchor, point
        then, counted = self._anchor
        return (self._counted - counted) / (now - then) if now > then else 0.0
