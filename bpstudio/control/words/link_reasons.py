"""Why each basic link has the value it has, in one short phrase a student can check.

The basic links box shows ``∂b/∂a = formula = value``; a student alone still
asks *why* — why 1, why 1 − O², why r.  The reason depends only on the kind
of link and the activation it passes through, so it is chosen here (no
numbers, no Qt) as an English template marked for translation; the Qt floor
shows it in the current language.  An activation's reason and the loss's are
facets of their records.
"""

from __future__ import annotations

from bpstudio.engine.graph import ACTIVATION, LOSS_LINK, PARAMETER, PENALTY, PENALTY_NODE, WEIGHT, Edge
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.engine.network import Network

CONTEXT = "LinkReasons"
INPUT = QT_TRANSLATE_NOOP("LinkReasons", "I = Σ Õ·w is linear in w: the slope is the input the weight multiplies")
BIAS_INPUT = QT_TRANSLATE_NOOP("LinkReasons", "a bias multiplies the constant 1 of Õ, so the slope is 1")
WEIGHT_LINK = QT_TRANSLATE_NOOP("LinkReasons", "I = Σ Õ·w is linear in O: the slope is the weight on this link")
PENALTY_SHARE = QT_TRANSLATE_NOOP("LinkReasons", "the penalty's slope, shared out over the n samples")
PENALTY_SUM = QT_TRANSLATE_NOOP("LinkReasons", "L adds the penalty R, so the factor is 1")


def link_reason(edge: Edge, net: Network) -> str:
    """The reason for ``edge``'s local derivative: an English template of :data:`CONTEXT` to translate."""
    s = edge.source
    if edge.kind == PARAMETER:
        return BIAS_INPUT if net.is_bias(s.layer, s.index) else INPUT
    if edge.kind == WEIGHT:
        return WEIGHT_LINK
    if edge.kind == ACTIVATION:
        return net.activation(s.layer - 1).reason
    if edge.kind == PENALTY:
        return PENALTY_SHARE
    if edge.kind == LOSS_LINK:
        if s.kind == PENALTY_NODE:
            return PENALTY_SUM
        return net.loss_record.reason
    return ""
