"""What each unit sees, on the diagram: a small picture inside every hidden node, and health marks.

Playground's signature view: every hidden unit shows its own output over the
input plane, so a class sees simple borders add up to the network's.  Here
the picture fills the circle of the unit's output node O (clipped to it,
under its label); the node keeps its border, its modes (chain, faded,
phase) and its tooltip, and a click on it still selects the node.

A unit that has stopped learning carries a mark beside its node:
*saturated* (tanh or sigmoid at the flat end of its curve on every sample)
or *dead* (ReLU at 0 on every sample), with a tooltip that says what the
mark means and why it matters.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem, QGraphicsPixmapItem, QGraphicsTextItem

from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.qt.diagram.diagram_items import NodeItem, current_look, text_font
from bpstudio.qt.shell.i18n import marked

MARKS = {
    "saturated": QT_TRANSLATE_NOOP("UnitTiles", "saturated"),
    "dead": QT_TRANSLATE_NOOP("UnitTiles", "dead"),
}
MARK_TIPS = {
    "saturated": QT_TRANSLATE_NOOP(
        "UnitTiles",
        "Saturated unit: its output O sits at the flat end of tanh (|O| > 0.99) or sigmoid on every "
        "training sample, so the basic link dO/dI is almost 0 and the gradient reaching its incoming "
        "weights nearly vanishes: they hardly change. Smaller start weights, a smaller α or "
        "standardised inputs prevent it.",
    ),
    "dead": QT_TRANSLATE_NOOP(
        "UnitTiles",
        "Dead unit: this ReLU outputs 0 on every training sample, so dO/dI = 0 for all of them and "
        "no gradient ever reaches its incoming weights: it cannot come back to life by training. "
        "A smaller α or a different start avoids it.",
    ),
}


class UnitTile(QGraphicsEllipseItem):
    """A unit's picture, clipped to its node's circle and stacked under the node's label."""

    def __init__(self, node: NodeItem) -> None:
        r = node.radius
        super().__init__(-r, -r, 2 * r, 2 * r, node)
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(-1)  # above the node's fill, below its label (siblings stack by z)
        self.picture = QGraphicsPixmapItem(self)
        self.picture.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.picture.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.image: np.ndarray | None = None
        self._bytes: np.ndarray | None = None
        self._size: tuple[int, int] | None = None

    def show_image(self, rgba: np.ndarray) -> None:
        """RGBA bytes with row 0 at the lowest y of the plane (a QImage's row 0 is its top)."""
        if self.image is rgba:
            return
        self.image = rgba
        # kept: the QImage reads these bytes, and a pixmap made from it may share them
        self._bytes = top_down = np.ascontiguousarray(rgba[::-1])
        rows, cols = top_down.shape[:2]
        self.picture.setPixmap(QPixmap.fromImage(QImage(top_down.data, cols, rows, 4 * cols, QImage.Format.Format_RGBA8888)))
        if self._size != (rows, cols):  # placed once: every Qt call here takes the GIL back from training
            self._size = (rows, cols)
            r = self.rect().width() / 2
            self.picture.setScale(2 * r / max(rows, cols))
            self.picture.setPos(-r, -r)


class HealthMark(QGraphicsTextItem):
    """The word "saturated" or "dead" beside a node, with a tooltip that explains it."""

    def __init__(self, node: NodeItem, kind: str) -> None:
        super().__init__(node)
        self.kind = kind
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresParentOpacity, True)  # readable even on a faded node
        self.setZValue(2)
        self.refresh()

    def refresh(self) -> None:
        look = current_look()
        self.setFont(text_font("mark", bold=True))
        text = html.escape(marked("UnitTiles", MARKS[self.kind]))
        colour = QColor(look.selected).name()
        self.setHtml(f"<span style='color:{colour}; background-color:{look.background}'>{text}</span>")
        self.setToolTip(marked("UnitTiles", MARK_TIPS[self.kind]))
        node = self.parentItem()
        assert isinstance(node, NodeItem), "a mark is made on its node"
        rect = self.boundingRect()
        self.setPos(-node.radius - rect.width() + 8, node.radius - 6)  # below left, clear of its label


class UnitDecorations:
    """The pictures and marks of one diagram; kept across a rebuild of the same network (a new look)."""

    def __init__(self) -> None:
        self.tiles: dict[str, UnitTile] = {}
        self.marks: dict[str, HealthMark] = {}
        self.images: dict[str, np.ndarray] = {}
        self.health: dict[str, str] = {}  # node name -> "saturated" | "dead"
        self._nodes: dict[str, NodeItem] = {}

    def attach(self, nodes: Iterable[NodeItem], keep: bool) -> None:
        """A freshly built scene: draw again what was shown (``keep``), or start empty (a new run)."""
        self.tiles, self.marks = {}, {}
        self._nodes = {item.node.name: item for item in nodes}
        if not keep:
            self.images, self.health = {}, {}
        self._draw_images()
        self._draw_health()

    def show_images(self, images: Mapping[str, np.ndarray]) -> None:
        """Pictures by node name (``O1[0]``); nodes not named lose theirs."""
        self.images = dict(images)
        self._draw_images()

    def show_health(self, saturated: Iterable[str], dead: Iterable[str]) -> None:
        self.health = {**{name: "saturated" for name in saturated}, **{name: "dead" for name in dead}}
        self._draw_health()

    def retranslate(self) -> None:
        for mark in self.marks.values():
            mark.refresh()

    def _draw_images(self) -> None:
        for name in list(self.tiles):
            if name not in self.images:
                _remove(self.tiles.pop(name))
        for name, rgba in self.images.items():
            node = self._nodes.get(name)
            if node is None:
                continue
            tile = self.tiles.get(name)
            if tile is None:
                tile = self.tiles[name] = UnitTile(node)
            tile.show_image(rgba)

    def _draw_health(self) -> None:
        for name in list(self.marks):
            if self.health.get(name) != self.marks[name].kind:
                _remove(self.marks.pop(name))
        for name, kind in self.health.items():
            node = self._nodes.get(name)
            if node is not None and name not in self.marks:
                self.marks[name] = HealthMark(node, kind)


def _remove(item: QGraphicsItem) -> None:
    scene = item.scene()
    item.setParentItem(None)  # type: ignore[arg-type]  # PySide6's stub omits None, which Qt takes (detach)
    if scene is not None:
        scene.removeItem(item)
