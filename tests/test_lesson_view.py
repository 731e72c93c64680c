"""What a class reads: the typeset formula, the phase banner, presentation mode that fits."""

import re

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QTableWidget, QWidget

from bpstudio.qt.inspector.inspector import readable_scale
from bpstudio.qt.shell.background import BackgroundWorker

ASCII_FORMS = re.compile(r"[A-Za-z]_\d|\^\(|_\{|dL/d")


@pytest.fixture
def window(open_studio):
    return open_studio()


def typeset(window):
    assert BackgroundWorker.shared().wait_idle()
    assert BackgroundWorker.shared().wait_idle()  # the chain's numbers, then their typesetting
    formula = window.findChild(QWidget, "chain_formula")
    assert formula.svg_text.startswith("<svg")
    return formula


def press(qtbot, window, name):
    with qtbot.waitSignal(window.training.updated, timeout=5000):
        window.findChild(QAction, name).trigger()


def test_the_formula_is_typeset_with_numbers_under_its_factors(qtbot, window):
    formula = typeset(window)
    svg = formula.svg_text
    assert "<path" in svg  # glyphs drawn by the typesetter, not text in a paragraph
    numbers = window.model.chain_view.at_sample
    for value in numbers.edge_values.values():
        text = f"{value:.4g}".replace("-", "−")
        assert f">{text}<" in svg  # every basic link's number is written under its factor
    assert "source Σ" in svg


def test_banner_names_each_of_six_phases(qtbot, window):
    banner = window.findChild(QWidget, "phase_banner")
    assert not banner.isVisible()
    texts = []
    for _ in range(6):
        press(qtbot, window, "step_phase")
        texts.append(banner.text())
    words = ["forward", "forward", "loss", "backward", "backward", "update"]
    for i, (text, word) in enumerate(zip(texts, words, strict=True), 1):
        assert text.startswith(f"Iteration 1 · {i}/6 · {word}"), text
    assert "layer 1" in texts[0] and "layer 2" in texts[1] and "layer 2" in texts[3]
    assert window.network_view.sample_tag.isVisible() and "sample 0" in window.network_view.sample_tag.text()
    # the update draws the chosen weight's before → after beside it
    assert "→" in window.network_view.selection_tag.toPlainText()
    press(qtbot, window, "step")
    assert not banner.isVisible()


def test_backward_phase_draws_arrows_toward_the_inputs(qtbot, window):
    for _ in range(4):
        press(qtbot, window, "step_phase")
    arrows = [e for e in window.network_view.edges if e.arrow_back]
    assert arrows and all(e.edge.target.layer == 2 or e.edge.source.layer == 2 for e in arrows)
    strengths = [e.strength for e in arrows if e.strength is not None]
    assert max(strengths) == pytest.approx(1.0)  # links drawn by their gradient, largest full width


def test_a_step_after_a_partial_walk_finishes_that_iteration_only(qtbot, window):
    for _ in range(2):
        press(qtbot, window, "step_phase")
    assert window.last.iteration == 0
    press(qtbot, window, "step")
    assert window.last.iteration == 1
    press(qtbot, window, "step")
    assert window.last.iteration == 2


def visible_texts(root):
    for label in root.findChildren(QLabel):
        if label.isVisibleTo(root) and label.text():
            yield label.text()
    for table in root.findChildren(QTableWidget):
        for row in range(table.rowCount()):
            for col in range(table.columnCount()):
                item = table.item(row, col)
                if item is not None:
                    yield item.text()


def test_no_ascii_notation_in_the_inspector(qtbot, window):
    typeset(window)
    view = window.network_view
    node = next(item for node, item in view.nodes.items() if node.name == "O1[0]")
    with qtbot.waitSignal(window.model_signals.node_ready, timeout=10000):
        qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.mapFromScene(node.scenePos()))
    texts = list(visible_texts(window.inspector))
    assert any("O₁⁽¹⁾" in t for t in texts) and any("→ x →" in t for t in texts)
    offenders = [t for t in texts if ASCII_FORMS.search(re.sub(r"\[W\d\[\d+,\d+\]\]|W\d\[\d+,\d+\]", "", t))]
    assert not offenders


def test_a_bias_is_called_a_bias(qtbot, window):
    index = window.problem.network.param_index(0, 3, 1)
    window.network_view.select_param(index)
    names = [window.inspector.row_names[k].text() for k in ("value", "gradient")]
    assert "b₂⁽⁰⁾" in names[0] and "∂L/∂b₂⁽⁰⁾" in names[1]


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_presentation_mode_shows_the_whole_formula(qtbot, window, size):
    window.resize(*size)
    typeset(window)
    qtbot.waitUntil(lambda: window.status.fields["iteration"].text() != "", timeout=5000)
    before = (window.saveState(), window.splitter.sizes(), window.inspector_dock.width())
    window.findChild(QAction, "presentation").setChecked(True)
    formula = typeset(window)

    def shown() -> bool:
        """Its whole width (no sideways scrolling for the article's chain); at 1080 lines its whole height too.

        At 768 lines a formula whose digits are 14 px tall is taller than the panel: the panel scrolls.
        """
        seen = formula.visibleRegion().boundingRect().size()
        whole = seen == formula.rect().size() if size[1] >= 1080 else seen.width() == formula.width()
        return whole and formula.fits()

    qtbot.waitUntil(shown, timeout=5000)
    assert window.inspector.horizontalScrollBar().isVisible() is False
    assert formula.scale_for(formula.width()) >= readable_scale(window.look.digit_px) > 1.2  # digits of 14 px and more
    window.findChild(QAction, "presentation").setChecked(False)
    qtbot.waitUntil(lambda: window.controls_dock.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: window.splitter.sizes() == before[1] and window.inspector_dock.width() == before[2], timeout=5000)
    assert isinstance(window.inspector, QAbstractScrollArea)


def test_markers_follow_the_log_scale_and_the_legend_has_a_background(qtbot, window):
    with qtbot.waitSignal(window.training.updated, timeout=5000):
        window.training.step(30)
    plot = window.plot
    qtbot.waitUntil(lambda: len(plot.mirror) == 31, timeout=5000)
    plot._dirty = True
    plot.redraw()
    linear = plot.seed.data["y"][0]
    window.findChild(QAction, "log_y").setChecked(True)
    assert plot.seed.data["y"][0] == pytest.approx(np.log10(linear))  # the dot sits on the curve's start
    assert plot.getPlotItem().legend.opts["brush"] is not None


def test_a_language_switch_reaches_the_plots_words(qtbot, window):
    window.languages.set_language("zh_CN")
    legend = [label.text for _, label in window.plot.getPlotItem().legend.items]
    assert legend == ["起点"]  # no solution before a run has finished (issue 24)
    assert "迭代" in window.plot.getPlotItem().getAxis("bottom").labelText
    window.languages.set_language("en")
    legend = [label.text for _, label in window.plot.getPlotItem().legend.items]
    assert legend == ["seed"]


def test_the_optimizer_block_shows_one_step_with_the_contracts_numbers(qtbot, window):
    from bpstudio.engine.optimizer_step import optimizer_step

    for _ in range(2):
        with qtbot.waitSignal(window.training.updated, timeout=5000):
            window.findChild(QAction, "step").trigger()
    qtbot.waitUntil(lambda: window.model.chain_view is not None and window.model.chain_view.iteration == 2, timeout=10000)
    typeset(window)
    step = optimizer_step(window.last.snapshot, 0)  # what `bpstudio chain --format json` reports
    svg = window.findChild(QWidget, "optimizer_step").svg_text
    for key in ("m", "v", "m_hat", "weight_after"):
        assert f">{step[key]:.4g}<".replace("-", "−") in svg, key
    assert "used" in window.inspector.step_note.text()


def test_the_plot_title_and_the_status_bar_name_the_same_iteration(qtbot, window):
    """While running and after: the title and the status read one Update, so they never disagree."""
    from bpstudio.control import RunState

    window.gestures.run()
    qtbot.waitUntil(lambda: window.last.iteration > 50, timeout=10000)
    window.gestures.pause()
    qtbot.waitUntil(lambda: window.last.state is RunState.PAUSED, timeout=5000)
    qtbot.waitUntil(lambda: f"iteration {window.last.iteration}" in window.status.fields["iteration"].text(), timeout=5000)
    title = window.plot.getPlotItem().titleLabel.text
    assert f"(iteration {window.last.iteration})" in title


def test_compared_runs_legend_entries_follow_the_language(qtbot, window):
    from bpstudio.control import ChangeRecord

    run = window.model.runs.add(
        window.last.config, np.linspace(5.0, 1.0, 40), (3, 5, 3), (ChangeRecord(10, "alpha", 0.001, 0.01),), "max_iter"
    )
    qtbot.waitUntil(lambda: run.key in window.plot.overlays, timeout=5000)

    def overlay_label():
        """The legend's short label, and its tooltip: the full label (issue 24)."""
        curve = window.plot.overlays[run.key]
        label = next(label for sample, label in window.plot.getPlotItem().legend.items if getattr(sample, "item", None) is curve)
        return label.text, label.toolTip()

    assert overlay_label()[0] == "Adam α=0.001→0.01" and "at 10" in overlay_label()[1]
    window.languages.set_language("zh_CN")
    assert "at 10" not in overlay_label()[1] and "第" in overlay_label()[1]
    window.languages.set_language("en")
    assert "at 10" in overlay_label()[1]


def test_on_a_projector_a_long_chain_keeps_a_readable_size_and_the_panel_scrolls(qtbot, open_studio):
    from bpstudio.engine.config import RunConfig

    window = open_studio(RunConfig(dataset="spiral", samples=100, hidden=(8, 8), loss="cross-entropy"))
    window.resize(1920, 1080)
    window.findChild(QAction, "presentation").setChecked(True)
    formula = typeset(window)  # W0[0,0] of 2-8-8-2: 64 paths
    room = formula.max_height
    assert room is not None and formula.natural_size().height() > room  # it cannot fit the panel at its own size
    assert formula.scale_for(formula.width()) >= 1.0  # yet it is not shrunk to dust: its own size, at least
    qtbot.waitUntil(lambda: window.inspector.verticalScrollBar().maximum() > 0, timeout=5000)
    window.findChild(QAction, "presentation").setChecked(False)


def test_the_phase_sample_tag_has_its_own_strip_under_the_network_after_any_resize(qtbot, window):
    """On a short projector screen the tag covered the lower nodes, and it stayed put when the view grew."""
    view = window.network_view
    window.resize(1366, 768)
    for _ in range(4):
        press(qtbot, window, "step_phase")
    tag = view.sample_tag
    qtbot.waitUntil(tag.isVisible, timeout=5000)

    def network_on_screen():
        return view.mapFromScene(view.scene().itemsBoundingRect()).boundingRect()

    for sizes in ([200, 300], [420, 280]):
        window.splitter.setSizes(sizes)
        qtbot.waitUntil(lambda: view.viewport().height() > 0, timeout=2000)
        assert tag.geometry().bottom() <= view.viewport().geometry().bottom()
        assert tag.geometry().bottom() >= view.viewport().geometry().bottom() - 12  # at the bottom, where it was put
        assert not network_on_screen().intersects(tag.geometry()), sizes
    before = network_on_screen()
    view.show_phase(None)  # the walk is over: no sample to name, the strip goes back to the network
    assert not tag.isVisible() and network_on_screen().height() > before.height()


def test_on_a_projector_the_plot_keeps_room_for_readable_ticks(qtbot, window):
    window.resize(1366, 768)
    window.menus.presentation.setChecked(True)
    assert window.plot.minimumHeight() >= 150
    window.menus.presentation.setChecked(False)
    assert window.plot.minimumHeight() == 0


def test_at_the_update_the_weights_label_gives_its_step_and_leaves_its_node_free(qtbot, window):
    view = window.network_view
    view.select_param(0)
    for _ in range(6):
        press(qtbot, window, "step_phase")
    assert window.last.phase.kind == "update"
    tag = view.selection_tag
    text = tag.toPlainText()
    before, after = window.last.phase.weights_before[0], window.last.phase.weights_after[0]
    assert "Δ −0.001" in text and f"{before:.5f} → {after:.5f}".replace("-", "−") in text  # Adam's step is about α
    target = view.nodes[view.weight_edges[0].edge.target]
    assert not tag.sceneBoundingRect().intersects(target.sceneBoundingRect())


def overlaps_of(view, texts):
    """(text, node) pairs where a node's tag or value lies over another node's circle."""
    found = []
    for owner, text in texts:
        for node, item in view.nodes.items():
            if item is not owner and text.sceneBoundingRect().intersects(item.sceneBoundingRect()):
                found.append((text.toPlainText(), node.name))
    return found


def test_source_and_sink_tags_and_phase_values_leave_the_neighbouring_nodes_free(qtbot, open_studio):
    from bpstudio.control.learning.lessons import LESSONS_BY_KEY

    win = open_studio(LESSONS_BY_KEY["xor_hidden"].config.with_changes(hidden=(4,)))  # two softmax sources, two sinks
    view = win.network_view
    view.select_param(0)
    tags = [(item, item.role_tag) for item in view.nodes.values() if item.role_tag.isVisible()]
    assert len(tags) >= 4 and overlaps_of(view, tags) == []
    press(qtbot, win, "step_phase")  # the forward pass writes each node's value under it
    values = [(item, item.annotation) for item in view.nodes.values() if item.annotation.isVisible()]
    assert len(values) >= 4 and overlaps_of(view, values) == []
