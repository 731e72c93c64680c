"""Classification on TensorFlow Playground's data: how fast the engine gets there.

    python benchmarks/classification.py

Prints, measured in this run (never asserted):

* xor, 2-4-2 tanh, softmax + cross-entropy, Adam: iterations and seconds
  until every training sample is classified right (100 % train accuracy),
  for seeds 1 to 5 — the start point matters on this non-convex problem
  (the article's note 3), and some starts end in a local minimum short of
  100 %, which is printed as such;
* spiral, 2-16-16-2 tanh, noise 0, softmax + cross-entropy, Adam: iterations
  and seconds until 95 % train accuracy (the target is within 10 000
  iterations), and the accuracy after the 10 000.

Accuracy is measured every CHECK iterations, so the iteration counts are
rounded up to that step.  Both use the article's Adam settings except for
the step size, printed beside each result; data: 500 samples.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import time  # noqa: E402

from bpstudio.engine.classes import accuracy  # noqa: E402
from bpstudio.engine.config import RunConfig  # noqa: E402

CHECK = 10


def train_until(config: RunConfig, target: float) -> tuple[int | None, float | None, float, int, float]:
    """(iterations and seconds to reach ``target`` accuracy or None, final accuracy, iterations, seconds)."""
    trainer = config.trainer()
    data = trainer.dataset
    reached = None
    elapsed = 0.0
    score = 0.0
    while trainer.stop_reason is None:
        started = time.perf_counter()
        trainer.run(CHECK)
        elapsed += time.perf_counter() - started  # accuracy checks are not training time
        score = accuracy(trainer.network, trainer.weights, data.inputs, data.targets)
        if reached is None and score >= target:
            reached = (trainer.iteration, elapsed)
            if target >= 1.0:
                break
    it, sec = reached if reached else (None, None)
    return it, sec, score, trainer.iteration, elapsed


def report(label: str, config: RunConfig, target: float) -> None:
    it, sec, score, total, elapsed = train_until(config, target)
    print(label)
    print(f"  Adam alpha={config.alpha:g}, {config.samples} samples, noise {config.noise:g}, seed {config.seed}")
    if it is None:
        print(f"  {target:.0%} train accuracy NOT reached in {total} iterations ({elapsed:.2f} s); final {score:.1%}")
    else:
        print(f"  {target:.0%} train accuracy after {it} iterations, {sec:.2f} s ({sec / it * 1e6:.0f} us/iteration)")
        if total > it:
            print(f"  after {total} iterations ({elapsed:.2f} s): {score:.1%}")


def main() -> None:
    print(f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS')}; accuracy checked every {CHECK} iterations")
    for seed in range(1, 6):
        xor = RunConfig(dataset="xor", samples=500, hidden=(4,), loss="cross-entropy", alpha=0.01, max_iter=10_000, seed=seed)
        report(f"xor 2-4-2 tanh, softmax + cross-entropy -> 100 % train accuracy (seed {seed})", xor, 1.0)
    spiral = RunConfig(dataset="spiral", samples=500, hidden=(16, 16), loss="cross-entropy", alpha=0.001, max_iter=10_000)
    report("spiral 2-16-16-2 tanh, noise 0, softmax + cross-entropy -> 95 % train accuracy", spiral, 0.95)


if __name__ == "__main__":
    main()
