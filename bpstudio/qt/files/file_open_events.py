"""Open the session Finder hands over: double-click, "Open With", a drop on the Dock icon.

macOS does not put the document on the command line: it sends an "open
documents" Apple event, which Qt turns into a ``QFileOpenEvent`` delivered to
the application, both when the event starts the app and while it runs. Other
systems pass the file as ``argv`` (``bpstudio FILE``) and never send this
event, so the studio installs the filter on macOS only: an application's
event filter written in Python is called for every event of every widget
(about 1 500 a second while a net trains), each a call into Python on the
GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from bpstudio.qt.files.session_files import SessionFiles


class FileOpenEvents(QObject):
    """Application event filter: each file-open request opens that session through ``files``."""

    def __init__(self, files: SessionFiles, parent: QObject) -> None:
        super().__init__(parent)
        self.files = files

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.FileOpen:
            return False
        path = event.file()
        if path and self.files.confirm_discard():
            self.files.open(path)
        return True


def open_files_sent_by_the_system(app, files: SessionFiles, parent: QObject) -> FileOpenEvents:
    """Install the filter on ``app``; kept alive as a child of ``parent`` (the window)."""
    events = FileOpenEvents(files, parent)
    app.installEventFilter(events)
    return events
