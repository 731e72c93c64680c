"""Refresh the translation catalogue and compile it.

    python resources/translations/update.py

1. pyside6-lupdate collects every marked text of bpstudio/qt, control and engine (their sub-packages too,
   such as the operator records of engine/activations) into bpstudio_zh_CN.ts;
2. the texts of zh_CN.py are written in as finished translations;
3. pyside6-lrelease compiles bpstudio_zh_CN.qm, which the studio loads.
A text without a translation stays "unfinished"; tests/test_i18n.py fails on it.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS = HERE / "bpstudio_zh_CN.ts"
QM = HERE / "bpstudio_zh_CN.qm"


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def fill(ts_path: Path, translations: dict[str, str]) -> list[str]:
    """Write translations into the .ts; return the sources left untranslated."""
    tree = ET.parse(ts_path)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.find("source").text or ""
        target = message.find("translation")
        if source in translations:
            target.text = translations[source]
            target.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.getroot().set("language", "zh_CN")
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return missing


def main() -> int:
    sys.path.insert(0, str(HERE))
    from zh_CN import TRANSLATIONS

    sources = sorted(str(p) for folder in ("qt", "control", "engine", "figures") for p in (ROOT / "bpstudio" / folder).rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(TS), "-no-obsolete", "-locations", "none"],
                   check=True, capture_output=True)
    missing = fill(TS, TRANSLATIONS)
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True, capture_output=True)
    for source in missing:
        print(f"untranslated: {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
