"""The engine's names and types that views may use — and nothing that computes.

The Qt floor draws and forwards; it never calls the engine's computing modules
(propagation, chain, node values, gradcheck, phases, trainer, optimizers).  What
it needs to *name* things — phase kinds, optimizer names and the settings each
uses (an optimizer's record: its words and formulas; the qt floor never calls
its step), the types it receives from the studio model — comes from here.
"""

from __future__ import annotations

from bpstudio.engine.activations import ALL_ACTIVATIONS
from bpstudio.engine.chain import ChainNumbers, InfluenceChain
from bpstudio.engine.losses import LOSSES, PLAYGROUND_MEAN, get_loss
from bpstudio.engine.nudge import NudgeResult
from bpstudio.engine.optimizers import OPTIMIZERS, OptimizerRecord
from bpstudio.engine.optimizers import RECORDS as OPTIMIZER_RECORDS
from bpstudio.engine.phases import BACKWARD, FORWARD, LOSS, UPDATE, Phase
from bpstudio.engine.sample_contributions import SampleContributions

OPTIMIZER_NAMES: tuple[str, ...] = tuple(OPTIMIZERS)
OPTIMIZER_SETTINGS: dict[str, tuple[str, ...]] = {name: tuple(cls.defaults) for name, cls in OPTIMIZERS.items()}
LOSS_NAMES: tuple[str, ...] = tuple(LOSSES)  # mse, cross-entropy
# each activation's and loss's name on screen and its one-line tip, from its record (marked for translation there)
OPERATOR_WORDS: dict[str, tuple[str, str]] = {
    name: (record.display, record.tip)
    for records in (ALL_ACTIVATIONS, LOSSES, {PLAYGROUND_MEAN: get_loss(PLAYGROUND_MEAN)})
    for name, record in records.items()
}

__all__ = [
    "BACKWARD",
    "FORWARD",
    "LOSS",
    "UPDATE",
    "ChainNumbers",
    "InfluenceChain",
    "NudgeResult",
    "LOSS_NAMES",
    "OPERATOR_WORDS",
    "OPTIMIZER_NAMES",
    "OPTIMIZER_RECORDS",
    "PLAYGROUND_MEAN",
    "OptimizerRecord",
    "OPTIMIZER_SETTINGS",
    "Phase",
    "SampleContributions",
]
