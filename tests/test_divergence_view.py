"""A diverging run (gradient descent, α = 0.1) keeps every number short and the window on the screen."""

import re

from PySide6.QtGui import QAction

from bpstudio.control import RunState
from bpstudio.control.words.number_format import fixed_number, short_number
from bpstudio.engine.config import RunConfig


def plain(html):
    return re.sub(r"<[^>]+>|&nbsp;", " ", html)


def test_short_numbers_are_bounded_for_any_value():
    for value in (0.0, 1.0, -2.5e-300, 1e308, -1.7976931348623157e308, 123456789.123, float("inf"), float("-inf"), float("nan")):
        assert len(short_number(value, signed=True)) <= 13
    assert short_number(1234567.0) == "1.23457e+06" and short_number(-0.5, signed=True) == "-0.5"
    assert short_number(0.25, signed=True) == "+0.25" and short_number(float("nan")) == "—"
    assert short_number(float("-inf")) == "−∞"
    assert fixed_number(11.8249) == "11.82490" and fixed_number(3.2e151) == "3.2e+151"


def test_divergence_leaves_the_window_on_a_laptop_screen(qtbot, open_studio):
    win = open_studio(RunConfig(optimizer="gd", alpha=0.1))
    win.findChild(QAction, "run").trigger()
    qtbot.waitUntil(lambda: win.last.state is RunState.DIVERGED, timeout=20000)
    qtbot.waitUntil(lambda: win.status.fields["stop"].text().startswith("diverged"), timeout=5000)
    n = win.last.iteration + 1  # the step that overflowed
    assert win.status.fields["stop"].text() == f"diverged at iteration {n}: JVal overflowed"
    assert abs(win.last.snapshot.weights).max() > 1e6  # the numbers shown are huge ...
    for label in win.probe.output_labels + win.probe.slider_labels:
        assert len(plain(label.text())) < 50, label.text()  # ... and their texts short
    assert max(len(f.text()) for f in win.status.fields.values()) < 60
    assert len(win.plot.getPlotItem().titleLabel.text) < 60
    qtbot.waitUntil(lambda: win.banner.isVisible(), timeout=5000)
    assert f"diverged at iteration {n}" in win.banner.text()
    assert win.width() <= 1366 and win.minimumSizeHint().width() <= 1366  # the window as opened: 1366 wide
    win.languages.set_language("zh_CN")
    qtbot.waitUntil(lambda: "发散" in win.status.fields["stop"].text(), timeout=5000)
    assert win.status.fields["stop"].text() == f"第 {n} 次迭代发散：JVal 溢出"
    win.languages.set_language("en")
