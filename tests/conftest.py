"""Test set-up: Qt draws offscreen, and helpers shared by the suites.

QT_QPA_PLATFORM must be set before anything imports Qt, hence at the top of
conftest (pytest imports it first).
"""

import gc
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
# Windows built in the test process train in a thread, so tests can read their session directly;
# tests/test_trainer_process*.py build theirs with a trainer process, the studio's default, and
# every `bpstudio` the tests start as a command runs as a user's would (see run_bpstudio).
os.environ["BPSTUDIO_TRAINER"] = "thread"
# QSettings must not read or write the user's own studio settings during tests.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="bpstudio-test-config-")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def seed_reference():
    """The article's own first 2000 iterations (see tests/fixtures/README.md)."""
    with np.load(FIXTURES / "seed_reference_2000.npz") as data:
        return {k: data[k] for k in data.files}


def bpstudio_command() -> list[str]:
    """The installed ``bpstudio`` script beside this Python, else ``python -m bpstudio``."""
    script = Path(sys.executable).with_name("bpstudio")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "bpstudio"]


def run_bpstudio(*args: str, timeout: float = 120, env: dict | None = None, cwd=None):
    full_env = {k: v for k, v in os.environ.items() if k != "BPSTUDIO_TRAINER"}
    full_env.update(env or {})
    return subprocess.run(
        [*bpstudio_command(), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=full_env,
        cwd=cwd,
    )


@pytest.fixture(autouse=True)
def collect_closed_windows():
    """Collect the widgets of a test's closed windows here, on the GUI thread, after qtbot let them go.

    A closed window's Python wrappers sit in reference cycles; left to the
    collector, they are freed whenever it next runs — possibly on the training
    or typesetting thread, which deletes Qt objects off the GUI thread and
    crashes a later test (a timer firing on a deleted object).
    """
    yield
    gc.collect()


@pytest.fixture
def open_studio(qtbot):
    """Open studio windows on given settings (defaults, not saved ones); all closed afterwards."""
    from bpstudio.qt.main_window import MainWindow

    windows = []

    def open_window(config=None, restore_settings=False, ask_before_closing=False):
        window = MainWindow(config, restore_settings=restore_settings)
        window.ask_before_closing = ask_before_closing
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.last is not None, timeout=5000)
        windows.append(window)
        return window

    yield open_window
    for window in windows:
        window.ask_before_closing = False
        window.close()
        assert not window.training.isRunning()
    if windows:
        # a closing window remembers its language, theme and layout: the next test starts from none of them
        from PySide6.QtCore import QSettings

        from bpstudio.qt.shell.i18n import install_language

        QSettings("BPStudio", "BPStudio").clear()
        install_language("en")  # the language is the application's: a test that switched it must not leave it on


def saved_sessions(folder: Path, runs: dict) -> dict[str, Path]:
    """Sessions saved as the studio saves a paused run: ``name -> (config, steps taken)``.

    Paused, not finished: ``train --max-iter K`` would save a finished run, and
    a finished run has no next iteration for a scene's phase walk.
    """
    from bpstudio.control.files.session_file import save_session
    from bpstudio.control.runtime.session import TrainingSession

    paths = {}
    for name, (config, steps) in runs.items():
        session = TrainingSession(config)
        for _ in range(steps):
            session.trainer.step()
        paths[name] = folder / f"{name}.bpstudio"
        save_session(paths[name], session)
    return paths


@pytest.fixture(scope="session")
def lecture_sessions(tmp_path_factory):
    """Issue 27's four moments as sessions: the article at iteration 0 and 1, converged, the softmax lesson."""
    from bpstudio.control.files.session_file import save_session
    from bpstudio.control.learning.lessons import LESSONS_BY_KEY
    from bpstudio.control.runtime.session import TrainingSession
    from bpstudio.engine.config import RunConfig

    folder = tmp_path_factory.mktemp("lecture_sessions")
    paths = saved_sessions(folder, {"start": (RunConfig(), 0), "one": (RunConfig(), 1)})
    paths["converged"] = folder / "converged.bpstudio"
    done = run_bpstudio("train", "--quiet", "--save", str(paths["converged"]))  # the article's whole run
    assert done.returncode == 0, done.stderr
    lesson = LESSONS_BY_KEY["softmax_sources"]
    paths["softmax"] = folder / "softmax.bpstudio"
    save_session(paths["softmax"], TrainingSession(lesson.config), selected_param=lesson.param_index())
    return paths
