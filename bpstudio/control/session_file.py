"""The ``.bpstudio`` session file: a zip of one JSON document and NumPy arrays.

Format (version 1)::

    session.json   {"format": "bpstudio-session", "version": 1, "app_version": ...,
                    "config": {RunConfig}, "iteration": k, "jval": J, "stop_reason": ...,
                    "optimizer": name, "hyper": {...}, "changes": [[k, field, old, new], ...],
                    "selected_param": i | null}
    weights.npy    (n_params,)  the weights at iteration k
    gradient.npy   (n_params,)  the gradient there
    history.npy    (k + 1,)     JVal at iterations 0..k
    opt_<key>.npy  (n_params,)  the optimizer's state arrays (m, v, ...)

The data and the start point are not stored: they follow from the config's
seed, exactly.  Loading trusts nothing: arrays are read with
``allow_pickle=False``, sizes are capped before decompressing, every JSON
field is type-checked, every shape and value checked against the network;
any problem is one :class:`SessionFileError` with a sentence for the user.
Saving writes a temporary file beside the target and renames it, so a crash
mid-save never leaves a half-written file in place of a good one.
"""
from __future__ import annotations

import io
import json
import math
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import __version__
from ..engine.classes import output_names, uses_one_column
from ..engine.config import ConfigError, RunConfig
from ..engine.data import Dataset
from ..engine.optimizers import OPTIMIZERS
from ..engine.snapshot import Snapshot
from .session import ChangeRecord, TrainingSession

FORMAT = "bpstudio-session"
VERSION = 1
MAX_MEMBER_BYTES = 256 * 1024 * 1024  # one decompressed array
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_JSON_BYTES = 4 * 1024 * 1024
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


# -- saving ------------------------------------------------------------------------------
def save_session(path: str | os.PathLike, session: TrainingSession, selected_param: int | None = None) -> None:
    """Write a (paused) session to ``path`` atomically; raises OSError on failure."""
    trainer = session.trainer
    test = None if trainer.test_history is None else trainer.test_history.view()
    save_state(path, session.config, trainer.snapshot(), trainer.history.view(),
               tuple(session.changes), selected_param, trainer.problem.all_data, test)


def save_state(
    path: str | os.PathLike,
    config: RunConfig,
    snap: Snapshot,
    history: np.ndarray,
    changes: tuple[ChangeRecord, ...],
    selected_param: int | None = None,
    dataset: Dataset | None = None,
    test_history: np.ndarray | None = None,
) -> None:
    """Write the parts of a session to ``path`` atomically; raises OSError on failure.

    A run on a CSV file keeps that data inside the session (``dataset``), so
    the session opens even where the CSV file is not.

    The studio calls this from the GUI thread with the last Update and its
    own copy of the history, so it never reads the training thread's arrays.
    """
    document = {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "config": config.to_dict(),
        "iteration": snap.iteration,
        "jval": snap.jval,
        "stop_reason": snap.stop_reason,
        "optimizer": snap.optimizer,
        "hyper": dict(snap.hyper),
        "changes": [[c.iteration, c.field, _plain(c.old), _plain(c.new)] for c in changes],
        "selected_param": selected_param,
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
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                         dir=str(target.parent) or ".")
    try:
        with os.fdopen(handle, "wb") as raw:
            with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.writestr("session.json", json.dumps(document, indent=1))
                for name, values in arrays.items():
                    buffer = io.BytesIO()
                    np.save(buffer, np.asarray(values, dtype=float), allow_pickle=False)
                    archive.writestr(f"{name}.npy", buffer.getvalue())
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _plain(value):
    return list(value) if isinstance(value, tuple) else value


# -- loading ------------------------------------------------------------------------------
def load_session(path: str | os.PathLike) -> SavedSession:
    """Read and check a session file; raises SessionFileError with the reason."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise SessionFileError(f"{path} does not exist") from None
    except IsADirectoryError:
        raise SessionFileError(f"{path} is a folder, not a session file") from None
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise SessionFileError(f"{Path(path).name} is not a BP Studio session file ({err})") from None
    with archive:
        members = {info.filename: info for info in archive.infolist()}
        total = sum(info.file_size for info in members.values())
        if total > MAX_TOTAL_BYTES or any(i.file_size > MAX_MEMBER_BYTES for i in members.values()):
            raise SessionFileError("the file would unpack to more than BP Studio accepts (512 MB)")
        if "session.json" not in members:
            raise SessionFileError("the file has no session.json: it is not a BP Studio session")
        if members["session.json"].file_size > MAX_JSON_BYTES:
            raise SessionFileError("session.json is too large")
        document = _read_json(archive)
        _check_header(document)
        config = _config(document)
        dataset = _dataset(archive, members, document, config) if config.data_file else None
        try:
            net = config.problem_network(dataset)
        except (ValueError, OSError) as err:
            raise SessionFileError(f"the file's settings are not valid: {err}") from None
        n = net.n_params
        iteration = _int(document, "iteration", 0)
        weights = _array(archive, members, "weights", (n,))
        gradient = _array(archive, members, "gradient", (n,))
        history = _array(archive, members, "history", (iteration + 1,))
        optimizer = document.get("optimizer")
        if not isinstance(optimizer, str) or optimizer not in OPTIMIZERS:
            raise SessionFileError(f"unknown optimizer {optimizer!r}")
        state = {
            name[4:-4]: _array(archive, members, name[:-4], (n,))
            for name in members if name.startswith("opt_") and name.endswith(".npy")
        }
        test_history = (_array(archive, members, "test_history", (iteration + 1,))
                        if "test_history.npy" in members else None)
    hyper = document.get("hyper")
    if not isinstance(hyper, dict) or not all(
        isinstance(k, str) and _is_number(v) for k, v in hyper.items()
    ):
        raise SessionFileError("'hyper' must map names to numbers")
    jval = document.get("jval")
    if not _is_number(jval) or not math.isfinite(jval):
        raise SessionFileError("'jval' must be a finite number")
    stop = document.get("stop_reason")
    if stop not in STOP_REASONS:
        raise SessionFileError(f"unknown stop reason {stop!r}")
    selected = document.get("selected_param")
    if selected is not None and (not isinstance(selected, int) or isinstance(selected, bool)
                                 or not 0 <= selected < n):
        raise SessionFileError("'selected_param' is not a parameter of this network")
    snapshot = Snapshot.capture(iteration, jval, weights, gradient, optimizer, hyper, state, stop)
    return SavedSession(config, snapshot, history, _changes(document), selected,
                        str(document.get("app_version", "?")), dataset, test_history)


def _dataset(archive, members, document: dict, config: RunConfig) -> Dataset:
    names = document.get("data_names")
    classes = document.get("data_classes", [])
    if not isinstance(classes, list) or not all(isinstance(x, str) for x in classes):
        raise SessionFileError("'data_classes' must be a list of class labels")
    classes = tuple(classes)
    if config.is_classification:
        # a class column: the outputs are named by the labels (see engine.classes)
        one_column = uses_one_column(config.output_activation, len(classes))
        expected = output_names(classes, one_column) if len(classes) >= 2 else None
    else:
        expected = config.targets if not classes else None
    if (not isinstance(names, list) or len(names) != 2
            or not all(isinstance(group, list) and all(isinstance(x, str) for x in group) for group in names)
            or tuple(names[0]) != config.inputs or expected is None or tuple(names[1]) != expected):
        raise SessionFileError("'data_names' must list the data's input and target columns")
    inputs = _array(archive, members, "data_inputs", (None, len(config.inputs)))
    if inputs.shape[0] < 1:
        raise SessionFileError("data_inputs.npy must have at least one row")
    targets = _array(archive, members, "data_targets", (inputs.shape[0], len(expected)))
    return Dataset(inputs, targets, config.inputs, expected, classes)


def _read_json(archive: zipfile.ZipFile) -> dict:
    try:
        document = json.loads(archive.read("session.json").decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, zipfile.BadZipFile, OSError, EOFError) as err:
        raise SessionFileError(f"session.json cannot be read ({err})") from None
    if not isinstance(document, dict):
        raise SessionFileError("session.json must hold an object")
    return document


def _check_header(document: dict) -> None:
    if document.get("format") != FORMAT:
        raise SessionFileError("this is not a BP Studio session file")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SessionFileError("the file's format version is missing")
    if version > VERSION:
        raise SessionFileError(
            f"this file was made by a newer BP Studio (format {version}); "
            f"this version reads format {VERSION}. Please update BP Studio."
        )


def _config(document: dict) -> RunConfig:
    data = document.get("config")
    if not isinstance(data, dict):
        raise SessionFileError("'config' must be an object")
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
    except (ConfigError, TypeError, ValueError) as err:
        raise SessionFileError(f"the file's settings are not valid: {err}") from None


def _int(document: dict, key: str, minimum: int) -> int:
    value = document.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise SessionFileError(f"'{key}' must be a whole number of at least {minimum}")
    return value


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _array(archive: zipfile.ZipFile, members: dict, name: str, shape: tuple) -> np.ndarray:
    """A checked float array; ``None`` in ``shape`` accepts any length there."""
    member = f"{name}.npy"
    if member not in members:
        raise SessionFileError(f"the file has no {member}")
    try:
        values = np.load(io.BytesIO(archive.read(member)), allow_pickle=False)
    except (ValueError, OSError, EOFError, zipfile.BadZipFile) as err:
        raise SessionFileError(f"{member} cannot be read ({err})") from None
    fits = len(values.shape) == len(shape) and all(w is None or w == v for v, w in zip(values.shape, shape))
    if values.dtype.kind not in "fi" or not fits:
        raise SessionFileError(f"{member} has shape {values.shape} and type {values.dtype}; "
                               f"{shape} of numbers was expected")
    values = values.astype(float)
    if not np.isfinite(values).all():
        raise SessionFileError(f"{member} holds values that are not finite numbers (NaN or infinity)")
    return values


def _changes(document: dict) -> tuple[ChangeRecord, ...]:
    raw = document.get("changes", [])
    if not isinstance(raw, list):
        raise SessionFileError("'changes' must be a list")
    out = []
    for entry in raw:
        if (not isinstance(entry, list) or len(entry) != 4 or not isinstance(entry[0], int)
                or not isinstance(entry[1], str)):
            raise SessionFileError("each change must be [iteration, setting, old, new]")
        out.append(ChangeRecord(entry[0], entry[1], entry[2], entry[3]))
    return tuple(out)


def describe(saved: SavedSession) -> str:
    """The summary ``bpstudio info`` prints."""
    c, s = saved.config, saved.snapshot
    net = c.problem_network(saved.dataset)
    sizes = "-".join(str(v) for v in net.sizes)
    if c.data_file:
        data = f"{c.data_file}, {saved.dataset.n_samples if saved.dataset else '?'} samples"
    elif c.dataset != "article":
        data = f"{c.dataset}, {c.samples} samples, noise {c.noise:g}, seed {c.seed}"
    else:
        data = f"the article's recipe, {c.samples} samples, seed {c.seed}"
    loss = "" if c.loss == "mse" and not net.penalized else (
        f", {c.loss} ({net.output_activation})" + (f", l1 {c.l1:g}, l2 {c.l2:g}" if net.penalized else ""))
    lines = [
        f"BP Studio session (made by BP Studio {saved.app_version})",
        f"network:     {sizes} {c.activation}, init {c.init}{loss}",
        f"data:        {data}",
        f"optimizer:   {s.optimizer} " + ", ".join(f"{k}={v:g}" for k, v in s.hyper.items()),
        f"iteration:   {s.iteration} of at most {c.max_iter}",
        f"JVal:        {s.jval:.10g} (start {saved.history[0]:.10g})",
        f"stopped by:  {s.stop_reason or 'not stopped'}",
        f"changes:     {len(saved.changes)}",
    ]
    return "\n".join(lines) + "\n"
