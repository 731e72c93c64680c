"""Learn ▸ Exercises: a sheet of questions on the run on screen, answered one by one.

The sheet is built from the studio model's current network, weights, chosen
sample and iteration (on the background thread: a wide net's chains take a
moment).  The student types an answer and presses Enter; the panel says
right or wrong — or, for a text that is no number, how to write one, in a
line, never a dialog — and offers a hint, then the worked solution, and keeps
the sheet's score.  What is said comes from :class:`ExerciseSession`; this
module only draws it, in the language the studio speaks.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bpstudio.control.learning.exercise_answers import RIGHT, SHOWN, WRONG
from bpstudio.control.learning.exercise_kinds import GIVEN, KIND_NAMES, Text, given_name, num, tolerance_text
from bpstudio.control.learning.exercise_session import ExerciseSession, build_sheet
from bpstudio.control.learning.exercises import Exercise
from bpstudio.control.model.studio_model import StudioModel
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.engine.text_safety import rich_text
from bpstudio.qt.shell.appearance import scaled_font
from bpstudio.qt.shell.i18n import current_language, marked

MENU_TEXT = QT_TRANSLATE_NOOP("ExercisesPanel", "&Exercises…")
MENU_TIP = QT_TRANSLATE_NOOP("ExercisesPanel", "Questions on the network on screen: type the number, see if it is right")
UNPOSABLE = QT_TRANSLATE_NOOP(
    "ExercisesPanel", "No exercise can be posed on this run: its numbers are not finite. Rewind or Reset, then New sheet."
)
MARKS = {RIGHT: "✓", WRONG: "✗", SHOWN: "◐"}
COLOURS = {"right": "#1b7a3d", "wrong": "#b3261e", "hint": "#555555"}


def said(text: Text) -> str:
    """An exercise's text in the language the studio speaks now."""
    return text.get(current_language(), text["en"])


class ExercisesPanel(QDialog):
    """The sheet: the list of exercises on the left, the open one on the right, the score on top."""

    def __init__(self, model: StudioModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exercises_panel")
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.setModal(False)
        self.model = model
        self.session: ExerciseSession | None = None
        self.sheet_number = 1
        self.building = False
        self.unposable = False  # the run on screen allows no exercise (its numbers are not finite)
        self.about = ""  # the run the sheet is on, said above it

        self.heading = QLabel()
        self.heading.setObjectName("exercise_heading")
        self.heading.setWordWrap(True)
        self.new_sheet = QPushButton()
        self.new_sheet.setObjectName("exercise_new_sheet")
        self.new_sheet.clicked.connect(lambda: self.build(self.sheet_number + 1))
        self.score = QLabel()
        self.score.setObjectName("exercise_score")
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.score)
        top.addWidget(self.new_sheet)

        self.list = QListWidget()
        self.list.setObjectName("exercise_list")
        self.list.currentRowChanged.connect(self._open)

        self.title = QLabel()
        self.title.setObjectName("exercise_title")
        self.prompt = QLabel()
        self.prompt.setObjectName("exercise_prompt")
        self.prompt.setWordWrap(True)
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.prompt.setTextFormat(Qt.TextFormat.RichText)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.answer_label = QLabel()
        self.answer = QLineEdit()
        self.answer.setObjectName("exercise_answer")
        self.answer.returnPressed.connect(self.check)
        self.check_button = QPushButton()
        self.check_button.setObjectName("exercise_check")
        self.check_button.clicked.connect(self.check)
        answer_row = QHBoxLayout()
        answer_row.addWidget(self.answer_label)
        answer_row.addWidget(self.answer, 1)
        answer_row.addWidget(self.check_button)
        self.feedback = QLabel()
        self.feedback.setObjectName("exercise_feedback")
        self.feedback.setWordWrap(True)
        self.hint_button = QPushButton()
        self.hint_button.setObjectName("exercise_hint")
        self.hint_button.clicked.connect(self.hint)
        self.solution_button = QPushButton()
        self.solution_button.setObjectName("exercise_solution")
        self.solution_button.clicked.connect(self.solution)
        self.previous = QPushButton()
        self.previous.setObjectName("exercise_previous")
        self.previous.clicked.connect(lambda: self.list.setCurrentRow(max(0, self.list.currentRow() - 1)))
        self.next = QPushButton()
        self.next.setObjectName("exercise_next")
        self.next.clicked.connect(lambda: self.list.setCurrentRow(min(self.list.count() - 1, self.list.currentRow() + 1)))
        buttons = QHBoxLayout()
        for button in (self.hint_button, self.solution_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.previous, self.next):
            buttons.addWidget(button)
        for button in (self.new_sheet, self.check_button, self.hint_button, self.solution_button, self.previous, self.next):
            button.setAutoDefault(False)  # Enter in the answer checks it, and nothing else (a dialog's Enter presses a button)
        self.hints_text = QLabel()
        self.hints_text.setObjectName("exercise_hints_text")
        self.hints_text.setWordWrap(True)
        self.hints_text.setTextFormat(Qt.TextFormat.RichText)
        self.solution_text = QLabel()
        self.solution_text.setObjectName("exercise_solution_text")
        self.solution_text.setWordWrap(True)
        self.solution_text.setTextFormat(Qt.TextFormat.RichText)
        self.solution_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(8, 0, 0, 0)
        side.addWidget(self.title)
        side.addWidget(self.prompt)
        side.addLayout(answer_row)
        side.addWidget(self.feedback)
        side.addLayout(buttons)
        side.addWidget(self.hints_text)
        side.addWidget(self.solution_text)
        side.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 650])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.resize(960, 600)
        self.set_look()
        self.retranslate()

    def set_look(self) -> None:
        """The question and the answer a little larger than the rest, whatever the size of the rest.

        Worked out from the application's font, which presentation mode (F5) sets to the projector's
        size: called again whenever it changes (changeEvent), so on a projector the sheet grows with
        the inspector, and shrinks back with it.
        """
        font = scaled_font(QFont(QApplication.font()), 1.15)
        self.prompt.setFont(font)
        self.answer.setFont(font)

    # -- the sheet -----------------------------------------------------------------------------------
    def build(self, sheet: int | None = None) -> None:
        """A sheet from the run on screen now (number ``sheet``, else the same number again)."""
        model = self.model
        self.sheet_number = self.sheet_number if sheet is None else sheet
        last, problem = model.last, model.problem
        if last is None or problem is None or last.snapshot.weights.size != problem.network.n_params:
            self.session, self.unposable = None, False
            self._show_sheet()
            return
        snapshot, config, sample, number = last.snapshot, last.config, model.sample, self.sheet_number
        self.about = self.tr("Sheet {sheet} · iteration {k} · sample {s} · {net}").format(
            sheet=number, k=snapshot.iteration, s=sample, net=problem.network.describe()
        )
        self.building = True
        self.heading.setText(self.tr("Making the sheet…"))

        def work() -> ExerciseSession | None:
            try:
                return ExerciseSession(build_sheet(problem, snapshot, config, number, sample), number)
            except ValueError:  # no kind fits this run: said below, not raised on the GUI thread
                return None

        model.executor.submit("exercises", work, self._built)

    def worked_on(self) -> bool:
        """True once an answer was typed, a hint taken or a solution shown on this sheet."""
        session = self.session
        if session is None:
            return False
        return session.score.attempted > 0 or any(session.hints_shown) or any(session.solution_open)

    def _built(self, session: ExerciseSession | None) -> None:
        self.building = False
        self.session = session if session is not None and session.exercises else None
        self.unposable = session is None or not session.exercises
        self._show_sheet()

    def _show_sheet(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        if self.session is not None:
            for index, _ in enumerate(self.session.exercises):
                self.list.addItem(QListWidgetItem())
                self._mark(index)
        self.list.blockSignals(False)
        self.retranslate()
        if self.session is not None and self.session.exercises:
            self.list.setCurrentRow(0)
            self._open(0)
            self.answer.setFocus()

    def _mark(self, index: int) -> None:
        assert self.session is not None
        e = self.session.exercises[index]
        mark = MARKS.get(self.session.state(index), "○")
        self.list.item(index).setText(f"{mark} {index + 1}. {said(KIND_NAMES[e.kind])}")

    def _open(self, index: int) -> None:
        if self.session is None or not 0 <= index < len(self.session.exercises):
            return
        self.session.go(index)
        self.answer.clear()
        feedback = self.session.last_feedback[index]
        self._say(feedback.verdict if feedback else "", said(feedback.text) if feedback else "")
        self._show_exercise()

    def _show_exercise(self) -> None:
        session = self.session
        if session is None:
            return
        e = session.exercise
        self.title.setText(f"<b>{session.current + 1}. {said(KIND_NAMES[e.kind])}</b>")
        self.prompt.setText(given_table(e))
        hints = session.hints()
        label = self.tr("Hint {n}:")  # outside the f-string, where lupdate finds it
        self.hints_text.setText("".join(f"<p><b>{label.format(n=n)}</b> {rich_text(said(h))}</p>" for n, h in enumerate(hints, 1)))
        self.hints_text.setVisible(bool(hints))
        steps = session.solution()
        heading = self.tr("Solution, step by step:")
        self.solution_text.setText(f"<p><b>{heading}</b></p>" + "<br>".join(rich_text(said(step)) for step in steps))
        self.solution_text.setVisible(bool(steps))
        self.hint_button.setEnabled(session.more_hints())
        self.previous.setEnabled(session.current > 0)
        self.next.setEnabled(session.current < len(session.exercises) - 1)
        self.score.setText(said(session.score_text()))

    def _say(self, verdict: str, text: str) -> None:
        self.feedback.setText(text)
        self.feedback.setStyleSheet(f"color: {COLOURS.get(verdict, '#555555')}; font-weight: {'bold' if verdict == 'right' else 'normal'}")

    # -- the student's gestures ------------------------------------------------------------------------
    def check(self) -> None:
        if self.session is None:
            return
        feedback = self.session.answer(self.answer.text())
        self._say(feedback.verdict, said(feedback.text))
        self._mark(self.session.current)
        self._show_exercise()
        if feedback.verdict == "hint":
            self.answer.selectAll()

    def hint(self) -> None:
        if self.session is not None:
            self.session.next_hint()
            self._show_exercise()

    def solution(self) -> None:
        if self.session is not None:
            self.session.show_solution()
            self._mark(self.session.current)
            self._show_exercise()

    # -- words -------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Exercises"))
        self.new_sheet.setText(self.tr("New sheet"))
        self.new_sheet.setToolTip(self.tr("Another sheet on the run as it is now (network, sample, iteration)"))
        self.answer_label.setText(self.tr("Your answer:"))
        self.answer.setPlaceholderText(self.tr("a number, e.g. -0.0588 or 1.2e-3; Enter checks it"))
        self.check_button.setText(self.tr("Check"))
        self.hint_button.setText(self.tr("Hint"))
        self.hint_button.setToolTip(self.tr("Which basic links, which numbers: one hint at a time"))
        self.solution_button.setText(self.tr("Solution"))
        self.solution_button.setToolTip(self.tr("The worked solution, step by step (this exercise then no longer scores)"))
        self.previous.setText(self.tr("◀ Previous"))
        self.next.setText(self.tr("Next ▶"))
        if self.session is None:
            if self.unposable:
                self.heading.setText(marked("ExercisesPanel", UNPOSABLE))
            elif not self.building:
                self.heading.setText(self.tr("No run yet: start or open one, then choose New sheet."))
            self.title.clear()
            self.prompt.clear()
            self.score.clear()
            return
        self.heading.setText(self.about_text())
        for index in range(self.list.count()):
            self._mark(index)
        feedback = self.session.last_feedback[self.session.current]
        if feedback is not None:
            self._say(feedback.verdict, said(feedback.text))
        self._show_exercise()

    def about_text(self) -> str:
        session = self.session
        if session is None:
            return ""
        e = session.exercises[0] if session.exercises else None
        last, problem = self.model.last, self.model.problem
        net = problem.network.describe() if problem is not None else ""
        sample = next((x.sample for x in session.exercises if x.sample is not None), self.model.sample)
        iteration = e.iteration if e is not None else (last.snapshot.iteration if last is not None else 0)
        return self.tr("Sheet {sheet} · iteration {k} · sample {s} · {net}").format(sheet=session.sheet, k=iteration, s=sample, net=net)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:  # the application's font: presentation mode came or went
            self.set_look()
        super().changeEvent(event)


def given_table(exercise: Exercise) -> str:
    """The question, then the numbers given in a table of name = value (three to a row), then the tolerance."""
    lang = current_language()
    cells = [f"<td>{rich_text(given_name(name, lang))} = </td><td align='right'><b>{num(value)}</b></td>" for name, value in exercise.given]
    rows = "".join("<tr>" + "<td width='24'></td>".join(cells[i : i + 3]) + "</tr>" for i in range(0, len(cells), 3))
    return (
        f"<p>{rich_text(said(exercise.question))}</p><p>{said(GIVEN)}</p>"
        f"<table cellspacing='2' style='margin-left:12px'>{rows}</table><p>{rich_text(said(tolerance_text(exercise.tolerance)))}</p>"
    )


class ExercisesAction(QObject):
    """Learn ▸ Exercises (objectName ``exercises``) and the one panel it opens."""

    def __init__(self, menu: QMenu, parent: QWidget, model: StudioModel) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.model = model
        self.panel: ExercisesPanel | None = None
        self.action = QAction(parent)
        self.action.setObjectName("exercises")
        self.action.triggered.connect(self.open)
        menu.addAction(self.action)
        self.retranslate()

    def open(self) -> ExercisesPanel:
        """Show the panel with a sheet on the run as it is now.

        A sheet the student has worked on is kept (and an open panel just comes
        forward); an untouched one is made again from the run as it is now.
        """
        if self.panel is None:
            self.panel = ExercisesPanel(self.model, self.parent_widget)
            self.panel.build()
        elif not self.panel.isVisible() and not self.panel.worked_on():
            self.panel.build()
        self.panel.show()
        self.panel.raise_()
        self.panel.activateWindow()
        return self.panel

    def retranslate(self) -> None:
        self.action.setText(marked("ExercisesPanel", MENU_TEXT))
        self.action.setStatusTip(marked("ExercisesPanel", MENU_TIP))
        if self.panel is not None:
            self.panel.retranslate()
