"""The optimizers, one module each: Adam as the article writes it, gradient descent, momentum, …

Every module here ends with ``RECORD = OptimizerRecord(...)`` (:mod:`._record`): the step, its
hyper-parameters, the parts of one step, its formulas and its exported code.  They are found, not
listed (:func:`bpstudio.engine.registry.collect`); ``OPTIMIZERS`` maps each name to its step class,
``RECORDS`` to its whole record.  Adding an optimizer is adding a module (docs/extending.md, "Adding an optimizer").
"""

from __future__ import annotations

from bpstudio.engine.optimizers._base import STEP_RECORD, Optimizer
from bpstudio.engine.optimizers._hyper import Hyper, hyper, validate_hyperparameter
from bpstudio.engine.optimizers._record import FirstStep, Line, OptimizerRecord, Setting
from bpstudio.engine.optimizers.adam import Adam
from bpstudio.engine.optimizers.gd import GradientDescent
from bpstudio.engine.optimizers.momentum import Momentum
from bpstudio.engine.registry import collect

RECORDS: dict[str, OptimizerRecord] = collect(__name__, list(__path__), OptimizerRecord)
OPTIMIZERS: dict[str, type[Optimizer]] = {name: record.step for name, record in RECORDS.items()}


def make_optimizer(name: str, **hyper: float) -> Optimizer:
    """Build an optimizer by name, ignoring hyperparameters it does not use."""
    try:
        cls = OPTIMIZERS[name]
    except KeyError:
        raise ValueError(f"unknown optimizer {name!r} (choose from {', '.join(OPTIMIZERS)})") from None
    return cls(**{k: v for k, v in hyper.items() if k in cls.defaults})


__all__ = [
    "OPTIMIZERS",
    "RECORDS",
    "STEP_RECORD",
    "Adam",
    "FirstStep",
    "GradientDescent",
    "Hyper",
    "Line",
    "Momentum",
    "Optimizer",
    "OptimizerRecord",
    "Setting",
    "hyper",
    "make_optimizer",
    "validate_hyperparameter",
]
