"""The classification contract of the headless commands, run as a user runs them."""

import json

import numpy as np
import pytest
from conftest import run_bpstudio

from bpstudio.control import TrainingSession
from bpstudio.control.files.session_file import load_session, save_session
from bpstudio.engine.config import RunConfig


def test_train_reports_accuracy_and_the_full_gradient(tmp_path):
    out = tmp_path / "run.json"
    result = run_bpstudio(
        "train",
        "--dataset",
        "xor",
        "--samples",
        "200",
        "--hidden",
        "4",
        "--loss",
        "cross-entropy",
        "--alpha",
        "0.01",
        "--max-iter",
        "400",
        "--test-fraction",
        "0.25",
        "--l2",
        "0.01",
        "--batch-size",
        "50",
        "--json",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    assert "accuracy:" in result.stdout
    run = json.loads(out.read_text())
    assert run["sizes"] == [2, 4, 2] and run["classes"] == ["0", "1"]
    assert 0.5 < run["accuracy"] <= 1.0 and 0.0 <= run["test_accuracy"] <= 1.0
    assert run["config"]["dataset"] == "xor" and run["config"]["output"] == "auto"
    # "gradient" is d(JVal)/dW of the whole set, penalty included, not the last batch's
    config = RunConfig.from_dict(run["config"])
    trainer = config.trainer()
    weights = np.concatenate([np.ravel(m) for m in run["weights"]])
    jval, gradient = trainer.evaluate(weights)
    np.testing.assert_allclose(np.concatenate([np.ravel(m) for m in run["gradient"]]), gradient, rtol=1e-9)
    assert run["final_jval"] == pytest.approx(jval, rel=1e-12)


def test_regression_sets_have_no_accuracy(tmp_path):
    out = tmp_path / "run.json"
    result = run_bpstudio("train", "--dataset", "multi-gauss", "--samples", "100", "--max-iter", "20", "--json", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    run = json.loads(out.read_text())
    assert run["sizes"] == [2, 5, 1] and "accuracy" not in run and "classes" not in run


def test_csv_class_column_is_one_hot_in_sorted_label_order(tmp_path):
    rows = ["u,v,label"] + [
        f"{u},{v},{lab}" for u, v, lab in [(1, 2, "dog"), (3, -1, "cat"), (-2, 0.5, "ant"), (4, 4, "dog"), (0, -3, "cat"), (2, 2, "ant")]
    ]
    table = tmp_path / "pets.csv"
    table.write_text("\n".join(rows) + "\n")
    out = tmp_path / "run.json"
    result = run_bpstudio(
        "train",
        "--data",
        str(table),
        "--inputs",
        "u,v",
        "--targets",
        "label",
        "--loss",
        "cross-entropy",
        "--max-iter",
        "5",
        "--json",
        str(out),
        "--quiet",
    )
    assert result.returncode == 0, result.stderr
    run = json.loads(out.read_text())
    assert run["classes"] == ["ant", "cat", "dog"] and run["sizes"] == [2, 5, 3]
    config = RunConfig.from_dict(run["config"])
    data = config.problem().dataset
    np.testing.assert_array_equal(data.inputs[:, 0], [1, 3, -2, 4, 0, 2])  # values as given
    np.testing.assert_array_equal(np.argmax(data.targets, axis=1), [2, 1, 0, 2, 1, 0])
    # the studio's session keeps the class data and opens again
    session = TrainingSession(config)
    session.trainer.run(3)
    path = tmp_path / "pets.bpstudio"
    save_session(path, session)
    table.unlink()
    saved = load_session(path)
    assert saved.dataset.classes == ("ant", "cat", "dog") and saved.dataset.target_names == ("ant", "cat", "dog")
    np.testing.assert_array_equal(saved.dataset.targets, data.targets)
    info = run_bpstudio("info", str(path))
    assert info.returncode == 0 and "2-5-3" in info.stdout, info.stderr


def test_numeric_class_labels_sort_as_numbers(tmp_path):
    table = tmp_path / "n.csv"
    table.write_text("a,b,k\n" + "".join(f"{i},{-i},{[10, 2, 1][i % 3]}\n" for i in range(9)))
    out = tmp_path / "run.json"
    result = run_bpstudio(
        "train",
        "--data",
        str(table),
        "--inputs",
        "a,b",
        "--targets",
        "k",
        "--loss",
        "cross-entropy",
        "--max-iter",
        "1",
        "--json",
        str(out),
        "--quiet",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text())["classes"] == ["1", "2", "10"]


def test_sigmoid_output_on_a_csv_needs_two_classes(tmp_path):
    table = tmp_path / "three.csv"
    table.write_text("a,b,k\n1,2,x\n2,3,y\n3,4,z\n")
    result = run_bpstudio(
        "train", "--data", str(table), "--inputs", "a,b", "--targets", "k", "--loss", "cross-entropy", "--output", "sigmoid"
    )
    assert result.returncode == 2 and "--data" in result.stderr and "use softmax" in result.stderr
    table.write_text("a,b,k\n1,2,x\n2,3,y\n3,4,x\n")
    out = tmp_path / "two.json"
    result = run_bpstudio(
        "train",
        "--data",
        str(table),
        "--inputs",
        "a,b",
        "--targets",
        "k",
        "--loss",
        "cross-entropy",
        "--output",
        "sigmoid",
        "--max-iter",
        "3",
        "--json",
        str(out),
        "--quiet",
    )
    assert result.returncode == 0, result.stderr
    run = json.loads(out.read_text())
    assert run["classes"] == ["x", "y"] and run["sizes"] == [2, 5, 1]


def test_saved_classification_run_reopens(tmp_path):
    path = tmp_path / "spiral.bpstudio"
    result = run_bpstudio(
        "train",
        "--dataset",
        "spiral",
        "--classes",
        "3",
        "--samples",
        "90",
        "--loss",
        "cross-entropy",
        "--features",
        "x1,x2,sinx1,sinx2",
        "--max-iter",
        "10",
        "--save",
        str(path),
        "--quiet",
    )
    assert result.returncode == 0, result.stderr
    saved = load_session(path)
    assert saved.config.dataset == "spiral" and saved.config.features == ("x1", "x2", "sinx1", "sinx2")
    assert saved.snapshot.weights.shape == (saved.config.problem_network().n_params,)


@pytest.mark.parametrize(
    "args, option",
    [
        (["--dataset", "xor", "--loss", "cross-entropy", "--output", "linear"], "--output"),
        (["--dataset", "xor", "--classes", "3"], "--classes"),
        (["--dataset", "circle", "--noise", "0.9"], "--noise"),
        (["--dataset", "moons", "--features", "x1,cosx1"], "--features"),
        (["--loss", "cross-entropy"], "--loss"),
        (["--l1", "-0.5"], "--l1"),
        (["--batch-size", "-1"], "--batch-size"),
        (["--dataset", "donut"], "--dataset"),
    ],
)
def test_bad_options_get_one_line_and_status_2(args, option):
    result = run_bpstudio("train", "--max-iter", "1", *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert option in result.stderr


def test_gradcheck_takes_the_same_options(tmp_path):
    out = tmp_path / "check.json"
    result = run_bpstudio(
        "gradcheck",
        "--dataset",
        "gauss",
        "--classes",
        "3",
        "--samples",
        "60",
        "--loss",
        "cross-entropy",
        "--l1",
        "0.01",
        "--l2",
        "0.1",
        "--batch-size",
        "20",
        "--features",
        "x1,x2,x1sq",
        "--json",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    assert "mini-batch 0: 20 of 60 samples" in result.stdout
    check = json.loads(out.read_text())
    assert check["sizes"] == [3, 5, 3] and check["max_relative_error"] <= 1e-6
