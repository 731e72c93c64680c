"""One student working through a sheet: which exercise is open, the answers given, hints taken, the score.

The window's exercise panel only draws what this says; the logic — reading
the typed text, right or wrong, the next hint, the solution, the score — is
here, without Qt, and the tests drive it directly.  Every sentence comes in
both languages (see :mod:`.exercises`).
"""

from __future__ import annotations

from dataclasses import dataclass

from bpstudio.control.learning.exercise_answers import RIGHT, SHOWN, SheetScore, is_right, near_miss, read_answer
from bpstudio.control.learning.exercise_kinds import Text, num
from bpstudio.control.learning.exercises import Exercise, make_sheet
from bpstudio.engine.config import RunConfig
from bpstudio.engine.data import Problem
from bpstudio.engine.snapshot import Snapshot

COUNT = 12


@dataclass(frozen=True)
class Feedback:
    """What the panel says after Enter: ``verdict`` is "right", "wrong" or "hint" (the text was no number)."""

    verdict: str
    text: Text


def build_sheet(problem: Problem, snapshot: Snapshot, config: RunConfig, sheet: int, sample: int | None) -> list[Exercise]:
    """The window's sheet: the run on screen, its chosen sample for the per-sample kinds."""
    return make_sheet(problem, snapshot, config, sheet, COUNT, sample=sample)


class ExerciseSession:
    def __init__(self, exercises: list[Exercise], sheet: int) -> None:
        self.exercises = exercises
        self.sheet = sheet
        self.current = 0
        self.score = SheetScore(len(exercises))
        self.hints_shown = [0] * len(exercises)
        self.solution_open = [False] * len(exercises)
        self.last_feedback: list[Feedback | None] = [None] * len(exercises)

    @property
    def exercise(self) -> Exercise:
        return self.exercises[self.current]

    def go(self, index: int) -> None:
        self.current = max(0, min(index, len(self.exercises) - 1))

    def answer(self, text: str) -> Feedback:
        """Read ``text`` and judge it; a text that is no number is a hint, not a wrong answer."""
        reading = read_answer(text)
        if reading.value is None:
            assert reading.hint is not None
            feedback = Feedback("hint", reading.hint)
        else:
            e = self.exercise
            right = is_right(reading.value, e.answer, e.tolerance)
            self.score.answered(self.current, right)
            percent = f"{e.tolerance * 100:g} %"
            if right:
                shown = num(reading.value)
                text_ = {
                    "en": f"Right: {shown} is within {percent} of {num(e.answer)}.",
                    "zh_CN": f"正确：{shown} 与 {num(e.answer)} 相差在 {percent} 以内。",
                }
                if self.score.states[self.current] == SHOWN:
                    text_ = {"en": text_["en"] + " (after the solution: not scored)", "zh_CN": text_["zh_CN"] + "（已看过解答：不计分）"}
                feedback = Feedback("right", text_)
            else:
                slip = near_miss(reading.value, e.answer, e.tolerance)
                text_ = {
                    "en": f"Not yet: {num(reading.value)} is not within {percent} of the answer. Try again, or ask for a hint.",
                    "zh_CN": f"还不对：{num(reading.value)} 与答案的误差超过 {percent}。再试一次，或者看看提示。",
                }
                if slip:
                    text_ = {k: f"{v} {slip[k]}" for k, v in text_.items()}
                feedback = Feedback("wrong", text_)
        self.last_feedback[self.current] = feedback
        return feedback

    def next_hint(self) -> list[Text]:
        """One more hint (the hints so far, in order); they run out at the last."""
        e = self.exercise
        self.score.hint(self.current)
        self.hints_shown[self.current] = min(self.hints_shown[self.current] + 1, len(e.hints))
        return list(e.hints[: self.hints_shown[self.current]])

    def hints(self) -> list[Text]:
        return list(self.exercise.hints[: self.hints_shown[self.current]])

    def more_hints(self) -> bool:
        return self.hints_shown[self.current] < len(self.exercise.hints)

    def show_solution(self) -> list[Text]:
        """The worked solution, step by step, ending with the answer; from now on this one does not score."""
        self.score.solution_shown(self.current)
        self.solution_open[self.current] = True
        return self.solution()

    def solution(self) -> list[Text]:
        e = self.exercise
        if not self.solution_open[self.current]:
            return []
        percent = f"{e.tolerance * 100:g} %"
        answer = {"en": f"Answer: {num(e.answer)} (± {percent})", "zh_CN": f"答案：{num(e.answer)}（± {percent}）"}
        return [*e.solution, answer]

    def state(self, index: int) -> str:
        return self.score.states[index]

    def score_text(self) -> Text:
        s = self.score
        return {
            "en": f"Score: {s.right} of {s.count} right ({s.attempted} tried)",
            "zh_CN": f"得分：{s.count} 题中答对 {s.right} 题（已作答 {s.attempted} 题）",
        }

    @property
    def all_right(self) -> bool:
        return all(state == RIGHT for state in self.score.states)
