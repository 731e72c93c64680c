"""JavaScript's Math.sin/cos/exp/log/tanh as V8 computes them, from our fdlibm ports (issue 29).

tests/fixtures/js_math_cases.json holds inputs and the outputs Node 20 (V8 11.3) gave for them,
written by tools/playground_harness/compare_js_math.py: every edge case (0, -0, subnormals,
huge values, inf, NaN, multiples of pi/2 and of ln2/2 with their neighbours) and random inputs on
which the C library's result is not V8's. The full check (over a million inputs a function)
runs against Node itself in that script.
"""

from __future__ import annotations

import base64
import contextlib
import json
import math
from pathlib import Path

import numpy as np
import pytest

from bpstudio.engine.playground import js_math

CASES = {
    name: (np.frombuffer(base64.b64decode(case["x"]), "<f8"), np.frombuffer(base64.b64decode(case["v8"]), "<f8"))
    for name, case in json.loads((Path(__file__).parent / "fixtures" / "js_math_cases.json").read_text())["cases"].items()
}
PORTS = {"sin": js_math.sin_array, "cos": js_math.cos_array, "exp": js_math.exp_array, "log": js_math.log_array, "tanh": js_math.tanh_array}


@pytest.mark.parametrize("name", sorted(PORTS))
def test_every_case_is_v8s_double_bit_for_bit(name):
    x, expected = CASES[name]
    whole = PORTS[name](x)  # with inf and NaN among them: the branch-by-branch ports
    pieces = np.concatenate([PORTS[name](x[i : i + 16]) for i in range(0, x.size, 16)])  # mostly the quick paths
    for ours in (whole, pieces):
        same = (ours.view(np.uint64) == expected.view(np.uint64)) | (np.isnan(ours) & np.isnan(expected))
        assert same.all(), [(x[i], expected[i], ours[i]) for i in np.flatnonzero(~same)[:5]]


@pytest.mark.parametrize("name", sorted(PORTS))
def test_the_cases_include_inputs_where_the_c_library_is_not_v8(name):
    """Otherwise the fixture would not tell the ports from math.sin and friends."""
    libc = getattr(math, name)
    differs = 0
    for x, v8 in zip(*CASES[name], strict=True):
        with contextlib.suppress(ValueError, OverflowError):  # math raises where JavaScript gives inf/NaN
            differs += libc(float(x)) != v8 and not math.isnan(v8)
    assert differs >= 100


def test_scalars_and_signed_zero_follow_the_arrays():
    assert math.copysign(1, js_math.sin(-0.0)) == -1 and math.copysign(1, js_math.tanh(-0.0)) == -1
    assert js_math.cos(0.0) == 1.0 and js_math.exp(0.0) == 1.0 and js_math.log(1.0) == 0.0
    assert js_math.exp(1.0) == math.e  # V8's Math.exp(1) is Math.E
    assert js_math.sin_array(np.zeros((2, 3))).shape == (2, 3)
