"""``bpstudio landscape``: the JSON contract, the pictures and one-line refusals."""

import json

import numpy as np
import pytest
from conftest import run_bpstudio
from test_cli import png_size

from bpstudio.app import main as bpstudio_main
from bpstudio.engine.config import RunConfig
from bpstudio.engine.propagation import jval_and_gradient


@pytest.fixture(scope="module")
def after_40():
    """The article's run after 40 iterations, computed here without the CLI."""
    trainer = RunConfig().trainer()
    trainer.run(40)
    return trainer


def jval_at(trainer, weights):
    return jval_and_gradient(trainer.network, weights, trainer.dataset.inputs_aug, trainer.dataset.targets_t)[0]


def test_slice_json_png_and_csv(tmp_path, after_40, seed_reference):
    out, png, csv = tmp_path / "s.json", tmp_path / "s.png", tmp_path / "s.csv"
    result = run_bpstudio(
        "landscape", "--param", "W0[1,2]", "--iterations", "40", "--points", "11", "--json", str(out), "--plot", str(png), "--csv", str(csv)
    )
    assert result.returncode == 0, result.stderr
    assert "gradient dJ/dw" in result.stdout and "curvature" in result.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"param", "offsets", "jval", "jval_at_point", "gradient"} <= set(data)
    assert "param2" not in data and "offsets1" not in data
    assert data["param"] == "W0[1,2]" and len(data["offsets"]) == len(data["jval"]) == 11
    assert data["jval_at_point"] == pytest.approx(seed_reference["jval"][40], rel=1e-12)
    assert data["jval"][5] == pytest.approx(data["jval_at_point"], rel=1e-13)
    index = after_40.network.param_index(0, 1, 2)
    assert data["gradient"] == pytest.approx(after_40.gradient[index], rel=1e-12)
    for t, j in zip(data["offsets"], data["jval"], strict=True):
        weights = after_40.weights.copy()
        weights[index] += t
        assert j == pytest.approx(jval_at(after_40, weights), rel=1e-12)
    assert png_size(png) == (600, 400)
    rows = csv.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "offset,weight,jval,tangent" and len(rows) == 12
    assert [float(v) for v in rows[6].split(",")[::2]] == pytest.approx([0.0, data["jval"][5]])


def test_two_weight_map_json_and_svg(tmp_path, after_40):
    out, svg, csv = tmp_path / "m.json", tmp_path / "m.svg", tmp_path / "m.csv"
    result = run_bpstudio(
        "landscape",
        "--param",
        "W0[0,0]",
        "--param2",
        "W1[5,2]",
        "--iterations",
        "40",
        "--points",
        "9",
        "--span",
        "0.5",
        "--json",
        str(out),
        "--plot",
        str(svg),
        "--csv",
        str(csv),
        "--quiet",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and "<svg" in svg.read_text(encoding="utf-8")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"param", "param2", "offsets1", "offsets2", "jval", "jval_at_point", "gradient", "trajectory"} <= set(data)
    assert "offsets" not in data
    assert (data["param"], data["param2"]) == ("W0[0,0]", "W1[5,2]")
    assert np.shape(data["jval"]) == (9, 9) and data["offsets1"][-1] == 0.5
    p, q = 0, after_40.network.param_index(1, 5, 2)
    for i, j in [(0, 8), (7, 2), (4, 4)]:  # jval[i][j] is at offsets1[i], offsets2[j]
        weights = after_40.weights.copy()
        weights[p] += data["offsets1"][i]
        weights[q] += data["offsets2"][j]
        assert data["jval"][i][j] == pytest.approx(jval_at(after_40, weights), rel=1e-12)
    assert data["gradient"] == pytest.approx(after_40.gradient[[p, q]].tolist(), rel=1e-12)
    trajectory = np.array(data["trajectory"])
    assert trajectory.shape == (41, 2) and np.all(trajectory[-1] == 0.0)
    rows = csv.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "offset1,offset2,jval" and len(rows) == 82
    assert [float(v) for v in rows[1 + 7 * 9 + 2].split(",")] == pytest.approx(
        [data["offsets1"][7], data["offsets2"][2], data["jval"][7][2]], rel=1e-15
    )
    start = RunConfig().trainer().weights
    assert trajectory[0] == pytest.approx(start[[p, q]] - after_40.weights[[p, q]], abs=1e-14)


def test_random_direction_map_json(tmp_path, after_40):
    out = tmp_path / "r.json"
    result = run_bpstudio("landscape", "--directions", "random", "--iterations", "40", "--points", "5", "--json", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["param"], data["param2"]) == ("d1", "d2") and data["directions"] == "random"
    d1, d2 = np.array(data["direction_vectors"])
    assert data["gradient"] == pytest.approx([after_40.gradient @ d1, after_40.gradient @ d2], rel=1e-12)
    weights = after_40.weights + data["offsets1"][1] * d1 + data["offsets2"][3] * d2
    assert data["jval"][1][3] == pytest.approx(jval_at(after_40, weights), rel=1e-12)


@pytest.mark.parametrize(
    "args, option",
    [
        ([], "--param"),
        (["--param", "W7[0,0]"], "--param"),
        (["--param", "W0[0,0]", "--param2", "W0[0,0]"], "--param2"),
        (["--param", "W0[0,0]", "--param2", "W1[0,0]", "--directions", "random"], "--directions"),
        (["--param", "W0[0,0]", "--span", "0"], "--span"),
        (["--param", "W0[0,0]", "--points", "2"], "--points"),
        (["--param", "W0[0,0]", "--iterations", "-1"], "--iterations"),
        (["--param", "W0[0,0]", "--alpha", "-1"], "--alpha"),
        (["--param", "W0[0,0]", "--plot", "figure.jpg"], "--plot"),
        (["--param", "W0[0,0]", "--json", "/nonexistent-folder/x.json"], "--json"),
        (["--param", "W0[0,0]", "--data", "/nonexistent-folder/d.csv", "--inputs", "u", "--targets", "v"], "--data"),
    ],
)
def test_bad_input_is_one_line_naming_the_option(args, option, capsys):
    assert bpstudio_main(["landscape", *args, "--samples", "20"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and option in lines[0], lines


def test_listed_in_the_top_level_help(capsys):
    assert bpstudio_main(["--help"]) == 0
    assert "bpstudio landscape" in capsys.readouterr().out


def test_a_run_that_diverged_first_is_said(capsys, tmp_path):
    out = tmp_path / "d.json"
    assert (
        bpstudio_main(
            [
                "landscape",
                "--param",
                "W0[0,0]",
                "--optimizer",
                "gd",
                "--alpha",
                "1",
                "--iterations",
                "60",
                "--samples",
                "200",
                "--json",
                str(out),
            ]
        )
        == 0
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["stop_reason"] == "diverged" and data["iterations"] < 60
    assert f"stopped at iteration {data['iterations']} (diverged)" in capsys.readouterr().out


@pytest.mark.parametrize(
    "options, message",
    [
        (("--span", "1e308"), "--span: must be at most"),  # the window's width 2S is no float
        (("--span", "1e300", "--activation", "identity"), "beyond the largest float at every point"),
    ],
)
def test_a_span_too_wide_for_floats_is_refused_and_writes_nothing(tmp_path, options, message):
    out, plot = tmp_path / "slice.json", tmp_path / "slice.png"
    run = run_bpstudio("landscape", "--param", "W0[0,0]", *options, "--json", str(out), "--plot", str(plot), "--quiet")
    assert run.returncode == 2 and message in run.stderr and "Traceback" not in run.stderr
    assert not out.exists() and not plot.exists()
