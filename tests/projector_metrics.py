"""Measuring what a class can read: the size of texts on screen, in pixels.

Used by the projector tests (and by hand, from a script under Xvfb): the cap
height of every text of the network diagram as drawn, and the median height of
the glyphs of a typeset formula found in its pixels.
"""

from __future__ import annotations

from collections import deque

import numpy as np
from PySide6.QtGui import QFontMetricsF, QImage
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QGraphicsTextItem, QGraphicsView


def diagram_texts(view: QGraphicsView) -> list[tuple[str, float]]:
    """(text, cap height on screen in px) of every visible, non-empty text item of the view's scene."""
    found = []
    transform = view.viewportTransform()
    for item in view.scene().items():
        if isinstance(item, QGraphicsTextItem):
            text = item.toPlainText()
        elif isinstance(item, QGraphicsSimpleTextItem):
            text = item.text()
        else:
            continue
        if not text.strip() or not item.isVisible():
            continue
        scale = abs(item.deviceTransform(transform).m22())
        found.append((text, QFontMetricsF(item.font()).capHeight() * scale))
    return found


def ink_mask(image: QImage, threshold: int = 60) -> np.ndarray:
    """Pixels that differ from the image's most common colour (its background) by more than ``threshold``."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.bytesPerLine() * height)
    pixels = data.reshape(height, image.bytesPerLine() // 4, 4)[:, :width, :3].astype(int)
    flat = pixels.reshape(-1, 3)
    colours, counts = np.unique(flat, axis=0, return_counts=True)
    background = colours[np.argmax(counts)]
    return np.abs(pixels - background).sum(axis=2) > threshold


def glyph_heights(mask: np.ndarray, least: int = 3) -> list[int]:
    """Heights of the 8-connected ink components at least ``least`` px tall (rules and dots left out)."""
    seen = np.zeros_like(mask, dtype=bool)
    heights = []
    rows, cols = mask.shape
    for start in zip(*np.nonzero(mask), strict=True):
        if seen[start]:
            continue
        seen[start] = True
        queue = deque([start])
        top = bottom = start[0]
        wide = {start[1]}
        while queue:
            r, c = queue.popleft()
            top, bottom = min(top, r), max(bottom, r)
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    rr, cc = r + dr, c + dc
                    if 0 <= rr < rows and 0 <= cc < cols and mask[rr, cc] and not seen[rr, cc]:
                        seen[rr, cc] = True
                        wide.add(cc)
                        queue.append((rr, cc))
        height = bottom - top + 1
        if height >= least and not (len(wide) > 6 * height):  # a fraction bar is no glyph
            heights.append(height)
    return heights


def median_glyph_height(image: QImage) -> float:
    heights = glyph_heights(ink_mask(image))
    return float(np.median(heights)) if heights else 0.0
