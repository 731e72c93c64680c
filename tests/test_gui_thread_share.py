"""The window's share of the machine while a net trains: Python's lock handed over quickly, Qt's painter on one thread.

Both settings are the studio's answer to a measured stall (see
:mod:`bpstudio.qt.shell.background` and :mod:`bpstudio.qt.shell.raster_threads`);
the benchmarks print what they buy, these tests keep them in place.
"""

import os
import sys

import pytest

from bpstudio.qt.shell import background, raster_threads
from bpstudio.qt.shell.background import BackgroundWorker


@pytest.fixture
def switch_interval():
    """Python's switch interval is the process's: each test puts back what it found."""
    saved = sys.getswitchinterval()
    yield
    sys.setswitchinterval(saved)


def test_with_a_background_thread_the_gui_thread_waits_at_most_a_fifth_of_a_millisecond_for_python(qtbot, switch_interval, monkeypatch):
    sys.setswitchinterval(0.005)  # Python's default
    monkeypatch.setattr(BackgroundWorker, "_shared", {})  # as in a fresh studio: no worker yet
    worker = BackgroundWorker.shared("share-test")
    try:
        assert sys.getswitchinterval() == pytest.approx(background.HANDOVER_SECONDS, rel=0.01)
    finally:
        worker.stop()
    assert background.HANDOVER_SECONDS <= 0.0002


def test_a_shorter_interval_the_application_chose_is_kept(switch_interval):
    sys.setswitchinterval(0.00005)
    background.hand_the_interpreter_over_quickly()
    assert sys.getswitchinterval() == pytest.approx(0.00005, rel=0.01)


def test_the_studio_window_switches_qts_painting_helpers_off_before_it_paints(open_studio, monkeypatch):
    monkeypatch.delenv(raster_threads.SWITCH, raising=False)
    win = open_studio()
    assert os.environ.get(raster_threads.SWITCH) == "1"
    assert win.isVisible()


def test_a_users_own_choice_for_qts_painting_helpers_stays(monkeypatch):
    monkeypatch.setenv(raster_threads.SWITCH, "0")
    raster_threads.paint_on_the_gui_thread_only()
    assert os.environ[raster_threads.SWITCH] == "0"
