"""A typeset formula on screen: an SVG drawn with QSvgRenderer, vector at any size.

The SVG is made off the GUI thread (:class:`TypesetQueue`): typesetting a new
selection takes a moment in ziamath, and the window must not freeze for it.
Only the newest request of each view is worked on; older ones are dropped.
The GUI thread only loads the finished SVG and paints it.
"""
from __future__ import annotations

import atexit
import gc
import itertools
import queue
import threading
import weakref
from typing import Callable

from PySide6.QtCore import QByteArray, QCoreApplication, QRectF, QSize, Qt, QThread, Signal
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget
import shiboken6


class TypesetQueue(QThread):
    """One background thread for every typeset view (a QThread subclass, as DESIGN §3 asks).

    ``run()`` takes jobs from a plain queue, typesets the newest one of each
    view and emits the SVG; the signal is queued to the GUI thread, which
    hands it to its view if that view still exists and still wants it.
    The thread lives as long as the application and is stopped before it quits.
    """

    done = Signal(int, int, str)  # view key, token, svg

    _instance: "TypesetQueue | None" = None

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("bpstudio-typeset")
        self._jobs: "queue.SimpleQueue[tuple[int, int, Callable[[], str]] | None]" = queue.SimpleQueue()
        self._latest: dict[int, int] = {}  # view key -> newest token
        self._views: "weakref.WeakValueDictionary[int, FormulaView]" = weakref.WeakValueDictionary()
        self._tokens = itertools.count(1)
        self._keys = itertools.count(1)
        self._idle = threading.Event()
        self._idle.set()
        self._pending = 0
        self._lock = threading.Lock()
        self.done.connect(self._deliver)

    @classmethod
    def shared(cls) -> "TypesetQueue":
        if cls._instance is None:
            cls._instance = cls()
            app = QCoreApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(cls._instance.stop)
            atexit.register(cls._instance.stop)
            cls._instance.start()
        return cls._instance

    def register(self, view: "FormulaView") -> int:
        key = next(self._keys)
        self._views[key] = view
        return key

    def request(self, key: int, make_svg: Callable[[], str]) -> int:
        token = next(self._tokens)
        self._latest[key] = token
        with self._lock:
            self._pending += 1
            self._idle.clear()
        self._jobs.put((key, token, make_svg))
        return token

    def run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            key, token, make_svg = job
            svg = ""
            if self._latest.get(key) == token:  # else superseded while it waited
                # Typesetting allocates a lot; a garbage collection it set off here could
                # free a closed window's Qt widgets on this thread, which Qt does not
                # survive.  The collector waits until the GUI thread allocates again.
                gc.disable()
                try:
                    svg = make_svg()
                except Exception as err:  # noqa: BLE001 - shown in the view, not raised here
                    svg = _error_svg(str(err))
                finally:
                    gc.enable()
            with self._lock:
                self._pending -= 1
                if self._pending == 0:
                    self._idle.set()
            if svg:
                self.done.emit(key, token, svg)

    def _deliver(self, key: int, token: int, svg: str) -> None:
        view = self._views.get(key)
        if view is not None and shiboken6.isValid(view) and self._latest.get(key) == token:
            view.set_svg(svg)

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Wait until every queued job is typeset (tests and screenshots); then process its signals."""
        done = self._idle.wait(timeout)
        QCoreApplication.processEvents()
        return done

    def stop(self) -> None:
        if self.isRunning():
            self._jobs.put(None)
            self.wait(10000)


def _error_svg(message: str) -> str:
    from xml.sax.saxutils import escape

    return ("<svg xmlns='http://www.w3.org/2000/svg' width='400' height='30'>"
            f"<text x='4' y='20' font-size='13' fill='#a00'>{escape(message[:120])}</text></svg>")


class FormulaView(QWidget):
    """Shows an SVG scaled to the width it gets, never wider than ``max_scale`` times its size.

    Its height follows its width (heightForWidth), so a layout gives it exactly
    the room the formula needs; ``max_height`` caps it where it must fit a
    screen (presentation mode), shrinking the scale instead of clipping.
    """

    svg_shown = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.renderer = QSvgRenderer(self)
        self.max_scale = 1.0
        self.max_height: int | None = None
        self._key = TypesetQueue.shared().register(self)
        self._cache = QPixmap()
        self._cache_key: tuple = ()
        self.svg_text = ""
        policy = QSizePolicy(QSizePolicy.Preferred, QSizePolicy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumWidth(120)

    # -- content -----------------------------------------------------------------------------
    def typeset(self, make_svg: Callable[[], str]) -> None:
        """Make the SVG in the background and show it when it is ready."""
        TypesetQueue.shared().request(self._key, make_svg)

    def set_svg(self, svg: str) -> None:
        self.svg_text = svg
        self.renderer.load(QByteArray(svg.encode("utf-8")))
        self.updateGeometry()
        self.update()
        self.svg_shown.emit()

    def clear(self) -> None:
        TypesetQueue.shared().request(self._key, lambda: "")
        self.svg_text = ""
        self.renderer.load(QByteArray(b"<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/>"))
        self.updateGeometry()
        self.update()

    # -- size ----------------------------------------------------------------------------------------
    def natural_size(self) -> QSize:
        size = self.renderer.defaultSize() if self.svg_text else QSize(0, 0)
        return size if size.isValid() else QSize(0, 0)

    def set_scale_limits(self, max_scale: float, max_height: int | None = None) -> None:
        self.max_scale, self.max_height = max_scale, max_height
        self.updateGeometry()
        self.update()

    def scale_for(self, width: int) -> float:
        natural = self.natural_size()
        if natural.width() <= 0 or natural.height() <= 0:
            return 1.0
        scale = min(self.max_scale, width / natural.width())
        if self.max_height is not None:
            scale = min(scale, self.max_height / natural.height())
        return max(scale, 0.05)

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
        return QSize(120, self.heightForWidth(max(self.width(), 120)))

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
            pixmap.fill(Qt.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.Antialiasing)
            self.renderer.render(painter, QRectF(0, 0, w, h))
            painter.end()
            self._cache, self._cache_key = pixmap, key
        painter = QPainter(self)
        x = max(0, (self.width() - w) // 2) if self.property("centred") else 0
        painter.drawPixmap(x, 0, self._cache)
        painter.end()

    def fits(self) -> bool:
        """Is the whole formula inside the widget (for tests)?"""
        natural = self.natural_size()
        scale = self.scale_for(self.width())
        return natural.width() * scale <= self.width() + 1 and natural.height() * scale <= self.height() + 1


__all__ = ["FormulaView", "TypesetQueue"]
