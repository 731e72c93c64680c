"""Refuse to start the window, in one line, where Qt would abort.

Without a display Qt prints a page of plugin noise and aborts with exit 134;
when an xcb library is missing its one useful hint is buried in that noise.
Both cases are foreseeable before Qt is imported, so the studio says so in
one line with what to do (exit status 2, like every refused command line).
So is a stale ``DISPLAY`` (an ssh session without X forwarding, an X server
that was closed): set, but nothing answers there.  Qt then aborts with advice
to install libxcb-cursor0, which would not help; the check opens a connection
to the display itself, as Qt's xcb plugin would, and closes it again.
Only Linux and other X11/Wayland systems need this; Windows and macOS
always have their own platform.

Imports nothing from Qt: it must run before Qt can abort.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# The shared libraries Qt's xcb platform plugin loads beyond what PySide6
# ships, and the Debian/Ubuntu package of each (read off
# `ldd PySide6/Qt/plugins/platforms/libqxcb.so` and libQt6XcbQpa.so).
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-util.so.1": "libxcb-util1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
}

NO_DISPLAY = (
    "no display to open the window on (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are unset); "
    "without a window use 'bpstudio train', 'bpstudio chain' or 'bpstudio gradcheck' "
    "(see 'bpstudio --help'), or set QT_QPA_PLATFORM=offscreen"
)


def _bundled_folders() -> list[Path]:
    """Where a frozen app or the PySide6 wheel keeps libraries it brings along."""
    folders = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        folders.append(Path(frozen))
    try:
        import importlib.util

        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.origin:
        folders.append(Path(spec.origin).parent / "Qt" / "lib")
    return folders


def can_load(library: str) -> bool:
    """True when the dynamic loader finds ``library``, or the app brings it along."""
    try:
        ctypes.CDLL(library)
        return True
    except OSError:
        return any((folder / library).exists() for folder in _bundled_folders())


def display_answers(display: str) -> bool:
    """True when an X server accepts a connection on ``display`` (as Qt's xcb plugin would open it).

    Asks libxcb, the library Qt's plugin connects with, so the display name,
    the socket and the X authority are read exactly as Qt reads them.  When
    libxcb cannot be loaded the answer is left to Qt (True).
    """
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)]
    xcb.xcb_connection_has_error.restype = ctypes.c_int
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.restype = None
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(errors="surrogateescape"), None)
    try:
        return bool(connection) and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection:  # an error connection is libxcb's own static object: disconnecting it does nothing
            xcb.xcb_disconnect(connection)


def stale_display(display: str) -> str:
    """The one line for a DISPLAY that is set but where no X server answers."""
    return (
        f"the X display DISPLAY={display} does not answer (the X server was closed, or this is an ssh session "
        "without 'ssh -X'); log in at the machine's own screen, or without a window use 'bpstudio train' "
        "(see 'bpstudio --help'), or set QT_QPA_PLATFORM=offscreen"
    )


def chosen_platform(env: Mapping[str, str]) -> str:
    """The Qt platform plugin Qt will try first; '' when Qt picks by itself."""
    return env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()


def startup_problem(
    env: Mapping[str, str] | None = None,
    system: str | None = None,
    loads: Callable[[str], bool] = can_load,
    answers: Callable[[str], bool] = display_answers,
) -> str | None:
    """Why the window cannot open here, as one line with the remedy; None when it can."""
    env = os.environ if env is None else env
    system = sys.platform if system is None else system
    if system.startswith(("win", "darwin", "cygwin")):
        return None
    platform = chosen_platform(env)
    has_x11, has_wayland = bool(env.get("DISPLAY")), bool(env.get("WAYLAND_DISPLAY"))
    if not platform and not has_x11 and not has_wayland:
        return NO_DISPLAY
    if platform == "xcb" and not has_x11:
        return (
            "QT_QPA_PLATFORM=xcb but DISPLAY is unset: no X server to open the window on; "
            "without a window use 'bpstudio train' (see 'bpstudio --help'), "
            "or set QT_QPA_PLATFORM=offscreen"
        )
    uses_xcb = platform == "xcb" or (not platform and has_x11 and not has_wayland)
    if not uses_xcb:
        return None
    missing = [name for name in XCB_LIBRARIES if not loads(name)]
    if missing:
        packages = " ".join(dict.fromkeys(XCB_LIBRARIES[name] for name in missing))
        return f"Qt's xcb platform needs libraries missing here ({', '.join(missing)}); install them with: sudo apt-get install {packages}"
    if not answers(env["DISPLAY"]):
        return stale_display(env["DISPLAY"])
    return None


def refuse_if_no_display() -> int | None:
    """Print the problem as one line on stderr and return exit status 2; None to go on."""
    problem = startup_problem()
    if problem is None:
        return None
    print(f"bpstudio: {problem}", file=sys.stderr)
    return 2
