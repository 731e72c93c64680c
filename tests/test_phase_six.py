"""Phase 6 keeps its numbers (issue 28): until the next step the inspector shows the gradient and the
step of the update phase 6/6 explains, not the next iteration's."""

from __future__ import annotations

import numpy as np

from bpstudio.engine.config import RunConfig
from bpstudio.engine.propagation import predict


def jval(problem, weights) -> float:
    """The article's JVal by hand: half the squared error summed over the samples."""
    residual = predict(problem.network, weights, problem.dataset.inputs) - problem.dataset.targets
    return 0.5 * float(np.sum(residual * residual))


def slope(problem, weights, index: int, h: float = 1e-6) -> float:
    """∂JVal/∂w by a central difference: no backpropagation involved."""
    up, down = weights.copy(), weights.copy()
    up[index] += h
    down[index] -= h
    return (jval(problem, up) - jval(problem, down)) / (2 * h)


def shown(qtbot, win, explaining: bool):
    qtbot.waitUntil(
        lambda: win.model.chain_view is not None and win.model.chain_view.exact and win.model.chain_view.explaining == explaining,
        timeout=20000,
    )
    return win.model.chain_view


def test_phase_six_shows_the_gradient_of_the_update_it_explains(qtbot, open_studio):
    win = open_studio(RunConfig(samples=20))
    problem = win.problem
    start = np.array(win.last.snapshot.weights)
    while win.last.phase is None or win.last.phase.kind != "update":
        with qtbot.waitSignal(win.training.updated, timeout=10000):
            win.gestures.step_phase()
    assert win.last.snapshot.iteration == 1
    after = np.array(win.last.snapshot.weights)
    index = win.model.selected
    view = shown(qtbot, win, explaining=True)
    used = slope(problem, start, index)
    assert abs(used - slope(problem, after, index)) > 1e-4 * abs(used)  # the two iterations' gradients differ
    np.testing.assert_allclose(view.gradient, used, rtol=1e-6)  # the update's own gradient, at iteration 0's weights
    assert view.weight == start[index] and view.step_lines  # and the step it made, from iteration 0 to 1
    with qtbot.waitSignal(win.training.updated, timeout=10000):
        win.gestures.step()
    view = shown(qtbot, win, explaining=False)
    assert view.iteration == 2
    np.testing.assert_allclose(view.gradient, slope(problem, np.array(win.last.snapshot.weights), index), rtol=1e-6)
