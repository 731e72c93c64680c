"""Accuracy in words, the same in the status bar and the plot's title, in the current language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bpstudio.control.runtime.class_scores import Scores


def accuracy_text(scores: Scores | None) -> str:
    """``accuracy 97.5%`` or ``accuracy 97.5% · test 93.0%``; empty for a regression run."""
    if scores is None:
        return ""
    if scores.test is None:
        return QCoreApplication.translate("Accuracy", "accuracy {train}").format(train=f"{scores.train:.1%}")
    return QCoreApplication.translate("Accuracy", "accuracy {train} · test {test}").format(
        train=f"{scores.train:.1%}", test=f"{scores.test:.1%}"
    )
