"""Learn ▸ Exercises in the window: a sheet on the run on screen, answers judged, hints, the solution, the score."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QMessageBox, QPushButton

from bpstudio.control.learning.exercise_kinds import num
from bpstudio.engine.config import RunConfig

SHOTS = os.environ.get("BPSTUDIO_EXERCISE_SHOTS")  # a folder: the tests also save the screenshots of the manual


def open_panel(qtbot, window):
    action = window.findChild(QAction, "exercises")
    assert action is not None
    action.trigger()
    panel = window.findChild(QDialog, "exercises_panel")
    qtbot.waitUntil(lambda: panel.session is not None and panel.list.count() == 12, timeout=10000)
    return panel


def type_answer(qtbot, panel, text):
    field = panel.findChild(QLineEdit, "exercise_answer")
    field.clear()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def shoot(panel, name):
    if SHOTS:
        panel.grab().save(os.path.join(SHOTS, name))


def test_the_learn_menu_opens_a_sheet_on_the_run_on_screen(qtbot, open_studio):
    window = open_studio(RunConfig(samples=5))
    learn = window.menus.menu("menu_learn")
    assert learn.title() == "&Learn" and [a.objectName() for a in learn.actions()] == ["exercises"]
    window.model.select_sample(3)
    panel = open_panel(qtbot, window)
    session = panel.session
    assert len({e.kind for e in session.exercises}) >= 5
    assert {e.sample for e in session.exercises if e.sample is not None} == {3}  # the chosen sample
    assert {e.iteration for e in session.exercises} == {window.last.snapshot.iteration}
    assert "sample 3" in panel.findChild(QLabel, "exercise_heading").text()
    shown = QTextDocumentFragment.fromHtml(panel.findChild(QLabel, "exercise_prompt").text()).toPlainText()
    e = session.exercise
    assert e.question["en"] in shown and "Answer within 0.5 %." in shown
    assert all(name in shown and num(value) in shown for name, value in e.given)  # every number given, as printed


def test_right_wrong_a_hint_and_the_solution_with_the_score(qtbot, open_studio):
    window = open_studio(RunConfig(samples=5))
    panel = open_panel(qtbot, window)
    panel.resize(1000, 620)
    session = panel.session
    feedback = panel.findChild(QLabel, "exercise_feedback")
    score = panel.findChild(QLabel, "exercise_score")
    first = session.exercise
    type_answer(qtbot, panel, num(first.answer).replace("−", "-").replace(".", ","))  # a decimal comma is fine
    assert feedback.text().startswith("Right")
    assert panel.findChild(QListWidget, "exercise_list").item(0).text().startswith("✓")
    assert score.text() == "Score: 1 of 12 right (1 tried)"
    assert panel.session is session  # Enter checked the answer, and pressed no button of the dialog
    shoot(panel, "exercises-right.png")

    panel.findChild(QPushButton, "exercise_next").click()
    second = session.exercise
    assert session.current == 1 and feedback.text() == ""
    type_answer(qtbot, panel, f"  {-second.answer:.6g}  ")
    assert feedback.text().startswith("Not yet") and "wrong sign" in feedback.text()
    shoot(panel, "exercises-wrong.png")
    type_answer(qtbot, panel, "1,234.5")  # no number: a one-line hint, no dialog, no verdict
    assert "decimal mark" in feedback.text() and "\n" not in feedback.text()
    assert window.findChild(QMessageBox) is None
    assert score.text() == "Score: 1 of 12 right (2 tried)"

    hint = panel.findChild(QPushButton, "exercise_hint")
    hints = panel.findChild(QLabel, "exercise_hints_text")
    hint.click()
    assert hints.isVisible() and second.hints[0]["en"][:20] in hints.text()
    while hint.isEnabled():
        hint.click()
    shoot(panel, "exercises-hint.png")
    panel.findChild(QPushButton, "exercise_solution").click()
    solution = panel.findChild(QLabel, "exercise_solution_text")
    assert solution.isVisible() and f"Answer: {num(second.answer)}" in solution.text()
    type_answer(qtbot, panel, repr(second.answer))
    assert "not scored" in feedback.text()
    assert score.text() == "Score: 1 of 12 right (2 tried)"
    assert panel.findChild(QListWidget, "exercise_list").item(1).text().startswith("◐")
    shoot(panel, "exercises-solution.png")


def test_the_panel_speaks_chinese_and_a_new_sheet_follows_the_run(qtbot, open_studio):
    window = open_studio(RunConfig(samples=5))
    panel = open_panel(qtbot, window)
    panel.resize(1000, 620)
    window.menus.language_actions["zh_CN"].trigger()
    assert panel.windowTitle() == "练习"
    shown = QTextDocumentFragment.fromHtml(panel.findChild(QLabel, "exercise_prompt").text()).toPlainText()
    assert panel.session.exercise.question["zh_CN"] in shown and "已知" in shown and "以内即算正确" in shown
    assert window.menus.menu("menu_learn").title() == "学习(&L)"
    e = panel.session.exercise
    type_answer(qtbot, panel, num(e.answer).replace("−", "-"))
    assert panel.findChild(QLabel, "exercise_feedback").text().startswith("正确")
    panel.findChild(QPushButton, "exercise_next").click()
    type_answer(qtbot, panel, "abc")
    assert panel.findChild(QLabel, "exercise_feedback").text().startswith("这不是一个数")
    panel.findChild(QPushButton, "exercise_hint").click()
    panel.findChild(QPushButton, "exercise_solution").click()
    shoot(panel, "exercises-zh.png")
    before = panel.session
    window.actions_by_name["step"].trigger()
    qtbot.waitUntil(lambda: window.last.snapshot.iteration == 1, timeout=5000)
    panel.findChild(QPushButton, "exercise_new_sheet").click()
    qtbot.waitUntil(lambda: panel.session is not before and panel.session is not None, timeout=10000)
    assert panel.session.sheet == before.sheet + 1
    assert {e.iteration for e in panel.session.exercises} == {1}
    window.menus.language_actions["en"].trigger()
    assert panel.windowTitle() == "Exercises"


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_panel_fits_a_1366_by_768_screen(qtbot, open_studio, language):
    window = open_studio(RunConfig(samples=5))
    if language != "en":
        window.menus.language_actions[language].trigger()
    panel = open_panel(qtbot, window)
    assert panel.width() <= 1366 and panel.height() <= 768 - 60
    assert panel.minimumSizeHint().width() <= 1366 and panel.minimumSizeHint().height() <= 700
    window.menus.language_actions["en"].trigger()  # the language is the application's: the next test starts in English


def test_without_a_run_or_with_nothing_to_ask_the_panel_says_so(qtbot, monkeypatch):
    from bpstudio.control.model.studio_model import StudioModel
    from bpstudio.qt.learning import exercises_panel

    panel = exercises_panel.ExercisesPanel(StudioModel())
    qtbot.addWidget(panel)
    panel.build()
    assert panel.session is None and panel.heading.text().startswith("No run yet")

    from bpstudio.control import Step, TrainingSession

    session = TrainingSession(RunConfig(samples=5))
    model = StudioModel()
    model.apply_update(session.update(False))
    session.execute(Step(1))
    model.apply_update(session.update(False))
    monkeypatch.setattr(exercises_panel, "build_sheet", lambda *args: [])  # a run where every answer would be 0 or ∞
    panel = exercises_panel.ExercisesPanel(model)
    qtbot.addWidget(panel)
    panel.build()
    assert panel.session is None and panel.list.count() == 0 and panel.heading.text().startswith("No exercise can be posed")
    type_answer(qtbot, panel, "1")  # nothing to check: nothing happens, nothing raises
    panel.hint()
    panel.solution()


def test_an_untouched_sheet_is_made_again_when_the_panel_reopens_a_worked_one_is_kept(qtbot, open_studio):
    window = open_studio(RunConfig(samples=5))
    panel = open_panel(qtbot, window)
    first = panel.session
    panel.close()
    window.actions_by_name["step"].trigger()
    qtbot.waitUntil(lambda: window.last.snapshot.iteration == 1, timeout=5000)
    window.findChild(QAction, "exercises").trigger()
    qtbot.waitUntil(lambda: panel.session is not first and panel.session is not None, timeout=10000)
    assert {e.iteration for e in panel.session.exercises} == {1} and panel.session.sheet == first.sheet
    type_answer(qtbot, panel, "1")
    worked = panel.session
    panel.close()
    window.findChild(QAction, "exercises").trigger()
    assert panel.isVisible() and panel.session is worked  # the student's answers stay


def test_a_strangers_names_stay_text_in_the_exercise_and_the_worksheet(qapp):
    """A CSV column named with markup reaches an exercise's given numbers: it must stay literal (issue 25's rule)."""
    from dataclasses import replace

    from bpstudio.control.learning.exercises import make_sheet
    from bpstudio.figures.worksheet import worksheet_html
    from bpstudio.qt.learning.exercises_panel import given_table

    config = RunConfig(samples=5)
    trainer = config.trainer()
    (exercise,) = make_sheet(trainer.problem, trainer.snapshot(), config, sheet=1, count=1, kinds=["link"])
    hostile = "<img src=x width=20000 height=20000>"
    exercise = replace(exercise, given=((hostile, 1.5), *exercise.given[1:]))
    shown = given_table(exercise)
    assert "<img" not in shown and "&lt;img" in shown
    assert "<img" not in worksheet_html([replace(exercise, prompt={"en": hostile, "zh_CN": hostile})], config, 1)
