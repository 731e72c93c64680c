"""The losses, one module each; every module's ``RECORD`` is one :class:`Loss`.

``LOSSES`` maps each name to its record (iterating it gives the names, as the CLI's choices and
the config's check use it).  The numerical helpers stay importable from here.
"""

from __future__ import annotations

from bpstudio.engine.losses._playground_mean import NAME as PLAYGROUND_MEAN
from bpstudio.engine.losses._playground_mean import mean_record
from bpstudio.engine.losses._record import Loss
from bpstudio.engine.losses.cross_entropy import (
    cross_entropy_link_products,
    cross_entropy_output_gradient,
    cross_entropy_output_link,
    per_sample_cross_entropy,
    sigmoid_cross_entropy,
    softmax_cross_entropy,
)
from bpstudio.engine.losses.mse import half_squared_error
from bpstudio.engine.registry import collect

LOSSES: dict[str, Loss] = collect(__name__, __path__, Loss)


def get_loss(name: str) -> Loss:
    """Look a loss up by name; the error lists the valid names.

    Playground's mean (only under Playground conventions, so in no menu) is found too, its n a symbol.
    """
    if name == PLAYGROUND_MEAN:
        return mean_record(None)
    try:
        return LOSSES[name]
    except KeyError:
        raise ValueError(f"unknown loss {name!r} (choose from {', '.join(LOSSES)})") from None


__all__ = [
    "LOSSES",
    "PLAYGROUND_MEAN",
    "Loss",
    "cross_entropy_link_products",
    "cross_entropy_output_gradient",
    "cross_entropy_output_link",
    "get_loss",
    "half_squared_error",
    "mean_record",
    "per_sample_cross_entropy",
    "sigmoid_cross_entropy",
    "softmax_cross_entropy",
]
