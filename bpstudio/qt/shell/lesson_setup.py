"""A lesson's (or the guided tour's) starting state: its run, paused at iteration 0, its weight chosen.

It is a session of its own: unsaved work is asked about first (and kept when
the user says so), and the file the old session came from is let go, so that
Save never writes the lesson over it.  A run with another network or data
opens with the lesson's weight (the model's selection to open with); settings
of training only keep the network, and the weight is chosen at once.
"""

from __future__ import annotations

from bpstudio.control import ApplyConfig, Reset
from bpstudio.control.model.studio_model import NO_SELECTION, StudioModel
from bpstudio.engine.config import RunConfig
from bpstudio.qt.files.session_files import SessionFiles
from bpstudio.qt.shell.phase_walk import PhaseWalk


class LessonSetUp:
    def __init__(self, model: StudioModel, training, files: SessionFiles, phase_walk: PhaseWalk) -> None:
        self.model, self.training, self.files, self.phase_walk = model, training, files, phase_walk

    def for_tour(self) -> bool:
        """The guided tour's starting state: the article's run, iteration 0, nothing selected."""
        return self.set_up(RunConfig(), None)

    def set_up(self, config: RunConfig, param: int | None) -> bool:
        """``config``'s run paused at iteration 0, ``param`` chosen; False when the user keeps the work on screen."""
        if not self.files.confirm_discard():
            return False
        self.files.let_go()
        self.training.pause()
        last = self.model.last
        if last is None or last.config.needs_new_run(config):
            self.model.open_next_run_with(NO_SELECTION if param is None else param)  # chosen when the run opens
            self.training.submit(ApplyConfig(config))
        else:
            self.training.submit(ApplyConfig(config))  # training settings only: the same network
            self.model.select(param)
        self.training.submit(Reset())
        self.phase_walk.clear()
        if param is None:
            self.model.select(None)
        return True
