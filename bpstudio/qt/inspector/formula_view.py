"""A typeset formula on screen: an SVG drawn with QSvgRenderer, vector at any size.

The SVG is made on the studio's background thread (:mod:`.background`):
typesetting a new selection takes a moment in ziamath, and the window must not
freeze for it.  Only the newest request of each view is worked on; older ones
are dropped.  The background thread also parses the SVG (a chain's is ~1 MB:
~25 ms in QSvgRenderer.load, once a second while a net trains); the GUI thread
only takes the loaded renderer and paints it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QPoint, QPointF, QRectF, QSize, Qt, QThread, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QToolTip, QWidget

from bpstudio.qt.shell.background import BackgroundWorker

_VIEW_KEYS = itertools.count(1)


def _safely(make_svg: Callable[[], str]) -> str:
    try:
        return make_svg()
    except Exception as err:  # noqa: BLE001 - a formula that cannot be typeset says why, in place
        return _error_svg(str(err))


def _loaded(svg: str, home: QThread) -> tuple[str, QSvgRenderer | None]:
    """On the background thread: ``svg`` and a renderer that has parsed it, handed to ``home`` (the view's thread).

    A renderer draws nothing on a widget, so it may be made on any thread;
    moved to the view's thread before it is sent, it is the view's own there.
    """
    if not svg:
        return svg, None
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    renderer.moveToThread(home)
    return svg, renderer


def _error_svg(message: str) -> str:
    from xml.sax.saxutils import escape

    return (
        "<svg xmlns='http://www.w3.org/2000/svg' width='400' height='30'>"
        f"<text x='4' y='20' font-size='13' fill='#a00'>{escape(message[:120])}</text></svg>"
    )


class FormulaView(QWidget):
    """Shows an SVG scaled to the width it gets, never wider than ``max_scale`` times its size.

    Its height follows its width (heightForWidth), so a layout gives it exactly
    the room the formula needs; ``max_height`` caps it where it must fit a
    screen (presentation mode), shrinking the scale instead of clipping.
    """

    svg_shown = Signal()
    pressed = Signal(str, QPoint)  # a left click: the element id under it ("" for none), the widget position
    size_changed = Signal()  # a new picture or new scale limits: a holder that sizes itself by it looks again

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.renderer = QSvgRenderer(self)
        self.max_scale = 1.0
        self.max_height: int | None = None
        self.readable = 0.05  # the smallest scale the height cap may shrink to
        self.least = 0.05  # the smallest scale at all: on a projector the widget grows wider (and scrolls) instead
        self._key = f"typeset:{next(_VIEW_KEYS)}"
        self._cache = QPixmap()
        self._cache_key: tuple = ()
        self.svg_text = ""
        self._ids: tuple[str, ...] | None = ()  # None: not looked for yet (see element_ids)
        # Tooltips on parts of the formula: element id -> text, or "" for none (asked at hover time,
        # so the text is in the current language).
        self.tip_for: Callable[[str], str] | None = None
        self._bounds: dict[str, QRectF] = {}  # element id -> its bounds, for this picture
        self.marks: tuple[tuple[str, ...], ...] = ()  # groups of elements boxed together (the pointer's)
        self.mark_colour = QColor("#F0E442")
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)  # its least width is minimumSizeHint's: 120 px, or a projector's floor

    # -- content -----------------------------------------------------------------------------
    def typeset(self, make_svg: Callable[[], str]) -> None:
        """Make the SVG in the background and show it when it is ready."""
        home = self.thread()
        BackgroundWorker.shared().submit(self._key, lambda: _loaded(_safely(make_svg), home), self._typeset_done)

    def _typeset_done(self, result: tuple[str, QSvgRenderer | None]) -> None:
        svg, renderer = result
        if svg and shiboken6.isValid(self):
            self.set_svg(svg, renderer)

    def set_svg(self, svg: str, renderer: QSvgRenderer | None = None) -> None:
        """Show ``svg``; ``renderer``, when given, has parsed it already (off the GUI thread)."""
        if svg == self.svg_text:
            return  # the same picture: nothing to load, lay out or paint again
        self.svg_text = svg
        self._ids = None  # found at the first hover: a chain's SVG is ~1 MB, and it changes every second while training
        self._bounds = {}
        if renderer is not None:
            renderer.setParent(self)
            self.renderer.deleteLater()
            self.renderer = renderer
        else:
            self.renderer.load(QByteArray(svg.encode("utf-8")))
        self.updateGeometry()
        self.update()
        self.size_changed.emit()
        self.svg_shown.emit()

    def clear(self) -> None:
        BackgroundWorker.shared().submit(self._key, lambda: ("", None), self._typeset_done)  # drops a pending one
        if not self.svg_text:
            return
        self.svg_text = ""
        self._ids = ()
        self._bounds = {}
        self.marks = ()
        self.renderer.load(QByteArray(b"<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/>"))
        self.updateGeometry()
        self.update()
        self.size_changed.emit()

    # -- size ----------------------------------------------------------------------------------------
    def natural_size(self) -> QSize:
        size = self.renderer.defaultSize() if self.svg_text else QSize(0, 0)
        return size if size.isValid() else QSize(0, 0)

    def set_scale_limits(self, max_scale: float, max_height: int | None = None, readable: float = 0.05, least: float = 0.05) -> None:
        """``max_height`` shrinks the formula to fit, but never below ``readable`` (then it is taller, and scrolls).

        ``least`` is a floor for the width too: below it the widget asks for more
        width than it is given (its minimum size), so the panel holding it scrolls
        sideways instead of shrinking a projector's digits below their height.
        """
        self.max_scale, self.max_height, self.readable, self.least = max_scale, max_height, readable, least
        self.updateGeometry()
        self.update()
        self.size_changed.emit()

    def scale_for(self, width: int) -> float:
        natural = self.natural_size()
        if natural.width() <= 0 or natural.height() <= 0:
            return 1.0
        scale = min(self.max_scale, width / natural.width())
        if self.max_height is not None:
            scale = min(scale, max(self.max_height / natural.height(), self.readable))
        return max(scale, self.least, 0.05)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        natural = self.natural_size()
        return max(8, round(natural.height() * self.scale_for(width)))

    def sizeHint(self) -> QSize:
        natural = self.natural_size()
        width = round(natural.width() * self.max_scale) if natural.width() else 200
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        width = max(120, round(self.natural_size().width() * self.least) if self.least > 0.05 else 0)
        return QSize(width, self.heightForWidth(max(self.width(), width)))

    def paintEvent(self, _event) -> None:
        """Draw the vector formula once per content and size into a pixmap, then blit it."""
        natural = self.natural_size()
        if natural.width() <= 0:
            return
        scale = self.scale_for(self.width())
        w, h = round(natural.width() * scale), round(natural.height() * scale)
        ratio = self.devicePixelRatioF()
        key = (self.svg_text, w, h, ratio)
        if self._cache_key != key:
            pixmap = QPixmap(max(1, round(w * ratio)), max(1, round(h * ratio)))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.renderer.render(painter, QRectF(0, 0, w, h))
            painter.end()
            self._cache, self._cache_key = pixmap, key
        painter = QPainter(self)
        self._paint_marks(painter)  # under the ink: a highlighter's colour, the glyphs keep their black
        painter.drawPixmap(self._origin_x(), 0, self._cache)
        painter.end()

    # -- marks ---------------------------------------------------------------------------------
    def set_marks(self, marks: tuple[tuple[str, ...], ...], colour: QColor | None = None) -> None:
        """Box each group of elements (a factor and its number) in a highlighter colour; () clears."""
        if colour is not None:
            self.mark_colour = QColor(colour)
        if marks != self.marks:
            self.marks = marks
            self.update()

    def element_rect(self, elements: tuple[str, ...] | str) -> QRectF:
        """Where elements are drawn, together, in widget coordinates (empty when none is in the picture)."""
        scale = self.scale_for(self.width())
        rect = QRectF()
        for element in (elements,) if isinstance(elements, str) else elements:
            bounds = self._element_bounds(element)
            if not bounds.isEmpty():
                rect = rect.united(bounds) if not rect.isEmpty() else bounds
        if rect.isEmpty():
            return rect
        return QRectF(rect.x() * scale + self._origin_x(), rect.y() * scale, rect.width() * scale, rect.height() * scale)

    def _paint_marks(self, painter: QPainter) -> None:
        if not self.marks:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(self.mark_colour)
        fill.setAlpha(170)
        edge = QColor(self.palette().color(self.foregroundRole()))
        pad = max(3.0, 0.15 * self.fontMetrics().height())
        for group in self.marks:
            rect = self.element_rect(group)
            if rect.isEmpty():
                continue
            rect = rect.adjusted(-pad, -pad, pad, pad)
            painter.setPen(QPen(self.mark_colour, 2 * pad / 3))
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, pad, pad)
            painter.setPen(QPen(edge, 1.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-pad / 3, -pad / 3, pad / 3, pad / 3), pad, pad)

    # -- tooltips on parts -----------------------------------------------------------------------
    def _origin_x(self) -> int:
        scale = self.scale_for(self.width())
        w = round(self.natural_size().width() * scale)
        return max(0, (self.width() - w) // 2) if self.property("centred") else 0

    def element_ids(self) -> tuple[str, ...]:
        """The ids of the SVG's elements that may carry a tooltip."""
        if self._ids is None:
            self._ids = tuple(re.findall(r'\bid="([^"]+)"', self.svg_text))
        return self._ids

    def element_at(self, pos: QPoint) -> str | None:
        """The id of the SVG element under a widget position, if it has one."""
        ids = self.element_ids()
        if not ids:
            return None
        scale = self.scale_for(self.width())
        point = QPointF((pos.x() - self._origin_x()) / scale, pos.y() / scale)
        for element in ids:
            if self._element_bounds(element).adjusted(-2, -2, 2, 2).contains(point):
                return element
        return None

    def _element_bounds(self, element: str) -> QRectF:
        """An element's bounds in the SVG, asked of the renderer once per picture (a click tries every factor)."""
        if element not in self._bounds:
            self._bounds[element] = self.renderer.boundsOnElement(element) if element in self.element_ids() else QRectF()
        return self._bounds[element]

    def element_centre(self, element: str) -> QPoint:
        """Where an element is drawn, in widget coordinates (for tests and tours)."""
        scale = self.scale_for(self.width())
        centre = self._element_bounds(element).center()
        return QPoint(round(centre.x() * scale) + self._origin_x(), round(centre.y() * scale))

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            pos = event.position().toPoint()
            self.pressed.emit(self.element_at(pos) or "", pos)
        super().mousePressEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.tip_for is not None:
            element = self.element_at(event.pos())
            text = self.tip_for(element) if element else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def fits(self) -> bool:
        """Is the whole formula inside the widget (for tests)?"""
        natural = self.natural_size()
        scale = self.scale_for(self.width())
        return natural.width() * scale <= self.width() + 1 and natural.height() * scale <= self.height() + 1


class SidewaysScroller(QScrollArea):
    """A formula that may be wider than its panel: it scrolls sideways on its own, the panel does not.

    On a projector a formula keeps the scale at which its digits are readable
    (:meth:`FormulaView.set_scale_limits`' ``least``); a wide one — the optimizer's
    table, a wide net's basic links — then scrolls here, while the rest of the
    inspector keeps the panel's width.  Its height is the formula's at the width shown.
    """

    def __init__(self, formula: FormulaView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.formula = formula
        self.setObjectName(f"{formula.objectName()}_scroller")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setWidget(formula)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        formula.size_changed.connect(self.updateGeometry)

    def _height(self) -> int:
        width = max(self.viewport().width(), self.formula.minimumSizeHint().width())
        bar = self.horizontalScrollBar().sizeHint().height() if width > self.viewport().width() else 0
        return self.formula.heightForWidth(width) + bar

    def sizeHint(self) -> QSize:
        return QSize(self.formula.sizeHint().width(), self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(60, self._height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.updateGeometry()  # the height follows the width


__all__ = ["FormulaView", "SidewaysScroller"]
