"""Landscape speed: the slice along one weight and the map across two, printed, never asserted.

    python benchmarks/landscape.py

Targets from issue #15, for the article's problem (3-5-3 tanh, 1000 samples,
Adam, after 500 iterations): the 101-point slice within 20 ms and the 41x41
two-weight map within 1 s.  Each line times the whole task (set-up, the
optimizer's preview, the curvature and every point) several times and prints
the best, the median (judged against the target) and the worst, with the
machine's load average, since a shared machine's load shows in them.  BLAS is
held to one thread as ``bpstudio`` holds it.  A random-direction map and a larger net are printed for scale.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import time  # noqa: E402
from functools import partial  # noqa: E402

import numpy as np  # noqa: E402

from bpstudio.engine.config import RunConfig  # noqa: E402
from bpstudio.engine.landscape import MapTask, SliceTask  # noqa: E402


def timed_ms(make_task, repeats: int) -> np.ndarray:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        make_task().run()
        times.append((time.perf_counter() - started) * 1e3)
    return np.array(times)


def report(label: str, make_task, repeats: int, target_ms: float | None = None) -> None:
    times = timed_ms(make_task, repeats)
    median = float(np.median(times))
    verdict = "" if target_ms is None else f"  target <= {target_ms:g} ms: {'met' if median <= target_ms else 'MISSED'}"
    print(f"  {label:<36} best {times.min():7.1f}  median {median:7.1f}  worst {times.max():7.1f} ms  ({repeats} runs){verdict}")


def main() -> None:
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    print(
        f"numpy {np.__version__}, OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS')}, "
        f"{os.cpu_count()} cores, load average {load}"
    )
    for title, config, iterations, repeats in (
        ("article problem: 3-5-3 tanh, 1000 samples, Adam, 500 iterations in", RunConfig(), 500, (50, 5)),
        ("larger net: 3-32-32-3 tanh, 1000 samples, 100 iterations in", RunConfig(hidden=(32, 32)), 100, (10, 2)),
    ):
        trainer = config.trainer()
        trainer.run(iterations)
        net, data, snap = trainer.network, trainer.dataset, trainer.snapshot()
        first, last = 0, net.n_params - 1
        article = config == RunConfig()
        print(title)
        report("101-point slice of W0[0,0]", partial(SliceTask, net, data, snap, first), repeats[0], 20 if article else None)
        report(f"101-point slice of {net.param_name(last)}", partial(SliceTask, net, data, snap, last), repeats[0])
        report(
            f"41x41 map of W0[0,0] x {net.param_name(last)}",
            partial(MapTask, net, data, snap, params=(first, last)),
            repeats[1],
            1000 if article else None,
        )
        report("41x41 map of two random directions", partial(MapTask, net, data, snap, seed=1), repeats[1])


if __name__ == "__main__":
    main()
