"""A scene's redo branch: ``redo.json``, ``redo-history.npy`` and one ``redo-KK.npy`` per point.

What a rewind stepped back over (:class:`.redo_branch.RedoBranch`) is kept
beside the scene's session, so that Redo in a presented scene goes where it
went when the scene was captured.  ``redo.json`` holds the branch's settings
at its end (as a session's ``config`` and ``conventions``), why it stopped,
its changes, and each point's iteration, JVal, optimizer and hyperparameters;
``redo-history.npy`` (and ``redo-test_history.npy`` for a run with a test
split) the JVal history to its last point; ``redo-KK.npy`` a point's weights,
gradient and optimizer state as rows.

A branch is kept small: at most :data:`MAX_POINTS` points and
:data:`MAX_BYTES` of arrays in a scene.  A longer one keeps its last point and
evenly spaced ones before it (Redo then walks in fewer, longer strides); one
whose history alone is over the budget is not kept (the scene has no Redo).

Reading checks it with the session file's own rules (settings, changes,
hyperparameters, optimizer state) and against the scene's session — the
same run, points after it — so a branch cannot hold what a session could
not; a branch that breaks them makes the scene one that cannot be rebuilt,
never the whole lecture.
"""

from __future__ import annotations

import json
import math

import numpy as np

from bpstudio.control.files.session_archive import PartsReader, parse_json
from bpstudio.control.files.session_file import (  # the session's own checks
    STOP_REASONS,
    SavedSession,
    SessionFileError,
    _array,
    _changes,
    _config,
    _history,
    _hyper,
    _is_number,
    change_rows,
    check_playground_parts,
    config_entries,
    npy_bytes,
    state_keys,
)
from bpstudio.control.runtime.redo_branch import RedoBranch
from bpstudio.engine.config import RunConfig
from bpstudio.engine.optimizers import OPTIMIZERS
from bpstudio.engine.snapshot import Snapshot
from bpstudio.engine.trainer import StopReason

REDO_MEMBER = "redo.json"
HISTORY = "redo-history"
TEST_HISTORY = "redo-test_history"
MAX_POINTS = 32  # Redo's stops a scene keeps
MAX_BYTES = 2 * 1024 * 1024  # a scene's branch arrays: a 50 000-iteration history and points of a teaching net


def point_member(number: int) -> str:
    return f"redo-{number:02d}"


def is_redo_member(name: str) -> bool:
    return name == REDO_MEMBER or (name.startswith("redo-") and name.endswith(".npy"))


# -- writing -----------------------------------------------------------------------------
def redo_members(branch: RedoBranch | None) -> list[tuple[str, bytes]]:
    """The members of ``branch`` within the budget (none for no branch, so a scene without one is stored as before)."""
    if branch is None or not branch.snapshots:
        return []
    histories = [(HISTORY, npy_bytes(branch.history))]
    if branch.test_history is not None:
        histories.append((TEST_HISTORY, npy_bytes(branch.test_history)))
    room = MAX_BYTES - sum(len(data) for _, data in histories)
    points = branch.snapshots
    count = min(len(points), MAX_POINTS)
    while count:
        kept = _spread(points, count)
        arrays = [npy_bytes(_rows(point)) for point in kept]
        if sum(len(data) for data in arrays) <= room:
            break
        count -= 1
    else:
        return []  # not even the last point fits beside the history
    document = {
        **config_entries(branch.config),
        "stop_reason": None if branch.stop_reason is None else branch.stop_reason.value,
        "changes": change_rows(branch.changes),
        "run_changes": change_rows(branch.run_changes),
        "points": [
            {
                "iteration": point.iteration,
                "jval": point.jval,
                "optimizer": point.optimizer,
                "hyper": dict(point.hyper),
                "state": list(point.optimizer_state),
                "stop_reason": point.stop_reason,
            }
            for point in kept
        ],
    }
    members = [(REDO_MEMBER, json.dumps(document, indent=1).encode("utf-8"))]
    members += [(f"{name}.npy", data) for name, data in histories]
    members += [(f"{point_member(number)}.npy", data) for number, data in enumerate(arrays)]
    return members


def _spread(points: tuple[Snapshot, ...], count: int) -> tuple[Snapshot, ...]:
    """``count`` of ``points``: the last always, the others evenly spaced before it."""
    if count >= len(points):
        return points
    if count == 1:
        return points[-1:]
    chosen = sorted({round(k * (len(points) - 1) / (count - 1)) for k in range(count)})
    return tuple(points[k] for k in chosen)


def _rows(point: Snapshot) -> np.ndarray:
    return np.vstack([point.weights, point.gradient, *point.optimizer_state.values()])


# -- reading -----------------------------------------------------------------------------
def read_redo(parts: dict[str, bytes], saved: SavedSession) -> RedoBranch | None:
    """The branch a scene keeps, checked against its session ``saved``; SessionFileError says what is wrong."""
    if REDO_MEMBER not in parts:
        if any(is_redo_member(name) for name in parts):
            raise SessionFileError("the scene holds a redo point but no redo.json")
        return None
    document = parse_json(parts[REDO_MEMBER], REDO_MEMBER)
    if not isinstance(document, dict):
        raise SessionFileError("redo.json must hold an object")
    config = _config(document)
    if saved.config.needs_new_run(config):
        raise SessionFileError("redo.json: the redo branch belongs to another run than the scene's")
    problem = saved.problem
    assert problem is not None  # a checked session has its problem built
    n = problem.network.n_params
    raw_points = document.get("points")
    if not isinstance(raw_points, list) or not 1 <= len(raw_points) <= MAX_POINTS:
        raise SessionFileError(f"redo.json: 'points' must list 1 to {MAX_POINTS} points")
    names = set(parts)
    reader = PartsReader(parts)
    iterations = [saved.snapshot.iteration]
    for entry in raw_points:
        iterations.append(_point_iteration(entry, iterations[-1]))
    last = iterations[-1]
    history = _history(_array(reader, names, HISTORY, (last + 1,), finite=False))
    test_history = None
    if f"{TEST_HISTORY}.npy" in names:
        if not config.test_fraction:
            raise SessionFileError("redo.json: a test history, but the run has no test split")
        test_history = _array(reader, names, TEST_HISTORY, (last + 1,), finite=False)
        if (test_history < 0).any():
            raise SessionFileError(f"{TEST_HISTORY}.npy holds negative values; JVal is never negative")
    points: list[Snapshot] = []
    for number, (entry, iteration) in enumerate(zip(raw_points, iterations[1:], strict=True)):
        point = _point(reader, names, number, entry, iteration, config, n, problem.network.weight_mask)
        if not (point.jval == history[point.iteration] or (math.isnan(point.jval) and math.isnan(history[point.iteration]))):
            raise SessionFileError(f"redo point {number + 1}: its JVal is not the history's at iteration {point.iteration}")
        points.append(point)
    if len(names - {REDO_MEMBER, f"{HISTORY}.npy", f"{TEST_HISTORY}.npy"} - {f"{point_member(k)}.npy" for k in range(len(points))}):
        raise SessionFileError("the scene holds redo points that redo.json does not list")
    stop = document.get("stop_reason")
    if stop not in STOP_REASONS:
        raise SessionFileError(f"redo.json: unknown stop reason {stop!r}")
    changes = _changes({"changes": document.get("changes")}, last)
    run_changes = _changes({"changes": document.get("run_changes")}, last)
    return RedoBranch(
        tuple(points), history, test_history,
        changes, None if stop is None else StopReason(stop), config, run_changes,
    )  # fmt: skip


def _point_iteration(entry: object, after: int) -> int:
    iteration = entry.get("iteration") if isinstance(entry, dict) else None
    if not isinstance(iteration, int) or isinstance(iteration, bool) or iteration <= after:
        raise SessionFileError("redo.json: each point's 'iteration' must be a whole number after the one before")
    return iteration


def _point(
    reader: PartsReader, names: set[str], number: int, entry: object, iteration: int, config: RunConfig, n: int, weight_mask: np.ndarray
) -> Snapshot:
    """Point ``number`` of redo.json, at ``iteration`` (already checked to rise)."""
    assert isinstance(entry, dict)  # _point_iteration checked it
    jval, optimizer, keys, stop = entry.get("jval"), entry.get("optimizer"), entry.get("state"), entry.get("stop_reason")
    if not _is_number(jval):
        raise SessionFileError(f"redo point {number + 1}: 'jval' must be a number")
    if not isinstance(optimizer, str) or optimizer not in OPTIMIZERS:
        raise SessionFileError(f"redo point {number + 1}: unknown optimizer {optimizer!r}")
    hyper = _hyper(entry.get("hyper"), optimizer)
    if not isinstance(keys, list) or not all(isinstance(key, str) for key in keys) or len(set(keys)) != len(keys):
        raise SessionFileError(f"redo point {number + 1}: 'state' must list the optimizer's state once each")
    state_keys(optimizer, config, set(keys))
    if stop not in STOP_REASONS:
        raise SessionFileError(f"redo point {number + 1}: unknown stop reason {stop!r}")
    rows = _array(reader, names, point_member(number), (2 + len(keys), n))  # finite: steps reach only finite states
    state = dict(zip(keys, rows[2:], strict=True))
    if config.playground:
        check_playground_parts(state, weight_mask, config.batch_size)
    return Snapshot.capture(iteration, float(jval), rows[0], rows[1], optimizer, hyper, state, stop)
