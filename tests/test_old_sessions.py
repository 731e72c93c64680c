"""Sessions saved before the classification settings existed still open and go on the same way."""

import numpy as np
from conftest import FIXTURES

from bpstudio.control import Step, TrainingSession
from bpstudio.control.files.session_file import load_session
from bpstudio.engine.config import RunConfig


def test_old_article_session_resumes_on_the_same_trajectory():
    saved = load_session(FIXTURES / "old_article.bpstudio")
    config = saved.config
    assert config == RunConfig(samples=80, test_fraction=0.25, hidden=(4,))
    assert (config.dataset, config.loss, config.output, config.batch_size) == ("article", "mse", "auto", 0)
    assert saved.snapshot.iteration == 20 and saved.selected_param == 3
    resumed = TrainingSession()
    resumed.load(saved)
    resumed.execute(Step(10))
    fresh = TrainingSession(config)
    fresh.execute(Step(30))
    # The stored half was computed on another machine, where OpenBLAS may pick another kernel
    # (AVX-512 or not) and round the last bit differently: a file compares to 1e-12, not bit for
    # bit.  Bit-identity is kept for comparisons inside one process (rewind, resume, batch 0).
    np.testing.assert_allclose(resumed.trainer.weights, fresh.trainer.weights, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(resumed.trainer.history.view(), fresh.trainer.history.view(), rtol=1e-12, atol=0)


def test_old_csv_session_opens_with_its_data():
    saved = load_session(FIXTURES / "old_csv.bpstudio")
    assert saved.config.inputs == ("u", "v") and saved.config.targets == ("w",) and saved.config.loss == "mse"
    assert saved.dataset.n_samples == 12 and saved.dataset.classes == ()
    resumed = TrainingSession()
    resumed.load(saved)
    resumed.execute(Step(3))
    assert resumed.trainer.iteration == 8 and np.isfinite(resumed.trainer.jval)
