"""Which data and task settings apply to a run, and what a change takes along with it.

The controls panel shows every setting of issue 14 (data set, classes, noise,
features, loss, output); some make no sense for the data in use — features
for the article's r, g, b, three classes for the circle — and the panel
disables them with the sentence :func:`unavailable` gives.  Choosing another
data set also changes what must change with it (a regression set cannot keep
cross-entropy, the article's data no features): :func:`changes_for` returns
that whole set of changes, so a choice never lands on a config the engine
refuses.  No Qt here: the rules are tested without a window.
"""

from __future__ import annotations

from typing import Any

from bpstudio.engine.config import RunConfig
from bpstudio.engine.datasets import CLASSIFICATION, THREE_CLASS
from bpstudio.engine.messages import QT_TRANSLATE_NOOP, Notice

CSV_DATASET = QT_TRANSLATE_NOOP("Engine", "The data come from a CSV file; “Article's data” goes back to the built-in data sets.")
CSV_CLASSES = QT_TRANSLATE_NOOP("Engine", "A CSV class column brings its own classes.")
CSV_ROWS = QT_TRANSLATE_NOOP("Engine", "A CSV file has its own rows.")
NOT_CLASSES = QT_TRANSLATE_NOOP("Engine", "Classes belong to the classification data sets (circle, xor, gauss, spiral, moons).")
TWO_CLASSES = QT_TRANSLATE_NOOP("Engine", "{dataset} has 2 classes; gauss and spiral also come with 3.")
NOT_2D = QT_TRANSLATE_NOOP("Engine", "Noise and input features belong to the 2-D data sets (x₁, x₂).")
NO_CLASSES_FOR_LOSS = QT_TRANSLATE_NOOP("Engine", "Cross-entropy needs classes: choose a classification data set or a CSV class column.")
NOT_ARTICLE_INPUTS = QT_TRANSLATE_NOOP("Engine", "Target formulas are written over the article's r, g, b.")


def unavailable(config: RunConfig) -> dict[str, Notice]:
    """Settings that do not apply to ``config``, each with the sentence that says why."""
    out: dict[str, Notice] = {}
    generated = config.dataset != "article"
    if config.data_file:
        out["dataset"] = Notice(CSV_DATASET)
        out["samples"] = Notice(CSV_ROWS)
        out["formulas"] = Notice(CSV_ROWS)
        out["classes"] = Notice(CSV_CLASSES if config.is_classification else NOT_CLASSES)
    elif config.dataset in CLASSIFICATION:
        if config.dataset not in THREE_CLASS:
            out["classes"] = Notice(TWO_CLASSES, dataset=config.dataset)
    else:
        out["classes"] = Notice(NOT_CLASSES)
        out["loss"] = Notice(NO_CLASSES_FOR_LOSS)
    if not generated:
        out["noise"] = Notice(NOT_2D)
        out["features"] = Notice(NOT_2D)
    elif "formulas" not in out:
        out["formulas"] = Notice(NOT_ARTICLE_INPUTS)
    return out


def changes_for(config: RunConfig, field: str, value: Any) -> dict[str, Any]:
    """``{field: value}`` plus what must change with it, leaving out what stays the same.

    * another data set: no formulas or CSV file with a 2-D set, no features
      with the article's, 2 classes where 3 do not exist, and mse (with the
      output following it) where there are no classes;
    * cross-entropy after a linear output: the output follows the loss (softmax);
    * 3 classes after a sigmoid output: softmax, since one sigmoid tells only 2 apart.
    """
    changes = {field: value}
    if field == "dataset":
        if value != "article":
            changes.update(formulas=(), data_file="", inputs=(), targets=())
        else:
            changes["features"] = ()
        if value not in THREE_CLASS:
            changes["classes"] = 2
        if value not in CLASSIFICATION and config.loss == "cross-entropy":
            changes.update(loss="mse", output="auto")
    elif field == "loss" and value == "cross-entropy" and config.output == "linear":
        changes["output"] = "auto"
    elif field == "classes" and value == 3 and config.output == "sigmoid":
        changes["output"] = "auto"
    return {key: new for key, new in changes.items() if key == field or getattr(config, key) != new}


def shown_output(config: RunConfig) -> str:
    """The output layer as the controls name it: ``auto`` shows what it follows (linear, softmax)."""
    return {"identity": "linear"}.get(config.output_activation, config.output_activation)
