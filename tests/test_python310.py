"""Python 3.10 stays supported (Ubuntu 22.04's python3): no standard-library name added in 3.11 creeps in.

The real guard is running the suite on 3.10 (pyenv provides it); this check
catches the usual suspects on whatever Python the suite runs on, and says
what to use instead. mypy checks against 3.11's stubs (NumPy 2.4's need it),
so it would not notice them.
"""

import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# name -> what to write instead (every replacement works on 3.10 and later)
NEWER_THAN_310 = {
    r"\bStrEnum\b": "class X(str, enum.Enum) with __str__ returning self.value",
    r"^\s*(import tomllib|from tomllib\b)": "a small parser of the one setting, or tomli",
    r"from typing import[^\n]*\b(Self|Never|LiteralString|assert_never|reveal_type|TypeVarTuple|Unpack|NotRequired|Required)\b": (
        "typing_extensions is not a dependency: use a TypeVar or a plain annotation"
    ),
    r"\btyping\.(Self|Never|LiteralString|assert_never|NotRequired|Required)\b": "a TypeVar or a plain annotation",
    r"\bexcept\s*\*": "a plain except",
    r"\bExceptionGroup\b": "a plain exception",
    r"\bdatetime\.UTC\b|from datetime import[^\n]*\bUTC\b": "datetime.timezone.utc",
    r"\bTaskGroup\b": "asyncio.gather",
    r"\.add_note\(": "a message built before raising",
    r"\bcontextlib\.chdir\b|from contextlib import[^\n]*\bchdir\b": "os.chdir in try/finally",
    r"\bhashlib\.file_digest\b": "hashlib.sha256(path.read_bytes())",
}

SOURCES = ("bpstudio", "tests", "tools", "benchmarks", "packaging")


def python_files():
    for folder in SOURCES:
        for path in sorted((REPO / folder).rglob("*.py")):
            if "resources" in path.relative_to(REPO).parts[:2] or path == Path(__file__).resolve():
                continue
            yield path


def test_requires_python_and_ruff_target_say_310():
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'requires-python = ">=3.10"' in text
    assert 'target-version = "py310"' in text


def test_no_standard_library_name_newer_than_310():
    found = []
    for path in python_files():
        text = path.read_text(encoding="utf-8")
        for pattern, instead in NEWER_THAN_310.items():
            for match in re.finditer(pattern, text, re.MULTILINE):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(REPO)}:{line}: {match.group(0).strip()!r} is Python 3.11+; use {instead}")
    assert found == [], "\n".join(found)


@pytest.mark.skipif(sys.version_info >= (3, 11), reason="checks what the 3.10 interpreter itself lacks")
def test_the_310_interpreter_lacks_what_the_check_names():
    """The patterns name real 3.11 additions: on 3.10 they are indeed missing."""
    import datetime
    import enum
    import typing

    assert not hasattr(enum, "StrEnum")
    assert not hasattr(typing, "Self")
    assert not hasattr(datetime, "UTC")
    with pytest.raises(ImportError):
        __import__("tomllib")
