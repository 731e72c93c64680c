"""BP Studio's engine: networks, JVal, backprop, optimizers and the influence chain.

NumPy only — no Qt, no threads — so that it can be used from a notebook, a
test or the command line exactly as the studio uses it.
"""

from .activations import ACTIVATIONS, Activation, get_activation
from .data import Dataset, Problem, article_problem, draw_article_data, start_weights
from .gradcheck import GradCheck, check_gradient, numeric_gradient, relative_error
from .history import GrowingBuffer
from .network import Network
from .optimizers import OPTIMIZERS, Adam, GradientDescent, Momentum, Optimizer, make_optimizer
from .propagation import jval_and_gradient, predict
from .snapshot import Snapshot
from .trainer import StopReason, Trainer

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
