"""Help ▸ Manual (F1) opens offline, in English and in Chinese, written for a student alone."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from bpstudio.qt.learning.manual import manual_markdown

TERMS = ("Õ⁽ˡ⁾", "Iⱼ⁽ˡ⁾", "Oⱼ⁽ˡ⁾", "W̃⁽ˡ⁾", "wᵢⱼ⁽ˡ⁾", "bⱼ⁽ˡ⁾", "JVal", "源", "汇", "基础影响链路", "影响链路")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_both_manuals_map_the_articles_symbols_to_the_window(language):
    text = manual_markdown(language)
    table = text[text.index("| O⁽⁰⁾ = (r, g, b)") :]
    table = table[: table.index("\n\n")]
    for term in TERMS:
        assert term in table, term
    assert table.count("\n") >= len(TERMS) - 1  # one row per symbol
    assert "optimizer_step" in text and "F1" in text


def test_the_manual_opens_in_the_windows_language(qtbot, open_studio):
    win = open_studio()
    action = win.findChild(QAction, "manual")
    assert action is not None and action.shortcut() == QKeySequence(Qt.Key_F1)
    assert action in win.menus.menu("menu_help").actions()
    action.trigger()
    manual = win.menus.manual.manual
    qtbot.waitUntil(manual.isVisible, timeout=5000)
    text = manual.browser.toPlainText()
    assert text.startswith("BP Studio — the manual") and "loss-influence chain" in text
    assert manual.windowTitle() == "BP Studio manual"
    win.languages.set_language("zh_CN")
    qtbot.waitUntil(lambda: manual.browser.toPlainText().startswith("BP Studio 使用手册"), timeout=5000)
    assert "源与汇" in manual.browser.toPlainText() and manual.windowTitle() == "BP Studio 使用手册"
    assert action.text() == "使用手册(&M)"
    manual.close()
    action.trigger()
    qtbot.waitUntil(manual.isVisible, timeout=5000)
    win.languages.set_language("en")
    qtbot.waitUntil(lambda: action.text() == "&Manual", timeout=5000)
    assert manual.browser.toPlainText().startswith("BP Studio — the manual")
