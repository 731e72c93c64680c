"""Kept typed as it grows: mypy over the package, strict on the engine, control and the CLI (pyproject's [tool.mypy])."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_mypy_finds_nothing():
    result = subprocess.run([sys.executable, "-m", "mypy", "bpstudio"], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
