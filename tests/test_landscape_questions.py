"""The landscape's questions without Qt: the run's path as the studio records it, slices and maps of the model."""

import dataclasses

import numpy as np
import pytest

from bpstudio.control import TrainingSession
from bpstudio.control.model.landscape_jobs import JobState
from bpstudio.control.model.landscape_questions import LandscapeQuestions
from bpstudio.control.model.studio_model import StudioModel
from bpstudio.control.model.weight_path import WeightPath
from bpstudio.engine.directions import project_onto_plane

WAIT = 30  # s: a guard against a hung test only


def test_the_path_keeps_order_and_forgets_what_a_rewind_went_back_over():
    path = WeightPath()
    for i in range(6):
        path.record(i, np.full(3, float(i)))
    path.record(3, np.full(3, 30.0))  # rewound to 3 and set by hand there
    assert path.iterations == (0, 1, 2, 3)
    np.testing.assert_array_equal(path.before(3), [[0, 0, 0], [1, 1, 1], [2, 2, 2]])
    assert path.before(4)[-1].tolist() == [30.0] * 3
    np.testing.assert_array_equal(path.recent(1, 4, count=2), [2.0, 30.0])
    path.clear()
    assert len(path) == 0 and path.before(5).shape[0] == 0


def test_the_path_is_bounded_and_keeps_its_ends():
    path = WeightPath(max_points=10)
    for i in range(1000):
        path.record(i, np.array([float(i)]))
    assert len(path) <= 10
    assert path.iterations[0] == 0 and path.iterations[-1] >= 1000 - path.stride
    assert list(path.iterations) == sorted(path.iterations)
    wide = WeightPath(max_points=1000, max_floats=50)
    for i in range(100):
        wide.record(i, np.zeros(10))
    assert len(wide) * 10 <= 50 + 10


@pytest.fixture
def watched():
    session = TrainingSession()
    model = StudioModel()  # answers at once, on this thread
    questions = LandscapeQuestions(model)
    model.apply_update(session.update(False))
    for _ in range(4):
        session.trainer.step()
        session.keep_snapshot()
        model.apply_update(session.update(False))
    return session, model, questions


def test_a_slice_of_the_model_is_the_engines_slice_at_its_snapshot(watched):
    session, model, questions = watched
    got = []
    assert questions.request_slice(3, got.append)
    cut = got[0]
    assert cut.param == 3 and cut.jval_at_point == model.snapshot.jval == session.trainer.jval
    assert cut.jval[cut.offsets.size // 2] == pytest.approx(session.trainer.jval, rel=1e-12)
    assert cut.gradient == session.trainer.gradient[3]
    assert not questions.request_slice(10_000, got.append)


def test_a_map_projects_the_recorded_path(watched):
    session, model, questions = watched
    job = questions.request_map(None, points=11, seed=3)
    assert job.wait(WAIT) and job.state is JobState.FINISHED
    grid = job.result
    recorded = np.array([s.weights for s in session.snapshots[:-1]])
    expected = project_onto_plane(recorded, model.snapshot.weights, grid.directions)
    np.testing.assert_allclose(grid.trajectory[:-1], expected, atol=1e-12)
    assert grid.trajectory[-1].tolist() == [0.0, 0.0]


def test_a_new_run_starts_a_new_path(watched):
    session, model, questions = watched
    assert len(questions.path) == 5
    model.apply_update(dataclasses.replace(session.update(False), new_run=True))
    assert len(questions.path) == 1
