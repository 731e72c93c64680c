"""Kept typed as it grows: mypy over the package, strict on the engine, control and the CLI (pyproject's [tool.mypy])."""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parent.parent


# The annotations are written against NumPy 2.3+'s stubs (an ndarray's type arguments have defaults);
# Python 3.10's newest NumPy is 2.2, so there the check would report stub differences, not code faults.
OLD_NUMPY_STUBS = tuple(int(part) for part in np.__version__.split(".")[:2]) < (2, 3)


@pytest.mark.skipif(OLD_NUMPY_STUBS, reason="mypy checks against NumPy 2.3+'s stubs (Python 3.11+)")
def test_mypy_finds_nothing():
    result = subprocess.run([sys.executable, "-m", "mypy", "bpstudio"], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
