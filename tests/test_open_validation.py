"""One validator for `bpstudio info`, `bpstudio FILE` and File > Open: hostile files refused whole."""

import io
import json
import struct
import tracemalloc
import zipfile

import numpy as np
import pytest
from conftest import run_bpstudio
from test_session_file import rewrite

from bpstudio.control import SetSetting, Step, Submit, TrainingSession
from bpstudio.control.files.session_file import SessionFileError, load_session, save_session
from bpstudio.control.files.session_summary import describe
from bpstudio.engine.config import RunConfig
from bpstudio.engine.data import Dataset, split_dataset

SMALL = RunConfig(samples=40)


@pytest.fixture
def saved(tmp_path):
    session = TrainingSession(SMALL)
    session.execute(Step(5))
    session.execute(Submit(SetSetting("alpha", 0.002)))
    session.execute(Step(5))
    path = tmp_path / "s.bpstudio"
    save_session(path, session)
    return path


def refused(path, match):
    with pytest.raises(SessionFileError, match=match):
        load_session(path)


@pytest.mark.parametrize(
    "change, match",
    [
        (lambda d: d.update(version=-1), "positive whole number"),
        (lambda d: d.update(version=0), "positive whole number"),
        (lambda d: d["hyper"].update(alpha=float("nan")), "finite"),
        (lambda d: d["hyper"].update(samples=5), "nothing else"),  # would have changed samples
        (lambda d: d["hyper"].pop("beta2"), "nothing else"),
        (lambda d: d["hyper"].update(beta1=1.5), r"beta1 must be in \[0, 1\)"),
        (lambda d: d["config"].update(bogus=1), "unknown setting"),
        (lambda d: d["config"].update(formulas=["x = exp(1000*r)", "y = r", "z = g"]), "data cannot be built"),
        (lambda d: d.update(changes=[[10**400, "alpha", 0.001, 0.002]]), "outside this run"),
        (lambda d: d.update(changes=[[3, "samples", 40, 1000]]), "not a setting that changes"),
        (lambda d: d.update(changes=[[3, "alpha", 0.001, "0.002"]]), "not valid"),
        (lambda d: d.update(changes=[[3, "alpha", 0.001, 0.002]] * 1500), "more than 1000"),
        (lambda d: d.update(jval=123.0), "last value of the history"),
        (lambda d: d.update(jval=float("inf")), "finite"),
    ],
)
def test_what_later_code_uses_is_checked(saved, change, match):
    rewrite(saved, change_json=change)
    refused(saved, match)


def test_missing_optimizer_state_is_refused(saved):
    rewrite(saved, drop=["opt_m.npy"])
    refused(saved, "adam state must be")


def test_deep_json_is_refused_not_a_recursion_error(saved, tmp_path):
    with zipfile.ZipFile(saved) as src:
        parts = {n: src.read(n) for n in src.namelist()}
    doc = json.loads(parts["session.json"])
    text = json.dumps(doc)[:-1] + ', "x": ' + "[" * 200_000 + "]" * 200_000 + "}"
    rewrite(saved, replace={"session.json": text.encode()})
    refused(saved, "nested more than")
    for args in (["info", str(saved)], [str(saved), "--smoke-test"]):
        result = run_bpstudio(*args, timeout=60)
        assert result.returncode == 2 and "nested more than" in result.stderr
        assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def _lie_about_size(path, member, declared):
    """Patch the local and central headers of ``member`` to declare ``declared`` bytes."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    struct.pack_into("<I", data, info.header_offset + 22, declared)  # local header: uncompressed size
    central = data.rfind(b"PK\x01\x02")
    while central >= 0:
        name_len = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + name_len] == member.encode():
            struct.pack_into("<I", data, central + 24, declared)
        central = data.rfind(b"PK\x01\x02", 0, central)
    path.write_bytes(bytes(data))


def test_a_zip_lying_about_sizes_is_read_in_bounded_chunks(tmp_path):
    path = tmp_path / "bomb.bpstudio"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("session.json", b" " * (200 * 1024 * 1024))  # 200 MB inflates from ~200 KB
    _lie_about_size(path, "session.json", 100)
    assert path.stat().st_size < 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(SessionFileError):
            load_session(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 32 * 1024 * 1024  # bytes decompressed are bounded, whatever the headers say


def test_info_on_a_device_is_refused_without_reading(tmp_path):
    result = run_bpstudio("info", "/dev/urandom", timeout=30)
    assert result.returncode == 2 and "not a regular file" in result.stderr


def test_info_describes_a_csv_session_and_escapes_the_file_text(tmp_path):
    csv = tmp_path / "table.csv"
    rows = "\n".join(f"{i * 0.1},{i * 0.2},{i * 0.05}" for i in range(30))
    csv.write_text("u,v,w\n" + rows + "\n")
    config = RunConfig(hidden=(4,), data_file=str(csv), inputs=("u", "v"), targets=("w",), test_fraction=0.2)
    session = TrainingSession(config)
    session.execute(Step(3))
    path = tmp_path / "own.bpstudio"
    save_session(path, session)
    rewrite(path, change_json=lambda d: d.update(app_version="9\x1b]0;pwned\x07\x1b[2J"))
    text = describe(load_session(path))
    assert "network:     2-4-1 tanh, init uniform (u, v -> w)" in text
    assert "data:        CSV file table.csv, 30 rows (kept in the session); 6 held out for testing" in text
    assert "\x1b" not in text and "\\x1b]0;pwned\\x07\\x1b[2J" in text
    result = run_bpstudio("info", str(path))
    assert result.returncode == 0 and "\x1b" not in result.stdout and "CSV file table.csv" in result.stdout


def test_info_describes_a_formula_session(tmp_path):
    session = TrainingSession(RunConfig(samples=25, formulas=("s = r*g",)))
    path = tmp_path / "f.bpstudio"
    save_session(path, session)
    text = describe(load_session(path))
    assert "network:     3-5-1 tanh" in text and "(r, g, b -> s)" in text
    assert (
        "data:        formulas s = r * g over r, g, b, 25 samples, seed 1" in text
        or "data:        formulas s = r*g over r, g, b, 25 samples, seed 1" in text
    )


def test_a_run_too_large_for_the_studio_is_refused_at_open_but_described_by_info(tmp_path):
    config = RunConfig(hidden=(120, 120), samples=20, max_iter=1)
    session = TrainingSession(config)
    path = tmp_path / "big.bpstudio"
    save_session(path, session)
    assert "3-120-120-3" in describe(load_session(path))
    with pytest.raises(SessionFileError, match="the studio draws at most"):
        load_session(path, for_studio=True)


# -- what we write, we can read (D3) ------------------------------------------------------------
def _test_rows(n, fraction, seed):
    index = Dataset(np.arange(n, dtype=float)[:, None], np.zeros((n, 1)), ("i",), ("t",))
    return set(split_dataset(index, fraction, seed)[1].inputs[:, 0].astype(int))


def test_a_test_jval_that_overflows_saves_and_reopens(tmp_path):
    n, fraction = 20, 0.25
    held_out = _test_rows(n, fraction, 1)
    lines = [f"{i / n},{1e300 if i in held_out else i / n}" for i in range(n)]
    csv = tmp_path / "t.csv"
    csv.write_text("u,w\n" + "\n".join(lines) + "\n")
    config = RunConfig(hidden=(3,), data_file=str(csv), inputs=("u",), targets=("w",), test_fraction=fraction)
    session = TrainingSession(config)
    session.execute(Step(4))
    assert np.isinf(session.trainer.test_history.view()).all()  # the test JVal overflows
    path = tmp_path / "o.bpstudio"
    save_session(path, session)
    loaded = load_session(path)
    np.testing.assert_array_equal(loaded.test_history, session.trainer.test_history.view())
    np.testing.assert_array_equal(loaded.history, session.trainer.history.view())


def test_data_near_the_largest_float_diverges_at_the_start_and_reopens(tmp_path):
    csv = tmp_path / "huge.csv"
    csv.write_text("u,w\n" + "\n".join(f"{i},{1.5e308 if i % 2 else -1.7e308}" for i in range(8)) + "\n")
    session = TrainingSession(RunConfig(hidden=(2,), data_file=str(csv), inputs=("u",), targets=("w",)))
    session.execute(Step(3))
    assert session.trainer.stop_reason.value == "diverged" and session.trainer.iteration == 0
    path = tmp_path / "d.bpstudio"
    save_session(path, session)
    loaded = load_session(path)
    assert loaded.snapshot.stop_reason == "diverged" and not np.isfinite(loaded.snapshot.jval)
    again = TrainingSession()
    again.load(loaded)
    assert again.trainer.stop_reason.value == "diverged"
    save_session(tmp_path / "d2.bpstudio", again)
    assert load_session(tmp_path / "d2.bpstudio").snapshot.iteration == 0


def test_a_rewound_start_that_overflows_saves_and_reopens(tmp_path):
    from bpstudio.control import Rewind, Submit

    session = TrainingSession(RunConfig(samples=20, formulas=("s = 1e200*r",)))
    assert session.trainer.stop_reason.value == "diverged"
    session.execute(Submit(Rewind()))  # back to the start point: no stop reason, JVal still infinite
    assert session.trainer.stop_reason is None and not np.isfinite(session.trainer.jval)
    path = tmp_path / "r.bpstudio"
    save_session(path, session)
    loaded = load_session(path)
    assert loaded.snapshot.stop_reason is None and np.isinf(loaded.history[0])


def test_only_the_start_may_be_non_finite(saved):
    with zipfile.ZipFile(saved) as src:
        history = np.load(__import__("io").BytesIO(src.read("history.npy")))
    history[3] = np.inf
    buffer = __import__("io").BytesIO()
    np.save(buffer, history)
    rewrite(saved, replace={"history.npy": buffer.getvalue()})
    refused(saved, "not finite numbers after the start")


def test_class_targets_that_are_not_one_hot_are_refused(tmp_path):
    from test_oversized_files import class_session

    path = class_session(tmp_path)
    buffer = io.BytesIO()
    np.save(buffer, np.full((30, 3), 0.5))  # trains towards no class: JVal went to -148 566
    rewrite(path, replace={"data_targets.npy": buffer.getvalue()})
    refused(path, "one class per row")


def test_weights_that_contradict_the_stored_jval_are_refused_saying_both(saved):
    with zipfile.ZipFile(saved) as src:
        stored = json.loads(src.read("session.json"))["jval"]
        n = np.load(io.BytesIO(src.read("weights.npy"))).shape[0]
    buffer = io.BytesIO()
    np.save(buffer, np.full(n, 1e300))
    rewrite(saved, replace={"weights.npy": buffer.getvalue()})
    with pytest.raises(SessionFileError, match="the stored weights give JVal") as caught:
        load_session(saved)
    assert f"the file says {stored:.10g}" in str(caught.value)


def test_a_stored_jval_within_the_tolerance_is_accepted(saved):
    """Another BLAS may sum in another order: 1e-12 relative is not a contradiction."""
    rewrite(saved, change_json=lambda d: d.update(jval=d["jval"] * (1 + 1e-12)))
    with zipfile.ZipFile(saved) as src:
        doc = json.loads(src.read("session.json"))
        history = np.load(io.BytesIO(src.read("history.npy")))
    history[-1] = doc["jval"]
    buffer = io.BytesIO()
    np.save(buffer, history)
    rewrite(saved, replace={"history.npy": buffer.getvalue()})
    assert load_session(saved).snapshot.jval == doc["jval"]
