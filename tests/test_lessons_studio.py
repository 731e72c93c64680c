"""The Lessons menu sets up what each lesson's text talks about, in the current language."""

import pytest
from PySide6.QtGui import QAction, QFontMetricsF, QTextDocumentFragment
from PySide6.QtWidgets import QLabel, QMenu, QToolButton

from bpstudio.control import RunState
from bpstudio.control.learning.lessons import LESSONS, LESSONS_BY_KEY
from bpstudio.engine.config import RunConfig


def choose(qtbot, window, key):
    window.findChild(QAction, f"lesson_{key}").trigger()
    lesson = LESSONS_BY_KEY[key]
    qtbot.waitUntil(
        lambda: window.last.config == lesson.config and window.last.iteration == 0 and window.model.selected == lesson.param_index(),
        timeout=10000,
    )
    return lesson


def test_the_menu_lists_every_lesson(open_studio):
    window = open_studio()
    menu = window.findChild(QMenu, "lessons")
    assert menu is not None and menu.title() == "L&essons"
    names = [action.objectName() for action in menu.actions()]
    assert names == [f"lesson_{lesson.key}" for lesson in LESSONS]
    assert [a.text() for a in menu.actions()][:2] == ["The article's experiment", "α too large"]


@pytest.mark.parametrize("key", [lesson.key for lesson in LESSONS])
def test_each_lesson_opens_paused_at_iteration_0_with_its_weight_and_text(qtbot, open_studio, key):
    window = open_studio()
    lesson = choose(qtbot, window, key)
    assert window.last.state is RunState.IDLE
    assert window.network_view.selected_param == lesson.param_index()
    box = window.lesson_box
    assert box.isVisible()
    shown = QTextDocumentFragment.fromHtml(box.findChild(QLabel, "lesson_text").text()).toPlainText()
    assert shown == lesson.text  # every word, with a norm like ‖∂L/∂W⁽ˡ⁾‖ kept on one line
    with qtbot.waitSignal(window.training.updated, timeout=10000):
        window.gestures.step()
    qtbot.waitUntil(lambda: window.last.iteration == 1, timeout=10000)


def test_a_lesson_chosen_while_running_stops_and_goes_back_to_the_start(qtbot, open_studio):
    window = open_studio()
    window.gestures.run()
    qtbot.waitUntil(lambda: window.last.iteration > 20, timeout=10000)
    choose(qtbot, window, "article")  # the same network: only reset and the weight chosen
    qtbot.waitUntil(lambda: window.last.state is RunState.IDLE, timeout=10000)
    assert window.model.selected == 0


def test_the_softmax_lesson_shows_the_output_inputs_as_sources(qtbot, open_studio):
    window = open_studio()
    choose(qtbot, window, "softmax_sources")
    sources = {node.name for node in window.network_view.chain.sources}
    assert "I2[0]" in sources


def test_the_lesson_text_follows_the_language_and_can_be_put_away(qtbot, open_studio):
    window = open_studio()
    choose(qtbot, window, "xor_hidden")
    title = window.lesson_box.findChild(QLabel, "lesson_title")
    assert "XOR needs a hidden layer" in title.text()
    window.languages.set_language("zh_CN")
    assert "异或" in title.text() and window.findChild(QMenu, "lessons").title() != "L&essons"
    assert window.findChild(QAction, "lesson_xor_hidden").text() != "XOR needs a hidden layer"
    window.languages.set_language("en")
    assert "XOR needs a hidden layer" in title.text()
    window.lesson_box.findChild(QToolButton, "lesson_close").click()
    assert not window.lesson_box.isVisible()


def test_the_guided_tour_still_sets_up_the_article_with_nothing_chosen(qtbot, open_studio):
    window = open_studio(RunConfig(dataset="xor", loss="cross-entropy", hidden=(3,)))
    window.tour.restart()
    qtbot.waitUntil(lambda: window.last.config == RunConfig() and window.last.iteration == 0, timeout=10000)
    assert window.model.selected is None


def test_the_lesson_text_grows_with_presentation_mode(qtbot, open_studio):
    window = open_studio()
    choose(qtbot, window, "zero_start")
    text = window.lesson_box.findChild(QLabel, "lesson_text")
    before = QFontMetricsF(text.font()).capHeight()
    window.menus.presentation.setChecked(True)
    assert QFontMetricsF(text.font()).capHeight() > 1.2 * before  # read from the back row, like the menus
    window.menus.presentation.setChecked(False)
    assert QFontMetricsF(text.font()).capHeight() == before


def test_a_norm_in_a_lessons_text_never_breaks_across_lines():
    from bpstudio.qt.learning.lessons_menu import unbroken_norms

    text = unbroken_norms("each layer's ‖∂L/∂W⁽ˡ⁾‖ falls, and x < 0 <b>stays</b> text")
    assert "<span style='white-space:nowrap'>‖∂L/∂W⁽ˡ⁾‖</span>" in text
    assert "x &lt; 0 &lt;b&gt;stays&lt;/b&gt; text" in text  # the rest is text, not markup
