"""Every bundled component travels with its licence: the .deb's copyright file, the notices, the texts in licenses/."""

import re
from pathlib import Path

import pytest
from licence_coverage import COPYRIGHT, REPO, licence_names_without_text, stanzas, uncovered

NOTICES = REPO / "THIRD_PARTY_NOTICES.md"
LICENCES = REPO / "packaging" / "licenses"
# Written into the bundle by packaging/bpstudio.spec rather than kept in licenses/.
GENERATED = {"Python-LICENSE.txt", "PyInstaller-COPYING.txt", "Qt-LGPL-source-offer.txt"}

# The top level of a Linux bundle's _internal folder as PyInstaller 6 lays it out
# (read off `packaging/linux/build.sh`'s bundle; the installer test checks the real one).
BUNDLE_TOP_LEVEL = [
    "LICENSE",
    "THIRD_PARTY_NOTICES.md",
    "licenses",
    "bpstudio",
    "bpstudio.egg-info",
    "base_library.zip",
    "python3.11",
    "PySide6",
    "shiboken6",
    "pyside6_essentials-6.11.3.dist-info",
    "shiboken6-6.11.3.dist-info",
    "libQt6Core.so.6",
    "libQt6Gui.so.6",
    "libQt6XcbQpa.so.6",
    "libpyside6.abi3.so.6.11",
    "libshiboken6.abi3.so.6.11",
    "libicudata.so.73",
    "libicui18n.so.73",
    "libicuuc.so.73",
    "libpython3.11.so.1.0",
    "numpy",
    "numpy.libs",
    "numpy-2.4.6.dist-info",
    "libscipy_openblas64_-32a4b2a6.so",
    "libgfortran-040039e1-0352e75f.so.5.0.0",
    "libquadmath-96973f99-934c22de.so.0.0.0",
    "pyqtgraph",
    "pyqtgraph-0.14.0.dist-info",
    "ziamath",
    "ziamath-0.13.dist-info",
    "ziafont",
    "ziafont-0.11.dist-info",
    "latex2mathml",
    "latex2mathml-3.81.1.dist-info",
    "PIL",
    "pillow-13.0.0.dist-info",
    "pillow.libs",
    "libjpeg-6dc8d115.so.62.4.0",
    "libtiff-20b7e810.so.6.3.0",
    "libxcb-9065bb12.so.1.1.0",
]


def test_every_top_level_component_of_the_bundle_has_a_copyright_stanza():
    assert uncovered(BUNDLE_TOP_LEVEL, COPYRIGHT.read_text(encoding="utf-8")) == []


def test_a_component_without_a_stanza_is_reported():
    text = COPYRIGHT.read_text(encoding="utf-8")
    assert uncovered(["libfoo.so.1", "PySide6", "newwheel", "newwheel-1.0.dist-info"], text) == [
        "libfoo.so.1",
        "newwheel",
        "newwheel-1.0.dist-info",
    ]


@pytest.mark.parametrize(
    "name",
    ["ziamath", "ziafont", "latex2mathml", "STIX Two Math", "DejaVu", "Qt 6.11.3", "HarfBuzz", "PCRE2", "libjpeg", "libtiff", "Pillow"],
)
def test_copyright_file_and_notices_name_each_component(name):
    assert name in COPYRIGHT.read_text(encoding="utf-8")
    assert name in NOTICES.read_text(encoding="utf-8")


def test_every_licence_used_has_its_text():
    assert licence_names_without_text(COPYRIGHT.read_text(encoding="utf-8")) == []


def test_the_fonts_have_their_own_licence_paragraphs():
    files = {p["Files"]: p for p in stanzas(COPYRIGHT.read_text(encoding="utf-8")) if "Files" in p}
    assert files["opt/bpstudio/_internal/ziamath/fonts/STIXTwoMath-Regular.ttf"]["License"] == "OFL-1.1"
    assert files["opt/bpstudio/_internal/ziafont/fonts/DejaVuSans.ttf"]["License"] == "Bitstream-Vera and Arev"


def test_every_licence_file_the_notices_name_ships():
    named = set(re.findall(r"`licenses/([^`]+)`", NOTICES.read_text(encoding="utf-8")))
    assert sorted(named - GENERATED - {p.name for p in LICENCES.glob("*.txt")}) == []


def test_licence_texts_are_the_real_ones():
    """Each text starts as its licence does; the font licences are the fonts' own."""
    ofl = (LICENCES / "OFL-1.1-STIX-Two-Math.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in ofl and "Version 1.1 - 26 February 2007" in ofl
    dejavu = (LICENCES / "DejaVu-Bitstream-Vera-Arev.txt").read_text(encoding="utf-8")
    assert "Bitstream Vera Fonts Copyright" in dejavu and "Arev Fonts Copyright" in dejavu
    assert "Copyright (c) 2016 Ronie Martinez" in (LICENCES / "latex2mathml-LICENSE.txt").read_text(encoding="utf-8")


def test_the_font_licences_match_the_fonts_shipped():
    """The copyright lines are read off the font files' own name tables."""
    fonts = pytest.importorskip("ziamath").__file__
    stix = Path(fonts).parent / "fonts" / "STIXTwoMath-Regular.ttf"
    dejavu = Path(pytest.importorskip("ziafont").__file__).parent / "fonts" / "DejaVuSans.ttf"
    assert "The STIX Fonts Project Authors".encode("utf-16-be") in stix.read_bytes()
    assert "SIL Open Font License, Version 1.1".encode("utf-16-be") in stix.read_bytes()
    assert "Bitstream Vera Fonts Copyright".encode("utf-16-be") in dejavu.read_bytes()
