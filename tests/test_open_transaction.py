"""Open is a transaction: the window takes a file's name only once it is loaded (D4)."""

import threading

import pytest
from PySide6.QtWidgets import QMessageBox

from bpstudio.control import Step, TrainingSession
from bpstudio.control.files.session_file import load_session, save_session
from bpstudio.control.runtime import session as session_module
from bpstudio.engine.config import RunConfig


@pytest.fixture
def lesson(tmp_path):
    session = TrainingSession(RunConfig(samples=60))
    session.execute(Step(7))
    path = tmp_path / "lesson.bpstudio"
    save_session(path, session)
    return path


def test_save_is_disabled_and_the_title_unchanged_until_the_file_is_loaded(qtbot, lesson, tmp_path, open_studio, monkeypatch):
    win = open_studio()
    old = tmp_path / "old.bpstudio"
    assert win.files.save_to(old)
    title = win.windowTitle()
    gate = threading.Event()
    real_load = TrainingSession.load

    def slow_load(self, saved, branch=None):  # the training thread is busy loading until the test lets it go
        gate.wait(10)
        real_load(self, saved, branch)

    monkeypatch.setattr(TrainingSession, "load", slow_load)
    before = lesson.read_bytes()
    assert win.files.open(lesson)
    assert not win.files.actions["save"].isEnabled() and not win.files.actions["save_as"].isEnabled()
    assert win.windowTitle() == title and win.files.path == old
    assert not win.files.save()  # Save during loading never writes the old session over the new file
    assert lesson.read_bytes() == before
    gate.set()
    qtbot.waitUntil(lambda: win.files.pending is None, timeout=5000)
    assert win.last.iteration == 7 and "lesson.bpstudio" in win.windowTitle()
    assert win.files.path == lesson and win.files.actions["save"].isEnabled()
    assert not win.files.unsaved


def test_a_file_refused_by_the_thread_leaves_title_session_and_path(qtbot, lesson, tmp_path, open_studio, monkeypatch):
    win = open_studio()
    with qtbot.waitSignal(win.training.updated, timeout=5000):
        win.training.step(3)
    old = tmp_path / "old.bpstudio"
    assert win.files.save_to(old)
    title = win.windowTitle()
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))

    def no_memory(self, saved, branch=None):
        raise MemoryError("cannot allocate")

    monkeypatch.setattr(TrainingSession, "load", no_memory)
    assert win.files.open(lesson)
    qtbot.waitUntil(lambda: win.files.pending is None, timeout=5000)
    assert warnings and "MemoryError" in warnings[0] and "stays as it was" in warnings[0]
    assert win.windowTitle() == title and win.files.path == old
    assert win.last.iteration == 3 and win.training.session.trainer.iteration == 3
    assert win.files.actions["save"].isEnabled()


def test_a_failed_load_changes_nothing_in_the_session(lesson, monkeypatch):
    session = TrainingSession(RunConfig(samples=30, hidden=(4,)))
    session.execute(Step(2))
    before = (session.config, session.trainer)
    saved = load_session(lesson)

    def no_memory(self, problem=None):
        raise MemoryError

    monkeypatch.setattr(RunConfig, "trainer", no_memory)
    from bpstudio.control import LoadSaved, Submit

    session.execute(Submit(LoadSaved(saved)))
    assert (session.config, session.trainer) == before
    assert session.update(False).loaded[1].startswith("MemoryError")


def test_changes_are_bounded(monkeypatch):
    monkeypatch.setattr(session_module, "MAX_CHANGES", 5)
    from bpstudio.control import SetSetting, Submit

    session = TrainingSession(RunConfig(samples=20))
    for i in range(12):
        session.execute(Submit(SetSetting("alpha", 0.001 + i * 1e-4)))
    assert len(session.changes) == 5 and session.changes[-1].new == pytest.approx(0.0021)
