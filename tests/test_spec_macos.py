"""The spec's macOS branch, run on Linux: the .app receives every collected file.

PyInstaller's BUNDLE does nothing off macOS, so the spec is executed with
sys.platform set to 'darwin' and light stand-ins for Analysis, EXE and
COLLECT that produce the TOC entries PyInstaller's own would (the spec's
data files as they are, plus a few binaries of the kinds a real build
collects). The TOC that reaches BUNDLE is then laid out by PyInstaller's own
``BUNDLE._process_bundle_toc`` — the step that decides what goes to
Contents/MacOS, Frameworks and Resources — and the result is checked.
"""

import os
import plistlib
import sys
from pathlib import Path

import pytest

pytest.importorskip("PyInstaller")
import PyInstaller.utils.hooks  # noqa: E402,F401  (imported before sys.platform is changed)
from conftest import REPO  # noqa: E402
from PyInstaller.building.datastruct import normalize_toc  # noqa: E402
from PyInstaller.building.osx import BUNDLE  # noqa: E402

SPEC = REPO / "packaging" / "bpstudio.spec"
SOME_FILE = str(SPEC)  # any existing file stands in for a binary's source


class Analysis:
    def __init__(self, scripts, pathex, datas, excludes, noarchive, hiddenimports=()):
        self.scripts, self.pure = [("bpstudio_entry", scripts[0], "PYSOURCE")], []
        self.binaries = [
            ("PySide6/Qt/lib/QtCore.framework/Versions/A/QtCore", SOME_FILE, "BINARY"),
            ("PySide6/QtCore.abi3.so", SOME_FILE, "EXTENSION"),
            ("numpy/_core/_multiarray_umath.cpython-312-darwin.so", SOME_FILE, "EXTENSION"),
            ("Python", SOME_FILE, "BINARY"),
        ]
        self.datas = []
        for source, folder in datas:  # Analysis expands (source, dest folder) pairs like this
            source = Path(source)
            files = [source] if source.is_file() else [p for p in source.rglob("*") if p.is_file()]
            for f in files:
                inner = f.name if f == source else str(f.relative_to(source))
                self.datas.append((os.path.normpath(os.path.join(folder, inner)), str(f), "DATA"))

    def exclude_system_libraries(self, list_of_exceptions=None):
        self.system_libraries_excluded = True


class PYZ:
    def __init__(self, pure):
        self.pure = pure


class EXE:
    def __init__(self, *args, name, console, **kwargs):
        self.name, self.console, self.kwargs = name, console, kwargs


class COLLECT:
    def __init__(self, *args, name, **kwargs):
        self.name, self.toc = name, []
        for arg in args:  # as PyInstaller's COLLECT: executables first-class, TOCs merged
            if isinstance(arg, EXE):
                self.toc.append((os.path.basename(arg.name), arg.name, "EXECUTABLE"))
            else:
                self.toc.extend(arg)
        self.toc = normalize_toc(self.toc)


class Recorder:
    def __init__(self):
        self.bundles = []

    def BUNDLE(self, *args, **kwargs):  # noqa: N802 (the spec's name)
        self.bundles.append((args, kwargs))


def run_spec(platform, monkeypatch):
    recorder = Recorder()
    namespace = {
        "SPECPATH": str(SPEC.parent),
        "Analysis": Analysis,
        "PYZ": PYZ,
        "EXE": EXE,
        "COLLECT": COLLECT,
        "BUNDLE": recorder.BUNDLE,
        "__file__": str(SPEC),
    }
    monkeypatch.setattr(sys, "platform", platform)
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    monkeypatch.undo()
    return namespace, recorder.bundles


def test_the_app_bundle_receives_every_collected_file(monkeypatch):
    namespace, bundles = run_spec("darwin", monkeypatch)
    assert len(bundles) == 1
    args, kwargs = bundles[0]
    (collected,) = args
    assert isinstance(collected, COLLECT), "BUNDLE must wrap the COLLECT, not a bare launcher"
    assert kwargs["name"] == "BP Studio.app" and kwargs["bundle_identifier"] == "org.bpstudio.BPStudio"

    laid_out = BUNDLE._process_bundle_toc(BUNDLE.__new__(BUNDLE), collected.toc)
    files = {dest for dest, _, kind in laid_out if kind != "SYMLINK"}
    links = {dest for dest, _, kind in laid_out if kind == "SYMLINK"}
    assert "Contents/MacOS/bpstudio-gui" in files  # the one launcher, CFBundleExecutable
    executables = [dest for dest, _, kind in collected.toc if kind == "EXECUTABLE"]
    assert executables == ["bpstudio-gui"]
    for dest, _, kind in collected.toc:
        if kind == "DATA":
            assert f"Contents/Resources/{dest}" in files, dest
        elif kind in ("BINARY", "EXTENSION"):
            assert f"Contents/Frameworks/{dest}" in files, dest
    # what the app needs at run time, and the licences, are inside
    for needed in (
        "bpstudio/resources/translations/bpstudio_zh_CN.qm",
        "bpstudio/resources/icons/bpstudio.svg",
        "LICENSE",
        "THIRD_PARTY_NOTICES.md",
        "licenses/LGPL-3.0.txt",
        "licenses/GPL-3.0.txt",
        "licenses/Python-LICENSE.txt",
        "licenses/PyInstaller-COPYING.txt",
    ):
        assert f"Contents/Resources/{needed}" in files, needed
    # the version --version and the About dialog read (dist-info, or egg-info from an editable install)
    assert any(d.startswith("Contents/Resources/bpstudio") and d.endswith(("/METADATA", "/PKG-INFO")) for d in files)
    assert any(d.startswith("Contents/Resources/numpy-") and "/licenses/" in d for d in files)
    assert links, "PyInstaller cross-links data and binaries between Resources and Frameworks"


def test_info_plist_declares_the_session_document_type(monkeypatch):
    namespace, bundles = run_spec("darwin", monkeypatch)
    _, kwargs = bundles[0]
    plist = kwargs["info_plist"]
    plistlib.dumps(plist)  # a valid property list
    docs, utis = plist["CFBundleDocumentTypes"], plist["UTExportedTypeDeclarations"]
    assert len(docs) == len(utis) == 2  # sessions and lectures
    for doc, uti, extension in zip(docs, utis, ("bpstudio", "bplecture"), strict=True):
        assert doc["CFBundleTypeExtensions"] == [extension] and doc["LSHandlerRank"] == "Owner"
        assert doc["LSItemContentTypes"] == [uti["UTTypeIdentifier"]]
        assert uti["UTTypeTagSpecification"]["public.filename-extension"] == [extension]
        assert uti["UTTypeTagSpecification"]["public.mime-type"] == [f"application/x-{extension}"]
    assert plist["LSBackgroundOnly"] is False and plist["NSHighResolutionCapable"] is True
    assert kwargs["version"] == plist["CFBundleShortVersionString"] == "0.1.0"


def test_minimum_macos_is_the_newest_any_bundled_wheel_needs(monkeypatch):
    namespace, _ = run_spec("darwin", monkeypatch)
    minimum_macos = namespace["minimum_macos"]
    assert (
        minimum_macos(
            ["Tag: cp39-abi3-macosx_13_0_universal2", "Tag: cp312-cp312-macosx_14_0_arm64", "Tag: cp312-cp312-macosx_10_13_x86_64"]
        )
        == "14.0"
    )
    assert minimum_macos(["Tag: cp39-abi3-manylinux_2_28_x86_64"]) is None


def test_other_systems_get_both_launchers_and_no_bundle(monkeypatch):
    namespace, bundles = run_spec("linux", monkeypatch)
    assert bundles == []
    executables = [dest for dest, _, kind in namespace["collected"].toc if kind == "EXECUTABLE"]
    assert sorted(executables) == ["bpstudio", "bpstudio-gui"]
    # the .deb depends on the system's libraries instead of carrying copies
    assert namespace["analysis"].system_libraries_excluded
