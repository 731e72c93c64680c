"""Qualify PySide6's short enum names (``Qt.black`` -> ``Qt.GlobalColor.black``) where mypy flags them.

Why: PySide6 still accepts the old short names at run time, but its type stubs only declare the
qualified ones, so every ``Qt.AlignCenter`` is an ``attr-defined`` error for mypy. This script asks
mypy for those errors, finds by introspection which nested enum of the named class holds the name
(``QMessageBox.Save`` -> ``QMessageBox.StandardButton.Save``), and rewrites exactly those
occurrences on exactly those lines. Names it cannot place unambiguously are listed, not guessed.

It is re-runnable: after merging code that uses short names, run (from the repository root)

    .venv/bin/python tools/qualify_qt_enums.py            # rewrite in place
    .venv/bin/python tools/qualify_qt_enums.py --dry-run  # only show what it would change

Extra arguments are passed to mypy as paths (default: the ``files`` of pyproject's [tool.mypy]).
"""

from __future__ import annotations

import argparse
import enum
import importlib
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtSvgWidgets", "QtOpenGL", "QtOpenGLWidgets", "QtPrintSupport")
# tomllib is Python 3.11+; the one setting read here does not need a TOML parser.
LINE_LENGTH = re.compile(r"^line-length\s*=\s*(\d+)", re.MULTILINE)


def ruff_line_length() -> int:
    """The line length ruff formats to, from pyproject.toml's [tool.ruff] table."""
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    ruff_table = text.split("[tool.ruff]", 1)[1].split("\n[", 1)[0]
    found = LINE_LENGTH.search(ruff_table)
    if found is None:
        raise SystemExit("pyproject.toml's [tool.ruff] has no line-length")
    return int(found.group(1))


ERROR = re.compile(
    r'^(?P<path>[^:]+):(?P<line>\d+):(?:\d+:)? error: "type\[(?P<cls>\w+)\]" has no attribute "(?P<name>\w+)"  \[attr-defined\]$'
)


def qt_class(name: str) -> type | None:
    """The PySide6 class called `name`, from the first Qt module that has one."""
    for module_name in QT_MODULES:
        try:
            module = importlib.import_module(f"PySide6.{module_name}")
        except ImportError:
            continue
        found = getattr(module, name, None)
        if isinstance(found, type):
            return found
    return None


def enum_holding(cls: type, name: str) -> list[str]:
    """The names of the nested enums of `cls` (inherited ones included) that have a member `name`."""
    holders = []
    for attribute in dir(cls):
        nested = getattr(cls, attribute, None)
        if isinstance(nested, type) and issubclass(nested, enum.Enum) and name in nested.__members__:
            holders.append(attribute)
    return sorted(set(holders))


def mypy_errors(paths: list[str]) -> list[tuple[Path, int, str, str]]:
    """(file, line, class, short name) for every `type[Class]` attr-defined error mypy reports."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", "--hide-error-context", *paths], cwd=REPO, capture_output=True, text=True
    )
    found = []
    for row in result.stdout.splitlines():
        match = ERROR.match(row)
        if match:
            found.append((REPO / match["path"], int(match["line"]), match["cls"], match["name"]))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="print the rewrites without changing files")
    parser.add_argument("paths", nargs="*", help="what mypy checks (default: pyproject's [tool.mypy] files)")
    args = parser.parse_args()

    edits: dict[Path, dict[int, set[tuple[str, str, str]]]] = defaultdict(lambda: defaultdict(set))
    unresolved = []
    for path, line, cls_name, name in mypy_errors(args.paths):
        cls = qt_class(cls_name)
        holders = enum_holding(cls, name) if cls is not None else []
        if len(holders) != 1:
            unresolved.append(
                f"{path.relative_to(REPO)}:{line}: {cls_name}.{name} ({'in ' + ', '.join(holders) if holders else 'no enum holds it'})"
            )
            continue
        edits[path][line].add((cls_name, name, holders[0]))

    line_length = ruff_line_length()
    changed = 0
    for path, by_line in sorted(edits.items()):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        for line, names in sorted(by_line.items()):
            before = text = lines[line - 1]
            for cls_name, name, holder in sorted(names):
                text = re.sub(rf"(?<![\w.]){cls_name}\.{name}(?!\w)", f"{cls_name}.{holder}.{name}", text)
                text = re.sub(rf"(?<=\.){cls_name}\.{name}(?!\w)", f"{cls_name}.{holder}.{name}", text)
            if text != before:
                changed += 1
                print(f"{path.relative_to(REPO)}:{line}: {before.strip()}  ->  {text.strip()}")
                lines[line - 1] = text
                if len(text.rstrip("\n")) > line_length:
                    print(f"  now longer than {line_length} characters: wrap it by hand", file=sys.stderr)
        if not args.dry_run:
            path.write_text("".join(lines), encoding="utf-8")
    for row in unresolved:
        print(f"left alone: {row}", file=sys.stderr)
    print(f"{'would rewrite' if args.dry_run else 'rewrote'} {changed} line(s); {len(unresolved)} name(s) left alone", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
