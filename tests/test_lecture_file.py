"""The .bplecture file: scenes written deterministically, read through the session's validator and budgets.

A damaged lecture, one from a newer BP Studio and one over the budget are
refused whole with a sentence; a scene whose session cannot be rebuilt is
kept, marked with its reason, and rewritten byte for byte.
"""

import json
import zipfile

import numpy as np
import pytest
from conftest import saved_sessions

from bpstudio.control.files import session_archive
from bpstudio.control.files.lecture_file import VERSION, LectureFileError, load_lecture, save_lecture, scene_from_session
from bpstudio.control.files.scene import VIEW_VERSION, SceneError, ViewState, view_state_from_json
from bpstudio.control.files.session_file import load_session
from bpstudio.engine.config import RunConfig


@pytest.fixture(scope="module")
def sessions(tmp_path_factory):
    """Two small runs saved as sessions: the article's net at iteration 0 and at 3 on 50 samples."""
    paths = saved_sessions(tmp_path_factory.mktemp("sessions"), {"run0": (RunConfig(samples=50), 0), "run3": (RunConfig(samples=50), 3)})
    return list(paths.values())


def scenes_of(sessions, *views):
    return [scene_from_session(load_session(path), view) for path, view in zip(sessions, views, strict=True)]


def rewrite_lecture(path, change=None, replace=None, drop=(), extra=None):
    """Copy a lecture with one part changed (not deterministically: a test's hand edit)."""
    with zipfile.ZipFile(path) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    if change:
        doc = json.loads(parts["lecture.json"])
        change(doc)
        parts["lecture.json"] = json.dumps(doc).encode()
    parts.update(replace or {})
    for name in drop:
        parts.pop(name)
    parts.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)


def test_scenes_come_back_with_their_sessions_and_views(tmp_path, sessions):
    first = ViewState(title="Start", note="Ask what O₁ sums.\nThen press →.", selected="W0[0,0]", sample=4, view="board")
    second = ViewState(selected="W1[5,2]", phase=3, presentation=True, presentation_size="large", language="zh_CN", zoom=1.5)
    path = tmp_path / "two.bplecture"
    save_lecture(path, scenes_of(sessions, first, second))
    lecture = load_lecture(path)
    assert [s.view for s in lecture.scenes] == [first, second]
    assert all(s.problem is None for s in lecture.scenes)
    for scene, source in zip(lecture.scenes, sessions, strict=True):
        original = load_session(source)
        np.testing.assert_array_equal(scene.saved.snapshot.weights, original.snapshot.weights)
        np.testing.assert_array_equal(scene.saved.history, original.history)
        assert scene.saved.snapshot.iteration == original.snapshot.iteration
    # the view's parameter is also the session's own choice: W1[5,2] is the last of 20 + 18 weights
    assert lecture.scenes[0].saved.selected_param == 0 and lecture.scenes[1].saved.selected_param == 37
    assert lecture.scenes[1].selected_index == 37


def test_the_same_scenes_give_the_same_bytes_and_a_rewrite_keeps_them(tmp_path, sessions):
    views = (ViewState(selected="W0[0,0]"), ViewState(phase=2))
    one, two, three = tmp_path / "1.bplecture", tmp_path / "2.bplecture", tmp_path / "3.bplecture"
    save_lecture(one, scenes_of(sessions, *views))
    save_lecture(two, scenes_of(sessions, *views))
    save_lecture(three, load_lecture(one).scenes)  # read, then written again: nothing changes
    assert one.read_bytes() == two.read_bytes() == three.read_bytes()
    with zipfile.ZipFile(one) as archive:
        infos = archive.infolist()
    assert infos[0].filename == "lecture.json"
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
    # the scene's members are the session file's own, under its folder
    with zipfile.ZipFile(sessions[1]) as session:
        assert sorted(n for n in (i.filename for i in infos) if n.startswith("scene-002/")) == sorted(
            f"scene-002/{name}" for name in session.namelist()
        )


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d.update(version=VERSION + 1), f"newer BP Studio (format {VERSION + 1})"),
        (lambda d: d["scenes"][0].update(version=VIEW_VERSION + 1), "newer BP Studio (view format"),
        (lambda d: d.update(format="something"), "not a BP Studio lecture"),
        (lambda d: d.update(scenes=[]), "1 to 200 scenes"),
        (lambda d: d["scenes"][0].update(phase=-1), "'phase' must be a whole number"),
        (lambda d: d["scenes"][0].update(view="slides"), "'view' must be one of"),
        (lambda d: d["scenes"][0].update(colour="red"), "unknown field 'colour'"),
        (lambda d: d["scenes"].pop(), "belongs to no scene"),
    ],
)
def test_a_damaged_or_newer_lecture_is_refused_whole(tmp_path, sessions, change, words):
    path = tmp_path / "l.bplecture"
    save_lecture(path, scenes_of(sessions, ViewState(), ViewState()))
    rewrite_lecture(path, change=change)
    with pytest.raises(LectureFileError) as refused:
        load_lecture(path)
    assert words in str(refused.value)


def test_not_a_zip_a_folder_and_a_stray_member_are_refused(tmp_path, sessions):
    junk = tmp_path / "junk.bplecture"
    junk.write_bytes(b"PK\x03\x04 but not really a zip")
    with pytest.raises(LectureFileError, match="not a BP Studio lecture file"):
        load_lecture(junk)
    with pytest.raises(LectureFileError, match="folder, not a lecture file"):
        load_lecture(tmp_path)
    path = tmp_path / "l.bplecture"
    save_lecture(path, scenes_of(sessions, ViewState(), ViewState()))
    rewrite_lecture(path, extra={"notes.txt": b"hello"})
    with pytest.raises(LectureFileError, match="belongs to no scene"):
        load_lecture(path)
    rewrite_lecture(path, drop=["notes.txt", "lecture.json"])
    with pytest.raises(LectureFileError, match="no lecture.json"):
        load_lecture(path)


def test_a_lecture_over_the_budget_is_refused_by_the_bytes_it_unpacks(tmp_path, sessions, monkeypatch):
    path = tmp_path / "l.bplecture"
    save_lecture(path, scenes_of(sessions, ViewState(), ViewState()))
    with zipfile.ZipFile(path) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    # a budget one byte short of what the two scenes unpack to: the whole lecture is refused
    monkeypatch.setattr(session_archive, "MAX_TOTAL_BYTES", unpacked - 1)
    with pytest.raises(LectureFileError, match="unpacks? to more than BP Studio accepts"):
        load_lecture(path)
    monkeypatch.setattr(session_archive, "MAX_TOTAL_BYTES", unpacked)
    assert len(load_lecture(path).scenes) == 2


def test_a_scene_that_cannot_be_rebuilt_is_marked_and_kept(tmp_path, sessions):
    path = tmp_path / "l.bplecture"
    save_lecture(path, scenes_of(sessions, ViewState(title="good"), ViewState(title="spoilt")))
    doc = None
    with zipfile.ZipFile(path) as archive:
        doc = json.loads(archive.read("scene-002/session.json"))
    doc["version"] = 99  # a session from a newer BP Studio inside an older lecture
    rewrite_lecture(path, replace={"scene-002/session.json": json.dumps(doc).encode()})
    lecture = load_lecture(path)
    good, spoilt = lecture.scenes
    assert good.problem is None and good.saved is not None
    assert spoilt.saved is None and "newer BP Studio" in spoilt.problem
    assert spoilt.view.title == "spoilt"
    again = tmp_path / "again.bplecture"
    save_lecture(again, lecture.scenes)
    with zipfile.ZipFile(again) as archive:
        assert json.loads(archive.read("scene-002/session.json"))["version"] == 99  # kept as stored


def test_a_scene_whose_parameter_or_sample_its_run_lacks_is_marked(tmp_path, sessions):
    path = tmp_path / "l.bplecture"
    save_lecture(path, scenes_of(sessions, ViewState(), ViewState()))
    rewrite_lecture(path, change=lambda d: (d["scenes"][0].update(selected="W0[9,9]"), d["scenes"][1].update(sample=50)))
    first, second = load_lecture(path).scenes
    assert "unknown parameter 'W0[9,9]'" in first.problem and "W0[0..3,0..4]" in first.problem
    assert "training samples are 0 to 49" in second.problem


def test_view_state_defaults_checks_and_migration():
    assert view_state_from_json({"version": 1}) == ViewState()  # every field has a default
    full = ViewState(title="t", selected="W0[1,2]", phase=6, view="landscape", zoom=2.0).to_json()
    assert view_state_from_json(full).to_json() == full
    for bad, words in (
        ({"version": 0}, "positive whole number"),
        ({"version": 1, "phase": True}, "'phase'"),
        ({"version": 1, "zoom": 0.0}, "'zoom' must be a number from 0.1 to 10"),
        ({"version": 1, "presentation": {"on": 1}}, "'presentation.on' must be true or false"),
        ({"version": 1, "landscape": {"points": 500}}, "'landscape.points'"),
        ({"version": 1, "decision_map": {"x_axis": 1, "y_axis": 1}}, "must differ"),
        ({"version": 1, "note": "x" * 20_001}, "longer than 20,000"),
        ({"version": 1, "language": "fr"}, "'language' must be one of"),
    ):
        with pytest.raises(SceneError) as refused:
            view_state_from_json(bad)
        assert words in str(refused.value)


def test_a_scene_draws_its_phase_from_its_own_weights_and_leaves_them(tmp_path, sessions):
    """Phase 2 of the next iteration: the output layer's inputs for the chosen sample, by hand."""
    from bpstudio.control.files.scene import phase_total, scene_drawing

    path = tmp_path / "l.bplecture"
    save_lecture(path, scenes_of(sessions, ViewState(), ViewState(selected="W0[0,0]", phase=2, sample=7)))
    scene = load_lecture(path).scenes[1]
    drawing = scene_drawing(scene)
    assert drawing.phase.kind == "forward" and drawing.phase.iteration == 4 and drawing.phase.sample == 7
    assert phase_total(scene.network) == drawing.phase.count == 6
    w = scene.saved.snapshot.weights
    np.testing.assert_array_equal(drawing.weights, w)  # the walk never reached its update
    x = scene.saved.problem.dataset.inputs[7]
    w0, w1 = w[:20].reshape(4, 5), w[20:].reshape(6, 3)
    pre_out = np.tanh(x @ w0[:3] + w0[3]) @ w1[:5] + w1[5]
    np.testing.assert_allclose([drawing.phase.values[f"I2[{k}]"] for k in range(3)], pre_out, rtol=1e-12)
    assert drawing.selected == 0 and drawing.chain.name == "W0[0,0]"
    assert scene_drawing(scene).phase.values == drawing.phase.values  # arriving again: the same state


def test_a_handouts_chain_gives_the_derivative_finite_differences_give(tmp_path, sessions):
    """dL/dw₁₁⁽⁰⁾ of sample 3 on the typeset board, against a central difference of that sample's loss."""
    import re

    from bpstudio.control.files.scene import chain_board_svg, scene_drawing

    path = tmp_path / "l.bplecture"
    save_lecture(path, scenes_of(sessions, ViewState(), ViewState(selected="W0[0,0]", sample=3)))
    scene = load_lecture(path).scenes[1]
    svg = chain_board_svg(scene, scene_drawing(scene), {"source": "source", "sink": "sink"})
    shown = [float(t.replace("−", "-")) for t in re.findall(r">\s*=?\s*([−-]?\d+\.\d+(?:e[−-]?\d+)?)\s*<", svg)]
    w = scene.saved.snapshot.weights.copy()
    x, y = scene.saved.problem.dataset.inputs[3], scene.saved.problem.dataset.targets[3]

    def loss(weights):
        w0, w1 = weights[:20].reshape(4, 5), weights[20:].reshape(6, 3)
        return 0.5 * np.sum((np.tanh(x @ w0[:3] + w0[3]) @ w1[:5] + w1[5] - y) ** 2)

    h = 1e-6
    up, down = w.copy(), w.copy()
    up[0] += h
    down[0] -= h
    derivative = (loss(up) - loss(down)) / (2 * h)
    assert any(abs(value - derivative) <= 5e-4 * abs(derivative) for value in shown), (derivative, shown)
    assert chain_board_svg(load_lecture(path).scenes[0], scene_drawing(load_lecture(path).scenes[0]), {}) is None  # nothing chosen
