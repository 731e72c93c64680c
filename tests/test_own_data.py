"""Your own data: safe target formulas (fuzzed), CSV files, and the CLI and sessions on them."""

import contextlib
import json

import numpy as np
import pytest
from conftest import run_bpstudio
from hypothesis import given, settings
from hypothesis import strategies as st

from bpstudio.control import SetSetting, Step, Submit, TrainingSession
from bpstudio.control.files.session_file import load_session, save_session
from bpstudio.engine.config import ConfigError, RunConfig
from bpstudio.engine.csv_data import CsvDataError, dataset_from_csv
from bpstudio.engine.formula import FormulaError, parse_formula, parse_formulas

VALUES = {"r": np.array([0.5, -0.25]), "g": np.array([1.0, 2.0]), "b": np.array([-1.0, 0.0])}


def test_the_articles_formulas_reproduce_its_targets():
    formulas = parse_formulas(["x = r + 2*g + 3*b", "y = r**2 + 2*g**2 + 3*b**2", "lv = -3*r - 4*g - 5*b"])
    custom = RunConfig(formulas=tuple(str(f) for f in formulas)).problem()
    article = RunConfig().problem()
    np.testing.assert_allclose(custom.dataset.targets, article.dataset.targets, rtol=1e-15)
    np.testing.assert_array_equal(custom.start, article.start)  # same random stream
    assert custom.dataset.target_names == ("x", "y", "lv")


def test_functions_and_refusals():
    f = parse_formula("s = sqrt(abs(r)) + sin(g) * exp(-b) / tanh(1)")
    expected = np.sqrt(np.abs(VALUES["r"])) + np.sin(VALUES["g"]) * np.exp(-VALUES["b"]) / np.tanh(1)
    np.testing.assert_allclose(f.evaluate(VALUES), expected)
    for text, reason in [
        ("x = __import__('os').system('true')", "functions allowed"),
        ("x = r.__class__", "attribute"),
        ("x = open('f')", "unknown function “open”"),
        ("x = sinn(r)", "unknown function “sinn”: use sin, cos"),
        ("x = q + 1", "unknown name “q”"),
        ("x = sin(r, g)", "“sin” takes one value"),
        ("x = r if g else b", "not allowed"),
        ("x = [r]", "not allowed"),
        ("x = 'text'", "not a number"),
        ("x = r // 2", "only"),
        ("x = r + ", "BP Studio can read"),
        ("r = g", "cannot name"),
        ("x r + g", "name = expression"),
        ("x = " + "+".join(["r"] * 120), "too long"),
        ("x = " + "+".join(["r"] * 150), "at most 300 characters"),
    ]:
        with pytest.raises(FormulaError, match=reason):
            parse_formula(text).evaluate(VALUES)
    with pytest.raises(FormulaError, match="not a finite number"):
        parse_formula("x = sqrt(b)").evaluate({"r": np.zeros(2), "g": np.zeros(2), "b": np.array([1.0, -1.0])})
    with pytest.raises(FormulaError, match="not a finite number"):
        parse_formula("x = 10 ** 10 ** 10").evaluate(VALUES)  # float arithmetic: no hang
    with pytest.raises(FormulaError, match="own name"):
        parse_formulas(["x = r", "x = g"])


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="rgbxy =+-*/()0123456789.,_eEsincoqtpa'\"[]{}:;!@#\\", max_size=60))
def test_fuzz_formulas_never_crash_or_run_code(text):
    with contextlib.suppress(FormulaError):
        parse_formula(text).evaluate(VALUES)


def write_csv(path, text):
    path.write_text(text)
    return path


def test_csv_data(tmp_path):
    good = write_csv(tmp_path / "d.csv", "a,b,c,t\n1,2,3,4\n5,6,7,8\n0.5,1e-3,-2,9\n")
    data = dataset_from_csv(good, ("a", "c"), ("t",))
    assert data.inputs.shape == (3, 2) and data.targets[:, 0].tolist() == [4, 8, 9]
    semi = write_csv(tmp_path / "s.csv", "a;t\n1;2\n3;4\n")
    assert dataset_from_csv(semi, ("a",), ("t",)).n_samples == 2
    cases = {
        "missing": ("a,t\n1,2\n3,\n", "row 3, column t: the value is missing"),
        "text": ("a,t\n1,2\nx,4\n", "row 3, column a: “x” is not a number"),
        "few": ("a,t\n1,2\n", "at least 2"),
        "unknown": ("a,t\n1,2\n3,4\n", "no column “zz”"),
        "header": ("1\n2\n", "header"),
    }
    for name, (text, reason) in cases.items():
        path = write_csv(tmp_path / f"{name}.csv", text)
        targets = ("zz",) if name == "unknown" else ("t",)
        with pytest.raises(CsvDataError, match=reason):
            dataset_from_csv(path, ("a",), targets)
    binary = tmp_path / "image.csv"
    binary.write_bytes(b"\x89PNG\0\0\0binary")
    with pytest.raises(CsvDataError, match="not a CSV file"):
        dataset_from_csv(binary, ("a",), ("t",))


def test_cli_formula_and_csv(tmp_path):
    out = tmp_path / "f.json"
    result = run_bpstudio(
        "train", "--formula", "x = r*g", "--formula", "y = sin(b)", "--max-iter", "20", "--samples", "100", "--json", str(out), "--quiet"
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text())["sizes"] == [3, 5, 2]
    csv_file = write_csv(tmp_path / "d.csv", "u,v,w\n" + "".join(f"{i / 10},{i / 7},{i / 5}\n" for i in range(30)))
    out2 = tmp_path / "c.json"
    result = run_bpstudio(
        "train", "--data", str(csv_file), "--inputs", "u,v", "--targets", "w", "--max-iter", "20", "--json", str(out2), "--quiet"
    )
    assert result.returncode == 0, result.stderr
    run = json.loads(out2.read_text())
    assert run["sizes"] == [2, 5, 1] and run["config"]["inputs"] == ["u", "v"]
    bad = run_bpstudio("train", "--formula", "x = import os", "--quiet")
    assert bad.returncode == 2 and "--formula" in bad.stderr and "Traceback" not in bad.stderr
    bad = run_bpstudio("train", "--data", str(csv_file), "--inputs", "u", "--targets", "zz", "--quiet")
    assert bad.returncode == 2 and "no column “zz”" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1


def save_then_reopen_without_the_csv(tmp_path, rows, steps, **settings):
    """Train on a CSV file, save, delete the CSV, reopen: (original, reopened) sessions."""
    csv_file = write_csv(tmp_path / "d.csv", "u,w\n" + "".join(f"{i / 10},{(i / 10) ** 2}\n" for i in range(rows)))
    session = TrainingSession(RunConfig(data_file=str(csv_file), inputs=("u",), targets=("w",), **settings))
    session.execute(Step(steps))
    path = tmp_path / "s.bpstudio"
    save_session(path, session)
    csv_file.unlink()
    resumed = TrainingSession()
    resumed.load(load_session(path))
    return session, resumed


def test_session_on_csv_data_opens_without_the_file(tmp_path):
    session, resumed = save_then_reopen_without_the_csv(tmp_path, rows=20, steps=5)
    assert resumed.trainer.network.sizes == (1, 5, 1) and resumed.trainer.iteration == 5
    session.execute(Step(5))
    resumed.execute(Step(5))
    np.testing.assert_array_equal(resumed.trainer.weights, session.trainer.weights)


def test_a_bad_formula_in_the_studio_changes_nothing():
    session = TrainingSession(RunConfig(samples=50))
    session.execute(Submit(SetSetting("formulas", ("x = sqrt(r)",))))  # r < 0 for some samples
    update = session.update(False)
    assert update.refused is not None and update.refused.field == "formulas"
    assert session.config.formulas == () and session.trainer.network.sizes == (3, 5, 3)
    with pytest.raises(ConfigError):
        RunConfig(formulas=("x = r",), data_file="d.csv", inputs=("a",), targets=("b",))


def test_studio_trains_on_formulas_and_on_a_csv_file(qtbot, tmp_path, open_studio):
    from bpstudio.qt.files.csv_dialog import CsvDataDialog

    win = open_studio()
    field = win.controls.editors["formulas"]
    field.setText("x = r*g; y = sin(b)")
    field.editingFinished.emit()
    qtbot.waitUntil(lambda: win.last.config.formulas == ("x = r*g", "y = sin(b)"), timeout=5000)
    assert win.problem.network.sizes == (3, 5, 2) and len(win.probe.output_labels) == 2
    qtbot.waitUntil(lambda: win.probe.output_labels[0].text() != "", timeout=10000)  # the model's answer
    assert "—" not in win.probe.output_labels[0].text()  # a formula gives the true value
    field.setText("x = sqrt(r)")
    field.editingFinished.emit()
    qtbot.waitUntil(lambda: win.controls.errors["formulas"].isVisibleTo(win), timeout=5000)
    assert "not a finite number" in win.controls.errors["formulas"].text()

    csv_file = tmp_path / "d.csv"
    csv_file.write_text("u,v,w\n" + "".join(f"{i / 10},{i / 7},{i / 5}\n" for i in range(30)))
    dialog = CsvDataDialog(win, str(csv_file))
    qtbot.waitUntil(lambda: dialog.inputs.count() == 3, timeout=10000)  # read on the background thread
    assert dialog.choice()["targets"] == ("w",)
    win.gestures.apply_data(**dialog.choice())
    qtbot.waitUntil(lambda: win.last.config.data_file == str(csv_file), timeout=5000)
    assert win.problem.network.sizes == (2, 5, 1)
    qtbot.waitUntil(lambda: win.probe.output_labels[0].text() != "", timeout=10000)
    qtbot.waitUntil(lambda: "true" not in win.probe.header.text(), timeout=5000)  # no formula for CSV data: no column
    assert "—" not in win.probe.output_labels[0].text()
    assert "d.csv" in win.controls.data_source.text()
    win.gestures.use_article_data()
    qtbot.waitUntil(lambda: win.last.config.data_file == "", timeout=5000)
    assert win.problem.network.sizes == (3, 5, 3)


def test_train_test_split(tmp_path):
    plain = RunConfig(samples=200).problem()
    split = RunConfig(samples=200, test_fraction=0.25).problem()
    assert split.dataset.n_samples == 150 and split.test.n_samples == 50
    rows = {tuple(r) for r in split.dataset.inputs} | {tuple(r) for r in split.test.inputs}
    assert rows == {tuple(r) for r in plain.dataset.inputs}  # a partition of the same samples
    np.testing.assert_array_equal(split.start, plain.start)  # the same start point
    session = TrainingSession(RunConfig(samples=200, test_fraction=0.25))
    session.execute(Step(6))
    update = session.update(False)
    assert len(update.test_jvals) == 7 and update.test_jvals[-1] < update.test_jvals[0]
    path = tmp_path / "split.bpstudio"
    save_session(path, session)
    resumed = TrainingSession()
    resumed.load(load_session(path))
    np.testing.assert_array_equal(resumed.trainer.test_history.view(), session.trainer.test_history.view())
    np.testing.assert_array_equal(resumed.trainer.test.inputs, session.trainer.test.inputs)
    with pytest.raises(ConfigError, match="test_fraction"):
        RunConfig(test_fraction=0.95)


def test_split_csv_session_keeps_the_same_partition(tmp_path):
    session, resumed = save_then_reopen_without_the_csv(tmp_path, rows=40, steps=3, test_fraction=0.25)
    np.testing.assert_array_equal(resumed.trainer.dataset.inputs, session.trainer.dataset.inputs)
    np.testing.assert_array_equal(resumed.trainer.test.inputs, session.trainer.test.inputs)


def test_cli_test_fraction(tmp_path):
    out = tmp_path / "r.json"
    result = run_bpstudio("train", "--test-fraction", "0.2", "--samples", "100", "--max-iter", "10", "--json", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    run = json.loads(out.read_text())
    assert run["test_samples"] == 20 and len(run["test_jval"]) == 11
    bad = run_bpstudio("train", "--test-fraction", "2", "--quiet")
    assert bad.returncode == 2 and "--test-fraction" in bad.stderr


def test_plot_shows_the_scaled_test_curve(qtbot, open_studio):
    win = open_studio(RunConfig(test_fraction=0.2))
    with qtbot.waitSignal(win.training.updated, timeout=5000):
        win.training.step(4)
    win.plot.redraw()
    x, y = win.plot.test_curve.getOriginalDataset()
    assert len(y) == 5 and win.plot.test_scale == 4.0
    np.testing.assert_allclose(y, win.training.session.trainer.test_history.view() * 4.0)
    legend = [label.text for _, label in win.plot.getPlotItem().legend.items]
    assert any(text.startswith("test") for text in legend)


@pytest.mark.parametrize("running", [False, True])
def test_a_refused_csv_is_said_under_the_data_and_stays_said(qtbot, tmp_path, open_studio, monkeypatch, running):
    # The studio's own trainer process: a run in a thread of this process starves the GUI thread here.
    monkeypatch.setenv("BPSTUDIO_TRAINER", "process")
    bad = tmp_path / "text.csv"
    bad.write_text("a,b,y\n1,2,3\nx,4,5\n")  # a text cell: the file changed after the dialog read it
    win = open_studio(RunConfig(samples=100, max_iter=10**7))
    if running:
        win.gestures.run()
        qtbot.waitUntil(lambda: win.last.state.value == "running", timeout=10000)
    win.gestures.apply_data(data_file=str(bad), inputs=("a", "b"), targets=("y",), formulas=())
    error = win.controls.data_error
    qtbot.waitUntil(lambda: error.isVisible(), timeout=10000)
    assert "text.csv" in error.text() and win.last.config.data_file == ""  # refused: the run goes on as it was
    if running:
        seen = win.last
        qtbot.waitUntil(lambda: win.last is not seen, timeout=10000)  # later Updates of the same run
        assert error.isVisible()
        win.gestures.pause()
    win.gestures.use_article_data()  # another run shown: the old refusal goes
    win.gestures.on_change_requested("hidden", (4,))
    qtbot.waitUntil(lambda: win.last.config.hidden == (4,), timeout=10000)
    assert not error.isVisible()


@pytest.mark.parametrize("odd", ["\u2028", "\x0c", "\x1e", "\x85", "\v"], ids=["U+2028", "form-feed", "U+001E", "NEL", "VT"])
def test_a_line_separator_inside_an_unused_cell_neither_splits_its_row_nor_moves_an_error(tmp_path, odd):
    """Only \\n, \\r\\n and \\r end a CSV row; the missing value is in row 4 (the header is row 1)."""
    path = tmp_path / "odd.csv"
    path.write_text(f"u,v,note,w\n1,2,a,3\n4,5,b{odd}c,6\n7,,d,9\n", encoding="utf-8")
    with pytest.raises(CsvDataError) as caught:
        dataset_from_csv(path, ("u", "v"), ("w",))
    assert "row 4, column v: the value is missing" in str(caught.value)
    path.write_text(f"u,v,note,w\n1,2,a,3\n4,5,b{odd}c,6\n7,8,d,9\n", encoding="utf-8")
    data = dataset_from_csv(path, ("u", "v"), ("w",))
    np.testing.assert_array_equal(data.targets[:, 0], [3, 6, 9])
