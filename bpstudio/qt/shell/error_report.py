"""An exception in a view reaches the person at the screen, not only stderr.

PySide hands an exception raised in a slot, a virtual (``paintEvent``) or a
background job's answer to :data:`sys.excepthook`; by default that prints a
traceback to a terminal the user of a desktop app never sees, and the view
stays blank with no word.  :func:`install` replaces the hook: the traceback
goes to a log file in the user's cache folder (``…/BPStudio/log/errors.log``)
and a non-modal message in the user's language says what happened and where
the details are.  The studio keeps running.

Exceptions from other threads (the background worker, the typesetting) are
sent to the GUI thread first; a burst of the same failure (a paint that
fails at every repaint) shows one message, counted, not a stack of boxes.
"""

from __future__ import annotations

import datetime
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.qt.shell.i18n import marked

LOG_NAME = "errors.log"
LOG_LIMIT = 1_000_000  # bytes; a longer log is started again (the old one kept as errors.log.1)
TITLE = QT_TRANSLATE_NOOP("ErrorReport", "Something went wrong")
MESSAGE = QT_TRANSLATE_NOOP(
    "ErrorReport",
    "A part of BP Studio failed: {error}\n\nThe studio keeps running; the view may be incomplete. The details are written to {log}.",
)
AGAIN = QT_TRANSLATE_NOOP("ErrorReport", "(the same failure happened {n} times)")
NO_LOG = QT_TRANSLATE_NOOP("ErrorReport", "the terminal (the log folder cannot be written)")


def log_folder() -> Path:
    """The user's cache folder for BP Studio's logs (``~/.cache/BPStudio/log`` on Linux)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericCacheLocation)
    return Path(base or Path.home() / ".cache") / "BPStudio" / "log"


def write_log(text: str) -> Path | None:
    """Append ``text`` to the error log; None if the log cannot be written (never raises)."""
    try:
        folder = log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_NAME
        if path.exists() and path.stat().st_size > LOG_LIMIT:
            path.replace(path.with_name(LOG_NAME + ".1"))
        with open(path, "a", encoding="utf-8", errors="backslashreplace") as handle:
            handle.write(text)
        return path
    except OSError:
        return None


class ErrorReporter(QObject):
    """Logs every uncaught exception and says it to the user, on the GUI thread."""

    reported = Signal(str)  # the message shown (tests wait on it)
    _from_thread = Signal(object, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.previous = sys.excepthook
        self.box: QMessageBox | None = None
        self.last_key: tuple[str, str] | None = None
        self.repeats = 0
        self._from_thread.connect(self.report, Qt.ConnectionType.QueuedConnection)

    def hook(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self.previous(kind, error, tb)
            return
        if threading.current_thread() is threading.main_thread():
            self.report(kind, error, tb)
        else:
            self._from_thread.emit(kind, error, tb)

    def report(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        stamp = datetime.datetime.now().isoformat(timespec="seconds")
        details = "".join(traceback.format_exception(kind, error, tb))
        log = write_log(f"--- {stamp}\n{details}\n")
        try:
            self._say(kind, error, log)
        except Exception:  # noqa: BLE001 - the hook must never raise; stderr is the last resort
            sys.__stderr__ and sys.__stderr__.write(details)

    def _say(self, kind: type[BaseException], error: BaseException, log: Path | None) -> None:
        summary = f"{kind.__name__}: {error}".splitlines()[0][:300]
        key = (kind.__name__, summary)
        where = str(log) if log is not None else marked("ErrorReport", NO_LOG)
        text = marked("ErrorReport", MESSAGE).format(error=summary, log=where)
        if self.box is not None and self.box.isVisible() and key == self.last_key:
            self.repeats += 1
            text += "\n" + marked("ErrorReport", AGAIN).format(n=self.repeats + 1)
        else:
            self.repeats = 0
        self.last_key = key
        if QApplication.instance() is None:
            return
        if self.box is None:
            self.box = QMessageBox(QMessageBox.Icon.Warning, "", "", QMessageBox.StandardButton.Close, QApplication.activeWindow())
            self.box.setObjectName("error_report")
            self.box.setWindowModality(Qt.WindowModality.NonModal)  # the studio stays usable behind it
        self.box.setTextFormat(Qt.TextFormat.PlainText)  # the error's words may quote a file's names
        self.box.setWindowTitle(marked("ErrorReport", TITLE))
        self.box.setText(text)
        self.box.show()
        self.reported.emit(text)


_reporter: ErrorReporter | None = None


def install() -> ErrorReporter:
    """Make this process's uncaught exceptions logged and said (once; later calls return the same reporter)."""
    global _reporter
    if _reporter is None:
        _reporter = ErrorReporter(QCoreApplication.instance())
        sys.excepthook = _reporter.hook
        reporter = _reporter
        threading.excepthook = lambda args: reporter.hook(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)
    return _reporter


def uninstall() -> None:
    """Give the hook back (tests)."""
    global _reporter
    if _reporter is not None:
        sys.excepthook = _reporter.previous
        threading.excepthook = threading.__excepthook__
        _reporter = None
