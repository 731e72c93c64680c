"""Influence-chain speed: milliseconds to build and evaluate one parameter's chain.

    python benchmarks/chain.py

For a 3-32-32-3 tanh net on 1000 samples, times the whole ``bpstudio chain``
work for a parameter — structure, factored form, every link's numbers, 64
listed paths, the per-output split and the finite-difference check — for
every parameter of the first and last layers and a spread of the middle one,
and prints the median and the worst.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import time  # noqa: E402

import numpy as np  # noqa: E402

from bpstudio.engine.chain import InfluenceChain  # noqa: E402
from bpstudio.engine.config import RunConfig  # noqa: E402


def main() -> None:
    trainer = RunConfig(hidden=(32, 32)).trainer()
    net = trainer.network
    first, middle, last = (range(a, b) for a, b in zip(net.offsets[:-1], net.offsets[1:], strict=True))
    indices = list(first) + list(middle)[::11] + list(last)
    times = []
    worst_name = ""
    for index in indices:
        started = time.perf_counter()
        chain = InfluenceChain.of(net, net.param_name(index))
        chain.evaluate(trainer.weights, trainer.dataset)
        elapsed = (time.perf_counter() - started) * 1e3
        if not times or elapsed > max(times):
            worst_name = net.param_name(index)
        times.append(elapsed)
    times = np.array(times)
    print(f"chain of one parameter, 3-32-32-3 tanh, 1000 samples, {len(indices)} parameters:")
    print(f"  median {np.median(times):6.1f} ms   worst {times.max():6.1f} ms ({worst_name})")


if __name__ == "__main__":
    main()
