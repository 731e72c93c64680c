"""The trainer in its own process: what crosses the pipe, the run it trains, and when it cannot start or dies.

The first part drives :class:`TrainerProcess` itself (the Qt floor only waits, in qtbot); the rest
builds the studio's TrainingThread and window with a process, the default that
other window tests replace with a thread (see conftest).
"""

import multiprocessing
import os
import pickle
import signal
import threading

import numpy as np
import pytest

from bpstudio.control import RunState, SetSetting
from bpstudio.control.model.history_mirror import HistoryMirror
from bpstudio.control.runtime.run_gate import RunGate, Step
from bpstudio.control.runtime.session import TrainingSession
from bpstudio.control.runtime.trainer_process import TRAINER_ENV, TrainerProcess, trainer_in_own_process
from bpstudio.engine.config import ConfigError, RunConfig
from bpstudio.engine.messages import QT_TRANSLATE_NOOP, Notice, Refusal
from bpstudio.engine.snapshot import Snapshot
from bpstudio.qt.shell.training_thread import TrainingThread

SHORT = RunConfig(samples=100, max_iter=250)


# -- what crosses the pipe ----------------------------------------------------------------------------
def test_snapshots_come_back_equal_and_read_only():
    trainer = SHORT.trainer()
    for _ in range(3):
        trainer.step()
    snapshot = trainer.snapshot()
    back = pickle.loads(pickle.dumps(snapshot))
    assert isinstance(back, Snapshot) and back.iteration == 3 and back.jval == snapshot.jval
    np.testing.assert_array_equal(back.weights, snapshot.weights)
    np.testing.assert_array_equal(back.optimizer_state["m"], snapshot.optimizer_state["m"])
    assert not back.weights.flags.writeable
    with pytest.raises(TypeError):
        back.hyper["alpha"] = 1.0  # still a read-only mapping


def test_a_redo_branch_comes_back_equal_and_read_only():
    session = TrainingSession(SHORT)
    for stop in (2, 4):
        session.execute(Step(stop - session.trainer.iteration))
    session.rewind(0)
    branch = session.redo_branch
    assert branch is not None
    back = pickle.loads(pickle.dumps(branch))
    assert [s.iteration for s in back.snapshots] == [s.iteration for s in branch.snapshots]
    np.testing.assert_array_equal(back.history, branch.history)
    assert back.config == branch.config and back.changes == branch.changes and back.stop_reason == branch.stop_reason
    assert not back.history.flags.writeable  # the studio's copy is as read-only as the trainer's
    with pytest.raises(ValueError):
        back.history[0] = 0.0


def test_refusals_and_notices_keep_their_templates():
    template = QT_TRANSLATE_NOOP("Engine", "{key} must be greater than 0 (got {value})")
    error = ConfigError("alpha", Refusal(template, key="alpha", value="{-1}"))
    back = pickle.loads(pickle.dumps(error))
    assert isinstance(back, ConfigError) and back.field == "alpha"
    assert back.template == template and back.params == {"key": "alpha", "value": "{-1}"} and str(back) == str(error)
    plain = pickle.loads(pickle.dumps(ConfigError("data_file", "no such file")))
    assert plain.field == "data_file" and str(plain) == "no such file" and plain.template is None
    notice = Notice("The run diverged at iteration {n}", n=12)
    again = pickle.loads(pickle.dumps(notice))
    assert isinstance(again, Notice) and again == "The run diverged at iteration 12" and again.params == {"n": 12}


def test_a_first_update_of_every_kind_of_run_crosses_the_pipe():
    for config in (
        RunConfig(),
        RunConfig(dataset="spiral", loss="cross-entropy", hidden=(8,)),
        RunConfig(dataset="xor", loss="cross-entropy", output="sigmoid", classes=2),
        RunConfig(dataset="plane", hidden=(3,), activation="relu"),
    ):
        update = TrainingSession(config).update(False)
        back = pickle.loads(pickle.dumps(update))
        assert back.config == config and back.problem.network.sizes == update.problem.network.sizes
        assert back.problem.network == update.problem.network
        np.testing.assert_array_equal(back.problem.dataset.inputs, update.problem.dataset.inputs)


def test_the_studio_trains_in_a_process_unless_told_otherwise(monkeypatch):
    monkeypatch.delenv(TRAINER_ENV, raising=False)
    assert trainer_in_own_process()
    monkeypatch.setenv(TRAINER_ENV, "thread")
    assert not trainer_in_own_process()


# -- the process itself (no Qt) -----------------------------------------------------------------------
def collect(process, until, first=None):
    """Receive Updates into a mirror (after ``first``) until ``until(update)``; the Updates in order."""
    mirror, updates = HistoryMirror(), []
    if first is not None:
        mirror.apply(first)
    while True:
        message = process.receive()
        assert message is not None, "the trainer's process ended"
        kind, payload = message
        assert kind == "update", payload
        updates.append(payload)
        mirror.apply(payload)
        if until(payload):
            return mirror, updates


def test_a_run_in_the_process_is_the_headless_run_point_for_point(qtbot):
    session = TrainingSession(SHORT)
    first = session.update(False)
    process = TrainerProcess()
    assert process.start(SHORT, session.trainer.problem, RunGate()) is None
    receiving = None
    try:
        process.run()
        mirror, updates = collect(process, lambda u: u.state is RunState.FINISHED, first)
        headless = SHORT.trainer()
        headless.run()
        # the studio's own first point, then everything the process sent
        assert updates[0].history_start == 1
        np.testing.assert_array_equal(mirror.values(), headless.history.view())
        np.testing.assert_array_equal(updates[-1].snapshot.weights, headless.weights)
        assert all(u.problem is session.trainer.problem for u in updates)  # the views see one run
        assert not process.running and process.pending() == 0
        process.pause()  # a run that has stopped: no Update follows, but the child says it took the pause
        assert process.pending() == 1
        receiving = threading.Thread(target=process.receive, daemon=True)  # waits for an Update, reads acks
        receiving.start()
        qtbot.waitUntil(lambda: process.pending() == 0, timeout=20000)
        assert receiving.is_alive() and not process.running  # an ack is not an Update
    finally:
        process.stop()
        if receiving is not None:
            receiving.join(timeout=20)  # it sees the end: one reader of the pipe at a time
        while process.receive() is not None:
            pass
        assert process.finish(10) and process.exit_code == 0


def collect_until_end(process):
    while process.receive() is not None:
        pass
    return True


def test_commands_are_counted_until_the_process_has_carried_them_out():
    session = TrainingSession(SHORT)
    process = TrainerProcess()
    process.step(2)  # before the process exists: kept, then sent in order
    process.submit(SetSetting("alpha", 0.01))
    assert process.pending() == 2
    assert process.start(SHORT, session.trainer.problem, RunGate()) is None
    try:
        _, updates = collect(process, lambda u: bool(u.changes))
        assert updates[-1].iteration == 2 and updates[-1].changes[-1].new == 0.01
        assert process.pending() == 0 and not process.running
        process.submit(SetSetting("alpha", -1.0))
        _, updates = collect(process, lambda u: u.refused is not None)
        assert updates[-1].refused.field == "alpha" and updates[-1].refused.template is not None
    finally:
        process.stop()
        collect_until_end(process)
        process.finish(10)


@pytest.mark.skipif(not hasattr(os, "getsid"), reason="no sessions here")
def _autogroup(path: str) -> str:
    """The autogroup named in ``/proc/PID/autogroup``; '' where the kernel shows none."""
    try:
        with open(path) as file:
            words = file.read().split()
    except OSError:
        return ""
    return words[0] if words else ""


def test_the_trainer_has_a_session_of_its_own_so_the_window_does_not_share_its_cpu_share():
    """Linux shares the processors between sessions first: the window's drawing is not taken from the trainer's share."""
    session = TrainingSession(SHORT)
    process = TrainerProcess()
    process.step(1)
    assert process.start(SHORT, session.trainer.problem, RunGate()) is None
    try:
        collect(process, lambda u: u.iteration == 1)  # the child has begun serving
        child = process._process.pid
        assert os.getsid(child) == child != os.getsid(0)  # the leader of a session of its own
        mine, theirs = f"/proc/{os.getpid()}/autogroup", f"/proc/{child}/autogroup"
        groups = [_autogroup(path) for path in (mine, theirs)]
        if all(groups):  # Linux with autogroups on: a scheduling group of its own (a container may show an empty file)
            assert groups[0] != groups[1]
    finally:
        process.stop()
        collect_until_end(process)
        process.finish(10)


def test_if_no_process_can_start_the_commands_go_to_the_thread(monkeypatch):
    def refuse(self):
        raise OSError("no processes here")

    monkeypatch.setattr(multiprocessing.get_context("spawn").Process, "start", refuse)
    gate = RunGate()
    process = TrainerProcess()
    process.step(3)
    reason = process.start(SHORT, TrainingSession(SHORT).trainer.problem, gate)
    assert reason == "OSError: no processes here"
    assert gate.pending() == 1 and process.pending() == 1  # the step waits on the thread's gate
    process.run()
    assert gate.running and process.running
    assert process.receive() is None


# -- in the studio ------------------------------------------------------------------------------------
def test_the_thread_reports_a_process_that_died(qtbot):
    thread = TrainingThread(SHORT, own_process=True)
    with qtbot.waitSignal(thread.updated, timeout=5000):
        thread.start()
    thread.step()  # answered only once the process is up
    qtbot.waitUntil(lambda: thread.pending() == 0, timeout=20000)
    with qtbot.waitSignal(thread.lost, timeout=20000) as lost:
        os.kill(thread.process._process.pid, signal.SIGKILL)  # noqa: SLF001 - the test plays the crash
    assert lost.args == [-signal.SIGKILL] and not thread.running and thread.pending() == 0
    assert thread.stop()


def test_the_window_trains_in_a_process_and_closes_it(qtbot, monkeypatch):
    from bpstudio.qt.main_window import MainWindow

    monkeypatch.setenv(TRAINER_ENV, "process")
    window = MainWindow(RunConfig(max_iter=400), restore_settings=False)
    window.ask_before_closing = False
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.last is not None, timeout=10000)
    assert window.training.process is not None and window.training.where() == "trainer in its own process"
    window.gestures.run()
    qtbot.waitUntil(lambda: window.last.state is RunState.FINISHED, timeout=30000)
    assert len(window.model.history) == 401 and window.status.fields["iteration"].text() == "iteration 400"
    headless = RunConfig(max_iter=400).trainer()
    headless.run()
    np.testing.assert_array_equal(window.model.history.values(), headless.history.view())
    process = window.training.process
    window.close()
    qtbot.waitUntil(lambda: not window.training.isRunning(), timeout=10000)
    assert process.exit_code == 0


def test_a_child_that_ends_before_it_speaks_hands_everything_asked_to_the_thread():
    gate = RunGate()
    process = TrainerProcess()
    assert process.start(SHORT, "not a problem", gate) is None  # the child fails building its session
    process.step(2)
    process.submit(SetSetting("alpha", 0.01))
    assert process.receive() is None  # it ended without a word
    process.finish(10)
    assert process.exit_code not in (0, None)
    assert process.fall_back(gate)
    assert gate.pending() == 2  # the step and the change, in order, for the thread's own loop
    process.run()
    assert gate.running and process.running


def test_the_studio_trains_in_its_thread_when_the_process_cannot_begin(qtbot, monkeypatch):
    start = TrainerProcess.start
    monkeypatch.setattr(TrainerProcess, "start", lambda self, config, problem, gate: start(self, config, "not a problem", gate))
    thread = TrainingThread(SHORT, own_process=True)
    updates = []
    thread.updated.connect(updates.append)
    with qtbot.waitSignal(thread.updated, timeout=5000):
        thread.start()
    thread.step(3)  # sent to the child, which dies; then carried out by the thread
    qtbot.waitUntil(lambda: updates[-1].iteration == 3, timeout=20000)
    assert thread.where().startswith("trainer in a thread (no process: the process ended as it began")
    assert thread.stop()


def test_closing_during_a_long_step_ends_the_process_instead_of_waiting(qtbot):
    thread = TrainingThread(SHORT.with_changes(max_iter=10**9), own_process=True)
    with qtbot.waitSignal(thread.updated, timeout=5000):
        thread.start()
    thread.step(10**8)  # one command the child carries out to the end: hours
    qtbot.waitUntil(lambda: thread.process._unheard is None, timeout=20000)  # noqa: SLF001 - the child has begun
    assert thread.stop(timeout_ms=300)  # not answered in time: ended, and the relay with it
    assert not thread.isRunning() and thread.process.exit_code == -signal.SIGKILL


def test_a_command_that_cannot_be_pickled_is_refused_and_not_counted():
    process = TrainerProcess()
    assert process.start(SHORT, TrainingSession(SHORT).trainer.problem, RunGate()) is None
    try:
        with pytest.raises(Exception, match="pickle"):
            process.submit(lambda: None)  # no command of the studio is like this; a mistake must not hang it
        assert process.pending() == 0
        process.step(1)
        _, updates = collect(process, lambda u: u.iteration == 1)
        assert process.pending() == 0
    finally:
        process.stop()
        while process.receive() is not None:
            pass
        process.finish(10)


def test_when_the_process_dies_the_window_stops_training_and_can_still_save(qtbot, monkeypatch, tmp_path):
    from bpstudio.control.files.session_file import load_session
    from bpstudio.qt.main_window import MainWindow

    monkeypatch.setenv(TRAINER_ENV, "process")
    window = MainWindow(RunConfig(max_iter=10**7), restore_settings=False)
    window.ask_before_closing = False
    qtbot.addWidget(window)
    window.show()
    window.gestures.run()
    qtbot.waitUntil(lambda: window.last is not None and window.last.iteration > 100, timeout=20000)
    with qtbot.waitSignal(window.training.lost, timeout=20000):
        os.kill(window.training.process._process.pid, signal.SIGKILL)  # noqa: SLF001 - the test plays the crash
    shown = window.last.iteration
    assert "ended unexpectedly (signal SIGKILL)" in window.banner.text() and window.status.fields["state"].text() == "training stopped"
    assert not window.training.running and window.training.pending() == 0
    assert not window.status.fields["rate"].isVisible()  # no speed for a trainer that is gone
    qtbot.waitUntil(lambda: window.inspector.view is not None and window.inspector.view.iteration == shown, timeout=10000)
    actions = window.actions_by_name
    assert not any(actions[name].isEnabled() for name in ("run", "pause", "step", "rewind", "reset"))
    assert not window.controls.isEnabled() and not window.lessons.menu.isEnabled()
    window.gestures.run()  # a key press that slipped through does nothing, and says nothing new
    assert window.training.pending() == 0
    path = tmp_path / "rescued.bpstudio"
    assert window.files.save_to(path)  # the work shown is not lost
    assert load_session(path).snapshot.iteration == shown
    window.close()
    qtbot.waitUntil(lambda: not window.training.isRunning(), timeout=10000)


def test_a_file_being_opened_when_the_process_dies_is_said_not_opened_and_saving_comes_back(qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from bpstudio.control.files.session_file import save_session
    from bpstudio.qt.main_window import MainWindow

    saved = tmp_path / "saved.bpstudio"
    save_session(saved, TrainingSession(SHORT))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: warnings.append(args[2]))
    monkeypatch.setenv(TRAINER_ENV, "process")
    window = MainWindow(RunConfig(max_iter=10**7), restore_settings=False)
    window.ask_before_closing = False
    qtbot.addWidget(window)
    window.show()
    window.training.step(1)
    qtbot.waitUntil(lambda: window.training.process._unheard is None, timeout=20000)  # noqa: SLF001 - the child is up
    os.kill(window.training.process._process.pid, signal.SIGSTOP)  # noqa: SLF001 - it will not answer the open
    window.files.open(str(saved))
    assert window.files.pending is not None
    with qtbot.waitSignal(window.training.lost, timeout=20000):
        os.kill(window.training.process._process.pid, signal.SIGKILL)  # noqa: SLF001
    assert window.files.pending is None and warnings and "saved.bpstudio" in warnings[0]
    assert window.files.save_to(tmp_path / "rescued.bpstudio")
    window.close()
    qtbot.waitUntil(lambda: not window.training.isRunning(), timeout=10000)


UNGUARDED_SCRIPT = """
import os
with open(os.environ["MARK"], "a") as mark:
    mark.write("ran\\n")  # a script without an if __name__ == "__main__" guard
from bpstudio.control.runtime.run_gate import RunGate, Step
from bpstudio.control.runtime.session import TrainingSession
from bpstudio.control.runtime.trainer_process import TrainerProcess
from bpstudio.engine.config import RunConfig
config = RunConfig(samples=50, max_iter=20)
process = TrainerProcess()
assert process.start(config, TrainingSession(config).trainer.problem, RunGate()) is None
process.run()
finished = False
while not finished and (message := process.receive()) is not None:
    finished = message[0] == "update" and message[1].state.name == "FINISHED"
process.stop()
while process.receive() is not None:
    pass
print("finished" if finished else "lost", process.finish(10), process.exit_code)
"""


def test_a_script_without_a_main_guard_is_not_run_again_in_the_trainers_process(tmp_path):
    """Spawn re-runs the parent's main module in the child; the trainer's child names its own instead."""
    import subprocess
    import sys

    from conftest import REPO

    script, mark = tmp_path / "lesson.py", tmp_path / "mark.txt"
    script.write_text(UNGUARDED_SCRIPT, encoding="utf-8")
    env = {**os.environ, "MARK": str(mark), "PYTHONPATH": str(REPO)}
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path)
    assert mark.read_text().splitlines() == ["ran"]  # the parent's run only
    assert run.stdout.split() == ["finished", "True", "0"], run.stderr


def test_a_stopped_process_is_said_to_be_not_answering_not_ended_and_it_goes_on_when_continued(qtbot, monkeypatch):
    """After a SIGSTOP the banner said the trainer "ended (exit code -1)": it had not ended (issue 25)."""
    from bpstudio.qt.main_window import MainWindow

    monkeypatch.setenv(TRAINER_ENV, "process")
    window = MainWindow(RunConfig(max_iter=10**7), restore_settings=False)
    window.ask_before_closing = False
    qtbot.addWidget(window)
    window.show()
    window.reports.watch.after = 1.0  # the test need not wait the usual few seconds
    window.gestures.run()
    qtbot.waitUntil(lambda: window.last is not None and window.last.iteration > 50, timeout=20000)
    pid = window.training.process._process.pid  # noqa: SLF001 - the test plays the stop
    os.kill(pid, signal.SIGSTOP)
    try:
        qtbot.waitUntil(lambda: window.banner.isVisible() and "has not answered" in window.banner.text(), timeout=15000)
        assert "ended" not in window.banner.text() and not window.reports.lost
    finally:
        os.kill(pid, signal.SIGCONT)
    reached = window.last.iteration
    qtbot.waitUntil(lambda: not window.banner.isVisible() and window.last.iteration > reached, timeout=15000)
    window.gestures.pause()
    window.close()
    qtbot.waitUntil(lambda: not window.training.isRunning(), timeout=10000)


def test_silence_is_counted_only_while_an_answer_is_owed(qtbot):
    session = TrainingSession(SHORT)
    process = TrainerProcess()
    assert process.silent_for() == 0.0  # not started: nothing owed
    assert process.start(SHORT, session.trainer.problem, RunGate()) is None
    receiving = threading.Thread(target=collect_until_end, args=(process,), daemon=True)  # the one reader of the pipe
    receiving.start()
    pid = process._process.pid  # noqa: SLF001 - the test plays the stop
    try:
        process.pause()
        qtbot.waitUntil(lambda: process.pending() == 0, timeout=20000)
        assert process.silent_for() == 0.0  # paused, every command taken: a quiet child owes nothing
        os.kill(pid, signal.SIGSTOP)
        process.step(1)
        qtbot.waitUntil(lambda: process.silent_for() > 0.5, timeout=5000)  # owed, and counting
        assert process.pending() == 1 and not process.lost
        os.kill(pid, signal.SIGCONT)
        qtbot.waitUntil(lambda: process.pending() == 0, timeout=20000)
        assert process.silent_for() == 0.0  # it answered: nothing owed again
    finally:
        os.kill(pid, signal.SIGCONT)
        process.stop()
        receiving.join(timeout=20)
        assert process.finish(10)
