"""The decision map: what the network answers over the plane of its inputs, live while it trains.

For Playground's 2-D data sets the picture covers the plane of the points
(x1, x2): the colour of the class the network chooses at each point, as
strong as its probability (or the value, for regression), with the
training samples and the test samples (ringed) on top.
The same panel shows any single node large — an output's probability or
value, or what a hidden unit sees (the pictures the diagram puts on its
nodes; clicking a node there shows it here).  For the article's r, g, b
the picture is a slice: two inputs across and up, the third held at the
value of a slider, and only the samples near the slice drawn.

The pictures come painted from the background thread (see
:mod:`bpstudio.control.model.unit_maps`); this widget only hands them to
pyqtgraph.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from bpstudio.control.export.typeset import number_text
from bpstudio.control.model.unit_maps import CLASSES, MapFrame, default_picture, is_classification, map_points
from bpstudio.engine.data import Problem
from bpstudio.engine.graph import OUT, PRE, Node, NodeNames, Y, display_name
from bpstudio.engine.input_plane import InputPlane
from bpstudio.engine.text_safety import rich_text, shorten, shown_name
from bpstudio.qt.diagram.unit_map_feed import UnitMapFeed
from bpstudio.qt.plots.plot_style import style_live_axes
from bpstudio.qt.shell.appearance import LIGHT, Look
from bpstudio.qt.shell.safe_text import plain_label

SLIDER_STEPS = 100


class DecisionMapPanel(QWidget):
    def __init__(self, feed: UnitMapFeed, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("decision_map")
        self.feed = feed
        self.look: Look = LIGHT
        self.problem: Problem | None = None
        self.plane: InputPlane | None = None
        self.frame: MapFrame | None = None
        self.shown = False  # on screen (its dock says; a tab behind another is not)
        self._points_stale = False  # the samples changed while hidden: drawn when shown
        self._axes: tuple[Problem | None, int, int] | None = None  # (problem, x_axis, y_axis) the slice widgets were built for
        self.sliders: dict[int, QSlider] = {}
        self.slider_labels: dict[int, QLabel] = {}

        self.picture_label = QLabel()
        self.picture = QComboBox()
        self.picture.setObjectName("map_picture")
        self.picture.currentIndexChanged.connect(self._picture_chosen)
        # a long choice ("Classes (the network's answer)") must not make the panel wider than a square map
        self.picture.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.picture.setMinimumContentsLength(6)
        self.playground_colours = QCheckBox()  # TensorFlow Playground's orange and blue (issue 29)
        self.playground_colours.setObjectName("map_playground_colours")
        self.playground_colours.toggled.connect(self._colours_chosen)
        top = QHBoxLayout()
        top.addWidget(self.picture_label)
        top.addWidget(self.picture, 1)
        top.addWidget(self.playground_colours)

        self.plot = pg.PlotWidget(background="w")
        self.plot.setObjectName("map_plot")
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMinimumSize(220, 220)
        self.plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.train_points = pg.ScatterPlotItem(size=8, pen=pg.mkPen("#ffffff", width=1.0))
        self.test_points = pg.ScatterPlotItem(size=10, pen=pg.mkPen("#000000", width=1.6))
        self.plot.addItem(self.train_points)
        self.plot.addItem(self.test_points)

        self.caption = plain_label(QLabel())  # it names the data's columns
        self.caption.setObjectName("map_caption")
        self.caption.setWordWrap(True)
        self.legend = QLabel()
        self.legend.setObjectName("map_legend")

        self.slice_box = QWidget()
        self.slice_box.setObjectName("map_slice")
        self.slice_layout = QGridLayout(self.slice_box)
        self.slice_layout.setContentsMargins(0, 0, 0, 0)
        self.across_label, self.up_label = QLabel(), QLabel()
        self.x_axis, self.y_axis = QComboBox(), QComboBox()
        self.x_axis.setObjectName("map_x_axis")
        self.y_axis.setObjectName("map_y_axis")
        self.x_axis.activated.connect(lambda _i: self._axes_chosen(self.x_axis))
        self.y_axis.activated.connect(lambda _i: self._axes_chosen(self.y_axis))

        self.empty = QLabel()
        self.empty.setObjectName("map_empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.caption)
        layout.addWidget(self.slice_box)
        layout.addWidget(self.empty, 1)

        feed.plane_changed.connect(self.show_plane)
        feed.frame_ready.connect(self.show_frame)
        self.retranslate()
        self.show_plane(feed.maps.plane_of_current_run())

    # -- what the map covers ---------------------------------------------------------------------------------
    def show_plane(self, plane) -> None:
        """A new run or another plane: the choice of pictures, the slice's widgets, the samples."""
        problem = self.feed.model.problem
        if problem is not self.problem:
            self.problem = problem
            self._fill_pictures()
        self.plane = plane
        has_map = plane is not None
        self.plot.setVisible(has_map)
        self.caption.setVisible(has_map and self.look.scale == 1.0)  # on a projector the teacher says it
        self.legend.setVisible(has_map and self.look.scale == 1.0)
        self.picture.setEnabled(has_map)
        self.empty.setVisible(not has_map)
        self.slice_box.setVisible(has_map and plane.is_slice)
        if not has_map:
            self.image.clear()
            self.train_points.clear()
            self.test_points.clear()
            return
        if self._axes != (problem, plane.x_axis, plane.y_axis):
            self._axes = (problem, plane.x_axis, plane.y_axis)
            self._build_slice()
        self._show_held()
        (x0, x1), (y0, y1) = plane.x_range, plane.y_range
        dx, dy = (x1 - x0) / (plane.resolution - 1), (y1 - y0) / (plane.resolution - 1)
        self._rect = QRectF(x0 - dx / 2, y0 - dy / 2, x1 - x0 + dx, y1 - y0 + dy)  # pixels centred on the grid
        item = self.plot.getPlotItem()
        item.setAspectLocked(bool(plane.features))  # points in the plane: circles stay round
        item.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        self._label_axes()
        self._show_points()
        self._show_caption()
        if self.frame is not None and self.frame.plane != plane:
            self.image.clear()  # the last picture belongs to another plane

    def _fill_pictures(self) -> None:
        """The pictures this run offers: classes or outputs, then every hidden unit."""
        self.picture.blockSignals(True)
        self.picture.clear()
        problem = self.problem
        if problem is not None:
            net, names = problem.network, NodeNames.of(problem.dataset)
            if is_classification(problem):
                self.picture.addItem(self.tr("Classes (the network's answer)"), CLASSES)
            for k in range(net.sizes[-1]):
                node = Node(Y, 0, k)
                if is_classification(problem):
                    label = problem.dataset.target_names[k]
                    self.picture.addItem(self.tr("Probability of class {label}").format(label=label), node.name)
                else:
                    self.picture.addItem(self.tr("Output {name}").format(name=display_name(node, net, "text", names)), node.name)
            for layer in range(1, net.n_layers):
                for j in range(net.sizes[layer]):
                    node = Node(OUT, layer, j)
                    self.picture.addItem(self.tr("Unit {name}").format(name=display_name(node, net, "text")), node.name)
            self.picture.setCurrentIndex(max(self.picture.findData(default_picture(problem)), 0))
        self.picture.blockSignals(False)
        self.feed.maps.set_large(self.current_picture() or None)

    def _build_slice(self) -> None:
        """Across and up choose two inputs; a slider holds each other one."""
        while self.slice_layout.count():
            item = self.slice_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget not in (self.across_label, self.up_label, self.x_axis, self.y_axis):
                widget.deleteLater()
        self.sliders, self.slider_labels = {}, {}
        plane = self.plane
        assert plane is not None, "the slice's widgets are built for a plane"
        for combo, axis in ((self.x_axis, plane.x_axis), (self.y_axis, plane.y_axis)):
            combo.blockSignals(True)
            combo.clear()
            combo.addItems([shown_name(name) for name in plane.names])
            combo.setCurrentIndex(axis)
            combo.blockSignals(False)
        self.slice_layout.addWidget(self.across_label, 0, 0)
        self.slice_layout.addWidget(self.x_axis, 0, 1)
        self.slice_layout.addWidget(self.up_label, 0, 2)
        self.slice_layout.addWidget(self.y_axis, 0, 3)
        for row, axis in enumerate(plane.held_axes, start=1):
            label = plain_label(QLabel())
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setObjectName(f"map_held_{axis}")
            slider.setRange(0, SLIDER_STEPS)
            low, high = plane.spans[axis]
            slider.setValue(round((plane.held[axis] - low) / (high - low) * SLIDER_STEPS) if high > low else 0)
            slider.valueChanged.connect(lambda v, a=axis: self._held_moved(a, v))
            self.slice_layout.addWidget(label, row, 0)
            self.slice_layout.addWidget(slider, row, 1, 1, 3)
            self.sliders[axis], self.slider_labels[axis] = slider, label

    def _held_moved(self, axis: int, step: int) -> None:
        if self.plane is None:
            return
        low, high = self.plane.spans[axis]
        self.feed.maps.set_held(axis, low + (high - low) * step / SLIDER_STEPS)

    def _axes_chosen(self, combo: QComboBox) -> None:
        if self.plane is None:
            return
        x, y = self.x_axis.currentIndex(), self.y_axis.currentIndex()
        if x == y:  # the same input twice: the other combo takes the input this one left
            if combo is self.x_axis:
                y = self.plane.x_axis
            else:
                x = self.plane.y_axis
        self.feed.maps.set_axes(x, y)

    def _show_held(self) -> None:
        plane = self.plane
        assert plane is not None, "sliders are shown for a plane"
        for axis, label in self.slider_labels.items():
            label.setText(f"{shown_name(plane.names[axis])} = {number_text(plane.held[axis])}")

    def _label_axes(self) -> None:
        plane = self.plane
        assert plane is not None, "axes are labelled for a plane"
        item = self.plot.getPlotItem()
        # pyqtgraph draws axis labels as rich text
        item.setLabel("bottom", rich_text(shorten(plane.names[plane.x_axis])), color=self.look.text)
        item.setLabel("left", rich_text(shorten(plane.names[plane.y_axis])), color=self.look.text)

    def _show_points(self) -> None:
        """The samples over the map; one hidden behind another tab draws them when it comes on screen."""
        if not self.shown:
            self._points_stale = True
            return
        self._points_stale = False
        assert self.problem is not None and self.plane is not None, "samples are drawn on a run's plane"
        points = map_points(self.problem, self.plane, self.feed.palette(), self.current_picture())
        brushes: dict[tuple, QBrush] = {}  # one brush per colour, not per sample: 500 brushes took ~20 ms

        def brush(colour) -> QBrush:
            key = tuple(colour)
            if key not in brushes:
                brushes[key] = pg.mkBrush(*key)
            return brushes[key]

        self.train_points.setData(pos=points.train, brush=[brush(c) for c in points.train_colours])
        self.test_points.setData(pos=points.test, brush=[brush(c) for c in points.test_colours])

    # -- the pictures ---------------------------------------------------------------------------------------------
    def current_picture(self) -> str:
        return self.picture.currentData() or ""

    def show_frame(self, frame) -> None:
        self.frame = frame
        if frame.problem is not self.problem or frame.plane != self.plane or not self.shown:
            return
        key = self.current_picture()
        rgba = frame.images.get(key)
        if rgba is None:
            rgba = frame.tiles.get(key)  # a unit just chosen: its small picture until the whole grid is painted
        if rgba is not None:
            self.image.setImage(rgba, autoLevels=False)
            self.image.setRect(self._rect)
            self._show_caption()

    def show_node(self, name: str) -> bool:
        """Show a diagram node large (a hidden unit's I or O, an output); False when it has no picture."""
        node = _parse_node(name)
        if node is not None and node.kind == PRE:
            node = Node(OUT, node.layer, node.index)
        index = -1 if node is None or self.plane is None else self.picture.findData(node.name)
        if index < 0:
            return False
        self.picture.setCurrentIndex(index)
        return True

    def _colours_chosen(self, on: bool) -> None:
        self.feed.set_playground_colours(on)
        if self.plane is not None:
            self._show_points()

    def _picture_chosen(self, _index: int) -> None:
        self.feed.maps.set_large(self.current_picture())
        if self.plane is None:
            return
        self.feed.schedule()
        assert self.problem is not None, "a plane belongs to a run"
        if not is_classification(self.problem):
            self._show_points()  # regression samples take the colours of the output shown
        if self.frame is not None:
            self.show_frame(self.frame)
        self._show_caption()

    def _show_caption(self) -> None:
        key = self.current_picture()
        frame = self.frame if self.frame is not None and self.frame.problem is self.problem else None
        low, _middle, high = frame.ranges.get(key, (0.0, 0.0, 1.0)) if frame is not None else (0.0, 0.0, 1.0)
        values = {"low": number_text(low), "high": number_text(high), "name": self.picture.currentText()}
        if key == CLASSES:
            text = self.tr(
                "Each point takes the colour of the class the network chooses there, stronger where "
                "it is surer; pale along the border between classes."
            )
        elif key.startswith("y[") and self.problem is not None and is_classification(self.problem):
            text = self.tr("The network's probability of this class: from 0 (background) to 1 (full colour).")
        elif key.startswith("y["):
            text = self.tr("{name}: from {low} (orange) through 0 (background) to {high} (blue), the range of the data's targets.").format(
                **values
            )
        else:
            text = self.tr(
                "What this unit sees: its output O over the input plane, from {low} (orange) to "
                "{high} (blue). The diagram shows the same picture in its node."
            ).format(**values)
        if self.plane is not None and self.plane.is_slice:
            held = ", ".join(f"{shown_name(self.plane.names[a])} = {number_text(self.plane.held[a])}" for a in self.plane.held_axes)
            text += " " + self.tr("A slice of the input space at {held}: only the samples near it are drawn.").format(held=held)
        self.caption.setText(text)

    # -- on screen, language, look ---------------------------------------------------------------------------
    def set_shown(self, shown: bool) -> None:
        self.shown = shown
        if shown and self._points_stale and self.plane is not None:
            self._show_points()
        if shown and self.frame is not None:
            self.show_frame(self.frame)

    def retranslate(self) -> None:
        self.picture_label.setText(self.tr("Show:"))
        self.playground_colours.setText(self.tr("Playground's colours"))
        self.playground_colours.setToolTip(self.tr("Paint the map in TensorFlow Playground's orange (−1) and blue (+1)"))
        self.across_label.setText(self.tr("Across:"))
        self.up_label.setText(self.tr("Up:"))
        self.empty.setText(self.tr("The decision map needs data with at least two inputs."))
        self.legend.setText(self.tr("Dots: training samples; ringed dots: test samples."))
        chosen = self.current_picture()
        self._fill_pictures()
        index = self.picture.findData(chosen)
        if index >= 0:
            self.picture.blockSignals(True)
            self.picture.setCurrentIndex(index)
            self.picture.blockSignals(False)
            self.feed.maps.set_large(chosen)
        if self.plane is not None:
            self._show_caption()

    def set_look(self, look: Look) -> None:
        self.look = look
        # The sentence under the map gives its room to the map on a projector (at 1366×768 the two overlapped).
        self.caption.setVisible(self.plane is not None and look.scale == 1.0)
        self.legend.setVisible(self.plane is not None and look.scale == 1.0)
        side = 220 if look.scale == 1.0 else 150  # on a projector it sits beside the plot, as tall as the row
        self.plot.setMinimumSize(side, side)
        for part in (self.picture_label, self.picture, self.playground_colours):  # on a projector the map's height goes to the map
            part.setVisible(look.scale == 1.0)
        self.plot.setBackground(look.background)
        style_live_axes(self.plot, look.muted, look.text, look.scale)  # larger on a projector
        self.train_points.setPen(pg.mkPen(look.background, width=1.0))
        self.test_points.setPen(pg.mkPen(look.text, width=1.6))
        if self.plane is not None:
            self._label_axes()
            self._show_points()


def _parse_node(name: str) -> Node | None:
    """``O1[2]`` / ``I1[2]`` / ``y[0]`` back to a node (the diagram speaks in node names)."""
    try:
        if name.startswith("y["):
            return Node(Y, 0, int(name[2:-1]))
        if name[:1] in (OUT, PRE) and "[" in name:
            layer, index = name[1:].split("[")
            return Node(name[0], int(layer), int(index[:-1]))
    except ValueError:
        return None
    return None
