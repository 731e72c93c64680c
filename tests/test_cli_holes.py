"""The CLI's remaining holes: each is one line on stderr and exit status 2, never a traceback or a hang."""

import os

import pytest
from conftest import run_bpstudio

from bpstudio.engine.config import RunConfig


def one_line_error(result, *fragments):
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


def test_chain_paths_below_zero():
    one_line_error(
        run_bpstudio("chain", "--param", "W0[0,0]", "--samples", "20", "--paths", "-1"), "argument --paths: must be 0 or greater"
    )


def test_chain_sample_counts_the_training_rows_of_a_test_split():
    # 100 samples, 20 held out: the index counts the 80 training samples, 0 to 79
    args = ("chain", "--param", "W0[0,0]", "--samples", "100", "--test-fraction", "0.2", "--format", "json")
    last = run_bpstudio(*args, "--sample", "79")
    assert last.returncode == 0 and '"sample": 79' in last.stdout
    one_line_error(
        run_bpstudio(*args, "--sample", "80"),
        "argument --sample: must be from 0 to 79, the training samples",
        "test split's rows are not counted",
    )


def test_chain_sample_counts_the_rows_of_a_csv_not_samples(tmp_path):
    csv = tmp_path / "t.csv"
    csv.write_text("u,w\n" + "\n".join(f"{i},{2 * i}" for i in range(6)) + "\n")
    one_line_error(
        run_bpstudio("chain", "--param", "W0[0,0]", "--data", str(csv), "--inputs", "u", "--targets", "w", "--sample", "6"),
        "must be from 0 to 5",
    )


def test_a_bad_session_with_smoke_test_exits_2_at_once(tmp_path):
    bad = tmp_path / "bad.bpstudio"
    bad.write_text("not a zip")
    one_line_error(run_bpstudio(str(bad), "--smoke-test", timeout=60), "bad.bpstudio", "not a BP Studio session")


@pytest.mark.parametrize("display", [True, False])
def test_a_missing_file_is_said_with_or_without_display(tmp_path, display):
    env = {"QT_QPA_PLATFORM": "offscreen"} if display else {"QT_QPA_PLATFORM": "", "DISPLAY": "", "WAYLAND_DISPLAY": ""}
    result = run_bpstudio(str(tmp_path / "bogus"), env=env, timeout=60)
    one_line_error(result, "bogus: the file does not exist")


def test_data_refuses_a_device():
    one_line_error(
        run_bpstudio("train", "--data", "/dev/zero", "--inputs", "a", "--targets", "b", timeout=30), "argument --data", "not a regular file"
    )


@pytest.mark.skipif(os.name != "posix", reason="FIFOs are POSIX")
def test_data_refuses_a_fifo(tmp_path):
    fifo = tmp_path / "d.csv"
    os.mkfifo(fifo)
    one_line_error(run_bpstudio("train", "--data", str(fifo), "--inputs", "a", "--targets", "b", timeout=30), "not a regular file")


def test_an_over_long_csv_field_names_its_row(tmp_path):
    csv = tmp_path / "long.csv"
    csv.write_text("u,w\n1,2\n3,4\n5," + "9" * 200_000 + "\n")
    one_line_error(
        run_bpstudio("train", "--data", str(csv), "--inputs", "u", "--targets", "w", "--quiet"),
        "argument --data: long.csv, row 4: field larger than field limit",
    )


def test_a_csv_with_too_many_rows_is_refused_before_parsing(tmp_path, monkeypatch):
    from bpstudio.engine import csv_data

    monkeypatch.setattr(csv_data, "MAX_ROWS", 3)
    csv = tmp_path / "many.csv"
    csv.write_text("u,w\n" + "\n".join(f"{i},{i}" for i in range(5)) + "\n")
    with pytest.raises(csv_data.CsvDataError, match="more than 3 data rows"):
        RunConfig(data_file=str(csv), inputs=("u",), targets=("w",)).problem()


def test_the_csv_dialog_says_the_over_long_field_and_its_row(qtbot, tmp_path):
    from bpstudio.qt.files.csv_dialog import CsvDataDialog

    csv = tmp_path / "long.csv"
    csv.write_text("u,w\n1,2\n3,4\n5," + "9" * 200_000 + "\n")
    dialog = CsvDataDialog(None)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(csv))
    with qtbot.waitSignal(dialog.columns_read, timeout=10000) as read:
        dialog.load_columns()
    assert read.args == [False]
    assert dialog.error.text() == "long.csv, row 4: field larger than field limit (131072)"
    dialog.path.setText("/dev/zero")
    with qtbot.waitSignal(dialog.columns_read, timeout=10000) as read:
        dialog.load_columns()
    assert read.args == [False] and "not a regular file" in dialog.error.text()
