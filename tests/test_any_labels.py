"""Your data, any labels (issue 28): the CSV dialog's preview and target marking, the class-count and
regression refusals in the dialog and the CLI, a window that fits the screen at 50 classes, and a quit
that neither hangs nor aborts while a background job runs."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import numpy as np
import pytest
from conftest import run_bpstudio
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from bpstudio.engine.classes import MAX_CLASSES
from bpstudio.engine.config import RunConfig
from bpstudio.engine.csv_data import INTEGER, MIXED, NUMBER, TEXT, CsvDataError, class_labels_from_csv, column_kind
from bpstudio.qt.files.csv_dialog import CsvDataDialog

IRIS = ("setosa", "versicolor", "virginica")


def text_labels(path, n=30):
    path.write_text("a,b,species\n" + "".join(f"{i / 10},{(i * 7) % 5 / 4},{IRIS[i % 3]}\n" for i in range(n)))
    return path


def integer_labels(path, n=30):
    path.write_text("a,b,label\n" + "".join(f"{i / 10},{(i * 7) % 5 / 4},{i % 3}\n" for i in range(n)))
    return path


def regression(path, n=200):
    rng = np.random.RandomState(0)
    rows = "".join(f"{x:.6f},{y:.6f},{t:.6f}\n" for x, y, t in rng.uniform(0, 10, size=(n, 3)))
    path.write_text("a,b,y\n" + rows)
    return path


def mixed(path):
    labels = ["setosa", "versicolor", "virginica"] * 4
    labels[7] = "0"  # row 9 of the file: the header is row 1
    path.write_text("a,b,species\n" + "".join(f"{i},{i % 2},{label}\n" for i, label in enumerate(labels)))
    return path


def test_column_kinds_are_read_over_every_row():
    assert column_kind(["1", "2", "1"]).kind == INTEGER
    assert column_kind(["1", "2.5", "1"]).kind == NUMBER
    assert column_kind(["a", "b"]).kind == TEXT
    kind = column_kind(["a", "b", "3", "c"])
    assert (kind.kind, kind.number_row, kind.number, kind.text_row, kind.text) == (MIXED, 4, "3", 2, "a")
    assert column_kind([str(i) for i in range(60)]).distinct == 60


def test_labels_are_refused_with_their_reason(tmp_path):
    with pytest.raises(CsvDataError, match="200 distinct numbers — this looks like regression"):
        class_labels_from_csv(regression(tmp_path / "r.csv"), ("a", "b"), "y")
    few = tmp_path / "few.csv"
    few.write_text("a,y\n" + "".join(f"{i},{i % 4 / 2}\n" for i in range(12)))  # 0, 0.5, 1, 1.5: few, not whole
    with pytest.raises(CsvDataError, match=r"4 distinct numbers, not all whole \(row 3: “0.5”\)"):
        class_labels_from_csv(few, ("a",), "y")
    with pytest.raises(CsvDataError, match="row 9 holds the number “0” and row 2 the text “setosa”"):
        class_labels_from_csv(mixed(tmp_path / "m.csv"), ("a", "b"), "species")
    _, labels = class_labels_from_csv(text_labels(tmp_path / "t.csv"), ("a", "b"), "species")
    assert set(labels) == set(IRIS)


@pytest.mark.parametrize(
    "command", [("train", "--max-iter", "2"), ("chain", "--param", "W0[0,0]"), ("landscape", "--directions", "random")]
)
def test_the_cli_refuses_a_regression_target_under_cross_entropy(tmp_path, command):
    data = regression(tmp_path / "r.csv")
    result = run_bpstudio(*command, "--data", str(data), "--inputs", "a,b", "--targets", "y", "--loss", "cross-entropy")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "200 distinct numbers — this looks like regression" in result.stderr


def opened(qtbot, path, parent=None):
    dialog = CsvDataDialog(parent)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(path))
    with qtbot.waitSignal(dialog.columns_read, timeout=10000) as read:
        dialog.load_columns()
    assert read.args == [True]
    return dialog


def press_ok(qtbot, dialog) -> bool:
    with qtbot.waitSignal(dialog.checked, timeout=20000) as checked:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return checked.args[0]


def test_the_preview_shows_the_first_rows_and_each_columns_kind(qtbot, tmp_path):
    dialog = opened(qtbot, text_labels(tmp_path / "t.csv"))
    assert dialog.table.rowCount() == 5 and dialog.table.columnCount() == 3
    assert dialog.table.item(1, 2).text() == "versicolor" and dialog.table.item(1, 0).text() == "0.1"
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(3)]
    assert headers == ["a\nnumber", "b\nnumber", "species\ntext classes (3)"]
    assert "30 rows" in dialog.rows_note.text()
    assert dialog.as_classes.isChecked()  # text labels are classes
    dialog = opened(qtbot, integer_labels(tmp_path / "i.csv"))
    assert dialog.table.horizontalHeaderItem(2).text() == "label\ninteger classes (3)"
    assert dialog.as_numbers.isChecked()  # whole numbers may be counts: numbers unless marked


@pytest.mark.parametrize("make, mark", [(text_labels, None), (integer_labels, "classes")])
def test_labels_train_under_cross_entropy_from_the_dialog(qtbot, tmp_path, open_studio, make, mark):
    csv = make(tmp_path / "labels.csv")
    win = open_studio()
    dialog = opened(qtbot, csv, win)
    if mark:
        dialog.as_classes.setChecked(True)
    assert press_ok(qtbot, dialog) and dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.choice()["loss"] == "cross-entropy"
    win.gestures.apply_data(**dialog.choice())
    qtbot.waitUntil(lambda: win.last.config.data_file == str(csv), timeout=10000)
    assert win.last.config.loss == "cross-entropy" and win.problem.network.sizes == (2, 5, 3)
    written = [line.rsplit(",", 1)[1] for line in csv.read_text().splitlines()[1:]]
    classes = win.problem.dataset.classes
    one_hot = np.eye(3)[[classes.index(label) for label in written]]
    np.testing.assert_array_equal(win.problem.dataset.targets, one_hot)  # each row's own label, whatever it is
    win.training.step()
    qtbot.waitUntil(lambda: win.last.iteration >= 1, timeout=10000)
    assert np.all(np.isfinite(win.last.jvals))


def test_a_csv_replaces_a_2d_data_set_under_cross_entropy(qtbot, tmp_path, open_studio):
    csv = text_labels(tmp_path / "labels.csv")
    win = open_studio(RunConfig(dataset="gauss", classes=3, loss="cross-entropy", features=("x1", "x2")))
    dialog = opened(qtbot, csv, win)
    assert dialog.as_classes.isChecked() and press_ok(qtbot, dialog)
    win.gestures.apply_data(**dialog.choice())
    qtbot.waitUntil(lambda: win.last.config.data_file == str(csv), timeout=10000)
    assert win.last.config.dataset == "article" and win.last.config.loss == "cross-entropy"
    assert win.problem.network.sizes == (2, 5, 3) and win.problem.dataset.classes == IRIS


def test_a_regression_file_marked_as_classes_is_refused_with_the_reason(qtbot, tmp_path):
    dialog = opened(qtbot, regression(tmp_path / "r.csv"))
    assert dialog.as_numbers.isChecked() and dialog.error.text() == ""
    dialog.as_classes.setChecked(True)
    assert "200 distinct numbers — this looks like regression" in dialog.error.text()  # said at once
    assert not press_ok(qtbot, dialog) and dialog.result() != QDialog.DialogCode.Accepted
    assert "200 distinct numbers" in dialog.error.text()
    dialog.as_numbers.setChecked(True)
    assert dialog.error.text() == "" and press_ok(qtbot, dialog) and dialog.choice()["loss"] == "mse"


def test_mixed_labels_are_refused_naming_a_row_of_each(qtbot, tmp_path):
    dialog = opened(qtbot, mixed(tmp_path / "m.csv"))
    assert dialog.table.horizontalHeaderItem(2).text() == "species\nnumbers and text"
    assert not press_ok(qtbot, dialog)
    assert "row 9" in dialog.error.text() and "row 2" in dialog.error.text()


def test_fifty_classes_keep_the_probe_within_the_screen(qtbot, tmp_path):
    """The probe lists one output per class; fifty rows scroll instead of growing the window
    (1 260 pixels tall on a 768-pixel screen before).  The probe alone: a window at fifty classes
    typesets a chain of 2 500 links for minutes on the shared background thread, which would hold
    the next tests up."""
    from bpstudio.control.model.studio_model import ProbeReading
    from bpstudio.qt.inspector.probe import PredictionProbe

    csv = tmp_path / "fifty.csv"
    csv.write_text("a,b,label\n" + "".join(f"{i / 100},{i % 7},k{i % MAX_CLASSES}\n" for i in range(200)))
    config = RunConfig(data_file=str(csv), inputs=("a", "b"), targets=("label",), loss="cross-entropy")
    problem = config.problem()
    probe = PredictionProbe()
    qtbot.addWidget(probe)
    probe.set_problem(problem)
    probe.show_reading(ProbeReading((0.5, 3.0), tuple(np.full(MAX_CLASSES, 1 / MAX_CLASSES)), None))
    probe.show()
    assert len(probe.output_labels) == MAX_CLASSES and probe.output_labels[-1].text() != ""
    rows = probe.scroller.widget().minimumSizeHint().height()
    assert rows > 768 and probe.minimumSizeHint().height() < 300  # all the rows are there, and they scroll


QUIT_WITH_A_BUSY_JOB = textwrap.dedent(
    """
    import sys, threading
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from bpstudio.qt.shell.background import BackgroundWorker

    app = QApplication(sys.argv)
    started = threading.Event()

    def endless():
        started.set()
        while True:  # a job that would take minutes, as typesetting 50 classes' links does
            sum(range(1000))

    BackgroundWorker.shared().submit("busy", endless, lambda _result: None)
    started.wait()
    QTimer.singleShot(0, app.quit)
    sys.exit(app.exec())
    """
)


def test_quitting_with_a_busy_background_job_neither_hangs_nor_aborts():
    result = subprocess.run(
        [sys.executable, "-c", QUIT_WITH_A_BUSY_JOB],
        capture_output=True,
        text=True,
        timeout=120,  # a hang is a failure, not a wait: without the fix the job never ends
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert "Destroyed while thread" not in result.stderr
