"""Saving and exporting ask about the final name (extension appended first), and say why a file is refused."""

import os

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from bpstudio.control.files.session_file import load_session
from bpstudio.qt.files.save_names import filter_extension, with_extension


@pytest.mark.parametrize(
    "typed, extension, final",
    [("lesson", ".bpstudio", "lesson.bpstudio"), ("lesson.BPSTUDIO", ".bpstudio", "lesson.BPSTUDIO"), ("a.b", ".png", "a.b.png")],
)
def test_the_extension_is_appended_unless_the_name_ends_in_it(typed, extension, final):
    assert with_extension(typed, extension) == final


def test_a_filter_names_its_extension():
    assert filter_extension("CSV (*.csv)") == ".csv" and filter_extension("PNG image (*.png)") == ".png"


@pytest.fixture
def answers(monkeypatch):
    """Record each replace question; answer with what the test sets in ``reply``."""
    asked: list[str] = []
    state = {"reply": QMessageBox.StandardButton.No}

    def question(parent, title, text, *rest):
        asked.append(text)
        return state["reply"]

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked, state


def typed(monkeypatch, path, chosen=""):
    calls = []

    def dialog(*args, **kwargs):
        calls.append(kwargs.get("options"))
        return str(path), chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return calls


def stepped(qtbot, open_studio):
    win = open_studio()
    with qtbot.waitSignal(win.training.updated, timeout=5000):
        win.gestures.step()
    return win


def test_save_as_asks_about_the_name_with_its_extension(qtbot, tmp_path, open_studio, monkeypatch, answers):
    asked, state = answers
    win = stepped(qtbot, open_studio)
    existing = tmp_path / "lesson.bpstudio"
    existing.write_bytes(b"the teacher's prepared lesson")
    calls = typed(monkeypatch, tmp_path / "lesson")  # typed without the extension
    assert not win.files.save_as()
    assert len(asked) == 1 and "lesson.bpstudio" in asked[0]
    assert existing.read_bytes() == b"the teacher's prepared lesson"
    assert calls[0] == QFileDialog.Option.DontConfirmOverwrite  # the dialog's own question would be about "lesson"
    state["reply"] = QMessageBox.StandardButton.Yes
    assert win.files.save_as()
    assert load_session(existing).snapshot.iteration == 1 and win.files.path == existing


def test_a_new_name_is_not_asked_about(qtbot, tmp_path, open_studio, monkeypatch, answers):
    asked, _ = answers
    win = stepped(qtbot, open_studio)
    typed(monkeypatch, tmp_path / "fresh")
    assert win.files.save_as() and (tmp_path / "fresh.bpstudio").is_file() and asked == []


def test_an_export_asks_about_the_name_with_the_filters_extension(qtbot, tmp_path, open_studio, monkeypatch, answers):
    asked, state = answers
    win = stepped(qtbot, open_studio)
    existing = tmp_path / "jval.csv"
    existing.write_text("kept")
    typed(monkeypatch, tmp_path / "jval", "CSV (*.csv)")
    win.exports.actions["export_history"].trigger()
    assert len(asked) == 1 and "jval.csv" in asked[0] and existing.read_text() == "kept"
    state["reply"] = QMessageBox.StandardButton.Yes
    win.exports.actions["export_history"].trigger()
    assert existing.read_text().splitlines()[0] != "kept"


def test_the_landscape_export_asks_about_the_name_with_its_extension(qtbot, tmp_path, open_studio, monkeypatch, answers):
    asked, _ = answers
    win = stepped(qtbot, open_studio)
    (tmp_path / "map.png").write_bytes(b"kept")
    typed(monkeypatch, tmp_path / "map")
    assert win.landscape._ask_path("png", "map") == ""  # the user said No
    assert len(asked) == 1 and "map.png" in asked[0]


@pytest.mark.skipif(os.name != "posix", reason="permission bits")
def test_saving_over_a_read_only_file_is_refused_with_a_message(qtbot, tmp_path, open_studio, monkeypatch, answers):
    _, state = answers
    state["reply"] = QMessageBox.StandardButton.Yes
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: warned.append(text))
    win = stepped(qtbot, open_studio)
    existing = tmp_path / "answers.bpstudio"
    existing.write_bytes(b"read only")
    os.chmod(existing, 0o444)
    typed(monkeypatch, existing)
    assert not win.files.save_as()
    assert existing.read_bytes() == b"read only" and len(warned) == 1 and "read-only" in warned[0]
    typed(monkeypatch, tmp_path / "jval.csv", "CSV (*.csv)")
    (tmp_path / "jval.csv").write_text("kept")
    os.chmod(tmp_path / "jval.csv", 0o444)
    win.exports.actions["export_history"].trigger()
    assert (tmp_path / "jval.csv").read_text() == "kept" and len(warned) == 2 and "read-only" in warned[1]
