"""Double-clicking a .bplecture opens BP Studio on Linux: the MIME type, the desktop entry, the type's icon."""

import xml.etree.ElementTree as ET

from conftest import REPO

LINUX = REPO / "packaging" / "linux"
NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def test_the_lecture_mime_type_sits_beside_the_sessions():
    root = ET.parse(LINUX / "bpstudio-mime.xml").getroot()
    types = {t.get("type"): t for t in root.findall("m:mime-type", NS)}
    assert set(types) == {"application/x-bpstudio", "application/x-bplecture"}
    lecture = types["application/x-bplecture"]
    assert [g.get("pattern") for g in lecture.findall("m:glob", NS)] == ["*.bplecture"]
    assert lecture.find("m:sub-class-of", NS).get("type") == "application/zip"  # a ZIP: the weight beats the archive manager
    assert lecture.find("m:icon", NS).get("name") == "application-x-bplecture"
    comments = {c.get("{http://www.w3.org/XML/1998/namespace}lang"): c.text for c in lecture.findall("m:comment", NS)}
    assert comments == {None: "BP Studio lecture", "zh_CN": "BP Studio 讲课"}


def test_the_desktop_entry_takes_lectures_and_the_package_installs_their_icon():
    desktop = (LINUX / "bpstudio.desktop").read_text(encoding="utf-8").splitlines()
    assert "MimeType=application/x-bpstudio;application/x-bplecture;" in desktop
    assert "Exec=bpstudio %f" in desktop  # the launcher opens the lecture it is given (bpstudio F.bplecture)
    assert "mimetypes/application-x-bplecture.svg" in (LINUX / "build.sh").read_text(encoding="utf-8")
