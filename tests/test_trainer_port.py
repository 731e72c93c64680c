"""The trainer's port: typed commands reach a gate or a process as the method calls would, and a load's outcome comes back typed."""

import dataclasses
import pickle

import pytest

from bpstudio.control import LoadSaved, SetSetting, Step, StepPhase, Submit
from bpstudio.control.files.session_file import load_session, save_session
from bpstudio.control.runtime.run_gate import RUN_BATCH, STOP, RunGate
from bpstudio.control.runtime.session import LoadOutcome, TrainingSession
from bpstudio.control.runtime.trainer_port import Pause, Run, Stop, TrainerPort, deliver
from bpstudio.control.runtime.trainer_process import TrainerProcess
from bpstudio.engine.config import RunConfig

SHORT = RunConfig(samples=100, max_iter=250)


class Recorder:
    """A port that writes down each call it gets."""

    def __init__(self):
        self.calls = []
        self.running = False

    def run(self):
        self.calls.append(("run",))

    def pause(self):
        self.calls.append(("pause",))

    def step(self, count=1):
        self.calls.append(("step", count))

    def step_phase(self):
        self.calls.append(("step_phase",))

    def submit(self, payload):
        self.calls.append(("submit", payload))

    def stop(self):
        self.calls.append(("stop",))

    def pending(self):
        return 0


def test_the_gate_and_the_process_are_both_trainer_ports():
    assert isinstance(RunGate(), TrainerPort) and isinstance(TrainerProcess(), TrainerPort)
    assert not isinstance(object(), TrainerPort)


def test_each_command_value_becomes_its_method_call():
    change = SetSetting("alpha", 0.5)
    port = Recorder()
    for command in (Run(), Pause(), Step(3), StepPhase(), Submit(change), Stop()):
        deliver(port, command)
    assert port.calls == [("run",), ("pause",), ("step", 3), ("step_phase",), ("submit", change), ("stop",)]
    with pytest.raises(TypeError):
        deliver(port, "run")  # a method name is not a command


def test_commands_delivered_to_a_gate_queue_what_its_methods_queue():
    gate = RunGate()
    deliver(gate, Submit(SetSetting("alpha", 0.5)))
    deliver(gate, Run())
    assert gate.running and gate.wait(0) == Submit(SetSetting("alpha", 0.5)) and gate.wait(0) is RUN_BATCH
    deliver(gate, Step(2))  # a step pauses, then queues
    assert not gate.running and gate.wait(0) == Step(2)
    deliver(gate, Stop())
    assert gate.wait(0) is STOP


def test_every_command_survives_the_pipe():
    for command in (Run(), Pause(), Step(4), StepPhase(), Submit(SetSetting("alpha", 0.5)), Stop()):
        assert pickle.loads(pickle.dumps(command)) == command


@pytest.fixture
def saved(tmp_path):
    session = TrainingSession(SHORT)
    session.execute(Step(3))
    path = tmp_path / "three.bpstudio"
    save_session(path, session)
    return load_session(path)


def test_a_load_outcome_is_typed_and_still_reads_as_a_pair(saved):
    session = TrainingSession(RunConfig(samples=30))
    session.execute(Submit(LoadSaved(saved)))
    loaded = session.update(False).loaded
    assert isinstance(loaded, LoadOutcome) and loaded.saved is saved and loaded.error is None
    kept, error = loaded  # the window's load_finished(*update.loaded)
    assert kept is saved and error is None


def receive_loaded(process):
    while True:
        message = process.receive()
        assert message is not None, "the trainer's process ended"
        kind, payload = message
        assert kind == "update", payload
        if payload.loaded is not None:
            return payload


def test_a_session_loaded_in_the_process_comes_back_as_the_object_the_studio_sent(saved):
    process = TrainerProcess()
    assert process.start(SHORT, TrainingSession(SHORT).trainer.problem, RunGate()) is None
    try:
        process.submit(LoadSaved(saved))
        update = receive_loaded(process)
        assert update.loaded.saved is saved and update.loaded.error is None
        assert update.iteration == 3  # the file's point, 3 iterations in
        broken = dataclasses.replace(saved, snapshot=dataclasses.replace(saved.snapshot, optimizer="no-such-optimizer"))
        process.submit(LoadSaved(broken))
        update = receive_loaded(process)
        assert update.loaded.saved is broken and update.loaded.error.startswith("ConfigError")
        assert update.iteration == 3  # a load that failed changed nothing
    finally:
        process.stop()
        while process.receive() is not None:
            pass
        assert process.finish(10)
