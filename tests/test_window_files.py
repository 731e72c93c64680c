"""File > Save / Open in the window, bad files, and the unsaved-work question."""

import numpy as np
from PySide6.QtWidgets import QMessageBox


def test_save_then_open_in_another_window(qtbot, tmp_path, open_studio):
    first = open_studio()
    with qtbot.waitSignal(first.training.updated, timeout=5000):
        first.gestures.step()
    with qtbot.waitSignal(first.training.updated, timeout=5000):
        first.training.step(9)
    first.network_view.select_param(12)
    path = tmp_path / "lesson.bpstudio"
    assert first.files.save_to(path)
    assert not first.files.unsaved and "lesson.bpstudio" in first.windowTitle()
    weights = first.last.snapshot.weights.copy()
    first.close()

    second = open_studio()
    assert second.files.open(path)
    qtbot.waitUntil(lambda: second.last.iteration == 10, timeout=5000)
    np.testing.assert_array_equal(second.last.snapshot.weights, weights)
    assert len(second.plot.mirror) == 11
    assert second.network_view.selected_param == 12
    assert not second.files.unsaved
    assert str(path) in second.files.recent()
    second.close()


def test_bad_file_keeps_the_current_session(qtbot, tmp_path, monkeypatch, open_studio):
    win = open_studio()
    with qtbot.waitSignal(win.training.updated, timeout=5000):
        win.training.step(3)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    bad = tmp_path / "broken.bpstudio"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    assert not win.files.open(bad)
    assert warnings and "cannot be opened" in warnings[0]
    assert win.last.iteration == 3 and win.training.session.trainer.iteration == 3
    win.close()


def test_unsaved_work_asks_before_closing(qtbot, monkeypatch, tmp_path, open_studio):
    win = open_studio(ask_before_closing=True)
    with qtbot.waitSignal(win.training.updated, timeout=5000):
        win.training.step(2)
    assert win.files.unsaved
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Cancel)
    win.close()
    assert win.isVisible() and win.training.isRunning()  # cancelled: nothing lost
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Discard)
    win.close()
    assert not win.isVisible() and not win.training.isRunning()


def prepared_session(qtbot, win, folder):
    """A teacher's prepared session: a few steps, saved; its path and its bytes, to see it is never overwritten."""
    with qtbot.waitSignal(win.training.updated, timeout=5000):
        win.training.step(3)
    path = folder / "prepared.bpstudio"
    assert win.files.save_to(path)
    return path, path.read_bytes()


def test_a_lesson_is_a_session_of_its_own_and_never_saved_over_the_last_file(qtbot, tmp_path, monkeypatch, open_studio):
    """A teacher's prepared session must survive choosing a lesson and pressing Enter on the question."""
    from PySide6.QtWidgets import QFileDialog

    from bpstudio.control.learning.lessons import LESSONS_BY_KEY

    win = open_studio(ask_before_closing=True)
    path, saved = prepared_session(qtbot, win, tmp_path)
    with qtbot.waitSignal(win.training.updated, timeout=5000):
        win.training.step(2)  # work since the save
    asked = []

    def keep_it(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.Cancel

    monkeypatch.setattr(QMessageBox, "question", keep_it)
    lesson = LESSONS_BY_KEY["xor_hidden"]
    win.lessons.choose(lesson)
    assert len(asked) == 1 and win.files.path == path and not win.lesson_box.isVisibleTo(win)  # kept: nothing replaced
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Discard)
    win.lessons.choose(lesson)
    qtbot.waitUntil(lambda: win.last.config.dataset == "xor" and win.last.iteration == 0, timeout=10000)
    assert win.files.path is None and win.windowTitle().startswith("untitled")
    assert not win.files.unsaved  # a fresh lesson has nothing to lose yet
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))  # the user cancels Save As
    assert not win.files.save()
    assert path.read_bytes() == saved  # Save asked where, instead of writing the lesson over the prepared file


def test_a_lesson_chosen_while_a_file_is_opening_does_not_take_the_files_name(qtbot, tmp_path, open_studio):
    from bpstudio.control.learning.lessons import LESSONS_BY_KEY

    path, saved = prepared_session(qtbot, open_studio(), tmp_path)
    second = open_studio()
    assert second.files.open(path)  # handed to the trainer; its answer comes through the event loop
    second.lessons.choose(LESSONS_BY_KEY["xor_hidden"])  # before that answer
    qtbot.waitUntil(lambda: second.last.config.dataset == "xor" and second.last.iteration == 0, timeout=10000)
    assert second.files.path is None and second.windowTitle().startswith("untitled")
    assert second.files.actions["save"].isEnabled()
    assert path.read_bytes() == saved
