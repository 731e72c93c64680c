"""Two languages: every marked text translated, the catalogue compiled, switching at run time."""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import REPO
from PySide6.QtCore import QPointF
from PySide6.QtGui import QAction

TRANSLATIONS = REPO / "resources" / "translations"


def tool(name):
    return str(Path(sys.executable).with_name(name))


def messages(ts_path):
    root = ET.parse(ts_path).getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            yield (context.find("name").text, message.find("source").text, translation.text, translation.get("type"))


def test_every_marked_text_has_a_chinese_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for folder in ("qt", "control", "engine", "figures") for p in (REPO / "bpstudio" / folder).rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    marked = {(c, s) for c, s, _, _ in messages(fresh)}
    translated = {(c, s) for c, s, text, kind in messages(TRANSLATIONS / "bpstudio_zh_CN.ts") if text and kind is None}
    missing = marked - translated
    assert not missing, f"untranslated (run resources/translations/update.py): {sorted(missing)[:5]}"
    assert len(marked) > 150


def test_placeholders_survive_translation():
    for _context, source, text, _ in messages(TRANSLATIONS / "bpstudio_zh_CN.ts"):
        assert set(re.findall(r"\{\w+\}", source)) == set(re.findall(r"\{\w+\}", text or "")), source


def test_compiled_catalogue_is_current(tmp_path):
    out = tmp_path / "check.qm"
    subprocess.run([tool("pyside6-lrelease"), str(TRANSLATIONS / "bpstudio_zh_CN.ts"), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == (TRANSLATIONS / "bpstudio_zh_CN.qm").read_bytes()


def test_language_switch_at_run_time(qtbot, open_studio):
    win = open_studio()
    run = win.findChild(QAction, "run")
    assert run.text() == "Run" and win.inspector_dock.windowTitle() == "Inspector"
    win.menus.language_actions["zh_CN"].trigger()
    assert win.languages.language == "zh_CN"
    assert run.text() == "运行"
    assert win.inspector_dock.windowTitle() == "检查器"
    assert win.controls.labels["alpha"].text() == "alpha（步长）"
    assert win.menus.menu("menu_file").title() == "文件(&F)"
    assert "就绪" in win.status.fields["state"].text() or win.last.iteration > 0
    sources = {n.role_tag.toPlainText() for n in win.network_view.nodes.values() if n.role == "source"}
    assert sources == {"源 Σ"}
    win.menus.language_actions["en"].trigger()
    assert run.text() == "Run" and win.inspector_dock.windowTitle() == "Inspector"


def test_language_is_remembered(qtbot, open_studio):
    first = open_studio()
    first.languages.set_language("zh_CN")
    first.close()
    second = open_studio(restore_settings=True)
    assert second.languages.language == "zh_CN"
    assert second.findChild(QAction, "run").text() == "运行"
    second.languages.set_language("en")


def test_refused_values_are_said_in_the_users_language(qtbot, open_studio):
    win = open_studio()
    win.languages.set_language("zh_CN")
    field = win.controls.editors["alpha"]
    field.setText("-1")
    field.editingFinished.emit()
    assert win.controls.errors["alpha"].text() == "alpha 必须大于 0"
    win.languages.set_language("en")
    field.setText("-1")
    field.editingFinished.emit()
    assert win.controls.errors["alpha"].text() == "alpha must be greater than 0"


def test_the_plots_hover_readout_speaks_the_language_and_opens_inwards(qtbot, open_studio):
    win = open_studio()
    with qtbot.waitSignal(win.training.updated, timeout=5000):
        win.training.step(20)
    qtbot.waitUntil(lambda: len(win.plot.mirror) == 21, timeout=5000)
    win.plot.redraw()
    win.menus.language_actions["zh_CN"].trigger()
    item = win.plot.getPlotItem()
    values = win.plot.mirror.values()
    said = []
    win.plot.hovered.connect(said.append)
    for epoch in (1, 19):
        win.plot._mouse_moved(item.vb.mapViewToScene(QPointF(epoch, values[epoch])))
    assert said == [f"第 1 次迭代：JVal {values[1]:.6g}", f"第 19 次迭代：JVal {values[19]:.6g}"]
    assert win.plot.readout.anchor.x() == 1  # near the right edge it opens to the left of the point
    win.menus.language_actions["en"].trigger()
    win.plot._mouse_moved(item.vb.mapViewToScene(QPointF(1, values[1])))
    assert said[-1] == f"iteration 1: JVal {values[1]:.6g}" and win.plot.readout.anchor.x() == 0
