"""A small file that declares a huge run is refused from what it declares, before memory is spent.

Each file here is a few hundred KB on disk and once cost gigabytes: a CSV of
2 000 class labels (one-hot tables and a chain whose links grow as the square
of the classes), a session of 700 labels, a session storing 33.5 M history
points, a remembered config naming a CSV of 12 000 labels.  Each is opened in
a fresh process that reports its own peak resident size and the CPU time of
the open, so the figures are the refusal's alone.
"""

import io
import json
import subprocess
import sys
import zipfile

import numpy as np
from conftest import run_bpstudio
from test_session_file import rewrite

from bpstudio.control import Step, TrainingSession
from bpstudio.control.files.session_file import save_session
from bpstudio.engine.classes import MAX_CLASSES
from bpstudio.engine.config import RunConfig

PEAK_MB = 300
SECONDS = 2.0

PROBE = """
import resource, sys, time
started = time.process_time()
try:
    {call}
    print("ACCEPTED")
except Exception as err:
    print("REFUSED", type(err).__name__, str(err).splitlines()[0])
print("CPU", time.process_time() - started)
try:  # this address space's own peak: ru_maxrss keeps the parent's (a large test process) across exec
    with open("/proc/self/status") as status:
        peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except OSError:
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print("PEAK_MB", peak_kb / 1024)
"""


def probe(imports: str, call: str) -> tuple[str, float, float]:
    """Run ``call`` in a fresh interpreter; its answer line, CPU seconds and peak RSS in MB."""
    code = imports + "\n" + PROBE.format(call=call)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = dict(line.split(" ", 1) for line in done.stdout.strip().splitlines())
    answer = "REFUSED " + lines["REFUSED"] if "REFUSED" in lines else "ACCEPTED"
    return answer, float(lines["CPU"]), float(lines["PEAK_MB"])


def labels_csv(path, n_labels: int):
    rows = "\n".join(f"{i * 0.001},{i % 7},c{i}" for i in range(n_labels))
    path.write_text("x,y,label\n" + rows + "\n")
    return path


def class_session(tmp_path):
    csv = tmp_path / "few.csv"
    csv.write_text("x,y,label\n" + "\n".join(f"{i * 0.1},{i % 3},{'abc'[i % 3]}" for i in range(30)) + "\n")
    config = RunConfig(hidden=(3,), data_file=str(csv), inputs=("x", "y"), targets=("label",), loss="cross-entropy", output="softmax")
    session = TrainingSession(config)
    session.execute(Step(2))
    path = tmp_path / "classes.bpstudio"
    save_session(path, session)
    return path


def refused_in_bounds(imports: str, call: str, words: str) -> str:
    answer, cpu, peak = probe(imports, call)
    assert answer.startswith("REFUSED") and words in answer, answer
    assert cpu < SECONDS, f"the refusal took {cpu:.2f} s of CPU"
    assert peak < PEAK_MB, f"the refusal peaked at {peak:.0f} MB"
    return answer


def test_a_csv_of_2000_labels_is_refused_for_its_classes(tmp_path):
    csv = labels_csv(tmp_path / "labels.csv", 2000)
    config = dict(data_file=str(csv), inputs=["x", "y"], targets=["label"], loss="cross-entropy", output="softmax")
    answer = refused_in_bounds(
        "from bpstudio.engine.config import RunConfig",
        f"RunConfig.from_dict({config!r}).problem()",
        f"at most {MAX_CLASSES}",
    )
    assert "2000 classes" in answer
    result = run_bpstudio(
        "chain", "--param", "W0[0,0]", "--data", str(csv), "--inputs", "x,y", "--targets", "label", "--loss", "cross-entropy"
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr and f"at most {MAX_CLASSES}" in result.stderr


def test_fifty_classes_are_still_accepted(tmp_path):
    csv = labels_csv(tmp_path / "labels.csv", MAX_CLASSES)
    config = RunConfig(data_file=str(csv), inputs=("x", "y"), targets=("label",), loss="cross-entropy", output="softmax")
    assert config.problem().dataset.targets.shape == (MAX_CLASSES, MAX_CLASSES)


def test_a_remembered_config_of_12000_labels_is_set_aside(tmp_path):
    csv = labels_csv(tmp_path / "labels.csv", 12_000)
    stored = json.dumps(RunConfig(data_file=str(csv), inputs=("x", "y"), targets=("label",), loss="cross-entropy").to_dict())
    refused_in_bounds(
        "from bpstudio.control.files.stored_config import config_from_settings",
        f"config_from_settings({stored!r})",
        "12000 classes",
    )


def test_a_session_declaring_700_labels_is_refused_before_its_tables(tmp_path):
    path = class_session(tmp_path)
    labels = [f"c{i}" for i in range(700)]
    targets = np.eye(700)[np.arange(30) % 700]
    buffer = io.BytesIO()
    np.save(buffer, targets)

    def declare(doc):
        doc["data_classes"] = labels
        doc["data_names"][1] = labels

    rewrite(path, change_json=declare, replace={"data_targets.npy": buffer.getvalue()})
    refused_in_bounds(
        "from bpstudio.control.files.session_file import load_session",
        f"load_session({str(path)!r}, for_studio=True)",
        "700 classes",
    )


def _zeros_npy_member(archive: zipfile.ZipFile, name: str, n: int) -> None:
    """Write ``n`` float64 zeros as an .npy member without holding them in memory."""
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(header, {"descr": "<f8", "fortran_order": False, "shape": (n,)})
    chunk = bytes(8 * 2**17)
    with archive.open(name, "w", force_zip64=True) as member:
        member.write(header.getvalue())
        left = n * 8
        while left:
            member.write(chunk[: min(left, len(chunk))])
            left -= min(left, len(chunk))


def test_a_session_storing_33_million_history_points_is_refused_by_what_it_stores(tmp_path):
    small = class_session(tmp_path)
    points = 33_500_000
    path = tmp_path / "history.bpstudio"
    with zipfile.ZipFile(small) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            if name == "session.json":
                doc = json.loads(src.read(name))
                doc["iteration"] = points - 1  # max_iter stays 50 000: the budget must count what is stored
                dst.writestr(name, json.dumps(doc))
            elif name != "history.npy":
                dst.writestr(name, src.read(name))
        _zeros_npy_member(dst, "history.npy", points)
    assert path.stat().st_size < 1024**2  # a small file
    refused_in_bounds(
        "from bpstudio.control.files.session_file import load_session",
        f"load_session({str(path)!r}, for_studio=True)",
        "GB of memory",
    )
