"""Closing while the training thread is busy: a visible wait, then a clean exit (C1)."""

import subprocess
import sys
import threading

from conftest import REPO

from bpstudio.control import ApplyConfig
from bpstudio.control.runtime.session import TrainingSession
from bpstudio.engine.config import RunConfig


def test_close_during_a_long_step_waits_visibly_then_closes(qtbot, open_studio, monkeypatch):
    win = open_studio(RunConfig(samples=50))
    busy, release = threading.Event(), threading.Event()
    real = TrainingSession._start_run

    def long_step(self, config, field):  # e.g. reading a 2-million-row CSV file
        busy.set()
        release.wait(30)
        real(self, config, field)

    monkeypatch.setattr(TrainingSession, "_start_run", long_step)
    win.training.submit(ApplyConfig(RunConfig(samples=60)))
    assert busy.wait(10)
    win.close()
    assert win.isVisible() and win.training.isRunning()
    assert "Finishing the current step" in win.banner.text() and win.banner.isVisible()
    win.close()  # a second request while waiting changes nothing
    assert win.isVisible()
    release.set()
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=10000)
    assert not win.training.isRunning()


SCRIPT = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from bpstudio.control import ApplyConfig
from bpstudio.control.runtime.session import TrainingSession
from bpstudio.engine.config import RunConfig
from bpstudio.qt.main_window import MainWindow

real = TrainingSession._start_run
def long_step(self, config, field):
    time.sleep(6.0)  # the issue's scenario: busy for longer than the old 5 s wait
    real(self, config, field)
TrainingSession._start_run = long_step

app = QApplication(sys.argv)
window = MainWindow(RunConfig(samples=50), restore_settings=False)
window.ask_before_closing = False
window.show()
window.training.submit(ApplyConfig(RunConfig(samples=60)))
QTimer.singleShot(300, window.close)  # the last window closes, so the application quits when it has
sys.exit(app.exec())
"""


def test_closing_the_program_while_busy_never_aborts(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert "QThread: Destroyed" not in result.stderr
    assert result.returncode == 0, result.stderr


def test_quitting_the_application_while_busy_waits_for_the_thread():
    script = SCRIPT.replace("QTimer.singleShot(300, window.close)", "QTimer.singleShot(300, app.quit)")
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert "QThread: Destroyed" not in result.stderr and result.returncode == 0, result.stderr
