"""The QThread worker under pytest-qt: exact counts, phases, live changes, shutdown.

Each test runs twice: training in the thread itself, and in a trainer process
whose Updates the thread relays (the studio's default).
"""

import time

import numpy as np
import pytest

from bpstudio.control import RunState, SetSetting
from bpstudio.control.model.history_mirror import HistoryMirror
from bpstudio.engine.config import RunConfig
from bpstudio.qt.shell.training_thread import TrainingThread


class Recorder:
    def __init__(self, thread):
        self.mirror = HistoryMirror()
        self.updates = []
        self.errors = []
        thread.updated.connect(self.on_update)
        thread.failed.connect(self.errors.append)

    def on_update(self, update):
        self.updates.append(update)
        self.mirror.apply(update)

    @property
    def last(self):
        return self.updates[-1]


WORKER_CONFIG = RunConfig(samples=200, max_iter=10**7)


@pytest.fixture(params=["thread", "process"])
def worker(qtbot, request):
    thread = TrainingThread(WORKER_CONFIG, own_process=request.param == "process")
    recorder = Recorder(thread)
    with qtbot.waitSignal(thread.updated, timeout=5000):
        thread.start()
    yield thread, recorder
    assert thread.stop()
    assert recorder.errors == []


def test_run_pause_resume_keep_every_point(qtbot, worker):
    thread, rec = worker
    thread.start_running()
    qtbot.waitUntil(lambda: rec.last.iteration > 300, timeout=10000)
    thread.pause()
    qtbot.waitUntil(lambda: rec.last.state is RunState.PAUSED, timeout=5000)
    paused_at = rec.last.iteration
    assert len(rec.mirror) == paused_at + 1
    headless = WORKER_CONFIG.trainer()  # the same run, trained without any thread or process
    for _ in range(paused_at):
        headless.step()
    np.testing.assert_array_equal(rec.mirror.values(), headless.history.view())
    thread.start_running()
    qtbot.waitUntil(lambda: rec.last.iteration > paused_at + 200, timeout=10000)
    thread.pause()
    qtbot.waitUntil(lambda: rec.last.state is RunState.PAUSED, timeout=5000)
    assert len(rec.mirror) == rec.last.iteration + 1


def test_step_is_exactly_one_iteration(qtbot, worker):
    thread, rec = worker
    for expected in (1, 2, 3):
        with qtbot.waitSignal(thread.updated, timeout=5000):
            thread.step()
        assert rec.last.iteration == expected and rec.last.state is RunState.PAUSED
    with qtbot.waitSignal(thread.updated, timeout=5000):
        thread.step(10)
    assert rec.last.iteration == 13 and len(rec.mirror) == 14


def test_step_phase_order(qtbot, worker):
    thread, rec = worker
    titles = []
    for _ in range(6):
        with qtbot.waitSignal(thread.updated, timeout=5000):
            thread.step_phase()
        titles.append(rec.last.phase.title)
    # layers are named by the nodes they compute: I^(1), O^(1) are layer 1
    assert titles == [
        "forward through layer 1",
        "forward through layer 2",
        "loss",
        "backward through layer 2",
        "backward through layer 1",
        "update",
    ]
    assert rec.last.iteration == 1


def test_live_alpha_change_applies_at_next_iteration(qtbot, worker):
    thread, rec = worker
    with qtbot.waitSignal(thread.updated, timeout=5000):
        thread.step(2)
    before = np.abs(rec.last.snapshot.optimizer_state["step"]).max()
    with qtbot.waitSignal(thread.updated, timeout=5000):
        thread.submit(SetSetting("alpha", 0.1))
    assert rec.last.changes[-1].field == "alpha" and rec.last.iteration == 2
    with qtbot.waitSignal(thread.updated, timeout=5000):
        thread.step()
    after = np.abs(rec.last.snapshot.optimizer_state["step"]).max()
    assert after > 20 * before  # Adam's step scales with alpha (0.001 -> 0.1)


def test_engine_error_reaches_the_gui(qtbot, worker):
    thread, rec = worker
    with qtbot.waitSignal(thread.failed, timeout=5000) as blocker:
        thread.submit(object())  # not a change the session knows
    assert "unknown change" in blocker.args[0]
    rec.errors.clear()
    thread.step()  # the thread is still alive and steps
    qtbot.waitUntil(lambda: rec.last.iteration == 1, timeout=5000)


@pytest.mark.parametrize("own_process", [False, True], ids=["thread", "process"])
def test_stop_mid_run_ends_the_thread(qtbot, own_process):
    thread = TrainingThread(RunConfig(hidden=(64, 64), samples=5000, max_iter=10**7), own_process=own_process)
    rec = Recorder(thread)
    with qtbot.waitSignal(thread.updated, timeout=5000):
        thread.start()
    thread.start_running()
    qtbot.waitUntil(lambda: rec.last.iteration > 2, timeout=20000)
    started = time.perf_counter()
    assert thread.stop()
    assert not thread.isRunning()
    assert time.perf_counter() - started < 5  # a hang guard, not a speed claim (see benchmark)
