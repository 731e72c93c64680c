"""Build the frozen app and the .deb, install it with dpkg, start it, remove it.

Takes about three minutes on two shared cores. It needs root, dpkg, dpkg-dev
(dpkg-shlibdeps), lintian and Xvfb; .ci/run installs them.
Skip it locally with:  pytest -m "not installer"
"""

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

pytestmark = [pytest.mark.installer, pytest.mark.slow]


def needs(condition: bool, why: str) -> None:
    if not condition:
        if os.environ.get("CI"):
            pytest.fail(f"CI should be able to run the installer test: {why}")
        pytest.skip(why)


def run(*args, **kwargs):
    return subprocess.run(list(args), capture_output=True, text=True, **kwargs)


def test_deb_builds_installs_starts_and_trains(tmp_path):
    needs(hasattr(os, "geteuid") and os.geteuid() == 0, "dpkg -i needs root")
    needs(shutil.which("dpkg") is not None, "no dpkg on this machine")
    needs(shutil.which("xvfb-run") is not None, "xvfb-run is missing (apt-get install xvfb)")
    needs(run(sys.executable, "-c", "import PyInstaller").returncode == 0, "PyInstaller is not installed")

    # xz level 1: a minute instead of five on a shared machine (releases use the default, 6)
    env = {**os.environ, "PYTHON": sys.executable, "OUT": str(tmp_path), "XZ_LEVEL": "1"}
    build = run("bash", str(REPO / "packaging" / "linux" / "build.sh"), env=env, timeout=900)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    print(build.stdout)  # the sizes and the start-up time, for the log
    deb = Path(build.stdout.strip().splitlines()[-1])
    assert deb.suffix == ".deb" and deb.exists()
    assert "bundle:" in build.stdout and "package:" in build.stdout

    check_package_metadata(deb)
    check_lintian(deb)
    check_every_component_has_a_notice(tmp_path / "pyinstaller" / "bpstudio" / "_internal")

    install = run("dpkg", "-i", str(deb), timeout=300)
    assert install.returncode == 0, install.stdout + install.stderr
    try:
        check_installed_files()
        assert Path("/usr/share/applications/bpstudio.desktop").exists()
        assert Path("/usr/share/icons/hicolor/scalable/apps/bpstudio.svg").exists()
        assert Path("/usr/share/icons/hicolor/48x48/apps/bpstudio.png").exists()
        shot = tmp_path / "installed.png"
        smoke_env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "BPSTUDIO_TRAINER")}
        smoke_env["QT_QPA_PLATFORM"] = "xcb"
        smoke = run(
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1366x768x24",
            "/usr/bin/bpstudio",
            "--smoke-test",
            "--iterations",
            "50",
            "--screenshot",
            str(shot),
            env=smoke_env,
            timeout=180,
        )
        assert smoke.returncode == 0, smoke.stdout + smoke.stderr
        assert "platform xcb" in smoke.stdout and shot.exists()
        assert "trainer in its own process" in smoke.stdout  # the installed package can spawn it
        out = tmp_path / "run.json"
        train = run("/usr/bin/bpstudio", "train", "--max-iter", "100", "--json", str(out), "--quiet", timeout=120)
        assert train.returncode == 0, train.stderr
        data = json.loads(out.read_text())
        assert data["iterations"] == 100 and data["stop_reason"] == "max_iter"
        assert data["jval"][-1] < data["jval"][0]
        headless_env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
        headless = run("/usr/bin/bpstudio", env=headless_env, timeout=60)
        assert headless.returncode == 2 and len(headless.stderr.strip().splitlines()) == 1, headless.stderr
        assert "no display" in headless.stderr
        if shutil.which("man"):
            page = run("man", "bpstudio", env={**os.environ, "MANWIDTH": "80", "MANPAGER": "cat", "PAGER": "cat"})
            assert page.returncode == 0, page.stderr
            assert "bpstudio - desktop laboratory for backpropagation" in page.stdout and "--max-iter" in page.stdout
        version = run("/usr/bin/bpstudio", "--version")
        assert version.stdout.strip() == "bpstudio 0.1.0"
    finally:
        remove = run("dpkg", "-r", "bpstudio", timeout=300)
        assert remove.returncode == 0, remove.stderr
    assert not Path("/usr/bin/bpstudio").exists()


def check_package_metadata(deb: Path) -> None:
    """Depends computed with versions, xz members, what the package declares about itself."""
    depends = run("dpkg-deb", "-f", str(deb), "Depends").stdout
    assert re.search(r"(^|, )libc6 \(>= 2\.\d+\)", depends), depends
    assert "libxcb-cursor0" in depends and "libstdc++6" in depends  # from the bundle's own needs
    # the optional Qt plugins are left out by a fixed list: no desktop's libraries, whatever the build machine has
    assert not re.search(r"libgtk|libgdk|libwayland|libatk|libpango|libcairo", depends), depends
    members = run("ar", "t", str(deb)).stdout.split() if shutil.which("ar") else []
    if members:
        assert "data.tar.xz" in members and "control.tar.xz" in members, members
    listing = run("dpkg-deb", "-c", str(deb)).stdout
    for path in (
        "./usr/share/doc/bpstudio/copyright",
        "./usr/share/doc/bpstudio/changelog.gz",
        "./usr/share/man/man1/bpstudio.1.gz",
        "./usr/share/mime/packages/bpstudio.xml",
        "./usr/share/icons/hicolor/scalable/mimetypes/application-x-bpstudio.svg",
        "./usr/share/icons/hicolor/scalable/mimetypes/application-x-bplecture.svg",
        "./opt/bpstudio/_internal/LICENSE",
        "./opt/bpstudio/_internal/THIRD_PARTY_NOTICES.md",
        "./opt/bpstudio/_internal/licenses/LGPL-3.0.txt",
    ):
        assert path in listing, path


def check_every_component_has_a_notice(internal: Path) -> None:
    """The real bundle's top level, against the copyright file's stanzas, and the licence texts it carries."""
    from licence_coverage import COPYRIGHT, uncovered

    entries = sorted(p.name for p in internal.iterdir())
    assert uncovered(entries, COPYRIGHT.read_text(encoding="utf-8")) == [], entries
    shipped = {p.name for p in (internal / "licenses").iterdir()}
    for name in (
        "LGPL-3.0.txt",
        "OFL-1.1-STIX-Two-Math.txt",
        "DejaVu-Bitstream-Vera-Arev.txt",
        "latex2mathml-LICENSE.txt",
        "Qt-LGPL-source-offer.txt",
    ):
        assert name in shipped, name
    from PySide6.QtCore import qVersion

    assert f"Qt {qVersion()} " in (internal / "licenses" / "Qt-LGPL-source-offer.txt").read_text(encoding="utf-8")


def check_lintian(deb: Path) -> None:
    needs(shutil.which("lintian") is not None, "lintian is missing (apt-get install lintian)")
    result = run("lintian", "--fail-on", "error", str(deb), timeout=600)
    print(result.stdout)  # warnings stay visible in the log
    errors = [line for line in result.stdout.splitlines() if line.startswith("E:")]
    assert errors == [] and result.returncode == 0, result.stdout + result.stderr


def check_installed_files() -> None:
    copyright_text = Path("/usr/share/doc/bpstudio/copyright").read_text()
    assert copyright_text.startswith("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/")
    for licence in ("License: Expat", "License: LGPL-3", "License: BSD-3-Clause", "License: PSF-2.0"):
        assert licence in copyright_text, licence
    changelog = gzip.decompress(Path("/usr/share/doc/bpstudio/changelog.gz").read_bytes()).decode()
    assert changelog.startswith("bpstudio (0.1.0)")
    mime = Path("/usr/share/mime/packages/bpstudio.xml").read_text()
    assert '<mime-type type="application/x-bpstudio">' in mime and 'pattern="*.bpstudio"' in mime
    desktop = Path("/usr/share/applications/bpstudio.desktop").read_text().splitlines()
    assert '<mime-type type="application/x-bplecture">' in mime and 'pattern="*.bplecture"' in mime
    assert "MimeType=application/x-bpstudio;application/x-bplecture;" in desktop
    if shutil.which("update-mime-database"):  # shared-mime-info's trigger has run: the types are known
        assert Path("/usr/share/mime/application/x-bpstudio.xml").exists()
        assert Path("/usr/share/mime/application/x-bplecture.xml").exists()
