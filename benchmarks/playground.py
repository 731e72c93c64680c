"""Playground speed: one epoch of a Playground link, ours beside Playground's own code under Node.

    python benchmarks/playground.py [LINK] [--epochs N]

By default the spiral tanh 8-8-8 net with all seven inputs, 250 training points and batch 10
(issue 29's yardstick). An epoch is ``oneStep``: every training point forward and backward with
an update every batch, then the training and the test loss. Node runs
tools/playground_harness/bench.js (Playground's nn.ts, built there by build.js) in this same
run, alternating with ours round by round; each round prints both sides (the best of several repeats)
and their ratio, and the last line the median ratio. Printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bpstudio.engine.playground.link import read_link  # noqa: E402
from bpstudio.engine.playground.run import start_run  # noqa: E402

SPIRAL = (
    "#activation=tanh&batchSize=10&dataset=spiral&learningRate=0.03&regularizationRate=0&noise=0&networkShape=8,8,8"
    "&seed=0.33333&percTrainData=50&x=true&y=true&xTimesY=true&xSquared=true&ySquared=true&sinX=true&sinY=true"
    "&problem=classification"
)


def ours_ms_per_epoch(link: str, epochs: int, repeats: int) -> tuple[float, float]:
    best, loss = float("inf"), 0.0
    for _ in range(repeats):
        run = start_run(read_link(link).state)
        started = time.perf_counter()
        for _ in range(epochs):
            run.epoch()
        best = min(best, (time.perf_counter() - started) / epochs * 1e3)
        loss = run.train_loss[-1] + run.test_loss[-1]
    return best, loss


def node_ms_per_epoch(link: str, epochs: int, repeats: int) -> dict | None:
    harness = ROOT / "tools" / "playground_harness"
    if shutil.which("node") is None or not (harness / "build" / "nn.js").exists():
        return None
    out = subprocess.run(["node", str(harness / "bench.js"), link, str(epochs), str(repeats)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("link", nargs="?", default=SPIRAL)
    parser.add_argument("--epochs", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds of node and ours (a busy machine moves one side)")
    args = parser.parse_args()
    ratios = []
    for number in range(1, args.rounds + 1):
        node = node_ms_per_epoch(args.link, args.epochs, args.repeats)
        ours, our_loss = ours_ms_per_epoch(args.link, args.epochs, args.repeats)
        if node is None:
            print(f"ours:  {ours:.2f} ms per epoch (best of {args.repeats} x {args.epochs} epochs)")
            print("node:  not measured (needs node and tools/playground_harness/build, see its README)")
            return
        ratios.append(ours / node["ms_per_epoch"])
        theirs = node["last_losses_sum"]
        verdict = "the same double" if our_loss == theirs else f"differ: {our_loss!r} vs {theirs!r}"
        print(
            f"round {number}: ours {ours:.2f} ms, node {node['ms_per_epoch']:.2f} ms per epoch "
            f"(best of {args.repeats} x {args.epochs}; {node['node']}), ratio {ratios[-1]:.2f}; last epoch's losses: {verdict}"
        )
    print(f"ratio (ours / node), median of {len(ratios)} rounds: {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
