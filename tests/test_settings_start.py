"""Settings never brick start; a failed or too large switch puts the controls back (D1, C3)."""

import json

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from bpstudio.control.files.stored_config import StoredConfigError, config_from_settings
from bpstudio.engine.config import RunConfig


def store(config_text):
    settings = QSettings("BPStudio", "BPStudio")
    settings.setValue("config", config_text)
    settings.setValue("tour_seen", True)
    settings.sync()


@pytest.mark.parametrize(
    "text, reason",
    [
        (json.dumps({**RunConfig().to_dict(), "samples": 1_000_000, "hidden": [4096]}), "draws at most"),
        (json.dumps({**RunConfig().to_dict(), "samples": 1_000_000, "hidden": [200]}), "GB of memory"),
        ("{[not json", "Expecting"),
        (json.dumps({**RunConfig().to_dict(), "data_file": "/nowhere/gone.csv", "inputs": ["a"], "targets": ["b"]}), "does not exist"),
        (json.dumps({"hidden": "five"}), "hidden"),
        (json.dumps([1, 2]), "not a settings object"),
    ],
)
def test_a_bad_stored_config_is_set_aside_with_its_reason(text, reason):
    with pytest.raises(StoredConfigError, match=reason):
        config_from_settings(text)


def test_the_studio_starts_on_the_article_after_a_config_that_once_failed(qtbot, open_studio, monkeypatch):
    notices = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: notices.append(a[2]))
    store(json.dumps({**RunConfig().to_dict(), "samples": 1_000_000, "hidden": [4096]}))
    win = open_studio(restore_settings=True)
    assert win.last.config == RunConfig()
    qtbot.waitUntil(lambda: bool(notices), timeout=5000)
    assert "could not be used" in notices[0] and "article's run" in notices[0]
    win.close()  # what is stored now is the running (applied) config
    assert config_from_settings(QSettings("BPStudio", "BPStudio").value("config")) == RunConfig()


def test_a_good_stored_config_is_used(open_studio):
    store(json.dumps(RunConfig(hidden=(6,), samples=200).to_dict()))
    win = open_studio(restore_settings=True)
    assert win.last.config.hidden == (6,) and win.settings_notice is None


def test_a_failed_switch_puts_the_controls_back(qtbot, open_studio, monkeypatch):
    win = open_studio(RunConfig(samples=100))
    real = RunConfig.trainer

    def no_memory(self, problem=None):
        if self.hidden == (7,):
            raise MemoryError("cannot allocate 30 GiB")
        return real(self, problem)

    monkeypatch.setattr(RunConfig, "trainer", no_memory)
    win.controls.editors["hidden"].setText("7")
    win.controls._commit("hidden")
    qtbot.waitUntil(lambda: win.controls.errors["hidden"].isVisible(), timeout=5000)
    assert "not enough memory" in win.controls.errors["hidden"].text()
    assert win.controls.editors["hidden"].text() == "5"
    assert win.training.session.config.hidden == (5,) and win.last.config.hidden == (5,)
    assert win.training.session.trainer.network.sizes == (3, 5, 3)


def test_a_run_over_the_budget_is_refused_next_to_the_field_and_the_old_run_goes_on(qtbot, monkeypatch, open_studio):
    # The studio's own arrangement, the trainer in a process: in a thread of this process the run
    # competes with the window and the typesetter for one interpreter, and this test measured that.
    monkeypatch.setenv("BPSTUDIO_TRAINER", "process")
    win = open_studio(RunConfig(samples=100, max_iter=10**7))
    assert win.training.process is not None
    win.gestures.run()
    qtbot.waitUntil(lambda: win.last.iteration > 5, timeout=10000)
    win.controls.editors["hidden"].setText("512,512")
    win.controls._commit("hidden")
    qtbot.waitUntil(lambda: win.controls.errors["hidden"].isVisible(), timeout=5000)
    assert "the studio draws at most 5000" in win.controls.errors["hidden"].text()
    assert win.last.config.hidden == (5,)
    running_at = win.last.iteration
    qtbot.waitUntil(lambda: win.last.iteration > running_at, timeout=5000)  # the previous run keeps going
    assert win.last.config.hidden == (5,)
    win.gestures.pause()


@pytest.mark.parametrize("screen, expected", [((1920, 1080), (1728, 972)), ((1366, 740), None)])
def test_a_first_start_takes_most_of_the_screen_centred(qtbot, monkeypatch, open_studio, screen, expected):
    """A 1920 screen showed a 1366x768 window in its corner; a laptop's is maximized, so that
    the frame around the window does not push the status bar off the screen (#24)."""
    from PySide6.QtCore import QRect

    from bpstudio.qt.main_window import MainWindow

    class Screen:
        def availableGeometry(self):
            return QRect(0, 0, *screen)

    settings = QSettings("BPStudio", "BPStudio")
    settings.remove("geometry")
    settings.remove("window_state")
    settings.setValue("tour_seen", True)
    monkeypatch.setattr(MainWindow, "screen", lambda self: Screen())
    win = open_studio(restore_settings=True)
    if expected is None:
        assert win.isMaximized()
        return
    from bpstudio.qt.shell.studio_settings import FRAME_ROOM

    assert (win.width(), win.height()) == expected
    frame = (expected[0] + FRAME_ROOM.width(), expected[1] + FRAME_ROOM.height())  # centred with its frame
    assert (win.x(), win.y()) == ((screen[0] - frame[0]) // 2, (screen[1] - frame[1]) // 2)
