"""Graphics items of the network diagram: nodes and links.

Looks are decided here and only here (colours, widths, dashes), so the view
code speaks in terms of "weight", "in chain", "selected", never of pens.
Weight sign is told by colour *and* line style (solid positive, dashed
negative), so it reads for colour-blind viewers and in greyscale print-outs.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPolygonItem,
    QGraphicsTextItem,
)

from bpstudio.engine.graph import Edge, Node
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.qt.diagram.diagram_tips import refresh_tips_for
from bpstudio.qt.shell.appearance import LIGHT, Look, pixel_size_for_cap
from bpstudio.qt.shell.i18n import marked
from bpstudio.qt.shell.safe_text import literal

ROLE_TAGS = {
    "source": QT_TRANSLATE_NOOP("Diagram", "source Σ"),
    "sink": QT_TRANSLATE_NOOP("Diagram", "sink"),
}
ROLE_TIPS = {  # the article's terms, defined where they are shown
    "source": QT_TRANSLATE_NOOP(
        "Diagram",
        "Source (源): a node of this influence chain with several downstream branches. The gradient "
        "is summed here: ∂L/∂node is the sum over its branches, each a product of basic links.",
    ),
    "sink": QT_TRANSLATE_NOOP(
        "Diagram",
        "Sink (汇): a node of this influence chain where several upstream branches meet, such as L. "
        "Nothing is summed for the parameter here; ∂L/∂node is defined once, below it.",
    ),
}

FADED_ALPHA = 38
NODE_RADIUS = 22.0
TEXT_OVERLAP = 0.3  # of a tag's height laid over its own node's edge, so it clears the next node in the column
TEXT_OVERLAP_ON_PROJECTOR = 0.12  # rows there leave room for the text (network_view.projector_spacing)


def text_overlap() -> float:
    return TEXT_OVERLAP_ON_PROJECTOR if _look.digit_px > 0 else TEXT_OVERLAP


# The diagram's texts: their size in points in the normal look (times the look's scale), and in
# presentation mode relative to the pixel size whose digits reach the look's digit height.
TEXT_POINTS = {"label": 12.5, "value": 10.5, "tag": 11.5, "mark": 9.5}
TEXT_ON_PROJECTOR = {"label": 1.12, "value": 1.0, "tag": 1.0, "mark": 1.0}

# The look every item draws with; the view sets it and rebuilds the scene.
_look: Look = LIGHT


def set_look(look: Look) -> None:
    global _look
    _look = look


def current_look() -> Look:
    return _look


def text_font(kind: str, bold: bool = False) -> QFont:
    """The font of a diagram text of this kind (``label``, ``value``, ``tag``, ``mark``) in the current look.

    On a projector the size is set in pixels from the look's digit height, and the
    view never draws the scene smaller than 1:1 (see NetworkView.fit), so every
    digit of the diagram reaches that height on screen.
    """
    font = QFont()
    font.setBold(bold)
    if _look.digit_px > 0:
        font.setPixelSize(round(pixel_size_for_cap(_look.digit_px, font) * TEXT_ON_PROJECTOR[kind]))
    else:
        font.setPointSizeF(TEXT_POINTS[kind] * _look.scale)
    return font


def node_radius() -> float:
    """A node holds its label (``I₁⁽¹⁾``); on a projector it grows with the label's font."""
    if _look.digit_px > 0:
        return max(NODE_RADIUS, text_font("label").pixelSize() * 1.05)
    return NODE_RADIUS * _look.scale


class EdgeItem(QGraphicsLineItem):
    """A basic influence link; weight links carry their parameter's flat index."""

    def __init__(self, edge: Edge, param_index: int | None, start: QPointF, end: QPointF) -> None:
        super().__init__(QLineF(start, end))
        self._shape: QPainterPath | None = None  # the line never moves: build the band once
        self._bounds = QRectF()
        self.edge = edge
        self.param_index = param_index
        self.weight = 0.0
        self.weight_scale = 1.0  # the largest |weight| of the layer; not QGraphicsItem.scale()
        self.mode = "normal"  # normal | faded | chain | selected | phase
        self.strength: float | None = None  # phase: |gradient| or |Δw| against the layer's largest
        self.arrow_back = False  # backward phase: an arrowhead toward the inputs
        self._arrow: QGraphicsPolygonItem | None = None
        self.setZValue(0)
        self.setAcceptHoverEvents(True)
        if param_index is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.refresh()

    def set_tip(self, text: str) -> None:
        """The basic link's formula and value (made by :mod:`bpstudio.qt.diagram.diagram_tips`)."""
        self.setToolTip(literal(text))

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        refresh_tips_for(event)  # the numbers of now, before the tooltip shows
        super().hoverEnterEvent(event)

    def shape(self) -> QPainterPath:
        """A wide invisible band, so that a thin link is easy to hit with the mouse."""
        if self._shape is None:
            path = QPainterPath(self.line().p1())
            path.lineTo(self.line().p2())
            stroker = QPainterPathStroker()
            stroker.setWidth(10)
            self._shape = stroker.createStroke(path)
            self._bounds = self._shape.boundingRect()
        return self._shape

    def boundingRect(self) -> QRectF:
        if self._shape is None:
            self.shape()
        return self._bounds

    def set_weight(self, value: float, scale: float) -> None:
        """Redraw only when it shows: another sign, or a width changed by a twentieth of a pixel.

        While training the weights change every update but mostly by less than
        the eye sees; redrawing every link each time cost the trainer its GIL.
        """
        if value == self.weight and scale == self.weight_scale:
            return
        before = self._drawn_as(self.weight, self.weight_scale)
        self.weight, self.weight_scale = value, scale
        if self._drawn_as(value, scale) != before:
            self.refresh()

    @staticmethod
    def _drawn_as(value: float, scale: float) -> tuple[bool, int]:
        width = 0.7 + 4.3 * min(abs(value) / scale, 1.0) if scale else 1.0
        return value >= 0, round(width * 20)

    def set_mode(self, mode: str, strength: float | None = None, arrow_back: bool = False) -> None:
        if (mode, strength, arrow_back) != (self.mode, self.strength, self.arrow_back):
            self.mode, self.strength, self.arrow_back = mode, strength, arrow_back
            self.refresh()

    def _show_arrow(self, colour: QColor) -> None:
        """The backward phase's arrowhead: a child item, so the link itself paints in C++."""
        if not self.arrow_back:
            if self._arrow is not None:
                self._arrow.hide()
            return
        if self._arrow is None:
            self._arrow = QGraphicsPolygonItem(self._arrowhead(), self)
            self._arrow.setPen(QPen(Qt.PenStyle.NoPen))
        self._arrow.setBrush(QBrush(colour))
        self._arrow.show()

    def _arrowhead(self) -> QPolygonF:
        """A head at the source end: the gradient flows from L back toward the inputs."""
        line = self.line()
        tip = line.pointAt(0.12)
        direction = line.unitVector()
        dx, dy = direction.dx(), direction.dy()
        size = 11.0 * _look.scale
        back = QPointF(tip.x() + dx * size, tip.y() + dy * size)
        side = QPointF(-dy * size * 0.5, dx * size * 0.5)
        return QPolygonF([tip, back + side, back - side])

    def refresh(self) -> None:
        look = _look
        is_weight = self.param_index is not None
        if is_weight:
            colour = QColor(look.positive if self.weight >= 0 else look.negative)
            width = 0.7 + 4.3 * min(abs(self.weight) / self.weight_scale, 1.0) if self.weight_scale else 1.0
        else:
            colour, width = QColor(look.muted), 1.6
        style = Qt.PenStyle.DashLine if is_weight and self.weight < 0 else Qt.PenStyle.SolidLine
        if self.mode == "selected":  # the widest link, and labelled: not told by colour alone
            colour, width, style = QColor(look.selected), max(width, 4.0) + 2.0, Qt.PenStyle.SolidLine
            self.setZValue(3)
        elif self.mode == "chain":
            colour, width = QColor(look.chain), max(width, 2.5)
            self.setZValue(2)
        elif self.mode == "phase":
            colour = QColor(look.phase)
            width = max(width, 2.0) if self.strength is None else 0.8 + 5.2 * min(self.strength, 1.0)
            style = Qt.PenStyle.SolidLine
            self.setZValue(2)
        elif self.mode == "faded":
            colour.setAlpha(FADED_ALPHA)
            self.setZValue(0)
        else:
            self.setZValue(1 if not is_weight else 0)
        pen = QPen(colour, width * look.scale, style, Qt.PenCapStyle.RoundCap)
        self.setPen(pen)
        self._show_arrow(colour)


class NodeItem(QGraphicsEllipseItem):
    """A node: O, I, bias 1, y or L, with a label and an optional value line below."""

    def __init__(self, node: Node, label_html: str, centre: QPointF, radius: float | None = None) -> None:
        radius = node_radius() if radius is None else radius
        super().__init__(QRectF(-radius, -radius, 2 * radius, 2 * radius))
        self.node = node
        self.radius = radius
        self.setPos(centre)
        self.setZValue(5)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.mode = "normal"
        self.role = ""  # "", "source", "sink"
        self.label = QGraphicsTextItem(self)
        self.label.setHtml(f"<div style='color:{_look.text}'>{label_html}</div>")
        self.label.setFont(text_font("label"))
        self._centre_label()
        self.annotation = QGraphicsTextItem(self)
        self._annotation_text: str | None = None  # what it shows, so the same text is not laid out again
        self.annotation.setFont(text_font("value"))
        self.annotation.setDefaultTextColor(QColor(_look.text))
        self.role_tag = QGraphicsTextItem(self)
        self.role_tag.setFont(text_font("value"))
        self.role_tag.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresParentOpacity, True)
        self.refresh()

    def _centre_label(self) -> None:
        rect = self.label.boundingRect()
        self.label.setPos(-rect.width() / 2, -rect.height() / 2)

    def set_tip(self, text: str) -> None:
        """What the node is in the article's terms, and its numbers (see :mod:`bpstudio.qt.diagram.diagram_tips`)."""
        self.setToolTip(literal(text))
        self.label.setToolTip(literal(text))

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        refresh_tips_for(event)
        super().hoverEnterEvent(event)

    def set_mode(self, mode: str, role: str = "") -> None:
        if (mode, role) != (self.mode, self.role):
            self.mode, self.role = mode, role
            self.refresh()

    def set_annotation(self, text: str) -> None:
        """A value under the node, on the background colour so crossing links do not hide it."""
        if text == self._annotation_text:
            return  # the same text: no layout of rich text again
        self._annotation_text = text
        look = _look
        self.annotation.setHtml(f"<span style='color:{look.text}; background-color:{look.background}'>{html.escape(text)}</span>")
        self.annotation.document().setDocumentMargin(0)
        rect = self.annotation.boundingRect()
        # on the node's bottom edge: wholly under it, a value touched the node below
        self.annotation.setPos(-rect.width() / 2, self.radius - rect.height() * text_overlap())
        self.annotation.setVisible(bool(text))

    def refresh(self) -> None:
        look = _look
        fill, border, width = QColor(look.node_fill), QColor(look.node_border), 1.4
        if self.node.kind == "bias":
            fill = QColor(look.bias_fill)
        if self.node.kind == "L":
            fill = QColor(look.loss_fill)
        if self.mode in ("chain", "selected"):
            border, width = QColor(look.chain), 2.6
        if self.mode == "selected":
            border, width = QColor(look.selected), 3.0
        if self.mode == "phase":
            border, width = QColor(look.phase), 2.6
        pen = QPen(border, width * look.scale)
        if self.role == "source":
            pen.setWidthF(4.0 * look.scale)
            pen.setColor(QColor(look.role))
        elif self.role == "sink":
            pen.setStyle(Qt.PenStyle.DotLine)
            pen.setWidthF(3.2 * look.scale)
            pen.setColor(QColor(look.role))
        self.setPen(pen)
        self.setBrush(QBrush(fill))
        self.setOpacity(0.3 if self.mode == "faded" else 1.0)
        tag = marked("Diagram", ROLE_TAGS[self.role]) if self.role in ROLE_TAGS else ""
        self.role_tag.setHtml(f"<span style='color:{look.role}; background-color:{look.background}'><b>{tag}</b></span>" if tag else "")
        self.role_tag.document().setDocumentMargin(0)
        rect = self.role_tag.boundingRect()
        # On the node's top edge, not wholly above it, where a node is above: between stacked nodes it
        # covered that node.  Wholly above a column's top node and L: laid over the dotted ring, the
        # lower half of 汇 disappeared under it.
        alone_above = self.node.kind == "L" or self.node.index == 0
        overlap = 0.0 if alone_above else text_overlap()
        self.role_tag.setPos(-rect.width() / 2, -self.radius - rect.height() * (1 - overlap))
        self.role_tag.setVisible(bool(tag))
        self.role_tag.setToolTip(marked("Diagram", ROLE_TIPS[self.role]) if tag else "")
