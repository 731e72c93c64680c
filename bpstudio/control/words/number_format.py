"""Numbers as the views show them: ``%g`` with six significant digits, so bounded in width.

A diverging run (gradient descent with α = 0.1) drives values to 1e300 and
beyond; written with ``%f`` such a number has hundreds of digits and a label
that shows it widens its dock and the window past the screen.  ``%g`` never
needs more than 13 characters (``-1.23457e+308``), and non-finite values read
as ∞ or — instead of ``inf``/``nan``.  The typeset formula keeps its own
four digits (:func:`bpstudio.control.export.typeset.number_text`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

DIGITS = 6


def short_number(value: float, digits: int = DIGITS, signed: bool = False) -> str:
    """``value`` in at most ``digits`` significant digits; ``signed`` writes a + too."""
    value = float(value) + 0.0  # -0.0 + 0.0 is 0.0: never "−0"
    if not math.isfinite(value):
        return "—" if math.isnan(value) else ("+∞" if signed else "∞") if value > 0 else "−∞"
    return f"{value:{'+' if signed else ''}.{digits}g}"


def fixed_number(value: float, decimals: int = 5) -> str:
    """Fixed-point as the article prints JVal (``{:.5f}``) while that stays short; %g beyond 1e6."""
    value = float(value) + 0.0
    if math.isfinite(value) and abs(value) < 1e6:
        return f"{value:.{decimals}f}"
    return short_number(value)


def solution_title(jval: Sequence[float] | np.ndarray) -> str:
    """The article figure's title, ``solution-JVal = 0.00012``: bounded in width however the run ended.

    The article prints ``{:.5f}``; a diverged run ends near 1e308, which that
    writes as a 300-digit number wider than any figure.
    """
    return f"solution-JVal = {fixed_number(jval[-1])}" if len(jval) else "no iterations"
