"""Starting the window where it cannot open: one line with the remedy, exit 2."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_bpstudio

from bpstudio.qt.shell.display_check import NO_DISPLAY, XCB_LIBRARIES, display_answers, startup_problem

DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def loads_all(name):
    return True


def answers_all(display):
    return True


def test_without_any_display_bpstudio_exits_2_with_one_line(monkeypatch):
    for name in DISPLAY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    result = run_bpstudio(timeout=60)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("bpstudio: no display")
    assert "bpstudio train" in lines[0] and "QT_QPA_PLATFORM=offscreen" in lines[0]


def test_no_display_is_detected_only_on_x11_and_wayland_systems():
    assert startup_problem({}, "linux", loads_all) == NO_DISPLAY
    assert startup_problem({}, "freebsd14", loads_all) == NO_DISPLAY
    assert startup_problem({}, "win32", loads_all) is None
    assert startup_problem({}, "darwin", loads_all) is None


@pytest.mark.parametrize(
    "env",
    [
        {"DISPLAY": ":0"},
        {"WAYLAND_DISPLAY": "wayland-0"},
        {"QT_QPA_PLATFORM": "offscreen"},
        {"QT_QPA_PLATFORM": "wayland"},
        {"DISPLAY": ":1", "QT_QPA_PLATFORM": "xcb"},
    ],
)
def test_a_display_or_a_chosen_platform_is_enough(env):
    assert startup_problem(env, "linux", loads_all, answers_all) is None


def test_xcb_without_an_x_server_is_refused():
    problem = startup_problem({"QT_QPA_PLATFORM": "xcb"}, "linux", loads_all)
    assert problem is not None and "DISPLAY is unset" in problem


def test_a_missing_xcb_library_names_the_apt_line():
    problem = startup_problem({"DISPLAY": ":0"}, "linux", lambda name: name != "libxcb-cursor.so.0", answers_all)
    assert problem is not None and "\n" not in problem
    assert "libxcb-cursor.so.0" in problem
    assert problem.endswith("sudo apt-get install libxcb-cursor0")


def test_several_missing_libraries_give_one_apt_line():
    missing = {"libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libxcb-icccm.so.4"}
    problem = startup_problem({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux", lambda name: name not in missing, answers_all)
    assert problem.endswith("sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4")


def test_libraries_are_not_checked_when_qt_uses_another_platform():
    checked = []
    assert startup_problem({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", checked.append, checked.append) is None
    assert startup_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", checked.append, checked.append) is None
    assert checked == []


def test_every_xcb_library_of_this_machine_is_found():
    """The table names libraries that exist: on this test machine (which runs Qt on xcb) all load."""
    if not os.path.exists("/usr/lib/x86_64-linux-gnu") and not os.path.exists("/usr/lib/aarch64-linux-gnu"):
        pytest.skip("not a Debian-style Linux")
    from bpstudio.qt.shell.display_check import can_load

    assert [name for name in XCB_LIBRARIES if not can_load(name)] == []


def test_a_display_that_does_not_answer_is_named_in_one_line():
    problem = startup_problem({"DISPLAY": "localhost:10.0"}, "linux", loads_all, lambda display: False)
    assert problem is not None and "\n" not in problem
    assert "DISPLAY=localhost:10.0 does not answer" in problem
    assert "libxcb-cursor0" not in problem and "apt-get" not in problem


def free_display_number() -> int:
    """An X display number no server uses here (no socket, no lock file)."""
    for number in range(90, 200):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    pytest.skip("no free X display number between :90 and :199")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 displays are a Linux matter here")
def test_a_stale_display_exits_2_with_one_line_instead_of_qts_abort(monkeypatch):
    """DISPLAY left over from a closed X server: Qt would abort (134) and advise libxcb-cursor0."""
    monkeypatch.setenv("DISPLAY", f":{free_display_number()}")
    for name in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    result = run_bpstudio(timeout=60)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"bpstudio: the X display DISPLAY={os.environ['DISPLAY']} does not answer")
    assert "libxcb-cursor0" not in result.stderr


@pytest.mark.xvfb
@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed (apt-get install xvfb)")
def test_a_running_x_server_answers_and_a_closed_one_does_not():
    read_end, write_end = os.pipe()
    # -noreset: an X server resets when its last client leaves and refuses connections meanwhile,
    # so without it the second question could land in that gap (as it did on CI)
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp", "-noreset"], pass_fds=[write_end], stderr=subprocess.DEVNULL
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as ready:  # Xvfb writes its display number here once it accepts connections
            display = ":" + ready.readline().strip()
        assert display != ":", "Xvfb did not start"
        assert display_answers(display)
        assert startup_problem({"DISPLAY": display}, "linux") is None
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert not display_answers(display)
