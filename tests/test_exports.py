"""Exports from the window: each file exists and holds what it should."""

import csv
import struct

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.fixture
def window(qtbot, open_studio):
    win = open_studio()
    with qtbot.waitSignal(win.training.updated, timeout=5000):
        win.training.step(5)
    return win


def png_size(path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_every_export(qtbot, window, tmp_path):
    menu = window.exports
    # the article's 600×400 figure, three times the pixels for a slide (the CLI keeps 600×400)
    assert menu.write(menu._plot, str(tmp_path / "jval.png")) and png_size(tmp_path / "jval.png") == (1800, 1200)
    assert menu.write(menu._plot, str(tmp_path / "jval.svg"))
    assert "<svg" in (tmp_path / "jval.svg").read_text()
    assert menu.write(menu._history, str(tmp_path / "h.csv"))
    rows = list(csv.reader((tmp_path / "h.csv").open()))
    assert rows[0] == ["iteration", "jval"] and len(rows) == 7
    assert menu.write(menu._weights, str(tmp_path / "w.csv"))
    rows = list(csv.DictReader((tmp_path / "w.csv").open()))
    assert len(rows) == 38 and rows[0]["name"] == "W0[0,0]"
    assert float(rows[0]["value"]) == window.last.snapshot.weights[0]
    assert menu.write(menu._weights, str(tmp_path / "w.npz"))
    with np.load(tmp_path / "w.npz") as data:
        assert data["W0"].shape == (4, 5) and data["W1"].shape == (6, 3)
    window.network_view.select_param(0)
    qtbot.waitUntil(lambda: window.model.chain_view is not None, timeout=10000)  # worked out off the GUI thread
    assert menu.write(menu._chain, str(tmp_path / "c.tex"))
    assert "\\begin{align*}" in (tmp_path / "c.tex").read_text()
    assert menu.write(menu._chain, str(tmp_path / "c.md"))
    markdown = (tmp_path / "c.md").read_text()
    assert "Loss-influence chain" in markdown and "| path |" in markdown
    assert menu.write(menu._diagram, str(tmp_path / "d.png")) and png_size(tmp_path / "d.png")[0] > 800
    assert menu.write(menu._diagram, str(tmp_path / "d.svg"))
    assert "<svg" in (tmp_path / "d.svg").read_text()


def test_export_failure_is_a_message(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    assert not window.exports.write(window.exports._weights, str(tmp_path / "w.xlsx"))
    assert shown and ".csv or .npz" in shown[0]
    assert not window.exports.write(window.exports._history, "/nonexistent/h.csv")
    assert len(shown) == 2


def test_script_exports_reproduce_the_window_run(window, tmp_path, monkeypatch):
    import json
    import subprocess
    import sys

    menu = window.exports
    assert {"export_pytorch", "export_numpy"} <= set(menu.actions)
    for framework in ("pytorch", "numpy"):
        path = tmp_path / f"bp_{framework}.py"
        assert menu.write(lambda p, f=framework: menu._script(f, p), str(path))
        assert path.read_text(encoding="utf-8").startswith("#!/usr/bin/env python3")
    out = tmp_path / "run.json"
    subprocess.run(
        [sys.executable, str(tmp_path / "bp_numpy.py"), "--max-iter", "5", "--json", str(out)], check=True, capture_output=True, timeout=120
    )
    np.testing.assert_allclose(json.loads(out.read_text())["jval"], window.plot.mirror.values(), rtol=1e-10)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    assert not menu.write(lambda p: menu._script("numpy", p), str(tmp_path / "numpy.py"))
    assert shown and "would import itself" in shown[0] and not (tmp_path / "numpy.py").exists()
