"""What can be checked about an output file is checked before the run, not after it (issue #25)."""

import os

import pytest
from conftest import run_bpstudio


def test_a_name_too_long_for_the_disk_is_refused_before_the_run(tmp_path):
    history = tmp_path / "history.csv"
    too_long = "a" * 240 + ".json"  # fits NAME_MAX itself, not once the temporary file's mark is added
    run = run_bpstudio("train", "--max-iter", "5", "--history", str(history), "--json", too_long, "--quiet", cwd=tmp_path)
    assert run.returncode == 2 and "--json" in run.stderr and "Traceback" not in run.stderr
    assert not history.exists()  # refused before the run: nothing was written
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc")
def test_a_pipe_given_as_a_file_is_refused_before_the_run(tmp_path):
    history = tmp_path / "history.csv"
    run = run_bpstudio("train", "--max-iter", "5", "--history", str(history), "--json", "/proc/self/fd/1", "--quiet")
    assert run.returncode == 2 and "argument --json: cannot create a file in" in run.stderr
    assert run.stdout == "" and not history.exists()
