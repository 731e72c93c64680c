"""The teacher's pointer (issue 24): in presentation a click on a factor, a node or a link lights the same
thing in the formula and the diagram and writes its number large; Esc takes it away before the selection;
outside presentation clicks do what they did; the cursor halo follows the mouse."""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QCursor, QFontMetricsF

from bpstudio.control.export.typeset import number_text
from bpstudio.control.model.pointer_targets import cell_at
from bpstudio.engine.config import RunConfig
from bpstudio.engine.graph import PARAM, WEIGHT, ExpandedGraph, Node
from bpstudio.engine.node_values import node_values
from bpstudio.qt.shell.background import BackgroundWorker


def presenting_with_chain(qtbot, open_studio, index=0, hidden=(4, 3)):
    """A window in presentation mode with a weight chosen and its typeset chain on screen."""
    window = open_studio(RunConfig(hidden=hidden))
    window.resize(1366, 768)
    window.findChild(QAction, "presentation").setChecked(True)
    window.network_view.select_param(index)
    inspector = window.inspector
    qtbot.waitUntil(lambda: inspector.view is not None and inspector.view.index == index, timeout=10000)
    qtbot.waitUntil(lambda: "factor-0-0-0" in inspector.formula.svg_text and "tag-" in inspector.formula.svg_text, timeout=20000)
    return window


def factor_cells(window):
    """(id, cell) of every factor of the chain on screen."""
    view = window.inspector.view
    for where in {tuple(map(int, m)) for m in re.findall(r'id="factor-(\d+)-(\d+)-(\d+)"', window.inspector.formula.svg_text)}:
        cell = cell_at(view.blocks, where)  # None while an older chain's picture is still shown
        if cell is not None:
            yield "factor-{}-{}-{}".format(*where), cell


def click_formula(qtbot, window, element):
    formula = window.inspector.formula
    window.inspector.ensureWidgetVisible(formula)
    qtbot.mouseClick(formula, Qt.MouseButton.LeftButton, pos=formula.element_centre(element))


def click_node(qtbot, window, name):
    view = window.network_view
    item = next(i for n, i in view.nodes.items() if n.name == name)
    view.ensureVisible(item.sceneBoundingRect(), 10, 10)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(item.pos()))


def weight_of_link(window, edge):
    """The weight a weight link's factor ∂I/∂O equals, read from the run's weights."""
    net = window.problem.network
    return float(window.last.snapshot.weights[net.param_index(*ExpandedGraph(net).weight_of(edge))])


def gradient_at(window, node, sample):
    """∂L/∂node at one sample by backprop (engine.node_values), not from the chain."""
    return node_values(window.problem.network, window.last.snapshot.weights, window.problem.dataset, sample)[node.name][1]


def test_a_click_on_a_factor_lights_it_and_its_link_and_shows_its_number(qtbot, open_studio):
    window = presenting_with_chain(qtbot, open_studio)
    pointer, formula, view = window.pointer, window.inspector.formula, window.inspector.view
    # a weight link's factor ∂I/∂O deep in the chain (not the parameter's own ∂I/∂w): it equals that weight
    element, cell = next((i, c) for i, c in factor_cells(window) if c.edge is not None and c.edge.kind == WEIGHT)
    click_formula(qtbot, window, element)
    pair = (cell.edge.source.name, cell.edge.target.name)
    assert pointer.lit_links == {pair}
    assert {cell.edge.source.name, cell.edge.target.name} <= pointer.lit_nodes
    assert (element, element + "-n") in formula.marks  # boxed in the formula with the number under it
    # its number: that weight, written as under the factor
    assert pointer.overlay.number == number_text(weight_of_link(window, cell.edge))
    assert "∂" in pointer.overlay.name and pointer.overlay.isVisible()
    # large: its digits at least twice the projector's digit height
    _name_font, number_font = pointer.overlay.fonts()
    assert QFontMetricsF(number_font).capHeight() >= 2 * window.look.digit_px
    # the box painted over the factor covers it
    assert formula.element_rect((element, element + "-n")).contains(formula.element_centre(element).toPointF())
    # the parameter's own factor ∂I/∂w is its weight's link in the diagram
    element, cell = next((i, c) for i, c in factor_cells(window) if c.edge is not None and c.edge.source.kind == PARAM)
    click_formula(qtbot, window, element)
    chosen = window.network_view.weight_edges[0]
    assert pointer.lit_links == {(chosen.edge.source.name, chosen.edge.target.name)}
    assert pointer.overlay.number == number_text(view.at_sample.edge_values[cell.edge])
    # ∂L/∂v of a source: its Σ, and its node in the diagram
    element, cell = next((i, c) for i, c in factor_cells(window) if c.defined_below is not None)
    click_formula(qtbot, window, element)
    assert pointer.lit_nodes == {cell.defined_below.name} and pointer.lit_links == set()
    assert pointer.overlay.number == number_text(gradient_at(window, cell.defined_below, view.sample))


def test_a_click_on_a_node_lights_its_factors(qtbot, open_studio):
    window = presenting_with_chain(qtbot, open_studio)
    pointer, formula, view = window.pointer, window.inspector.formula, window.inspector.view
    source = next(b.node for b in view.blocks if b.role == "source")
    click_node(qtbot, window, source.name)
    touching = {i for i, c in factor_cells(window) if c.edge is not None and source in (c.edge.source, c.edge.target)}
    touching |= {i for i, c in factor_cells(window) if c.defined_below == source}
    assert touching and {group[0] for group in formula.marks} == touching
    assert source.name in pointer.lit_nodes
    assert pointer.overlay.number == number_text(gradient_at(window, source, view.sample))
    # the node's readout is still asked for, as outside presentation
    qtbot.waitUntil(lambda: window.inspector.node_info.text() != "", timeout=10000)
    # a node off the chain: its number comes from the model's readout
    off = next(n for n in window.network_view.nodes if n.kind == "I" and n not in view.chain.nodes)
    click_node(qtbot, window, off.name)
    qtbot.waitUntil(lambda: pointer.overlay.number == number_text(gradient_at(window, off, view.sample)), timeout=10000)
    assert formula.marks == () and pointer.lit_nodes >= {off.name}


def test_esc_takes_the_pointer_first_then_the_selection(qtbot, open_studio):
    window = presenting_with_chain(qtbot, open_studio)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=5000)
    pointer = window.pointer
    element, _cell = next(factor_cells(window))
    click_formula(qtbot, window, element)
    assert pointer.pointed is not None and window.network_view.hasFocus()
    qtbot.keyClick(window.network_view, Qt.Key.Key_Escape)
    assert pointer.pointed is None and window.inspector.formula.marks == () and not pointer.lit_links
    assert not pointer.overlay.isVisible()
    assert window.network_view.selected_param == 0  # the selection is still there
    qtbot.keyClick(window.network_view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.network_view.selected_param is None, timeout=5000)


def test_a_weight_link_click_chooses_the_weight_and_points_at_it(qtbot, open_studio):
    window = presenting_with_chain(qtbot, open_studio)
    view = window.network_view
    item = view.weight_edges[5]
    middle = item.line().pointAt(0.3)  # links of a layer cross near their middles
    view.ensureVisible(item.sceneBoundingRect(), 10, 10)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(middle))
    qtbot.waitUntil(lambda: window.inspector.view is not None and window.inspector.view.index == 5, timeout=10000)
    assert window.pointer.overlay.number == number_text(float(window.last.snapshot.weights[5]))
    # once the chain of w is typeset, its own factor ∂I/∂w is boxed
    param = Node(PARAM, *ExpandedGraph(window.problem.network).weight_of(item.edge))

    def own_factor_marked():
        own = {i for i, c in factor_cells(window) if c.edge is not None and c.edge.source == param}
        return own and {group[0] for group in window.inspector.formula.marks} == own

    qtbot.waitUntil(own_factor_marked, timeout=20000)


def test_outside_presentation_clicks_do_what_they_did(qtbot, open_studio):
    window = open_studio(RunConfig(hidden=(4, 3)))
    window.network_view.select_param(0)
    inspector = window.inspector
    qtbot.waitUntil(lambda: inspector.view is not None and "factor-0-0-0" in inspector.formula.svg_text, timeout=20000)
    click_formula(qtbot, window, "factor-0-0-0")
    source = next(b.node for b in inspector.view.blocks if b.role == "source")
    click_node(qtbot, window, source.name)
    qtbot.waitUntil(lambda: inspector.node_info.text() != "", timeout=10000)  # the node's readout, as always
    assert window.pointer.pointed is None and inspector.formula.marks == () and not window.pointer.overlay.isVisible()
    assert not window.findChild(QAction, "clear_pointer").isEnabled()  # Esc stays the diagram's
    assert window.network_view.selected_param == 0


def test_leaving_presentation_takes_the_pointer_away(qtbot, open_studio):
    window = presenting_with_chain(qtbot, open_studio)
    element, _cell = next(factor_cells(window))
    click_formula(qtbot, window, element)
    assert window.pointer.pointed is not None
    window.findChild(QAction, "presentation").setChecked(False)
    assert window.pointer.pointed is None and not window.pointer.overlay.isVisible()


def test_the_cursor_halo_follows_the_mouse(qtbot, open_studio):
    window = open_studio()
    action = window.findChild(QAction, "cursor_halo")
    assert action.isCheckable() and not action.isChecked() and action.shortcut().toString() == "Ctrl+H"
    assert action in window.menus.view_menu.actions()
    overlay = window.pointer.overlay
    assert overlay.halo is None and not overlay.isVisible()
    action.setChecked(True)
    for at in (QPoint(300, 200), QPoint(900, 500)):
        QCursor.setPos(window.mapToGlobal(at))
        qtbot.waitUntil(lambda at=at: overlay.halo == at, timeout=3000)
        assert overlay.isVisible() and overlay.geometry() == window.rect()
        assert overlay.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    action.setChecked(False)
    assert overlay.halo is None and not overlay.isVisible()


def test_the_pointer_speaks_chinese(qtbot, open_studio):
    window = open_studio()
    window.findChild(QAction, "language_zh_CN").trigger()
    action = window.findChild(QAction, "cursor_halo")
    assert re.search(r"[\u4e00-\u9fff]", action.text()) and re.search(r"[\u4e00-\u9fff]", action.statusTip())
    assert BackgroundWorker.shared().wait_idle()
