"""Exported scripts reproduce the studio's run: each is written by the CLI, run in a
subprocess the way a student runs it, and its JVal path compared with the engine's
(an independent implementation: the script is plain NumPy or PyTorch autograd)."""

import ast
import json
import os
import subprocess
import sys

import numpy as np
import pytest
from conftest import run_bpstudio

from bpstudio.control.export.script_export import check_script_name, script_text
from bpstudio.engine.config import RunConfig
from bpstudio.engine.formula import parse_formula
from bpstudio.engine.formula_code import numpy_expression
from bpstudio.engine.messages import Refusal
from bpstudio.engine.propagation import jval_and_gradient

ARTICLE = ()
SIGMOID_MOMENTUM = ("--hidden", "8,6", "--activation", "sigmoid", "--optimizer", "momentum", "--alpha", "1e-4")
# Set BPSTUDIO_TORCH_PYTHON to a Python that has torch (e.g. a separate venv) to run the
# PyTorch exports with it; by default the test's own Python is tried.
TORCH_PYTHON = os.environ.get("BPSTUDIO_TORCH_PYTHON", sys.executable)


def export(tmp_path, framework, *options):
    out = tmp_path / f"run_{framework}.py"
    result = run_bpstudio("export-script", "--framework", framework, "--out", str(out), *options)
    assert result.returncode == 0, result.stderr
    return out


def run_script(script, *args, python=sys.executable):
    out = script.with_suffix(".json")
    result = subprocess.run(
        [python, str(script), "--json", str(out), *args], capture_output=True, text=True, timeout=600, cwd=script.parent
    )
    assert result.returncode == 0, result.stderr
    return json.loads(out.read_text()), result.stdout


def config_for(*options, max_iter=1000):
    """The RunConfig that `bpstudio train` builds from these options."""
    from bpstudio.cli.options import config_from_args
    from bpstudio.cli.train import build_parser

    return config_from_args(build_parser().parse_args([*options, "--max-iter", str(max_iter)]))


def engine_run(*options, max_iter=1000):
    """The studio's own run for the same command-line options."""
    trainer = config_for(*options, max_iter=max_iter).trainer()
    trainer.run()
    return trainer


def max_relative_difference(a, b):
    a, b = np.asarray(a), np.asarray(b)
    assert a.shape == b.shape
    return float(np.max(np.abs(a - b) / np.abs(b)))


@pytest.mark.parametrize("options", [ARTICLE, SIGMOID_MOMENTUM], ids=["article", "3-8-6-3-sigmoid-momentum"])
def test_numpy_export_follows_the_engine_for_1000_iterations(tmp_path, options):
    script = export(tmp_path, "numpy", *options)
    run, stdout = run_script(script, "--max-iter", "1000", "--print-every", "250")
    trainer = engine_run(*options)
    assert run["iterations"] == 1000 and run["stop_reason"] == "max_iter"
    assert max_relative_difference(run["jval"], trainer.history.view()) <= 1e-10
    assert stdout.count("JVal = ") == 6  # iterations 0, 250, ..., 1000 and the closing line


def test_numpy_export_of_the_article_matches_the_articles_own_numbers(tmp_path, seed_reference):
    run, _ = run_script(export(tmp_path, "numpy"), "--max-iter", "1000")
    assert max_relative_difference(run["jval"], seed_reference["jval"][:1001]) <= 1e-10


def needs_torch():
    found = subprocess.run([TORCH_PYTHON, "-c", "import torch, numpy"], capture_output=True)
    if found.returncode != 0:
        pytest.skip(f"torch is not importable by {TORCH_PYTHON}")


@pytest.mark.torch
@pytest.mark.parametrize("options", [ARTICLE, SIGMOID_MOMENTUM], ids=["article", "3-8-6-3-sigmoid-momentum"])
def test_pytorch_export_follows_the_engine_for_1000_iterations(tmp_path, options):
    needs_torch()
    script = export(tmp_path, "pytorch", *options)
    run, _ = run_script(script, "--max-iter", "1000", python=TORCH_PYTHON)
    trainer = engine_run(*options)
    assert run["iterations"] == 1000 and run["stop_reason"] == "max_iter"
    assert max_relative_difference(run["jval"], trainer.history.view()) <= 1e-10


FORMULAS_AND_TEST_SET = (
    "--formula",
    "x = r*g - 2**-1",
    "--formula",
    "y = sin(b) + sqrt(abs(r))/(1 + g**2)",
    "--test-fraction",
    "0.25",
    "--samples",
    "200",
    "--seed",
    "5",
    "--optimizer",
    "gd",
    "--alpha",
    "1e-3",
    "--activation",
    "relu",
)


def test_formulas_and_test_set_are_reproduced(tmp_path):
    run, _ = run_script(export(tmp_path, "numpy", *FORMULAS_AND_TEST_SET), "--max-iter", "200")
    trainer = engine_run(*FORMULAS_AND_TEST_SET, max_iter=200)
    assert max_relative_difference(run["jval"], trainer.history.view()) <= 1e-12
    assert max_relative_difference(run["test_jval"], trainer.test_history.view()) <= 1e-12


@pytest.mark.torch
def test_pytorch_export_of_formulas_and_test_set(tmp_path):
    needs_torch()
    run, _ = run_script(export(tmp_path, "pytorch", *FORMULAS_AND_TEST_SET), "--max-iter", "200", python=TORCH_PYTHON)
    trainer = engine_run(*FORMULAS_AND_TEST_SET, max_iter=200)
    assert max_relative_difference(run["jval"], trainer.history.view()) <= 1e-10
    assert max_relative_difference(run["test_jval"], trainer.test_history.view()) <= 1e-10


def test_csv_data_by_path_and_embedded(tmp_path):
    rng = np.random.default_rng(3)
    table = rng.uniform(-1, 1, (40, 3))
    csv_path = tmp_path / "table.csv"
    csv_path.write_text('u;v""" \\N;w\n' + "\n".join(";".join(repr(float(v)) for v in row) for row in table) + "\n")
    options = ("--data", str(csv_path), "--inputs", 'u,v""" \\N', "--targets", "w", "--hidden", "4", "--zeta", "0")
    trainer = engine_run(*options, max_iter=300)
    by_path, _ = run_script(export(tmp_path, "numpy", *options), "--max-iter", "300")
    assert max_relative_difference(by_path["jval"], trainer.history.view()) <= 1e-12
    # a studio session whose CSV file has moved: the data goes into the script itself
    embedded = tmp_path / "embedded.py"
    embedded.write_text(script_text(config_for(*options), "numpy", dataset=trainer.problem.all_data))
    csv_path.unlink()
    run, _ = run_script(embedded, "--max-iter", "300")
    assert max_relative_difference(run["jval"], trainer.history.view()) <= 1e-12


PENALTY = ("--l1", "1e-3", "--l2", "1e-2", "--samples", "100")
BATCHES = ("--batch-size", "16", "--samples", "100", "--test-fraction", "0.2", "--optimizer", "momentum", "--alpha", "1e-3")
BATCHES_AND_PENALTY = ("--batch-size", "7", "--samples", "60", "--l1", "1e-2", "--hidden", "4,3", "--activation", "relu")
OBJECTIVES = [PENALTY, BATCHES, BATCHES_AND_PENALTY]
OBJECTIVE_IDS = ["l1-l2", "batches-test-set", "batches-l1-relu"]


def without(options, *names):
    """The options with the named settings (each followed by its value) left out."""
    out, skip = [], False
    for option in options:
        if skip:
            skip = False
        elif option in names:
            skip = True
        else:
            out.append(option)
    return tuple(out)


@pytest.mark.parametrize("framework", ["numpy", pytest.param("pytorch", marks=pytest.mark.torch)])
@pytest.mark.parametrize("options", OBJECTIVES, ids=OBJECTIVE_IDS)
def test_penalties_and_mini_batches_are_reproduced(tmp_path, framework, options):
    if framework == "pytorch":
        needs_torch()
    python = TORCH_PYTHON if framework == "pytorch" else sys.executable
    run, _ = run_script(export(tmp_path, framework, *options), "--max-iter", "300", python=python)
    trainer = engine_run(*options, max_iter=300)
    assert run["iterations"] == 300 and run["stop_reason"] == "max_iter"
    assert max_relative_difference(run["jval"], trainer.history.view()) <= 1e-10
    if "--test-fraction" in options:
        assert max_relative_difference(run["test_jval"], trainer.test_history.view()) <= 1e-10
    # the settings shape the path: without them the engine goes elsewhere
    plain = engine_run(*without(options, "--l1", "--l2", "--batch-size"), max_iter=300)
    assert max_relative_difference(run["jval"], plain.history.view()) > 1e-6


CLASSIFICATION = [
    ("--dataset", "xor", "--samples", "200", "--hidden", "4", "--loss", "cross-entropy", "--output", "sigmoid"),
    (
        "--dataset",
        "spiral",
        "--classes",
        "3",
        "--samples",
        "150",
        "--noise",
        "0.1",
        "--features",
        "x1,x2,x1sq,sinx2",
        "--loss",
        "cross-entropy",
        "--test-fraction",
        "0.2",
    ),
    (
        "--dataset",
        "circle",
        "--samples",
        "100",
        "--output",
        "sigmoid",
        "--hidden",
        "3",
        "--optimizer",
        "momentum",
        "--alpha",
        "1e-3",
        "--batch-size",
        "30",
        "--l2",
        "1e-2",
    ),
    ("--dataset", "gauss", "--classes", "3", "--samples", "120", "--output", "softmax", "--hidden", "4"),
    ("--dataset", "plane", "--samples", "80", "--features", "x1,x2,x1x2", "--hidden", "3"),
]
CLASSIFICATION_IDS = [
    "xor-sigmoid-bce",
    "spiral-3-features-softmax-ce-test-set",
    "circle-sigmoid-mse-batches-l2",
    "gauss-3-softmax-mse",
    "plane-regression-features",
]


@pytest.mark.parametrize("framework", ["numpy", pytest.param("pytorch", marks=pytest.mark.torch)])
@pytest.mark.parametrize("options", CLASSIFICATION, ids=CLASSIFICATION_IDS)
def test_2d_sets_features_and_cross_entropy_are_reproduced(tmp_path, framework, options):
    if framework == "pytorch":
        needs_torch()
    python = TORCH_PYTHON if framework == "pytorch" else sys.executable
    run, _ = run_script(export(tmp_path, framework, *options), "--max-iter", "300", python=python)
    trainer = engine_run(*options, max_iter=300)
    assert run["iterations"] == 300 and run["stop_reason"] == "max_iter"
    assert max_relative_difference(run["jval"], trainer.history.view()) <= 1e-10
    if "--test-fraction" in options:
        assert max_relative_difference(run["test_jval"], trainer.test_history.view()) <= 1e-10


@pytest.mark.parametrize("output", ["softmax", "sigmoid"])
def test_class_labels_of_a_csv_file_are_reproduced(tmp_path, output):
    rng = np.random.default_rng(11)
    points = rng.uniform(-1, 1, (60, 2))
    labels = np.where(points[:, 0] * points[:, 1] > 0, "same", "other")
    csv_path = tmp_path / "classes.csv"
    rows = (f"{x!r},{y!r},{kind}" for (x, y), kind in zip(points.tolist(), labels, strict=True))
    csv_path.write_text("a,b,kind\n" + "\n".join(rows) + "\n")
    options = (
        "--data",
        str(csv_path),
        "--inputs",
        "a,b",
        "--targets",
        "kind",
        "--loss",
        "cross-entropy",
        "--output",
        output,
        "--hidden",
        "5",
    )
    trainer = engine_run(*options, max_iter=300)
    run, _ = run_script(export(tmp_path, "numpy", *options), "--max-iter", "300")
    assert max_relative_difference(run["jval"], trainer.history.view()) <= 1e-10


STOPS = [
    (("--zeta", "1e5"), "converged1", 0),  # the gradient is already smaller than zeta
    (("--optimizer", "gd", "--alpha", "1e-14", "--zeta", "1e-3"), "converged2", 1),  # tiny step
    (("--optimizer", "gd", "--alpha", "1"), "diverged", None),
]


@pytest.mark.parametrize("framework", ["numpy", pytest.param("pytorch", marks=pytest.mark.torch)])
@pytest.mark.parametrize("options, reason, iterations", STOPS)
def test_the_stop_tests_stop_where_the_engine_stops(tmp_path, framework, options, reason, iterations):
    if framework == "pytorch":
        needs_torch()
    trainer = engine_run(*options, "--samples", "50")
    python = TORCH_PYTHON if framework == "pytorch" else sys.executable
    run, stdout = run_script(export(tmp_path, framework, *options, "--samples", "50"), python=python)
    assert trainer.stop_reason.value == reason and run["stop_reason"] == reason
    assert run["iterations"] == trainer.iteration and (iterations is None or run["iterations"] == iterations)
    assert max_relative_difference(run["jval"], trainer.history.view()) <= 1e-12
    assert f"stopped by {reason}" in stdout


@pytest.mark.parametrize(
    "text",
    [
        "x = r + 2*g + 3*b",
        "y = r**2 + 2*g**2 + 3*b**2",
        "z = -r**-2 + 1/exp(1000) + 2**0.5",
        "w = 2**10 - -3 + cos(-b)*tanh(g)",
        "v = sqrt(abs(r*g)) / (1.5 + b)",
        "c = 3",
    ],
)
def test_formula_code_computes_what_the_engine_computes(text):
    formula = parse_formula(text)
    rng = np.random.RandomState(0)
    r, g, b = rng.uniform(-1, 1, (3, 500))
    with np.errstate(all="ignore"):
        from_code = eval(numpy_expression(formula), {"np": np, "r": r, "g": g, "b": b})  # noqa: S307
    expected = formula.evaluate({"r": r, "g": g, "b": b})
    np.testing.assert_array_equal(np.broadcast_to(from_code, expected.shape), expected)


def test_user_text_never_becomes_code():
    # A comment inside a formula may hold anything; a target may be named like a keyword.
    config = RunConfig(formulas=('if = (r # """ evil\n + g)', "np = 3"), max_iter=5)
    text = script_text(config, "numpy")
    ast.parse(text)  # still one valid program
    assert "evil" not in text and 'if = r + g' in text
    namespace = {"__name__": "exported"}
    exec(compile(text, "exported.py", "exec"), namespace)  # noqa: S102 - our own generated text
    inputs, targets, _ = namespace["load_problem"]()
    np.testing.assert_array_equal(targets, config.problem().dataset.targets)


@pytest.mark.parametrize(
    "args, message",
    [
        (("--framework", "jax", "--out", "x.py"), "--framework"),
        (("--framework", "numpy", "--out", "/nonexistent/x.py"), "--out"),
        (("--framework", "numpy", "--out", "x.py", "--formula", "x = 1/(r - r)"), "--formula"),
        (("--framework", "numpy", "--out", "x.py", "--data", "missing.csv", "--inputs", "a", "--targets", "b"), "--data"),
        (("--out", "x.py"), "--framework"),
        (("--framework", "numpy", "--out", "numpy.py"), "would import itself"),
    ],
)
def test_bad_input_is_one_line_naming_the_option(tmp_path, args, message):
    result = run_bpstudio("export-script", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.py").exists() and not (tmp_path / "numpy.py").exists()


def test_generated_data_too_large_to_write_in_is_refused_not_written(tmp_path):
    # 6000 points of 2 inputs and 2 one-hot targets: more numbers than EMBED_LIMIT
    out = tmp_path / "run.py"
    done = run_bpstudio("export-script", "--framework", "numpy", "--dataset", "gauss", "--samples", "6000", "--out", str(out))
    assert done.returncode == 2 and "too large to write into a script" in done.stderr and not out.exists()
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("name", ["secrets.py", "inspect.py", "ast.py", "Secrets.py", "TORCH.PY", "typing.py"])
def test_a_script_named_like_any_standard_module_is_refused(name):
    """NumPy imports secrets, inspect, ast ...: the script's own folder would hand it the script instead."""
    with pytest.raises(Refusal, match="would import itself"):
        check_script_name(name)


@pytest.mark.parametrize("name", ["bp_numpy.py", "secrets_demo.py", "inspect.txt"])
def test_other_script_names_are_fine(name):
    check_script_name(name)


CONVERGING_BATCHES = ("--batch-size", "7", "--samples", "40", "--optimizer", "gd", "--alpha", "1e-3", "--l1", "1e-2")


@pytest.mark.parametrize("framework", ["numpy", pytest.param("pytorch", marks=pytest.mark.torch)])
def test_exported_mini_batch_runs_stop_on_the_whole_sets_gradient_as_the_engine(tmp_path, framework):
    """converged1 with mini-batches tests the whole set's gradient (issue #25, item 13), in the script too.

    ζ is set just above the whole set's ‖g‖∞ at the start, where batch 0's is larger: the whole
    set's test stops before the first step; a test of the batch's gradient alone would step on.
    """
    if framework == "pytorch":
        needs_torch()
    trainer = config_for(*CONVERGING_BATCHES, max_iter=200).trainer()
    data = trainer.dataset
    _, whole = jval_and_gradient(trainer.network, trainer.weights, data.inputs_aug, data.targets_t)
    zeta = 1.000001 * float(np.max(np.abs(whole)))
    assert trainer.grad_inf_norm > zeta  # batch 0's gradient alone would not stop the run
    options = (*CONVERGING_BATCHES, "--zeta", repr(zeta))
    engine = engine_run(*options, max_iter=200)
    assert (engine.stop_reason.value, engine.iteration) == ("converged1", 0)
    python = TORCH_PYTHON if framework == "pytorch" else sys.executable
    run, _ = run_script(export(tmp_path, framework, *options), "--max-iter", "200", python=python)
    assert (run["stop_reason"], run["iterations"]) == ("converged1", 0)
