"""The window's presenters, each on its own: built from a model, a few views or stand-ins, and plain callables.

What each decides is checked without a MainWindow: where a refusal is said,
what a gesture asks of the trainer, a lesson's starting state, what a run
shows and how often, the phase walk, the trainer's reports, the language.
"""

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from bpstudio.control import ApplyConfig, Reset, RunState, SelectSample, SetSetting, StepPhase, Submit, TrainingSession
from bpstudio.control.model.studio_model import NO_SELECTION, StudioModel
from bpstudio.engine.config import RunConfig
from bpstudio.qt.shell.controls_panel import ControlsPanel
from bpstudio.qt.shell.gestures import Gestures
from bpstudio.qt.shell.language_switch import LanguageSwitch
from bpstudio.qt.shell.lesson_setup import LessonSetUp
from bpstudio.qt.shell.model_signals import ModelSignals
from bpstudio.qt.shell.notice_banner import NoticeBanner
from bpstudio.qt.shell.phase_walk import PhaseWalk
from bpstudio.qt.shell.refusals import Refusals
from bpstudio.qt.shell.run_view import RunView
from bpstudio.qt.shell.trainer_reports import TrainerReports
from bpstudio.qt.shell.training_actions import TrainingActions


class Calls:
    """A stand-in that records each method called on it, with its arguments."""

    def __init__(self, **attributes):
        self.calls = []
        self.__dict__.update(attributes)

    def __getattr__(self, name):
        return lambda *args, **kwargs: self.calls.append((name, *args))

    def named(self, name):
        return [call[1:] for call in self.calls if call[0] == name]


def opened(config=RunConfig(samples=40), adapted=True):  # noqa: B008 - a frozen config, read only
    """A model on a session's first Update, and its Qt adapter (keep it: the model's events call it)."""
    session, model = TrainingSession(config), StudioModel()
    signals = ModelSignals(model) if adapted else None
    model.apply_update(session.update(False))
    return session, model, signals


def test_a_refusal_is_said_under_its_field_or_else_in_the_banner(qtbot):
    session, model, signals = opened()
    controls, banner, dock = ControlsPanel(session.config), NoticeBanner(), QWidget()
    for widget in (controls, banner, dock):
        qtbot.addWidget(widget)
    refusals = Refusals(signals, controls, dock, banner)  # noqa: F841 - kept: a presenter lives as long as its owner
    session.execute(Submit(SetSetting("alpha", -1.0)))
    model.apply_update(session.update(False))
    assert "greater than 0" in controls.errors["alpha"].text() and banner.isHidden()
    session.execute(Submit(SelectSample(99)))  # no field of the controls is about the sample
    model.apply_update(session.update(False))
    assert not banner.isHidden() and "sample" in banner.text()
    model.apply_update(session.update(False))  # the next Update of a run going on: the banner goes
    assert banner.isHidden()


def test_the_banner_takes_back_only_what_it_still_says(qtbot):
    banner = NoticeBanner()
    qtbot.addWidget(banner)
    banner.say("the trainer is silent")
    banner.say("a refusal")
    banner.unsay("the trainer is silent")  # another message took its place: it stays
    assert not banner.isHidden() and banner.text() == "a refusal"
    banner.unsay("a refusal")
    assert banner.isHidden()


def gestures_on(qtbot):
    session, model, signals = opened()
    parent = QMainWindow()
    qtbot.addWidget(parent)
    training, run_view, phase_walk, said = Calls(), Calls(), Calls(), []
    gestures = Gestures(training, model, signals, run_view, phase_walk, said.append, parent)
    parent.signals = signals  # the adapter lives as long as the window, as in the studio
    return session, model, gestures, training, run_view, phase_walk, said, parent


def test_gestures_become_trainer_commands(qtbot):
    session, model, gestures, training, run_view, phase_walk, said, parent = gestures_on(qtbot)
    gestures.run()
    assert training.named("start_running") == [()] and phase_walk.named("clear") == [()]
    assert run_view.named("show_state") == [(RunState.RUNNING,)]  # Space must not start the run twice
    actions = TrainingActions(parent)
    controls = ControlsPanel(session.config)
    qtbot.addWidget(controls)
    gestures.take_from(controls, Calls(pace_changed=Calls(), editing_done=Calls()), parent, actions)
    actions.by_name["reset"].setEnabled(True)
    actions.by_name["reset"].trigger()
    controls.change_requested.emit("alpha", 0.01)
    submitted = training.named("submit")
    assert isinstance(submitted[0][0], Reset) and submitted[1][0] == SetSetting("alpha", 0.01)


def test_a_setting_that_cannot_be_a_run_is_said_not_sent(qtbot):
    _, _, gestures, training, _, _, said, _ = gestures_on(qtbot)
    gestures.apply_data(samples=-3)
    assert training.named("submit") == [] and said and "samples" in said[0]
    gestures.apply_data(samples=30)
    (command,) = training.named("submit")[0]
    assert isinstance(command, ApplyConfig) and command.config.samples == 30


def test_the_trainer_follows_the_models_sample(qtbot):
    """The phase walk reports the sample the inspector shows: the model's, sent when it changes."""
    _, model, _, training, _, _, _, _ = gestures_on(qtbot)
    model.select_sample(6)
    assert training.named("submit") == [(SelectSample(6),)]


def lesson_set_up(keep_work=False):
    session, model, _ = opened(adapted=False)
    files, training, phase_walk = Calls(confirm_discard=lambda: not keep_work), Calls(), Calls()
    return model, files, training, phase_walk, LessonSetUp(model, training, files, phase_walk)


def test_a_lesson_opens_its_run_paused_at_iteration_0_with_its_weight():
    model, files, training, phase_walk, set_up = lesson_set_up()
    assert set_up.set_up(RunConfig(samples=30), 4)
    assert files.named("let_go") == [()] and training.named("pause") == [()] and phase_walk.named("clear") == [()]
    commands = [call[0] for call in training.named("submit")]
    assert commands[0] == ApplyConfig(RunConfig(samples=30)) and isinstance(commands[1], Reset)
    assert model.pending_selection == 4  # another data set: a new run, which opens with the lesson's weight
    assert set_up.for_tour() and model.pending_selection == NO_SELECTION  # the tour: nothing chosen


def test_a_lesson_declined_keeps_the_work_on_screen():
    model, files, training, phase_walk, set_up = lesson_set_up(keep_work=True)
    assert not set_up.set_up(RunConfig(samples=30), 4)
    assert training.calls == [] and files.named("let_go") == [] and model.pending_selection is None


def test_a_running_run_is_shown_at_5_hz_and_a_paused_one_at_once(qtbot):
    session, model, signals = opened()
    actions, status, plot, diagram = Calls(), Calls(), Calls(), Calls()
    run_view = RunView(model, signals, actions, status, plot, diagram, Calls(sliders=[]))
    running = session.update(True)
    model.apply_update(running)
    assert actions.named("follow")[-1] == (RunState.RUNNING, 0, False) and status.named("show_update") == []
    run_view._refresh_running()  # what its timer does, 5 times a second
    run_view._refresh_running()  # nothing new since
    assert status.named("show_update") == [(running,)] and plot.named("show_title") == [(running,)]
    paused = session.update(False)
    model.apply_update(paused)
    assert status.named("show_update")[-1] == (paused,) and len(diagram.named("set_weights")) == 2
    run_view.stop()


def test_the_phase_walk_is_drawn_named_and_given_room_then_put_away():
    session, model, signals = opened()
    diagram = Calls(phase=None)
    diagram.show_phase = lambda phase: setattr(diagram, "phase", phase)
    banner, projector, lesson_box = Calls(), Calls(active=False), Calls()
    walk = PhaseWalk(model, signals, diagram, banner, projector, lesson_box)  # noqa: F841 - kept alive
    session.execute(StepPhase())
    model.apply_update(session.update(False))
    phase = diagram.phase
    assert phase is not None and banner.named("show_phase")[-1] == (phase, 2, "tanh", "adam")  # 3-5-3: two layers of weights
    assert projector.named("phase_walk")[-1] == (True,) and lesson_box.named("set_collapsed")[-1] == (True,)
    model.apply_update(session.update(True))  # Run: the walk is over
    assert diagram.phase is None and banner.named("show_phase")[-1] == (None,)
    assert projector.named("phase_walk")[-1] == (False,) and lesson_box.named("set_collapsed")[-1] == (False,)


class FakeTraining(QObject):
    updated = Signal(object)
    failed = Signal(str)
    lost = Signal(object)

    def silent_for(self):
        return 0.0


def test_the_trainers_end_switches_off_what_needs_it_and_says_why(qtbot):
    session, model, _ = opened(adapted=False)
    training, files, banner = FakeTraining(), Calls(), NoticeBanner()
    qtbot.addWidget(banner)
    reports = TrainerReports(training, model, files, banner)
    switched = []
    reports.switch_off += [lambda: switched.append("controls"), lambda: switched.append("actions")]
    update = session.update(False)
    training.updated.emit(update)
    assert model.last is update
    training.failed.emit("ValueError: boom\nTraceback …")
    assert banner.text().endswith("error: ValueError: boom")
    training.lost.emit(-9)
    assert reports.lost and switched == ["controls", "actions"] and files.named("trainer_lost") == [()]
    assert "SIGKILL" in banner.text()
    reports.watch.timer.stop()


def test_a_language_switch_retitles_the_docks_and_tells_every_part(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    dock = QDockWidget(window)
    dock.setObjectName("controls_dock")
    actions = {code: QAction(window, checkable=True) for code in ("en", "zh_CN")}
    part = Calls()
    switch = LanguageSwitch(window, actions, lambda: [part, None])  # None: a panel not built yet
    try:
        switch.set_language("zh_CN")
        assert switch.language == "zh_CN" and actions["zh_CN"].isChecked()
        assert dock.windowTitle() == "设置" and part.named("retranslate") == [()]
    finally:
        switch.set_language("en")
    assert dock.windowTitle() == "Controls"


def test_a_running_nets_links_are_drawn_plain_and_smooth_again_once_it_stops(qtbot):
    """Antialiased links doubled the cost of the diagram's redraw at every live refresh (issue 26, item 6)."""
    from PySide6.QtGui import QPainter

    from bpstudio.qt.diagram.network_view import NetworkView

    session, model, signals = opened()
    diagram = NetworkView()
    qtbot.addWidget(diagram)
    diagram.set_problem(model.problem)
    run_view = RunView(model, signals, Calls(), Calls(), Calls(), diagram, Calls(sliders=[]))
    smooth = QPainter.RenderHint.Antialiasing
    assert diagram.renderHints() & smooth
    model.apply_update(session.update(True))
    run_view._refresh_running()  # what its timer does while the run goes on
    assert not diagram.renderHints() & smooth
    assert diagram.renderHints() & QPainter.RenderHint.TextAntialiasing  # the labels stay smooth
    model.apply_update(session.update(False))
    assert diagram.renderHints() & smooth
    run_view.stop()
