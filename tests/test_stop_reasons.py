"""Why a run stopped, in words and in both languages; a symmetric start says why it cannot learn."""

import numpy as np
import pytest
from PySide6.QtGui import QAction

from bpstudio.control import RunState
from bpstudio.control.runtime.session import TrainingSession
from bpstudio.engine.config import RunConfig
from bpstudio.engine.stop_causes import JVAL, WEIGHTS, converged2_cause, equal_start_layers


def test_converged2_says_which_test_held():
    assert converged2_cause(np.array([1e-3, -2e-3]), zeta=0.05) == WEIGHTS  # 0.002 < 0.0025
    assert converged2_cause(np.array([1e-3, -3e-3]), zeta=0.05) == JVAL
    trainer = RunConfig(zeta=0.05, samples=50).trainer()  # Adam's first step moves 0.001 < ζ²
    trainer.run()
    assert trainer.stop_reason.value == "converged2"
    assert converged2_cause(trainer.snapshot().optimizer_state["step"], 0.05) == WEIGHTS


def test_equal_start_layers_finds_the_symmetric_start():
    zeros = RunConfig(init="zeros", samples=20).problem()
    assert equal_start_layers(zeros.network, zeros.start) == (0, 1)
    uniform = RunConfig(samples=20).problem()
    assert equal_start_layers(uniform.network, uniform.start) == ()


def test_a_zero_start_that_converges_says_why_it_learned_nothing():
    session = TrainingSession(RunConfig(init="zeros", samples=100, zeta=0.05))
    session.trainer.run()
    update = session.update(running=False)
    assert update.state is RunState.CONVERGED
    assert "W̃⁽⁰⁾, W̃⁽¹⁾" in update.message and "symmetry" in update.message
    assert update.message.template and update.message.params == {"layers": "W̃⁽⁰⁾, W̃⁽¹⁾"}
    limited = TrainingSession(RunConfig(init="zeros", samples=100, max_iter=5))
    limited.trainer.run()
    assert "symmetry" in limited.update(running=False).message  # also when the limit stops it
    uniform = TrainingSession(RunConfig(samples=100, zeta=0.05))
    uniform.trainer.run()
    assert uniform.update(running=False).message is None


def run_to_the_stop(qtbot, win):
    win.findChild(QAction, "run").trigger()
    qtbot.waitUntil(lambda: win.last.state in (RunState.CONVERGED, RunState.FINISHED, RunState.DIVERGED), timeout=20000)


@pytest.mark.parametrize(
    "config,english,chinese",
    [
        (RunConfig(zeta=0.05, samples=50), "stopped: the weights moved less than ζ²", "已停止：权重的移动小于 ζ²"),
        (RunConfig(zeta=1e9, samples=50), "stopped: the largest gradient component is below ζ", "已停止：梯度的最大分量小于 ζ"),
        (RunConfig(max_iter=3, samples=50), "reached the iteration limit", "已达到最大迭代次数"),
    ],
)
def test_status_bar_says_why_in_both_languages(qtbot, open_studio, config, english, chinese):
    win = open_studio(config)
    run_to_the_stop(qtbot, win)
    stop = win.status.fields["stop"]
    qtbot.waitUntil(lambda: stop.text() == english, timeout=5000)
    listed = win.last.iteration > 0  # a run stopped before its first step is no curve to keep
    if listed:
        qtbot.waitUntil(lambda: win.runs.list.count() == 1, timeout=5000)
        assert win.runs.list.item(0).text().endswith(f"— {english}")  # the Runs list says it in the same words
    win.languages.set_language("zh_CN")
    assert stop.text() == chinese
    assert not listed or win.runs.list.item(0).text().endswith(f"— {chinese}")
    win.languages.set_language("en")
    assert stop.text() == english


def test_the_phase_banner_says_why_the_step_through_stopped(qtbot, open_studio):
    win = open_studio(RunConfig(zeta=1e9, samples=50))  # converged1 holds before the first step
    step_phase = win.findChild(QAction, "step_phase")
    for _ in range(8):  # forward, loss, backward ..., then the update that does not happen
        if "stopped" in win.phase_banner.words.text():
            break
        step_phase.trigger()
        qtbot.waitUntil(lambda: win.phase_banner.isVisible() or win.last.state is RunState.CONVERGED, timeout=5000)
    qtbot.waitUntil(lambda: "stopped" in win.phase_banner.words.text(), timeout=5000)
    assert win.phase_banner.words.text().endswith(" · stopped: the largest gradient component is below ζ")
    assert "converged1" not in win.phase_banner.words.text()
