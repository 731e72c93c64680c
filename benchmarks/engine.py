"""Engine speed: microseconds per iteration, printed, never asserted.

    python benchmarks/engine.py

Prints, for the article's problem (3-5-3 tanh, 1000 samples, Adam) and for a
larger net (3-64-64-3 on 10 000 samples): the vectorised engine's time per
iteration, a per-sample loop's (the article's approach, written by us), and
the speed-up, all measured in this run.  BLAS is held to one thread, as the
``bpstudio`` command does.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from per_sample_loop import adam_per_sample  # noqa: E402

from bpstudio.engine.config import RunConfig  # noqa: E402


def engine_us_per_iteration(config: RunConfig, iterations: int, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        trainer = config.with_changes(max_iter=iterations).trainer()
        started = time.perf_counter()
        trainer.run()
        best = min(best, (time.perf_counter() - started) / trainer.iteration)
    return best * 1e6


def loop_us_per_iteration(config: RunConfig, iterations: int) -> tuple[float, np.ndarray]:
    problem = config.problem()
    started = time.perf_counter()
    path = adam_per_sample(
        problem.network.sizes, problem.start, problem.dataset.inputs, problem.dataset.targets, iterations, alpha=config.alpha
    )
    return (time.perf_counter() - started) / iterations * 1e6, path


def report(label: str, config: RunConfig, engine_iters: int, loop_iters: int) -> None:
    engine_us = engine_us_per_iteration(config, engine_iters)
    loop_us, loop_path = loop_us_per_iteration(config, loop_iters)
    trainer = config.with_changes(max_iter=loop_iters).trainer()
    trainer.run()
    agree = np.max(np.abs(trainer.history.view() - loop_path) / np.abs(loop_path))
    print(f"{label}")
    print(f"  vectorised engine : {engine_us:10.1f} us/iteration  (best of 3 x {engine_iters})")
    print(f"  per-sample loop   : {loop_us:10.1f} us/iteration  ({loop_iters} iterations)")
    print(f"  speed-up          : {loop_us / engine_us:10.0f} x")
    print(f"  JVal agreement    : {agree:10.1e} max relative difference over {loop_iters} iterations")


def main() -> None:
    print(f"numpy {np.__version__}, OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS')}")
    report("article problem: 3-5-3 tanh, 1000 samples, Adam", RunConfig(), 5000, 20)
    report("larger net: 3-64-64-3 tanh, 10 000 samples, Adam", RunConfig(hidden=(64, 64), samples=10_000), 100, 2)
    article = RunConfig()
    started = time.perf_counter()
    trainer = article.trainer()
    trainer.run()
    elapsed = time.perf_counter() - started
    print(
        f"article's full run: {trainer.iteration} iterations in {elapsed:.2f} s, "
        f"final JVal {trainer.jval:.6f} ({trainer.stop_reason.value})"
    )


if __name__ == "__main__":
    main()
