"""Plain files for spreadsheets and notebooks: JVal history, weights, landscapes (no Qt).

Shared by `bpstudio train --history`, `bpstudio landscape --csv` and the studio's File > Export;
written atomically through :mod:`bpstudio.control.files.safe_write`.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from bpstudio.control.files.safe_write import replacing_file
from bpstudio.engine.landscape import LandscapeMap, WeightSlice
from bpstudio.engine.network import Network


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
            # mypy matches the unpacked arrays against savez's allow_pickle: bool as well
            np.savez(
                handle,
                **{f"W{layer}": m for layer, m in enumerate(matrices)},  # type: ignore[arg-type]
                sizes=np.array(net.sizes),
            )
        return
    if suffix != ".csv":
        raise ValueError("weights can be saved as .csv or .npz")
    with replacing_file(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["layer", "row", "col", "name", "is_bias", "value"])
        for layer, matrix in enumerate(matrices):
            for (row, col), value in np.ndenumerate(matrix):
                writer.writerow([layer, row, col, f"W{layer}[{row},{col}]", int(net.is_bias(layer, row)), repr(float(value))])


def write_slice_csv(path: str | Path, cut: WeightSlice) -> None:
    """``offset,weight,jval,tangent`` rows of a slice along one parameter, full precision.

    ``weight`` is the parameter's value at that offset; ``tangent`` is what the
    derivative predicts there, so a spreadsheet can plot both lines at once.
    """
    tangent = cut.tangent(cut.offsets)
    with replacing_file(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["offset", "weight", "jval", "tangent"])
        for t, j, line in zip(cut.offsets, cut.jval, tangent, strict=True):
            writer.writerow([repr(float(t)), repr(cut.weight + float(t)), repr(float(j)), repr(float(line))])


def write_map_csv(path: str | Path, grid: LandscapeMap) -> None:
    """``offset1,offset2,jval`` rows of a map, one per grid point (the long form plots accept)."""
    with replacing_file(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["offset1", "offset2", "jval"])
        for i, a in enumerate(grid.offsets1):
            for j, b in enumerate(grid.offsets2):
                writer.writerow([repr(float(a)), repr(float(b)), repr(float(grid.jval[i, j]))])
