"""Why the run stopped, in words a student reads without the source code.

The engine names its stop tests (``converged1``, ``converged2``,
``max_iter``, ``diverged``); the status bar says what held, in the user's
language, with ζ as the controls call it.  ``converged2`` is two tests; the
last step tells which (:func:`bpstudio.engine.stop_causes.converged2_cause`).
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ..control.session import Update
from ..engine.stop_causes import WEIGHTS, converged2_cause
from .i18n import marked

CONVERGED1 = QT_TRANSLATE_NOOP("StopReason", "stopped: the largest gradient component is below ζ")
WEIGHTS_STILL = QT_TRANSLATE_NOOP("StopReason", "stopped: the weights moved less than ζ²")
JVAL_STILL = QT_TRANSLATE_NOOP("StopReason", "stopped: JVal changed less than ζ²")
MAX_ITER = QT_TRANSLATE_NOOP("StopReason", "reached the iteration limit")
DIVERGED = QT_TRANSLATE_NOOP("StopReason", "diverged at iteration {n}: JVal overflowed")


def stop_text(update: Update) -> str:
    """The sentence for ``update``'s stop reason in the current language; "" while it runs."""
    snap = update.snapshot
    reason = snap.stop_reason
    if reason == "converged1":
        return marked("StopReason", CONVERGED1)
    if reason == "converged2":
        held = converged2_cause(snap, update.config.zeta)
        return marked("StopReason", WEIGHTS_STILL if held == WEIGHTS else JVAL_STILL)
    if reason == "max_iter":
        return marked("StopReason", MAX_ITER)
    if reason == "diverged":  # the refused step is the one after the last finite iteration
        return marked("StopReason", DIVERGED).format(n=snap.iteration + 1)
    return ""
