"""macOS hands a double-clicked session over as a QFileOpenEvent; the studio opens it."""

from conftest import run_bpstudio
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from bpstudio.qt.files.file_open_events import open_files_sent_by_the_system


def test_a_file_open_event_opens_the_session(qtbot, tmp_path, open_studio):
    session = tmp_path / "class.bpstudio"
    assert run_bpstudio("train", "--max-iter", "25", "--save", str(session), "--quiet").returncode == 0
    win = open_studio()
    app = QApplication.instance()
    events = open_files_sent_by_the_system(app, win.files, win)
    try:
        QCoreApplication.sendEvent(app, QFileOpenEvent(str(session)))
        qtbot.waitUntil(lambda: win.last.iteration == 25, timeout=5000)
        assert win.files.path == session
    finally:
        app.removeEventFilter(events)
    win.close()


def test_unsaved_work_is_kept_when_the_user_says_no(qtbot, tmp_path, open_studio, monkeypatch):
    session = tmp_path / "class.bpstudio"
    assert run_bpstudio("train", "--max-iter", "25", "--save", str(session), "--quiet").returncode == 0
    win = open_studio()
    with qtbot.waitSignal(win.training.updated, timeout=5000):
        win.training.step(3)
    asked = []
    monkeypatch.setattr(win.files, "confirm_discard", lambda: asked.append(True) and False)
    app = QApplication.instance()
    events = open_files_sent_by_the_system(app, win.files, win)
    try:
        QCoreApplication.sendEvent(app, QFileOpenEvent(str(session)))
    finally:
        app.removeEventFilter(events)
    assert asked == [True]
    assert win.files.path is None and win.last.iteration == 3
    win.close()
