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
    # setuptools' "Package would be ignored" (a data folder not declared as a package) and the like
    assert "would be ignored" not in result.stdout + result.stderr
    assert "no files found matching" not in result.stdout + result.stderr  # MANIFEST.in names what exists
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
    assert "bpstudio/resources/icons/bpstudio.svg" in names and "bpstudio/resources/manual/zh_CN.md" in names


def test_wheel_ships_no_developer_files(built):
    """The program, its resources and its metadata: not the translators' tools, tests or packaging recipes."""
    _, wheel = built
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    developer = [
        n
        for n in names
        if n.endswith((".ts", "/update.py", "/zh_CN.py", ".pyc"))
        or n == "setup.py"
        or n.startswith(("tests/", "tools/", "packaging/", "benchmarks/", "docs/"))
    ]
    assert developer == []
    assert {n.split("/")[0] for n in names} == {"bpstudio", next(n.split("/")[0] for n in names if ".dist-info/" in n)}


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
        "resources/translations/bpstudio_zh_CN.ts",
        "tools/qualify_qt_enums.py",
        "setup.py",
    ):
        assert (root / needed).is_file(), needed
    assert not any(p.name == "__pycache__" or p.suffix == ".pyc" for p in root.rglob("*"))
    # The article's fixture test, the README check and the lint (which reads tools/) run from the unpacked sdist alone.
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_trainer.py",
            "tests/test_readme.py",
            "tests/test_lint.py",
            "tests/test_licences.py",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert " passed" in result.stdout
