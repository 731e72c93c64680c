"""The activations, one module each; every module's ``RECORD`` is one :class:`Activation`.

Adding an activation is adding a module here (see docs/extending.md): the registry finds it, and
the CLI, the controls, the board, the phases, the reasons, the maps, the health test and both
script exports read it from its record.
"""

from __future__ import annotations

from bpstudio.engine.activations._record import Activation, PhaseRule, ValueRange, elementwise_phase, no_stall
from bpstudio.engine.activations.softmax import softmax_backward
from bpstudio.engine.registry import collect

ALL_ACTIVATIONS: dict[str, Activation] = collect(__name__, __path__, Activation)
# What a hidden layer may use (the CLI's --activation, the Controls combo); softmax is an output's only.
ACTIVATIONS: dict[str, Activation] = {name: a for name, a in ALL_ACTIVATIONS.items() if a.hidden}

TANH = ALL_ACTIVATIONS["tanh"]
SIGMOID = ALL_ACTIVATIONS["sigmoid"]
RELU = ALL_ACTIVATIONS["relu"]
IDENTITY = ALL_ACTIVATIONS["identity"]
SOFTMAX = ALL_ACTIVATIONS["softmax"]


def get_activation(name: str) -> Activation:
    """Look an activation up by name; the error lists the valid names."""
    try:
        return ALL_ACTIVATIONS[name]
    except KeyError:
        valid = ", ".join(ACTIVATIONS)
        raise ValueError(f"unknown activation {name!r} (choose from {valid})") from None


__all__ = [
    "ACTIVATIONS",
    "ALL_ACTIVATIONS",
    "IDENTITY",
    "RELU",
    "SIGMOID",
    "SOFTMAX",
    "TANH",
    "Activation",
    "PhaseRule",
    "ValueRange",
    "elementwise_phase",
    "get_activation",
    "no_stall",
    "softmax_backward",
]
