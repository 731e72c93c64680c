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
TINT = 0.6  # the strongest a map colour gets: paler than the samples drawn on it, so they stand out


def rgb(colour: str) -> tuple[int, int, int]:
    """``#rrggbb`` -> (r, g, b)."""
    colour = colour.lstrip("#")
    return (int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16))


@dataclass(frozen=True)
class MapPalette:
    """The colours a map is painted with (the theme's background and weight colours)."""

    background: tuple[int, int, int] = (255, 255, 255)
    negative: tuple[int, int, int] = rgb("#E69F00")
    positive: tuple[int, int, int] = rgb("#0072B2")
    classes: tuple[tuple[int, int, int], ...] = tuple(rgb(c) for c in CLASS_COLOURS)

    def class_colour(self, k: int) -> tuple[int, int, int]:
        return self.classes[k % len(self.classes)]


# TensorFlow Playground's own colours: orange for −1, its grey for 0, blue for +1 (and its two classes)
PLAYGROUND_PALETTE = MapPalette(rgb("#e8eaeb"), rgb("#f59322"), rgb("#0877bd"), (rgb("#f59322"), rgb("#0877bd")))

LEVELS = 256  # shades per colour ramp: finer than the eye tells apart on a map


def _ramp(base: tuple[int, int, int], target: tuple[int, int, int], tint: float) -> np.ndarray:
    """``LEVELS`` RGBA bytes from ``base`` (level 0) toward ``target`` (the last level, by ``tint``)."""
    mix = np.linspace(0.0, tint, LEVELS)[:, None]
    out = np.empty((LEVELS, 4), dtype=np.uint8)
    out[:, :3] = np.rint(np.asarray(base, float) + mix * (np.asarray(target, float) - np.asarray(base, float)))
    out[:, 3] = 255
    return out


def _levels(t: np.ndarray) -> np.ndarray:
    """Shades 0 .. LEVELS-1 of ``t`` in 0..1 (NaN: 0), as indices."""
    np.nan_to_num(t, copy=False, nan=0.0)
    np.clip(t, 0.0, 1.0, out=t)
    t *= LEVELS - 1
    levels: np.ndarray = np.rint(t, out=t).astype(np.intp)
    return levels


def diverging(values: np.ndarray, low: float, middle: float, high: float, palette: MapPalette, tint: float = TINT) -> np.ndarray:
    """RGBA of ``values``: the background at ``middle``, blue toward ``high``, orange toward ``low``.

    Values beyond the range take the range's end colour; NaN takes the background.
    ``tint=1`` gives full colours (for points drawn on a map).  A lookup table
    of shades keeps it at a few passes over the values: the background thread
    paints some thirty pictures per frame.
    """
    values = np.asarray(values, dtype=float)
    above = max(high - middle, 1e-300)
    below = max(middle - low, 1e-300)
    lut = np.concatenate(
        (_ramp(palette.background, palette.negative, tint)[::-1], _ramp(palette.background, palette.positive, tint))
    )  # orange .. background .. blue
    # t in -1..1 mapped to 0..1 over the two ramps: 0.5 is the middle
    if above == below:
        t = (values - middle) * (0.5 / above) + 0.5
    else:
        t = np.where(values >= middle, (values - middle) * (0.5 / above), (values - middle) * (0.5 / below)) + 0.5
    index = _levels(t) * (2 * LEVELS - 1) // (LEVELS - 1)  # 0 .. 2 LEVELS - 1
    if np.isnan(values).any():
        index[np.isnan(values)] = LEVELS  # the background's shade
    colours: np.ndarray = lut[index]
    return colours


def class_map(probabilities: np.ndarray, palette: MapPalette) -> np.ndarray:
    """RGBA of the winning class at each pixel, as strong as its probability.

    ``probabilities`` is ``(classes, rows, cols)``; the strength goes from 0
    where the winner's probability is 1/k (no class preferred) to full at 1.
    """
    probabilities = np.nan_to_num(np.asarray(probabilities, dtype=float), nan=0.0)
    k = probabilities.shape[0]
    winner = np.argmax(probabilities, axis=0)
    best = np.take_along_axis(probabilities, winner[None], axis=0)[0]
    strength = (best - 1.0 / k) * (1.0 / (1.0 - 1.0 / k))
    luts = np.stack([_ramp(palette.background, palette.class_colour(c), TINT) for c in range(k)])
    colours: np.ndarray = luts[winner, _levels(strength)]
    return colours
