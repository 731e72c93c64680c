"""Why the run stopped, in words a student reads without the source code.

The engine names its stop tests (``converged1``, ``converged2``,
``max_iter``, ``diverged``); the status bar says what held, in the user's
language, with ζ as the controls call it.  ``converged2`` is two tests; the
last step tells which (:func:`bpstudio.engine.stop_causes.converged2_cause`).
"""

from __future__ import annotations

from bpstudio.control.runtime.session import Update
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.engine.stop_causes import WEIGHTS, converged2_cause
from bpstudio.qt.shell.i18n import marked

CONVERGED1 = QT_TRANSLATE_NOOP("StopReason", "stopped: the largest gradient component is below ζ")
WEIGHTS_STILL = QT_TRANSLATE_NOOP("StopReason", "stopped: the weights moved less than ζ²")
JVAL_STILL = QT_TRANSLATE_NOOP("StopReason", "stopped: JVal changed less than ζ²")
EITHER_STILL = QT_TRANSLATE_NOOP("StopReason", "stopped: the weights or JVal changed less than ζ²")
MAX_ITER = QT_TRANSLATE_NOOP("StopReason", "reached the iteration limit")
DIVERGED = QT_TRANSLATE_NOOP("StopReason", "diverged at iteration {n}: JVal overflowed")


def reason_text(reason: str | None, diverged_at: int, step=None, zeta: float | None = None, cause: str | None = None) -> str:
    """The sentence for a stop ``reason`` in the current language; "" for none.

    ``diverged_at`` is the iteration whose step overflowed; ``step`` (the last
    step, from the optimizer state) and ``zeta`` tell which converged2 test held,
    or ``cause`` says it (a kept run remembers it).
    """
    if reason == "converged1":
        return marked("StopReason", CONVERGED1)
    if reason == "converged2":
        if cause is None and step is not None and zeta is not None:
            cause = converged2_cause(step, zeta)
        if cause is None:
            return marked("StopReason", EITHER_STILL)
        return marked("StopReason", WEIGHTS_STILL if cause == WEIGHTS else JVAL_STILL)
    if reason == "max_iter":
        return marked("StopReason", MAX_ITER)
    if reason == "diverged":
        return marked("StopReason", DIVERGED).format(n=diverged_at)
    return ""


def stop_text(update: Update) -> str:
    """Why ``update``'s run stopped; "" while it runs."""
    snap = update.snapshot  # a divergence refuses the step after the last finite iteration
    return reason_text(snap.stop_reason, snap.iteration + 1, snap.optimizer_state.get("step"), update.config.zeta)
