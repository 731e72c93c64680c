"""Plain files for spreadsheets and notebooks: JVal history and weights (no Qt).

Shared by `bpstudio train --history` and the studio's File > Export; written
atomically through :mod:`bpstudio.control.safe_write`.
"""
from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from ..engine.network import Network
from .safe_write import replacing_file


def write_history_csv(path: str | Path, history: np.ndarray) -> None:
    """``iteration,jval`` rows, full precision."""
    with replacing_file(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["iteration", "jval"])
        for i, value in enumerate(np.asarray(history)):
            writer.writerow([i, repr(float(value))])


def write_weights(path: str | Path, net: Network, weights: np.ndarray) -> None:
    """CSV: one row per parameter (layer, row, col, name, is_bias, value); NPZ: W0, W1, ..."""
    suffix = Path(path).suffix.lower()
    matrices = net.layers(np.asarray(weights, dtype=float))
    if suffix == ".npz":
        with replacing_file(path, "wb") as handle:
            np.savez(handle, **{f"W{l}": m for l, m in enumerate(matrices)}, sizes=np.array(net.sizes))
        return
    if suffix != ".csv":
        raise ValueError("weights can be saved as .csv or .npz")
    with replacing_file(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["layer", "row", "col", "name", "is_bias", "value"])
        for layer, matrix in enumerate(matrices):
            for (row, col), value in np.ndenumerate(matrix):
                writer.writerow([layer, row, col, f"W{layer}[{row},{col}]",
                                 int(net.is_bias(layer, row)), repr(float(value))])
