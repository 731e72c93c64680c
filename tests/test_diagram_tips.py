"""Hovering the diagram explains it: nodes, basic links with formula and value, sources and sinks."""

import numpy as np

from bpstudio.control.export.typeset import number_text
from bpstudio.control.words.diagram_tips import link_tips, node_tips
from bpstudio.engine.config import RunConfig
from bpstudio.engine.graph import Edge, Node, NodeNames


def article():
    problem = RunConfig(samples=50).problem()
    return problem, NodeNames.of(problem.dataset)


def test_a_weight_link_shows_its_basic_link_with_formula_and_value():
    problem, names = article()
    weights = problem.start
    tips = link_tips(problem.network, names, weights, problem.dataset, sample=3)
    w = problem.network.layers(weights)[1][0, 0]
    edge = Edge(Node("O", 1, 0), Node("I", 2, 0), "weight")
    assert tips[edge].startswith(f"∂I₁⁽²⁾/∂O₁⁽¹⁾ = w₁₁⁽¹⁾ = {number_text(w)}\n")
    assert "基础影响链路" in tips[edge] and "sample 3" in tips[edge]


def test_activation_and_loss_links_carry_the_samples_numbers():
    problem, names = article()
    net, data, weights = problem.network, problem.dataset, problem.start
    tips = link_tips(net, names, weights, data, sample=0)
    # independent numbers: the forward pass written out for sample 0
    w0, w1 = net.layers(weights)
    hidden = np.tanh(np.append(data.inputs[0], 1.0) @ w0)
    prediction = np.append(hidden, 1.0) @ w1
    tanh_link = Edge(Node("I", 1, 1), Node("O", 1, 1), "activation")
    assert tips[tanh_link].startswith(f"∂O₂⁽¹⁾/∂I₂⁽¹⁾ = 1 − (O₂⁽¹⁾)² = {number_text(1 - hidden[1] ** 2)}\n")
    loss_link = Edge(Node("y", 0, 2), Node("L"), "loss")
    assert tips[loss_link].startswith(f"∂L/∂lv = ŷ − y = {number_text(prediction[2] - data.targets[0, 2])}\n")


def test_nodes_say_what_they_are_in_the_articles_notation():
    problem, names = article()
    tips = node_tips(problem.network, names, problem.start, problem.dataset, sample=0)
    assert tips[Node("I", 1, 0)].startswith("I₁⁽¹⁾: what unit 1 of layer 1 receives, the linear operation I⁽¹⁾ = W̃⁽⁰⁾ᵀ·Õ⁽⁰⁾")
    assert tips[Node("O", 1, 2)].startswith("O₃⁽¹⁾ = tanh(I₃⁽¹⁾)")
    assert "b⁽¹⁾" in tips[Node("bias", 1)] and "W̃⁽¹⁾" in tips[Node("bias", 1)]
    assert tips[Node("L")].startswith("L = ½ Σ (ŷ − y)²") and "JVal" in tips[Node("L")]
    assert "∂L/∂x" in tips[Node("y", 0, 0)]
    assert len(tips) == 3 + 1 + 5 + 5 + 1 + 3 + 3 + 1  # every node of 3-5-3: r g b 1, I⁽¹⁾, O⁽¹⁾ 1, I⁽²⁾, x y lv, L


def hover(qtbot, view, item):
    """Rest the mouse on ``item``, as a student does before a tooltip shows."""
    qtbot.mouseMove(view.viewport(), view.mapFromScene(item.sceneBoundingRect().center()))


def test_the_studio_fills_tooltips_on_nodes_links_and_the_source_and_sink_tags(qtbot, open_studio):
    win = open_studio()
    view = win.network_view
    assert view.chain is not None  # the article's w₁₁⁽⁰⁾ is selected: O₁⁽¹⁾ is its source, L its sink
    node = view.nodes[Node("O", 1, 0)]
    hover(qtbot, view, node)
    qtbot.waitUntil(lambda: node.toolTip() != "", timeout=5000)
    assert node.toolTip().startswith("O₁⁽¹⁾ = tanh(I₁⁽¹⁾)")
    assert all(item.toolTip() for item in view.nodes.values())
    assert all(item.toolTip().startswith("∂") for item in view.edges)
    roles = {item.role: item.role_tag.toolTip() for item in view.nodes.values() if item.role}
    assert roles["source"].startswith("Source (源)") and "summed" in roles["source"]
    assert roles["sink"].startswith("Sink (汇)")
    win.languages.set_language("zh_CN")
    hover(qtbot, view, view.edges[0])
    roles = {item.role: item.role_tag.toolTip() for item in view.nodes.values() if item.role}
    assert roles["source"].startswith("源（source）") and roles["sink"].startswith("汇（sink）")
    qtbot.waitUntil(lambda: "样本" in view.edges[0].toolTip(), timeout=5000)
    assert "基础影响链路" in view.edges[0].toolTip()
    win.languages.set_language("en")
