"""View ▸ Digits and honest rows (issue 28): every shown number is the exact one rounded, and a row whose
shown numbers, redone by hand, miss its shown result in the last digit says "≈" instead of "=".

The window tests read what the window shows — the running product's label, the optimizer block's
rules and values — and redo each row by hand from the numbers shown, with formulas written here.
"""

import math
import re

import numpy as np
import pytest
from PySide6.QtGui import QAction

from bpstudio.control.words.number_format import display_number, relation, rounded_text, shown_value
from bpstudio.control.words.optimizer_lines import line_relations, optimizer_lines
from bpstudio.control.words.written_formula import numbers_part, written_value
from bpstudio.engine.optimizer_step import optimizer_step
from bpstudio.engine.optimizers import RECORDS
from bpstudio.engine.snapshot import Snapshot

SETTINGS = ("4", "6", "all")
NUMBER = re.compile(r"\\left\((-[\d.]+(?: \\times 10\^\{-?\d+\})?)\\right\)|(\d+(?:\.\d+)?(?: \\times 10\^\{-?\d+\})?)")


# -- the rule, on its own ---------------------------------------------------------------------------
def test_the_issues_running_product_says_approximately():
    # 0.3542 × 0.166 = 0.0587972, which four digits write 0.0588, not the shown 0.05878
    assert relation(["0.3542", "0.166"], "×", "0.05878", 4) == "≈"
    assert relation(["0.5", "0.25"], "×", "0.125", 4) == "="
    assert relation(["−0.5", "(−0.25)"], "×", "0.125", 4) == "="
    assert relation(["0.1", "0.2"], "+", "0.3", 4) == "="
    assert relation([0.1, 0.2], "+", 0.30000000000000004, "all") == "="  # the double 0.1 + 0.2 is
    assert relation([0.1, 0.2], "+", 0.3, "all") == "≈"
    assert relation(["1.5·10⁻³", "2"], "×", "3·10⁻³", 4) == "="
    assert relation(["2", "3"], lambda a, b: a * a + b, "7", 4) == "="
    assert relation(["2", "3"], lambda a, b: a * a + b, "7.001", 4) == "≈"
    assert relation(["∞", "1"], "×", "∞", 4) == "="


def test_numbers_at_each_setting_are_the_exact_ones_rounded():
    rng = np.random.default_rng(28)
    for value in np.concatenate([rng.normal(size=200) * 10.0 ** rng.integers(-9, 9, size=200), [0.1, -0.0, 1e16, 123456.0]]):
        value = float(value)
        for digits, count in (("4", 4), ("6", 6)):
            shown = shown_value(display_number(value, digits))
            assert shown == float(f"{value:.{count}g}")  # Python's own rounding, written independently
        assert shown_value(display_number(value, "all")) == value  # "all" reads back as the very double
        assert len(re.sub(r"[^0-9]", "", rounded_text(value, "all").split("e")[0]).lstrip("0")) <= 17
    assert display_number(0.9, "all") == "0.9" and display_number(-0.0, "4") == "0"


@pytest.mark.parametrize("name", list(RECORDS))
def test_every_optimizers_rows_are_read_back_as_written(name):
    """At "all" the rules' numbers are the doubles themselves: worked out as written they give the values."""
    record = RECORDS[name]
    optimizer = record.step()
    optimizer.reset(3)
    x = np.array([0.5, -1.0, 2.0])
    for k, g in enumerate((np.array([1.0, -2.0, 0.5]), np.array([0.3, 0.1, -4.0])), start=1):
        x = optimizer.step(x, g, k)
    snapshot = Snapshot.capture(2, 1.0, x, np.zeros(3), name, optimizer.hyper, optimizer.state(), None)
    for index in range(3):
        step = optimizer_step(snapshot, index)
        lines = optimizer_lines(step, name, dict(snapshot.hyper), "all")
        checked = 0
        for left, formula, value in lines:
            part = numbers_part(formula)
            if part is None or value is None:
                continue
            assert written_value(part) == pytest.approx(value, rel=1e-13, abs=1e-300), (left, formula)
            checked += 1
        assert checked >= 2  # at least Δw and w_t
        for digits in ("4", "6"):  # and at fewer digits every row says "=" or "≈", as the hand rule below decides
            rounded = optimizer_lines(step, name, dict(snapshot.hyper), digits)
            for (left, formula, value), sign in zip(rounded, line_relations(rounded, digits), strict=True):
                part = numbers_part(formula)
                if part is None or value is None:
                    assert sign == "="
                    continue
                written = written_value(part)
                count = int(digits)
                assert sign == ("=" if float(f"{written:.{count}g}") == float(f"{value:.{count}g}") else "≈"), (left, formula, value)


# -- in the window ------------------------------------------------------------------------------------
def unit(value: float, digits: str) -> float:
    """One unit in the last digit that ``digits`` significant digits keep of ``value`` (0 for "all": exact)."""
    if digits == "all" or value == 0 or not math.isfinite(value):
        return 0.0
    return 10.0 ** (math.floor(math.log10(abs(value))) - int(digits) + 1)


def numbers_in(latex: str) -> list[float]:
    out = []
    for negative, positive in NUMBER.findall(latex):
        text = (negative or positive).replace(r" \times 10^{", "e").rstrip("}")
        out.append(float(text))
    return out


ADAM_BY_HAND = {  # each row's rule, redone by hand from the numbers shown in it
    "m": lambda b1, m, c, g: b1 * m + c * g,
    "v": lambda b2, v, c, g, two: b2 * v + c * g**two,
    r"\hat{m}": lambda m, one, b1, t: m / (one - b1**t),
    r"\hat{v}": lambda v, one, b2, t: v / (one - b2**t),
    r"\Delta w": lambda alpha, m, v, eps: -alpha * m / (math.sqrt(v) + eps),
    "w_t": lambda w, dw: w + dw,
}


def check_row(rule, shown_numbers: list[float], shown: str, sign: str, digits: str) -> None:
    """Redo a row by hand from the numbers shown in it.

    The result is the shown one within what the shown numbers' last digits allow (each may be off
    by half a unit of its last digit; the result by half of its own); and the row says "≈" exactly
    where the hand result, rounded as the window rounds, is not the shown result.
    """
    written = rule(*shown_numbers)
    value = shown_value(shown)
    room = 0.5 * unit(value, digits) + 8 * np.finfo(float).eps * abs(written)  # the result's rounding, and the hand's
    for k, x in enumerate(shown_numbers):
        moved = list(shown_numbers)
        moved[k] = x + 0.5 * unit(x, digits)
        room += abs(rule(*moved) - written) * 1.01
    assert abs(written - value) <= room, (written, shown, room)
    matches = written == value if digits == "all" else float(f"{written:.{digits}g}") == value
    assert sign == ("=" if matches else "≈"), (written, shown, sign, digits)


def running_rows(text: str) -> list[tuple[str, str, str, str]]:
    """(shown so far, factor, sign, product) of "Step by step: a × b = c × d ≈ e"."""
    body = text.split(": ", 1)[1]
    parts = re.split(r" (×|=|≈) ", body)
    rows, shown = [], parts[0]
    for k in range(1, len(parts) - 3, 4):
        assert parts[k] == "×"
        rows.append((shown, parts[k + 1], parts[k + 2], parts[k + 3]))
        shown = parts[k + 3]
    return rows


def test_each_digits_setting_shows_honest_rows_in_the_window(qtbot, open_studio):
    from bpstudio.qt.inspector.inspector import Inspector

    win = open_studio()  # Adam, the article's run
    for _ in range(2):  # t = 2: the moments have a history
        with qtbot.waitSignal(win.training.updated, timeout=5000):
            win.findChild(QAction, "step").trigger()
    win.network_view.select_param(0)
    inspector: Inspector = win.inspector
    qtbot.waitUntil(lambda: inspector.view is not None and inspector.view.exact and inspector.view.iteration == 2, timeout=10000)
    approximately = 0
    for digits in SETTINGS:
        win.findChild(QAction, f"digits_{digits}").trigger()
        assert win.model.digits == digits and win.findChild(QAction, f"digits_{digits}").isChecked()

        def typeset(digits=digits) -> bool:  # the block is typeset in the background: wait for this setting's
            drawn = re.findall(r"<text[^>]*>([^<]*)</text>", inspector.step_view.svg_text)
            return bool(inspector.step_rows) and drawn == [display_number(r[2], digits) for r in inspector.step_rows if r[2] is not None]

        qtbot.waitUntil(typeset, timeout=20000)
        # the running product, from its label
        rows = running_rows(inspector.running.text())
        assert rows
        for shown, factor, sign, product in rows:
            check_row(lambda a, b: a * b, [shown_value(shown), shown_value(factor)], product, sign, digits)
            approximately += sign == "≈"
        # the optimizer block: the rules as typeset, the values and signs as drawn in its SVG
        svg = inspector.step_view.svg_text
        values = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
        signs = dict(re.findall(r'id="relation-(\d+)-(approx|equals)"', svg))
        valued = [(n, row) for n, row in enumerate(inspector.step_rows) if row[2] is not None]
        assert len(values) == len(valued)
        for (n, (left, formula, value, sign)), shown in zip(valued, values, strict=True):
            assert shown == display_number(value, digits)  # the exact value, rounded
            assert signs[str(n)] == ("approx" if sign == "≈" else "equals")
            if left in ADAM_BY_HAND:
                check_row(ADAM_BY_HAND[left], numbers_in(formula.rsplit(" = ", 1)[1]), shown, sign, digits)
                approximately += sign == "≈"
        assert sum(1 for _, row in valued if row[0] in ADAM_BY_HAND) == len(ADAM_BY_HAND)
    assert approximately > 0  # the rule was put to the test: some row of this run misses at four digits


def test_the_digits_setting_survives_a_restart_and_the_exports_follow_it(qtbot, open_studio, tmp_path):
    win = open_studio()
    win.findChild(QAction, "digits_all").trigger()
    win.network_view.select_param(0)
    qtbot.waitUntil(lambda: win.model.chain_view is not None and win.inspector.view is not None, timeout=10000)
    view = win.model.chain_view
    factor = next(v for v in view.at_sample.edge_values.values() if abs(v) not in (0.0, 1.0))
    # File ▸ Export ▸ Chain and Copy as LaTeX: every digit of the sample's factors
    path = tmp_path / "chain.tex"
    win.exports._chain(str(path))
    exact = rounded_text(factor, "all")
    assert exact in path.read_text(encoding="utf-8").replace("(", "").replace(")", "")
    assert exact in win.inspector.latex()
    win.findChild(QAction, "digits_4").trigger()
    win.exports._chain(str(tmp_path / "chain.md"))
    four = f"{abs(factor):.4g}"
    assert four in (tmp_path / "chain.md").read_text(encoding="utf-8") and exact.lstrip("-") not in win.inspector.latex()
    win.findChild(QAction, "digits_6").trigger()
    win.ask_before_closing = False
    win.close()
    again = open_studio(restore_settings=True)
    assert again.model.digits == "6" and again.findChild(QAction, "digits_6").isChecked()
    assert not again.findChild(QAction, "digits_4").isChecked()


def test_the_cli_writes_latex_and_markdown_at_the_digits_asked(tmp_path):
    from bpstudio.cli import chain as chain_cli
    from bpstudio.engine.chain import InfluenceChain
    from bpstudio.engine.config import RunConfig

    config = RunConfig(samples=20)
    problem = config.problem()
    trainer = config.trainer(problem)
    numbers = InfluenceChain.of(trainer.network, "W0[0,0]").evaluate(trainer.weights, trainer.dataset, sample=3)
    factor = next(v for v in numbers.edge_values.values() if abs(v) not in (0.0, 1.0))
    for fmt, digits in (("latex", "all"), ("markdown", "6"), ("latex", None)):
        out = tmp_path / f"chain-{fmt}-{digits}.txt"
        argv = ["--param", "W0[0,0]", "--samples", "20", "--sample", "3", "--format", fmt, "--out", str(out)]
        assert chain_cli.main(argv + (["--digits", digits] if digits else [])) == 0
        text = out.read_text(encoding="utf-8")
        expected = rounded_text(abs(factor), digits or "4")  # the default is today's four digits
        assert expected in text, (fmt, digits, expected)


def test_the_nudge_rows_are_honest_at_each_setting(qtbot, open_studio):
    win = open_studio()
    win.network_view.select_param(3)
    inspector = win.inspector
    qtbot.waitUntil(lambda: inspector.view is not None and inspector.view.exact, timeout=10000)
    inspector.nudge_delta.setValue(0.003)
    inspector.nudge_button.click()
    qtbot.waitUntil(lambda: inspector.last_nudge is not None, timeout=10000)
    number = r"([−\d.·⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)"
    for digits in SETTINGS:
        win.findChild(QAction, f"digits_{digits}").trigger()
        text = re.sub(r"</?b>", "", inspector.nudge_result.text())
        g, dw, r1, predicted = re.search(rf"g·Δw = {number} · {number} ([=≈]) {number}<br>", text).groups()
        check_row(lambda a, b: a * b, [shown_value(g), shown_value(dw)], predicted, r1, digits)
        second, dw2, r2, curvature = re.search(rf"= ½ · {number} · \({number}\)² ([=≈]) {number}<br>", text).groups()
        check_row(lambda j, w: 0.5 * j * w * w, [shown_value(second), shown_value(dw2)], curvature, r2, digits)
        a, b, r3, both = re.search(rf"curvature = {number} \+ {number} ([=≈]) {number} —", text).groups()
        check_row(lambda x, y: x + y, [shown_value(a), shown_value(b)], both, r3, digits)
        assert (a, b) == (predicted, curvature)
