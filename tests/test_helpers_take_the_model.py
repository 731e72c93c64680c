"""The window's helpers work from the studio model, a parent and plain callables — no MainWindow.

Each is built here beside a bare QWidget and a model fed by a TrainingSession,
and does its job: the session files save what the model holds, the export
menu writes the model's history, the guided tour follows the model, the
menus call the handlers they were given.
"""

import numpy as np
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from bpstudio.control import Step, TrainingSession
from bpstudio.control.files.session_file import load_session
from bpstudio.control.model.studio_model import StudioModel
from bpstudio.engine.config import RunConfig
from bpstudio.qt.files.export_menu import ExportMenu
from bpstudio.qt.files.session_files import SessionFiles
from bpstudio.qt.learning.guided_tour import GuidedTour
from bpstudio.qt.shell.menus import MenuHandlers, StudioMenus


def fed_model(iterations=5):
    session = TrainingSession(RunConfig(samples=40))
    model = StudioModel()
    model.apply_update(session.update(False))
    session.execute(Step(iterations))
    model.apply_update(session.update(False))
    return session, model


def test_session_files_save_what_the_model_holds(qtbot, tmp_path):
    session, model = fed_model()
    parent = QWidget()
    qtbot.addWidget(parent)
    submitted, titles = [], []
    files = SessionFiles(
        model, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat), parent, submitted.append, lambda: None, should_ask=lambda: False
    )
    files.title_changed.connect(titles.append)
    model.select(3)
    assert files.unsaved and files.save_to(tmp_path / "run.bpstudio")
    saved = load_session(tmp_path / "run.bpstudio")
    assert saved.snapshot.iteration == 5 and saved.selected_param == 3
    np.testing.assert_array_equal(saved.history, session.trainer.history.view())
    assert titles == ["run.bpstudio — BP Studio"] and not files.unsaved
    assert files.open(tmp_path / "run.bpstudio") and type(submitted[-1]).__name__ == "LoadSaved"
    assert model.pending_selection == 3  # the opened run will show the saved selection


def test_the_export_menu_writes_the_models_history_and_chain(qtbot, tmp_path):
    _, model = fed_model()
    parent = QWidget()
    qtbot.addWidget(parent)
    messages = []
    exports = ExportMenu(model, parent, lambda: None)
    exports.status_message.connect(messages.append)
    assert exports.write(exports._history, str(tmp_path / "jval.csv"))
    rows = (tmp_path / "jval.csv").read_text().strip().splitlines()
    assert len(rows) == 1 + len(model.history) and messages
    assert exports.write(exports._chain, str(tmp_path / "chain.tex"))  # the model chose the first weight
    assert "w_{11}^{(0)}" in (tmp_path / "chain.tex").read_text()


def test_the_tour_follows_the_model(qtbot):
    _, model = fed_model()
    set_up = []
    tour = GuidedTour(model, lambda: set_up.append(True) or True)
    qtbot.addWidget(tour)
    tour.start()
    assert set_up == [True] and tour.index == 0 and tour.isVisible()
    model.select(0)
    tour._check()  # what its timer does
    assert tour.index == 1 and "3 branches" in tour.text.text()


def test_the_menus_call_the_handlers_they_were_given(qtbot, tmp_path):
    _, model = fed_model()
    window = QMainWindow()  # any window: the menus need a bar and a parent, nothing of the studio
    qtbot.addWidget(window)
    calls = []
    handlers = MenuHandlers(
        quit=lambda: calls.append("quit"),
        set_presentation=lambda on: calls.append(("p", on)),
        set_theme=lambda n: calls.append(("theme", n)),
        set_language=lambda c: calls.append(c),
        set_log_y=lambda on: calls.append(("log", on)),
        fit_diagram=lambda: calls.append("fit"),
        restart_tour=lambda: calls.append("tour"),
    )
    files = SessionFiles(model, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat), window, lambda _c: None, lambda: None)
    dock = QDockWidget("d", window)
    menus = StudioMenus(window.menuBar(), window, handlers, files, ExportMenu(model, window, lambda: None), [], [dock])
    menus.presentation.setChecked(True)
    menus.theme_actions["dark"].trigger()
    menus.language_actions["zh_CN"].trigger()
    menus.log_y.setChecked(True)
    menus.actions["guided_tour_action"].trigger()
    assert calls == [("p", True), ("theme", "dark"), "zh_CN", ("log", True), "tour"]
    assert dock.toggleViewAction() in menus.menu("menu_view").actions()


def test_a_tour_offered_before_the_first_run_arrives_starts_at_step_one(qtbot):
    """The first start offers the tour at once; the run that arrives after must not count as step 1 done."""
    model = StudioModel()
    tour = GuidedTour(model, lambda: False)
    qtbot.addWidget(tour)
    tour.offer()
    session = TrainingSession(RunConfig(samples=40))
    model.apply_update(session.update(False))
    tour._check()
    assert model.selected is None and tour.index == 0 and "Choose a weight" in tour.title.text()


def test_a_tour_whose_set_up_is_declined_does_not_begin(qtbot):
    """Help > Guided tour with unsaved work, and the user keeps it: the tour stays closed."""
    _, model = fed_model()
    tour = GuidedTour(model, lambda: False)
    qtbot.addWidget(tour)
    tour.restart()
    assert not tour.isVisible() and not tour.watch.isActive()
