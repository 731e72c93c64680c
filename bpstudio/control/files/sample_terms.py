"""Every training sample's term of one weight's gradient, as a table: the window's and ``chain --per-sample``.

JVal is a sum over samples, so ``∂JVal/∂w = Σₛ ∂Lₛ/∂w``: the inspector's "From one
sample to all samples" box shows the largest few terms; this table has every
one, beside the sample's inputs, predictions and targets, so a student can
sort them, sum them in a spreadsheet and find the samples that move w most.
A weight penalty (L1/L2) belongs to no sample: as ``chain --sample`` does, each
row carries ``dR/dw / n`` of it, so the terms add up to the gradient itself.

All columns come from one vectorised forward and backward pass
(:func:`bpstudio.engine.sample_contributions.per_sample_gradient`), so 70 000
samples take a fraction of a second.  The CSV writes every number with 17
significant digits (enough to read back the very double) through the atomic
writer.  No Qt.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import numpy as np

from bpstudio.control.files.safe_write import replacing_file
from bpstudio.control.words.number_format import ROUND_TRIP
from bpstudio.engine.data import Dataset
from bpstudio.engine.network import Network
from bpstudio.engine.propagation import predict
from bpstudio.engine.sample_contributions import per_sample_gradient

SAMPLE = "sample"
TERM = "term"


@dataclass(frozen=True, eq=False)
class SampleTerms:
    """The table: a header and its columns (one array each, a row per training sample)."""

    header: tuple[str, ...]
    columns: tuple[np.ndarray, ...]
    gradient: float  # the sum of the term column: ∂JVal/∂w, penalty included
    penalty_share: float  # dR/dw / n, carried by every term (0 without a penalty)

    @property
    def n_rows(self) -> int:
        return int(self.columns[0].size) if self.columns else 0

    @property
    def terms(self) -> np.ndarray:
        return self.columns[-1]


def _distinct(names: list[str], taken: set[str]) -> list[str]:
    """Column names as the data calls them, made unique: a name already taken gets a prime (x, x')."""
    out = []
    for name in names:
        candidate = name
        while candidate in taken:
            candidate += "'"
        taken.add(candidate)
        out.append(candidate)
    return out


def sample_terms(net: Network, weights: np.ndarray, data: Dataset, index: int) -> SampleTerms:
    """Columns ``sample``, the inputs, the predictions, the targets and ``term`` for parameter ``index``."""
    weights = np.asarray(weights, dtype=float)
    n = data.n_samples
    penalty_share = float(net.penalty(weights)[1][index]) / n if net.penalized and n else 0.0
    terms = np.asarray(per_sample_gradient(net, weights, data, index), dtype=float) + penalty_share
    predictions = np.asarray(predict(net, weights, data.inputs), dtype=float).reshape(n, -1)
    taken = {SAMPLE, TERM}
    inputs = _distinct([str(name) for name in data.input_names], taken)
    predicted = _distinct([f"{name} predicted" for name in data.target_names], taken)
    targets = _distinct([f"{name} target" for name in data.target_names], taken)
    columns: list[np.ndarray] = [np.arange(n, dtype=np.int64)]
    columns += [np.asarray(data.inputs[:, k], dtype=float) for k in range(len(inputs))]
    columns += [predictions[:, k] for k in range(len(predicted))]
    columns += [np.asarray(data.targets[:, k], dtype=float) for k in range(len(targets))]
    columns.append(terms)
    for column in columns:
        column.flags.writeable = False
    return SampleTerms((SAMPLE, *inputs, *predicted, *targets, TERM), tuple(columns), float(np.sum(terms)), penalty_share)


def csv_number(value: float) -> str:
    """17 significant digits: the double itself, read back exactly by any spreadsheet or NumPy."""
    return f"{float(value):.{ROUND_TRIP}g}"


def write_sample_terms_csv(path: str | Path, table: SampleTerms, order: np.ndarray | None = None) -> None:
    """One header row, then one row per training sample (in ``order`` if given), no total row."""
    rows = range(table.n_rows) if order is None else [int(k) for k in order]
    with replacing_file(path, "w", newline="", encoding="utf-8") as handle:
        csv_text(handle, table, rows)


def csv_text(handle: IO[str], table: SampleTerms, rows: Iterable[int] | None = None) -> None:
    """The CSV to an open text file (the CLI's standard output, say)."""
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(table.header)
    columns = table.columns
    for row in range(table.n_rows) if rows is None else rows:
        writer.writerow([str(int(columns[0][row])), *(csv_number(column[row]) for column in columns[1:])])
