"""The installed program, started the way a user starts it.

One run on the offscreen platform, and one on the real xcb platform under
Xvfb: offscreen hides missing system libraries, xcb does not.
"""

import os
import shutil
import struct

import pytest
from conftest import bpstudio_command, run_bpstudio


def png_size(path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_smoke_test_offscreen(tmp_path):
    shot = tmp_path / "window.png"
    result = run_bpstudio(
        "--smoke-test", "--screenshot", str(shot), "--iterations", "100", env={"QT_QPA_PLATFORM": "offscreen"}, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "platform offscreen" in result.stdout and "saved" in result.stdout
    width, height = png_size(shot)
    assert width >= 1000 and height >= 600


@pytest.mark.xvfb
def test_smoke_test_on_xcb_under_xvfb(tmp_path):
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        if os.environ.get("CI"):
            pytest.fail("xvfb-run is missing; .ci/run should have installed the xvfb package")
        pytest.skip("xvfb-run is not installed (apt-get install xvfb)")
    import subprocess

    shot = tmp_path / "window.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    env.pop("DISPLAY", None)
    result = subprocess.run(
        [
            xvfb_run,
            "-a",
            "-s",
            "-screen 0 1366x768x24",
            *bpstudio_command(),
            "--smoke-test",
            "--screenshot",
            str(shot),
            "--iterations",
            "100",
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "platform xcb" in result.stdout
    assert png_size(shot)[0] >= 1000


def test_opens_a_session_file_given_on_the_command_line(tmp_path):
    session = tmp_path / "class.bpstudio"
    # a finished 40-iteration run: the studio opens it at iteration 40, stopped at max_iter
    assert run_bpstudio("train", "--max-iter", "40", "--save", str(session), "--quiet").returncode == 0
    shot = tmp_path / "window.png"
    result = run_bpstudio(
        str(session), "--smoke-test", "--screenshot", str(shot), "--iterations", "60", env={"QT_QPA_PLATFORM": "offscreen"}, timeout=120
    )
    assert result.returncode == 0, result.stderr
    iteration = int(result.stdout.split("iteration ")[1].split(",")[0])
    assert iteration == 40
