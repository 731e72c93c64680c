"""List the ELF files of a bundle whose needed libraries make the .deb's Depends.

dpkg-shlibdeps turns the libraries that the bundle's executables and shared
objects need into the package's Depends (with versions, e.g.
``libc6 (>= 2.34)``). The optional Qt plugins -- Wayland and the GTK theme --
are always left out, by the fixed list below: Qt skips a plugin that cannot
load, and a package must not depend on GTK or Wayland because the build
machine happened to have them (it did, before this list: Depends then grew
libgtk-3-0 and libwayland-*). So the files considered, and with them the
Depends, are the same on any build machine.

Any other file that needs a library found neither in the bundle nor on the
build machine stops the build: the machine lacks a package the app needs,
and leaving the file out would silently drop a dependency.

    python linked_elf_files.py BUNDLE_DIR   ->  one path per line on stdout
"""

from __future__ import annotations

import fnmatch
import re
import subprocess
import sys
from pathlib import Path

# Paths inside the bundle (PyInstaller 6 layout) of the optional Qt plugins and the
# libraries only they load.
OPTIONAL = (
    "_internal/PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "_internal/PySide6/Qt/plugins/platforms/libqwayland*.so",
    "_internal/PySide6/Qt/plugins/wayland-*/*",
    "_internal/PySide6/Qt/lib/libQt6WaylandClient.so*",
    "_internal/PySide6/Qt/lib/libQt6WaylandEglClientHwIntegration.so*",
    "_internal/PySide6/Qt/lib/libQt6WlShellIntegration.so*",
    "_internal/libQt6WaylandClient.so*",
    "_internal/libQt6WaylandEglClientHwIntegration.so*",
    "_internal/libQt6WlShellIntegration.so*",
)


def is_optional(relative: str) -> bool:
    return any(fnmatch.fnmatch(relative, pattern) for pattern in OPTIONAL)


def is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == b"\x7fELF"
    except OSError:
        return False


def needed_libraries(path: Path) -> list[str]:
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=True).stdout
    return re.findall(r"^\s*NEEDED\s+(\S+)", out, flags=re.MULTILINE)


def system_libraries() -> set[str]:
    out = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    return {line.split()[0] for line in out.splitlines()[1:] if line.strip()}


def select(needed: dict[str, list[str]], available: set[str]) -> tuple[list[str], dict[str, list[str]]]:
    """The files (bundle-relative) whose libraries make Depends, and the required files whose libraries are missing.

    Optional files are never selected, whatever ``available`` holds: that is what
    keeps Depends independent of the build machine.
    """
    selected, broken = [], {}
    for relative, libraries in sorted(needed.items()):
        if is_optional(relative):
            continue
        missing = [lib for lib in libraries if lib not in available]
        if missing:
            broken[relative] = missing
        else:
            selected.append(relative)
    return selected, broken


def main(bundle: str) -> int:
    root = Path(bundle)
    elf_files = sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p))
    needed = {str(p.relative_to(root)): needed_libraries(p) for p in elf_files}
    available = system_libraries() | {p.name for p in root.rglob("*.so*")}
    selected, broken = select(needed, available)
    for relative, missing in broken.items():
        print(f"linked_elf_files: {relative} needs {', '.join(missing)}, which this build machine lacks", file=sys.stderr)
    if broken:
        print("linked_elf_files: install the packages that provide them, then build again", file=sys.stderr)
        return 1
    for relative in selected:
        print(root / relative)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
