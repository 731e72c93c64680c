"""User text made safe for every language it is written into: one function per target.

A CSV column, a class label, a file name or a session's version string is
whatever the file says.  Written raw into Qt rich text, ``9<img width=20000>``
grows the window past the screen; into LaTeX, ``}\\input{…}`` runs code;
into a terminal, an ESC sequence retitles it.  Every place that shows or
writes such text calls the function for its target here:

==================  ==========================================================
:func:`plain`       plain text (terminal, window title, combo box): control and
                    bidirectional characters shown as visible escapes
:func:`rich_text`   Qt rich text (``setHtml``, rich labels, tooltips, pyqtgraph)
:func:`latex`       LaTeX math mode, and ziamath's dialect of it (the same text)
:func:`xml`         SVG and other XML, text or attribute
:func:`markdown`    Markdown prose (outside ``$…$``; inside, use :func:`latex`)
:func:`python_literal` / :func:`python_comment`  Python source
==================  ==========================================================

:func:`shown_name` is :func:`shorten` then :func:`plain`; :func:`shorten` keeps a 10 000-character name from becoming a 10 000-character
label; the display functions apply it, the files that need the exact name
(a script reading the CSV columns) do not.

This module sits on the engine floor (standard library only) because the
engine composes the article's notation (``display_name``) from data names.
"""

from __future__ import annotations

import html
import unicodedata
from xml.sax.saxutils import escape as _xml_escape

_BIDI = {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"}
SHORT = 32  # characters of a name a label shows; the rest becomes "…"


def escape_control(text: str) -> str:
    """``"v1\\x1b[2J"`` -> ``"v1\\\\x1b[2J"``: printable text unchanged, the rest escaped."""
    out = []
    for char in str(text):
        if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") and char not in ("\u200d",) or char in _BIDI:
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


plain = escape_control  # the plain-text target's name in the table above


def shorten(text: str, limit: int = SHORT) -> str:
    """``"a_very_long_column_name…_tail"``: at most ``limit`` characters, both ends kept."""
    text = str(text)
    if len(text) <= limit:
        return text
    tail = limit // 3
    return text[: limit - tail - 1] + "…" + text[-tail:]


def shown_name(name: str) -> str:
    """A name as a plain-text label shows it: shortened, control characters visible."""
    return escape_control(shorten(name))


def rich_text(text: str) -> str:
    """Text for Qt rich text: ``<``, ``>``, ``&`` and quotes as entities, control characters visible."""
    return html.escape(escape_control(text), quote=True)


# LaTeX math mode: every character that LaTeX (or ziamath, which the studio
# typesets with) would read as a command, a group, a script, an alignment tab,
# a comment, a parameter or a math shift.  "<" becomes "{<}" so no HTML or
# Markdown reader sees a tag start in an exported formula.
_LATEX = {
    "\\": r"\backslash{}",
    "{": r"\{",
    "}": r"\}",
    "_": r"\_",
    "$": r"\$",
    "#": r"\#",
    "%": r"\%",
    "&": r"\&",
    "^": r"\hat{}",
    "~": r"\sim{}",
    "|": r"\vert{}",
    "<": "{<}",
    " ": r"\ ",
    "…": r"\ldots{}",  # shorten's mark; a bare "…" is text-mode only
}


def latex(text: str) -> str:
    """Text for LaTeX math mode that prints literally: ``a_b{c}`` -> ``a\\_b\\{c\\}``."""
    return "".join(_LATEX.get(char, char) for char in escape_control(text))


def xml(text: str) -> str:
    """Text for an XML/SVG text node or a quoted attribute (control characters, illegal in XML, made visible)."""
    return _xml_escape(escape_control(text), {'"': "&quot;", "'": "&apos;"})


_MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!|~$>")


def markdown(text: str) -> str:
    """Text for Markdown prose: every marker character backslashed, ``<`` and ``&`` as entities."""
    out = []
    for char in escape_control(text):
        if char in _MARKDOWN_SPECIAL:
            out.append("\\" + char)
        elif char == "<":
            out.append("&lt;")
        elif char == "&":
            out.append("&amp;")
        else:
            out.append(char)
    return "".join(out)


def python_literal(text: str) -> str:
    """A Python string literal that evaluates to ``text`` exactly (quotes, backslashes, line breaks escaped)."""
    return repr(str(text))


def python_comment(text: str) -> str:
    """User text for a comment or a docstring, never code.

    A line break would end the comment and make the rest code; a quote or a
    backslash could end the docstring or form an escape.  Each becomes '?'.
    """
    return "".join(c if c.isprintable() and c not in "\\\"'" else "?" for c in str(text))
