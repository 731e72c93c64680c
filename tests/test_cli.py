"""The headless commands, run the way a user runs them: as a subprocess."""

import json
import struct

import numpy as np
import pytest
from conftest import run_bpstudio


def png_size(path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_train_writes_json_history_and_plot(tmp_path, seed_reference):
    out_json, out_csv, out_png = tmp_path / "run.json", tmp_path / "h.csv", tmp_path / "f.png"
    result = run_bpstudio("train", "--max-iter", "300", "--json", str(out_json), "--history", str(out_csv), "--plot", str(out_png))
    assert result.returncode == 0, result.stderr
    assert "final JVal" in result.stdout and "max_iter" in result.stdout
    assert "Traceback" not in result.stderr
    run = json.loads(out_json.read_text())
    assert run["sizes"] == [3, 5, 3] and run["iterations"] == 300
    assert run["stop_reason"] == "max_iter"
    assert run["config"]["alpha"] == 0.001 and run["config"]["hidden"] == [5]
    np.testing.assert_allclose(run["jval"], seed_reference["jval"][:301], rtol=1e-12)
    assert run["final_jval"] == run["jval"][-1]
    assert [np.shape(m) for m in run["weights"]] == [(4, 5), (6, 3)]
    assert [np.shape(m) for m in run["gradient"]] == [(4, 5), (6, 3)]
    assert run["elapsed_s"] >= 0
    rows = out_csv.read_text().splitlines()
    assert rows[0] == "iteration,jval" and len(rows) == 302
    assert float(rows[1].split(",")[1]) == pytest.approx(seed_reference["jval"][0], rel=1e-14)
    assert png_size(out_png) == (600, 400)


def test_max_iter_zero_evaluates_the_start(tmp_path, seed_reference):
    out = tmp_path / "r.json"
    result = run_bpstudio("train", "--max-iter", "0", "--json", str(out), "--quiet")
    assert result.returncode == 0 and result.stdout == ""
    run = json.loads(out.read_text())
    assert run["iterations"] == 0 and len(run["jval"]) == 1
    assert run["final_jval"] == pytest.approx(seed_reference["jval"][0], rel=1e-14)


def test_other_models_and_optimizers(tmp_path):
    out = tmp_path / "r.json"
    result = run_bpstudio(
        "train",
        "--hidden",
        "8,6",
        "--activation",
        "sigmoid",
        "--optimizer",
        "momentum",
        "--alpha",
        "1e-5",
        "--samples",
        "200",
        "--max-iter",
        "50",
        "--init",
        "uniform",
        "--seed",
        "7",
        "--json",
        str(out),
        "--quiet",
    )
    assert result.returncode == 0, result.stderr
    run = json.loads(out.read_text())
    assert run["sizes"] == [3, 8, 6, 3] and run["iterations"] == 50
    assert run["jval"][-1] < run["jval"][0]


def test_svg_plot(tmp_path):
    out = tmp_path / "f.svg"
    assert run_bpstudio("train", "--max-iter", "20", "--plot", str(out), "--quiet").returncode == 0
    assert "<svg" in out.read_text()


@pytest.mark.parametrize(
    "args, option",
    [
        (["--alpha", "0"], "--alpha"),
        (["--alpha", "-1"], "--alpha"),
        (["--beta1", "1"], "--beta1"),
        (["--beta2", "1.5"], "--beta2"),
        (["--epsilon", "0"], "--epsilon"),
        (["--hidden", "abc"], "--hidden"),
        (["--hidden", "5,0"], "--hidden"),
        (["--samples", "0"], "--samples"),
        (["--max-iter", "-3"], "--max-iter"),
        (["--alpha", "fast"], "--alpha"),
        (["--optimizer", "sgd"], "--optimizer"),
        (["--json", "/nonexistent-folder/run.json"], "--json"),
        (["--plot", "/tmp"], "--plot"),
        (["--plot", "figure.jpg"], "--plot"),
    ],
)
def test_bad_input_is_one_line_naming_the_option(args, option):
    result = run_bpstudio(
        "train", *args, "--max-iter" if "--max-iter" not in args else "--quiet", *(["5"] if "--max-iter" not in args else [])
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert option in lines[0] and "Traceback" not in result.stderr


def test_gradcheck(tmp_path):
    out = tmp_path / "g.json"
    result = run_bpstudio("gradcheck", "--samples", "100", "--json", str(out))
    assert result.returncode == 0, result.stderr
    assert "W0 (4x5)" in result.stdout and "W1 (6x3)" in result.stdout
    data = json.loads(out.read_text())
    assert data["max_relative_error"] < 1e-6 and len(data["layers"]) == 2


def test_help_is_readable():
    result = run_bpstudio("train", "--help")
    assert result.returncode == 0 and "article" in result.stdout and "--max-iter" in result.stdout
    top = run_bpstudio("--help")
    assert top.returncode == 0 and "bpstudio train" in top.stdout
