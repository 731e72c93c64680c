"""Every studio export and the session save go through the one safe writer (D2, D5)."""

import os
import stat

import pytest
from PySide6.QtWidgets import QMessageBox

from bpstudio.control.files.safe_write import TEMP_MARK

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symlinks, FIFOs and modes are POSIX")


@pytest.fixture
def window(qtbot, open_studio, monkeypatch):
    win = open_studio()
    with qtbot.waitSignal(win.training.updated, timeout=5000):
        win.training.step(5)
    win.network_view.select_param(0)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    win.warnings = warnings
    return win


WRITERS = [
    ("_plot", ".png"),
    ("_plot", ".svg"),
    ("_history", ".csv"),
    ("_weights", ".csv"),
    ("_weights", ".npz"),
    ("_chain", ".tex"),
    ("_chain", ".md"),
    ("_diagram", ".png"),
    ("_diagram", ".svg"),
]


@pytest.mark.parametrize("writer, suffix", WRITERS)
def test_exports_write_through_symlinks_keep_modes_and_refuse_fifos(window, tmp_path, writer, suffix):
    menu = window.exports
    real = tmp_path / "real" / f"out{suffix}"
    real.parent.mkdir()
    real.write_bytes(b"old")
    os.chmod(real, 0o644)
    link = tmp_path / f"link{suffix}"
    link.symlink_to(real)
    assert menu.write(getattr(menu, writer), str(link))
    assert link.is_symlink() and real.read_bytes() != b"old" and real.stat().st_size > 0
    assert stat.S_IMODE(real.stat().st_mode) == 0o644
    fifo = tmp_path / f"pipe{suffix}"
    os.mkfifo(fifo)
    assert not menu.write(getattr(menu, writer), str(fifo))
    assert "is a FIFO" in window.warnings[-1] and str(fifo) in window.warnings[-1]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert not [p for p in tmp_path.rglob("*") if TEMP_MARK in p.name]


def test_session_save_to_a_fifo_says_so_and_keeps_it(window, tmp_path):
    fifo = tmp_path / "s.bpstudio"
    os.mkfifo(fifo)
    assert not window.files.save_to(fifo)
    assert "is a FIFO" in window.warnings[-1] and stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert window.files.path is None


@pytest.mark.parametrize("name, suffix", [("ImageExporter", ".png"), ("CSVExporter", ".csv")])
def test_the_plots_right_click_exports_are_safe_too(window, tmp_path, name, suffix):
    from pyqtgraph import exporters

    exporter = getattr(exporters, name)(window.plot.getPlotItem())
    real = tmp_path / f"real{suffix}"
    real.write_bytes(b"old")
    link = tmp_path / f"link{suffix}"
    link.symlink_to(real)
    exporter.export(fileName=str(link))
    assert link.is_symlink() and real.read_bytes() != b"old"
    fifo = tmp_path / f"pipe{suffix}"
    os.mkfifo(fifo)
    exporter.export(fileName=str(fifo))
    assert "is a FIFO" in window.warnings[-1] and stat.S_ISFIFO(os.stat(fifo).st_mode)
