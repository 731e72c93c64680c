"""Why each basic link has the value it has, in one short phrase a student can check.

The basic links box shows ``∂b/∂a = formula = value``; a student alone still
asks *why* — why 1, why 1 − O², why r.  The reason depends only on the kind
of link and the activation it passes through, so it is chosen here (no
numbers, no Qt) as an English template marked for translation; the Qt floor
shows it in the current language.
"""

from __future__ import annotations

from ..engine.graph import ACTIVATION, LOSS_LINK, PARAMETER, PENALTY, PENALTY_NODE, WEIGHT, Y, Edge
from ..engine.messages import QT_TRANSLATE_NOOP
from ..engine.network import Network

CONTEXT = "LinkReasons"
INPUT = QT_TRANSLATE_NOOP("LinkReasons", "I = Σ Õ·w is linear in w: the slope is the input the weight multiplies")
BIAS_INPUT = QT_TRANSLATE_NOOP("LinkReasons", "a bias multiplies the constant 1 of Õ, so the slope is 1")
WEIGHT_LINK = QT_TRANSLATE_NOOP("LinkReasons", "I = Σ Õ·w is linear in O: the slope is the weight on this link")
LINEAR = QT_TRANSLATE_NOOP("LinkReasons", "this layer is linear (O = I), so the factor is 1")
TANH = QT_TRANSLATE_NOOP("LinkReasons", "tanh′(I) = 1 − tanh²(I) = 1 − O²: read from the unit's output")
SIGMOID = QT_TRANSLATE_NOOP("LinkReasons", "σ′(I) = σ(I)(1 − σ(I)) = O(1 − O): read from the unit's output")
RELU = QT_TRANSLATE_NOOP("LinkReasons", "ReLU passes I where I > 0 (slope 1) and stops it elsewhere (slope 0)")
SOFTMAX = QT_TRANSLATE_NOOP("LinkReasons", "softmax couples the outputs: each ŷ depends on every I")
ACTIVATION_OTHER = QT_TRANSLATE_NOOP("LinkReasons", "the activation's derivative at I")
SQUARED = QT_TRANSLATE_NOOP("LinkReasons", "L = ½ (ŷ − y)²: its slope in ŷ is the error ŷ − y")
CROSS_ENTROPY = QT_TRANSLATE_NOOP("LinkReasons", "the cross-entropy's slope in ŷ")
PENALTY_SHARE = QT_TRANSLATE_NOOP("LinkReasons", "the penalty's slope, shared out over the n samples")
PENALTY_SUM = QT_TRANSLATE_NOOP("LinkReasons", "L adds the penalty R, so the factor is 1")

_ACTIVATIONS = {"tanh": TANH, "sigmoid": SIGMOID, "relu": RELU, "identity": LINEAR}


def link_reason(edge: Edge, net: Network) -> str:
    """The reason for ``edge``'s local derivative: an English template of :data:`CONTEXT` to translate."""
    s, t = edge.source, edge.target
    if edge.kind == PARAMETER:
        return BIAS_INPUT if net.is_bias(s.layer, s.index) else INPUT
    if edge.kind == WEIGHT:
        return WEIGHT_LINK
    if edge.kind == ACTIVATION:
        if t.kind == Y and net.output_activation == "softmax":
            return SOFTMAX
        return _ACTIVATIONS.get(net.activation(s.layer - 1).name, ACTIVATION_OTHER)
    if edge.kind == PENALTY:
        return PENALTY_SHARE
    if edge.kind == LOSS_LINK:
        if s.kind == PENALTY_NODE:
            return PENALTY_SUM
        return CROSS_ENTROPY if net.loss == "cross-entropy" else SQUARED
    return ""
