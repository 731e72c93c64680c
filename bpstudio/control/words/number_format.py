"""Numbers as the views show them: ``%g`` with six significant digits, so bounded in width.

A diverging run (gradient descent with α = 0.1) drives values to 1e300 and
beyond; written with ``%f`` such a number has hundreds of digits and a label
that shows it widens its dock and the window past the screen.  ``%g`` never
needs more than 13 characters (``-1.23457e+308``), and non-finite values read
as ∞ or — instead of ``inf``/``nan``.

View ▸ Digits (4, 6 or all) rounds the formula, the inspector and the exports
through :func:`display_number` and :func:`latex_number`; :func:`relation` says
whether a row's shown numbers, redone by hand, give its shown result ("=") or
only nearly ("≈").
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

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


# -- View ▸ Digits: how many significant digits the formula, the inspector and the exports show ----------
DIGIT_SETTINGS = ("4", "6", "all")  # the menu's choices; "all" is enough to read the number back exactly
DEFAULT_DIGITS = "4"
ROUND_TRIP = 17  # significant digits that name every double (the CSV's; "all" shows the shortest that does)
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
_PLAIN_DIGITS = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹−", "-0123456789-")


def digits_setting(setting: object) -> str:
    """A remembered or typed setting as one of :data:`DIGIT_SETTINGS` (anything else: the default)."""
    text = str(setting).strip().lower() if setting is not None else ""
    return text if text in DIGIT_SETTINGS else DEFAULT_DIGITS


def rounded_text(value: float, digits: int | str = DIGITS) -> str:
    """``value`` rounded to ``digits`` significant digits (an int, "4", "6" or "all"), as ``%g`` writes it.

    "all" is the shortest text that reads back as the very same double (Python's ``repr``: at
    most 17 significant digits), so 0.9 stays 0.9 instead of 0.90000000000000002.
    The caller handles non-finite values.
    """
    value = float(value) + 0.0  # -0.0 + 0.0 is 0.0: never "−0"
    if digits == "all":
        text = repr(value)
        mantissa, _, exponent = text.partition("e")
        if exponent:  # repr writes 1e-05 as %g does, but 1.5e+16 from 1e16 on: the same style below
            text = f"{mantissa}e{int(exponent):+03d}"
        return text[:-2] if text.endswith(".0") else text
    return f"{value:.{int(digits)}g}"


def display_number(value: float | None, digits: int | str = DEFAULT_DIGITS) -> str:
    """A number as the typeset formula and the inspector write it: a real minus, ``1.5·10⁻³``."""
    if value is None:
        return ""
    if not math.isfinite(value):
        return "∞" if value > 0 else "−∞" if value < 0 else "—"
    text = rounded_text(value, digits)
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}·10" + str(int(exponent)).translate(_SUPERSCRIPT)
    return text.replace("-", "−")


def latex_number(value: float, digits: int | str = DEFAULT_DIGITS, brackets: tuple[str, str] = (r"\left(", r"\right)")) -> str:
    """A number inside a LaTeX formula: ``1.5 \\times 10^{-3}``, a negative one in ``brackets``."""
    value = float(value) + 0.0
    if not math.isfinite(value):
        text = r"\infty" if value > 0 else r"-\infty" if value < 0 else r"\mathrm{NaN}"
    else:
        text = rounded_text(value, digits)
        if "e" in text:
            mantissa, exponent = text.split("e")
            text = rf"{mantissa} \times 10^{{{int(exponent)}}}"
    return f"{brackets[0]}{text}{brackets[1]}" if value < 0 else text


def shown_value(text: str) -> float:
    """The number a shown text names: any of this module's writings (``−1.5·10⁻³``, ``(−0.2)``, LaTeX)."""
    plain = text.strip().replace(r"\left(", "").replace(r"\right)", "").strip("()").translate(_PLAIN_DIGITS)
    plain = plain.replace("\\times", "·").replace(" ", "").replace("{", "").replace("}", "")
    if "·10" in plain:
        mantissa, _, exponent = plain.partition("·10")
        plain = f"{mantissa}e{exponent.lstrip('^')}"
    return float(plain.replace("∞", "inf").replace("—", "nan"))


def relation(
    shown_factors: Sequence[str | float],
    op: str | Callable[..., float],
    shown_result: str | float,
    digits: int | str = DEFAULT_DIGITS,
) -> str:
    """ "=" when the shown factors, combined as written, round to the shown result; else "≈".

    ``op`` is "×" (multiplied left to right), "+" (added left to right) or a function of the
    factors' values (a row's own rule, e.g. ``lambda b, m, c, g: b * m + c * g``).  Factors and
    result are the texts on screen (or the numbers they name); the rounding is the display's,
    so a student who redoes the row with the numbers shown gets the shown result exactly
    where "=" is written, and knows where the last digit may differ.
    """
    values = [shown_value(f) if isinstance(f, str) else float(f) for f in shown_factors]
    if op == "×":
        written = math.prod(values)
    elif op == "+":
        written = 0.0
        for v in values:
            written += v
    elif callable(op):
        written = float(op(*values))
    else:
        raise ValueError(f"unknown operation {op!r}")
    result = shown_value(shown_result) if isinstance(shown_result, str) else float(shown_result)
    if not (math.isfinite(written) and math.isfinite(result)):
        return "=" if written == result or (math.isnan(written) and math.isnan(result)) else "≈"
    return "=" if shown_value(rounded_text(written, digits)) == shown_value(rounded_text(result, digits)) else "≈"


def rounding(digits: int | str = DEFAULT_DIGITS) -> Callable[[float], str]:
    """``rounded_text`` at ``digits``, as one function of the value (what the chain's LaTeX writer takes)."""
    return lambda value: rounded_text(value, digits)
