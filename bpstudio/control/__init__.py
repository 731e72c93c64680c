"""Session state, the run gate and commands: everything between the GUI and the engine, without Qt."""

from bpstudio.control.runtime.commands import ApplyConfig, LoadSaved, Redo, Reset, Rewind, SelectSample, SetPace, SetSetting, SetWeight
from bpstudio.control.runtime.run_gate import RUN_BATCH, STOP, RunGate, Step, StepPhase, Submit
from bpstudio.control.runtime.session import ChangeRecord, RunState, TrainingSession, Update

__all__ = [
    "ApplyConfig",
    "ChangeRecord",
    "LoadSaved",
    "RUN_BATCH",
    "Redo",
    "Reset",
    "Rewind",
    "RunGate",
    "RunState",
    "STOP",
    "SelectSample",
    "SetPace",
    "SetSetting",
    "SetWeight",
    "Step",
    "StepPhase",
    "Submit",
    "TrainingSession",
    "Update",
]
