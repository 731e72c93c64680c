"""Starting the window where it cannot open: one line with the remedy, exit 2."""

import os

import pytest

from bpstudio.qt.display_check import NO_DISPLAY, XCB_LIBRARIES, startup_problem
from conftest import run_bpstudio

DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def loads_all(name):
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
    assert startup_problem(env, "linux", loads_all) is None


def test_xcb_without_an_x_server_is_refused():
    problem = startup_problem({"QT_QPA_PLATFORM": "xcb"}, "linux", loads_all)
    assert problem is not None and "DISPLAY is unset" in problem


def test_a_missing_xcb_library_names_the_apt_line():
    problem = startup_problem({"DISPLAY": ":0"}, "linux", lambda name: name != "libxcb-cursor.so.0")
    assert problem is not None and "\n" not in problem
    assert "libxcb-cursor.so.0" in problem
    assert problem.endswith("sudo apt-get install libxcb-cursor0")


def test_several_missing_libraries_give_one_apt_line():
    missing = {"libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libxcb-icccm.so.4"}
    problem = startup_problem({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux", lambda name: name not in missing)
    assert problem.endswith("sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4")


def test_libraries_are_not_checked_when_qt_uses_another_platform():
    checked = []
    assert startup_problem({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", lambda name: checked.append(name) or False) is None
    assert startup_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux", lambda name: checked.append(name) or False) is None
    assert checked == []


def test_every_xcb_library_of_this_machine_is_found():
    """The table names libraries that exist: on this test machine (which runs Qt on xcb) all load."""
    if not os.path.exists("/usr/lib/x86_64-linux-gnu") and not os.path.exists("/usr/lib/aarch64-linux-gnu"):
        pytest.skip("not a Debian-style Linux")
    from bpstudio.qt.display_check import can_load

    assert [name for name in XCB_LIBRARIES if not can_load(name)] == []
