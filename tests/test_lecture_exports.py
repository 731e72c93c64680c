"""``bpstudio lecture export``'s animations, SVGs and worksheet, run as a teacher runs them (a subprocess).

The lecture: the article paused at iteration 0 with W0[0,0] chosen, the same
at iteration 1 standing on phase 3, a small 2-D spiral run (its decision
map), and the article run to its max-iter (stopped: nothing to walk or
train).  Frame counts, sizes and delays are read back with Pillow; the
worksheet's answers are checked against finite differences of the loss; each
export is made twice and must give the same bytes.
"""

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
import zipfile

import numpy as np
import pytest
from conftest import run_bpstudio, saved_sessions
from PIL import Image

from bpstudio.control.export.typeset import number_text
from bpstudio.control.files.lecture_file import load_lecture
from bpstudio.control.files.scene import chain_blocks, scene_drawing
from bpstudio.control.files.scene_training import MAX_TRAIN, frame_iterations, training_frames
from bpstudio.control.files.session_file import save_session
from bpstudio.control.learning.chain_blanks import chain_blanks, letter
from bpstudio.control.runtime.session import TrainingSession
from bpstudio.engine.config import RunConfig

OFFSCREEN = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""}  # the command starts Qt offscreen by itself
SPIRAL = RunConfig(dataset="spiral", classes=2, samples=60, hidden=(4,), loss="cross-entropy", alpha=0.03, max_iter=1_000_000)


@pytest.fixture(scope="module")
def lecture(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exports")
    paths = saved_sessions(folder, {"start": (RunConfig(), 0), "one": (RunConfig(), 1), "spiral": (SPIRAL, 0)})
    stopped = TrainingSession(RunConfig(max_iter=3))
    while stopped.trainer.step():
        pass
    paths["stopped"] = folder / "stopped.bpstudio"
    save_session(paths["stopped"], stopped)
    out = folder / "four.bplecture"
    done = run_bpstudio(
        "lecture", "build", str(out),
        "--scene", str(paths["start"]), "--select", "W0[0,0]", "--title", "The chain of w₁₁⁽⁰⁾", "--note", "Read each factor.",
        "--scene", str(paths["one"]), "--select", "W0[0,0]", "--phase", "3",
        "--scene", str(paths["spiral"]), "--view", "map", "--select", "W1[0,0]",
        "--scene", str(paths["stopped"]),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return out


def export(lecture, *args):
    done = run_bpstudio("lecture", "export", str(lecture), *args, env=OFFSCREEN)
    assert done.returncode == 0, done.stderr
    return done


def gif_facts(path):
    with Image.open(path) as gif:
        durations = []
        for index in range(gif.n_frames):
            gif.seek(index)
            durations.append(gif.info["duration"])
        return gif.format, gif.size, gif.n_frames, durations, gif.info.get("loop")


def test_a_phase_walk_has_one_frame_per_phase_whatever_phase_the_scene_shows(tmp_path, lecture):
    layers = 2  # the article's net: inputs -> 5 tanh -> 3 linear
    for scene in ("1", "2"):  # scene 2 stands on phase 3: the walk still shows all six
        first, second = tmp_path / f"walk{scene}.gif", tmp_path / f"again{scene}.gif"
        for out in (first, second):
            export(lecture, "--gif", str(out), "--scene", scene, "--phases", "--size", "480x320")
        assert gif_facts(first) == ("GIF", (480, 320), 2 * layers + 2, [1000] * 6, 0)
        assert first.read_bytes() == second.read_bytes()
    assert (tmp_path / "walk1.gif").read_bytes() != (tmp_path / "walk2.gif").read_bytes()  # iteration 1's walk, not iteration 0's


def test_training_from_a_to_b_has_a_frame_every_n_iterations_and_one_at_b(tmp_path, lecture):
    first, second = tmp_path / "spiral.gif", tmp_path / "again.gif"
    for out in (first, second):
        export(lecture, "--gif", str(out), "--scene", "3", "--from", "0", "--to", "20", "--every", "5", "--fps", "5", "--size", "480x320")
    assert gif_facts(first) == ("GIF", (480, 320), 5, [200] * 5, 0)  # iterations 0, 5, 10, 15, 20
    assert first.read_bytes() == second.read_bytes()
    odd = tmp_path / "odd.gif"
    export(lecture, "--gif", str(odd), "--scene", "2", "--from", "2", "--to", "9", "--every", "3", "--size", "400x320")
    assert gif_facts(odd)[1:4] == ((400, 320), 4, [100] * 4)  # 2, 5, 8 and B = 9; 10 frames a second by default
    with Image.open(first) as gif:  # the run trains: the last frame is not the first
        gif.seek(0)
        start = gif.convert("RGB").tobytes()
        gif.seek(4)
        assert gif.convert("RGB").tobytes() != start


def test_the_frames_are_the_articles_own_iterations(lecture, seed_reference):
    scene = load_lecture(lecture).scenes[0]
    frames = list(training_frames(scene, 0, 6, 2))
    assert [f.iteration for f in frames] == [0, 2, 4, 6] == frame_iterations(0, 6, 2)
    assert [f.jval for f in frames] == pytest.approx(list(seed_reference["jval"][[0, 2, 4, 6]]), rel=1e-12)
    assert frames[-1].history == pytest.approx(seed_reference["jval"][:7], rel=1e-12)
    again = load_lecture(lecture).scenes[0]
    assert again.members == scene.members  # the stored session is untouched


def test_png_with_svg_writes_the_diagram_and_the_formula_beside_each_slide(tmp_path, lecture):
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        export(lecture, "--png", str(folder), "--svg", "--size", "640x360")
    names = sorted(p.name for p in first.iterdir())
    # scene 4 chose no parameter: a diagram, no formula
    assert names == [
        "scene-01-diagram.svg", "scene-01-formula.svg", "scene-01.png",
        "scene-02-diagram.svg", "scene-02-formula.svg", "scene-02.png",
        "scene-03-diagram.svg", "scene-03-formula.svg", "scene-03.png",
        "scene-04-diagram.svg", "scene-04.png",
    ]  # fmt: skip
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
        if name.endswith(".svg"):
            assert ET.parse(first / name).getroot().tag == "{http://www.w3.org/2000/svg}svg"
        else:
            with Image.open(first / name) as png:
                assert png.size == (640, 360)
    assert "0.4127" in (first / "scene-01-formula.svg").read_text(encoding="utf-8")  # ∂L/∂O₁⁽¹⁾ at sample 0


def pdf_pages(path):
    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


def test_the_worksheet_has_a_page_per_scene_and_the_key_and_is_the_same_twice(tmp_path, lecture):
    handout, sheet, again = tmp_path / "h.pdf", tmp_path / "w.pdf", tmp_path / "w2.pdf"
    export(lecture, "--pdf", str(handout))
    for out in (sheet, again):
        export(lecture, "--pdf", str(out), "--worksheet", "--lang", "zh_CN")
    assert pdf_pages(handout) == 4
    assert pdf_pages(sheet) == 5  # four scenes and the answers
    assert sheet.read_bytes() == again.read_bytes()
    assert sheet.read_bytes() != handout.read_bytes()
    if shutil.which("pdftotext"):  # the words themselves, where poppler is installed
        import subprocess

        text = subprocess.run(["pdftotext", str(sheet), "-"], capture_output=True, text=True, check=True).stdout
        pages = text.split("\f")
        scene = load_lecture(lecture).scenes[0]
        first = chain_blanks(chain_blocks(scene, scene_drawing(scene)))[0]
        assert "答案" in pages[4] and f"(a) {number_text(first.value)}" in pages[4]
        assert "(a) ____" in pages[0] and number_text(first.value) not in pages[0]


def test_the_worksheets_result_blank_is_the_gradient_of_the_samples_loss(lecture, seed_reference):
    """The key's ∂L/∂w for W0[0,0] at sample 0 against central differences of ½‖ŷ − y‖² on that sample."""
    scene = load_lecture(lecture).scenes[0]
    blocks = chain_blocks(scene, scene_drawing(scene))
    blanks = chain_blanks(blocks)
    assert [b.letter for b in blanks] == [letter(n) for n in range(len(blanks))] == list("abcde")[: len(blanks)]
    result = [b for b in blanks if b.key in ((0,), (0, 0))]
    assert len(result) == 1
    with zipfile.ZipFile(lecture) as archive, archive.open("scene-001/weights.npy") as stored:
        weights = np.load(stored)
    x, y = seed_reference["inputs"][0], seed_reference["targets"][0]

    def loss(w):
        w0, w1 = w[:20].reshape(4, 5), w[20:].reshape(6, 3)
        out = np.tanh(x @ w0[:3] + w0[3]) @ w1[:5] + w1[5]
        return 0.5 * np.sum((out - y) ** 2)

    h = 1e-6
    up, down = weights.copy(), weights.copy()
    up[0] += h
    down[0] -= h
    assert result[0].value == pytest.approx((loss(up) - loss(down)) / (2 * h), rel=1e-6)
    # one factor per path, a basic link's, never a 0 or ±1 the link's shape gives away
    factors = [b for b in blanks if len(b.key) == 3]
    assert [b.key[:2] for b in factors] == [(n, r) for n, block in enumerate(blocks) for r in range(len(block.rows))]
    for b in factors:
        cell = blocks[b.key[0]].rows[b.key[1]].cells[b.key[2]]
        assert cell.edge is not None and cell.value == b.value and abs(b.value) not in (0.0, 1.0)


def refused(*args, env=None):
    done = run_bpstudio(*args, env={**OFFSCREEN, **(env or {})})
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    return done.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--scene", "5", "--phases"], "the lecture has 4 scenes; scenes count from 1"),
        (["--scene", "0", "--phases"], "argument --scene: must be 1 or more"),
        (["--phases"], "--gif needs the scene to animate"),
        (["--scene", "1"], "give --phases or --from A --to B"),
        (["--scene", "1", "--phases", "--from", "0", "--to", "3"], "give --phases or --from A --to B"),
        (["--scene", "1", "--from", "0"], "--from and --to go together"),
        (["--scene", "1", "--from", "9", "--to", "3"], "--from 9 is after --to 3"),
        (["--scene", "2", "--from", "0", "--to", "3"], "stands at iteration 1"),
        (["--scene", "3", "--from", "0", "--to", str(MAX_TRAIN + 1)], "an animation trains at most 200,000"),
        (["--scene", "1", "--from", "0", "--to", "50001"], "its run stops at iteration 50000 (its max-iter setting)"),
        (["--scene", "1", "--from", "0", "--to", "1000", "--every", "1"], "an animation has at most 600"),
        (["--scene", "4", "--phases"], "scene 4: its run has stopped (max_iter)"),
        (["--scene", "4", "--from", "3", "--to", "9"], "its run has stopped (max_iter) at iteration 3"),
        (["--scene", "1", "--phases", "--every", "2"], "--every: only with --from A --to B"),
        (["--scene", "1", "--phases", "--fps", "0"], "--fps: must be from 1 to 50"),
        (["--scene", "1", "--from", "0", "--to", "100", "--size", "7000x4000"], "are more than an animation may hold"),
    ],
)
def test_animations_that_cannot_be_made_are_refused_in_one_line(tmp_path, lecture, args, words):
    out = tmp_path / "a.gif"
    assert words in refused("lecture", "export", str(lecture), "--gif", str(out), *args)
    assert not out.exists()


def test_options_of_another_export_and_a_broken_scene_are_refused(tmp_path, lecture):
    export_ = ("lecture", "export", str(lecture))
    assert "--svg: only with --png" in refused(*export_, "--pdf", str(tmp_path / "h.pdf"), "--svg")
    assert "--worksheet: only with --pdf" in refused(*export_, "--png", str(tmp_path / "p"), "--worksheet")
    assert "--scene: only with --gif or --mp4" in refused(*export_, "--pdf", str(tmp_path / "h.pdf"), "--scene", "1")
    assert "--phases: only with --gif or --mp4" in refused(*export_, "--png", str(tmp_path / "p"), "--phases")
    spoilt = tmp_path / "spoilt.bplecture"
    with zipfile.ZipFile(lecture) as src, zipfile.ZipFile(spoilt, "w") as dst:
        for name in src.namelist():
            if name != "scene-002/weights.npy":
                dst.writestr(name, src.read(name))
    message = refused("lecture", "export", str(spoilt), "--gif", str(tmp_path / "a.gif"), "--scene", "2", "--phases")
    assert "scene 2 cannot be rebuilt: the file has no weights.npy" in message
    assert not (tmp_path / "a.gif").exists()


@pytest.mark.skipif(importlib.util.find_spec("imageio_ffmpeg") is not None, reason="imageio-ffmpeg is an encoder")
def test_mp4_without_an_encoder_names_what_to_install(tmp_path, lecture):
    empty = tmp_path / "bin"
    empty.mkdir()
    out = tmp_path / "a.mp4"
    message = refused("lecture", "export", str(lecture), "--mp4", str(out), "--scene", "1", "--phases", env={"PATH": str(empty)})
    assert "install ffmpeg" in message and "bpstudio[video]" in message
    assert not out.exists()


@pytest.mark.skipif(shutil.which("ffmpeg") is None and importlib.util.find_spec("imageio_ffmpeg") is None, reason="no H.264 encoder")
def test_mp4_where_an_encoder_is_installed(tmp_path, lecture):
    first, second = tmp_path / "a.mp4", tmp_path / "b.mp4"
    for out in (first, second):
        export(lecture, "--mp4", str(out), "--scene", "1", "--phases", "--size", "480x320")
    data = first.read_bytes()
    assert data[4:8] == b"ftyp" and b"avc1" in data
    assert data == second.read_bytes()
