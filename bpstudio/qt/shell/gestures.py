"""What the user's gestures ask of the trainer: the run's seven actions, the controls, the pace, the sample.

Every gesture becomes a command for the training thread (or process); nothing
here changes what is shown — the Update that comes back does (see
:mod:`.run_view`, :mod:`.refusals`).  Two things are shown at once because the
trainer's answer would come a moment late: Run and Pause switch the actions
(Space must not start a run twice), and Run and Step put a phase walk away.
One setting goes to the trainer, which refuses what cannot be (:mod:`.refusals`
says why); a data set with what it takes along is checked here first
(``RunConfig.with_changes``) and, if it cannot be a run, said in the banner,
never sent.  After Enter in a field, Space and the arrows drive the run again:
the diagram takes the focus back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from bpstudio.control import ApplyConfig, Redo, Reset, Rewind, RunState, SelectSample, SetPace, SetSetting, SetWeight
from bpstudio.control.model.studio_model import StudioModel
from bpstudio.control.model.task_settings import changes_for
from bpstudio.engine.config import ConfigError, RunConfig
from bpstudio.qt.files.csv_dialog import CsvDataDialog
from bpstudio.qt.shell.controls_panel import ControlsPanel
from bpstudio.qt.shell.i18n import localized
from bpstudio.qt.shell.pace_controls import PaceControls
from bpstudio.qt.shell.phase_walk import PhaseWalk
from bpstudio.qt.shell.run_view import RunView
from bpstudio.qt.shell.training_actions import TrainingActions


class Gestures(QObject):
    def __init__(
        self,
        training,  # TrainingThread: start_running, pause, step, step_phase, submit
        model: StudioModel,
        signals,
        run_view: RunView,
        phase_walk: PhaseWalk,
        say: Callable[[str], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.training, self.model = training, model
        self.run_view, self.phase_walk, self.say = run_view, phase_walk, say
        self.parent_widget = parent
        self.controls: ControlsPanel | None = None
        # the trainer's phase walk and the chain report the same sample: the model's (its one owner)
        signals.sample_changed.connect(lambda sample: self.training.submit(SelectSample(sample)))

    def take_from(self, controls: ControlsPanel, pace: PaceControls, focus: QWidget, actions: TrainingActions) -> None:
        """The run's seven actions, the Controls dock's requests and the toolbar's pace.

        After editing a field or the pace, ``focus`` (the diagram) has the keys again.
        """
        for name, action in actions.by_name.items():  # run, pause, step, step_phase, rewind, redo, reset
            action.triggered.connect(getattr(self, name))
        self.controls = controls
        controls.change_requested.connect(self.on_change_requested)
        controls.changes_requested.connect(lambda changes: self.apply_data(**changes))
        controls.restore_requested.connect(self.restore_defaults)
        controls.csv_requested.connect(self.choose_csv)
        controls.article_data_requested.connect(self.use_article_data)
        pace.pace_changed.connect(lambda chosen: self.training.submit(SetPace(chosen)))
        for done in (controls.editing_done, pace.editing_done):
            done.connect(lambda: focus.setFocus(Qt.FocusReason.OtherFocusReason))

    # -- the run ---------------------------------------------------------------------------
    def run(self) -> None:
        self.phase_walk.clear()
        self.training.start_running()
        self.run_view.show_state(RunState.RUNNING)

    def pause(self) -> None:
        self.training.pause()
        self.run_view.show_state(RunState.PAUSED)

    def step(self) -> None:
        self.phase_walk.clear()
        self.training.step()

    def step_phase(self) -> None:
        self.training.step_phase()

    def redo(self) -> None:
        self.training.submit(Redo())

    def rewind(self) -> None:
        self.training.submit(Rewind())

    def reset(self) -> None:
        self.training.submit(Reset())

    def set_weight(self, param: int, value: float) -> None:
        """A weight dragged on the landscape: the current point moves."""
        self.training.submit(SetWeight(param, value))

    # -- settings --------------------------------------------------------------------------
    def on_change_requested(self, field: str, value) -> None:
        self.training.submit(SetSetting(field, value))

    def restore_defaults(self) -> None:
        self.training.submit(ApplyConfig(RunConfig()))

    def _config(self) -> RunConfig:
        """The settings the controls show (the run's, as the last Update said)."""
        if self.controls is not None:
            return self.controls.config
        last = self.model.last
        return RunConfig() if last is None else last.config

    def choose_csv(self) -> None:
        last = self.model.last
        dialog = CsvDataDialog(self.parent_widget, last.config.data_file if last else "")
        if dialog.exec():
            self.apply_data(**dialog.choice())

    def use_article_data(self) -> None:
        self.apply_data(**changes_for(self._config(), "dataset", "article"), data_file="", inputs=(), targets=(), formulas=())

    def apply_data(self, **changes) -> None:
        try:
            config = self._config().with_changes(**changes)
        except ConfigError as err:
            self.say(localized(err))
            return
        self.training.submit(ApplyConfig(config))
