"""Qt's side of text safety: user text shown as the characters it is, never as markup.

Qt guesses: a label, tooltip or message box whose text *looks like* HTML
(``Qt.mightBeRichText``: a known tag before the first line break) is drawn as
rich text.  A CSV column ``9<img src=x width=20000 height=20000>`` inside a
plain sentence therefore became a 20 000-pixel image.  :func:`literal` turns
such text into rich text that draws exactly its characters; :func:`plain_label`
stops a label guessing at all.  Escaping for pieces of real rich text is
:func:`bpstudio.engine.text_safety.rich_text`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText is a QtGui function in the Qt namespace
from PySide6.QtWidgets import QLabel

from bpstudio.engine.text_safety import rich_text


def literal(text: str) -> str:
    """``text`` for a widget that guesses its format (tooltip, message box): shown as written.

    Text Qt would not read as rich text is returned unchanged (so it wraps and
    looks as before); text it would is escaped, each line break kept.
    """
    if not GuiQt.mightBeRichText(text):
        return text
    return "<p style='white-space:pre-wrap'>" + "<br>".join(rich_text(line) for line in text.split("\n")) + "</p>"


def plain_label(label: QLabel) -> QLabel:
    """A label that never reads its text as HTML (for text that carries a file's names)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
