"""The size budget's estimates beside measured figures, printed, never asserted.

    python benchmarks/budget.py

For a few network sizes: the estimated and the measured time per iteration,
and the estimated memory beside the process's peak resident size growth
while building and stepping the run.  The constants of
bpstudio/engine/budget.py were chosen from these figures on a 2-core shared
machine; the estimate is meant to be on the safe side (larger).
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import resource  # noqa: E402
import time  # noqa: E402

from bpstudio.engine.budget import estimate  # noqa: E402
from bpstudio.engine.config import RunConfig  # noqa: E402

CASES = [((5,), 1000), ((64,), 10_000), ((256, 256), 1000), ((512, 512), 1000), ((1024,), 20_000), ((32, 32), 100_000)]


def main() -> None:
    print(f"{'hidden':>12} {'samples':>8} {'params':>8} {'est s/it':>9} {'meas s/it':>9} {'est MB':>8} {'peak RSS MB':>11}")
    for hidden, samples in CASES:
        config = RunConfig(hidden=hidden, samples=samples, max_iter=5)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        trainer = config.trainer()
        started = time.perf_counter()
        trainer.run(5)
        per_iteration = (time.perf_counter() - started) / 5
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
        e = estimate(trainer.network.sizes, samples, 5)
        print(
            f"{str(hidden):>12} {samples:>8} {e.params:>8} {e.seconds_per_iteration:>9.3f} "
            f"{per_iteration:>9.3f} {e.bytes / 2**20:>8.1f} {grown / 1024:>11.1f}"
        )


if __name__ == "__main__":
    main()
