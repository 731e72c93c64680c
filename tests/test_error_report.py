"""An exception in a view is said to the user and logged, never only a traceback on stderr (issue #25)."""

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from bpstudio.qt.shell import error_report


class Poker(QObject):
    poke = Signal()


@pytest.fixture
def reporter(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    installed = error_report.install()
    yield installed
    error_report.uninstall()
    if installed.box is not None:
        installed.box.close()


def failing_slot():
    raise ValueError("weights 13 but the net has 16")


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_view_slot_is_shown_and_logged(qtbot, reporter, tmp_path, capfd):
    poker = Poker()
    poker.poke.connect(failing_slot)
    with qtbot.waitSignal(reporter.reported, timeout=5000) as said:
        poker.poke.emit()
    box = QApplication.activeModalWidget() or reporter.box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.windowModality().name == "NonModal"  # the studio stays usable behind the message
    assert "weights 13 but the net has 16" in said.args[0] and "weights 13" in box.text()
    log = tmp_path / "cache" / "BPStudio" / "log" / "errors.log"
    assert str(log) in box.text()
    logged = log.read_text()
    assert "Traceback" in logged and "failing_slot" in logged and "ValueError" in logged
    assert "Traceback" not in capfd.readouterr().err  # said and logged, not dumped on stderr


@pytest.mark.qt_no_exception_capture
def test_a_background_jobs_failure_reaches_the_user(qtbot, reporter, tmp_path):
    from bpstudio.qt.shell.background import BackgroundWorker

    def typeset():
        raise RuntimeError("ziamath cannot parse this")

    worker = BackgroundWorker.shared()
    with qtbot.waitSignal(reporter.reported, timeout=10000) as said:
        worker.submit("hostile-test", typeset, lambda _result: None)
    assert "ziamath cannot parse this" in said.args[0]
    assert "typeset" in (tmp_path / "cache" / "BPStudio" / "log" / "errors.log").read_text()


@pytest.mark.qt_no_exception_capture
def test_a_repeated_failure_is_one_message_counted(qtbot, reporter):
    poker = Poker()
    poker.poke.connect(failing_slot)
    with qtbot.waitSignal(reporter.reported, timeout=5000):
        poker.poke.emit()
    with qtbot.waitSignal(reporter.reported, timeout=5000) as again:
        poker.poke.emit()
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1 and "2" in again.args[0].splitlines()[-1]


def test_the_message_is_in_the_users_language(qtbot, reporter):
    from bpstudio.qt.shell.i18n import install_language

    install_language("zh_CN")
    try:
        reporter.report(ValueError, ValueError("x"), None)
        assert reporter.box is not None and reporter.box.windowTitle() != error_report.TITLE
    finally:
        install_language("en")
