"""Console streams that never crash on characters the console cannot show.

BP Studio prints '∂', 'ŷ' and Chinese text. A console or pipe whose encoding
lacks them (GBK on Chinese Windows, cp1252 on Western Windows, ASCII under
``LANG=C``) would raise ``UnicodeEncodeError`` half-way through a result.
Python already talks UTF-16 to a real Windows console (PEP 528), so what is
left are pipes and redirections: there the stream keeps its encoding, so a
GBK pipe still gets readable Chinese, and only what it cannot encode is
written as a backslash escape (``\\u2202``) instead of raising.

A C or POSIX locale with UTF-8 mode off (``LC_ALL=C PYTHONUTF8=0``) gives
ASCII streams whose error handler is ``surrogateescape``: it writes back the
undecodable bytes of a file name, but raises on '∂' like ``strict``.  Such
streams keep that round trip and escape the rest (:data:`ESCAPE`).

Files are a different matter: the CLI writes them as UTF-8 explicitly,
whatever the console's encoding.
"""

from __future__ import annotations

import codecs
import sys

# Error handlers that raise on a character the encoding lacks; any other (replace,
# backslashreplace, ...) already never fails and is the stream owner's choice.
RAISING = ("strict", "surrogateescape")
ESCAPE = "bpstudio.surrogateescape_or_backslash"


def _surrogateescape_or_backslash(error: UnicodeError) -> tuple[str | bytes, int]:
    """An undecodable byte smuggled in as a surrogate goes out as that byte; anything else as ``\\uXXXX``."""
    try:
        return codecs.lookup_error("surrogateescape")(error)
    except UnicodeError:
        return codecs.backslashreplace_errors(error)


codecs.register_error(ESCAPE, _surrogateescape_or_backslash)


def never_fail_on_encoding(*streams) -> None:
    """Make each text stream (default: stdout and stderr) escape what it cannot encode.

    Streams that are absent (``None`` in a windowed Windows app) or that
    cannot be reconfigured (a test's capture object) are left as they are.
    """
    for stream in streams or (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        errors = getattr(stream, "errors", "strict")
        if reconfigure is None or errors not in RAISING:
            continue
        try:
            reconfigure(errors="backslashreplace" if errors == "strict" else ESCAPE)
        except (ValueError, OSError):  # a closed or detached stream
            continue
