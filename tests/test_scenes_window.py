"""A lecture in the window (issue 27): built by ``bpstudio lecture build``, paged with PgDn/PgUp, never changed by presenting.

The four scenes of the issue — the article at iteration 0 with W0[0,0]; the
same at iteration 1, phase 3; the article converged, on the board; the
softmax lesson with its map — are built from the command line, opened through
File ▸ Open's path, and paged with real key events on the window.  At each
scene the status bar's "iteration N", the selection, the phase banner and
the panel in front are read from the widgets.
"""

import json
import zipfile

import pytest
from conftest import run_bpstudio
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from bpstudio.qt.files.file_open_events import open_files_sent_by_the_system


@pytest.fixture(scope="module")
def lecture(tmp_path_factory, lecture_sessions):
    paths = lecture_sessions
    out = tmp_path_factory.mktemp("scenes_window") / "four.bplecture"
    done = run_bpstudio(
        "lecture", "build", str(out),
        "--scene", str(paths["start"]), "--select", "W0[0,0]", "--title", "The chain of w11", "--note", "Ask what O1 sums.",
        "--scene", str(paths["one"]), "--select", "W0[0,0]", "--phase", "3",
        "--scene", str(paths["converged"]), "--view", "board", "--title", "Converged",
        "--scene", str(paths["softmax"]), "--view", "map", "--title", "Softmax makes sources",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    # the converged scene is a board with no weight chosen: kept, and said once (it arrives empty)
    assert done.stderr.count("warning") == 1 and "scene 3" in done.stderr and "--select" in done.stderr, done.stderr
    return out


def opened(qtbot, open_studio, path):
    win = open_studio()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=5000)
    with qtbot.waitSignal(win.scenes.stage.arrived, timeout=10000):
        assert win.files.open(path)  # File ▸ Open's path: a .bplecture goes to the Scenes panel
    return win


def page(qtbot, win, key):
    with qtbot.waitSignal(win.scenes.stage.arrived, timeout=10000):
        qtbot.keyClick(win.network_view, key)  # the window's shortcut, as a presenter's remote sends it


def shown(qtbot, win, iteration):
    """What the teacher sees: the status bar's iteration, the selection's name, the banner, the panel in front."""
    qtbot.waitUntil(lambda: win.status.fields["iteration"].text() == f"iteration {iteration}", timeout=5000)
    problem = win.model.problem
    selected = None if win.model.selected is None else problem.network.param_name(win.model.selected)
    banner = win.phase_banner.text() if win.phase_banner.isVisibleTo(win) else ""
    if win.board.active:
        front = "board"
    elif win.map_dock.isVisible() and not win.map_dock.visibleRegion().isEmpty():
        front = "map"
    else:
        front = "diagram" if win.network_view.isVisibleTo(win) else "?"
    return selected, banner, front


def test_paging_through_the_four_scenes_shows_each_as_prepared(qtbot, open_studio, lecture):
    win = opened(qtbot, open_studio, lecture)
    assert win.scenes.panel.list.count() == 4 and win.scenes.current == 0
    assert shown(qtbot, win, 0) == ("W0[0,0]", "", "diagram")
    assert win.scenes.panel.note.toPlainText() == "Ask what O1 sums."
    page(qtbot, win, Qt.Key.Key_PageDown)
    selected, banner, front = shown(qtbot, win, 1)  # the count stays 1: phase 3 of the walk of iteration 2
    assert (selected, front) == ("W0[0,0]", "diagram")
    assert banner.startswith("Iteration 2 · 3/6 · ")
    page(qtbot, win, Qt.Key.Key_PageDown)
    assert shown(qtbot, win, 50000) == (None, "", "board")
    page(qtbot, win, Qt.Key.Key_PageDown)
    assert shown(qtbot, win, 0) == ("W1[0,0]", "", "map")
    assert win.model.problem.network.output_activation == "softmax"
    qtbot.keyClick(win.network_view, Qt.Key.Key_PageDown)  # past the last: it stays, and says so
    assert win.scenes.current == 3 and "last scene" in win.status.currentMessage()
    page(qtbot, win, Qt.Key.Key_PageUp)
    assert shown(qtbot, win, 50000) == (None, "", "board")
    page(qtbot, win, Qt.Key.Key_PageUp)
    selected, banner, front = shown(qtbot, win, 1)
    assert (selected, front) == ("W0[0,0]", "diagram") and banner.startswith("Iteration 2 · 3/6 · ")


def test_scratch_work_after_arriving_is_gone_when_arriving_again(qtbot, open_studio, lecture):
    win = opened(qtbot, open_studio, lecture)
    with qtbot.waitSignal(win.training.updated, timeout=5000):
        win.training.step(7)
    qtbot.waitUntil(lambda: win.last.iteration == 7, timeout=5000)
    win.network_view.select_param(5)
    qtbot.waitUntil(lambda: win.model.selected == 5, timeout=5000)
    page(qtbot, win, Qt.Key.Key_PageDown)
    page(qtbot, win, Qt.Key.Key_PageUp)
    assert shown(qtbot, win, 0) == ("W0[0,0]", "", "diagram")
    assert win.last.snapshot.jval == pytest.approx(win.scenes.draft.scenes[0].saved.snapshot.jval, rel=0, abs=0)


def test_presenting_leaves_the_file_byte_identical(qtbot, open_studio, lecture):
    before = lecture.read_bytes()
    win = opened(qtbot, open_studio, lecture)
    for _ in range(3):
        page(qtbot, win, Qt.Key.Key_PageDown)
        with qtbot.waitSignal(win.training.updated, timeout=5000):
            win.training.step(3)  # scratch work on every scene
    assert not win.scenes.draft.unsaved  # nothing to ask about on closing
    assert lecture.read_bytes() == before
    assert win.scenes.save()  # Save Lecture with no edit writes the same bytes
    assert lecture.read_bytes() == before


def test_a_damaged_or_newer_lecture_opens_nothing_and_says_why(qtbot, open_studio, lecture, tmp_path, monkeypatch):
    win = open_studio()
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text, *a, **k: said.append((title, text)))
    damaged = tmp_path / "damaged.bplecture"
    damaged.write_bytes(lecture.read_bytes()[:5000])  # cut short
    assert not win.files.open(damaged)
    newer = tmp_path / "newer.bplecture"
    with zipfile.ZipFile(lecture) as source, zipfile.ZipFile(newer, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "lecture.json":
                document = json.loads(data)
                document["version"] = 99
                data = json.dumps(document).encode()
            target.writestr(info, data)
    assert not win.files.open(newer)
    huge = tmp_path / "huge.bplecture"
    with open(huge, "wb") as sparse:  # 600 MB on paper, nothing on disk
        sparse.truncate(600 * 2**20)
    assert not win.files.open(huge)
    assert [title for title, _ in said] == ["Cannot open the lecture"] * 3
    assert "larger than BP Studio accepts (512 MB)" in said[2][1]
    assert "damaged.bplecture cannot be opened" in said[0][1] and "not a BP Studio lecture file" in said[0][1]
    assert "newer BP Studio (format 99)" in said[1][1]
    assert "Traceback" not in "".join(text for _, text in said)
    assert win.scenes.draft.scenes == () and win.scenes.panel.list.count() == 0 and win.last.iteration == 0


def test_a_scene_that_cannot_be_rebuilt_is_marked_and_skipped(qtbot, open_studio, lecture, tmp_path):
    broken = tmp_path / "broken.bplecture"
    with zipfile.ZipFile(lecture) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "scene-002/session.json":
                data = data.replace(b'"version":', b'"version": 999, "was":', 1)  # a newer session format
            target.writestr(info, data)
    win = opened(qtbot, open_studio, broken)
    item = win.scenes.panel.list.item(1)
    assert not item.icon().isNull() and "cannot be shown" in item.toolTip()
    page(qtbot, win, Qt.Key.Key_PageDown)  # over scene 2, to scene 3
    assert win.scenes.current == 2 and shown(qtbot, win, 50000)[2] == "board"
    page(qtbot, win, Qt.Key.Key_PageUp)
    assert win.scenes.current == 0


def test_add_rename_move_duplicate_delete_undo_and_save(qtbot, open_studio, lecture, tmp_path, monkeypatch):
    win = opened(qtbot, open_studio, lecture)
    scenes = win.scenes
    with qtbot.waitSignal(win.training.updated, timeout=5000):
        win.training.step(4)
    qtbot.waitUntil(lambda: win.last.iteration == 4, timeout=5000)
    scenes.actions["add_scene"].trigger()  # after the current scene (the first)
    assert len(scenes.draft.scenes) == 5 and scenes.current == 1
    assert scenes.draft.scenes[1].saved.snapshot.iteration == 4 and scenes.draft.unsaved
    scenes.panel.list.item(1).setText("Four steps in")  # what F2 and typing leave
    assert scenes.draft.scenes[1].view.title == "Four steps in"
    scenes.actions["duplicate_scene"].trigger()
    assert [s.view.title for s in scenes.draft.scenes[1:3]] == ["Four steps in"] * 2
    scenes.actions["delete_scene"].trigger()
    assert len(scenes.draft.scenes) == 5
    scenes.undo_action.trigger()  # the deleted scene comes back
    assert len(scenes.draft.scenes) == 6
    scenes.actions["delete_scene"].trigger()
    from PySide6.QtCore import QModelIndex

    assert scenes.panel.list.model().moveRow(QModelIndex(), 1, QModelIndex(), 0)  # what a drag of row 2 to the top does
    qtbot.waitUntil(lambda: scenes.draft.scenes[0].view.title == "Four steps in", timeout=5000)
    assert scenes.draft.scenes[0].view.title == "Four steps in" and scenes.current == 2  # the current scene kept
    scenes.panel.list.setCurrentRow(0)
    scenes.panel.note.setPlainText("Count the steps.")
    scenes.panel.commit_note()
    assert scenes.draft.scenes[0].view.note == "Count the steps."
    out = tmp_path / "edited.bplecture"
    monkeypatch.setattr("bpstudio.qt.shell.scenes.ask_save_path", lambda *a, **k: str(out))
    assert scenes.save_as() and not scenes.draft.unsaved
    other = open_studio()
    with qtbot.waitSignal(other.scenes.stage.arrived, timeout=10000):
        assert other.files.open(out)
    assert other.scenes.draft.scenes[0].view.title == "Four steps in"
    assert shown(qtbot, other, 4)[0] == "W0[0,0]"


def test_update_scene_is_the_only_thing_that_changes_a_scene(qtbot, open_studio, lecture):
    win = opened(qtbot, open_studio, lecture)
    original = win.scenes.draft.scenes[0]
    with qtbot.waitSignal(win.training.updated, timeout=5000):
        win.training.step(2)
    qtbot.waitUntil(lambda: win.last.iteration == 2, timeout=5000)
    assert win.scenes.draft.scenes[0] is original
    win.scenes.actions["update_scene"].trigger()
    updated = win.scenes.draft.scenes[0]
    assert updated.saved.snapshot.iteration == 2 and updated.view.title == original.view.title
    assert updated.view.note == original.view.note and win.scenes.draft.unsaved


def test_b_blanks_the_screen_and_any_key_brings_it_back(qtbot, open_studio, lecture):
    win = opened(qtbot, open_studio, lecture)
    qtbot.keyClick(win.network_view, Qt.Key.Key_B)
    assert win.scenes.blank.isVisible() and win.scenes.blank.geometry() == win.rect()
    qtbot.keyClick(win.scenes.blank, Qt.Key.Key_Space)  # un-blanks; does not start the run
    assert not win.scenes.blank.isVisible() and not win.training.running
    qtbot.keyClick(win.network_view, Qt.Key.Key_Period)
    assert win.scenes.blank.isVisible()
    qtbot.mouseClick(win.scenes.blank, Qt.MouseButton.LeftButton)
    assert not win.scenes.blank.isVisible()


def test_a_lecture_sent_by_the_system_opens_and_never_offers_the_tour(qtbot, open_studio, lecture):
    win = open_studio()
    app = QApplication.instance()
    events = open_files_sent_by_the_system(app, win.files, win)
    try:
        with qtbot.waitSignal(win.scenes.stage.arrived, timeout=10000):
            QCoreApplication.sendEvent(app, QFileOpenEvent(str(lecture)))
    finally:
        app.removeEventFilter(events)
    assert win.scenes.draft.path == lecture and win.tour.withdrawn
    assert str(lecture) in win.files.recent()
    assert win.files.path is None  # the session's Save never writes over the lecture


def test_closing_with_unsaved_lecture_edits_asks(qtbot, open_studio, lecture, monkeypatch):
    win = opened(qtbot, open_studio, lecture)
    win.scenes.actions["duplicate_scene"].trigger()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    win.ask_before_closing = True
    assert not win.close()
    assert asked and "lecture" in asked[0]
    win.scenes.undo_action.trigger()
    assert not win.scenes.draft.unsaved


def test_bpstudio_with_a_lecture_opens_the_studio_on_its_first_scene_without_the_tour(qtbot, lecture, monkeypatch):
    from PySide6.QtCore import QSettings

    from bpstudio.qt.main_window import MainWindow
    from bpstudio.qt.shell.i18n import install_language
    from bpstudio.qt.shell.launch import launch

    QSettings("BPStudio", "BPStudio").clear()  # a first start: the tour would be offered
    seen = {}

    def run_the_loop(app):
        window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        window.ask_before_closing = False
        qtbot.waitUntil(lambda: window.scenes.current == 0 and window.last is not None and window.model.selected == 0, timeout=10000)
        qtbot.wait(50)  # the first start's offer would come from the event loop's first turn
        seen.update(
            first_start=window.tour_offered, tour=window.tour.offered, visible=window.tour.isVisible(), iteration=window.last.iteration
        )
        seen["path"] = window.scenes.draft.path
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", run_the_loop)
    try:
        assert launch([str(lecture)]) == 0
    finally:
        QSettings("BPStudio", "BPStudio").clear()
        install_language("en")
    assert seen == {"first_start": True, "tour": False, "visible": False, "iteration": 0, "path": lecture}


class _SecondScreen:
    """A teacher's screen beside the projector (the offscreen platform has one screen)."""

    def availableGeometry(self):  # noqa: N802 (Qt's name)
        from PySide6.QtCore import QRect

        return QRect(2000, 0, 1280, 800)


def test_with_a_second_screen_the_presenter_view_shows_the_note_the_next_scene_and_a_clock(qtbot, open_studio, lecture, monkeypatch):
    import re

    from PySide6.QtGui import QGuiApplication

    real = QGuiApplication.screens()
    monkeypatch.setattr(QGuiApplication, "screens", staticmethod(lambda: [*real, _SecondScreen()]))
    win = opened(qtbot, open_studio, lecture)
    presenter = win.scenes.presenter
    assert presenter.isVisible() and presenter.pos().x() == 2000  # on the teacher's screen, not the projector
    assert presenter.note.toPlainText() == "Ask what O1 sums." and "The chain of w11" in presenter.title.text()
    thumbnail = presenter.thumbnail.pixmap()
    assert not thumbnail.isNull() and (thumbnail.width(), thumbnail.height()) == (384, 216)
    assert presenter.next_label.text() == "Next:"  # scene 2 has no title
    assert re.fullmatch(r"\d\d:\d\d:\d\d", presenter.clock.text()) and presenter.timer.isActive()
    page(qtbot, win, Qt.Key.Key_PageDown)
    page(qtbot, win, Qt.Key.Key_PageDown)
    assert presenter.note.toPlainText() == "(no note)" and presenter.next_label.text() == "Next: Softmax makes sources"
    page(qtbot, win, Qt.Key.Key_PageDown)
    assert presenter.next_label.text() == "Next: the end of the lecture" and presenter.thumbnail.pixmap().isNull()
    presenter.activateWindow()  # the teacher clicked it: the remote's keys still page the lecture
    qtbot.waitUntil(presenter.isActiveWindow, timeout=5000)
    with qtbot.waitSignal(win.scenes.stage.arrived, timeout=10000):
        qtbot.keyClick(presenter.note, Qt.Key.Key_PageUp)
    assert win.scenes.current == 2


def test_with_one_screen_there_is_no_presenter_view(qtbot, open_studio, lecture):
    win = opened(qtbot, open_studio, lecture)
    assert not win.scenes.presenter.isVisible()


def test_presentation_mode_is_the_rooms_and_a_scene_made_in_it_brings_it(qtbot, open_studio, lecture):
    win = opened(qtbot, open_studio, lecture)
    presentation = win.menus.presentation
    presentation.setChecked(True)  # F5: the teacher presents the lecture the command line built
    assert not win.scenes.dock.isVisible()  # the class sees the studio, not the list
    page(qtbot, win, Qt.Key.Key_PageDown)
    assert presentation.isChecked()  # a scene made without it leaves the mode as the teacher has it
    win.scenes.actions["add_scene"].trigger()  # made while presenting
    assert win.scenes.draft.scenes[2].view.presentation
    presentation.setChecked(False)
    assert win.scenes.dock.isVisible()  # back with the usual layout
    page(qtbot, win, Qt.Key.Key_PageUp)
    assert win.scenes.current == 1 and not presentation.isChecked()
    page(qtbot, win, Qt.Key.Key_PageDown)  # to the scene made while presenting
    assert win.scenes.current == 2 and presentation.isChecked()


def test_the_title_names_the_lecture_and_scene_in_either_language(qtbot, open_studio, lecture):
    win = opened(qtbot, open_studio, lecture)
    assert win.windowTitle() == "four.bplecture · The chain of w11 — BP Studio"
    win.findChild(QAction, "language_zh_CN").trigger()
    qtbot.waitUntil(lambda: win.windowTitle() == "four.bplecture · The chain of w11 — BP Studio", timeout=5000)
    page(qtbot, win, Qt.Key.Key_PageDown)
    assert win.windowTitle() == "four.bplecture · 场景 2 — BP Studio"
    assert win.scenes.menu.title() == "讲课(&U)" and win.scenes.actions["next_scene"].text() == "下一个场景(&N)"


def test_a_scene_keeps_the_runs_panels_runs_and_arriving_brings_them_back(qtbot, open_studio, lecture, tmp_path, monkeypatch):
    from bpstudio.control import Rewind

    win = opened(qtbot, open_studio, lecture)
    runs = win.model.runs
    with qtbot.waitSignal(win.training.updated, timeout=5000):
        win.training.step(6)
    qtbot.waitUntil(lambda: win.last.iteration == 6, timeout=5000)
    win.training.submit(Rewind())
    qtbot.waitUntil(lambda: win.last.iteration == 0, timeout=5000)
    win.training.step(1)  # a new branch: the rewound-over run is kept in the Runs panel
    qtbot.waitUntil(lambda: len(runs) == 1, timeout=5000)
    (kept,) = runs.runs.values()
    assert kept.iterations_done == 6
    win.scenes.actions["add_scene"].trigger()
    assert [r.iterations_done for r in win.scenes.draft.scenes[1].runs] == [6]
    out = tmp_path / "runs.bplecture"
    monkeypatch.setattr("bpstudio.qt.shell.scenes.ask_save_path", lambda *a, **k: str(out))
    assert win.scenes.save_as()
    with zipfile.ZipFile(out) as archive:
        assert {"scene-002/runs.json", "scene-002/run-00.npy"} <= set(archive.namelist())
        assert json.loads(archive.read("lecture.json"))["version"] >= 2  # format 2 brought kept runs
    other = open_studio()
    with qtbot.waitSignal(other.scenes.stage.arrived, timeout=10000):
        assert other.files.open(out)
    assert len(other.model.runs) == 0  # scene 1 keeps no runs
    page(qtbot, other, Qt.Key.Key_PageDown)
    (back,) = other.model.runs.runs.values()
    assert back.iterations_done == 6 and back.config == kept.config
    assert back.history.tolist() == kept.history.tolist() and back.iterations.tolist() == kept.iterations.tolist()
    assert other.runs.list.count() == 1  # the Runs panel shows it
    page(qtbot, other, Qt.Key.Key_PageUp)
    assert len(other.model.runs) == 0


def test_a_version_1_lecture_still_opens(qtbot, open_studio, lecture, tmp_path):
    old = tmp_path / "old.bplecture"
    with zipfile.ZipFile(lecture) as source, zipfile.ZipFile(old, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "lecture.json":
                document = json.loads(data)
                document["version"] = 1
                data = json.dumps(document).encode()
            target.writestr(info, data)
    win = opened(qtbot, open_studio, old)
    assert len(win.scenes.draft.scenes) == 4 and all(scene.problem is None for scene in win.scenes.draft.scenes)
