"""The phase walk on screen: the diagram draws the phase, the banner names it, the layout makes room.

Shift+→ walks one iteration phase by phase (forward, loss, backward, update);
each Update of a walk carries its phase.  Showing one touches four views — the
diagram's numbers, the phase banner's words and equation, the projector layout
(the diagram takes the plot's height) and the lesson box (one line) — and
clearing it touches the same four, so both live here, once.  A phase is cleared
when the walk ends: a new run, or any state but stepping; and by the gestures
that leave it (Run, Step, a lesson's set-up).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from bpstudio.control import RunState, Update
from bpstudio.control.model.studio_model import Phase, StudioModel
from bpstudio.qt.diagram.network_view import NetworkView
from bpstudio.qt.inspector.phase_banner import PhaseBanner
from bpstudio.qt.learning.lessons_menu import LessonBox
from bpstudio.qt.shell.projector_layout import ProjectorLayout


class PhaseWalk(QObject):
    def __init__(
        self,
        model: StudioModel,
        signals,
        diagram: NetworkView,
        banner: PhaseBanner,
        projector: ProjectorLayout,
        lesson_box: LessonBox,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.diagram, self.banner, self.projector, self.lesson_box = diagram, banner, projector, lesson_box
        signals.update_applied.connect(self.follow)

    def follow(self, update: Update) -> None:
        if update.phase is not None:
            self.show(update.phase)
        elif self.diagram.phase is not None and (update.new_run or update.state is not RunState.STEPPING):
            self.show(None)  # only when a phase is drawn: clearing redraws every link

    def clear(self) -> None:
        self.show(None)

    def show(self, phase: Phase | None) -> None:
        """The diagram draws ``phase``, the banner names it (both cleared with None)."""
        self.diagram.show_phase(phase)
        self.projector.phase_walk(phase is not None)  # the diagram takes the plot's room on a projector
        self.lesson_box.set_collapsed(phase is not None or self.projector.active)  # one line: the diagram's height
        last, problem = self.model.last, self.model.problem
        if phase is None or last is None or problem is None:
            self.banner.show_phase(None)
            return
        config = last.config
        self.banner.show_phase(phase, problem.network.n_layers, config.activation, config.optimizer)
