"""Status bar: state, iteration, JVal, ||g||_inf, iterations per second, stop test."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar

from ..control.session import RunState, Update

STATE_TEXT = {
    RunState.IDLE: "ready",
    RunState.RUNNING: "running",
    RunState.PAUSED: "paused",
    RunState.STEPPING: "stepping through an iteration",
    RunState.CONVERGED: "converged",
    RunState.DIVERGED: "diverged",
    RunState.FINISHED: "finished",
}
STOP_TEXT = {
    "converged1": "stopped by converged1: ||g||∞ < ζ",
    "converged2": "stopped by converged2: ||Δx||∞ < ζ² or |ΔJ| < ζ²",
    "max_iter": "stopped at max iterations",
    "diverged": "stopped: diverged",
}


class StudioStatusBar(QStatusBar):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.fields: dict[str, QLabel] = {}
        for key in ("state", "iteration", "jval", "grad", "rate", "stop"):
            label = QLabel()
            label.setObjectName(f"status_{key}")
            self.addPermanentWidget(label)
            self.fields[key] = label
        self._rate = 0.0

    def show_update(self, update: Update) -> None:
        snap = update.snapshot
        if update.state is RunState.RUNNING and update.rate:
            self._rate = update.rate
        self.fields["state"].setText(STATE_TEXT[update.state])
        self.fields["iteration"].setText(f"iteration {snap.iteration}")
        self.fields["jval"].setText(f"JVal {snap.jval:.6g}")
        self.fields["grad"].setText(f"||g||∞ {snap.grad_inf_norm:.3g}")
        self.fields["rate"].setText(f"{self._rate:,.0f} it/s" if self._rate else "")
        self.fields["stop"].setText(STOP_TEXT.get(snap.stop_reason or "", ""))
