"""JavaScript's Math.sin, cos, exp, log and tanh, as the reference runs' V8 computes them.

V8 (11.3, Node 20) computes these with its ports of fdlibm, Sun Microsystems' freely
distributable math library (Copyright (C) 1993 by Sun Microsystems, Inc.; "Permission to use,
copy, modify, and distribute this software is freely granted, provided that this notice is
preserved"). The C library's functions differ from them by one unit in the last place on a few
percent of inputs, and a deep tanh net grows that difference until the losses part. The
functions here follow fdlibm's algorithms step for step — the same polynomial coefficients,
the same argument reduction, the same order of every operation — written as NumPy array code:
each branch of the C code is computed for the elements it applies to and chosen with a mask.
IEEE-754 double arithmetic is deterministic without fused multiply-adds, which NumPy's
element-wise operators never use, so the results are V8's doubles; tools/playground_harness
checks that on millions of inputs against Node.

Bound: sin and cos reduce the argument with fdlibm's small and medium-size paths, exact for
``|x| <= 2**19 * pi/2`` (about 823 550); beyond that fdlibm needs its multi-precision
reduction, which is not ported, and the C library's value is used (it may differ by an ulp).
Playground's arguments stay far inside (|x| < 100).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]


def _d(bits: int) -> float:
    """A double from its 64-bit pattern: the constants exactly as fdlibm writes them in hex."""
    return float(np.array(bits, dtype=np.uint64).view(np.float64))


def _high(x: Array) -> NDArray[np.int64]:
    """The high 32-bit word, signed as fdlibm's int32_t reads it."""
    high = (x.view(np.uint64) >> np.uint64(32)).astype(np.int64)
    return np.where(high >= 2**31, high - 2**32, high)


def _from_high(high: NDArray[np.int64]) -> Array:
    """INSERT_WORDS(d, high, 0)."""
    return ((high & 0xFFFFFFFF).astype(np.uint64) << np.uint64(32)).view(np.float64)


def _as_array(x: Any) -> Array:
    return np.array(x, dtype=np.float64, ndmin=1)


# --- sin and cos -----------------------------------------------------------------------------

_S1, _S2, _S3 = _d(0xBFC5555555555549), _d(0x3F8111111110F8A6), _d(0xBF2A01A019C161D5)
_S4, _S5, _S6 = _d(0x3EC71DE357B1FE7D), _d(0xBE5AE5E68A2B9CEB), _d(0x3DE5D93A5ACFD57C)
_C1, _C2, _C3 = _d(0x3FA555555555554C), _d(0xBF56C16C16C15177), _d(0x3EFA01A019CB1590)
_C4, _C5, _C6 = _d(0xBE927E4F809C52AD), _d(0x3E21EE9EBDB4B1C4), _d(0xBDA8FAE9BE8838D4)
_INVPIO2 = _d(0x3FE45F306DC9C883)
_PIO2_1, _PIO2_1T = _d(0x3FF921FB54400000), _d(0x3DD0B4611A626331)
_PIO2_2, _PIO2_2T = _d(0x3DD0B4611A600000), _d(0x3BA3198A2E037073)
_PIO2_3, _PIO2_3T = _d(0x3BA3198A2E000000), _d(0x397B839A252049C1)
_NPIO2_HW = np.array(
    [
        0x3FF921FB, 0x400921FB, 0x4012D97C, 0x401921FB, 0x401F6A7A, 0x4022D97C, 0x4025FDBB, 0x402921FB,
        0x402C463A, 0x402F6A7A, 0x4031475C, 0x4032D97C, 0x40346B9C, 0x4035FDBB, 0x40378FDB, 0x403921FB,
        0x403AB41B, 0x403C463A, 0x403DD85A, 0x403F6A7A, 0x40407E4C, 0x4041475C, 0x4042106C, 0x4042D97C,
        0x4043A28C, 0x40446B9C, 0x404534AC, 0x4045FDBB, 0x4046C6CB, 0x40478FDB, 0x404858EB, 0x404921FB,
    ],
    dtype=np.int64,
)  # fmt: skip


def _kernel_sin(x: Array, y: Array, iy_zero: NDArray[np.bool_]) -> Array:
    """__kernel_sin(x, y, iy) on |x| <= pi/4; ``iy_zero`` where fdlibm passes iy = 0."""
    z = x * x
    v = z * x
    r = _S2 + z * (_S3 + z * (_S4 + z * (_S5 + z * _S6)))
    with_tail = x - ((z * (0.5 * y - v * r) - y) - v * _S1)
    result = np.where(iy_zero, x + v * (_S1 + z * r), with_tail)
    tiny = (_high(x) & 0x7FFFFFFF) < 0x3E400000  # |x| < 2**-27: x itself
    return np.where(tiny, x, result)


def _kernel_cos(x: Array, y: Array) -> Array:
    """__kernel_cos(x, y) on |x| <= pi/4."""
    ix = _high(x) & 0x7FFFFFFF
    z = x * x
    r = z * (_C1 + z * (_C2 + z * (_C3 + z * (_C4 + z * (_C5 + z * _C6)))))
    small = 1.0 - (0.5 * z - (z * r - x * y))
    qx = np.where(ix > 0x3FE90000, 0.28125, _from_high(ix - 0x00200000))
    large = (1.0 - qx) - ((0.5 * z - qx) - (z * r - x * y))
    result = np.where(ix < 0x3FD33333, small, large)
    return np.where(ix < 0x3E400000, 1.0, result)


def _rem_pio2(x: Array) -> tuple[NDArray[np.int64], Array, Array]:
    """__ieee754_rem_pio2 for |x| <= 2**19 * pi/2: (n, y0, y1) with x - n*pi/2 = y0 + y1."""
    hx = _high(x)
    ix = hx & 0x7FFFFFFF
    positive = hx > 0
    # |x| <= pi/4: no reduction
    n = np.zeros(x.shape, dtype=np.int64)
    y0 = x.copy()
    y1 = np.zeros_like(x)
    # |x| < 3pi/4: n = +-1 with 33+53 bits of pi/2 (33+33+53 next to pi/2)
    near = ix == 0x3FF921FB
    sign = np.where(positive, 1.0, -1.0)
    z = x - sign * _PIO2_1
    z = np.where(near, z - sign * _PIO2_2, z)
    tail = np.where(near, _PIO2_2T, _PIO2_1T)
    s0 = z - sign * tail
    s1 = (z - s0) - sign * tail
    small = (ix > 0x3FE921FB) & (ix < 0x4002D97C)
    n = np.where(small, np.where(positive, 1, -1), n)
    y0 = np.where(small, s0, y0)
    y1 = np.where(small, s1, y1)
    # medium size: n = round(|x| * 2/pi), up to three rounds of pi/2's bits
    medium = (ix >= 0x4002D97C) & (ix <= 0x413921FB)
    t = np.abs(x)
    m = np.where(medium, (t * _INVPIO2 + 0.5), 0.0).astype(np.int64)
    fn = m.astype(np.float64)
    r = t - fn * _PIO2_1
    w = fn * _PIO2_1T
    m0 = r - w
    quick = (m < 32) & (ix != _NPIO2_HW[np.clip(m - 1, 0, 31)])
    j = ix >> 20
    second = ~quick & (j - ((_high(m0) >> 20) & 0x7FF) > 16)
    t2 = r
    w2 = fn * _PIO2_2
    r2 = t2 - w2
    w2 = fn * _PIO2_2T - ((t2 - r2) - w2)
    m0_2 = r2 - w2
    third = second & (j - ((_high(m0_2) >> 20) & 0x7FF) > 49)
    t3 = r2
    w3 = fn * _PIO2_3
    r3 = t3 - w3
    w3 = fn * _PIO2_3T - ((t3 - r3) - w3)
    m0_3 = r3 - w3
    r = np.where(third, r3, np.where(second, r2, r))
    w = np.where(third, w3, np.where(second, w2, w))
    m0 = np.where(third, m0_3, np.where(second, m0_2, m0))
    m1 = (r - m0) - w
    flip = np.where(positive, 1.0, -1.0)
    n = np.where(medium, np.where(positive, m, -m), n)
    y0 = np.where(medium, flip * m0, y0)
    y1 = np.where(medium, flip * m1, y1)
    return n, y0, y1


_LARGE = 0x413921FB  # above this fdlibm's multi-precision reduction would be needed
TRIG_BOUND = float(_from_high(np.array([_LARGE + 1]))[0])  # sin and cos are V8's for |x| below this


def _trig(x: Any, cosine: bool) -> Array:
    x = _as_array(x)
    with np.errstate(all="ignore"):  # inf and NaN flow through the unused branches
        return _trig_branches(x, cosine)


def _trig_branches(x: Array, cosine: bool) -> Array:
    n, y0, y1 = _rem_pio2(x)
    ix = _high(x) & 0x7FFFFFFF
    no_reduction = ix <= 0x3FE921FB
    iy_zero = np.zeros(x.shape, dtype=bool) | no_reduction
    ks = _kernel_sin(y0, y1, iy_zero)
    kc = _kernel_cos(y0, y1)
    quadrant = (n & 3) if not cosine else ((n + 1) & 3)  # cos(x) = sin(x + pi/2)
    result = np.select([quadrant == 0, quadrant == 1, quadrant == 2], [ks, kc, -ks], -kc)
    if cosine:
        result = np.where(no_reduction, _kernel_cos(x, np.zeros_like(x)), result)
    result = np.where(ix >= 0x7FF00000, np.nan, result)
    large = (ix > _LARGE) & (ix < 0x7FF00000)
    if large.any():
        fallback = math.cos if cosine else math.sin
        result[large] = [fallback(v) for v in x[large]]
    return result


def sin_array(x: Any) -> Array:
    """Math.sin element-wise (fdlibm's sin: reduce by pi/2, then the kernel of the quadrant)."""
    return _trig(x, cosine=False)


def cos_array(x: Any) -> Array:
    """Math.cos element-wise."""
    return _trig(x, cosine=True)


def sin(x: float) -> float:
    return float(sin_array(x)[0])


def cos(x: float) -> float:
    return float(cos_array(x)[0])


# --- exp ----------------------------------------------------------------------------------------

_LN2_HI, _LN2_LO = _d(0x3FE62E42FEE00000), _d(0x3DEA39EF35793C76)
_INVLN2 = _d(0x3FF71547652B82FE)
_P1, _P2, _P3 = _d(0x3FC555555555553E), _d(0xBF66C16C16BEBD93), _d(0x3F11566AAF25DE2C)
_P4, _P5 = _d(0xBEBBBD41C5D26BF1), _d(0x3E66376972BEA4D0)
_O_THRESHOLD = _d(0x40862E42FEFA39EF)  # 709.78...
_U_THRESHOLD = _d(0xC0874910D52D3051)  # -745.13...


def _scale(y: Array, k: NDArray[np.int64]) -> Array:
    """y * 2**k as fdlibm does it (two steps below 2**-1021, so that subnormals round once)."""
    normal = k >= -1021
    twopk = _from_high(0x3FF00000 + (np.where(normal, k, k + 1000) << 20))
    scaled = y * twopk
    return np.where(normal, scaled, scaled * _d(0x0170000000000000))  # 2**-1000


def exp_array(x: Any) -> Array:
    """Math.exp element-wise: x = k ln2 + r, a rational approximation of e**r, times 2**k."""
    x = _as_array(x)
    with np.errstate(all="ignore"):
        return _exp_branches(x)


def _exp_branches(x: Array) -> Array:
    hx = _high(x)
    negative = hx < 0
    ix = hx & 0x7FFFFFFF
    one_step = (ix > 0x3FD62E42) & (ix < 0x3FF0A2B2)  # 0.5 ln2 < |x| < 1.5 ln2: k = +-1
    reduce = ix > 0x3FD62E42
    k_many = (_INVLN2 * x + np.where(negative, -0.5, 0.5)).astype(np.int64) if x.size else np.zeros(0, np.int64)
    with np.errstate(invalid="ignore"):
        k = np.where(reduce, np.where(one_step, np.where(negative, -1, 1), k_many), 0)
    k = np.where(ix >= 0x40862E42, 0, k)  # handled below; keeps the shifts in range
    t = k.astype(np.float64)
    hi = np.where(one_step, x - np.where(negative, -_LN2_HI, _LN2_HI), x - t * _LN2_HI)
    lo = np.where(one_step, np.where(negative, -_LN2_LO, _LN2_LO), t * _LN2_LO)
    r = np.where(reduce, hi - lo, x)
    t = r * r
    c = r - t * (_P1 + t * (_P2 + t * (_P3 + t * (_P4 + t * _P5))))
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        unscaled = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi)
        result = np.where(k == 0, 1.0 - ((r * c) / (c - 2.0) - r), _scale(unscaled, k))
        result = np.where(k == 1024, unscaled * 2.0 * _d(0x7FE0000000000000), result)
    result = np.where(ix < 0x3E300000, 1.0 + x, result)  # |x| < 2**-28
    result = np.where(x == 1.0, math.e, result)  # V8 returns Math.E for exp(1), as measured
    big = ix >= 0x40862E42
    edge = np.where(x > _O_THRESHOLD, np.inf, np.where(x < _U_THRESHOLD, 0.0, np.nan))
    if big.any():  # |x| >= 709.78: overflow, underflow, or the ordinary path with k = +-1023/1024
        ordinary = big & np.isnan(edge) & ~np.isnan(x)
        if ordinary.any():
            result[ordinary] = [_exp_near_limits(v) for v in x[ordinary]]
        result = np.where(big & ~ordinary, np.where(np.isnan(x), x, edge), result)
        result = np.where(np.isinf(x), np.where(x > 0, np.inf, 0.0), result)
    return result


def _exp_near_limits(x: float) -> float:
    """fdlibm's exp for 709.78 <= |x| within the thresholds (k near +-1024), one at a time."""
    k = int(_INVLN2 * x + (-0.5 if x < 0 else 0.5))
    hi = x - k * _LN2_HI
    lo = k * _LN2_LO
    r = hi - lo
    t = r * r
    c = r - t * (_P1 + t * (_P2 + t * (_P3 + t * (_P4 + t * _P5))))
    y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi)
    if k == 1024:
        return y * 2.0 * _d(0x7FE0000000000000)
    return float(_scale(np.array([y]), np.array([k]))[0])


def exp(x: float) -> float:
    return float(exp_array(x)[0])


# --- log ----------------------------------------------------------------------------------------

_LG1, _LG2, _LG3 = _d(0x3FE5555555555593), _d(0x3FD999999997FA04), _d(0x3FD2492494229359)
_LG4, _LG5, _LG6 = _d(0x3FCC71C51D8E78AF), _d(0x3FC7466496CB03DE), _d(0x3FC39A09D078C69F)
_LG7 = _d(0x3FC2F112DF3E5244)
_TWO54 = _d(0x4350000000000000)


def log_array(x: Any) -> Array:
    """Math.log element-wise: x = 2**k (1 + f) with 1 + f in [sqrt(2)/2, sqrt(2)), log(1+f) by s = f/(2+f)."""
    x = _as_array(x)
    with np.errstate(all="ignore"):
        return _log_branches(x)


def _log_branches(x: Array) -> Array:
    original = x
    hx = _high(x)
    k = np.zeros(x.shape, dtype=np.int64)
    subnormal = (hx < 0x00100000) & (hx >= 0) & (x != 0)
    x = np.where(subnormal, x * _TWO54, x)
    k = np.where(subnormal, k - 54, k)
    hx = np.where(subnormal, _high(x), hx)
    k = k + ((hx >> 20) - 1023)
    hx = hx & 0x000FFFFF
    i = (hx + 0x95F64) & 0x100000
    low = x.view(np.uint64) & np.uint64(0xFFFFFFFF)
    xn = (((hx | (i ^ 0x3FF00000)) & 0xFFFFFFFF).astype(np.uint64) << np.uint64(32) | low).view(np.float64)
    k = k + (i >> 20)
    f = xn - 1.0
    dk = k.astype(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        # -2**-20 <= f < 2**-20
        tiny_r = f * f * (0.5 - 0.33333333333333333 * f)
        tiny = np.where(
            f == 0.0,
            np.where(k == 0, 0.0, dk * _LN2_HI + dk * _LN2_LO),
            np.where(k == 0, f - tiny_r, dk * _LN2_HI - ((tiny_r - dk * _LN2_LO) - f)),
        )
        s = f / (2.0 + f)
        z = s * s
        w = z * z
        t1 = w * (_LG2 + w * (_LG4 + w * _LG6))
        t2 = z * (_LG1 + w * (_LG3 + w * (_LG5 + w * _LG7)))
        big_i = ((hx - 0x6147A) | (0x6B851 - hx)) > 0
        r = t2 + t1
        hfsq = 0.5 * f * f
        with_hfsq = np.where(k == 0, f - (hfsq - s * (hfsq + r)), dk * _LN2_HI - ((hfsq - (s * (hfsq + r) + dk * _LN2_LO)) - f))
        without = np.where(k == 0, f - s * (f - r), dk * _LN2_HI - ((s * (f - r) - dk * _LN2_LO) - f))
        result = np.where((0x000FFFFF & (2 + hx)) < 3, tiny, np.where(big_i, with_hfsq, without))
    result = np.where(original == 0, -np.inf, result)
    result = np.where(original < 0, np.nan, result)
    result = np.where(np.isinf(original) & (original > 0), np.inf, result)
    return np.where(np.isnan(original), original, result)


def log(x: float) -> float:
    return float(log_array(x)[0])


# --- expm1 and tanh -----------------------------------------------------------------------------

_Q1, _Q2, _Q3 = _d(0xBFA11111111110F4), _d(0x3F5A01A019FE5585), _d(0xBF14CE199EAADBB7)
_Q4, _Q5 = _d(0x3ED0CFCA86E65239), _d(0xBE8AFDB76E09C32D)


def _expm1(x: Array) -> Array:
    """fdlibm's expm1 for |x| < 56 ln2 (all tanh asks of it: |x| < 44, negative only above -2)."""
    hx = _high(x)
    negative = hx < 0
    ix = hx & 0x7FFFFFFF
    reduce = ix > 0x3FD62E42
    one_step = reduce & (ix < 0x3FF0A2B2)
    k_many = (_INVLN2 * x + np.where(negative, -0.5, 0.5)).astype(np.int64)
    k = np.where(reduce, np.where(one_step, np.where(negative, -1, 1), k_many), 0)
    t = k.astype(np.float64)
    hi = np.where(one_step, x - np.where(negative, -_LN2_HI, _LN2_HI), x - t * _LN2_HI)
    lo = np.where(one_step, np.where(negative, -_LN2_LO, _LN2_LO), t * _LN2_LO)
    r = np.where(reduce, hi - lo, x)
    c = np.where(reduce, (hi - r) - lo, 0.0)
    hfx = 0.5 * r
    hxs = r * hfx
    r1 = 1.0 + hxs * (_Q1 + hxs * (_Q2 + hxs * (_Q3 + hxs * (_Q4 + hxs * _Q5))))
    t = 3.0 - r1 * hfx
    e = hxs * ((r1 - t) / (6.0 - r * t))
    plain = r - (r * e - hxs)
    e = r * (e - c) - c
    e = e - hxs
    twopk = _from_high(0x3FF00000 + (np.clip(k, -1022, 1023) << 20))
    minus_one = 0.5 * (r - e) - 0.5
    plus_one = np.where(r < -0.25, -2.0 * (e - (r + 0.5)), 1.0 + 2.0 * (r - e))
    extreme = (1.0 - (e - r)) * twopk - 1.0
    kk = np.clip(k, 0, 62)
    t_low = _from_high(0x3FF00000 - (0x200000 >> np.clip(kk, 0, 20)))  # 1 - 2**-k, k < 20
    low_k = (t_low - (e - r)) * twopk
    t_high = _from_high((0x3FF - kk) << 20)  # 2**-k, k >= 20
    high_k = ((r - (e + t_high)) + 1.0) * twopk
    result = np.select(
        [k == 0, k == -1, k == 1, (k <= -2) | (k > 56), k < 20],
        [plain, minus_one, plus_one, extreme, low_k],
        high_k,
    )
    tiny = ix < 0x3C900000  # |x| < 2**-54: x itself
    return np.where(tiny, x, result)


_TANH_TINY = 2.0**-28  # below: tanh(x) is x
_TANH_ONE = 19.5  # tanh is 1.0 in doubles from 19.07 on (2/(e**(2x) + 1) < 2**-54): fdlibm's too


def _c(value: float) -> Array:
    """A constant as a 0-d array: NumPy takes it as an operand faster than a Python float."""
    return np.array(value, dtype=np.float64)


_ONE, _TWO, _THREE, _SIX, _HALF = _c(1.0), _c(2.0), _c(3.0), _c(6.0), _c(0.5)


def _expm1_k(a: float) -> int:
    """fdlibm's k (the power of two expm1 splits off) for tanh's argument: expm1(+-2a), + from a >= 1."""
    u = a + a if a >= 1.0 else -(a + a)
    high = int(np.array(abs(u)).view(np.uint64)) >> 32
    if high <= 0x3FD62E42:  # |u| <= 0.5 ln2: no reduction
        return 0
    if high < 0x3FF0A2B2:  # |u| < 1.5 ln2: k = +-1
        return 1 if u > 0 else -1
    return int(_INVLN2 * u + (0.5 if u > 0 else -0.5))


# tanh's classes, in increasing |x|: each a value of expm1's k (k <= 0 for |x| < 1, k >= 3 above)
_TANH_K = (0, -1, -2, -3, *range(3, 57))


def _class_starts() -> Array:
    """The least double |x| of each class after the first, by bisection on the bit patterns (k grows with |x|)."""
    rank = {k: index for index, k in enumerate(_TANH_K)}
    lowest, highest = (int(np.array(v).view(np.int64)) for v in (_TANH_TINY, _TANH_ONE))
    starts = []
    for target in range(1, len(_TANH_K)):
        low, high = lowest, highest
        while high - low > 1:
            middle = (low + high) // 2
            if rank[_expm1_k(float(np.array(middle).view(np.float64)))] >= target:
                high = middle
            else:
                low = middle
        starts.append(float(np.array(high).view(np.float64)))
    return np.array(starts)


def _class_table() -> Array:
    """Per class, the constants that make fdlibm's branches one formula (see :func:`tanh_array`)."""
    rows = []
    for k in _TANH_K:
        small = k <= 0
        scale = 2.0**k
        if k == 0:
            add, times, shift = 0.0, 1.0, 0.0  # r - (r e - hxs), with h = r - e2
        elif k == -1:
            add, times, shift = -1.0, 0.5, 0.0  # 0.5 (r - e2) - 0.5 = (h - 1) / 2
        elif k < 0:
            add, times, shift = 1.0, scale, -1.0  # (1 - (e2 - r)) 2**k - 1
        elif k < 20:
            add, times, shift = 1.0 - 2.0**-k, scale, 0.0  # ((1 - 2**-k) - (e2 - r)) 2**k
        else:
            add, times, shift = 1.0, scale, 0.0  # ((r - (e2 + 2**-k)) + 1) 2**k
        rows.append(
            (
                -2.0 if small else 2.0,  # u = +-2|x|
                k * _LN2_HI,  # hi = u - k ln2_hi (exact)
                k * _LN2_LO,  # lo = k ln2_lo
                2.0**-k if k >= 20 else 0.0,  # added to e2
                add,
                times,
                shift,
                1.0 if small else 0.0,  # tanh's numerator: y (|x| < 1) or -2 (|x| >= 1)
                0.0 if small else -2.0,
                0.0 if small else 1.0,  # and what is added after the division
            )
        )
    return np.array(rows).T.copy()


_TANH_CAP = _c(_TANH_ONE)
_STARTS = _class_starts()
_TABLE = _class_table()
_TABLE_ROWS = _TABLE.shape[0]
_Q = tuple(_c(q) for q in (_Q5, _Q4, _Q3, _Q2, _Q1))

_SCRATCH: dict[tuple[int, ...], tuple[Array, ...]] = {}  # tanh's working arrays, by shape


def _scratch(shape: tuple[int, ...]) -> tuple[Array, ...]:
    arrays = _SCRATCH.get(shape)
    if arrays is None:
        if len(_SCRATCH) >= 16:  # training asks for a handful of shapes; anything else is passing
            _SCRATCH.clear()
        constants = np.empty((_TABLE_ROWS, *shape))
        arrays = _SCRATCH[shape] = (constants, *constants, *(np.empty(shape) for _ in range(7)))  # the rows' views made once
    return arrays


def tanh_array(x: Any, out: Array | None = None) -> Array:
    """Math.tanh element-wise (into ``out`` when given), by fdlibm's route through expm1.

    Training calls this on a few dozen values at a time, thousands of times an epoch, so the
    time is NumPy's cost per call, and the usual inputs (|x| >= 2**-28, not NaN) take some 45
    array operations, each writing into a working array kept for the shape. fdlibm's tanh is
    expm1(u), u = 2|x| (|x| >= 1) or -2|x|, then a quotient; expm1 reduces u by k ln2 and ends
    in one of five formulas chosen by k. Here |x| (capped at 19.5, where fdlibm's tanh is
    already 1.0, as it stays up to its own cut at 22) is sorted into its class of k by the least
    |x| of each class, and one lookup brings the class's constants: u's sign, k ln2_hi, k ln2_lo,
    and those that turn every one of the five last steps and both quotients into one formula,
    ``y = ((r - (e2 + g)) + a) m + s`` and ``(n1 y + n2) / (y + 2) + n3``, where each constant
    is 0, 1 or -1 or a power of two, or equals fdlibm's own, where it does not apply: so every
    operation rounds as fdlibm's does. Tiny values and NaN take the branch-by-branch port.
    """
    if not (isinstance(x, np.ndarray) and x.dtype == np.float64 and x.ndim):
        x = _as_array(x)
    if x.size:
        constants, sign, k_hi, k_lo, g, h_add, h_times, h_shift, n1, n2, n3, a, hi, r, c, hfx, hxs, t = _scratch(x.shape)
        np.absolute(x, a)
        smallest = np.minimum.reduce(a, None)
    if not x.size or not smallest >= _TANH_TINY:
        with np.errstate(all="ignore"):
            slow = _tanh_branches(x)
        if out is None:
            return slow
        out[...] = slow
        return out
    mul, add, sub = np.multiply, np.add, np.subtract
    np.minimum(a, _TANH_CAP, out=a)
    _TABLE.take(_STARTS.searchsorted(a, "right"), 1, constants, "clip")  # the methods: no wrapper; clip: no bounds check
    mul(a, sign, hi)  # u
    sub(hi, k_hi, hi)  # hi = u - k ln2_hi
    sub(hi, k_lo, r)  # r = hi - lo
    sub(hi, r, c)
    sub(c, k_lo, c)  # c = (hi - r) - lo
    mul(_HALF, r, hfx)
    mul(r, hfx, hxs)
    q5, q4, q3, q2, q1 = _Q
    mul(hxs, q5, t)
    add(t, q4, t)
    mul(t, hxs, t)
    add(t, q3, t)
    mul(t, hxs, t)
    add(t, q2, t)
    mul(t, hxs, t)
    add(t, q1, t)
    mul(t, hxs, t)
    add(t, _ONE, t)  # r1
    mul(t, hfx, a)
    sub(_THREE, a, a)  # t = 3 - r1 hfx
    sub(t, a, t)  # r1 - t
    mul(r, a, a)
    sub(_SIX, a, a)
    np.divide(t, a, t)
    mul(hxs, t, t)  # e = hxs ((r1 - t) / (6 - r t))
    sub(t, c, t)
    mul(r, t, t)
    sub(t, c, t)
    sub(t, hxs, t)  # e2 = (r (e - c) - c) - hxs
    add(t, g, t)
    sub(r, t, t)
    add(t, h_add, t)
    mul(t, h_times, t)
    add(t, h_shift, t)  # y = expm1(u)
    add(t, _TWO, a)
    mul(t, n1, t)
    add(t, n2, t)
    np.divide(t, a, t)
    add(t, n3, t)  # y / (y + 2) or 1 - 2 / (y + 2): |tanh|
    result: Array = np.copysign(t, x, np.empty(x.shape) if out is None else out)
    return result


def _tanh_branches(x: Array) -> Array:
    hx = _high(x)
    ix = hx & 0x7FFFFFFF
    a = np.abs(x)
    inner = np.where(a < 22, a, 0.0)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        up = _expm1(2.0 * inner)
        above_one = 1.0 - 2.0 / (up + 2.0)
        down = _expm1(-2.0 * inner)
        below_one = -down / (down + 2.0)
    z = np.where(ix >= 0x3FF00000, above_one, below_one)
    z = np.where(ix < 0x3E300000, a, z)  # |x| < 2**-28: x itself
    z = np.where(ix >= 0x40360000, 1.0, z)  # |x| >= 22: 1 - tiny
    result = np.where(hx < 0, -z, z)
    result = np.where(ix < 0x3E300000, x, result)  # keeps -0
    return np.where(np.isnan(x), x, result)


def tanh(x: float) -> float:
    return float(tanh_array(x)[0])
