"""The .deb's Depends do not depend on the build machine, and its man page says what --help says."""

import importlib.util
import re
import shutil
import subprocess
import sys

import pytest
from conftest import REPO

LINUX = REPO / "packaging" / "linux"


def load(name):
    spec = importlib.util.spec_from_file_location(name, LINUX / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


elf = load("linked_elf_files")

# What the bundle's files need (a few of each kind, read off a real bundle with objdump -p).
NEEDED = {
    "bpstudio": ["libz.so.1", "libc.so.6"],
    "_internal/PySide6/Qt/lib/libQt6XcbQpa.so.6": ["libxcb-cursor.so.0", "libX11-xcb.so.1", "libc.so.6"],
    "_internal/PySide6/Qt/plugins/platforms/libqxcb.so": ["libQt6XcbQpa.so.6", "libc.so.6"],
    "_internal/PySide6/Qt/plugins/platformthemes/libqgtk3.so": ["libgtk-3.so.0", "libgdk-3.so.0", "libc.so.6"],
    "_internal/PySide6/Qt/plugins/platforms/libqwayland.so": ["libwayland-cursor.so.0", "libc.so.6"],
    "_internal/PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so": ["libwayland-cursor.so.0"],
    "_internal/PySide6/Qt/lib/libQt6WaylandClient.so.6": ["libwayland-client.so.0", "libwayland-cursor.so.0"],
}
BASE = {"libz.so.1", "libc.so.6", "libxcb-cursor.so.0", "libX11-xcb.so.1", "libQt6XcbQpa.so.6"}
GTK_AND_WAYLAND = {"libgtk-3.so.0", "libgdk-3.so.0", "libwayland-cursor.so.0", "libwayland-client.so.0"}


def test_the_files_behind_depends_are_the_same_with_or_without_gtk_and_wayland():
    without, broken_without = elf.select(NEEDED, BASE)
    with_them, broken_with = elf.select(NEEDED, BASE | GTK_AND_WAYLAND)
    assert (
        without
        == with_them
        == sorted(["bpstudio", "_internal/PySide6/Qt/lib/libQt6XcbQpa.so.6", "_internal/PySide6/Qt/plugins/platforms/libqxcb.so"])
    )
    assert broken_without == broken_with == {}


def test_a_required_library_missing_on_the_build_machine_stops_the_build():
    selected, broken = elf.select(NEEDED, BASE - {"libxcb-cursor.so.0"})
    assert broken == {"_internal/PySide6/Qt/lib/libQt6XcbQpa.so.6": ["libxcb-cursor.so.0"]}
    assert "_internal/PySide6/Qt/lib/libQt6XcbQpa.so.6" not in selected


def test_build_script_stops_when_the_list_fails():
    """The list is read from a file after the script checked its status (set -e), not a process substitution."""
    script = (LINUX / "build.sh").read_text(encoding="utf-8")
    assert "linked_elf_files.py" in script and "< <(\"$PYTHON\" \"$ROOT/packaging/linux/linked_elf_files.py\"" not in script
    assert "make_manpage.py" in script and "usr/share/man/man1/bpstudio.1.gz" in script


@pytest.fixture(scope="module")
def manpage(tmp_path_factory):
    out = tmp_path_factory.mktemp("man") / "bpstudio.1"
    subprocess.run([sys.executable, str(LINUX / "make_manpage.py"), str(out)], check=True, cwd=REPO, timeout=120)
    return out


def test_manpage_names_every_command_and_option(manpage):
    from bpstudio.app import COMMANDS

    text = manpage.read_text(encoding="utf-8")
    assert text.startswith(".TH BPSTUDIO 1 ")
    for command in COMMANDS:
        assert f'.SS "bpstudio {command}"' in text
    for option in ("--max-iter", "--param", "--param2", "--framework", "--test-fraction"):
        assert option.replace("-", "\\-") in text


@pytest.mark.skipif(shutil.which("groff") is None, reason="groff is not installed")
def test_manpage_renders_without_warnings(manpage):
    result = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-K", "utf8", str(manpage)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert re.search(r"bpstudio train .*--max-iter", " ".join(re.sub(r".\x08", "", result.stdout).split()))
