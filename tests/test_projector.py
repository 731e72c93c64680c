"""The lecture on a projector, on a real display with a window manager: what the back row can read.

At 1366×768 every digit of the diagram and of the typeset chain is at least
14 px tall and the diagram keeps 330 px of height on every phase of a walk and
in the softmax lesson; at 1920×1080, 18 px and 480 px (issue 24).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def run_walk(screen: str, language: str) -> dict:
    xvfb_run, openbox = shutil.which("xvfb-run"), shutil.which("openbox")
    if xvfb_run is None or openbox is None:
        if os.environ.get("CI"):
            pytest.fail("xvfb-run or openbox is missing; .ci/run installs the xvfb and openbox packages")
        pytest.skip("xvfb-run and openbox are needed (apt-get install xvfb openbox)")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "BPSTUDIO_TRAINER": "thread"}
    env.pop("DISPLAY", None)
    env["XDG_CONFIG_HOME"] = str(Path(os.environ["XDG_CONFIG_HOME"]) / f"projector-{screen}-{language}")  # a first start
    script = f"{openbox} >/dev/null 2>&1 & sleep 0.5; exec {sys.executable} {HERE / 'projector_walk.py'} {language}"
    result = subprocess.run(
        [xvfb_run, "-a", "-s", f"-screen 0 {screen}x24", "bash", "-c", script],
        capture_output=True,
        text=True,
        timeout=240,
        env=env,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.xvfb
@pytest.mark.parametrize(
    ("screen", "language", "digit", "height"),
    [("1366x768", "en", 14, 330), ("1366x768", "zh_CN", 14, 330), ("1920x1080", "en", 18, 480)],
)
def test_every_phase_and_the_softmax_lesson_are_readable_from_the_back_row(screen, language, digit, height):
    report = run_walk(screen, language)
    assert report["screen"] == [int(n) for n in screen.split("x")]
    first = report["first_start"]  # a first start: the window, its frame and its status bar on the screen
    x, y, w, h = first["free"]
    fx, fy, fw, fh = first["frame"]
    assert first["status_bar_visible"] and first["status_bar_bottom"] < y + h, first
    assert x <= fx and y <= fy and fx + fw <= x + w and fy + fh <= y + h, first
    assert report["digit_px"] == digit  # the automatic presentation size for this screen
    moments = report["moments"]
    assert [m["moment"] for m in moments] == ["presentation", *(f"phase {k}" for k in range(1, 7)), "softmax lesson"]
    assert len({m["banner"] for m in moments[1:7]}) == 6  # six different phases were shown
    for moment in moments:
        name = moment["moment"]
        assert moment["viewport"][1] >= height, (name, moment["viewport"])
        text, cap = moment["smallest_text"]
        assert cap >= digit - 0.01, (name, text, cap)
        assert moment["texts"] >= 20, name  # node names, values, tags: the diagram's words were measured
        assert moment["formula_median"] >= digit, (name, moment["formula_median"])
