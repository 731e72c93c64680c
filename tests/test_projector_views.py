"""Presentation size, the board view and the diagram's texts on a projector (offscreen; issue 24)."""

from __future__ import annotations

from projector_metrics import diagram_texts
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFontMetricsF
from PySide6.QtWidgets import QApplication, QWidget

from bpstudio.control.learning.lessons import LESSONS_BY_KEY
from bpstudio.qt.shell.appearance import automatic_digit_px, digit_px_for, pixel_size_for_cap
from bpstudio.qt.shell.background import BackgroundWorker


def settle(qtbot, window):
    for _ in range(3):
        assert BackgroundWorker.shared().wait_idle()
        qtbot.wait(10)  # queued answers of the background worker reach the views


def test_the_automatic_size_follows_the_screens_height():
    assert automatic_digit_px(768) == 14 and automatic_digit_px(1080) == 18 and automatic_digit_px(1440) == 22
    assert digit_px_for("auto", 1080) == 18 and digit_px_for("huge", 768) == 22


def test_a_font_sized_for_a_cap_height_reaches_it(qapp):
    from PySide6.QtGui import QFont

    for cap in (12, 14, 18, 22):
        font = QFont()
        font.setPixelSize(pixel_size_for_cap(cap))
        assert QFontMetricsF(font).capHeight() >= cap
        assert font.pixelSize() * 0.72 >= cap - 0.5  # the outline's capitals too, not only the hinted metric


def test_every_text_of_the_diagram_reaches_the_chosen_size_and_follows_a_new_one(qtbot, open_studio):
    window = open_studio()
    window.resize(1366, 768)
    window.model.select(0)
    window.findChild(QAction, "presentation").setChecked(True)
    for size, digit in (("medium", 14), ("large", 18)):
        window.findChild(QAction, f"size_{size}").trigger()
        assert window.look.digit_px == digit
        texts = diagram_texts(window.network_view)
        assert len(texts) >= 20
        assert min(cap for _text, cap in texts) >= digit - 0.01
        assert QFontMetricsF(QApplication.font()).capHeight() >= digit  # the widgets' digits too
    window.findChild(QAction, "presentation").setChecked(False)
    assert window.look.digit_px == 0 and QFontMetricsF(QApplication.font()).capHeight() < 14


def test_on_a_projector_the_diagram_scrolls_rather_than_shrink(qtbot, open_studio):
    window = open_studio()
    window.resize(1000, 600)  # too small for the network at 14 px
    window.findChild(QAction, "presentation").setChecked(True)
    view = window.network_view
    assert view.transform().m22() >= 1.0
    for _ in range(5):
        qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.transform().m22() >= 1.0 - 1e-9  # zooming out stops at 1:1
    assert min(cap for _text, cap in diagram_texts(view)) >= 14 - 0.01


def test_the_board_view_shows_the_chain_alone_on_a_third_of_the_window_and_the_same_key_goes_back(qtbot, open_studio):
    window = open_studio()
    window.resize(1366, 768)
    window.model.select(0)
    settle(qtbot, window)
    board = window.findChild(QAction, "board_view")
    assert board.shortcut().toString() not in ("B", ".")  # those blank the screen on a presenter's remote
    before = (window.saveState(), window.controls_dock.isVisible())
    board.trigger()
    formula = window.findChild(QWidget, "chain_formula")
    qtbot.waitUntil(lambda: formula.isVisible() and not window.centralWidget().isVisible(), timeout=5000)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: formula.width() * formula.height() >= window.width() * window.height() / 3, timeout=5000)
    assert not window.controls_dock.isVisible() and not window.inspector.step_box.isVisible()
    assert formula.scale_for(formula.width()) >= 1.5  # numbers large: 18 px digits at the least
    board.trigger()
    qtbot.waitUntil(lambda: window.centralWidget().isVisible() and window.controls_dock.isVisible() == before[1], timeout=5000)
    assert window.inspector.step_box.isVisible()


def test_the_sink_tag_in_chinese_lies_wholly_above_its_ring(qtbot, open_studio):
    window = open_studio()
    window.languages.set_language("zh_CN")
    window.model.select(0)
    loss = next(item for node, item in window.network_view.nodes.items() if node.kind == "L")
    assert loss.role_tag.isVisible() and "汇" in loss.role_tag.toPlainText()
    ring_top = loss.sceneBoundingRect().top() + loss.pen().widthF() / 2
    assert loss.role_tag.sceneBoundingRect().bottom() <= ring_top + 0.5


def test_a_lesson_on_a_projector_folds_its_text_to_one_line_that_opens_on_demand(qtbot, open_studio):
    window = open_studio()
    window.findChild(QAction, "presentation").setChecked(True)
    window.lessons.choose(LESSONS_BY_KEY["xor_hidden"])
    box = window.lesson_box
    qtbot.waitUntil(lambda: box.isVisible(), timeout=5000)
    assert not box.text.isVisible() and box.expand_button.isVisible()
    box.expand_button.click()
    assert box.text.isVisible()
    window.findChild(QAction, "presentation").setChecked(False)
    assert box.text.isVisible() and not box.expand_button.isVisible()


def test_in_the_loss_phase_no_value_runs_into_another_on_a_projector(qtbot, open_studio):
    """F5 at phase 3: the middle output's "ŷ − y = 0.4246" ran under the sink's "L = 1.143" (read as one number)."""
    from bpstudio.control.words.vocabulary import LOSS as LOSS_PHASE

    window = open_studio()
    window.resize(1366, 768)
    window.model.select(0)
    window.findChild(QAction, "presentation").setChecked(True)
    view = window.network_view
    for _ in range(3):
        window.gestures.step_phase()
    qtbot.waitUntil(lambda: view.phase is not None and view.phase.kind == LOSS_PHASE, timeout=5000)
    values = [item.annotation.sceneBoundingRect() for item in view.nodes.values() if item.annotation.isVisible()]
    assert len(values) == 4  # L and the three outputs' errors
    assert all(not a.intersects(b) for i, a in enumerate(values) for b in values[i + 1 :])


def cut_labels(widget: QWidget) -> list[str]:
    """The visible word-wrapped labels under ``widget`` that are shorter than their wrapped text needs."""
    from PySide6.QtWidgets import QLabel

    return [
        f"{label.objectName() or label.text()[:40]}: {label.height()} < {label.heightForWidth(label.width())}"
        for label in widget.findChildren(QLabel)
        if label.isVisibleTo(widget) and label.wordWrap() and label.height() < label.heightForWidth(label.width())
    ]


def test_on_a_projector_no_sentence_of_the_inspector_is_cut_in_half(qtbot, open_studio):
    """F5 at 1920×1080 once left the Terms box at its one-line size: each sentence's last line half hidden."""
    window = open_studio()
    window.resize(1376, 1010)
    window.findChild(QAction, "presentation").setChecked(True)
    for language in ("language_en", "language_zh_CN"):
        window.findChild(QAction, language).trigger()
        settle(qtbot, window)

        def nothing_cut():
            assert not cut_labels(window.inspector.widget())  # the last failure names the labels

        qtbot.waitUntil(nothing_cut, timeout=3000)
    assert window.inspector.terms.height() >= window.inspector.terms.heightForWidth(window.inspector.terms.width())
