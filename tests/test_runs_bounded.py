"""Finished runs are bounded: each kept curve downsampled, the list capped (item 8)."""

import numpy as np

from bpstudio.control.model import finished_runs
from bpstudio.control.model.downsample import downsample
from bpstudio.control.model.finished_runs import RunShelf
from bpstudio.engine.config import RunConfig


def test_short_curves_are_kept_whole():
    x, y = downsample(np.array([3.0, 2.0, 1.0]), 10)
    np.testing.assert_array_equal(x, [0, 1, 2])
    np.testing.assert_array_equal(y, [3, 2, 1])


def test_long_curves_keep_ends_spikes_and_order_in_bounded_points():
    rng = np.random.default_rng(0)
    values = np.exp(-np.arange(200_000) / 20_000) + 1e-3 * rng.random(200_000)
    values[123_457] = 50.0  # a spike
    values[77_777] = -1.0  # a dip
    x, y = downsample(values, 10_000)
    assert len(x) <= 10_000
    assert x[0] == 0 and x[-1] == len(values) - 1 and y[-1] == values[-1]
    assert np.all(np.diff(x) > 0)
    np.testing.assert_array_equal(y, values[x.astype(int)])  # real points, not averages
    assert 50.0 in y and -1.0 in y
    assert y.max() == values.max() and y.min() == values.min()


def test_each_bucket_keeps_its_first_lowest_and_first_highest_point_with_ties_and_gaps():
    rng = np.random.default_rng(3)
    values = np.round(rng.normal(size=2_345), 1)  # many ties
    values[rng.random(values.size) < 0.2] = np.nan  # gaps, as a diverged stretch leaves
    values[100:160] = np.nan  # a bucket with nothing in it
    x, _y = downsample(values, 50)
    inner = values[1:-1]
    edges = [int(e) for e in np.linspace(0, inner.size, 24 + 1)]
    expected = {0, values.size - 1}
    for start, stop in zip(edges[:-1], edges[1:], strict=True):
        part = inner[start:stop].tolist()
        finite = [v for v in part if v == v]
        low = part.index(min(finite)) if finite else 0
        high = part.index(max(finite)) if finite else 0
        expected |= {start + low + 1, start + high + 1}
    assert x.tolist() == sorted(expected)


def test_the_runs_list_is_capped_oldest_first(monkeypatch):
    monkeypatch.setattr(finished_runs, "MAX_RUNS", 3)
    shelf = RunShelf()
    kept, removed = [], []
    shelf.kept.connect(kept.append)
    shelf.forgotten.connect(removed.append)
    for i in range(5):
        run = shelf.add(RunConfig(), np.linspace(10, 1, 50_000 + i), (2, 4, 1))
        assert len(run.history) <= 10_000 and run.iterations[-1] == 50_000 + i - 1
    assert sorted(shelf.runs) == [2, 3, 4] and removed == [0, 1] and [r.key for r in kept] == [0, 1, 2, 3, 4]
