"""A plot's legend beside its view box, never over the curves.

pyqtgraph's own legend floats inside the view box: with long labels or the
projector's large text it covered the curves it names, and an empty box stayed
after its entries went.  :class:`SideLegend` sits in the plot item's layout,
in a column right of the view box, so it takes room from the plot's width, not
from what is drawn; it leaves the layout while it has no entries (no empty box)
and spreads its entries over more columns when they would be taller than the
view box.  Each entry can carry a tooltip (the full words behind a short label).

``below=True`` puts it under the bottom axis instead, its entries side by side in
as many columns as the view box's width holds: for a plot in a tall, narrow dock
(the landscape's), where a column beside it would take a third of a map's width.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QSizePolicy

MAX_SHARE = 0.3  # of the plot's width, at most
MIN_POINTS = 7.0  # text never smaller than this to fit
SAMPLE_WIDTH = 30.0  # the line or marker before each label, and the spacing
GAP = 8.0  # pixels between the view box and the legend
LEGEND_COLUMN = 3  # the plot item's layout: left axis 0, view box 1, right axis 2
VIEW_ROW = 2
BELOW_ROW = 4  # under the bottom axis (row 3)
VIEW_COLUMN = 1


class SideLegend(pg.LegendItem):
    """A legend in the column right of ``plot_item``'s view box; it becomes ``plot_item.legend``."""

    def __init__(self, plot_item: pg.PlotItem, text_colour: str = "#111111", size_pt: float = 9.0, below: bool = False) -> None:
        super().__init__(offset=None, labelTextColor=text_colour, labelTextSize=f"{size_pt:.0f}pt", verSpacing=-2)
        self.plot_item = plot_item
        self.setParentItem(plot_item)
        self.setFlag(self.GraphicsItemFlag.ItemIgnoresTransformations, False)
        self.setBrush(pg.mkBrush(None))
        self.setPen(pg.mkPen(None))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # its entries' size, not the column's
        self.hide()
        self._placed = False
        self.below = below
        self._wanted = (size_pt, text_colour)
        self._applied: tuple[str, str] | None = None
        plot_item.legend = self  # pyqtgraph adds named curves to it, as to its own
        plot_item.vb.sigResized.connect(self._fit_columns)

    # -- entries -----------------------------------------------------------------------------
    def addItem(self, item, name, at: int | None = None) -> None:  # noqa: N802 (pyqtgraph's name)
        """Add an entry at the end, or at index ``at`` (a plot's markers before the curves it compares)."""
        super().addItem(item, name)
        self._applied = None
        self._fit_text()
        if at is not None and at < len(self.items) - 1:
            self.items.insert(at, self.items.pop())
            self._relayout()
        self._fit_columns()

    def _relayout(self) -> None:
        for index in range(self.layout.count() - 1, -1, -1):
            self.layout.removeAt(index)
        for sample, label in self.items:
            self._addItemToLayout(sample, label)
        self.updateSize()

    def set_tooltip(self, item, text: str) -> None:
        """The words behind an entry's short label, shown when the pointer rests on it."""
        for sample, label in self.items:
            if getattr(sample, "item", None) is item:
                label.setToolTip(text)
                sample.setToolTip(text)

    def has(self, item) -> bool:
        return any(getattr(sample, "item", None) is item for sample, _label in self.items)

    def set_text_size(self, size_pt: float, colour: str) -> None:
        """The entries' text at ``size_pt`` (the look's), or smaller where the plot is narrow."""
        self._wanted = (size_pt, colour)
        self._fit_text()

    def _fit_text(self) -> None:
        """At most :data:`MAX_SHARE` of the plot's width: the curves keep the rest."""  # noqa: D401
        size_pt, colour = self._wanted
        views = self.scene().views() if self.scene() is not None else []
        # the widget's width: the plot item grows past it when its parts' minimum widths do not fit
        width = min(self.plot_item.width(), views[0].viewport().width()) if views else self.plot_item.width()
        # and the view box keeps half the plot's width beside the left axis (wide on a projector)
        room = min(MAX_SHARE * width, 0.5 * width - self.plot_item.getAxis("left").width())
        if self.below:  # under the view box: one entry as wide as the view box at most
            room = width - self.plot_item.getAxis("left").width()
        if self.items and room > 0:
            font = QFont()
            font.setPointSizeF(size_pt)
            widest = max(QFontMetricsF(font).horizontalAdvance(label.text) for _s, label in self.items)
            if widest + SAMPLE_WIDTH > room:
                size_pt = max(MIN_POINTS, size_pt * (room - SAMPLE_WIDTH) / widest)
        size = f"{size_pt:.1f}pt"
        if (size, colour) == self._applied:
            return
        self._applied = (size, colour)
        self.setLabelTextColor(colour)
        self.setLabelTextSize(size)
        for _sample, label in self.items:
            label.setText(label.text, color=colour, size=size)
        self.updateSize()

    # -- place -------------------------------------------------------------------------------
    def updateSize(self) -> None:  # noqa: N802 (pyqtgraph's name)
        """Called by pyqtgraph after every change of entries: the layout, not a fixed box, sizes it."""
        self.layout.invalidate()
        self.updateGeometry()
        shown = bool(self.items)
        layout = self.plot_item.layout
        if shown and not self._placed:
            if self.below:
                layout.addItem(self, BELOW_ROW, VIEW_COLUMN, alignment=Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            else:
                layout.addItem(self, VIEW_ROW, LEGEND_COLUMN, alignment=Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                layout.setColumnSpacing(LEGEND_COLUMN - 1, GAP)  # a seam between the view box's frame and the legend
            self._placed = True
        elif not shown and self._placed:
            layout.removeItem(self)
            self._placed = False
        self.setVisible(shown)
        layout.invalidate()

    def _fit_columns(self, *_args) -> None:
        """As many columns as it takes for the entries to fit the view box's height."""
        if not self.items:
            return
        self._fit_text()
        if self.below:  # side by side, as many as the view box's width holds
            width = self.plot_item.vb.width()
            widest = max(label.boundingRect().width() for _s, label in self.items) + SAMPLE_WIDTH + GAP
            self.setColumnCount(max(1, min(len(self.items), int(width // widest))))
            return
        row = max(max(label.boundingRect().height() for _s, label in self.items), 20.0)
        height = self.plot_item.vb.height()
        if height < row:  # not laid out yet
            return
        rows = max(1, int(height // row))
        self.setColumnCount(max(1, math.ceil(len(self.items) / rows)))
