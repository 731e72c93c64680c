"""Which parts of a frozen bundle no licence notice covers.

The `.deb`'s machine-readable copyright file names every bundled component in
a ``Files:`` stanza; a component PyInstaller starts collecting (a new wheel, a
library hoisted out of one) must get its own stanza, or it ships without a
notice.  BP Studio's own files are the catch-all ``*`` stanza, so they are
named here instead.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COPYRIGHT = REPO / "packaging" / "linux" / "copyright"
PREFIX = "opt/bpstudio/_internal/"
# BP Studio's own top-level entries (covered by "Files: *", Expat).
OWN = ("LICENSE", "THIRD_PARTY_NOTICES.md", "licenses", "bpstudio", "bpstudio-*.dist-info", "bpstudio.egg-info", "bpstudio-*.egg-info")


def stanzas(text: str) -> list[dict[str, str]]:
    """The copyright file's paragraphs as field -> value (continuation lines joined with newlines)."""
    result = []
    for block in re.split(r"\n\s*\n", text.strip()):
        fields: dict[str, str] = {}
        name = None
        for line in block.splitlines():
            if line[:1] in (" ", "\t") and name is not None:
                fields[name] += "\n" + line.strip()
            elif ":" in line:
                name, value = line.split(":", 1)
                fields[name] = value.strip()
        result.append(fields)
    return result


def file_globs(text: str) -> list[str]:
    """Every ``Files:`` pattern except the catch-all ``*``."""
    globs = []
    for stanza in stanzas(text):
        globs += [g for g in stanza.get("Files", "").split() if g != "*"]
    return globs


def uncovered(entries: list[str], copyright_text: str) -> list[str]:
    """Top-level entries of ``_internal`` that neither BP Studio owns nor a ``Files:`` stanza names."""
    globs = file_globs(copyright_text)
    missing = []
    for entry in entries:
        if any(fnmatch.fnmatch(entry, own) for own in OWN):
            continue
        # a folder is covered by a pattern for its contents ("numpy/*"), a file by its own name
        candidates = (PREFIX + entry, PREFIX + entry + "/x")
        if not any(fnmatch.fnmatch(candidate, pattern) for candidate in candidates for pattern in globs):
            missing.append(entry)
    return missing


def licence_names_without_text(copyright_text: str) -> list[str]:
    """Licence short names used by a ``Files:`` stanza that no stand-alone ``License:`` paragraph spells out."""
    paragraphs = stanzas(copyright_text)
    defined = {p["License"].split("\n")[0] for p in paragraphs if "Files" not in p and "License" in p}
    used = set()
    for p in paragraphs:
        if "Files" not in p or "License" not in p or "\n" in p["License"]:  # no licence, or its text given right there
            continue
        expression = p["License"]
        # "GPL-3+ with GCC-3.1 exception" is one name; "Bitstream-Vera and Arev" two
        used |= {expression} if " with " in expression else {part.strip() for part in re.split(r"\s+(?:and|or)\s+", expression)}
    return sorted(name for name in used if name not in defined)
