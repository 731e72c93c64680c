"""The sdist and the wheel carry the licence, the third-party notices, and (the sdist) its tests.

Builds both with ``python -m build`` (the sdist first, then the wheel *from
the sdist*, so a file missing from the sdist breaks the wheel too), then runs
a fixture-based test from the unpacked sdist. Needs the package index for the
isolated build, hence marked slow.
"""

import subprocess
import sys
import tarfile
import zipfile

import pytest

from conftest import REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(REPO)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    (sdist,) = out.glob("bpstudio-*.tar.gz")
    (wheel,) = out.glob("bpstudio-*.whl")
    return sdist, wheel


def test_wheel_ships_licence_and_notices(built):
    _, wheel = built
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        licence = next(n for n in names if n.endswith(".dist-info/licenses/LICENSE"))
        assert archive.read(licence).decode().startswith("MIT License")
        notices = next(n for n in names if n.endswith(".dist-info/licenses/THIRD_PARTY_NOTICES.md"))
        assert b"LGPL-3.0" in archive.read(notices)
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "License-Expression: MIT" in metadata
    assert "bpstudio/resources/translations/bpstudio_zh_CN.qm" in names


def test_sdist_carries_what_its_tests_need(built, tmp_path):
    sdist, _ = built
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path, filter="data")
    (root,) = tmp_path.iterdir()
    for needed in (
        "LICENSE",
        "THIRD_PARTY_NOTICES.md",
        "README.md",
        ".ci/run",
        "tests/conftest.py",
        "tests/fixtures/seed_reference_2000.npz",
        "tests/fixtures/README.md",
        "packaging/linux/build.sh",
        "packaging/licenses/LGPL-3.0.txt",
        "resources/translations/zh_CN.py",
    ):
        assert (root / needed).is_file(), needed
    # The article's fixture test and the README check run from the unpacked sdist alone.
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_trainer.py", "tests/test_readme.py"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert " passed" in result.stdout
