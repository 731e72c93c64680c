"""The teacher's pointer on a projector: one number lit in the formula and the diagram at once.

In presentation mode a click on a factor of the typeset chain, or on a node or
a link of the diagram, lights the same thing in both places (a highlighter
yellow, Okabe-Ito's colour no other mark uses) and writes its name and number
large beside the cursor, where the back row looks, until the next click.  A
click on a weight link still chooses that weight, as everywhere; a click on a
node still asks for its readout.  Esc takes the pointer away first; the next
Esc clears the selection as always.  Outside presentation clicks do what they
always did.

The cursor halo (View ▸ Cursor halo, Ctrl+H) is a large translucent ring that
follows the mouse over the whole window, so a hall can follow the teacher's
hand; it works in and out of presentation.

The pointer only reads what the studio already has (the inspector's chain view,
the model's readouts) and paints: the mapping between factors and links is
:mod:`bpstudio.control.model.pointer_targets`.  It is given the model's Qt adapter, the
two views it lights, the presentation mode's action and the look; the window is
only the widget it paints over.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QPoint, QPointF, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QAction, QBrush, QColor, QCursor, QFont, QFontMetricsF, QKeySequence, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem, QGraphicsPathItem, QMenu, QWidget

from bpstudio.control.export.typeset import factor_ids, number_text
from bpstudio.control.model.pointer_targets import (
    Pointed,
    cell_at,
    cells_of,
    link_of,
    link_value,
    of_cell,
    of_link,
    of_node,
    of_weight,
    parameter_of,
    with_value,
)
from bpstudio.control.model.studio_model import NodeReadout
from bpstudio.engine.graph import PARAM, WEIGHT, Edge, ExpandedGraph, Node, NodeNames, display_name
from bpstudio.qt.diagram.diagram_items import EdgeItem, NodeItem
from bpstudio.qt.inspector.formula_view import SidewaysScroller
from bpstudio.qt.shell.appearance import pixel_size_for_cap

if TYPE_CHECKING:
    from bpstudio.qt.diagram.network_view import NetworkView
    from bpstudio.qt.inspector.inspector import Inspector
    from bpstudio.qt.shell.appearance import Look

# What was clicked, kept to work the pointed thing out again for new numbers: a factor (as what it points
# at), a node, a weight link or another link.
Clicked = tuple[str, Pointed] | tuple[str, Node] | tuple[str, Edge]

HALO_KEY = "Ctrl+H"
HALO_RADIUS = 2.6  # the halo's radius, in digit heights (a projector's) or 14 px
NUMBER_CAP = 2.2  # the pointed number's digits, in the presentation's digit heights (the brief of issue 24: at least 2)
NAME_CAP = 1.2
HALO_MS = 30  # the halo follows the cursor at ~30 Hz


class PointerOverlay(QWidget):
    """Over the whole window and transparent for the mouse: the halo and the pointed number."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("pointer_overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.halo: QPoint | None = None  # window coordinates
        self.anchor: QPoint | None = None  # where the label is shown beside
        self.keep_clear: QRect | None = None  # what the label must not cover (the pointed factor), window coordinates
        self.name = ""
        self.number = ""
        self.digit_px = 14.0
        self.colour = QColor("#F0E442")
        self.ink = QColor("#111111")
        self.hide()

    # -- state -------------------------------------------------------------------------------
    def follow(self) -> None:
        """Cover the window (it may have been resized) and stay above the docks."""
        parent = self.parentWidget()
        if parent is not None and self.geometry() != parent.rect():
            self.setGeometry(parent.rect())
        self.setVisible(self.halo is not None or self.anchor is not None)
        if self.isVisible():
            self.raise_()

    def set_halo(self, at: QPoint | None) -> None:
        if at == self.halo:
            return
        before = self._halo_rect()
        toggled = (at is None) != (self.halo is None)
        self.halo = at
        self.follow()
        if toggled:
            self.update()  # the label keeps clear of the halo: it may move
        else:
            self.update(before.united(self._halo_rect()))

    def set_label(self, anchor: QPoint | None, name: str = "", number: str = "", keep_clear: QRect | None = None) -> None:
        before = self.label_rect()
        self.anchor, self.name, self.number = anchor, name, number
        if keep_clear is not None or anchor is None:
            self.keep_clear = keep_clear
        self.follow()
        self.update(before.united(self.label_rect()))

    # -- geometry ---------------------------------------------------------------------------
    def _halo_radius(self) -> float:
        return HALO_RADIUS * max(self.digit_px, 14.0)

    def _halo_rect(self) -> QRect:
        if self.halo is None:
            return QRect()
        r = round(self._halo_radius()) + 8
        return QRect(self.halo.x() - r, self.halo.y() - r, 2 * r, 2 * r)

    def fonts(self) -> tuple[QFont, QFont]:
        name, number = QFont(self.font()), QFont(self.font())
        name.setPixelSize(pixel_size_for_cap(NAME_CAP * self.digit_px, name))
        number.setPixelSize(pixel_size_for_cap(NUMBER_CAP * self.digit_px, number))
        number.setBold(True)
        return name, number

    def _label_box(self) -> tuple[QRectF, float, float]:
        """The label's box (centred under the click, kept inside the window) and its two lines' heights."""
        name_font, number_font = self.fonts()
        name_m, number_m = QFontMetricsF(name_font), QFontMetricsF(number_font)
        pad = 0.5 * self.digit_px
        width = max(name_m.horizontalAdvance(self.name), number_m.horizontalAdvance(self.number)) + 2 * pad
        name_h = name_m.height() if self.name else 0.0
        height = name_h + number_m.height() + 2 * pad
        assert self.anchor is not None
        # Under what was clicked, like a caption (over it near the bottom), never over the cursor's arrow,
        # the halo or the pointed factor and its number.
        reach = self._halo_radius() + 0.5 * self.digit_px if self.halo is not None else 1.5 * self.digit_px
        keep = QRectF(self.anchor.x() - reach, self.anchor.y() - reach, 2 * reach, 2 * reach)
        if self.keep_clear is not None:
            keep = keep.united(QRectF(self.keep_clear))
        area = QRectF(self.rect())
        gap = 0.4 * self.digit_px
        x = min(self.anchor.x() - width / 2, area.right() - width)
        y = keep.bottom() + gap
        if y + height > area.bottom():
            y = keep.top() - gap - height
        return QRectF(max(area.left(), x), max(area.top(), y), width, height), name_h, number_m.height()

    def label_rect(self) -> QRect:
        if self.anchor is None:
            return QRect()
        return self._label_box()[0].toAlignedRect().adjusted(-4, -4, 4, 4)

    # -- painting ---------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.halo is not None:
            radius = self._halo_radius()
            fill = QColor(self.colour)
            fill.setAlpha(28)  # a tint: what is under the cursor stays readable
            ring = QColor(self.colour)
            ring.setAlpha(200)
            painter.setBrush(QBrush(fill))
            painter.setPen(QPen(ring, max(5.0, 0.45 * self.digit_px)))
            painter.drawEllipse(QPointF(self.halo), radius, radius)
            edge = QColor(self.ink)
            edge.setAlpha(150)  # a thin dark rim: the yellow alone is faint on white
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(edge, 1.5))
            painter.drawEllipse(QPointF(self.halo), radius + max(2.5, 0.225 * self.digit_px), radius + max(2.5, 0.225 * self.digit_px))
        if self.anchor is not None:
            box, name_h, number_h = self._label_box()
            painter.setPen(QPen(self.ink, 2.0))
            painter.setBrush(QBrush(self.colour))
            painter.drawRoundedRect(box, 0.4 * self.digit_px, 0.4 * self.digit_px)
            name_font, number_font = self.fonts()
            pad = 0.5 * self.digit_px
            painter.setPen(QColor("#111111"))  # on the yellow, in either theme
            if self.name:
                painter.setFont(name_font)
                painter.drawText(QRectF(box.x() + pad, box.y() + pad, box.width() - 2 * pad, name_h), Qt.AlignmentFlag.AlignLeft, self.name)
            painter.setFont(number_font)
            painter.drawText(
                QRectF(box.x() + pad, box.y() + pad + name_h, box.width() - 2 * pad, number_h), Qt.AlignmentFlag.AlignLeft, self.number
            )
        painter.end()


class Pointer(QObject):
    """Connects itself to the inspector's formula and the diagram; owns the halo's action and the Esc that clears."""

    def __init__(
        self,
        window: QWidget,
        signals,
        inspector: Inspector,
        diagram: NetworkView,
        presentation: QAction,
        look: Callable[[], Look],
        view_menu: QMenu,
        before: QAction | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window  # what the overlay covers, and the halo follows the mouse over
        self.model = signals.model
        self.inspector = inspector
        self.formula = inspector.formula
        self.view = diagram
        self.presentation = presentation
        self.look = look
        self.overlay = PointerOverlay(window)
        self.pointed: Pointed | None = None
        self._how: Clicked | None = None
        self._readout: NodeReadout | None = None
        self._bring_into_view = False  # pointed from the diagram: the formula scrolls to the factor once
        self._items: list[QGraphicsItem] = []
        self.lit_links: set[tuple[str, str]] = set()  # what the diagram shows pointed, by name (for tests)
        self.lit_nodes: set[str] = set()
        self.clear_action = QAction(window)
        self.clear_action.setObjectName("clear_pointer")
        self.clear_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.clear_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.clear_action.setEnabled(False)  # only while pointing: then Esc goes to the diagram as always
        self.clear_action.triggered.connect(self.clear)
        window.addAction(self.clear_action)
        self.halo_action = QAction(window, checkable=True)
        self.halo_action.setObjectName("cursor_halo")
        self.halo_action.setShortcut(QKeySequence(HALO_KEY))
        self.halo_action.toggled.connect(self.set_halo)
        view_menu.insertAction(before, self.halo_action) if before is not None else view_menu.addAction(self.halo_action)
        self._timer = QTimer(self)
        self._timer.setInterval(HALO_MS)
        self._timer.timeout.connect(self._follow_cursor)
        self.formula.pressed.connect(self._formula_pressed)
        self.formula.svg_shown.connect(self.refresh)
        self.view.item_pressed.connect(self._diagram_pressed)
        signals.chain_ready.connect(lambda _view: self.refresh())
        signals.node_ready.connect(self._node_ready)
        signals.problem_changed.connect(lambda _problem: self.clear())
        presentation.toggled.connect(lambda _on: self.clear())
        self.retranslate()

    def retranslate(self) -> None:
        self.halo_action.setText(self.tr("Cursor &halo"))
        self.halo_action.setStatusTip(self.tr("A large ring follows the mouse, so the back row can follow it (Ctrl+H)"))
        self.clear_action.setText(self.tr("Clear the pointer"))

    # -- clicks ---------------------------------------------------------------------------
    def presenting(self) -> bool:
        return self.presentation.isChecked()

    def _formula_pressed(self, element: str, pos: QPoint) -> None:
        if not self.presenting():
            return
        self.view.setFocus(Qt.FocusReason.MouseFocusReason)  # Esc and the arrow keys then act as on the diagram
        where = factor_ids(self.formula.svg_text).get(element)
        view = self.inspector.view
        cell = cell_at(view.blocks, where) if view is not None and where is not None else None
        if cell is None or where is None:
            self.clear()
            return
        box = self.formula.element_rect(tuple(f"factor-{where[0]}-{where[1]}-{where[2]}{end}" for end in ("", "-n")))
        keep = QRect(self.formula.mapTo(self.window, box.topLeft().toPoint()), box.size().toSize())
        self._point(("cell", of_cell(cell, self._name)), self.formula.mapTo(self.window, pos), keep)

    def _diagram_pressed(self, item: object, pos: QPoint) -> None:
        if not self.presenting():
            return
        anchor = self.view.viewport().mapTo(self.window, pos)
        if isinstance(item, NodeItem):
            self._readout = None  # the model answers the click with this node's readout (node_ready)
            self._bring_into_view = True
            self._point(("node", item.node), anchor)
        elif isinstance(item, EdgeItem):
            self._bring_into_view = True
            self._point(("weight" if item.edge.kind == WEIGHT else "link", item.edge), anchor)
        else:
            self.clear()

    def _node_ready(self, readout: NodeReadout) -> None:
        if self._how is not None and self._how[0] == "node" and getattr(self._how[1], "name", None) == readout.name:
            self._readout = readout
            self.refresh()

    # -- pointing ---------------------------------------------------------------------------
    def _point(self, how: Clicked, anchor: QPoint, keep_clear: QRect | None = None) -> None:
        self._how = how
        self.clear_action.setEnabled(True)
        self.overlay.set_label(None)
        self.overlay.set_label(anchor, keep_clear=keep_clear)
        self.refresh()

    def clear(self) -> None:
        """Esc, a click on nothing, leaving presentation, another run: the pointer goes."""
        self._how, self.pointed, self._readout = None, None, None
        self.clear_action.setEnabled(False)
        self.overlay.set_label(None)
        self.formula.set_marks(())
        self._remove_items()

    def refresh(self) -> None:
        """Work the pointed thing out again (new numbers, a new chain, a new picture) and draw it."""
        if self._how is None:
            return
        pointed = self._work_out()
        if pointed is None:
            self.clear()
            return
        self.pointed = pointed
        look = self.look()
        self.overlay.digit_px = max(look.digit_px, 14.0)
        self.overlay.colour, self.overlay.ink = QColor(look.pointer), QColor(look.text)
        self.overlay.set_label(self.overlay.anchor, pointed.name, number_text(pointed.value) if pointed.value is not None else "—")
        view = self.inspector.view
        marks = cells_of(view.blocks, pointed) if view is not None else []
        groups = tuple((f"factor-{b}-{r}-{c}", f"factor-{b}-{r}-{c}-n") for b, r, c in marks)
        self.formula.set_marks(groups, QColor(look.pointer))
        self._draw_diagram(pointed)
        settled = view is not None and (self._how[0] != "weight" or pointed.links & {link_of(e) for e in view.chain.edges[:1]})
        if groups and self._bring_into_view and settled and self.formula.element_ids():
            self._bring_into_view = False  # once: later numbers must not scroll the panel under the teacher's hand
            self._scroll_to(groups[0])

    def _scroll_to(self, group: tuple[str, ...]) -> None:
        """The inspector (and a wide formula's own sideways scroller) scroll so the first lit factor shows."""
        rect = self.formula.element_rect(group)
        if rect.isEmpty():
            return
        centre = rect.center().toPoint()
        margin_x, margin_y = round(rect.width() / 2) + 40, round(rect.height() / 2) + 40
        parent = self.formula.parentWidget()
        while parent is not None and not isinstance(parent, SidewaysScroller):
            parent = parent.parentWidget()
        if parent is not None:
            parent.ensureVisible(centre.x(), centre.y(), margin_x, 0)
        inspector = self.inspector
        body = inspector.widget()
        if body is not None:
            at = self.formula.mapTo(body, centre)
            inspector.ensureVisible(at.x(), at.y(), 0, margin_y)

    def _name(self, node: Node) -> str:
        problem = self.model.problem
        return display_name(node, problem.network, "text", NodeNames.of(problem.dataset))

    def _work_out(self) -> Pointed | None:
        assert self._how is not None
        kind, thing = self._how
        problem, view = self.model.problem, self.inspector.view
        if problem is None:
            return None
        numbers = view.at_sample if view is not None else None
        if kind == "cell":
            assert isinstance(thing, Pointed)
            found = cells_of(view.blocks, thing) if view is not None else []
            cell = cell_at(view.blocks, found[0]) if view is not None and found else None
            return of_cell(cell, self._name) if cell is not None else thing
        if kind == "node":
            assert isinstance(thing, Node)
            pointed = of_node(thing, view.chain if view is not None else None, numbers, self._name)
            readout = self._readout
            if pointed.value is None and readout is not None:
                if readout.gradient == readout.gradient:  # not NaN: ∂L/∂node; else the node's value
                    return with_value(pointed, pointed.name, readout.gradient)
                return with_value(pointed, self._name(thing), readout.value)
            return pointed
        assert isinstance(thing, Edge)
        edge = thing
        weights = self.model.last.snapshot.weights if self.model.last is not None else None
        if kind == "weight" and weights is not None:
            graph = ExpandedGraph(problem.network)
            layer, row, col = graph.weight_of(edge)
            index = problem.network.param_index(layer, row, col)
            return of_weight(edge, graph, self._name(Node(PARAM, layer, row, col)), float(weights[index]))
        pointed = of_link(edge, numbers, self._name)
        if pointed.value is None and weights is not None:
            sample = min(max(self.model.sample, 0), problem.dataset.n_samples - 1)
            return with_value(pointed, pointed.name, link_value(problem.network, weights, problem.dataset, sample, edge))
        return pointed

    # -- the diagram ----------------------------------------------------------------------------
    def _remove_items(self) -> None:
        for item in self._items:
            if shiboken6.isValid(item) and item.scene() is not None:
                item.scene().removeItem(item)
        self._items = []
        self.lit_links, self.lit_nodes = set(), set()

    def _draw_diagram(self, pointed: Pointed) -> None:
        """A highlighter band under each pointed link and a ring round its nodes; the link keeps its own colour on top."""
        self._remove_items()
        view, problem = self.view, self.model.problem
        if problem is None or not view.edges:
            return
        by_link = {(item.edge.source, item.edge.target): item for item in view.edges}
        links: list[EdgeItem] = []
        for link in pointed.links:
            param = parameter_of(link)
            if param is not None:
                item = view.weight_edges.get(problem.network.param_index(param.layer, param.index, param.col))
            else:
                item = by_link.get(link)
            if item is not None and item not in links:
                links.append(item)
        nodes = set(pointed.nodes) | {end for item in links for end in (item.edge.source, item.edge.target)}
        colour = QColor(self.look().pointer)
        band = QColor(colour)
        band.setAlpha(235)
        width = max(12.0, 1.3 * self.look().digit_px)
        scene = view.scene()
        for item in links:
            path = QPainterPath(item.line().p1())
            path.lineTo(item.line().p2())
            glow = QGraphicsPathItem(path)
            glow.setPen(QPen(band, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            glow.setZValue(item.zValue() - 0.05)
            glow.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            scene.addItem(glow)
            self._items.append(glow)
            self.lit_links.add((item.edge.source.name, item.edge.target.name))
        for node in nodes:
            node_item = view.nodes.get(node)
            if node_item is None:
                continue
            r = node_item.radius + width / 2
            ring = QGraphicsEllipseItem(QRectF(-r, -r, 2 * r, 2 * r))
            ring.setPos(node_item.pos())
            ring.setPen(QPen(band, width))
            ring.setBrush(Qt.BrushStyle.NoBrush)
            ring.setZValue(node_item.zValue() - 0.05)
            ring.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            scene.addItem(ring)
            self._items.append(ring)
            self.lit_nodes.add(node.name)

    # -- the halo ---------------------------------------------------------------------------
    def set_halo(self, on: bool) -> None:
        self.overlay.digit_px = max(self.look().digit_px, 14.0)
        self.overlay.colour, self.overlay.ink = QColor(self.look().pointer), QColor(self.look().text)
        if on:
            self._timer.start()
            self._follow_cursor()
        else:
            self._timer.stop()
            self.overlay.set_halo(None)

    def _follow_cursor(self) -> None:
        at = self.window.mapFromGlobal(QCursor.pos())
        self.overlay.set_halo(at if self.window.rect().contains(at) else None)
