"""JavaScript's Math functions as the reference runs' V8 computes them.

V8's sin, cos, exp and log are ports of fdlibm; the C library's differ from them by one unit
in the last place on a few percent of inputs (measured on 200 000 inputs in [-12, 12]: sin
3.5 %, cos 3.2 %, exp 9.5 %, log 6.7 %), and tanh agrees with glibc's everywhere measured.
Until fdlibm's routines are ported here, these are the C library's: points made with them
agree with Playground's to one ulp, not bit for bit.
"""

from __future__ import annotations

import math

import numpy as np

sin = math.sin
cos = math.cos
log = math.log


def tanh_array(x: np.ndarray) -> np.ndarray:
    """Element-wise tanh; glibc's tanh agreed with V8's on every input measured."""
    return np.fromiter(map(math.tanh, x.ravel()), dtype=float, count=x.size).reshape(x.shape)


def exp_array(x: np.ndarray) -> np.ndarray:
    return np.fromiter(map(math.exp, x.ravel()), dtype=float, count=x.size).reshape(x.shape)
