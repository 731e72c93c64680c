"""The redo branch: what rewinds stepped back over, as one immutable value.

A rewind keeps the later points so that Redo can walk forward to them again
(:class:`.session.TrainingSession`).  The branch is a value, not session
internals, because it travels: the trainer announces it in an Update when it
changes, the window keeps the latest one (:attr:`.StudioModel.redo_branch`),
a lecture's scene stores it (:mod:`bpstudio.control.files.redo_members`), and
arriving at the scene hands it back to the trainer with the session
(:class:`.commands.LoadSaved`), so Redo in a presented scene goes where it went
when the scene was captured.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from bpstudio.engine.config import RunConfig
from bpstudio.engine.snapshot import Snapshot
from bpstudio.engine.trainer import StopReason

if TYPE_CHECKING:  # the session, which keeps a branch, defines the change records
    from bpstudio.control.runtime.session import ChangeRecord


@dataclass(frozen=True, eq=False)
class RedoBranch:
    """The later points a rewind stepped back over, the JVal history to the last, and the changes on the way."""

    snapshots: tuple[Snapshot, ...]  # rising iterations, the next one Redo goes to first
    history: np.ndarray  # the branch's whole JVal history, from iteration 0 to its last point
    test_history: np.ndarray | None
    changes: tuple[ChangeRecord, ...]  # the changes made after the rewind point
    stop_reason: StopReason | None  # why the branch's run stopped, if it had: it comes back with its last point
    config: RunConfig  # the settings at its end, before the rewind restored older ones
    run_changes: tuple[ChangeRecord, ...]  # all of the run's changes, the rewound-over ones and those before

    def __post_init__(self) -> None:
        """The histories are shared with the window (in one process) and never written again."""
        for values in (self.history, self.test_history):
            if values is not None:
                values.setflags(write=False)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        """Pickled through the constructor, so that the window's copy (from the trainer's process) is read-only too."""
        fields = (self.snapshots, self.history, self.test_history, self.changes, self.stop_reason, self.config)
        return RedoBranch, (*fields, self.run_changes)

    @property
    def end(self) -> Snapshot:
        return self.snapshots[-1]

    def without_first(self) -> RedoBranch | None:
        """The branch once Redo has gone to its first point (None when that was the last)."""
        rest = self.snapshots[1:]
        if not rest:
            return None
        return RedoBranch(rest, self.history, self.test_history, self.changes, self.stop_reason, self.config, self.run_changes)
