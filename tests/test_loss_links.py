"""The loss's own basic link ŷ → L on the diagram: hovering a cross-entropy run's loss link shows
−y/ŷ with its value, not the squared error's ŷ − y (the tooltip and the pointer called the
squared error's residual whatever the loss).  Numbers come from a forward pass written out here."""

import numpy as np

from bpstudio.control.export.typeset import number_text
from bpstudio.control.model.pointer_targets import link_value
from bpstudio.control.words.diagram_tips import link_tips, node_tips
from bpstudio.engine.config import RunConfig
from bpstudio.engine.graph import LOSS, Edge, Node, NodeNames


def softmax_by_hand(logits):
    e = np.exp(logits - np.max(logits))
    return e / np.sum(e)


def test_a_cross_entropy_loss_link_shows_minus_y_over_y_hat_at_the_sample():
    problem = RunConfig(dataset="gauss", classes=3, samples=30, loss="cross-entropy").problem()
    net, data, weights = problem.network, problem.dataset, problem.start
    names = NodeNames.of(data)
    sample = 4
    w0, w1 = net.layers(weights)
    hidden = np.tanh(np.append(data.inputs[sample], 1.0) @ w0)
    y_hat = softmax_by_hand(np.append(hidden, 1.0) @ w1)
    true = int(np.argmax(data.targets[sample]))
    edge = Edge(Node("y", 0, true), Node(LOSS), "loss")
    tip = link_tips(net, names, weights, data, sample=sample)[edge]
    expected = -1.0 / y_hat[true]
    assert "= −y/ŷ = " in tip.splitlines()[0]
    assert tip.splitlines()[0].endswith(number_text(expected))
    assert np.isclose(link_value(net, weights, data, sample, edge), expected, rtol=1e-12)
    assert node_tips(net, names, weights, data, sample)[Node(LOSS)].startswith("L = −Σ y log ŷ: the cross-entropy of one sample")
