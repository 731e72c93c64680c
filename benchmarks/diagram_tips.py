"""Diagram tooltips: milliseconds to write every node's and link's text, printed, never asserted.

    python benchmarks/diagram_tips.py

The studio makes them when the mouse enters an item (and only when weights,
sample or language changed), so this is the pause a student could feel on
hovering — for the article's 3-5-3 net and a wide 3-32-32-3 one.
"""

from __future__ import annotations

import time

from bpstudio.control.words.diagram_tips import link_tips, node_tips
from bpstudio.engine.config import RunConfig
from bpstudio.engine.graph import NodeNames


def milliseconds(config: RunConfig, repeats: int = 20) -> tuple[float, int]:
    problem = config.problem()
    names = NodeNames.of(problem.dataset)
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        nodes = node_tips(problem.network, names, problem.start, problem.dataset, 0)
        links = link_tips(problem.network, names, problem.start, problem.dataset, 0)
        best = min(best, time.perf_counter() - started)
    return best * 1000, len(nodes) + len(links)


if __name__ == "__main__":
    for label, config in (("3-5-3 (the article)", RunConfig()), ("3-32-32-3", RunConfig(hidden=(32, 32)))):
        ms, count = milliseconds(config)
        print(f"{label:22s} {count:5d} tooltips in {ms:6.2f} ms (best of 20)")
