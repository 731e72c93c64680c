"""Check bpstudio's fdlibm ports (bpstudio/engine/playground/js_math.py) against Node's Math.

    node js_math_reference.js /tmp/js_math 250000
    python compare_js_math.py /tmp/js_math [--fixture ../../tests/fixtures/js_math_cases.json]

Prints, per function, how many inputs were compared and how many results differ from V8's in
any bit (NaN counts as equal to NaN); exits 1 on any difference. sin and cos beyond
js_math.TRIG_BOUND (fdlibm's multi-precision reduction, not ported) are counted apart. With --fixture it also writes
the tricky inputs — every edge case, and random ones where the C library's value is not V8's —
with V8's outputs, so CI checks them without Node.
"""

from __future__ import annotations

import argparse
import base64
import json
import math
import sys
from pathlib import Path

import numpy as np

from bpstudio.engine.playground import js_math

PORTS = {
    "sin": (js_math.sin_array, math.sin),
    "cos": (js_math.cos_array, math.cos),
    "exp": (js_math.exp_array, math.exp),
    "log": (js_math.log_array, math.log),
    "tanh": (js_math.tanh_array, math.tanh),
}
FIXTURE_CASES = 150  # C-library disagreements kept per function


def _same(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a.view(np.uint64) == b.view(np.uint64)) | (np.isnan(a) & np.isnan(b))


def _libc(f, x: np.ndarray) -> np.ndarray:
    out = np.empty_like(x)
    for i, v in enumerate(x.tolist()):
        try:
            out[i] = f(v)
        except (ValueError, OverflowError):
            out[i] = np.nan
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory")
    parser.add_argument("--fixture")
    args = parser.parse_args()
    counts = json.loads((Path(args.directory) / "edges.json").read_text())
    edge_count = counts["edges"]  # the reference's edge cases come first
    fixture_edges = counts["structured"]  # 0, -0, tiny, huge, inf, NaN, multiples of pi/2 and ln2/4, thresholds
    failed = False
    fixture: dict[str, dict[str, str]] = {}
    for name, (port, libc) in PORTS.items():
        pairs = np.fromfile(Path(args.directory) / f"{name}.f64", dtype="<f8").reshape(-1, 2)
        x, expected = pairs[:, 0].copy(), pairs[:, 1].copy()
        with np.errstate(all="ignore"):
            ours = port(x)
        same = _same(ours, expected)
        beyond = (np.abs(x) > js_math.TRIG_BOUND) & np.isfinite(x) if name in ("sin", "cos") else np.zeros(x.size, bool)
        differ = int((~same & ~beyond).sum())
        failed |= differ > 0
        note = f" (and {int((~same & beyond).sum())} of {int(beyond.sum())} beyond the ported bound)" if beyond.any() else ""
        print(f"{name}: {int((~beyond).sum())} inputs, {differ} differ from V8{note}")
        chunked = np.concatenate([port(x[i : i + 64]) for i in range(0, x.size, 64)])  # small arrays take fast paths
        chunk_differ = int((~_same(chunked, expected) & ~beyond).sum())
        failed |= chunk_differ > 0
        print(f"   in arrays of 64: {chunk_differ} differ")
        for i in np.flatnonzero(~same & ~beyond)[:5]:
            print(f"   x={x[i]!r}: V8 {expected[i]!r}, ours {ours[i]!r}")
        if args.fixture:
            sample = x[edge_count : edge_count + 200000]
            libc_differs = np.flatnonzero(~_same(_libc(libc, sample), pairs[edge_count : edge_count + 200000, 1]))
            # the first 56 edge cases singly, then each centre of the groups of 7 with its neighbours at 1 ulp
            edges = [i for i in range(fixture_edges) if i < 56 or (i - 56) % 7 in (2, 3, 4)]
            keep = np.concatenate([np.array(edges), edge_count + libc_differs[:FIXTURE_CASES]])
            keep = keep[~beyond[keep]]
            print(f"   C library differs on {libc_differs.size} of {sample.size} random inputs")
            fixture[name] = {
                "x": base64.b64encode(x[keep].astype("<f8").tobytes()).decode(),
                "v8": base64.b64encode(expected[keep].astype("<f8").tobytes()).decode(),
            }
    if args.fixture:
        Path(args.fixture).write_text(
            json.dumps(
                {
                    "source": "node js_math_reference.js, " + sys.version.split()[0],
                    "format": "base64 little-endian doubles",
                    "cases": fixture,
                }
            )
            + "\n"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
