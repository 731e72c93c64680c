"""The layers (engine, control, then qt and cli): engine and control never import Qt."""

import subprocess
import sys

import pytest

CHECK = """
import sys
import {module}
bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))
print(','.join(bad))
"""


@pytest.mark.parametrize(
    "module",
    [
        "bpstudio.engine",
        "bpstudio.control",
        "bpstudio.app",
        "bpstudio.cli.train",
        "bpstudio.cli.gradcheck",
        "bpstudio.cli.export_script",
        "bpstudio.cli.landscape",
    ],
)
def test_module_imports_without_qt(module):
    out = subprocess.run([sys.executable, "-c", CHECK.format(module=module)], capture_output=True, text=True, check=True)
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


COMPUTING = ("propagation", "chain", "node_values", "gradcheck", "phases", "trainer", "optimizers", "nudge", "losses", "chain_board")


def test_the_qt_floor_draws_and_forwards_but_never_computes():
    """Views import the engine's types and names only; the studio model does the computing."""
    import ast
    from pathlib import Path

    import bpstudio

    qt = Path(bpstudio.__file__).parent / "qt"
    offenders = []
    for path in qt.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                parts = node.module.split(".")
                if "engine" in parts and parts[-1] in COMPUTING:
                    offenders.append(f"{path.name}: from {node.module}")
                if parts[-1] == "engine" and any(a.name in COMPUTING for a in node.names):
                    offenders.append(f"{path.name}: from {node.module} import ...")
    assert not offenders, offenders


def test_the_import_contracts_hold():
    """pyproject.toml's import-linter contracts: floors point down, the CLI never reaches into the window (issue 26)."""
    import shutil
    from pathlib import Path

    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if lint_imports is None:
        pytest.fail("import-linter is missing: it is in the [test] extra (pip install -e '.[test]')")
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([lint_imports], capture_output=True, text=True, cwd=root, timeout=300)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert "0 broken" in out.stdout


def test_every_package_folder_is_in_the_wheel():
    """pyproject lists the packages by hand (resources/ is mapped in): a new sub-package missing there would be left out of the install."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    text = (root / "pyproject.toml").read_text(encoding="utf-8")
    listed = set(re.findall(r'"(bpstudio(?:\.[a-z_0-9]+)*)"', text.split("packages = [", 1)[1].split("]", 1)[0]))
    folders = {
        ".".join(path.parent.relative_to(root).parts)
        for path in (root / "bpstudio").rglob("__init__.py")
        if "resources" not in path.relative_to(root).parts and "__pycache__" not in path.parts
    }
    assert folders - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
