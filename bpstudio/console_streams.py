"""Console streams that never crash on characters the console cannot show.

BP Studio prints '∂', 'ŷ' and Chinese text. A console or pipe whose encoding
lacks them (GBK on Chinese Windows, cp1252 on Western Windows, ASCII under
``LANG=C``) would raise ``UnicodeEncodeError`` half-way through a result.
Python already talks UTF-16 to a real Windows console (PEP 528), so what is
left are pipes and redirections: there the stream keeps its encoding, so a
GBK pipe still gets readable Chinese, and only what it cannot encode is
written as a backslash escape (``\\u2202``) instead of raising.

Files are a different matter: the CLI writes them as UTF-8 explicitly,
whatever the console's encoding.
"""

from __future__ import annotations

import sys


def never_fail_on_encoding(*streams) -> None:
    """Make each text stream (default: stdout and stderr) escape what it cannot encode.

    Streams that are absent (``None`` in a windowed Windows app) or that
    cannot be reconfigured (a test's capture object) are left as they are.
    """
    for stream in streams or (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None or getattr(stream, "errors", "strict") != "strict":
            continue
        try:
            reconfigure(errors="backslashreplace")
        except (ValueError, OSError):  # a closed or detached stream
            continue
