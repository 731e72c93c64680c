"""Colours of the decision map and of the units' pictures: numbers in, RGBA pixels out.

Pure NumPy, so the background thread paints the pictures and the GUI thread
only shows them.  Two kinds of picture:

* a **value** (a unit's output O, a regression output): diverging from the
  background colour at the middle of its range to blue for high and orange
  for low — the colours of positive and negative weights on the diagram, and
  Playground's;
* the **classes**: each point of the plane takes the colour of the class the
  network names there, as strong as its probability — pale near the border
  (every class equally likely), full where the network is sure.

Colours are ``(r, g, b)`` tuples of 0..255; the studio passes its theme's.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Okabe-Ito, as the rest of the studio: orange and blue as Playground's two classes, then bluish green
CLASS_COLOURS = ("#E69F00", "#0072B2", "#009E73")
TINT = 0.8  # the strongest a map colour gets, so that the points drawn on it stand out


def rgb(colour: str) -> tuple[int, int, int]:
    """``#rrggbb`` -> (r, g, b)."""
    colour = colour.lstrip("#")
    return tuple(int(colour[i:i + 2], 16) for i in (0, 2, 4))


@dataclass(frozen=True)
class MapPalette:
    """The colours a map is painted with (the theme's background and weight colours)."""

    background: tuple[int, int, int] = (255, 255, 255)
    negative: tuple[int, int, int] = rgb("#E69F00")
    positive: tuple[int, int, int] = rgb("#0072B2")
    classes: tuple[tuple[int, int, int], ...] = tuple(rgb(c) for c in CLASS_COLOURS)

    def class_colour(self, k: int) -> tuple[int, int, int]:
        return self.classes[k % len(self.classes)]


def _rgba(mix: np.ndarray, base: np.ndarray, target: np.ndarray) -> np.ndarray:
    """``base + mix (target - base)`` per pixel, as opaque RGBA bytes; mix is 0..1, target per pixel."""
    out = np.empty(mix.shape + (4,), dtype=np.uint8)
    colour = base + mix[..., None] * (target - base)
    np.clip(np.rint(colour), 0, 255, out=colour)
    out[..., :3] = colour
    out[..., 3] = 255
    return out


def diverging(values: np.ndarray, low: float, middle: float, high: float, palette: MapPalette,
              tint: float = TINT) -> np.ndarray:
    """RGBA of ``values``: the background at ``middle``, blue toward ``high``, orange toward ``low``.

    Values beyond the range take the range's end colour; NaN takes the background.
    ``tint=1`` gives full colours (for points drawn on a map).
    """
    values = np.asarray(values, dtype=float)
    above = max(high - middle, 1e-300)
    below = max(middle - low, 1e-300)
    with np.errstate(invalid="ignore"):
        t = np.where(values >= middle, (values - middle) / above, (values - middle) / below)
    t = np.nan_to_num(np.clip(t, -1.0, 1.0), nan=0.0)
    base = np.asarray(palette.background, dtype=float)
    target = np.where(t[..., None] >= 0, np.asarray(palette.positive, float), np.asarray(palette.negative, float))
    return _rgba(np.abs(t) * tint, base, target)


def class_map(probabilities: np.ndarray, palette: MapPalette) -> np.ndarray:
    """RGBA of the winning class at each pixel, as strong as its probability.

    ``probabilities`` is ``(classes, rows, cols)``; the strength goes from 0
    where the winner's probability is 1/k (no class preferred) to full at 1.
    """
    probabilities = np.nan_to_num(np.asarray(probabilities, dtype=float), nan=0.0)
    k = probabilities.shape[0]
    winner = np.argmax(probabilities, axis=0)
    best = np.take_along_axis(probabilities, winner[None], axis=0)[0]
    strength = np.clip((best - 1.0 / k) / (1.0 - 1.0 / k), 0.0, 1.0)
    colours = np.asarray([palette.class_colour(c) for c in range(k)], dtype=float)
    return _rgba(strength * TINT, np.asarray(palette.background, dtype=float), colours[winner])

