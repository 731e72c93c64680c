"""The chain's typesetting while a net trains: done only where it is read, and right when the run stops."""

import os
import sys
import threading
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from bpstudio.control.export.typeset import Colours, board_svg, links_svg, number_text
from bpstudio.engine.chain import InfluenceChain
from bpstudio.engine.chain_board import basic_links, board
from bpstudio.engine.config import RunConfig
from bpstudio.qt.shell.background import BackgroundWorker

SVG = "{http://www.w3.org/2000/svg}"


def texts(svg: str) -> dict[str, str]:
    """Every text element of a typeset document that has an id: id -> its words."""
    root = ET.fromstring(svg)
    return {element.get("id"): element.text for element in root.iter(f"{SVG}text") if element.get("id")}


def article_chain(weights=None):
    problem = RunConfig().problem()
    net = problem.network
    chain = InfluenceChain.of(net, net.param_location(0))
    numbers = chain.evaluate(problem.start if weights is None else weights, problem.dataset, sample=0)
    return chain, numbers


def chain_values(numbers) -> set[str]:
    """The numbers a board may write under a factor: a basic link's local derivative or ∂L/∂ of a node."""
    return {number_text(value) for value in (*numbers.edge_values.values(), *numbers.node_gradients.values())}


def test_a_document_joined_from_text_is_well_formed_and_keeps_the_words_it_was_given():
    chain, numbers = article_chain()
    tag = 'source Σ: <sum> & "branches"'
    svg = board_svg(
        board(chain, numbers), Colours(), {"source": tag, "sink": "sink"}, notes={0: "why < 0\nsecond & last"}, background="#fff"
    )
    root = ET.fromstring(svg)  # parses: every piece's text is whole, every attribute quoted and escaped
    assert root.tag == f"{SVG}svg"
    assert float(root.get("width")) > 0 and root.get("viewBox").startswith("0 0 ")
    words = [element.text for element in root.iter(f"{SVG}text")]
    assert tag in words and "why < 0" in words and "second & last" in words
    ids = [element.get("id") for element in root.iter() if element.get("id")]
    assert len(ids) == len(set(ids))
    # under each factor, its number, from the chain's own numbers
    by_id = texts(svg)
    factors = [name for name in by_id if name.startswith("factor-") and name.endswith("-n")]
    assert factors
    assert all(by_id[name] in chain_values(numbers) for name in factors)
    links = ET.fromstring(links_svg(basic_links(chain, numbers), Colours(), reasons=["a < b"] * 99))
    assert any(element.text == "a < b" for element in links.iter(f"{SVG}text"))


def test_a_training_chain_behind_the_decision_maps_tab_is_typeset_when_it_comes_into_sight(qtbot, open_studio):
    """While the map is in front, the training net's chain is shown to nobody; raised, it is; paused, it is exact."""
    window = open_studio(RunConfig(max_iter=10_000_000))
    inspector = window.inspector
    qtbot.waitUntil(lambda: inspector.view is not None and "factor-" in inspector.formula.svg_text, timeout=20000)
    start_svg = inspector.formula.svg_text
    window.unit_views.show_map()
    qtbot.waitUntil(lambda: inspector.visibleRegion().isEmpty(), timeout=5000)

    asked: list[int] = []
    typeset = inspector.formula.typeset
    inspector.formula.typeset = lambda make: (asked.append(window.model.chain_view.iteration), typeset(make))
    start_view = inspector.view
    window.gestures.run()
    model = window.model
    qtbot.waitUntil(lambda: model.chain_view is not None and not model.chain_view.exact, timeout=20000)  # a live view came
    assert asked == [] and inspector.formula.svg_text == start_svg  # read by nobody, typeset for nobody
    assert inspector.view is start_view  # nor its table and labels filled

    window.inspector_dock.raise_()  # in sight while it trains: the newest live numbers, once
    qtbot.waitUntil(lambda: len(asked) == 1 and inspector.formula.svg_text != start_svg, timeout=20000)
    assert not inspector.view.exact
    window.unit_views.show_map()
    qtbot.waitUntil(lambda: inspector.visibleRegion().isEmpty(), timeout=5000)

    window.gestures.pause()  # paused behind the map: its exact numbers are typeset at once, ready for the tab
    qtbot.waitUntil(lambda: window.last.state.name == "PAUSED", timeout=10000)
    paused = window.last
    qtbot.waitUntil(lambda: inspector.view is not None and inspector.view.exact, timeout=20000)
    assert inspector.view.iteration == paused.iteration
    assert BackgroundWorker.shared().wait_idle() and BackgroundWorker.shared().wait_idle()
    assert asked[-1] == paused.iteration
    chain, numbers = article_chain(np.asarray(paused.snapshot.weights))
    assert chain.param == inspector.view.chain.param
    shown = texts(inspector.formula.svg_text)
    factors = [name for name in shown if name.startswith("factor-") and name.endswith("-n")]
    assert factors and all(shown[name] in chain_values(numbers) for name in factors)
    start = chain_values(article_chain()[1])
    assert any(shown[name] not in start for name in factors)  # the paused run's numbers, not the start's


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread niceness is Linux's")
def test_the_background_threads_yield_the_processor_to_the_gui_thread(qtbot):
    """Typesetting and pictures are nicer than the window: on a busy machine the event loop answers first."""
    worker = BackgroundWorker.shared()
    done = []
    worker.submit("niceness-check", lambda: os.getpriority(os.PRIO_PROCESS, threading.get_native_id()), done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    gui = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    assert done[0] > gui or done[0] == 19  # nicer, unless the GUI thread is already as nice as can be
    assert worker.native_id is not None and os.getpriority(os.PRIO_PROCESS, worker.native_id) == done[0]
