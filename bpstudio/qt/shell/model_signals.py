"""The one adapter between the Qt-free studio model and the widgets.

Each model event becomes a Qt signal of a QObject owned by the window, so a
view connects to it like to any Qt signal — and Qt drops the connection when
the view is destroyed, which a plain callback list could not know.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from bpstudio.control.model.studio_model import StudioModel

EVENTS = (
    "problem_changed",
    "update_applied",
    "selection_changed",
    "chain_ready",
    "node_ready",
    "nudge_ready",
    "probe_ready",
    "sample_changed",
    "pending_selection_changed",
    "run_state_changed",
    "digits_changed",
)


class ModelSignals(QObject):
    problem_changed = Signal(object)  # Problem
    update_applied = Signal(object)  # Update
    selection_changed = Signal(object, object)  # index or None, InfluenceChain or None
    chain_ready = Signal(object)  # ChainView
    node_ready = Signal(object)  # NodeReadout
    nudge_ready = Signal(object)  # NudgeResult
    probe_ready = Signal(object)  # ProbeReading
    run_kept = Signal(object)  # FinishedRun
    run_forgotten = Signal(int)  # its key
    sample_changed = Signal(int)  # the chosen sample
    pending_selection_changed = Signal(object)  # the parameter the next run opens with (index, NO_SELECTION or None)
    run_state_changed = Signal(object)  # RunState
    digits_changed = Signal(str)  # View ▸ Digits: "4", "6" or "all"

    def __init__(self, model: StudioModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        for name in EVENTS:
            getattr(model, name).connect(getattr(self, name).emit)
        model.runs.kept.connect(self.run_kept.emit)
        model.runs.forgotten.connect(self.run_forgotten.emit)
