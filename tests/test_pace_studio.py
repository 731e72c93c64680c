"""The pace in the window: run_speed holds the rate, run_for pauses exactly, both kept in the session file."""

import time

import pytest
from conftest import FIXTURES
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSpinBox

from bpstudio.control import RunState
from bpstudio.control.files.session_file import load_session
from bpstudio.control.runtime.pace import Pace


def box(window, name) -> QSpinBox:
    found = window.findChild(QSpinBox, name)
    assert found is not None, name
    return found


def trigger(window, name) -> None:
    found = window.findChild(QAction, name)
    assert found is not None, name
    found.trigger()


def pause(qtbot, window) -> None:
    trigger(window, "pause")
    qtbot.waitUntil(lambda: window.last.state is RunState.PAUSED, timeout=5000)


def test_run_speed_50_gives_50_iterations_a_second(qtbot, open_studio):
    window = open_studio()
    assert box(window, "run_speed").value() == 0 and box(window, "run_for").value() == 0  # full speed, until paused
    box(window, "run_speed").setValue(50)
    qtbot.waitUntil(lambda: window.last.pace.run_speed == 50, timeout=5000)
    trigger(window, "run")
    trainer = window.training.session.trainer
    qtbot.waitUntil(lambda: trainer.iteration >= 5, timeout=5000)  # under way
    start, begun = trainer.iteration, time.perf_counter()
    qtbot.waitUntil(lambda: time.perf_counter() - begun >= 3.0, timeout=10000)
    reached, ended = trainer.iteration, time.perf_counter()
    rate = (reached - start) / (ended - begun)
    assert 40 <= rate <= 60, rate
    shown = window.status.fields["rate"].text()  # the status bar's live figure agrees
    assert shown.endswith("it/s") and 40 <= float(shown.split()[0].replace(",", "")) <= 60, shown
    pause(qtbot, window)


def test_run_for_pauses_exactly_n_later_each_time(qtbot, open_studio):
    window = open_studio()
    with qtbot.waitSignal(window.training.updated, timeout=5000):
        window.training.step(3)
    box(window, "run_for").setValue(25)
    assert box(window, "run_for").text() == "run 25 then pause"
    for start in (3, 28):
        trigger(window, "run")
        qtbot.waitUntil(lambda: window.last.state is RunState.PAUSED and window.last.iteration > start, timeout=10000)  # noqa: B023 - waited for here
        assert window.last.iteration == window.training.session.trainer.iteration == start + 25
        assert window.findChild(QAction, "run").isEnabled() and not window.findChild(QAction, "pause").isEnabled()
    box(window, "run_for").setValue(0)  # until paused again
    trigger(window, "run")
    qtbot.waitUntil(lambda: window.last.iteration > 53 + 25, timeout=10000)
    assert window.last.state is RunState.RUNNING
    pause(qtbot, window)


def test_pace_goes_through_save_and_open(qtbot, tmp_path, open_studio):
    first = open_studio()
    box(first, "run_speed").setValue(20)
    box(first, "run_for").setValue(7)
    with qtbot.waitSignal(first.training.updated, timeout=5000):
        first.gestures.step()
    path = tmp_path / "paced.bpstudio"
    assert first.files.save_to(path)
    assert load_session(path).pace == Pace(run_speed=20, run_for=7)
    box(first, "run_for").setValue(8)
    assert first.files.unsaved  # the pace is part of the session
    first.close()

    second = open_studio()
    assert box(second, "run_speed").value() == 0
    assert second.files.open(path)
    qtbot.waitUntil(lambda: second.last.iteration == 1, timeout=5000)
    assert (box(second, "run_speed").value(), box(second, "run_for").value()) == (20, 7)
    assert box(second, "run_speed").text() == "20 it/s"
    assert not second.files.unsaved
    # a file from before the pace existed opens at full speed, until paused
    assert second.files.open(FIXTURES / "old_article.bpstudio")
    qtbot.waitUntil(lambda: second.last.iteration == 20, timeout=5000)
    assert (box(second, "run_speed").value(), box(second, "run_for").value()) == (0, 0)
    assert box(second, "run_speed").text() == "full speed" and box(second, "run_for").text() == "run until paused"
    assert not second.files.unsaved


def test_the_pace_is_on_the_toolbar_in_presentation_mode_with_keys(qtbot, open_studio):
    window = open_studio()
    window.menus.presentation.setChecked(True)  # F5: the Controls dock is hidden
    qtbot.waitUntil(lambda: not window.controls_dock.isVisible(), timeout=5000)
    for name in ("run_speed", "run_for"):
        assert box(window, name).isVisibleTo(window), name  # on the bar itself, not in its overflow menu
    trigger(window, "pace_slower")  # from full speed: the fastest rung
    assert box(window, "run_speed").value() == 10_000
    box(window, "run_speed").setValue(50)
    trigger(window, "pace_faster")
    assert box(window, "run_speed").value() == 100
    trigger(window, "pace_slower")
    trigger(window, "pace_slower")
    assert box(window, "run_speed").value() == 20
    qtbot.waitUntil(lambda: window.last.pace.run_speed == 20, timeout=5000)


@pytest.mark.parametrize("language", ["zh_CN"])
def test_the_pace_speaks_chinese(qtbot, open_studio, language):
    window = open_studio()
    window.languages.set_language(language)
    assert box(window, "run_speed").specialValueText() == "全速"
    box(window, "run_for").setValue(100)
    assert "100" in box(window, "run_for").text() and "暂停" in box(window, "run_for").text()
    window.languages.set_language("en")


@pytest.mark.parametrize("trainer", ["thread", "process"])
def test_a_slow_run_stops_exactly_and_closes_at_once(qtbot, open_studio, monkeypatch, trainer):
    monkeypatch.setenv("BPSTUDIO_TRAINER", trainer)  # the studio's default is its own process
    window = open_studio()
    box(window, "run_for").setValue(10)
    box(window, "run_speed").setValue(100)
    trigger(window, "run")
    qtbot.waitUntil(lambda: window.last.state is RunState.PAUSED and window.last.iteration > 0, timeout=10000)
    assert window.last.iteration == 10
    box(window, "run_speed").setValue(1)  # one a second: the trainer spends its time waiting
    trigger(window, "run")
    qtbot.waitUntil(lambda: window.last.iteration == 11 and window.last.state is RunState.RUNNING, timeout=5000)
    pause(qtbot, window)  # the pause ends the wait for iteration 12 (tests/test_pace.py times that without Qt)
    assert window.last.iteration == 11
    trigger(window, "run")
    qtbot.waitUntil(lambda: window.last.iteration == 12, timeout=5000)
    window.close()  # waits CLOSE_WAIT_MS (0.3 s) for the trainer at most, else it stays open and says so
    assert window.training.isFinished() and not window.isVisible()


def test_space_still_runs_while_a_pace_box_has_the_focus(qtbot, open_studio):
    from PySide6.QtCore import Qt

    window = open_studio()
    speed = box(window, "run_speed")
    speed.setFocus()
    qtbot.waitUntil(speed.hasFocus, timeout=2000)
    speed.selectAll()  # "full speed" typed over
    qtbot.keyClicks(speed.lineEdit(), "20")
    qtbot.keyClick(speed, Qt.Key.Key_Return)  # typed and confirmed: the run gets the keys back
    assert speed.value() == 20 and not speed.hasFocus()
    speed.setFocus()
    qtbot.waitUntil(speed.hasFocus, timeout=2000)
    qtbot.keyClick(speed, Qt.Key.Key_Space)  # with the focus still in the box
    qtbot.waitUntil(lambda: window.last.state is RunState.RUNNING, timeout=5000)
    pause(qtbot, window)
