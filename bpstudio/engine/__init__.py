"""BP Studio's engine: networks, JVal, backprop, optimizers and the influence chain.

NumPy only — no Qt, no threads — so that it can be used from a notebook, a
test or the command line exactly as the studio uses it.
"""

from bpstudio.engine.activations import ACTIVATIONS, Activation, get_activation
from bpstudio.engine.data import Dataset, Problem, article_problem, draw_article_data, start_weights
from bpstudio.engine.gradcheck import GradCheck, check_gradient, numeric_gradient, relative_error
from bpstudio.engine.history import GrowingBuffer
from bpstudio.engine.network import Network
from bpstudio.engine.optimizers import OPTIMIZERS, Adam, GradientDescent, Momentum, Optimizer, make_optimizer
from bpstudio.engine.propagation import jval_and_gradient, predict
from bpstudio.engine.snapshot import Snapshot
from bpstudio.engine.trainer import StopReason, Trainer

__all__ = [
    "ACTIVATIONS",
    "Activation",
    "Adam",
    "Dataset",
    "GradCheck",
    "GradientDescent",
    "GrowingBuffer",
    "Momentum",
    "Network",
    "OPTIMIZERS",
    "Optimizer",
    "Problem",
    "Snapshot",
    "StopReason",
    "Trainer",
    "article_problem",
    "check_gradient",
    "draw_article_data",
    "get_activation",
    "jval_and_gradient",
    "make_optimizer",
    "numeric_gradient",
    "predict",
    "relative_error",
    "start_weights",
]
