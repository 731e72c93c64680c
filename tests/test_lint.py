"""Kept clean as it grows: ruff's checks (pycodestyle, pyflakes, bugbear, simplify, pyupgrade) and its formatter."""

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    result = subprocess.run([ruff, "check", "bpstudio", "tests", "benchmarks"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_changes_nothing():
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    result = subprocess.run(
        [ruff, "format", "--check", "bpstudio", "tests", "benchmarks", "tools"], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, "run `ruff format bpstudio tests benchmarks tools`:\n" + result.stdout + result.stderr
