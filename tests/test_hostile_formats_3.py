"""Red team on the formats of this round: session format 3's conventions, lecture format 2's kept runs,
Playground links (issue 25's rules: a stranger's file or link never takes over the window, runs
code, or saves a file that reopens as another run)."""

import json

import numpy as np
import pytest
from PySide6.QtCore import Qt

from bpstudio.control.export.playground_script import playground_script
from bpstudio.control.files.kept_runs import read_runs, runs_members
from bpstudio.control.files.session_file import SessionFileError, load_session, save_session
from bpstudio.control.model.finished_runs import RunShelf
from bpstudio.control.runtime.session import TrainingSession
from bpstudio.engine.config import RunConfig
from bpstudio.engine.playground.link import canonical_hash, read_link

HOSTILE_SEEDS = [
    "a%26b%3Dc",  # & and = inside the seed: the written hash must not split there
    "%2541",  # a percent sign: written raw, it is read back as 'A'
    "x%00y",  # a NUL: no Python source may hold one
    "%22%22%22%0A%5CN%7Bx%7D%E2%80%A8",  # a docstring's end, a newline, \N{}, U+2028
    "%3Cimg%20src%3Dx%20width%3D20000%20height%3D20000%3E",  # markup
]


@pytest.mark.parametrize("seed", HOSTILE_SEEDS)
def test_a_links_hash_reads_back_as_the_same_run(seed):
    state = read_link(f"seed={seed}&activation=relu&tutorial=t%26x%3D1&a%26b_hide=true").state
    written = canonical_hash(state)
    assert read_link(written).state == state
    assert canonical_hash(read_link(written).state) == written
    assert all(ch.isprintable() and ch not in "<>\"\\" for ch in written)


@pytest.mark.parametrize("seed", HOSTILE_SEEDS)
def test_an_exported_script_of_a_hostile_seed_compiles_and_runs_nothing(seed):
    config = RunConfig.from_playground(f"seed={seed}")
    for framework in ("numpy", "pytorch"):
        script = playground_script(config, framework)
        compile(script, "exported.py", "exec")  # a NUL or a closed docstring would fail here
        assert "\x00" not in script and "\u2028" not in script


def test_a_session_whose_hash_is_not_as_the_studio_writes_it_is_refused(tmp_path):
    path = tmp_path / "run.bpstudio"
    save_session(path, TrainingSession(RunConfig.from_playground("seed=0.5")))
    import zipfile

    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    document = json.loads(members["session.json"])
    document["conventions"]["hash"] = document["conventions"]["hash"] + "&zz=\x00<b>x</b>"  # the same run, one key more
    members["session.json"] = json.dumps(document).encode()
    bad = tmp_path / "bad.bpstudio"
    with zipfile.ZipFile(bad, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with pytest.raises(SessionFileError, match="conventions.hash"):
        load_session(bad)


def test_a_kept_run_with_a_negative_curve_is_refused():
    shelf = RunShelf()
    shelf.add(RunConfig(), np.array([5.0, 4.0, 3.0]), (3, 5, 3), (), "max_iter")
    members = dict(runs_members(tuple(shelf.runs.values())))
    curve = np.array([[0.0, 1.0, 2.0], [5.0, -1e308, 3.0]])
    import io

    buffer = io.BytesIO()
    np.save(buffer, curve)
    members["run-00.npy"] = buffer.getvalue()
    with pytest.raises(SessionFileError, match="negative"):
        read_runs(members)


def test_unknown_keys_with_markup_are_listed_as_text_and_briefly(qtbot, open_studio):
    from test_playground_window import open_link

    window = open_studio()
    keys = "&".join(f"k{i}%3Cimg%20src%3Dx%20width%3D20000%20height%3D20000%3E=1" for i in range(2000))
    open_link(qtbot, window, "seed=0.5&<img src=x width=20000 height=20000>=1&" + keys)
    qtbot.waitUntil(lambda: window.playground_links.notes is not None, timeout=10000)
    notes = window.playground_links.notes
    assert notes.textFormat() == Qt.TextFormat.PlainText or "&lt;img" in notes.text()
    assert len(notes.text()) < 1000
    screen = window.screen().availableGeometry()
    assert notes.sizeHint().width() <= screen.width() and notes.sizeHint().height() <= screen.height()
    notes.close()


@pytest.mark.parametrize(
    "link", ["activation=%1b]0;pwned%07%1b[2J&seed=1", "seed=1&%1b[31mred=1", "noise=%1b[2J&seed=1", "networkShape=%1b[2J&seed=1"]
)
def test_a_links_messages_carry_no_terminal_escapes(link):
    from bpstudio.engine.messages import Refusal

    try:
        messages = [str(note) for note in read_link(link).notes]
    except Refusal as err:
        messages = [str(err)]
    assert messages and all("\x1b" not in m and "\x07" not in m for m in messages)


def lecture_with(tmp_path, extra):
    """A one-scene lecture of the default run, with ``extra`` members added to its scene."""
    import zipfile

    from bpstudio.control.files.lecture_file import save_lecture, scene_from_session
    from bpstudio.control.files.scene import ViewState

    session_path = tmp_path / "one.bpstudio"
    save_session(session_path, TrainingSession(RunConfig()))
    path = tmp_path / "lecture.bplecture"
    save_lecture(path, [scene_from_session(load_session(session_path), ViewState())])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        for name, data in extra.items():
            archive.writestr("scene-001/" + name, data)
    return path


def test_a_runs_json_bomb_is_refused_before_it_is_read(tmp_path):
    from bpstudio.control.files.lecture_file import LectureFileError, load_lecture

    path = lecture_with(tmp_path, {"runs.json": b"[" + b"0," * (3 * 2**20) + b"0]"})  # 6 MB of JSON from a few KB
    with pytest.raises(LectureFileError, match="runs.json would unpack to more than 4 MB"):
        load_lecture(path)


def test_kept_runs_over_the_lectures_budget_are_refused_before_they_are_read(tmp_path, monkeypatch):
    from bpstudio.control.files import lecture_file

    shelf = RunShelf()
    shelf.add(RunConfig(), np.linspace(10, 1, 10_000), (2, 2, 1), (), "max_iter")
    runs = tuple(shelf.runs.values())
    path = lecture_with(tmp_path, dict(runs_members(runs)))
    assert len(lecture_file.load_lecture(path).scenes[0].runs) == 1  # within the budget: kept
    monkeypatch.setattr(lecture_file, "MAX_KEPT_RUN_BYTES", 100_000)  # one curve is 160 KB
    with pytest.raises(lecture_file.LectureFileError, match="kept runs would unpack to more than"):
        lecture_file.load_lecture(path)


@pytest.mark.parametrize("name", ["circle", "spiral"])
def test_a_playground_scene_computes_its_trigonometry_once_per_set_not_once_per_point(name, monkeypatch):
    """200 Playground scenes once took 41 s to open (sin and cos a point at a time); the points stay Playground's, bit for bit."""
    import math

    from bpstudio.engine.playground import datasets, js_math
    from bpstudio.engine.playground.random_stream import PlaygroundRandom

    points = getattr(datasets, name)(PlaygroundRandom("0.5"), 500, 0.25)
    # the same points, drawn here one at a time in Playground's order with the scalar Math functions
    random, expected = PlaygroundRandom("0.5"), []

    def uniform(a, b):
        return random() * (b - a) + a

    if name == "circle":
        for r_lo, r_hi in ((0.0, 2.5), (3.5, 5.0)):
            for _ in range(250):
                r, angle = uniform(r_lo, r_hi), uniform(0, 2 * math.pi)
                x, y = r * js_math.sin(angle), r * js_math.cos(angle)
                nx, ny = uniform(-5, 5) * 0.25, uniform(-5, 5) * 0.25
                expected.append((x, y, 1.0 if math.sqrt((x + nx) ** 2 + (y + ny) ** 2) < 2.5 else -1.0))
    else:
        for delta_t, label in ((0.0, 1.0), (math.pi, -1.0)):
            for i in range(250):
                r, t = i / 250 * 5, 1.75 * i / 250 * 2 * math.pi + delta_t
                x = r * js_math.sin(t) + uniform(-1, 1) * 0.25
                expected.append((x, r * js_math.cos(t) + uniform(-1, 1) * 0.25, label))
    assert points == expected
    calls = []
    real = js_math._trig
    monkeypatch.setattr(js_math, "_trig", lambda x, cosine: calls.append(1) or real(x, cosine))
    getattr(datasets, name)(PlaygroundRandom("0.5"), 500, 0.25)
    assert len(calls) == 2  # one sin and one cos over the whole set


def test_a_seed_with_markup_stays_text_in_the_export_box(qtbot, open_studio):
    """Export ▸ Playground link put the hash into a message box that guesses rich text: 800 × 20 125 px."""
    window = open_studio()
    assert window.playground_links.open_link("seed=<img src=x width=20000 height=20000>") is None
    qtbot.waitUntil(lambda: window.last is not None and window.last.config.is_playground, timeout=10000)
    box = window.playground_links.export()
    assert "<img" not in box.informativeText()  # the seed travels percent-encoded, as a link carries it
    assert read_link(box.informativeText()).state.seed == "<img src=x width=20000 height=20000>"
    qtbot.waitUntil(box.isVisible, timeout=5000)
    screen = window.screen().availableGeometry()
    assert box.height() <= screen.height() and box.width() <= screen.width()
    box.close()


def test_a_gauss_scene_takes_its_logarithms_once_per_set(monkeypatch):
    """Marsaglia's polar method, drawn here by hand in dataset.ts's order, gives the same points bit for bit."""
    import math

    from bpstudio.engine.playground import datasets, js_math
    from bpstudio.engine.playground.random_stream import PlaygroundRandom

    points = datasets.two_gauss(PlaygroundRandom("0.5"), 300, 0.2)
    random, variance, expected = PlaygroundRandom("0.5"), 0.5 + 0.2 / 0.5 * 3.5, []

    def normal(mean):
        while True:
            v1, v2 = 2 * random() - 1, 2 * random() - 1
            s = v1 * v1 + v2 * v2
            if not s > 1:
                return mean + math.sqrt(variance) * (math.sqrt(-2 * js_math.log(s) / s) * v1)

    for c, label in ((2, 1.0), (-2, -1.0)):
        for _ in range(150):
            x = normal(c)
            expected.append((x, normal(c), label))
    assert points == expected
    calls = []
    real = js_math.log_array
    monkeypatch.setattr(js_math, "log_array", lambda x: calls.append(1) or real(x))
    datasets.two_gauss(PlaygroundRandom("0.5"), 300, 0.2)
    assert len(calls) == 1
