"""The inspector for a student alone: terms defined, the sample beside its numbers, and how one
sample's value becomes the all-samples gradient — in both languages."""

import html
import re

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QAction, QHelpEvent
from PySide6.QtWidgets import QApplication, QGroupBox, QLabel, QPushButton, QToolTip

from bpstudio.control import Step, TrainingSession
from bpstudio.control.words.optimizer_lines import optimizer_lines
from bpstudio.engine.config import RunConfig
from bpstudio.engine.optimizer_step import optimizer_step
from bpstudio.engine.propagation import predict
from bpstudio.qt.shell.background import BackgroundWorker


def chosen(qtbot, win, index=0):
    """Select a parameter and wait until its numbers and its typeset formula are in."""
    win.network_view.select_param(index)
    qtbot.waitUntil(lambda: win.inspector.view is not None and win.inspector.view.index == index, timeout=10000)
    qtbot.waitUntil(lambda: "tag-" in win.inspector.formula.svg_text, timeout=20000)
    return win.inspector


def visible_text(widget):
    """Every word a reader sees in a widget tree: labels, titles, buttons, table headers."""
    texts = [w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QPushButton)]
    texts += [box.title() for box in widget.findChildren(QGroupBox)]
    paths = widget.paths
    texts += [paths.horizontalHeaderItem(c).text() for c in range(paths.columnCount())]
    for view in (widget.formula, widget.links, widget.step_view):  # words written into the typeset SVGs
        texts += re.findall(r"<text[^>]*>([^<]*)</text>", view.svg_text)
    return "\n".join(html.unescape(re.sub(r"<[^>]+>", " ", t)) for t in texts)


def test_terms_box_defines_source_sink_and_basic_link_in_both_languages(qtbot, open_studio):
    win = open_studio()
    terms = win.inspector.terms
    assert terms.objectName() == "terms_box" and terms.isVisibleTo(win.inspector)
    texts = {key: label.text() for key, label in terms.labels.items()}
    assert "Source (源)" in texts["source"] and "summed" in texts["source"]
    assert "Sink (汇)" in texts["sink"] and "upstream" in texts["sink"]
    assert "Basic link (基础影响链路)" in texts["basic_link"] and "∂b/∂a" in texts["basic_link"]
    win.findChild(QAction, "language_zh_CN").trigger()
    texts = {key: label.text() for key, label in terms.labels.items()}
    assert "源（source）" in texts["source"] and "求和" in texts["source"]
    assert "汇（sink）" in texts["sink"]
    assert "基础影响链路（basic link）" in texts["basic_link"] and "局部导数" in texts["basic_link"]
    assert terms.title() == "术语"


def hover_tip(view, element):
    """The tooltip the formula view shows when the mouse rests on an element."""
    at = view.element_centre(element)
    assert view.element_at(at) == element
    QApplication.sendEvent(view, QHelpEvent(QEvent.ToolTip, at, view.mapToGlobal(at)))
    return QToolTip.text()


def test_the_formulas_source_and_sink_tags_explain_themselves(qtbot, open_studio):
    win = open_studio(RunConfig(hidden=(4, 3)))  # two hidden layers: the chain has sources and sinks
    inspector = chosen(qtbot, win, 0)
    qtbot.waitUntil(lambda: "tag-sink" in inspector.formula.svg_text, timeout=20000)
    view = inspector.formula
    ids = re.findall(r'id="(tag-(?:source|sink)-\d+)"', view.svg_text)
    assert any(i.startswith("tag-source") for i in ids) and any(i.startswith("tag-sink") for i in ids)
    for element in ids:
        tip = hover_tip(view, element)
        assert tip.startswith("Source (源)" if "source" in element else "Sink (汇)"), (element, tip)
    # a factor is no tag: resting there says nothing
    assert view.element_at(QPoint(view.width() - 2, view.height() - 2)) is None
    win.findChild(QAction, "language_zh_CN").trigger()
    qtbot.waitUntil(lambda: "源" in view.svg_text, timeout=20000)
    source = next(i for i in re.findall(r'id="(tag-source-\d+)"', view.svg_text))
    assert hover_tip(view, source).startswith("源（source）")
    QToolTip.hideText()


def test_beside_the_sample_its_inputs_prediction_and_target(qtbot, open_studio):
    win = open_studio()
    win.findChild(QAction, "digits_6").trigger()  # View ▸ Digits: six significant digits (the default is four)
    inspector = chosen(qtbot, win)
    inspector.sample_box.setValue(7)
    qtbot.waitUntil(lambda: inspector.view.sample == 7, timeout=10000)
    problem = win.problem
    data = problem.dataset
    predicted = predict(problem.network, win.last.snapshot.weights, data.inputs[7:8])[0]
    text = inspector.sample_inputs.text() + inspector.sample_info.text()
    assert "prediction ŷ" in text and "target" in text
    for value in (*data.inputs[7], *predicted, *data.targets[7]):
        assert f"{value:.6g}".replace("-", "−") in text
    assert text.index("prediction ŷ") < text.index("target")


def test_every_samples_term_adds_up_to_the_gradient_in_the_inspector(qtbot, open_studio):
    win = open_studio()
    win.findChild(QAction, "digits_6").trigger()  # View ▸ Digits: six significant digits (the default is four)
    with qtbot.waitSignal(win.training.updated, timeout=5000):
        win.findChild(QAction, "step").trigger()
    inspector = chosen(qtbot, win, 2)
    qtbot.waitUntil(lambda: inspector.view.iteration == 1, timeout=10000)
    sums = inspector.sums
    terms = inspector.view.contributions
    assert sums.terms is terms and terms.n_samples == 1000
    # the engine's own gradient of JVal (the trainer's), as an independent total
    trainer = win.training.session.trainer
    from bpstudio.engine.propagation import jval_and_gradient

    _, gradient = jval_and_gradient(trainer.network, win.last.snapshot.weights, trainer.dataset.inputs_aug, trainer.dataset.targets_t)
    assert terms.total == pytest.approx(gradient[2], rel=1e-10)
    shown_total = f"{gradient[2]:.6g}".replace("-", "−")
    assert shown_total in sums.total.text() and "∂JVal/∂" in sums.total.text()
    listed = re.findall(r"sample (\d+)</td><td align='right'>&nbsp;&nbsp;([−\d.e+]+)", sums.largest.text())
    assert len(listed) == 5
    by_size = np.argsort(-np.abs(terms.values))[:5]
    assert [int(s) for s, _ in listed] == list(by_size)
    histogram = sums.histogram
    assert histogram.isVisibleTo(win.inspector) and sum(histogram.terms.counts) == 1000
    busiest = int(np.argmax(terms.counts))
    rect = histogram._plot_rect()
    x = rect.left() + (busiest + 0.5) * rect.width() / len(terms.counts)
    assert histogram.bin_at(x) == busiest
    QApplication.sendEvent(
        histogram, QHelpEvent(QEvent.ToolTip, QPoint(round(x), round(rect.center().y())), histogram.mapToGlobal(QPoint(round(x), 5)))
    )
    assert QToolTip.text().startswith(f"{terms.counts[busiest]} samples")
    QToolTip.hideText()
    image = histogram.grab().toImage()  # the bars are drawn: blue or vermillion pixels
    colours = {image.pixelColor(px, py).name() for px in range(0, image.width(), 3) for py in range(0, image.height(), 3)}
    assert colours & {"#0072b2", "#d55e00"}
    inspector.sample_box.setValue(14)
    qtbot.waitUntil(lambda: inspector.view.sample == 14 and sums.sample == 14, timeout=10000)
    assert f"{terms.value_of(14):.6g}".replace("-", "−") in sums.note.text()
    assert histogram.sample == 14


def test_a_node_readout_goes_when_the_sample_changes(qtbot, open_studio):
    win = open_studio()
    inspector = chosen(qtbot, win)
    with qtbot.waitSignal(win.model_signals.node_ready, timeout=10000):
        win.model.request_node("O1[0]")
    assert "sample 0" in inspector.node_info.text()
    inspector.sample_box.setValue(3)
    assert inspector.node_info.text() == ""


ALLOWED = {"LaTeX", "JVal", "Adam", "tanh", "sign", "lv"}  # names, not words of a language


def test_the_chinese_inspector_has_no_english_left(qtbot, open_studio):
    win = open_studio()
    with qtbot.waitSignal(win.training.updated, timeout=5000):
        win.findChild(QAction, "step").trigger()
    win.findChild(QAction, "language_zh_CN").trigger()
    inspector = chosen(qtbot, win, 0)
    qtbot.waitUntil(lambda: inspector.view.exact and inspector.step_note.text() != "", timeout=10000)
    qtbot.waitUntil(lambda: "源" in inspector.formula.svg_text, timeout=20000)  # typeset again in Chinese
    # the links' reasons are typeset by a job of their own, which may come after the board's
    assert BackgroundWorker.shared().wait_idle(20)
    text = visible_text(inspector)
    text = text.replace(inspector.chain.name, "")  # the parameter's code name, e.g. W0[0,0]
    text = re.sub(r"（[A-Za-z ]+）", "", text)  # a term's English gloss, as in 源（source）, is meant
    words = {w for w in re.findall(r"[A-Za-z]{3,}", text)} - ALLOWED
    assert not words, words


@pytest.mark.parametrize("optimizer", ["adam", "momentum", "gd"])
def test_the_typeset_optimizer_step_holds_no_english(optimizer):
    """Its lines are typeset as they are, in either language: notation only, no words."""
    session = TrainingSession(RunConfig(samples=20, optimizer=optimizer))
    session.execute(Step(2))
    snapshot = session.update(False).snapshot
    lines = optimizer_lines(optimizer_step(snapshot, 0), optimizer, dict(snapshot.hyper))
    assert len(lines) >= 5
    for left, formula, _ in lines:
        bare = re.sub(r"\\[A-Za-z]+", " ", left + " " + formula)
        assert not re.findall(r"[A-Za-z]{2,}", bare), (left, formula)


def test_every_basic_link_has_its_reason():
    from bpstudio.control.words import link_reasons as why
    from bpstudio.engine.activations import IDENTITY, SOFTMAX, TANH
    from bpstudio.engine.chain import InfluenceChain
    from bpstudio.engine.graph import ACTIVATION, LOSS_LINK, PARAMETER, WEIGHT
    from bpstudio.engine.losses import LOSSES

    net = RunConfig().problem().network  # the article's: tanh hidden layer, linear outputs, ½(ŷ − y)²
    chain = InfluenceChain.of(net, net.param_location(0))
    reasons = {edge: why.link_reason(edge, net) for edge in chain.edges}
    assert all(reasons.values())
    kinds = {(edge.kind, edge.source.layer): reason for edge, reason in reasons.items()}
    assert kinds[(PARAMETER, 0)] == why.INPUT
    assert kinds[(ACTIVATION, 1)] == TANH.reason and "1 − O²" in TANH.reason
    assert kinds[(ACTIVATION, 2)] == IDENTITY.reason  # the output layer is linear: the factor is 1
    assert kinds[(WEIGHT, 1)] == why.WEIGHT_LINK
    assert {r for (kind, _), r in kinds.items() if kind == LOSS_LINK} == {LOSSES["mse"].reason}
    bias = net.param_index(0, net.shapes[0][0] - 1, 0)  # b₁⁽⁰⁾
    bias_chain = InfluenceChain.of(net, net.param_location(bias))
    assert why.BIAS_INPUT in {why.link_reason(e, net) for e in bias_chain.edges}
    classes = RunConfig(dataset="xor", loss="cross-entropy").problem().network
    class_chain = InfluenceChain.of(classes, classes.param_location(0))
    found = {why.link_reason(e, classes) for e in class_chain.edges}
    assert SOFTMAX.reason in found and LOSSES["cross-entropy"].reason in found


def test_the_links_box_writes_each_reason_in_the_windows_language(qtbot, open_studio):
    win = open_studio()
    inspector = chosen(qtbot, win, 0)
    qtbot.waitUntil(lambda: "linear in w" in inspector.links.svg_text, timeout=20000)
    assert "1 − O²" in inspector.links.svg_text and "O = I" in inspector.links.svg_text
    win.findChild(QAction, "language_zh_CN").trigger()
    qtbot.waitUntil(lambda: "斜率就是这个权重所乘的输入" in inspector.links.svg_text, timeout=20000)
    assert "所以该因子为 1" in inspector.links.svg_text


def test_the_running_product_is_shown_under_the_formula(qtbot, open_studio):
    from PySide6.QtWidgets import QLabel

    from bpstudio.control.export.typeset import number_text

    win = open_studio()
    qtbot.waitUntil(lambda: win.model.chain_view is not None, timeout=10000)
    label = win.findChild(QLabel, "running_product")
    qtbot.waitUntil(lambda: label.text() != "", timeout=10000)
    row = win.model.chain_view.blocks[0].rows[0]
    assert label.text().startswith("Step by step: ")
    # "=", or "≈" where the shown numbers multiplied miss the shown product (tests/test_digits.py checks which)
    assert label.text().endswith(("= " + number_text(row.value), "≈ " + number_text(row.value)))
