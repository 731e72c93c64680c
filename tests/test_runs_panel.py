"""Compare runs: finished runs are listed and overlaid, and can be hidden or removed."""

import numpy as np
from PySide6.QtCore import Qt

from bpstudio.control import Reset, RunState, SetSetting
from bpstudio.engine.config import RunConfig
from bpstudio.qt.plots.runs_panel import run_label


def test_two_finished_runs_overlay_with_a_legend(qtbot, open_studio):
    win = open_studio()
    win.training.submit(SetSetting("max_iter", 30))
    win.gestures.run()
    qtbot.waitUntil(lambda: win.last.state is RunState.FINISHED, timeout=10000)
    win.training.submit(Reset())
    win.training.submit(SetSetting("alpha", 0.01))
    qtbot.waitUntil(lambda: win.last.iteration == 0 and win.last.config.alpha == 0.01, timeout=5000)
    win.gestures.run()
    qtbot.waitUntil(lambda: win.last.state is RunState.FINISHED and win.runs.list.count() == 2, timeout=10000)
    labels = [win.runs.list.item(i).text() for i in range(2)]
    # the list names the data first: it holds runs of every data set
    assert labels[0].startswith("article (r, g, b) · Adam α=0.001") and labels[1].startswith("article (r, g, b) · Adam α=0.01")
    assert win.runs.list.item(0).toolTip() == labels[0] and not win.runs.list.item(0).icon().isNull()
    assert len(win.plot.overlays) == 2
    legend = [label.text for _, label in win.plot.getPlotItem().legend.items]
    assert any("α=0.01" in text for text in legend)
    first = win.runs.list.item(0)
    first.setCheckState(Qt.Unchecked)
    assert not win.plot.overlays[0].isVisible() and win.plot.overlays[1].isVisible()
    win.runs.list.setCurrentItem(first)
    win.runs.remove_selected()
    assert win.runs.list.count() == 1 and 0 not in win.plot.overlays


def test_a_run_label_tells_its_changes_and_why_it_stopped_in_the_current_language(qtbot, open_studio):
    from bpstudio.control import ChangeRecord

    win = open_studio()
    history = np.linspace(10.0, 1.0, 50)
    changes = (ChangeRecord(20, "alpha", 0.001, 0.01),)
    run = win.model.runs.add(win.last.config.with_changes(alpha=0.01), history, (3, 8, 2), changes, "diverged")
    label = run_label(run)
    assert label.startswith("Adam α=0.001") and "α 0.001 → 0.01 at 20" in label and "3-8-2" in label
    assert "diverged at iteration 50" in label
    win.languages.set_language("zh_CN")
    assert "第 50 次迭代发散" in win.runs.list.item(win.runs.list.count() - 1).text()  # rewritten, not kept
    win.languages.set_language("en")


def test_only_runs_on_the_same_data_are_drawn_beside_the_run_on_screen(qtbot, open_studio):
    """A curve of other data is on another scale: it stays in the Runs list, off the plot and its legend."""
    from bpstudio.control import ApplyConfig

    win = open_studio()
    article = win.model.runs.add(win.last.config.with_changes(alpha=0.01), np.linspace(12500.0, 3.0, 40), (3, 5, 3))
    deeper = win.model.runs.add(win.last.config.with_changes(hidden=(8,)), np.linspace(12500.0, 2.0, 40), (3, 8, 3))

    def in_legend(key):
        return any(getattr(sample, "item", None) is win.plot.overlays[key] for sample, _ in win.plot.getPlotItem().legend.items)

    assert all(win.plot.overlays[k].isVisible() and in_legend(k) for k in (article.key, deeper.key))
    xor = RunConfig(dataset="xor", samples=100, hidden=(4,), loss="cross-entropy")
    win.training.submit(ApplyConfig(xor))
    qtbot.waitUntil(lambda: win.last.config.dataset == "xor", timeout=10000)
    assert not any(win.plot.overlays[k].isVisible() or in_legend(k) for k in (article.key, deeper.key))
    assert win.runs.list.count() == 2  # listed still
    win.runs.list.item(0).setCheckState(Qt.Unchecked)  # the user's tick is kept for when the data comes back
    win.training.submit(ApplyConfig(RunConfig()))
    qtbot.waitUntil(lambda: win.last.config.dataset == "article", timeout=10000)
    assert not win.plot.overlays[article.key].isVisible() and not in_legend(article.key)
    assert win.plot.overlays[deeper.key].isVisible() and in_legend(deeper.key)


def test_the_runs_list_names_each_runs_data(qtbot, open_studio):
    from bpstudio.qt.plots.runs_panel import data_name

    win = open_studio()
    history = np.linspace(10.0, 1.0, 20)
    spiral = win.model.runs.add(RunConfig(dataset="spiral", hidden=(8,)), history, (2, 8, 2))
    csv = win.model.runs.add(RunConfig(data_file="/tmp/lessons/colours.csv", inputs=("a",), targets=("b",)), history, (1, 5, 1))
    formulas = win.model.runs.add(RunConfig(formulas=("x = r*g", "y = sin(b)")), history, (3, 5, 2))
    assert [data_name(run) for run in (spiral, csv, formulas)] == ["spiral", "colours.csv", "x, y"]
    texts = [win.runs.list.item(i).text() for i in range(win.runs.list.count())]
    assert texts[0].startswith("spiral · ") and texts[1].startswith("colours.csv · ") and texts[2].startswith("x, y · ")
    win.languages.set_language("zh_CN")
    assert win.runs.list.item(0).text().startswith("螺旋")
    win.languages.set_language("en")  # the language is remembered for the next window


def test_typing_a_new_alpha_after_a_finished_run_then_reset_lists_that_run_once_as_trained(qtbot, open_studio):
    """Issue 24: finish at α = 0.001, type 0.01, Reset — no second entry "α=0.01" for a run that never trained at 0.01."""
    win = open_studio()
    win.training.submit(SetSetting("max_iter", 30))
    win.gestures.run()
    qtbot.waitUntil(lambda: win.last.state is RunState.FINISHED and win.runs.list.count() == 1, timeout=10000)
    editor = win.controls.editors["alpha"]
    editor.setText("0.01")
    editor.editingFinished.emit()
    qtbot.waitUntil(lambda: win.last.config.alpha == 0.01, timeout=5000)
    win.gestures.reset()
    qtbot.waitUntil(lambda: win.last.iteration == 0, timeout=5000)
    with qtbot.waitSignal(win.training.updated, timeout=5000):  # one more update: anything Reset left is applied
        win.training.step(1)
    assert win.runs.list.count() == 1
    label = win.runs.list.item(0).text()
    assert "α=0.001" in label and "α=0.01" not in label and "→" not in label
    legend = [label.text for _, label in win.plot.getPlotItem().legend.items]
    assert not any("α=0.01" in text for text in legend)
