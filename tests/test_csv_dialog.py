"""The CSV dialog reads and checks files on a background thread and says what it is doing."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from bpstudio.qt.files.csv_dialog import CsvDataDialog
from bpstudio.qt.shell.background import BackgroundWorker


def opened(qtbot, path):
    dialog = CsvDataDialog(None)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(path))
    with qtbot.waitSignal(dialog.columns_read, timeout=10000) as read:
        dialog.load_columns()
    return dialog, read.args[0]


def ok_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_ok_checks_every_row_off_the_gui_thread_then_accepts(qtbot, tmp_path):
    csv = tmp_path / "big.csv"
    csv.write_text("u,v,w\n" + "".join(f"{i},{i / 3},{i % 7}\n" for i in range(20000)))
    dialog, listed = opened(qtbot, csv)
    assert listed and dialog.inputs.count() == 3 and not dialog.busy.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.checked, timeout=20000) as checked:
        ok_button(dialog).click()
        # said at once, and nothing can change the answer's file meanwhile
        assert dialog.busy.isVisibleTo(dialog) and "big.csv" in dialog.busy.text()
        assert not ok_button(dialog).isEnabled() and not dialog.path.isEnabled() and not dialog.inputs.isEnabled()
    assert checked.args == [True] and dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.choice()["inputs"] == ("u", "v") and dialog.choice()["targets"] == ("w",)


def test_a_row_that_does_not_read_is_said_and_ok_comes_back(qtbot, tmp_path):
    csv = tmp_path / "text.csv"
    csv.write_text("a,b\n1,2\n3,x\n")
    dialog, listed = opened(qtbot, csv)
    assert listed  # the header is fine; the rows are checked when OK is pressed
    with qtbot.waitSignal(dialog.checked, timeout=10000) as checked:
        ok_button(dialog).click()
    assert checked.args == [False] and dialog.result() != QDialog.DialogCode.Accepted
    assert "row 3" in dialog.error.text() and "x" in dialog.error.text()
    assert ok_button(dialog).isEnabled() and dialog.path.isEnabled() and not dialog.busy.isVisibleTo(dialog)


def test_cancel_during_the_check_drops_its_answer(qtbot, tmp_path):
    csv = tmp_path / "d.csv"
    csv.write_text("u,w\n" + "".join(f"{i},{i}\n" for i in range(5000)))
    dialog, _ = opened(qtbot, csv)
    answers = []
    dialog.checked.connect(answers.append)
    ok_button(dialog).click()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert BackgroundWorker.shared("files").wait_idle()  # the check ran to its end and was delivered
    assert answers == [] and dialog.result() == QDialog.DialogCode.Rejected


def test_a_missing_file_is_said_without_columns(qtbot, tmp_path):
    dialog, listed = opened(qtbot, tmp_path / "nowhere.csv")
    assert not listed and "does not exist" in dialog.error.text() and dialog.inputs.count() == 0
