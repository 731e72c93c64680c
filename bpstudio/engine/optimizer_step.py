"""The optimizer step that produced a snapshot's weights, for one parameter.

A student checks Adam by hand: from iteration k−1 to k, with the gradient g
of iteration k−1, ``m = β₁·m_prev + (1 − β₁)·g``, ``m̂ = m/(1 − β₁ᵗ)``, the
same for v and v̂, and the step ``−α·m̂/(√v̂ + ε)``.  Every one of those
numbers must belong to the *same* step, so they are read from one snapshot:
its optimizer state keeps the moments after the step and what the step
started from (see :class:`.optimizers.Optimizer`).  Which numbers make one
step is each optimizer's record's ``parts``.  The dictionary's keys are
the contract of ``bpstudio chain --format json`` (``"optimizer_step"``).
"""

from __future__ import annotations

from bpstudio.engine.optimizers import RECORDS
from bpstudio.engine.snapshot import Snapshot


def optimizer_step(snapshot: Snapshot, index: int) -> dict[str, float] | None:
    """The step from iteration ``t − 1`` to ``t = snapshot.iteration`` for parameter ``index``.

    ``None`` at iteration 0 (no step made these weights), and for a state
    that does not record its step (a session file saved by an older version).
    """
    if snapshot.iteration == 0:
        return None
    state = snapshot.optimizer_state
    record = RECORDS.get(snapshot.optimizer)
    parts = record.parts if record is not None else None
    if parts is None or any(key not in state for _, key in parts) or "weight_before" not in state:
        return None
    out: dict[str, float] = {"t": snapshot.iteration}
    for name, key in parts:
        out[name] = float(state[key][index])
    out["weight_before"] = float(state["weight_before"][index])
    out["weight_after"] = float(snapshot.weights[index])
    return out
