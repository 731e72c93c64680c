"""Session files: round trip, every kind of bad file, atomic writes, `bpstudio info`, fuzzing."""

import contextlib
import io
import json
import zipfile

import numpy as np
import pytest
from conftest import run_bpstudio
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bpstudio.control import SetSetting, Step, Submit, TrainingSession
from bpstudio.control.files import session_archive, session_file
from bpstudio.control.files.session_file import SessionFileError, load_session, save_session
from bpstudio.engine.config import RunConfig

SMALL = RunConfig(samples=80)


@pytest.fixture
def saved_file(tmp_path):
    session = TrainingSession(SMALL)
    session.execute(Step(12))
    session.execute(Submit(SetSetting("alpha", 0.002)))
    session.execute(Step(8))
    path = tmp_path / "run.bpstudio"
    save_session(path, session, selected_param=7)
    return path, session


def test_round_trip_continues_the_same_trajectory(saved_file):
    path, original = saved_file
    original.execute(Step(25))
    resumed = TrainingSession()
    saved = load_session(path)
    assert saved.selected_param == 7 and saved.snapshot.iteration == 20
    assert [c.field for c in saved.changes] == ["alpha"]
    resumed.load(saved)
    resumed.execute(Step(25))
    np.testing.assert_array_equal(resumed.trainer.weights, original.trainer.weights)
    np.testing.assert_array_equal(resumed.trainer.history.view(), original.trainer.history.view())
    assert resumed.config == original.config


def rewrite(path, change_json=None, replace=None, drop=None, extra=None):
    """Copy a session file with one part changed."""
    with zipfile.ZipFile(path) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    if change_json:
        doc = json.loads(parts["session.json"])
        change_json(doc)
        parts["session.json"] = json.dumps(doc).encode()
    for name, data in (replace or {}).items():
        parts[name] = data
    for name in drop or ():
        parts.pop(name)
    parts.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)


def npy(values):
    buffer = io.BytesIO()
    np.save(buffer, values, allow_pickle=True)
    return buffer.getvalue()


BAD_FILES = {
    "newer format": (dict(change_json=lambda d: d.update(version=99)), "newer BP Studio"),
    "not ours": (dict(change_json=lambda d: d.update(format="other")), "not a BP Studio session"),
    "wrong shape": (dict(replace={"weights.npy": npy(np.zeros(5))}), "shape"),
    "nan": (dict(replace={"gradient.npy": npy(np.full(38, np.nan))}), "not finite"),
    "pickle inside": (dict(replace={"weights.npy": npy(np.array([object()] * 38, dtype=object))}), "cannot be read"),
    "wrong json type": (dict(change_json=lambda d: d.update(iteration="twenty")), "whole number"),
    "bad hidden": (dict(change_json=lambda d: d["config"].update(hidden="5")), "hidden"),
    "bad setting": (dict(change_json=lambda d: d["config"].update(alpha=-1)), "alpha"),
    "missing array": (dict(drop=["history.npy"]), "history.npy"),
    "bad changes": (dict(change_json=lambda d: d.update(changes=[1, 2])), "change"),
    "bad selection": (dict(change_json=lambda d: d.update(selected_param=999)), "selected_param"),
    "history length": (dict(change_json=lambda d: d.update(iteration=3)), "shape"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_files_say_why(saved_file, case):
    path, _ = saved_file
    kwargs, reason = BAD_FILES[case]
    rewrite(path, **kwargs)
    with pytest.raises(SessionFileError, match=reason):
        load_session(path)


def test_truncated_and_garbage_files(tmp_path, saved_file):
    path, _ = saved_file
    data = path.read_bytes()
    cut = tmp_path / "cut.bpstudio"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(SessionFileError):
        load_session(cut)
    text = tmp_path / "notes.bpstudio"
    text.write_text("hello")
    with pytest.raises(SessionFileError, match="not a BP Studio session"):
        load_session(text)
    with pytest.raises(SessionFileError, match="does not exist"):
        load_session(tmp_path / "missing.bpstudio")


def test_huge_decompressed_size_is_refused_before_reading(saved_file, monkeypatch):
    path, _ = saved_file
    big = b"\0" * (2 * 1024 * 1024)  # compresses to almost nothing
    rewrite(path, extra={"padding.bin": big})
    monkeypatch.setattr(session_archive, "MAX_TOTAL_BYTES", 1024 * 1024)
    with pytest.raises(SessionFileError, match="more than"):
        load_session(path)


def test_a_failed_write_leaves_the_old_file_intact(saved_file, monkeypatch):
    path, session = saved_file
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError("disk full")

    session.execute(Step(3))
    monkeypatch.setattr(session_file.os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_session(path, session)
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left


def test_info_command(saved_file, tmp_path):
    path, _ = saved_file
    good = run_bpstudio("info", str(path))
    assert good.returncode == 0 and "iteration:   20" in good.stdout and "alpha" in good.stdout
    bad = tmp_path / "bad.bpstudio"
    bad.write_text("x")
    result = run_bpstudio("info", str(bad))
    assert result.returncode == 2 and "not a BP Studio session" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_train_save_then_info(tmp_path):
    path = tmp_path / "t.bpstudio"
    assert run_bpstudio("train", "--max-iter", "30", "--samples", "50", "--save", str(path), "--quiet").returncode == 0
    saved = load_session(path)
    assert saved.snapshot.iteration == 30 and saved.snapshot.stop_reason == "max_iter"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=4096))
def test_fuzz_random_bytes_never_crash(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "f.bpstudio"
    path.write_bytes(data)
    with contextlib.suppress(SessionFileError):
        load_session(path)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.floats(allow_nan=True) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    key=st.sampled_from(["config", "iteration", "jval", "stop_reason", "optimizer", "hyper", "changes", "selected_param", "version"]),
    value=json_values,
)
def test_fuzz_json_fields_never_crash(tmp_path_factory, key, value):
    session = TrainingSession(RunConfig(samples=10))
    session.execute(Step(2))
    path = tmp_path_factory.mktemp("fuzz") / "f.bpstudio"
    save_session(path, session)
    rewrite(path, change_json=lambda d: d.update({key: value}))
    with contextlib.suppress(SessionFileError):
        load_session(path)
