"""The escaping functions, where the control floor has always found them.

They live in :mod:`bpstudio.engine.text_safety` (the engine composes names
into LaTeX and HTML too); this module re-exports them so ``control`` and
``cli`` code keeps one import.
"""

from ..engine.text_safety import (
    SHORT,
    escape_control,
    latex,
    markdown,
    plain,
    python_comment,
    python_literal,
    rich_text,
    shorten,
    shown_name,
    xml,
)

__all__ = [
    "SHORT",
    "escape_control",
    "latex",
    "markdown",
    "plain",
    "python_comment",
    "python_literal",
    "rich_text",
    "shorten",
    "shown_name",
    "xml",
]
