"""A scene's kept runs (the Runs panel): ``runs.json`` and one ``run-KK.npy`` per run, beside the scene's session.

A run is stored as the studio keeps it (:class:`.finished_runs.FinishedRun`):
its curve, already at most 10 000 points, as a 2 × N array of iterations and
JVal; its settings, changes and why it stopped in ``runs.json``.  Reading
checks them with the session file's own rules (the settings as a session's
``config``, the changes as a session's), so a scene's runs cannot hold what a
session could not; a run that breaks them makes the scene one that cannot be
rebuilt, never the whole lecture.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence

import numpy as np

from bpstudio.control.files.session_archive import parse_json
from bpstudio.control.files.session_file import (  # the session's own
    SessionFileError,
    _changes,
    _config,
    change_rows,
    config_entries,
    npy_bytes,
)
from bpstudio.control.model.downsample import MAX_POINTS
from bpstudio.control.model.finished_runs import MAX_RUNS, FinishedRun

RUNS_MEMBER = "runs.json"
STOP_REASONS = (None, "converged1", "converged2", "diverged", "max_iter")


def run_member(number: int) -> str:
    return f"run-{number:02d}.npy"


def is_runs_member(name: str) -> bool:
    return name == RUNS_MEMBER or (name.startswith("run-") and name.endswith(".npy"))


def runs_members(runs: Sequence[FinishedRun]) -> list[tuple[str, bytes]]:
    """The members of ``runs`` (none for no runs, so a scene without runs is stored as before)."""
    if not runs:
        return []
    document = [
        {
            **config_entries(run.config),
            "sizes": list(run.sizes),
            "changes": change_rows(run.changes),
            "stop_reason": run.stop_reason,
            "iterations_done": run.iterations_done,
            "converged_by": run.converged_by,
        }
        for run in runs
    ]
    members = [(RUNS_MEMBER, json.dumps(document, indent=1).encode("utf-8"))]
    for number, run in enumerate(runs):
        members.append((run_member(number), npy_bytes(np.vstack([run.iterations, run.history]))))
    return members


def read_runs(parts: dict[str, bytes]) -> tuple[FinishedRun, ...]:
    """The runs a scene keeps; SessionFileError (ArchiveError for unreadable JSON) says what is wrong."""
    if RUNS_MEMBER not in parts:
        if any(is_runs_member(name) for name in parts):
            raise SessionFileError("the scene holds a run's curve but no runs.json")
        return ()
    document = parse_json(parts[RUNS_MEMBER], RUNS_MEMBER)
    if not isinstance(document, list) or len(document) > MAX_RUNS:
        raise SessionFileError(f"runs.json must list at most {MAX_RUNS} runs")
    runs = []
    for number, entry in enumerate(document):
        if not isinstance(entry, dict):
            raise SessionFileError("each run of runs.json must be an object")
        curve = _curve(parts, run_member(number))
        iterations, history = curve[0], curve[1]
        done = entry.get("iterations_done")
        if not isinstance(done, int) or isinstance(done, bool) or done != int(iterations[-1]):
            raise SessionFileError(f"run {number + 1}: 'iterations_done' must be the iteration of its last point")
        sizes = entry.get("sizes")
        if not isinstance(sizes, list) or not 2 <= len(sizes) <= 66 or not all(isinstance(s, int) and 0 < s <= 4096 for s in sizes):
            raise SessionFileError(f"run {number + 1}: 'sizes' must list the network's layer sizes")
        stop, by = entry.get("stop_reason"), entry.get("converged_by")
        if stop not in STOP_REASONS or not (by is None or isinstance(by, str) and len(by) <= 40):
            raise SessionFileError(f"run {number + 1}: unknown stop reason")
        config = _config(entry)
        changes = _changes(entry, done)
        runs.append(FinishedRun(number, history, iterations, config, tuple(sizes), changes, stop, done, float(history[-1]), by))
    return tuple(runs)


def _curve(parts: dict[str, bytes], member: str) -> np.ndarray:
    if member not in parts:
        raise SessionFileError(f"the scene has no {member}")
    try:
        curve: np.ndarray = np.load(io.BytesIO(parts[member]), allow_pickle=False)
    except (ValueError, OSError, EOFError) as err:
        raise SessionFileError(f"{member} cannot be read ({err})") from None
    if curve.dtype != np.float64 or curve.ndim != 2 or curve.shape[0] != 2 or not 1 <= curve.shape[1] <= MAX_POINTS:
        raise SessionFileError(f"{member} must hold 2 rows of 1 to {MAX_POINTS:,} numbers")
    iterations = curve[0]
    if not np.all(np.isfinite(iterations)) or np.any(np.diff(iterations) <= 0) or iterations[0] < 0 or np.any(iterations % 1):
        raise SessionFileError(f"{member}: the iterations must be whole numbers, rising")
    if np.any(curve[1] < 0):  # NaN stays: a diverged run's last point
        raise SessionFileError(f"{member} holds negative values; JVal is never negative")
    return curve
