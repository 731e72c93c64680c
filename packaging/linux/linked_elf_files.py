"""List the ELF files of a bundle whose every needed library can be found.

dpkg-shlibdeps turns the libraries that the bundle's executables and shared
objects need into the package's Depends (with versions, e.g.
``libc6 (>= 2.34)``). It stops at a file that needs a library found neither in
the bundle nor on the build machine. Such files are optional Qt plugins
(the Wayland and GTK-theme ones, when the build machine lacks Wayland or
GTK): Qt skips a plugin that cannot load, so they are left out of the
computation instead of making the package depend on a desktop it may not
run on. They are named on stderr.

    python linked_elf_files.py BUNDLE_DIR   ->  one path per line on stdout
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path


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


def main(bundle: str) -> int:
    root = Path(bundle)
    elf_files = sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p))
    available = system_libraries() | {p.name for p in root.rglob("*.so*")}
    for path in elf_files:
        missing = [lib for lib in needed_libraries(path) if lib not in available]
        if missing:
            print(f"left out of Depends (optional, needs {', '.join(missing)}): {path.relative_to(root)}",
                  file=sys.stderr)
        else:
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
