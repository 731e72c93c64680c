"""``bpstudio lecture build`` and ``info``, run as a teacher runs them: as a subprocess.

The issue's four scenes — the article at iteration 0 with W0[0,0] chosen, the
same at iteration 1 on phase 3, the article converged, the softmax lesson
with its map — are built from saved sessions (the converged one trained by
``bpstudio train --save``, the others paused as the studio saves them, the
lesson's from its own preset), and ``info --json`` is checked against the article's own JVal
(the seed fixture) and against JVal computed here by hand from the weights
the lecture stores.
"""

import io
import json
import os
import subprocess
import sys
import zipfile

import numpy as np
import pytest
from conftest import FIXTURES, run_bpstudio

from bpstudio.control.files.lecture_file import VERSION as LECTURE_VERSION
from bpstudio.control.learning.lessons import LESSONS_BY_KEY

KEYS = {"title", "note", "iteration", "selected", "sample", "phase", "view", "jval"}


@pytest.fixture(scope="module")
def sessions(lecture_sessions):
    return lecture_sessions


def build_args(out, s):
    return [
        "lecture", "build", str(out),
        "--scene", str(s["start"]), "--select", "W0[0,0]", "--title", "The chain of w₁₁⁽⁰⁾", "--note", "Ask: what does O₁⁽¹⁾ sum?",
        "--scene", str(s["one"]), "--select", "W0[0,0]", "--phase", "3",
        "--scene", str(s["converged"]), "--view", "board", "--title", "Converged",
        "--scene", str(s["softmax"]), "--view", "map", "--title=Softmax makes sources", "--note", "--scene is only a word here",
    ]  # fmt: skip


def stored(lecture, scene, member):
    with zipfile.ZipFile(lecture) as archive:
        return np.load(io.BytesIO(archive.read(f"scene-{scene:03d}/{member}")), allow_pickle=False)


def article_jval(weights, inputs, targets):
    """The article's JVal by hand: tanh hidden layer, linear outputs, sum over samples of ½‖ŷ − y‖²."""
    w0, w1 = weights[:20].reshape(4, 5), weights[20:].reshape(6, 3)
    hidden = np.tanh(inputs @ w0[:3] + w0[3])
    out = hidden @ w1[:5] + w1[5]
    return 0.5 * np.sum((out - targets) ** 2)


@pytest.fixture(scope="module")
def lecture(sessions, tmp_path_factory):
    out = tmp_path_factory.mktemp("lecture") / "four.bplecture"
    done = run_bpstudio(*build_args(out, sessions))
    assert done.returncode == 0, done.stderr
    # the converged scene is a board with no weight chosen: kept, and said once (it arrives empty)
    assert done.stderr.count("warning") == 1 and "scene 3" in done.stderr and "--select" in done.stderr, done.stderr
    return out


def info_json(tmp_path, lecture):
    out = tmp_path / "info.json"
    done = run_bpstudio("lecture", "info", str(lecture), "--json", str(out))
    assert done.returncode == 0, done.stderr
    return json.loads(out.read_text(encoding="utf-8")), done


def test_the_four_scenes_of_the_issue_read_back(tmp_path, lecture, seed_reference):
    info, done = info_json(tmp_path, lecture)
    assert done.stderr == ""
    scenes = info["scenes"]
    assert list(info) == ["scenes"] and len(scenes) == 4
    assert all(set(scene) == KEYS for scene in scenes)
    start, one, converged, softmax = scenes
    assert (start["title"], start["note"]) == ("The chain of w₁₁⁽⁰⁾", "Ask: what does O₁⁽¹⁾ sum?")
    assert (start["iteration"], start["selected"], start["sample"], start["phase"], start["view"]) == (0, "W0[0,0]", None, 0, "diagram")
    assert (one["title"], one["note"]) == ("", "")
    assert (one["iteration"], one["selected"], one["phase"], one["view"]) == (1, "W0[0,0]", 3, "diagram")
    # JVal against the article's own code (the seed fixture), not against this program
    assert start["jval"] == pytest.approx(seed_reference["jval"][0], rel=1e-12)
    assert one["jval"] == pytest.approx(seed_reference["jval"][1], rel=1e-12)
    assert (converged["iteration"], converged["selected"], converged["phase"], converged["view"]) == (50000, None, 0, "board")
    assert converged["title"] == "Converged"
    # the stored weights' JVal by hand on the article's data, and near the article's own final value
    weights = stored(lecture, 3, "weights.npy")
    by_hand = article_jval(weights, seed_reference["inputs"], seed_reference["targets"])
    assert converged["jval"] == pytest.approx(by_hand, rel=1e-9)
    with np.load(FIXTURES / "article_run_50000_checkpoints.npz") as article:
        assert converged["jval"] == pytest.approx(float(article["jval"][-1]), rel=2e-3)
    assert (softmax["title"], softmax["note"]) == ("Softmax makes sources", "--scene is only a word here")
    # with no --select the scene keeps the session's own choice: the lesson's W1[0,0]
    assert (softmax["iteration"], softmax["selected"], softmax["phase"], softmax["view"]) == (0, "W1[0,0]", 0, "map")


def test_the_softmax_scenes_jval_is_the_cross_entropy_of_its_weights(tmp_path, lecture):
    info, _ = info_json(tmp_path, lecture)
    config = LESSONS_BY_KEY["softmax_sources"].config
    data = config.problem().dataset  # the spiral, drawn from the seed (not under test here)
    weights = stored(lecture, 4, "weights.npy")
    n_in = data.inputs.shape[1]
    w0 = weights[: (n_in + 1) * 5].reshape(n_in + 1, 5)
    w1 = weights[(n_in + 1) * 5 :].reshape(6, 3)
    logits = np.tanh(data.inputs @ w0[:-1] + w0[-1]) @ w1[:-1] + w1[-1]
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    by_hand = -np.sum(data.targets * log_p)
    assert info["scenes"][3]["jval"] == pytest.approx(by_hand, rel=1e-9)
    with zipfile.ZipFile(lecture) as archive:
        session = json.loads(archive.read("scene-004/session.json"))
    # the lesson's settings, whole; the conventions are kept beside them (session format 3)
    assert {**session["config"], "playground": ""} == config.to_dict()
    assert session["conventions"] == {"kind": "studio"}


def test_building_twice_gives_the_same_bytes(tmp_path, sessions, lecture):
    again = tmp_path / "again.bplecture"
    done = run_bpstudio(*build_args(again, sessions))
    assert done.returncode == 0, done.stderr
    assert again.read_bytes() == lecture.read_bytes()


def test_info_prints_a_summary(lecture):
    done = run_bpstudio("lecture", "info", str(lecture))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "BP Studio lecture, 4 scenes"
    assert lines[2].startswith("  2. (no title): iteration 1,") and "phase 3" in lines[2]
    assert "iteration 50000" in lines[3] and "view board" in lines[3]


def refused(*args):
    done = run_bpstudio(*args)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    return done.stderr


@pytest.mark.parametrize(
    ("scene", "words"),
    [
        (["--select", "W0[9,9]"], "unknown parameter 'W0[9,9]': valid names are W0[0..3,0..4], W1[0..5,0..2]"),
        (["--phase", "7"], "an iteration of this run walks phases 1 to 6"),
        (["--phase", "-1"], "--phase must be a whole number from 0 to"),
        (["--sample", "1000"], "the run's training samples are 0 to 999"),
        (["--view", "slides"], "argument --view: invalid choice: 'slides'"),
        (["--phase", "three"], "argument --phase: expected a whole number"),
        (["--colour", "red"], "unrecognized argument: --colour"),
        (["--note"], "argument --note: expected one value"),
    ],
)
def test_bad_scene_options_are_one_line_and_write_nothing(tmp_path, sessions, scene, words):
    out = tmp_path / "l.bplecture"
    message = refused("lecture", "build", str(out), "--scene", str(sessions["start"]), *scene)
    assert words in message
    assert not out.exists()


def test_a_finished_run_has_no_phase_to_show(tmp_path, sessions):
    out = tmp_path / "l.bplecture"
    message = refused("lecture", "build", str(out), "--scene", str(sessions["converged"]), "--phase", "1")
    assert "--phase is 1, but the run has stopped (max_iter): it has no next iteration to walk" in message


def test_bad_command_lines_are_one_line(tmp_path, sessions):
    out = str(tmp_path / "l.bplecture")
    assert "give at least one --scene" in refused("lecture", "build", out)
    assert "give it after the --scene it belongs to" in refused("lecture", "build", out, "--phase", "1", "--scene", str(sessions["start"]))
    assert "lecture file to write is missing" in refused("lecture", "build", "--scene", str(sessions["start"]))
    assert "unknown lecture command 'play'" in refused("lecture", "play")
    assert "expected a command" in refused("lecture")
    missing = refused("lecture", "build", out, "--scene", str(tmp_path / "nowhere.bpstudio"))
    assert "scene 1" in missing and "does not exist" in missing
    # the output may not replace a scene's own session
    assert "one of the run's inputs" in refused("lecture", "build", str(sessions["one"]), "--scene", str(sessions["one"]))


def test_a_damaged_a_newer_and_an_oversized_lecture_are_refused(tmp_path, lecture):
    damaged = tmp_path / "damaged.bplecture"
    damaged.write_bytes(lecture.read_bytes()[: len(lecture.read_bytes()) // 2])
    assert "not a BP Studio lecture file" in refused("lecture", "info", str(damaged))
    newer = tmp_path / "newer.bplecture"
    with zipfile.ZipFile(lecture) as src, zipfile.ZipFile(newer, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "lecture.json":
                doc = json.loads(data)
                doc["version"] = LECTURE_VERSION + 1
                data = json.dumps(doc).encode()
            dst.writestr(name, data)
    said = refused("lecture", "info", str(newer), "--json", str(tmp_path / "i.json"))
    assert f"made by a newer BP Studio (format {LECTURE_VERSION + 1})" in said
    assert not (tmp_path / "i.json").exists()
    huge = tmp_path / "huge.bplecture"
    with open(huge, "wb") as sparse:  # 600 MB on paper, nothing on disk
        sparse.truncate(600 * 2**20)
    assert "larger than BP Studio accepts (512 MB)" in refused("lecture", "info", str(huge))


def test_a_scene_that_cannot_be_rebuilt_is_named_and_the_rest_is_read(tmp_path, lecture):
    spoilt = tmp_path / "spoilt.bplecture"
    with zipfile.ZipFile(lecture) as src, zipfile.ZipFile(spoilt, "w") as dst:
        for name in src.namelist():
            if name != "scene-002/weights.npy":
                dst.writestr(name, src.read(name))
    out = tmp_path / "info.json"
    done = run_bpstudio("lecture", "info", str(spoilt), "--json", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "bpstudio lecture: scene 2 cannot be rebuilt: the file has no weights.npy"
    scenes = json.loads(out.read_text())["scenes"]
    assert [s["iteration"] for s in scenes] == [0, None, 50000, 0]
    assert scenes[1]["jval"] is None and scenes[1]["phase"] == 3 and scenes[1]["selected"] == "W0[0,0]"


def test_the_lecture_command_loads_no_qt():
    code = (
        "import sys\nimport bpstudio.cli.lecture\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))))"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert done.stdout.strip() == ""


def png_size(path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG file"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_export_writes_one_png_per_scene_at_the_size_asked_and_the_same_twice(tmp_path, lecture):
    first, second = tmp_path / "slides", tmp_path / "again" / "slides"
    env = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""}  # the command starts Qt offscreen by itself
    for folder in (first, second):
        done = run_bpstudio("lecture", "export", str(lecture), "--png", str(folder), "--size", "1366x768", env=env)
        assert done.returncode == 0 and done.stderr == "", done.stderr
    names = sorted(p.name for p in first.iterdir())
    assert names == ["scene-01.png", "scene-02.png", "scene-03.png", "scene-04.png"]
    for name in names:
        assert png_size(first / name) == (1366, 768)
        assert (first / name).read_bytes() == (second / name).read_bytes()
    # scenes 1 and 2 are the same weights' diagram, but scene 2 stands at phase 3: they differ
    assert (first / "scene-01.png").read_bytes() != (first / "scene-02.png").read_bytes()


def test_export_defaults_to_1920x1080_skips_a_broken_scene_and_refuses_bad_sizes(tmp_path, lecture):
    spoilt = tmp_path / "spoilt.bplecture"
    with zipfile.ZipFile(lecture) as src, zipfile.ZipFile(spoilt, "w") as dst:
        for name in src.namelist():
            if not name.startswith(("scene-002/", "scene-003/", "scene-004/")):
                dst.writestr(name, src.read(name))
            elif name == "scene-004/session.json":
                dst.writestr(name, b"{")
    with zipfile.ZipFile(spoilt) as archive:
        assert "scene-004/session.json" in archive.namelist()
    folder = tmp_path / "out"
    done = run_bpstudio("lecture", "export", str(spoilt), "--png", str(folder))
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["scene-01.png"]
    assert png_size(folder / "scene-01.png") == (1920, 1080)
    assert [line.split(":")[1].strip() for line in done.stderr.splitlines()] == [
        "scene 2 skipped",
        "scene 3 skipped",
        "scene 4 skipped",
    ]
    assert "each side must be from 320" in refused("lecture", "export", str(lecture), "--png", str(folder), "--size", "10x10")
    assert "expected a size like 1920x1080" in refused("lecture", "export", str(lecture), "--png", str(folder), "--size", "big")
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    assert "exists and is not a folder" in refused("lecture", "export", str(lecture), "--png", str(a_file))


def test_a_one_input_run_has_no_map_scene_but_every_other_view(tmp_path):
    table = tmp_path / "line.csv"
    table.write_text("u,w\n1,2\n2,4\n3,6\n4,8\n")
    session = tmp_path / "line.bpstudio"
    done = run_bpstudio(
        "train", "--data", str(table), "--inputs", "u", "--targets", "w", "--max-iter", "0", "--quiet", "--save", str(session)
    )
    assert done.returncode == 0, done.stderr
    out = tmp_path / "l.bplecture"
    assert "the decision map needs two" in refused("lecture", "build", str(out), "--scene", str(session), "--view", "map")
    done = run_bpstudio("lecture", "build", str(out), "--scene", str(session), "--view", "landscape", "--select", "W0[1,0]")
    assert done.returncode == 0, done.stderr
    info, done = info_json(tmp_path, out)
    assert done.stderr == "" and info["scenes"][0]["view"] == "landscape" and info["scenes"][0]["selected"] == "W0[1,0]"


def pdf_pages(path):
    import re

    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


def test_export_pdf_is_a_handout_of_one_page_per_scene_and_the_same_twice(tmp_path, lecture):
    first, second = tmp_path / "h1.pdf", tmp_path / "h2.pdf"
    for out in (first, second):
        done = run_bpstudio("lecture", "export", str(lecture), "--pdf", str(out), env={"QT_QPA_PLATFORM": ""})
        assert done.returncode == 0 and done.stderr == "", done.stderr
    assert first.read_bytes()[:5] == b"%PDF-"
    assert pdf_pages(first) == 4
    assert first.read_bytes() == second.read_bytes()
    assert b"(D:19800101000000" in first.read_bytes()  # no clock in the file
    assert "--size: only with --png" in refused("lecture", "export", str(lecture), "--pdf", str(first), "--size", "800x600")
    assert "one of the run's inputs" in refused("lecture", "export", str(lecture), "--pdf", str(lecture))
