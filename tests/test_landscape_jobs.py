"""The background runner of landscape computations, with plain threads (no Qt)."""

import threading

import numpy as np
import pytest

from bpstudio.control.model.landscape_jobs import JobState, LandscapeRunner
from bpstudio.engine.config import RunConfig
from bpstudio.engine.landscape import MapTask, SliceTask

WAIT = 30  # seconds: only a guard against a hung test, never a speed claim


@pytest.fixture(scope="module")
def article():
    trainer = RunConfig().trainer()
    trainer.run(10)
    return trainer


def map_task(trainer, **options):
    return MapTask(trainer.network, trainer.dataset, trainer.snapshot(), params=(0, 30), **options)


def test_job_reports_progress_and_delivers_the_result(article):
    progress, results = [], []
    runner = LandscapeRunner()
    job = runner.submit(map_task(article), on_progress=lambda d, t: progress.append((d, t)), on_result=results.append)
    assert job.wait(WAIT)
    assert job.state is JobState.FINISHED and job.error is None
    assert len(progress) > 1 and progress[-1] == (41 * 41, 41 * 41)
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)
    assert results == [job.result]
    np.testing.assert_array_equal(job.result.jval, map_task(article).run().jval)


def test_cancel_stops_the_work(article):
    first_chunk = threading.Event()
    release = threading.Event()
    progress, results = [], []

    def on_progress(done, total):
        progress.append(done)
        first_chunk.set()
        release.wait(WAIT)  # hold the worker until the test has cancelled

    runner = LandscapeRunner()
    job = runner.submit(map_task(article), on_progress=on_progress, on_result=results.append)
    assert first_chunk.wait(WAIT)
    job.cancel()
    release.set()
    assert job.wait(WAIT)
    assert job.state is JobState.CANCELLED
    assert progress == [job.done] and job.done < job.total
    assert results == [] and job.result is None


def test_a_new_request_cancels_the_one_before(article):
    started = threading.Event()
    release = threading.Event()

    def hold(done, total):
        started.set()
        release.wait(WAIT)

    runner = LandscapeRunner()
    first = runner.submit(map_task(article), on_progress=hold)
    assert started.wait(WAIT)
    second = runner.submit(lambda: SliceTask(article.network, article.dataset, article.snapshot(), 3))
    release.set()
    assert first.wait(WAIT) and second.wait(WAIT)
    assert first.state is JobState.CANCELLED
    assert second.state is JobState.FINISHED and runner.current is second
    assert second.result.param == 3


def test_a_failing_task_is_reported_not_lost(article):
    errors = []

    def broken():
        return SliceTask(article.network, article.dataset, article.snapshot(), 3, span=-1.0)

    job = LandscapeRunner().submit(broken, on_error=errors.append)
    assert job.wait(WAIT)
    assert job.state is JobState.FAILED and isinstance(job.error, ValueError)
    assert errors == [job.error]


def test_shutdown_cancels_and_waits(article):
    started = threading.Event()
    release = threading.Event()

    def hold(done, total):
        started.set()
        release.wait(WAIT)

    runner = LandscapeRunner()
    job = runner.submit(map_task(article), on_progress=hold)
    assert started.wait(WAIT)
    release.set()
    assert runner.shutdown(WAIT)
    assert not job.running and job.state in (JobState.CANCELLED, JobState.FINISHED)
    assert LandscapeRunner().shutdown(WAIT)
