"""The guided first run: completed by doing what it asks, or skipped."""

from PySide6.QtGui import QFontMetricsF

from bpstudio.control import SetSetting
from bpstudio.engine.config import RunConfig


def test_tour_completes_by_doing_the_steps(qtbot, open_studio):
    win = open_studio(RunConfig(hidden=(4,), max_iter=40))
    done = []
    win.tour.finished.connect(done.append)
    win.network_view.select_param(5)
    win.tour.start()
    # it sets up what it describes: the article's run, iteration 0, no weight chosen yet
    qtbot.waitUntil(lambda: win.last.config == RunConfig() and win.last.iteration == 0, timeout=5000)
    assert win.model.selected is None and win.tour.index == 0
    assert win.tour.isVisible() and "Choose a weight" in win.tour.title.text()
    assert "5 tanh units" in win.tour.text.text()  # read from the network on screen
    win.training.submit(SetSetting("max_iter", 40))  # a short run for the test
    qtbot.waitUntil(lambda: win.last.config.max_iter == 40, timeout=5000)
    win.network_view.select_param(0)  # the step asks for w_11^(0)
    qtbot.waitUntil(lambda: win.tour.index == 1, timeout=5000)
    assert "its 3 branches" in win.tour.text.text()
    win.tour.next.click()  # step 2 is reading: moved on by hand
    for _ in range(6):
        with qtbot.waitSignal(win.training.updated, timeout=5000):
            win.gestures.step_phase()
    qtbot.waitUntil(lambda: win.tour.index == 3, timeout=5000)
    win.gestures.run()
    qtbot.waitUntil(lambda: win.tour.index == 4, timeout=10000)
    assert "solution" in win.plot.getPlotItem().titleLabel.text
    win.tour.next.click()
    assert done == [True] and not win.tour.isVisible()


def test_tour_can_be_skipped(qtbot, open_studio):
    win = open_studio()
    done = []
    win.tour.finished.connect(done.append)
    win.tour.start()
    win.tour.skip.click()
    assert done == [False] and not win.tour.isVisible()


def test_first_start_offers_the_tour_once(qtbot, open_studio):
    from bpstudio.qt.shell.studio_settings import studio_settings_store

    studio_settings_store().remove("tour_seen")
    first = open_studio(restore_settings=True)
    qtbot.waitUntil(lambda: first.tour.isVisible(), timeout=5000)
    first.tour.skip.click()
    assert first.tour_offered
    second = open_studio(restore_settings=True)
    assert not second.tour_offered


def test_restarting_the_tour_from_help_brings_the_article_back(qtbot, open_studio):
    win = open_studio(RunConfig(hidden=(3,), max_iter=40))
    with qtbot.waitSignal(win.training.updated, timeout=5000):
        win.training.step(3)
    win.findChild(__import__("PySide6.QtGui", fromlist=["QAction"]).QAction, "guided_tour_action").trigger()
    qtbot.waitUntil(lambda: win.last.config == RunConfig() and win.last.iteration == 0, timeout=5000)
    assert win.tour.isVisible() and win.tour.index == 0 and win.model.selected is None


def test_the_tour_text_grows_with_presentation_mode(qtbot, open_studio):
    win = open_studio()
    win.tour.start(set_up=False)
    before = QFontMetricsF(win.tour.text.font()).capHeight()
    win.menus.presentation.setChecked(True)
    assert QFontMetricsF(win.tour.text.font()).capHeight() > 1.2 * before  # read from the back row, like the lesson box
    win.menus.presentation.setChecked(False)
    assert QFontMetricsF(win.tour.text.font()).capHeight() == before


def test_the_tour_says_iteration_as_the_studio_does_in_both_languages(qtbot, open_studio):
    """The studio's runs count iterations everywhere (plot axis, status bar): the tour says so too, not "epoch"."""
    from PySide6.QtCore import QCoreApplication

    from bpstudio.qt.learning.guided_tour import article_steps

    win = open_studio()
    try:
        for language, word, foreign in (("en", "iteration", ("epoch",)), ("zh_CN", "迭代", ("epoch", "轮次"))):
            win.languages.set_language(language)
            texts = [QCoreApplication.translate("GuidedTour", step.text) for step in article_steps()]
            last = texts[-1]
            assert word in last and "JVal" in last
            assert not any(term in text.lower() for text in texts for term in foreign)
    finally:
        win.languages.set_language("en")
