"""A scene's kept runs in the lecture file (format 2): written as kept, read back checked, a bad one marks only its scene."""

import io
import json
import zipfile

import numpy as np
import pytest

from bpstudio.control.files.kept_runs import read_runs, runs_members
from bpstudio.control.files.lecture_file import load_lecture, save_lecture, scene_from_session
from bpstudio.control.files.scene import ViewState
from bpstudio.control.files.session_file import load_session, save_session
from bpstudio.control.model.finished_runs import RunShelf
from bpstudio.control.runtime.session import ChangeRecord, TrainingSession
from bpstudio.engine.config import RunConfig


def shelf_with_runs():
    shelf = RunShelf()
    curve = 100.0 / np.arange(1, 30_001)  # downsampled to at most 10 000 points when kept
    shelf.add(RunConfig(), curve, (3, 5, 3), (ChangeRecord(7, "alpha", 0.001, 0.01),), "max_iter")
    shelf.add(RunConfig(alpha=0.01), np.array([5.0, 4.0, np.nan]), (3, 5, 3), (), "diverged")
    return shelf


def test_runs_come_back_as_they_were_kept():
    runs = tuple(shelf_with_runs().runs.values())
    back = read_runs(dict(runs_members(runs)))
    assert len(back) == 2
    for one, other in zip(runs, back, strict=True):
        assert one.iterations.tolist() == other.iterations.tolist()
        assert np.array_equal(one.history, other.history, equal_nan=True)
        assert (one.config, one.sizes, one.changes, one.stop_reason, one.iterations_done) == (
            other.config,
            other.sizes,
            other.changes,
            other.stop_reason,
            other.iterations_done,
        )
    assert back[0].iterations_done == 29_999 and len(back[0].history) <= 10_000
    assert runs_members(()) == []  # a scene without runs is stored as before


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d, arrays: d[0].update(iterations_done=5), "'iterations_done'"),
        (lambda d, arrays: d[0].update(stop_reason="tired"), "unknown stop reason"),
        (lambda d, arrays: d[0]["config"].update(alpha="fast"), "'config.alpha' must be a number"),
        (lambda d, arrays: d[0].update(changes=[[1, "colour", 1, 2]]), "not a setting that changes"),
        (lambda d, arrays: arrays.pop("run-01.npy"), "no run-01.npy"),
        (lambda d, arrays: arrays.update({"run-00.npy": arrays["run-00.npy"][:40]}), "cannot be read"),
    ],
)
def test_a_bad_run_is_named(change, words):
    members = dict(runs_members(tuple(shelf_with_runs().runs.values())))
    document = json.loads(members.pop("runs.json"))
    change(document, members)
    members["runs.json"] = json.dumps(document).encode()
    with pytest.raises(Exception, match=words):
        read_runs(members)


def test_a_scene_with_a_bad_run_is_kept_with_its_reason_and_the_rest_opens(tmp_path):
    session = tmp_path / "s.bpstudio"
    save_session(session, TrainingSession(RunConfig()))
    saved = load_session(session, for_studio=True)
    scene = scene_from_session(saved, ViewState())
    lecture = tmp_path / "l.bplecture"
    save_lecture(lecture, [scene, scene])
    broken = tmp_path / "broken.bplecture"
    with zipfile.ZipFile(lecture) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "lecture.json":
                document = json.loads(data)
                assert document["version"] >= 2  # format 2 brought kept runs
            target.writestr(info, data)
        target.writestr("scene-002/runs.json", b"[]")
        buffer = io.BytesIO()
        np.save(buffer, np.zeros((2, 3)))
        target.writestr("scene-002/run-00.npy", buffer.getvalue())  # a curve runs.json does not list
    loaded = load_lecture(broken)
    assert loaded.scenes[0].problem is None
    assert loaded.scenes[1].problem is None and loaded.scenes[1].runs == ()  # an unlisted curve is ignored...
    assert ("run-00.npy", buffer.getvalue()) in loaded.scenes[1].run_members  # ...but kept when the lecture is saved again
