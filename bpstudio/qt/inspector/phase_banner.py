"""The phase banner: which phase of which iteration, in words, with its equation typeset.

While a teacher walks through an iteration with Shift+→, the class reads
here what is being computed ("Iteration 3 · 2/6 · forward through layer 2")
and the equation of that phase; the diagram shows its numbers.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QFrame, QLabel, QVBoxLayout

from bpstudio.control.export.typeset import Colours, equation_svg, number_text
from bpstudio.control.words.vocabulary import BACKWARD, FORWARD, LOSS, UPDATE, Phase
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.qt.inspector.formula_view import FormulaView
from bpstudio.qt.shell.appearance import scaled_font
from bpstudio.qt.shell.i18n import marked
from bpstudio.qt.shell.option_names import option_name
from bpstudio.qt.shell.stop_reasons import reason_text

PHASE_WORDS = {
    FORWARD: QT_TRANSLATE_NOOP("PhaseBanner", "forward through layer {layer}: values of every node"),
    LOSS: QT_TRANSLATE_NOOP("PhaseBanner", "loss: each output's error"),
    BACKWARD: QT_TRANSLATE_NOOP("PhaseBanner", "backward through layer {layer}: ∂L/∂node, toward the inputs"),
    UPDATE: QT_TRANSLATE_NOOP("PhaseBanner", "update ({optimizer}): every weight moves"),
}


class PhaseBanner(QFrame):
    """Hidden unless a phase walk is under way; ``text()`` is what it says, in words."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("phase_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.words = QLabel()
        self.words.setObjectName("phase_words")
        self.words.setWordWrap(True)
        font = scaled_font(self.words.font(), 1.25)
        font.setBold(True)
        self.words.setFont(font)
        layout.addWidget(self.words)
        self.equation = FormulaView("phase_equation")
        self.equation.setProperty("centred", False)
        layout.addWidget(self.equation)
        self.phase: Phase | None = None
        self.latex = ""  # the equation shown, LaTeX
        self.context: tuple[int, str, str] = (1, "tanh", "adam")
        self.colours = Colours()
        self.scale = 1.0
        self.hide()

    def text(self) -> str:
        return self.words.text()

    def set_look(self, colours: Colours, scale: float, presenting: bool = False) -> None:
        """The look's colours and size; on a projector one line of words at the widgets' own size.

        The application's font is already a projector's there: larger words would
        wrap to a second line and take the diagram's height during the phase walk.
        """
        self.colours, self.scale = colours, scale
        self.equation.set_scale_limits(scale)
        font = scaled_font(QApplication.font(), 1.0 if presenting else 1.25)
        font.setBold(True)
        self.words.setFont(font)
        self.setStyleSheet("#phase_banner { border: 2px solid #CC79A7; border-radius: 4px; }")
        if self.phase is not None:
            self.show_phase(self.phase, *self.context)

    def show_phase(self, phase: Phase | None, n_layers: int = 1, activation: str = "tanh", optimizer: str = "adam") -> None:
        self.phase = phase
        if phase is None:
            self.hide()
            return
        self.context = (n_layers, activation, optimizer)
        words = marked("PhaseBanner", PHASE_WORDS[phase.kind]).format(layer=(phase.layer or 0) + 1, optimizer=option_name(optimizer))
        head = self.tr("Iteration {k} · {i}/{n} · ").format(k=phase.iteration, i=phase.index + 1, n=phase.count)
        tail = ""
        if phase.kind == LOSS and phase.jval is not None:
            tail = " · " + self.tr("sample {s}: L = {loss}; JVal = Σ L over all samples = {jval}").format(
                s=phase.sample, loss=number_text(phase.values.get("L")), jval=f"{phase.jval:.6g}"
            )
        elif phase.kind == UPDATE and phase.stop_reason:
            tail = " · " + reason_text(phase.stop_reason, phase.iteration, phase.optimizer_state.get("step"))
        self.words.setText(head + words + tail)
        latex = self.latex = phase.equation(n_layers, activation, optimizer)  # the run's own loss and output
        colours = self.colours
        self.equation.typeset(lambda: equation_svg(latex, colours))
        self.show()

    def retranslate(self) -> None:
        if self.phase is not None:
            self.show_phase(self.phase, *self.context)


__all__ = ["PhaseBanner"]
