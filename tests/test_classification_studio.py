"""A classification run in today's studio: it trains, saves and opens again.

The studio has no controls for these settings yet; this checks that what it
already shows (diagram, chain, phases, session files) works on such a run.
"""

import numpy as np

from bpstudio.engine.config import RunConfig


def test_softmax_run_steps_lights_its_sources_and_reopens(qtbot, tmp_path, open_studio):
    config = RunConfig(dataset="spiral", classes=3, samples=60, hidden=(4,), loss="cross-entropy", l2=0.01, max_iter=100)
    win = open_studio(config)
    with qtbot.waitSignal(win.training.updated, timeout=5000):
        win.training.step(5)
    assert win.last.iteration == 5 and np.isfinite(win.last.snapshot.jval)
    win.network_view.select_param(0)  # W0[0,0]: every I^(2) is a source under softmax
    assert {"I2[0]", "I2[1]", "I2[2]"} <= {node.name for node in win.network_view.chain.sources}
    assert ("I2[0]", "y[2]") in win.network_view.chain_edge_names()
    for _ in range(2 * 2 + 2):  # every phase of one iteration
        win.gestures.step_phase()
    qtbot.waitUntil(lambda: win.last.iteration == 6, timeout=5000)
    path = tmp_path / "spiral.bpstudio"
    assert win.files.save_to(path)
    weights = win.last.snapshot.weights.copy()
    win.close()

    again = open_studio()
    assert again.files.open(path)
    qtbot.waitUntil(lambda: again.last.iteration == 6, timeout=5000)
    np.testing.assert_array_equal(again.last.snapshot.weights, weights)
    assert again.training.session.config == config
    again.close()
