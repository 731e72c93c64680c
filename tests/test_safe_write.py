"""The one file writer: atomic, respects symlinks, devices, FIFOs, folders and permission bits."""

import contextlib
import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import run_bpstudio

from bpstudio.control import Step, TrainingSession
from bpstudio.control.files.safe_write import (
    TEMP_MARK,
    UnsafeTargetError,
    clean_stale_temporaries,
    replacing_file,
    write_text,
)
from bpstudio.control.files.session_file import load_session, save_session
from bpstudio.control.files.tables import write_history_csv, write_weights
from bpstudio.engine.config import RunConfig

posix_only = pytest.mark.skipif(os.name != "posix", reason="symlinks, FIFOs and modes are POSIX")


def leftovers(folder):
    return [p.name for p in folder.iterdir() if TEMP_MARK in p.name]


def test_replaces_a_regular_file_whole(tmp_path):
    target = tmp_path / "run.json"
    target.write_text("old")
    write_text(target, "new")
    assert target.read_text() == "new" and leftovers(tmp_path) == []


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "run.json"
    target.write_text("precious")
    with pytest.raises(RuntimeError), replacing_file(target) as handle:
        handle.write("half")
        raise RuntimeError("disk full halfway")
    assert target.read_text() == "precious" and leftovers(tmp_path) == []


@posix_only
def test_a_symlink_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "real" / "run.csv"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    chain = tmp_path / "link2.csv"  # a link to a link
    chain.symlink_to(link)
    write_history_csv(chain, np.array([3.0, 2.0]))
    assert link.is_symlink() and chain.is_symlink()
    assert real.read_text().splitlines() == ["iteration,jval", "0,3.0", "1,2.0"]
    assert leftovers(tmp_path) == [] and leftovers(real.parent) == []


@posix_only
def test_a_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "new.json")
    write_text(link, "{}")
    assert link.is_symlink() and (tmp_path / "new.json").read_text() == "{}"


@posix_only
def test_a_fifo_is_refused_naming_the_file(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(UnsafeTargetError, match=r"pipe is a FIFO"):
        write_text(fifo, "x")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and leftovers(tmp_path) == []


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(UnsafeTargetError, match="is a folder"):
        write_text(tmp_path, "x")


def test_a_missing_folder_is_refused_naming_it(tmp_path):
    with pytest.raises(UnsafeTargetError, match="does not exist"):
        write_text(tmp_path / "nowhere" / "x.json", "x")


@pytest.fixture
def device_node(tmp_path):
    if not hasattr(os, "mknod") or os.geteuid() != 0:
        pytest.skip("creating a device node needs root")
    node = tmp_path / "null"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # the same device as /dev/null
    return node


def test_a_device_node_is_refused_and_stays_a_device(device_node):
    with pytest.raises(UnsafeTargetError, match="is a device"):
        write_text(device_node, "x")
    assert stat.S_ISCHR(os.stat(device_node).st_mode)


def test_cli_save_to_a_device_is_one_line_exit_2(device_node):
    result = run_bpstudio("train", "--max-iter", "3", "--samples", "20", "--quiet", "--save", str(device_node))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"bpstudio train: error: argument --save: {device_node} is a device, not a regular file; BP Studio writes only regular files"
    ]
    assert stat.S_ISCHR(os.stat(device_node).st_mode)


@posix_only
def test_cli_json_to_a_fifo_is_refused_before_the_run(tmp_path):
    fifo = tmp_path / "run.json"
    os.mkfifo(fifo)
    result = run_bpstudio("train", "--quiet", "--json", str(fifo))  # 50 000 iterations if not refused
    assert result.returncode == 2 and "is a FIFO" in result.stderr and "Traceback" not in result.stderr


@posix_only
def test_an_existing_file_keeps_its_permission_bits(tmp_path):
    target = tmp_path / "shared.bpstudio"
    session = TrainingSession(RunConfig(samples=20))
    session.execute(Step(2))
    save_session(target, session)
    os.chmod(target, 0o644)
    save_session(target, session)
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o644
    os.chmod(target, 0o640)
    write_weights(target.with_suffix(".csv"), session.trainer.network, session.trainer.weights)
    save_session(target, session)
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    assert load_session(target).snapshot.iteration == 2


@posix_only
def test_a_new_file_gets_the_mode_of_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        write_text(tmp_path / "a.txt", "x")
        os.umask(0o022)
        write_text(tmp_path / "b.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "a.txt").st_mode) == 0o640
    assert stat.S_IMODE(os.stat(tmp_path / "b.txt").st_mode) == 0o644


@posix_only
def test_temporaries_of_a_killed_writer_are_cleaned_and_live_ones_kept(tmp_path):
    target = tmp_path / "run.json"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout.strip()
    stale = tmp_path / f".run.json{TEMP_MARK}{dead}-abcd1234.json"
    stale.write_text("half")
    alive = tmp_path / f".run.json{TEMP_MARK}{os.getppid()}-abcd1234.json"  # a running process
    alive.write_text("in progress")
    other = tmp_path / f".other.json{TEMP_MARK}{dead}-abcd1234.json"  # another target's
    other.write_text("half")
    write_text(target, "{}")
    assert not stale.exists() and alive.exists() and other.exists()
    assert clean_stale_temporaries(tmp_path / "other.json") == [other]


def test_errors_name_the_target_not_the_temporary(tmp_path, monkeypatch):
    target = tmp_path / "run.json"
    target.write_text("old")

    def full_disk(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError) as caught:
        write_text(target, "new")
    assert caught.value.filename == str(target) and caught.value.errno == errno.ENOSPC
    assert target.read_text() == "old" and leftovers(tmp_path) == []


@pytest.fixture
def tiny_tmpfs(tmp_path):
    mount = tmp_path / "small"
    mount.mkdir()
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_leaves_the_existing_json_whole(tiny_tmpfs):
    target = tiny_tmpfs / "run.json"
    target.write_text('{"good": true}')
    (tiny_tmpfs / "filler").write_bytes(b"x" * (48 * 1024))  # leaves a few KB; the JSON needs more
    result = run_bpstudio("train", "--max-iter", "2000", "--samples", "20", "--quiet", "--json", str(target))
    assert result.returncode == 2, result.stderr
    assert "No space left on device" in result.stderr and str(target) in result.stderr
    assert target.read_text() == '{"good": true}' and leftovers(tiny_tmpfs) == []


def test_a_read_only_file_is_refused_and_kept(tmp_path):
    target = tmp_path / "kept.json"
    target.write_text("the teacher's answer key")
    os.chmod(target, 0o444)
    with pytest.raises(UnsafeTargetError, match="is read-only"):
        write_text(target, "overwritten")
    assert target.read_text() == "the teacher's answer key" and leftovers(tmp_path) == []
    result = run_bpstudio("train", "--max-iter", "1", "--json", str(target))
    assert result.returncode == 2 and "read-only" in result.stderr and "Traceback" not in result.stderr
    assert target.read_text() == "the teacher's answer key"


def test_an_output_that_is_the_runs_data_is_refused_before_the_run(tmp_path):
    data = tmp_path / "reg.csv"
    text = "x,y\n" + "\n".join(f"{i},{2 * i}" for i in range(10)) + "\n"
    data.write_text(text)
    os.symlink(data, tmp_path / "alias.csv")
    for option, name in (("--history", "reg.csv"), ("--json", "alias.csv")):
        result = run_bpstudio(
            "train", "--data", str(data), "--inputs", "x", "--targets", "y", "--max-iter", "1", option, str(tmp_path / name)
        )
        assert result.returncode == 2 and "is one of the run's inputs" in result.stderr, result.stderr
    result = run_bpstudio(
        "export-script", "--framework", "numpy", "--data", str(data), "--inputs", "x", "--targets", "y", "--out", str(data)
    )
    assert result.returncode == 2 and "is one of the run's inputs" in result.stderr
    assert data.read_text() == text


VICTIM, ATTACKER = 54321, 54322  # two uids no account uses: the kernel checks numbers, not names


@pytest.fixture
def shared_folder():
    """A sticky, world-writable folder like /tmp, and a private one of the victim's, both fresh."""
    import shutil
    import tempfile

    shared = tempfile.mkdtemp(prefix="bpstudio-shared-")
    os.chmod(shared, 0o1777)
    home = tempfile.mkdtemp(prefix="bpstudio-victim-")
    os.chown(home, VICTIM, VICTIM)
    yield shared, home
    shutil.rmtree(shared)
    shutil.rmtree(home)


@contextlib.contextmanager
def acting_as(uid):
    """Run the block with ``uid``'s effective ids: the kernel applies that user's permissions."""
    os.setegid(uid)
    os.seteuid(uid)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="two users need root to act as each")
def test_a_link_another_user_planted_in_a_shared_folder_is_never_followed(shared_folder):
    shared, home = shared_folder
    notes = os.path.join(home, "notes.txt")
    with acting_as(VICTIM), open(notes, "w") as handle:
        handle.write("the victim's own notes")
    planted = os.path.join(shared, "lesson.bpstudio")
    with acting_as(ATTACKER):
        os.symlink(notes, planted)  # the attacker cannot write notes.txt, but the victim can
    assert os.lstat(planted).st_uid == ATTACKER
    with acting_as(VICTIM), pytest.raises(UnsafeTargetError, match="owned by another user"):
        write_text(planted, "the victim's lesson")
    with open(notes) as handle:
        assert handle.read() == "the victim's own notes"
    assert os.path.islink(planted) and leftovers(Path(home)) == [] and leftovers(Path(shared)) == []

    # the victim's own link, and one of the folder's owner (root), are followed as before
    own = os.path.join(shared, "mine.bpstudio")
    with acting_as(VICTIM):
        os.symlink(notes, own)
        write_text(own, "saved through my own link")
    with open(notes) as handle:
        assert handle.read() == "saved through my own link"
    os.symlink(notes, os.path.join(shared, "owners.txt"))
    with acting_as(VICTIM):
        write_text(os.path.join(shared, "owners.txt"), "through the folder owner's link")
    with open(notes) as handle:
        assert handle.read() == "through the folder owner's link"
