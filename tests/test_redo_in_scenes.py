"""A scene keeps the redo branch (issue 27): Redo in a presented scene goes where it went when it was captured.

The oracle is the run itself before the rewind: the weights, gradient,
optimizer state, JVal history and stop reason it had at each point the
rewind stepped back over.  A scene is captured as the window captures it
(``session_members`` + ``captured_scene``), written to a lecture, read back,
loaded into a fresh session with its branch, and walked with Redo.
"""

import io
import json
import zipfile

import numpy as np
import pytest
from PySide6.QtCore import Qt

from bpstudio.control import SetSetting
from bpstudio.control.files import redo_members as redo_file
from bpstudio.control.files.lecture_file import LectureFileError, captured_scene, load_lecture, save_lecture
from bpstudio.control.files.scene import ViewState
from bpstudio.control.files.session_file import session_members
from bpstudio.control.runtime.redo_branch import RedoBranch
from bpstudio.control.runtime.run_gate import Step, Submit
from bpstudio.control.runtime.session import TrainingSession
from bpstudio.engine.config import RunConfig


def point(session):
    """Everything Redo must bring back, read from the trainer (copies)."""
    trainer = session.trainer
    return {
        "iteration": trainer.iteration,
        "weights": np.array(trainer.weights),
        "state": {k: np.array(v) for k, v in trainer.snapshot().optimizer_state.items()},
        "history": np.array(trainer.history.view()),
        "stop": trainer.stop_reason,
        "optimizer": trainer.optimizer.name,
    }


def same(got, want):
    assert got["iteration"] == want["iteration"]
    assert got["optimizer"] == want["optimizer"] and got["stop"] == want["stop"]
    assert np.array_equal(got["weights"], want["weights"])  # in one process: bit for bit
    assert got["state"].keys() == want["state"].keys()
    assert all(np.array_equal(got["state"][k], want["state"][k]) for k in want["state"])
    assert np.array_equal(got["history"], want["history"], equal_nan=True)


def rewound_session(config=None, stops=(3, 7, 12), optimizer_at=None):
    """A run paused at each of ``stops`` (each pause a point Redo stops at), then rewound to 0; and the points."""
    session = TrainingSession(config or RunConfig())
    points = []
    for stop in stops:
        if optimizer_at == session.trainer.iteration:
            session.execute(Submit(SetSetting("optimizer", "adam")))
        session.execute(Step(stop - session.trainer.iteration))
        points.append(point(session))
    session.rewind(0)
    return session, points


def scene_of(session, selected=None):
    trainer = session.trainer
    test = None if trainer.test_history is None else trainer.test_history.view()
    members = session_members(
        session.config,
        trainer.snapshot(),
        trainer.history.view(),
        tuple(session.changes),
        selected,
        trainer.problem.all_data,
        test,
        session.pace,
    )
    return captured_scene(ViewState(title="rewound"), members, (), session.redo_branch)


def walk_redo(scene):
    fresh = TrainingSession(scene.saved.config, scene.saved.problem)
    fresh.load(scene.saved, scene.branch)
    walked = []
    while fresh.can_redo:
        fresh.redo()
        walked.append(point(fresh))
    return walked


def test_the_update_announces_the_branch_when_it_changes_and_only_then():
    session, _ = rewound_session()
    first = session.update(False)
    assert first.redo_branch_changed and [s.iteration for s in first.redo_branch.snapshots] == [3, 7, 12]
    assert not session.update(False).redo_branch_changed  # unchanged: nothing travels
    session.redo()
    after = session.update(False)
    assert after.redo_branch_changed and [s.iteration for s in after.redo_branch.snapshots] == [7, 12]
    session.execute(Step(1))  # a new branch: the old one is handed out as a run, Redo has nowhere to go
    gone = session.update(False)
    assert gone.redo_branch_changed and gone.redo_branch is None and not gone.can_redo


def test_a_scene_keeps_the_branch_and_redo_walks_the_runs_own_points(tmp_path):
    session, points = rewound_session(stops=(3, 7, 12), optimizer_at=7)
    scene = scene_of(session)
    assert scene.problem is None and scene.branch is not None
    lecture = tmp_path / "redo.bplecture"
    save_lecture(lecture, [scene])
    (read,) = load_lecture(lecture).scenes
    assert read.problem is None and read.saved.snapshot.iteration == 0
    walked = walk_redo(read)
    assert len(walked) == 3
    for got, want in zip(walked, points, strict=True):
        same(got, want)
    assert walked[-1]["optimizer"] == "adam"  # a change on the branch comes back with it


def test_the_end_of_a_finished_branch_brings_its_stop_reason_back(tmp_path):
    session = TrainingSession(RunConfig(max_iter=40))
    session.execute(Step(100))  # stops at max_iter
    assert session.trainer.stop_reason is not None
    end = point(session)
    session.rewind(10)
    lecture = tmp_path / "finished.bplecture"
    save_lecture(lecture, [scene_of(session)])
    (read,) = load_lecture(lecture).scenes
    same(walk_redo(read)[-1], end)


def test_a_lecture_with_the_same_scenes_is_the_same_bytes(tmp_path):
    session, _ = rewound_session()
    scene = scene_of(session)
    one, two = tmp_path / "one.bplecture", tmp_path / "two.bplecture"
    save_lecture(one, [scene])
    save_lecture(two, [load_lecture(one).scenes[0]])  # read back and written again: nothing lost or reordered
    assert one.read_bytes() == two.read_bytes()


def test_a_long_branch_keeps_its_last_point_and_evenly_spaced_ones():
    session, _ = rewound_session(stops=tuple(range(2, 2 * redo_file.MAX_POINTS + 12, 2)))
    branch = session.redo_branch
    assert len(branch.snapshots) > redo_file.MAX_POINTS
    stored = scene_of(session).branch
    kept = [s.iteration for s in stored.snapshots]
    assert len(kept) == redo_file.MAX_POINTS and kept[-1] == branch.end.iteration and kept[0] == branch.snapshots[0].iteration
    assert kept == sorted(kept)


def test_a_branch_whose_history_is_over_the_budget_is_not_kept():
    session, _ = rewound_session()
    branch = session.redo_branch
    huge = RedoBranch(
        branch.snapshots, np.zeros(redo_file.MAX_BYTES // 8 + 1), None, branch.changes, None, branch.config, branch.run_changes
    )
    assert redo_file.redo_members(huge) == []
    assert redo_file.redo_members(None) == []


# -- a stranger's file -------------------------------------------------------------------------------------------
def rewritten(tmp_path, change):
    """A one-scene lecture with a branch, whose redo members ``change(members)`` edits in place."""
    session, _ = rewound_session()
    source = tmp_path / "source.bplecture"
    save_lecture(source, [scene_of(session)])
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    change(members)
    target = tmp_path / "edited.bplecture"
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return target


def edit_json(edit):
    def change(members):
        document = json.loads(members["scene-001/redo.json"])
        edit(document)
        members["scene-001/redo.json"] = json.dumps(document).encode()

    return change


def npy(values):
    buffer = io.BytesIO()
    np.save(buffer, np.asarray(values, dtype=float))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (edit_json(lambda d: d["points"].reverse()), "after the one before"),
        (edit_json(lambda d: d["points"][0].update(iteration=0)), "after the one before"),
        (edit_json(lambda d: d["points"][0].update(optimizer="sgd-ish")), "unknown optimizer"),
        (edit_json(lambda d: d["points"][0].update(state=["nonsense"])), "state must be"),
        (edit_json(lambda d: d["points"][0].update(jval=1.5)), "not the history's"),
        (edit_json(lambda d: d["config"].update(hidden=[7])), "another run"),
        (edit_json(lambda d: d.update(stop_reason="bored")), "unknown stop reason"),
        (edit_json(lambda d: d.update(points=[])), "1 to"),
        (lambda m: m.update({"scene-001/redo-00.npy": npy(np.zeros((2, 3)))}), "redo-00.npy has shape"),
        (lambda m: m.update({"scene-001/redo-00.npy": npy(np.load(io.BytesIO(m["scene-001/redo-00.npy"])) * np.inf)}), "not finite"),
        (lambda m: m.update({"scene-001/redo-31.npy": m["scene-001/redo-00.npy"]}), "does not list"),
        (lambda m: m.pop("scene-001/redo.json"), "no redo.json"),
        (lambda m: m.update({"scene-001/redo.json": b"[1, 2"}), "redo.json"),
    ],
)
def test_a_broken_branch_marks_its_scene_and_the_rest_opens(tmp_path, change, reason):
    (scene,) = load_lecture(rewritten(tmp_path, change)).scenes
    assert scene.saved is None and reason in scene.problem, scene.problem


def test_a_branch_declared_over_the_budget_refuses_the_lecture_before_reading_it(tmp_path):
    big = np.zeros((2, redo_file.MAX_BYTES // 16 + 8))  # zeros: a tiny zip member that would unpack to more than 2 MB
    path = rewritten(tmp_path, lambda m: m.update({"scene-001/redo-00.npy": npy(big)}))
    with pytest.raises(LectureFileError, match="redo branch would unpack to more than"):
        load_lecture(path)


# -- in the window ------------------------------------------------------------------------------------------------
def test_redo_in_a_presented_scene_goes_where_it_went_and_arriving_again_brings_it_back(qtbot, open_studio, tmp_path, monkeypatch):
    from bpstudio.control import Rewind

    win = open_studio()
    qtbot.waitUntil(lambda: win.last is not None, timeout=5000)
    with qtbot.waitSignal(win.training.updated, timeout=5000):
        win.training.step(6)
    qtbot.waitUntil(lambda: win.last.iteration == 6, timeout=5000)
    at_six = np.array(win.last.snapshot.weights)
    win.training.submit(Rewind())
    qtbot.waitUntil(lambda: win.last.iteration == 0 and win.run_actions.by_name["redo"].isEnabled(), timeout=5000)
    win.scenes.actions["add_scene"].trigger()
    win.scenes.actions["add_scene"].trigger()  # a second scene, so that paging comes back to the first
    out = tmp_path / "redo.bplecture"
    monkeypatch.setattr("bpstudio.qt.shell.scenes.ask_save_path", lambda *a, **k: str(out))
    assert win.scenes.save_as()
    before = out.read_bytes()

    other = open_studio()
    with qtbot.waitSignal(other.scenes.stage.arrived, timeout=10000):
        assert other.files.open(out)
    qtbot.waitUntil(lambda: other.last.iteration == 0 and other.run_actions.by_name["redo"].isEnabled(), timeout=5000)
    other.run_actions.by_name["redo"].trigger()  # Ctrl+Shift+Z / Ctrl+Y, as the teacher presses it
    qtbot.waitUntil(lambda: other.last.iteration == 6, timeout=5000)
    assert np.array_equal(other.last.snapshot.weights, at_six)
    assert not other.run_actions.by_name["redo"].isEnabled()
    with qtbot.waitSignal(other.scenes.stage.arrived, timeout=10000):
        qtbot.keyClick(other.network_view, Qt.Key.Key_PageDown)
    with qtbot.waitSignal(other.scenes.stage.arrived, timeout=10000):
        qtbot.keyClick(other.network_view, Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: other.last.iteration == 0 and other.run_actions.by_name["redo"].isEnabled(), timeout=5000)
    assert out.read_bytes() == before  # presenting never changes a scene


def test_a_format_2_lecture_still_opens_with_no_branch():
    from conftest import FIXTURES

    lecture = load_lecture(FIXTURES / "v2_article.bplecture")
    assert [scene.view.title for scene in lecture.scenes] == ["The chain of w11", "Iteration 3"]
    assert all(scene.problem is None and scene.branch is None for scene in lecture.scenes)
    assert lecture.scenes[0].view.note == "Ask what O1 sums." and lecture.scenes[0].view.selected == "W0[0,0]"
    assert lecture.scenes[1].saved.snapshot.iteration == 3 and lecture.scenes[1].view.phase == 2
