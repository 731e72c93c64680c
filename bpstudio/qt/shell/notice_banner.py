"""The notice banner above the diagram: a refusal, an error, the trainer gone or silent.

One line of yellow that says what went wrong in words and stays until the
next run or until what it says is no longer true.  Several presenters speak
through it (refusals, the trainer's reports, the close protocol); ``unsay``
takes a message away only if it is still the one shown, so one presenter never
hides another's.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from bpstudio.qt.shell.safe_text import plain_label


class NoticeBanner(QLabel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        plain_label(self)  # its messages quote file and column names
        self.setWordWrap(True)
        self.setStyleSheet("background:#fff3cd; color:#5a4500; padding:6px; border:1px solid #e0c36a;")
        self.hide()

    def say(self, text: str) -> None:
        self.setText(text)
        self.show()

    def unsay(self, text: str) -> None:
        """Put the banner away if it still says ``text`` (another message may have taken its place)."""
        if self.text() == text:
            self.hide()
