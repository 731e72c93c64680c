"""The ``.bpstudio`` session file: a zip of one JSON document and NumPy arrays.

Format (version 3)::

    session.json   {"format": "bpstudio-session", "version": 3, "app_version": ...,
                    "config": {RunConfig}, "iteration": k, "jval": J, "stop_reason": ...,
                    "optimizer": name, "hyper": {...}, "changes": [[k, field, old, new], ...],
                    "selected_param": i | null, "pace": {"run_speed": s, "run_for": n | null},
                    "conventions": {"kind": "studio"} | {"kind": "playground", "hash": "activation=…"}}
    weights.npy    (n_params,)  the weights at iteration k
    gradient.npy   (n_params,)  the gradient there
    history.npy    (k + 1,)     JVal at iterations 0..k
    opt_<key>.npy  (n_params,)  the optimizer's state arrays (m, v, ...)

The data and the start point are not stored: they follow from the config's
seed, exactly.  Loading trusts nothing: arrays are read with
``allow_pickle=False``, sizes are capped before decompressing, every JSON
field is type-checked, every shape and value checked against the network;
any problem is one :class:`SessionFileError` with a sentence for the user.
Saving goes through :mod:`bpstudio.control.files.safe_write`: a temporary file
beside the target, renamed over it, so a crash mid-save never leaves a
half-written file in place of a good one, and only regular files are replaced.

Older versions are read through :func:`_migrate`, which brings their document
to the current version before it is checked (version 1 had no ``pace``: it
reads as full speed with no run_for; versions 1 and 2 knew only the studio's conventions).
"""

from __future__ import annotations

import io
import json
import math
import os
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any, TypeGuard

import numpy as np

import bpstudio  # its __version__ is looked up when first used
from bpstudio.control.files.safe_write import replacing_file
from bpstudio.control.files.session_archive import MAX_JSON_BYTES, ArchiveError, BoundedReader, open_archive, parse_json
from bpstudio.control.runtime.pace import Pace, PaceError
from bpstudio.control.runtime.session import MAX_CHANGES, ChangeRecord, TrainingSession
from bpstudio.engine.budget import BudgetError, check_budget
from bpstudio.engine.classes import MAX_CLASSES, TOO_MANY_CLASSES, output_names, uses_one_column
from bpstudio.engine.config import LIVE_FIELDS, MAX_SAMPLES, ConfigError, RunConfig
from bpstudio.engine.data import Dataset, Problem
from bpstudio.engine.messages import Refusal
from bpstudio.engine.optimizers import OPTIMIZERS, validate_hyperparameter
from bpstudio.engine.playground.link import canonical_hash, read_link
from bpstudio.engine.playground.trainer import PARTS as PLAYGROUND_PARTS
from bpstudio.engine.propagation import jval_only
from bpstudio.engine.snapshot import Snapshot
from bpstudio.engine.text_safety import escape_control

FORMAT = "bpstudio-session"
VERSION = 3  # 2: "pace" (run_speed, run_for); 3: "conventions" (the studio's, or a Playground link's)
MAX_HASH_CHARS = 4000  # a Playground link's state is some 400 characters
STOP_REASONS = (None, "converged1", "converged2", "max_iter", "diverged")


class SessionFileError(Exception):
    """A session file that cannot be used; ``str(err)`` is the reason, for the user."""


@dataclass(frozen=True, eq=False)
class SavedSession:
    config: RunConfig
    snapshot: Snapshot
    history: np.ndarray
    changes: tuple[ChangeRecord, ...]
    selected_param: int | None
    app_version: str
    dataset: Dataset | None = None  # the data of a run on a CSV file
    test_history: np.ndarray | None = None  # JVal on the held-out samples
    problem: Problem | None = None  # the run's network and data, built while checking
    pace: Pace = Pace()  # how fast the run goes and when it pauses by itself


# -- saving ------------------------------------------------------------------------------
def save_session(path: str | os.PathLike[str], session: TrainingSession, selected_param: int | None = None) -> None:
    """Write a (paused) session to ``path`` atomically; raises OSError on failure."""
    trainer = session.trainer
    test = None if trainer.test_history is None else trainer.test_history.view()
    save_state(
        path,
        session.config,
        trainer.snapshot(),
        trainer.history.view(),
        tuple(session.changes),
        selected_param,
        trainer.problem.all_data,
        test,
        session.pace,
    )


def save_state(
    path: str | os.PathLike[str],
    config: RunConfig,
    snap: Snapshot,
    history: np.ndarray,
    changes: tuple[ChangeRecord, ...],
    selected_param: int | None = None,
    dataset: Dataset | None = None,
    test_history: np.ndarray | None = None,
    pace: Pace | None = None,
) -> None:
    """Write the parts of a session to ``path`` atomically; raises OSError on failure.

    A run on a CSV file keeps that data inside the session (``dataset``), so
    the session opens even where the CSV file is not.

    The studio calls this from the GUI thread with the last Update and its
    own copy of the history, so it never reads the training thread's arrays.
    """
    members = session_members(config, snap, history, changes, selected_param, dataset, test_history, pace)
    with replacing_file(path, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)


def config_entries(config: RunConfig) -> dict[str, Any]:
    """The run's settings as a document keeps them: ``config`` and, beside it, ``conventions`` (read back by ``_config``)."""
    return {
        "config": {key: value for key, value in config.to_dict().items() if key != "playground"},
        "conventions": {"kind": "playground", "hash": config.playground} if config.playground else {"kind": "studio"},
    }


def session_members(
    config: RunConfig,
    snap: Snapshot,
    history: np.ndarray,
    changes: tuple[ChangeRecord, ...],
    selected_param: int | None = None,
    dataset: Dataset | None = None,
    test_history: np.ndarray | None = None,
    pace: Pace | None = None,
) -> list[tuple[str, bytes]]:
    """The archive members of a session, in the order they are written: one writer for sessions and lectures."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "app_version": bpstudio.__version__,
        **config_entries(config),
        "iteration": snap.iteration,
        "jval": snap.jval,
        "stop_reason": snap.stop_reason,
        "optimizer": snap.optimizer,
        "hyper": dict(snap.hyper),
        "changes": change_rows(changes),
        "selected_param": selected_param,
        "pace": (pace or Pace()).to_dict(),
    }
    history = np.asarray(history, dtype=float)[: snap.iteration + 1]
    arrays = {"weights": snap.weights, "gradient": snap.gradient, "history": history}
    arrays.update({f"opt_{k}": v for k, v in snap.optimizer_state.items()})
    if config.test_fraction and test_history is not None:
        arrays["test_history"] = np.asarray(test_history, dtype=float)[: snap.iteration + 1]
    if config.data_file:
        if dataset is None:
            raise ValueError("a session on a data file must be saved with its data")
        arrays.update({"data_inputs": dataset.inputs, "data_targets": dataset.targets})
        document["data_names"] = [list(dataset.input_names), list(dataset.target_names)]
        if dataset.classes:
            document["data_classes"] = list(dataset.classes)
    return [("session.json", json.dumps(document, indent=1).encode("utf-8"))] + [
        (f"{name}.npy", npy_bytes(values)) for name, values in arrays.items()
    ]


def change_rows(changes: Sequence[ChangeRecord]) -> list[list[object]]:
    """Changes as a document keeps them: ``[iteration, setting, old, new]`` (read back by ``_changes``)."""
    return [[c.iteration, c.field, _plain(c.old), _plain(c.new)] for c in changes]


def npy_bytes(values: np.ndarray) -> bytes:
    """A float array as an archive member stores it (``.npy``, no pickles)."""
    buffer = io.BytesIO()
    np.save(buffer, np.asarray(values, dtype=float), allow_pickle=False)
    return buffer.getvalue()


def _plain(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


# -- loading ------------------------------------------------------------------------------
def load_session(path: str | os.PathLike[str], for_studio: bool = False) -> SavedSession:
    """Read and check a whole session file; raises SessionFileError with the reason.

    This is the one validator behind ``bpstudio info``, ``bpstudio FILE`` and
    File > Open: it checks everything later code uses, builds the run's data
    (so a formula or data table that cannot train is refused here, not in the
    training thread) and holds the run to the size budget — with the studio's
    drawing limits when ``for_studio``.  Nothing outside is changed until it
    returns, so a refused file leaves a running session as it was.
    """
    try:
        archive = open_archive(path)
    except ArchiveError as err:
        raise SessionFileError(str(err)) from None
    with archive:
        try:
            return _read(BoundedReader(archive), {i.filename for i in archive.infolist()}, for_studio)
        except ArchiveError as err:
            raise SessionFileError(str(err)) from None


def read_session_members(reader: BoundedReader, members: set[str], for_studio: bool = False) -> SavedSession:
    """Check a session held as members of some archive (a lecture keeps several); the one validator.

    Raises SessionFileError, or ArchiveError when a member cannot be read within the budget.
    """
    return _read(reader, members, for_studio)


def _read(reader: BoundedReader, members: set[str], for_studio: bool) -> SavedSession:
    if "session.json" not in members:
        raise SessionFileError("the file has no session.json: it is not a BP Studio session")
    document = parse_json(reader.read("session.json", MAX_JSON_BYTES))
    if not isinstance(document, dict):
        raise SessionFileError("session.json must hold an object")
    _check_header(document)
    document = _migrate(document)
    config = _config(document)
    dataset = _dataset(reader, members, document, config) if config.data_file else None
    try:
        net = config.problem_network(dataset)
    except (ValueError, OSError) as err:
        raise SessionFileError(f"the file's settings are not valid: {err}") from None
    n = net.n_params
    iteration = _int(document, "iteration", 0)
    stop = document.get("stop_reason")
    if stop not in STOP_REASONS:
        raise SessionFileError(f"unknown stop reason {stop!r}")
    # Steps are taken only from finite states, so only a start point (iteration 0) can have
    # a JVal or gradient that is not finite: data or formulas so large that they overflow.
    at_start = iteration == 0
    optimizer = document.get("optimizer")
    if not isinstance(optimizer, str) or optimizer not in OPTIMIZERS:
        raise SessionFileError(f"unknown optimizer {optimizer!r}")
    hyper = _hyper(document.get("hyper"), optimizer)
    rows = dataset.n_samples if dataset is not None else config.samples
    try:
        # the history the file stores counts, not only what max_iter would grow
        check_budget(net.sizes, rows, max(config.max_iter, iteration), bool(config.test_fraction), studio=for_studio)
    except BudgetError as err:
        raise SessionFileError(f"the file's run is too large: {err}") from None
    weights = _array(reader, members, "weights", (n,))
    gradient = _array(reader, members, "gradient", (n,), finite=not at_start)
    history = _history(_array(reader, members, "history", (iteration + 1,), finite=False))
    stored_state = {name[4:-4] for name in members if name.startswith("opt_") and name.endswith(".npy")}
    full_state = state_keys(optimizer, config, stored_state)
    state = {key: _array(reader, members, f"opt_{key}", (n,)) for key in full_state if key in stored_state}
    if config.playground:
        check_playground_parts(state, net.weight_mask, config.batch_size)
    test_history = None
    if "test_history.npy" in members:
        if not config.test_fraction:
            raise SessionFileError("the file holds a test history but its run has no test split")
        test_history = _array(reader, members, "test_history", (iteration + 1,), finite=False)
        if (test_history < 0).any():
            raise SessionFileError("test_history.npy holds negative values; JVal is never negative")
    jval = document.get("jval")
    if not _is_number(jval) or not (math.isfinite(jval) or at_start):
        raise SessionFileError("'jval' must be a finite number")
    if not (jval == history[-1] or (math.isnan(jval) and math.isnan(history[-1]))):
        raise SessionFileError("'jval' is not the last value of the history")
    selected = document.get("selected_param")
    if selected is not None and (not isinstance(selected, int) or isinstance(selected, bool) or not 0 <= selected < n):
        raise SessionFileError("'selected_param' is not a parameter of this network")
    changes = _changes(document, iteration)
    try:
        pace = Pace.from_dict(document.get("pace"))
    except PaceError as err:
        raise SessionFileError(str(err)) from None
    problem = _problem(config, dataset)
    _check_jval(problem, weights, jval)
    snapshot = Snapshot.capture(iteration, jval, weights, gradient, optimizer, hyper, state, stop)
    return SavedSession(
        config, snapshot, history, changes, selected, _text(document.get("app_version", "?")), dataset, test_history, problem, pace
    )


def state_keys(optimizer: str, config: RunConfig, stored: set[str]) -> tuple[str, ...]:
    """The optimizer state a point must hold, checked against the keys ``stored``: all of it, or the moments.

    The last step's record comes whole or not at all (older files lack it);
    a Playground run adds its update state (see engine.playground.trainer).
    """
    extra = PLAYGROUND_PARTS if config.playground else ()
    full_state, moments = OPTIMIZERS[optimizer].state_keys() + extra, OPTIMIZERS[optimizer].moment_keys() + extra
    if stored not in (set(full_state), set(moments)):
        raise SessionFileError(
            f"the {optimizer} state must be {', '.join(full_state)}; the file holds {', '.join(sorted(stored)) or 'none'}"
        )
    return full_state


def check_playground_parts(state: dict[str, np.ndarray], weight_mask: np.ndarray, batch_size: int) -> None:
    """A Playground run's update state (see engine.playground.trainer): dead links 0/1 on weights
    only, one count of points summed, fewer than a batch, and no sum on a link with none."""
    dead, count = state["playground_dead"], state["playground_count"]
    if not np.isin(dead, (0.0, 1.0)).all() or (dead * (1 - weight_mask)).any():
        raise SessionFileError("opt_playground_dead.npy must hold 1 for a dead link and 0 elsewhere (never on a bias)")
    if count.size and (not (count == count[0]).all() or count[0] != int(count[0]) or not 0 <= count[0] < batch_size):
        raise SessionFileError(f"opt_playground_count.npy must hold one whole number of points from 0 to {batch_size - 1}")
    if count.size and count[0] == 0 and state["playground_sums"].any():
        raise SessionFileError("opt_playground_sums.npy holds sums, but opt_playground_count.npy says no point was summed")


def _dataset(reader: BoundedReader, members: set[str], document: dict[str, Any], config: RunConfig) -> Dataset:
    names = document.get("data_names")
    classes = document.get("data_classes", [])
    if not isinstance(classes, list) or not all(isinstance(x, str) for x in classes):
        raise SessionFileError("'data_classes' must be a list of class labels")
    classes = tuple(classes)
    if len(classes) > MAX_CLASSES:  # before any table the classes size is read or built
        raise SessionFileError(TOO_MANY_CLASSES.format(n=len(classes), cap=MAX_CLASSES))
    if config.is_classification:
        # a class column: the outputs are named by the labels (see engine.classes)
        one_column = uses_one_column(config.output_activation, len(classes))
        expected = output_names(classes, one_column) if len(classes) >= 2 else None
    else:
        expected = config.targets if not classes else None
    if (
        not isinstance(names, list)
        or len(names) != 2
        or not all(isinstance(group, list) and all(isinstance(x, str) for x in group) for group in names)
        or tuple(names[0]) != config.inputs
        or expected is None
        or tuple(names[1]) != expected
    ):
        raise SessionFileError("'data_names' must list the data's input and target columns")
    inputs = _array(reader, members, "data_inputs", (None, len(config.inputs)))
    if inputs.shape[0] < 2:
        raise SessionFileError("data_inputs.npy must have at least two rows")
    if inputs.shape[0] > MAX_SAMPLES:
        raise SessionFileError(f"data_inputs.npy has more than {MAX_SAMPLES:,} rows")
    targets = _array(reader, members, "data_targets", (inputs.shape[0], len(expected)))
    if config.is_classification:
        _check_class_targets(targets)
    return Dataset(inputs, targets, config.inputs, expected, classes)


def _check_class_targets(targets: np.ndarray) -> None:
    """Class targets are what the CSV reader builds: one-hot rows, or one column of 0 and 1.

    Anything else trains towards no class (a run once went to JVal -148 566
    under cross-entropy) and saves a file that would be refused here anyway.
    """
    zero_one = np.isin(targets, (0.0, 1.0)).all()
    if targets.shape[1] == 1 and zero_one:
        return
    if not zero_one or not (targets.sum(axis=1) == 1).all():
        raise SessionFileError(
            "data_targets.npy must hold one class per row: one-hot rows (a single 1, the rest 0), or one column of 0 and 1"
        )


def _problem(config: RunConfig, dataset: Dataset | None) -> Problem:
    """The run's network, data and start point, built now so that a bad one is refused now."""
    try:
        with np.errstate(all="ignore"):
            problem = config.problem(dataset)
    except (ValueError, ArithmeticError) as err:
        raise SessionFileError(f"the file's data cannot be built: {err}") from None
    if not np.isfinite(problem.all_data.targets).all():
        raise SessionFileError("the file's target formulas give values that are not finite numbers")
    return problem


JVAL_TOLERANCE = 1e-9  # relative: the same sums in another order, or another BLAS, differ by ~1e-15


def _check_jval(problem: Problem, weights: np.ndarray, stored: float) -> None:
    """The stored JVal must be the JVal of the stored weights on the run's data.

    Otherwise the studio would show one number and draw another: weights of
    1e300 with a stored JVal of 12 157 showed that JVal while the chain and
    the landscape could not be computed at all.
    """
    with np.errstate(all="ignore"):
        actual = jval_only(problem.network, weights, problem.dataset.inputs_aug, problem.dataset.targets_t)
    if not math.isfinite(stored) and not math.isfinite(actual):
        return  # a start point whose data overflow: both say so
    scale = max(abs(actual), abs(stored))
    if not math.isfinite(actual) or abs(actual - stored) > JVAL_TOLERANCE * scale:
        raise SessionFileError(
            f"the stored weights give JVal {actual:.10g}, but the file says {stored:.10g}: the weights or the JVal were changed"
        )


def _check_header(document: dict[str, Any]) -> None:
    if document.get("format") != FORMAT:
        raise SessionFileError("this is not a BP Studio session file")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SessionFileError("the file's format version is missing or not a positive whole number")
    if version > VERSION:
        raise SessionFileError(
            f"this file was made by a newer BP Studio (format {version}); this version reads format {VERSION}. Please update BP Studio."
        )


def _migrate(document: dict[str, Any]) -> dict[str, Any]:
    """The document as the current version writes it; each step adds what its version brought, with the old behaviour."""
    document = dict(document)
    if document["version"] < 2:
        document["pace"] = Pace().to_dict()  # before pace: full speed, until paused
    if document["version"] < 3:
        document["conventions"] = {"kind": "studio"}  # before conventions: every run was the studio's
    document["version"] = VERSION
    return document


def _conventions(document: dict[str, Any]) -> str:
    """The run's conventions: "" for the studio's, else the Playground link's hash (checked with the config)."""
    conventions = document.get("conventions")
    if not isinstance(conventions, dict) or conventions.get("kind") not in ("studio", "playground"):
        raise SessionFileError("'conventions' must be {\"kind\": \"studio\"} or {\"kind\": \"playground\", \"hash\": …}")
    if conventions["kind"] == "studio":
        if set(conventions) != {"kind"}:
            raise SessionFileError("'conventions' of a studio run has only 'kind'")
        return ""
    link = conventions.get("hash")
    if set(conventions) != {"kind", "hash"} or not isinstance(link, str) or not link.strip():
        raise SessionFileError("'conventions' of a Playground run must give the link's 'hash' as text, and nothing else")
    if len(link) > MAX_HASH_CHARS:
        raise SessionFileError(f"'conventions.hash' is longer than {MAX_HASH_CHARS} characters")
    try:
        written = canonical_hash(read_link(link).state)
    except Refusal:
        return link  # the config's check refuses it, naming the key
    if link != written:
        # The studio writes only this form; any other (extra keys, a raw NUL or markup in the seed)
        # would travel on into exported scripts and dialogs as the file wrote it.
        raise SessionFileError("'conventions.hash' is not the link's state as BP Studio writes it: the file was changed")
    return link


def _config(document: dict[str, Any]) -> RunConfig:
    data = document.get("config")
    if not isinstance(data, dict):
        raise SessionFileError("'config' must be an object")
    if "playground" in data:
        raise SessionFileError("'config' has an unknown setting 'playground' (the conventions are kept in 'conventions')")
    data = {**data, "playground": _conventions(document)}
    unknown = set(data) - {f.name for f in fields(RunConfig)}
    if unknown:
        raise SessionFileError(f"'config' has an unknown setting {_text(sorted(unknown)[0])!r}")
    hidden = data.get("hidden")
    if not isinstance(hidden, list) or not all(isinstance(h, int) and not isinstance(h, bool) for h in hidden):
        raise SessionFileError("'config.hidden' must be a list of whole numbers")
    for key in ("max_iter", "samples", "seed"):
        if key in data and (not isinstance(data[key], int) or isinstance(data[key], bool)):
            raise SessionFileError(f"'config.{key}' must be a whole number")
    for key in ("classes", "batch_size"):
        if key in data and (not isinstance(data[key], int) or isinstance(data[key], bool)):
            raise SessionFileError(f"'config.{key}' must be a whole number")
    for key in ("alpha", "beta1", "beta2", "epsilon", "zeta", "test_fraction", "noise", "l1", "l2"):
        if key in data and not _is_number(data[key]):
            raise SessionFileError(f"'config.{key}' must be a number")
    for key in ("activation", "optimizer", "init", "data_file", "dataset", "loss", "output"):
        if key in data and not isinstance(data[key], str):
            raise SessionFileError(f"'config.{key}' must be text")
    for key in ("formulas", "inputs", "targets", "features"):
        if key in data and (not isinstance(data[key], list) or not all(isinstance(x, str) for x in data[key])):
            raise SessionFileError(f"'config.{key}' must be a list of text")
    try:
        return RunConfig.from_dict(data)
    except ConfigError as err:
        where = "conventions.hash" if err.field == "playground" else f"config.{err.field}"
        raise SessionFileError(f"the file's settings are not valid ('{where}'): {_text(str(err))}") from None
    except (TypeError, ValueError, OverflowError) as err:
        raise SessionFileError(f"the file's settings are not valid: {err}") from None


def _hyper(hyper: object, optimizer: str) -> dict[str, float]:
    """Exactly the optimizer's hyperparameters, each by the controls' rules."""
    expected = set(OPTIMIZERS[optimizer].defaults)
    if not isinstance(hyper, dict) or set(hyper) != expected:
        raise SessionFileError(f"'hyper' must give {optimizer}'s {', '.join(sorted(expected))} and nothing else")
    for key, value in hyper.items():
        if not _is_number(value):
            raise SessionFileError(f"'hyper.{key}' must be a number")
        try:
            validate_hyperparameter(key, value)
        except ValueError as err:
            raise SessionFileError(f"'hyper': {err}") from None
    return {key: float(value) for key, value in hyper.items()}


def _history(history: np.ndarray) -> np.ndarray:
    """JVal is a sum of squares: never negative, and finite after every step taken.

    Only the start point may be infinite or NaN (data so large that JVal
    overflows); the trainer refuses any step to a non-finite state, so a
    diverged run keeps its last finite one.
    """
    if (history < 0).any():
        raise SessionFileError("history.npy holds negative values; JVal is never negative")
    if len(history) > 1 and not np.isfinite(history).all():
        raise SessionFileError("history.npy holds values that are not finite numbers after the start")
    return history


def _int(document: dict[str, Any], key: str, minimum: int) -> int:
    value = document.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise SessionFileError(f"'{key}' must be a whole number of at least {minimum}")
    return value


def _is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _array(reader: BoundedReader, members: set[str], name: str, shape: tuple[int | None, ...], finite: bool = True) -> np.ndarray:
    """A checked float array; ``None`` in ``shape`` accepts any length there."""
    member = f"{name}.npy"
    if member not in members:
        raise SessionFileError(f"the file has no {member}")
    try:
        values: np.ndarray = np.load(io.BytesIO(reader.read(member)), allow_pickle=False)
    except (ValueError, OSError, EOFError) as err:
        raise SessionFileError(f"{member} cannot be read ({err})") from None
    fits = len(values.shape) == len(shape) and all(w is None or w == v for v, w in zip(values.shape, shape, strict=True))
    if values.dtype.kind not in "fi" or not fits:
        raise SessionFileError(f"{member} has shape {values.shape} and type {values.dtype}; {shape} of numbers was expected")
    values = values.astype(float)
    if finite and not np.isfinite(values).all():
        raise SessionFileError(f"{member} holds values that are not finite numbers (NaN or infinity)")
    return values


def _changes(document: dict[str, Any], iteration: int) -> tuple[ChangeRecord, ...]:
    """At most MAX_CHANGES live-setting changes, at iterations of this run, with valid values."""
    raw = document.get("changes", [])
    if not isinstance(raw, list):
        raise SessionFileError("'changes' must be a list")
    if len(raw) > MAX_CHANGES:
        raise SessionFileError(f"'changes' lists more than {MAX_CHANGES} changes")
    out = []
    for entry in raw:
        if (
            not isinstance(entry, list)
            or len(entry) != 4
            or not isinstance(entry[0], int)
            or isinstance(entry[0], bool)
            or not isinstance(entry[1], str)
        ):
            raise SessionFileError("each change must be [iteration, setting, old, new]")
        at, field, old, new = entry
        if not 0 <= at <= iteration:
            raise SessionFileError(f"a change is dated at iteration {_text(str(at))[:24]}, outside this run's 0 to {iteration}")
        if field not in LIVE_FIELDS:
            raise SessionFileError(f"a change names {_text(field)!r}, which is not a setting that changes during a run")
        for value in (old, new):
            if not _valid_setting(field, value):
                raise SessionFileError(f"a change gives {field} a value that is not valid")
        out.append(ChangeRecord(at, field, old, new))
    return tuple(out)


def _valid_setting(field: str, value: object) -> bool:
    """The controls' rules: the value must make a valid RunConfig."""
    if field == "optimizer":
        return isinstance(value, str) and value in OPTIMIZERS
    if not _is_number(value) or (field == "max_iter" and not isinstance(value, int)):
        return False
    try:
        RunConfig().with_changes(**{field: value})
    except (ConfigError, ValueError, TypeError, OverflowError):
        return False
    return True


def _text(value: object) -> str:
    """Text from the file, safe for a terminal and a dialog: control characters escaped."""
    return escape_control(value if isinstance(value, str) else repr(value))
