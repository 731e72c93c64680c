"""The window composes only (issue 26): a short module with few connections, and Qt's own thread() unhidden.

Views connect themselves to the model and presenters decide the rest; a window
module that grows past these limits is taking their work back.
"""

from pathlib import Path

from PySide6.QtCore import QThread

import bpstudio.qt.main_window as main_window

MAX_LINES = 300
MAX_CONNECTS = 12


def test_the_window_module_stays_within_its_limits():
    text = Path(main_window.__file__).read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_LINES
    assert text.count(".connect(") <= MAX_CONNECTS


def test_the_trainer_is_training_and_qts_thread_is_the_windows_own(open_studio):
    win = open_studio()
    assert isinstance(win.thread(), QThread)  # QObject.thread(): the thread the window lives in
    assert win.thread() is not win.training and win.training.isRunning()


def test_every_view_and_presenter_is_told_of_one_update_in_order(open_studio, qtbot):
    """One Update reaches the plot, the settings, the phase walk and what a run shows, through the model."""
    win = open_studio()
    win.gestures.step_phase()
    qtbot.waitUntil(lambda: win.last.phase is not None and win.phase_banner.isVisibleTo(win), timeout=5000)
    assert win.network_view.phase is win.last.phase and "1/6" in win.phase_banner.text()
    win.gestures.step()  # the walked iteration ends (its update phase shown), then a whole one
    qtbot.waitUntil(lambda: win.last.iteration == 1, timeout=5000)
    win.gestures.step()
    qtbot.waitUntil(lambda: win.last.phase is None and win.last.iteration == 2, timeout=5000)
    assert win.network_view.phase is None and not win.phase_banner.isVisibleTo(win)
    assert win.status.fields["iteration"].text() == "iteration 2"
    assert win.actions_by_name["rewind"].isEnabled() and not win.actions_by_name["pause"].isEnabled()


def test_the_chosen_sample_has_one_owner_that_the_trainer_and_the_diagram_follow(open_studio, qtbot):
    """A sample chosen in the inspector, then a smaller data set: the phase walk shows the last sample it has."""
    from bpstudio.engine.config import RunConfig

    win = open_studio(RunConfig(samples=40))
    win.inspector.sample_box.setValue(30)
    assert win.model.sample == 30 and win.network_view.tips.sample_of() == 30
    qtbot.waitUntil(lambda: win.training.session.sample == 30, timeout=5000)
    win.gestures.on_change_requested("samples", 10)
    qtbot.waitUntil(lambda: win.problem is not None and win.problem.dataset.n_samples == 10, timeout=5000)
    assert win.model.sample == 9 and win.inspector.sample_box.value() == 9
    win.gestures.step_phase()
    qtbot.waitUntil(lambda: win.last.phase is not None, timeout=5000)
    assert win.last.phase.sample == 9 and win.banner.isHidden()
