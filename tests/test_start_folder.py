"""Save, Open and Export dialogs start where the user keeps files, never in an unwritable working directory."""

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from bpstudio.qt.files import start_folder as sf


@pytest.fixture
def store(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def documents(tmp_path, monkeypatch):
    """A Documents and a home folder of the test's own, as QStandardPaths would name them."""
    docs, home = tmp_path / "Documents", tmp_path / "home"
    docs.mkdir()
    home.mkdir()
    monkeypatch.setattr(sf, "users_folders", lambda: [str(docs), str(home)])
    return docs, home


def test_a_first_dialog_starts_in_documents_even_when_started_from_the_root(documents, store, monkeypatch):
    monkeypatch.chdir("/")  # a desktop entry or Finder starts the program here
    docs, _ = documents
    assert sf.start_folder(store) == docs
    assert sf.start_path("session.bpstudio", store) == str(docs / "session.bpstudio")


def test_the_folder_used_last_wins_and_is_remembered(documents, store, tmp_path):
    lessons = tmp_path / "lessons"
    lessons.mkdir()
    sf.remember_folder(lessons / "week1.bpstudio", store)
    store.sync()
    again = QSettings(store.fileName(), QSettings.Format.IniFormat)  # as the next start reads it
    assert sf.start_folder(again) == lessons


def test_a_folder_gone_or_unwritable_falls_back_to_documents_then_home(documents, store, tmp_path):
    docs, home = documents
    gone = tmp_path / "usb-stick"
    sf.remember_folder(gone / "a.png", store)
    assert sf.start_folder(store) == docs
    docs.rmdir()
    assert sf.start_folder(store) == home


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_folder_is_not_used(documents, store, tmp_path):
    docs, _ = documents
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        sf.remember_folder(locked / "a.png", store)
        assert sf.start_folder(store) == docs
    finally:
        locked.chmod(0o755)


def test_roots_and_nothing_are_never_used():
    assert not sf.usable(Path(Path.cwd().anchor))
    assert not sf.usable("")
    assert not sf.usable(None)


def test_saving_a_new_session_starts_in_documents_and_the_next_open_in_its_folder(open_studio, documents, monkeypatch, tmp_path):
    monkeypatch.chdir("/")
    docs, _ = documents
    window = open_studio()
    asked = []

    def save_dialog(parent, title, start, *rest, **kw):
        asked.append(start)
        return str(tmp_path / "class" / "lesson"), ""

    (tmp_path / "class").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    assert window.files.save_as()
    assert asked == [str(docs / "session.bpstudio")]
    window.files.path = None  # a new session: the dialog goes by the folder remembered, not the file

    def open_dialog(parent, title, start, *rest, **kw):
        asked.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_dialog)
    window.files.open_dialog()
    assert asked[1] == str(tmp_path / "class")


def test_an_export_starts_in_documents(open_studio, documents, monkeypatch):
    monkeypatch.chdir("/")
    docs, _ = documents
    window = open_studio()
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda parent, title, start, *a, **k: (asked.append(start), ("", ""))[1])
    window.exports.actions["export_numpy"].trigger()
    assert asked == [str(docs / "bp_numpy.py")]
