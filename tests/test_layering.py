"""The floors of DESIGN.md: engine and control never import Qt."""
import subprocess
import sys

import pytest

CHECK = """
import sys
import {module}
bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))
print(','.join(bad))
"""


@pytest.mark.parametrize("module", ["bpstudio.engine", "bpstudio.control", "bpstudio.app",
                                    "bpstudio.cli.train", "bpstudio.cli.gradcheck",
                                    "bpstudio.cli.landscape"])
def test_module_imports_without_qt(module):
    out = subprocess.run([sys.executable, "-c", CHECK.format(module=module)],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"{module} pulled in {out.stdout.strip()}"


def test_engine_sources_never_name_qt():
    from pathlib import Path

    import bpstudio

    root = Path(bpstudio.__file__).parent
    for floor in ("engine", "control"):
        for path in (root / floor).rglob("*.py"):
            text = path.read_text()
            for name in ("PySide6", "pyqtgraph", "shiboken6"):
                assert f"import {name}" not in text and f"from {name}" not in text, path
