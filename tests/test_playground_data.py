"""Playground's data, draw for draw: its seeded stream, generators, shuffle and split (issue 29).

Checked against tests/fixtures/playground_runs.json, made by Playground's own code under Node
(tools/playground_harness).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from bpstudio.engine.playground import datasets
from bpstudio.engine.playground.random_stream import PlaygroundRandom

RUNS = json.loads((Path(__file__).parent / "fixtures" / "playground_runs.json").read_text())["runs"]


def _state(url: str) -> dict[str, str]:
    return dict(item.split("=", 1) for item in url.lstrip("#").split("&"))


def _split(run: dict) -> tuple[list, list]:
    state = _state(run["url"])
    regression = state.get("problem") == "regression"
    generator = datasets.REGRESSION[state["regDataset"]] if regression else datasets.CLASSIFICATION[state["dataset"]]
    random = PlaygroundRandom(state["seed"])
    points = generator(random, 1200 if regression else 500, float(state.get("noise", 0)) / 100)
    datasets.shuffle(random, points)
    cut = math.floor(len(points) * float(state.get("percTrainData", 50)) / 100)
    return points[:cut], points[cut:]


def test_the_stream_is_seedrandoms_for_any_seed_text():
    """Values printed by seedrandom 2.4.4 under Node for these seeds."""
    random = PlaygroundRandom("0.14302")
    assert [random() for _ in range(3)] == [0.8516470009808179, 0.4966926226574224, 0.6592509937773758]
    random = PlaygroundRandom("héllo ✓")  # UTF-16 code units, as charCodeAt reads them
    assert [random(), random()] == [0.028472201418620863, 0.2779847021943721]


@pytest.mark.parametrize("run", RUNS, ids=[run["name"] for run in RUNS])
def test_the_points_after_shuffle_and_split_are_playgrounds(run):
    train, test = _split(run)
    expected_train = [tuple(p) for p in run["train_points"]]
    expected_test = [tuple(p) for p in run["test_points"]]
    assert len(train) == len(expected_train) and len(test) == len(expected_test)
    assert train == expected_train and test == expected_test  # sin, cos and log are V8's fdlibm
