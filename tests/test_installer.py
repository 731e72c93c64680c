"""Build the frozen app and the .deb, install it with dpkg, start it, remove it.

Takes about a minute. It needs root, dpkg and Xvfb; CI has all three.
Skip it locally with:  pytest -m "not installer"
"""
import json
import os
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

    env = {**os.environ, "PYTHON": sys.executable, "OUT": str(tmp_path)}
    build = run("bash", str(REPO / "packaging" / "linux" / "build.sh"), env=env, timeout=900)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    print(build.stdout)  # the sizes and the start-up time, for the log
    deb = Path(build.stdout.strip().splitlines()[-1])
    assert deb.suffix == ".deb" and deb.exists()
    assert "bundle:" in build.stdout and "package:" in build.stdout

    install = run("dpkg", "-i", str(deb), timeout=300)
    assert install.returncode == 0, install.stdout + install.stderr
    try:
        assert Path("/usr/share/applications/bpstudio.desktop").exists()
        assert Path("/usr/share/icons/hicolor/scalable/apps/bpstudio.svg").exists()
        assert Path("/usr/share/icons/hicolor/48x48/apps/bpstudio.png").exists()
        shot = tmp_path / "installed.png"
        smoke_env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
        smoke_env["QT_QPA_PLATFORM"] = "xcb"
        smoke = run("xvfb-run", "-a", "-s", "-screen 0 1366x768x24", "/usr/bin/bpstudio",
                    "--smoke-test", "--iterations", "50", "--screenshot", str(shot),
                    env=smoke_env, timeout=180)
        assert smoke.returncode == 0, smoke.stdout + smoke.stderr
        assert "platform xcb" in smoke.stdout and shot.exists()
        out = tmp_path / "run.json"
        train = run("/usr/bin/bpstudio", "train", "--max-iter", "100", "--json", str(out), "--quiet",
                    timeout=120)
        assert train.returncode == 0, train.stderr
        data = json.loads(out.read_text())
        assert data["iterations"] == 100 and data["stop_reason"] == "max_iter"
        assert data["jval"][-1] < data["jval"][0]
        version = run("/usr/bin/bpstudio", "--version")
        assert version.stdout.strip() == "bpstudio 0.1.0"
    finally:
        remove = run("dpkg", "-r", "bpstudio", timeout=300)
        assert remove.returncode == 0, remove.stderr
    assert not Path("/usr/bin/bpstudio").exists()
