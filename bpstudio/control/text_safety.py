"""Text read from a file, made safe to print: control characters shown, never obeyed.

A session file's ``app_version``, column names or formulas are whatever the
file says; printed raw, an ESC sequence would move the cursor, recolour or
retitle the user's terminal.  :func:`escape_control` writes every control
character (C0, DEL, C1, and the bidirectional overrides) as a visible escape.
"""

from __future__ import annotations

import unicodedata

_BIDI = {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"}


def escape_control(text: str) -> str:
    """``"v1\\x1b[2J"`` -> ``"v1\\\\x1b[2J"``: printable text unchanged, the rest escaped."""
    out = []
    for char in str(text):
        if unicodedata.category(char) in ("Cc", "Cf") and char not in ("\u200d",) or char in _BIDI:
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)
