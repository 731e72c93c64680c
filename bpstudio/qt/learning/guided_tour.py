"""A short, skippable walk through the article's experiment, for a first start.

Each step says what to look at or do, and moves on by itself once the studio
model shows it was done (a weight selected, one iteration stepped through phase by
phase, the run finished); "Next" moves on by hand, "Skip tour" ends it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from bpstudio.control.model.studio_model import NO_SELECTION, StudioModel
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.qt.shell.i18n import marked


@dataclass(frozen=True)
class TourStep:
    title: str
    text: str
    done: Callable[[StudioModel], bool] | None = None  # the studio model -> finished?


def article_steps() -> list[TourStep]:
    return [
        TourStep(
            QT_TRANSLATE_NOOP("GuidedTour", "1 · Choose a weight"),
            QT_TRANSLATE_NOOP(
                "GuidedTour",
                "The article's network: inputs {inputs}, {hidden} tanh units (each drawn as I and O), "
                "outputs {outputs} and the loss L. Click the link r → I₁⁽¹⁾: the weight w₁₁⁽⁰⁾.",
            ),
            lambda m: m.selected == 0 and m.chain is not None,
        ),
        TourStep(
            QT_TRANSLATE_NOOP("GuidedTour", "2 · Its loss-influence chain"),
            QT_TRANSLATE_NOOP(
                "GuidedTour",
                "Every path from w₁₁⁽⁰⁾ to L is lit: the chosen link widest, the rest of the chain in "
                "green. O₁⁽¹⁾ is a source — its {branches} branches are summed there; L is a sink. The "
                "inspector writes the chain rule factored at the source, with one sample's numbers.",
            ),
        ),
        TourStep(
            QT_TRANSLATE_NOOP("GuidedTour", "3 · One iteration, phase by phase"),
            QT_TRANSLATE_NOOP(
                "GuidedTour",
                "Press Shift+→ (Step phase) six times: forward through each layer, the loss, backward "
                "through each layer, then Adam's update.",
            ),
            lambda m: m.last is not None and m.last.phase is not None and m.last.phase.kind == "update",
        ),
        TourStep(
            QT_TRANSLATE_NOOP("GuidedTour", "4 · Train to the end"),
            QT_TRANSLATE_NOOP(
                "GuidedTour",
                "Press Space (Run). Adam trains the article's 50 000 iterations in about ten seconds; Space pauses, → steps, ← rewinds.",
            ),
            lambda m: m.solved,
        ),
        TourStep(
            QT_TRANSLATE_NOOP("GuidedTour", "5 · solution-JVal"),
            QT_TRANSLATE_NOOP(
                "GuidedTour",
                "The plot is the article's figure: JVal per iteration from the green seed to the red "
                "solution star, and its title reads solution-JVal. That is the whole experiment.",
            ),
        ),
    ]


class GuidedTour(QFrame):
    """The walk-through: it reads the studio model and calls ``set_up`` to put the article's state in place.

    ``set_up`` answers False when the state could not be replaced (the user
    kept unsaved work); the tour then does not begin.
    """

    finished = Signal(bool)  # True when completed, False when skipped

    def __init__(
        self, model: StudioModel, set_up: Callable[[], bool], steps: list[TourStep] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("guided_tour")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#guided_tour { background: #e8f1fa; border: 1px solid #0072B2; }#guided_tour QLabel { color: #10273a; }")
        self.model = model
        self.set_up = set_up
        self.steps = steps or article_steps()
        self.index = 0
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("tour_title")
        self.text = QLabel()
        self.text.setObjectName("tour_text")
        self.text.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        self.skip = QPushButton()
        self.skip.setObjectName("tour_skip")
        self.skip.clicked.connect(lambda: self._end(False))
        self.next = QPushButton()
        self.next.setObjectName("tour_next")
        self.next.clicked.connect(self.advance)
        row.addStretch(1)
        row.addWidget(self.skip)
        row.addWidget(self.next)
        layout.addLayout(row)
        self.watch = QTimer(self)
        self.watch.setInterval(200)
        self.watch.timeout.connect(self._check)
        self.offered = False  # showing because of a first start's offer, not Help > Guided tour
        self.withdrawn = False  # a file was opened: no offer any more this session
        self._show_step()

    def start(self, set_up: bool = True) -> None:
        """Begin (or begin again) on the state the first step describes.

        The article's run at iteration 0 with nothing selected, so the steps'
        sentences are true and step 1 waits for the class to choose the weight.
        """
        if set_up:
            if not self.set_up():
                return
        elif self.model.problem is None:
            # Offered before the first run arrived: it must open with nothing chosen, or step 1
            # would count as done at once and the tour would open at step 2.
            self.model.open_next_run_with(NO_SELECTION)
        else:
            self.model.select(None)
        self.index = 0
        self._show_step()
        self.show()
        self.watch.start()

    def follow_model(self, signals) -> None:
        """A new run while the tour is on screen: its sentences count the new network's units."""
        signals.problem_changed.connect(self._new_problem)

    def _new_problem(self, _problem) -> None:
        if self.isVisible():
            self.retranslate()

    def restart(self) -> None:
        """Help > Guided tour: set the article's run up and begin again."""
        self.offered = False
        self.start(set_up=True)

    def offer(self) -> None:
        """The first start's offer: the window opens on the article already; settings the user
        restored are not replaced (Help > Guided tour sets the article's run up)."""
        if self.withdrawn:
            return
        self.offered = True
        self.start(set_up=False)

    def withdraw_offer(self) -> None:
        """A file is being opened (a prepared lesson on a new machine, say): that is not a first start.

        The offer goes, or is not made, and is not marked as seen: a later start without a file
        still offers the tour.  A tour the user asked for (Help) stays.
        """
        self.withdrawn = True
        if self.offered and self.isVisible():
            self.watch.stop()
            self.hide()
        self.offered = False

    def facts(self) -> dict[str, str]:
        """The numbers the sentences speak of, read from the network on screen."""
        problem = self.model.problem
        if problem is None:
            return {"inputs": "r, g, b", "hidden": "5", "outputs": "x, y, lv", "branches": "3"}
        data, sizes = problem.dataset, problem.network.sizes
        hidden, after = (sizes[1], sizes[2]) if len(sizes) > 2 else (0, sizes[-1])  # a net may have none
        return {
            "inputs": ", ".join(data.input_names),
            "hidden": str(hidden),
            "outputs": ", ".join(data.target_names),
            "branches": str(after),
        }

    def set_look(self) -> None:
        """Follow the application's font (larger in presentation mode): a styled frame keeps its own."""
        font = QFont(QApplication.font())
        for widget in (self.title, self.text, self.skip, self.next):
            widget.setFont(font)

    def retranslate(self) -> None:
        self._show_step()

    def _show_step(self) -> None:
        step = self.steps[self.index]
        title = self.tr("Guided tour — {step}").format(step=marked("GuidedTour", step.title))
        self.title.setText(f"<b>{title}</b>")
        self.text.setText(marked("GuidedTour", step.text).format(**self.facts()))
        last = self.index == len(self.steps) - 1
        self.next.setText(self.tr("Finish") if last else self.tr("Next"))
        self.skip.setText(self.tr("Skip tour"))

    def _check(self) -> None:
        step = self.steps[self.index]
        if step.done is not None and step.done(self.model):
            self.advance()

    def advance(self) -> None:
        if self.index == len(self.steps) - 1:
            self._end(True)
            return
        self.index += 1
        self._show_step()

    def _end(self, completed: bool) -> None:
        self.watch.stop()
        self.hide()
        self.finished.emit(completed)
