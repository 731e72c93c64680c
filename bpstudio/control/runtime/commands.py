"""Changes a user can ask of a running session; queued through the run gate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bpstudio.control.runtime.pace import Pace
from bpstudio.engine.config import RunConfig

if TYPE_CHECKING:  # session_file imports the session, which imports these commands
    from bpstudio.control.files.session_file import SavedSession
    from bpstudio.control.runtime.redo_branch import RedoBranch


@dataclass(frozen=True)
class SetSetting:
    """Change one RunConfig field: live ones apply at the next iteration, others start a new run."""

    field: str
    value: Any


@dataclass(frozen=True)
class ApplyConfig:
    """Replace the whole configuration (e.g. "restore the article's defaults")."""

    config: RunConfig


@dataclass(frozen=True)
class Rewind:
    """Go back to the snapshot at or before ``iteration`` (None: the one before now)."""

    iteration: int | None = None


@dataclass(frozen=True)
class Redo:
    """Forward again to the next point a rewind stepped back over (the timeline's other direction)."""


@dataclass(frozen=True)
class Reset:
    """Back to the start point of the current configuration."""


@dataclass(frozen=True)
class SelectSample:
    """Which sample the phase step-through reports node values for."""

    sample: int


@dataclass(frozen=True)
class LoadSaved:
    """Continue a session read from a file (a checked SavedSession); a lecture's scene adds its redo branch."""

    saved: SavedSession
    branch: RedoBranch | None = None


@dataclass(frozen=True)
class SetWeight:
    """Put one parameter at ``value`` (the landscape's drag, while paused); the iteration stays."""

    param: int
    value: float


@dataclass(frozen=True)
class SetPace:
    """How fast a run goes and when it pauses by itself (see control.pace); not a RunConfig setting."""

    pace: Pace


# Every change the session takes through the gate's Submit.
Change = SetSetting | ApplyConfig | Rewind | Redo | Reset | SelectSample | LoadSaved | SetWeight | SetPace
