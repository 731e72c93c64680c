"""The network diagram: the article's expanded graph, live weights, the chain lit up.

The scene is built from the engine's :class:`ExpandedGraph`; selecting a
weight asks the studio model, which answers with its :class:`InfluenceChain`;
the view only *draws* it:
the chosen link red, the rest of the chain green (as the article's
figures), everything else faded, sources and sinks marked.
"""

from __future__ import annotations

import html
import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsScene, QGraphicsTextItem, QGraphicsView, QLabel

from bpstudio.control.export.typeset import number_text
from bpstudio.control.words.vocabulary import BACKWARD, FORWARD, UPDATE, InfluenceChain, Phase
from bpstudio.control.words.vocabulary import LOSS as LOSS_PHASE
from bpstudio.engine.data import Problem
from bpstudio.engine.graph import BIAS, LOSS, OUT, PRE, WEIGHT, ExpandedGraph, Node, NodeNames, Y, display_name
from bpstudio.engine.text_safety import shown_name
from bpstudio.qt.diagram.diagram_items import EdgeItem, NodeItem, current_look, node_radius, set_look, text_font
from bpstudio.qt.diagram.diagram_tips import DiagramTips
from bpstudio.qt.diagram.unit_tiles import UnitDecorations
from bpstudio.qt.shell.appearance import Look
from bpstudio.qt.shell.safe_text import plain_label

ROW = 60.0
WEIGHT_GAP = 175.0
ACTIVATION_GAP = 78.0
PROJECTOR_MAX_ZOOM = 1.6  # a small network on a large projector grows this much at most


def node_column(node: Node, n_layers: int) -> int:
    """Column of a node: inputs 0, then I and O of each layer, then y and L."""
    if node.kind in (OUT, BIAS):
        return 2 * node.layer
    if node.kind == PRE:
        return 2 * node.layer - 1
    if node.kind == Y:
        return 2 * n_layers
    return 2 * n_layers + 1


def column_x(column: int, tallest: int = 6, gaps: tuple[float, float] | None = None) -> float:
    """Odd columns (I) sit a wide weight gap after the previous O column.

    Gaps grow with the tallest column, so that a wide net (3-32-32-3) keeps a
    landscape shape that fits the view instead of a thin vertical strip; on a
    projector ``gaps`` (weight, activation) are set by the text instead (see
    :func:`projector_spacing`): the view scrolls rather than shrink the text.
    """
    if gaps is None:
        height = tallest * ROW
        gaps = (max(WEIGHT_GAP, 0.35 * height), max(ACTIVATION_GAP, 0.12 * height))
    weight_gap, activation_gap = gaps
    x = 0.0
    for c in range(1, column + 1):
        x += weight_gap if c % 2 == 1 else activation_gap
    return x


def projector_spacing() -> tuple[float, float, float]:
    """Row height, weight gap and activation gap on a projector, from the size of the diagram's text.

    A row holds a node and, between it and the next, a value under it and a source
    tag over the next; an activation gap holds two values side by side
    ("∂L −0.1567" under I and under O); a weight gap the chosen weight's label.
    """
    text = text_font("value").pixelSize()
    radius = node_radius()
    return 2 * radius + 1.1 * text + 4, 6.2 * text, 6.0 * text


def _moved(before: float, after: float) -> str:
    """``before → after`` with the decimals that show the step: Adam moves a weight by about α,
    so 0.587 → 0.586 at four significant digits said little; 0.5870 → 0.5860 says it."""
    step = abs(after - before)
    if not (math.isfinite(before) and math.isfinite(after)) or step == 0 or max(abs(before), abs(after)) >= 1e4:
        return f"{number_text(before)} → {number_text(after)}"
    decimals = min(8, max(3, 1 - math.floor(math.log10(step))))
    return f"{before + 0.0:.{decimals}f} → {after + 0.0:.{decimals}f}".replace("-", "−")


class NetworkView(QGraphicsView):
    param_selected = Signal(object)  # flat parameter index, or None to clear
    node_selected = Signal(str)  # node machine name
    item_pressed = Signal(object, object)  # a left click: the NodeItem or EdgeItem under it (or None), the viewport QPoint

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("network_view")
        self.setAccessibleName("network diagram")
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.problem: Problem | None = None
        self.nodes: dict[Node, NodeItem] = {}
        self.edges: list[EdgeItem] = []
        self.weight_edges: dict[int, EdgeItem] = {}
        self.selected_param: int | None = None
        self.chain: InfluenceChain | None = None
        self.selection_tag: QGraphicsTextItem | None = None
        self._user_zoomed = False
        self.phase: Phase | None = None
        # Which sample a phase's numbers belong to.  A child of the view, not of the
        # viewport: the viewport scrolls its children along with the scene.
        self.sample_tag = plain_label(QLabel(self))
        self.sample_tag.setObjectName("phase_sample")
        self.sample_tag.hide()
        self.tips = DiagramTips(self)  # tooltips on nodes, links, sources and sinks
        self.units = UnitDecorations()  # what each hidden unit sees, saturated and dead marks

    def follow_model(self, signals) -> None:
        """Follow the model (``signals``: its Qt adapter): each run's network, the chosen weight's chain, the sample.

        A click on a weight or a node is a question to the model; its answer comes
        back as ``selection_changed`` (the inspector reads the node's).
        """
        model = signals.model
        self.param_selected.connect(model.select)
        self.node_selected.connect(model.request_node)
        signals.problem_changed.connect(self.set_problem)
        signals.selection_changed.connect(self.show_selection)
        self.tips.sample_of = lambda: model.sample  # hover texts give the chosen sample's values

    def retranslate(self) -> None:
        """Source and sink tags follow the language."""
        for item in self.nodes.values():
            item.refresh()
        self.units.retranslate()
        if self.phase is not None:
            self._show_sample(self.phase)

    def set_look(self, look: Look) -> None:
        """Redraw the diagram in another theme or size, keeping the selection and weights."""
        set_look(look)
        self.setBackgroundBrush(QColor(look.background))
        if self.problem is not None:
            selected, chain, phase = self.selected_param, self.chain, self.phase
            weights = np.array([item.weight for item in self.weight_edges.values()])
            self.set_problem(self.problem)
            self.set_weights(weights)
            self.show_selection(selected, chain)
            if phase is not None:
                self.show_phase(phase)

    # -- building ------------------------------------------------------------------
    def set_problem(self, problem: Problem) -> None:
        """Rebuild the scene for a network (a new run with another shape)."""
        same_run = problem is self.problem
        self.problem = problem
        net = problem.network
        graph = ExpandedGraph(net)
        scene = self.scene()
        scene.clear()
        self.selection_tag = None
        self.phase = None
        self.sample_tag.hide()
        self.nodes, self.edges, self.weight_edges = {}, [], {}
        tallest = max(net.sizes) + 1
        gaps: tuple[float, float] | None = None
        if self.on_projector():
            row, *spacing = projector_spacing()
            gaps = (spacing[0], spacing[1])
        else:
            row = ROW * (1 + (current_look().scale - 1) * 1.3)  # room for the values under the nodes
        for node in graph.nodes:
            column = node_column(node, net.n_layers)
            nodes_in_column = self._column_members(node, net)
            position = self._row_of(node, net)
            y = (position - (nodes_in_column - 1) / 2) * row
            if node.kind == LOSS:
                y = 0.0
            item = NodeItem(node, self._label(node, problem), QPointF(column_x(column, tallest, gaps), y))
            scene.addItem(item)
            self.nodes[node] = item
        for edge in graph.edges:
            index = None
            if edge.kind == WEIGHT:
                index = net.param_index(*graph.weight_of(edge))
            start, end = self._endpoints(edge)
            edge_item = EdgeItem(edge, index, start, end)
            scene.addItem(edge_item)
            self.edges.append(edge_item)
            if index is not None:
                self.weight_edges[index] = edge_item
        self.units.attach(self.nodes.values(), keep=same_run)
        margin = 60 if not self.on_projector() else 12
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-margin, -margin, margin, margin))
        self.selected_param, self.chain = None, None
        self.set_weights(problem.start)
        self._user_zoomed = False
        self.fit()

    @staticmethod
    def _column_members(node: Node, net) -> int:
        if node.kind in (OUT, BIAS):
            return net.sizes[node.layer] + (1 if node.layer < net.n_layers else 0)
        if node.kind == PRE:
            return net.sizes[node.layer]
        if node.kind == Y:
            return net.sizes[-1]
        return 1

    @staticmethod
    def _row_of(node: Node, net) -> int:
        if node.kind == BIAS:
            return net.sizes[node.layer]
        return node.index

    def _label(self, node: Node, problem: Problem) -> str:
        if node.kind == BIAS:
            return "1"
        # the data's names for inputs and outputs, as the formula writes them (a class label 0 → y₀)
        return display_name(node, problem.network, "html", NodeNames.of(problem.dataset))

    def _endpoints(self, edge) -> tuple[QPointF, QPointF]:
        a, b = self.nodes[edge.source].pos(), self.nodes[edge.target].pos()
        line = b - a
        length = math.hypot(line.x(), line.y()) or 1.0
        r = self.nodes[edge.source].radius
        offset = QPointF(line.x() / length * r, line.y() / length * r)
        return a + offset, b - offset

    # -- live weights ----------------------------------------------------------------------
    def set_live(self, live: bool) -> None:
        """While a run goes on, the links are drawn without antialiasing; smooth again once it stops.

        A running net's links change at every refresh (5 Hz), so each redraws the whole
        diagram: antialiased wide and dashed lines took ~25 ms of the GUI thread a time (an
        event-loop stall, and CPU the trainer's core lost to the window), plain ones about half.
        """
        hints = QPainter.RenderHint.TextAntialiasing
        if not live:
            hints |= QPainter.RenderHint.Antialiasing
        if self.renderHints() != hints:
            self.setRenderHints(hints)
            self.viewport().update()

    def set_weights(self, weights: np.ndarray) -> None:
        """Recolour and resize weight links; each layer scaled by its largest |w|."""
        if self.problem is None:
            return
        net = self.problem.network
        weights = np.asarray(weights)
        for a, b in zip(net.offsets[:-1], net.offsets[1:], strict=True):
            scale = float(np.max(np.abs(weights[a:b]))) or 1.0
            for index in range(a, b):
                self.weight_edges[index].set_weight(float(weights[index]), scale)

    # -- what each unit sees -------------------------------------------------------------------
    def show_unit_maps(self, problem: Problem, images) -> None:
        """Each hidden unit's picture over the input plane, by node name (``O1[0]``); {} clears."""
        if problem is self.problem:
            self.units.show_images(images)

    def show_unit_health(self, problem: Problem, saturated, dead) -> None:
        """Mark the saturated and dead units (node names)."""
        if problem is self.problem:
            self.units.show_health(saturated, dead)

    # -- selection and the chain ---------------------------------------------------------------
    def select_param(self, index: int | None) -> None:
        """The user chose a parameter (click, keys): ask for it; the model answers with show_selection."""
        if self.problem is None:
            return
        self.param_selected.emit(index)

    def show_selection(self, index: int | None, chain: InfluenceChain | None) -> None:
        """Light up the loss-influence chain the model computed (None clears)."""
        if self.problem is None:
            return
        self.selected_param, self.chain = index, chain
        if index is None or chain is None:
            self.selected_param, self.chain = None, None
            self._apply_modes(set(), set(), set(), set(), None)
            self._tag_selection(None)
            return
        links = {(e.source, e.target) for e in chain.edges[1:]}
        nodes = set(chain.nodes[1:])
        self._apply_modes(links, nodes, set(chain.sources), set(chain.sinks), index)
        self._tag_selection(index)

    def _tag_selection(self, index: int | None, text: str | None = None) -> None:
        """Name the chosen link beside it, so it is found without telling colours apart."""
        if self.selection_tag is not None:
            self.scene().removeItem(self.selection_tag)
            self.selection_tag = None
        if index is None:
            return
        look = current_look()
        item = self.weight_edges[index]
        tag = QGraphicsTextItem()
        tag.setFont(text_font("tag", bold=True))
        if text is None:
            assert self.chain is not None  # show_selection sets the chain before its tag
            name = self.chain.display(self.chain.param, "html")
        else:
            name = "<br>".join(html.escape(part) for part in text.split("\n"))
        tag.setHtml(f"<span style='color:{look.selected}; background:{look.background}'>{name}</span>")
        line = item.line()
        middle = line.p1() + (line.p2() - line.p1()) * 0.45
        rect = tag.boundingRect()
        # above the link, and ending before the node it leads to: a long label covered that node
        right = self.nodes[item.edge.target].pos().x() - self.nodes[item.edge.target].radius - 2
        left = min(middle.x() - rect.width() / 2, right - rect.width())
        tag.setPos(left, middle.y() - rect.height() - 2)
        tag.setZValue(6)
        self.scene().addItem(tag)
        self.selection_tag = tag

    def _apply_modes(self, links, nodes, sources, sinks, index) -> None:
        lit = index is not None
        for item in self.edges:
            if item.param_index is not None and item.param_index == index:
                item.set_mode("selected")
            elif (item.edge.source, item.edge.target) in links:
                item.set_mode("chain")
            else:
                item.set_mode("faded" if lit else "normal")
        for node, node_item in self.nodes.items():
            role = "source" if node in sources else "sink" if node in sinks else ""
            if node in nodes:
                node_item.set_mode("chain", role)
            else:
                node_item.set_mode("faded" if lit else "normal", role)

    def chain_edge_names(self) -> set[tuple[str, str]]:
        """The links currently drawn as the chain (for tests and exports)."""
        return {(i.edge.source.name, i.edge.target.name) for i in self.edges if i.mode in ("chain",)}

    # -- phases ----------------------------------------------------------------------------
    def show_phase(self, phase: Phase | None) -> None:
        """Draw what a phase computes, for the sample it is computed on.

        forward: node values, the layer just computed lit; loss: each output's
        error; backward: ∂L/∂node and the layer's links by their gradient, with
        arrowheads toward the inputs; update: every link by its Δw and the
        selected weight's before → after.
        """
        self.phase = phase
        for node_item in self.nodes.values():
            node_item.set_annotation("")
        if phase is None or self.problem is None:
            if self.sample_tag.isVisible():
                self.sample_tag.hide()
                if not self._user_zoomed:
                    self.fit()  # the strip the tag took goes back to the network
            for item in self.edges:
                item.set_mode("normal")
            self.show_selection(self.selected_param, self.chain)
            return
        self._show_sample(phase)
        touched: set[str] = set()
        if phase.kind == FORWARD:
            for name, value in phase.values.items():
                touched.add(name)
                self._annotate(name, number_text(value))
        elif phase.kind == LOSS_PHASE:
            touched.add("L")
            for name, grad in phase.node_gradients.items():
                touched.add(name)
                self._annotate(name, f"ŷ − y = {number_text(grad)}")
            self._annotate("L", "L = " + number_text(phase.values["L"]))
            self._clear_of_other_values("L")
        elif phase.kind == BACKWARD:
            for name, grad in phase.node_gradients.items():
                touched.add(name)
                self._annotate(name, "∂L " + number_text(grad))
        for node, node_item in self.nodes.items():
            if node.name in touched:
                node_item.set_mode("phase", node_item.role)
            elif phase.kind != UPDATE:
                node_item.set_mode("faded", node_item.role)
            else:
                node_item.set_mode("normal", node_item.role)
        strengths = self._phase_strengths(phase)
        layer = phase.layer
        for item in self.edges:
            on_layer = (
                phase.kind == UPDATE
                and item.param_index is not None
                or layer is not None
                and item.edge.target.kind == PRE
                and item.edge.target.layer == layer + 1
                or layer is not None
                and item.edge.source.kind == PRE
                and item.edge.source.layer == layer + 1
                or phase.kind == LOSS_PHASE
                and item.edge.target.kind == LOSS
            )
            if not on_layer:
                item.set_mode("faded")
                continue
            if phase.kind == UPDATE and item.param_index == self.selected_param:
                item.set_mode("selected")  # its before → after is written beside it
                continue
            strength = strengths.get(item.param_index) if item.param_index is not None else None
            item.set_mode("phase", strength, arrow_back=phase.kind == BACKWARD)
        self._tag_update(phase)

    def _phase_strengths(self, phase: Phase) -> dict[int, float]:
        """Backward: |∂L/∂w| of the layer; update: |Δw| of each layer; scaled by the largest."""
        assert self.problem is not None  # phases are shown for a problem
        net = self.problem.network
        if phase.kind == BACKWARD and phase.gradient is not None and phase.layer is not None:
            values = np.abs(np.asarray(phase.gradient)).ravel()
            start = net.offsets[phase.layer]
            indices = range(start, start + values.size)
        elif phase.kind == UPDATE and phase.weights_before is not None and phase.weights_after is not None:
            values = np.abs(np.asarray(phase.weights_after) - np.asarray(phase.weights_before))
            indices = range(values.size)
        else:
            return {}
        largest = float(np.max(values)) if values.size else 0.0
        if not np.isfinite(largest) or largest == 0:
            return {i: 0.0 for i in indices}
        return {i: float(v) / largest for i, v in zip(indices, values, strict=False)}

    def _show_sample(self, phase: Phase) -> None:
        assert self.problem is not None  # phases are shown for a problem
        data = self.problem.dataset
        values = ", ".join(f"{shown_name(k)} = {number_text(v)}" for k, v in zip(data.input_names, phase.inputs, strict=True))
        self.sample_tag.setText(self.tr("sample {n}: {values}").format(n=phase.sample, values=values))
        look = current_look()
        self.sample_tag.setFont(text_font("value", bold=True))
        self.sample_tag.setStyleSheet(f"color:{look.text}; background:{look.background}; border:1px solid {look.phase}; padding:2px 6px;")
        self.sample_tag.adjustSize()
        self.sample_tag.show()
        self.sample_tag.raise_()
        self._place_sample_tag()
        if not self._user_zoomed:
            self.fit()  # the network moves up to leave the tag its strip

    def _place_sample_tag(self) -> None:
        """Bottom left of the view (the source and sink tags sit above the nodes), also after a resize."""
        area = self.viewport().geometry()
        self.sample_tag.move(area.left() + 8, area.bottom() - self.sample_tag.height() - 8)

    def _tag_update(self, phase: Phase) -> None:
        """At the update, the selected weight's label says where it went."""
        if self.selected_param is None or self.chain is None:
            return
        if phase.kind == UPDATE and phase.weights_before is not None and phase.weights_after is not None:
            i = self.selected_param
            name = self.chain.display(self.chain.param)
            before, after = float(phase.weights_before[i]), float(phase.weights_after[i])
            self._tag_selection(i, f"{name}: Δ {number_text(after - before)}\n{_moved(before, after)}")
        else:
            self._tag_selection(self.selected_param)

    def _clear_of_other_values(self, name: str) -> None:
        """Move a node's value down, a line at a time, off the values beside it.

        The loss node sits level with the middle output, whose wide "ŷ − y = …" runs
        under it at the projector's sizes ("0.4246L = 1.143" read as one number).
        """
        item = next((i for n, i in self.nodes.items() if n.name == name), None)
        if item is None or not item.annotation.isVisible():
            return
        others = [i.annotation.sceneBoundingRect() for i in self.nodes.values() if i is not item and i.annotation.isVisible()]
        for _ in range(3):
            mine = item.annotation.sceneBoundingRect()
            if not any(mine.intersects(other) for other in others):
                return
            item.annotation.moveBy(0, mine.height())

    def _annotate(self, name: str, text: str) -> None:
        for node, item in self.nodes.items():
            if node.name == name:
                item.set_annotation(text)
                return

    # -- navigation --------------------------------------------------------------------------
    @staticmethod
    def on_projector() -> bool:
        """Presentation mode: the scene's sizes are screen pixels and are never drawn smaller."""
        return current_look().digit_px > 0

    def fit(self) -> None:
        """The whole network in view; while a phase's sample is named, above the strip its tag takes.

        On a projector the scene is never drawn below 1:1 — its texts are sized in
        pixels for the back row — so a network too large for the view scrolls instead;
        a small one grows to fill the view, up to ``PROJECTOR_MAX_ZOOM``.
        """
        rect = self.scene().sceneRect()
        strip = self.sample_tag.height() + 16 if self.sample_tag.isVisible() else 0
        height = self.viewport().height()
        if strip and height > 2 * strip:
            rect = rect.adjusted(0, 0, 0, rect.height() * strip / (height - strip))
        if not self.on_projector():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
            return
        view = self.viewport().rect()
        fitting = min(view.width() / max(rect.width(), 1.0), view.height() / max(rect.height(), 1.0))
        zoom = min(max(fitting, 1.0), PROJECTOR_MAX_ZOOM)
        self.resetTransform()
        self.scale(zoom, zoom)
        self.centerOn(rect.center())
        if fitting < 1.0:  # scrolled: the top left of the network first, where a lesson starts reading
            self.ensureVisible(QRectF(rect.topLeft(), rect.topLeft()), 0, 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.sample_tag.isVisible():
            self._place_sample_tag()
        if not self._user_zoomed:
            self.fit()

    def wheelEvent(self, event) -> None:
        self.zoom_by(1.0015 ** event.angleDelta().y())

    def zoom_by(self, factor: float) -> None:
        """The user's zoom; on a projector never below 1:1, where the texts would drop under the digits' height."""
        if self.on_projector():
            factor = max(factor, 1.0 / self.transform().m22())
        self.scale(factor, factor)
        self._user_zoomed = True

    def mouseDoubleClickEvent(self, event) -> None:
        self._user_zoomed = False
        self.fit()

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            point = event.position().toPoint()
            items = self.items(point)
            self.item_pressed.emit(self._item_at(point, items), point)
            for item in items:
                node_item = _node_item_of(item)
                if node_item is not None:
                    self.node_selected.emit(node_item.node.name)
                    event.accept()
                    return
            edges = [i for i in items if isinstance(i, EdgeItem) and i.param_index is not None]
            if edges:
                # Links cross and crowd near the nodes: take the one nearest the click.
                scene_point = self.mapToScene(point)
                nearest = min(edges, key=lambda e: _distance_to_segment(scene_point, e.line()))
                self.select_param(nearest.param_index)
                event.accept()
                return
        super().mousePressEvent(event)

    def _item_at(self, point, items) -> NodeItem | EdgeItem | None:
        """The node under a viewport point, else the link nearest it (weight or not), else None."""
        for item in items:
            node_item = _node_item_of(item)
            if node_item is not None:
                return node_item
        edges = [i for i in items if isinstance(i, EdgeItem)]
        if not edges:
            return None
        scene_point = self.mapToScene(point)
        return min(edges, key=lambda e: _distance_to_segment(scene_point, e.line()))

    def keyPressEvent(self, event) -> None:
        """Up/Down: previous/next weight; Escape: clear the selection."""
        if self.problem is None:
            return super().keyPressEvent(event)
        count = self.problem.network.n_params
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = 1 if key == Qt.Key.Key_Down else -1
            current = -1 if self.selected_param is None and step == 1 else (self.selected_param or 0)
            self.select_param((current + step) % count)
            if self.selected_param is not None:
                self.ensureVisible(self.weight_edges[self.selected_param].boundingRect(), 40, 40)
        elif key == Qt.Key.Key_Escape:
            self.select_param(None)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.2)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / 1.2)
        else:
            super().keyPressEvent(event)

    def scene_rect_of_param(self, index: int) -> QRectF:
        return self.weight_edges[index].sceneBoundingRect()


def _node_item_of(item) -> NodeItem | None:
    """The node an item belongs to: itself, or the node it is drawn in (label, tag, unit picture)."""
    while item is not None and not isinstance(item, NodeItem):
        item = item.parentItem()
    return item


def _distance_to_segment(p: QPointF, line) -> float:
    a, b = line.p1(), line.p2()
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length2 = dx * dx + dy * dy or 1e-12
    t = max(0.0, min(1.0, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length2))
    return math.hypot(p.x() - (a.x() + t * dx), p.y() - (a.y() + t * dy))
