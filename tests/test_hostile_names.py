"""A file from a stranger cannot take over the window (issue #25).

CSV column names and class labels are whatever the file says.  A table of
hostile names — markup, a 20 000-px ``<img>``, LaTeX commands, bidi and
control characters, a 10 000-character name — goes through a CSV file (the
studio's settings, the CSV dialog, the CLI) and a session file into every
view and every export.  Then: the window still fits a 1366×768 projector, the
process grew by less than 500 MB, no rich text anywhere holds the raw markup,
and every file written reads its names as literal text (LaTeX has no
unescaped special character from a name, the SVG parses, the Python script
compiles and holds the names only inside string literals).
"""

from __future__ import annotations

import ast
import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
from conftest import run_bpstudio
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QAbstractButton, QGraphicsTextItem, QGraphicsView, QLabel, QWidget

from bpstudio.engine import text_safety
from bpstudio.engine.config import RunConfig

SCREEN_W, SCREEN_H = 1366, 768
IMG = "9<img src=x width=20000 height=20000>"
HOSTILE_INPUTS = (
    "<img src=x width=30000 height=30000>",
    r"}\input{/etc/passwd}\immediate\write18{touch pwned}",
    "a$#%&_^~{}|\\b",
    "evil\u202eflip\x07\x1b[2J",
    "<b>bold</b>&amp;",
    "n" * 10_000,
)
HOSTILE_TARGET = IMG
HOSTILE_LABELS = ("<img src=x width=20000 height=20000>", r"0\write18{x}", "\u202e1", "_^~$")


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def write_regression_csv(path):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([*HOSTILE_INPUTS, HOSTILE_TARGET])
    for i in range(12):
        writer.writerow([0.1 * i, -0.2 * i, 0.3, 0.05 * i, 1.0 - 0.1 * i, 0.2, 0.7 * i])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def write_class_csv(path):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([HOSTILE_INPUTS[0], HOSTILE_INPUTS[3], "label"])
    for i in range(16):
        writer.writerow([0.1 * i, (-1) ** i * 0.5, HOSTILE_LABELS[i % len(HOSTILE_LABELS)]])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def regression_config(path) -> RunConfig:
    return RunConfig(data_file=str(path), inputs=HOSTILE_INPUTS, targets=(HOSTILE_TARGET,), hidden=(2,), max_iter=50)


def class_config(path) -> RunConfig:
    return RunConfig(
        data_file=str(path),
        inputs=(HOSTILE_INPUTS[0], HOSTILE_INPUTS[3]),
        targets=("label",),
        loss="cross-entropy",
        hidden=(3,),
        max_iter=50,
    )


# -- what "escaped" means in each language --------------------------------------------------------------------
RAW_MARKUP = re.compile(r"<img\b|<b>bold", re.IGNORECASE)  # tags only the hostile names hold


def assert_rich_text_safe(text: str, where: str) -> None:
    """Text Qt would read as rich text never holds a name's raw tag."""
    if GuiQt.mightBeRichText(text):
        assert not RAW_MARKUP.search(text), f"{where} renders a name's markup: {text[:200]!r}"


# The commands the studio's own notation writes; a name may add none.
NOTATION = {
    "frac",
    "partial",
    "mathit",
    "cdot",
    "left",
    "right",
    "rightarrow",
    "to",
    "times",
    "tilde",
    "begin",
    "end",
    "backslash",
    "hat",
    "sim",
    "vert",
    "ldots",  # a name's \\, ^, ~, |, and the shortening mark
}


def assert_latex_literal(text: str) -> None:
    """No character of a name acts in LaTeX: no command of theirs, no group, script, tab, comment or shift."""
    assert "<img" not in text and "\u202e" not in text and "\x1b" not in text
    commands = set(re.findall(r"\\([A-Za-z]+)", text))
    assert commands <= NOTATION, f"commands from a name: {commands - NOTATION}"
    bare = re.sub(r"\\[^A-Za-z]", "", text)  # control symbols: \{ \} \_ \$ \# \% \& \  and \\ (a new row)
    assert "$" not in bare and "#" not in bare and "~" not in bare
    assert all(line.startswith("%") or "%" not in line for line in bare.splitlines()), "a % from a name comments the rest out"
    assert all(m.group(1) == "{" for m in re.finditer(r"[_^](.)", bare)), "a bare _ or ^ from a name makes a script"
    assert all(line.lstrip().startswith("&") or "&=" in line or "&" not in line for line in bare.splitlines())
    depth = 0
    for char in bare:
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0, "a } from a name closes a group it did not open"
    assert depth == 0


def assert_svg_parses(text: str) -> None:
    root = ET.fromstring(text)
    joined = "".join(root.itertext())
    assert "<img" not in ET.tostring(root, encoding="unicode").replace("&lt;img", "")
    assert "\x1b" not in joined and "\u202e" not in joined


def assert_python_holds_names_as_strings(source: str, names) -> None:
    tree = ast.parse(source)
    compile(source, "hostile.py", "exec")
    strings = [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)]
    for name in names:
        assert any(name == s for s in strings), f"{name[:40]!r} is not a string literal of the script"
    identifiers = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    assert not identifiers & {"pwned", "input"}


# -- the window ------------------------------------------------------------------------------------------------
def every_text(win) -> list[tuple[str, str]]:
    """(where, text) for every label, button, tooltip and drawn text item in the window."""
    found = []
    for widget in [win, *win.findChildren(QWidget)]:
        if widget.toolTip():
            found.append((f"tooltip of {widget.objectName() or type(widget).__name__}", widget.toolTip()))
        if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.PlainText:
            found.append((f"label {widget.objectName() or type(widget).__name__}", widget.text()))
        if isinstance(widget, QAbstractButton):
            found.append((f"button {widget.objectName()}", widget.text()))
        if isinstance(widget, QGraphicsView) and widget.scene() is not None:
            for item in widget.scene().items():
                if item.toolTip():
                    found.append((f"tooltip of {type(item).__name__}", item.toolTip()))
                if isinstance(item, QGraphicsTextItem):
                    found.append((f"text item {type(item).__name__}", item.toHtml()))
    return found


def assert_window_safe(win, qtbot) -> None:
    qtbot.wait(1)  # layouts settle
    for where, text in every_text(win):
        assert_rich_text_safe(text, where)
        assert "\u202e" not in text and "\x1b" not in text, f"{where} obeys a control character"
    win.resize(SCREEN_W - 20, SCREEN_H - 40)  # what a projector's screen leaves a window
    qtbot.waitUntil(lambda: win.width() <= SCREEN_W and win.height() <= SCREEN_H, timeout=3000)
    hint = win.minimumSizeHint()
    assert hint.width() <= SCREEN_W and hint.height() <= SCREEN_H, hint
    for view in win.findChildren(QGraphicsView):
        if view.scene() is None:
            continue
        for item in view.scene().items():
            if isinstance(item, QGraphicsTextItem):
                assert item.boundingRect().width() < SCREEN_W and item.boundingRect().height() < SCREEN_H, item.toPlainText()[:80]
    for label in win.findChildren(QLabel):
        if label.isVisible():
            assert label.minimumSizeHint().width() <= SCREEN_W, label.text()[:80]


def visit_every_view(win, qtbot) -> None:
    """Select a weight (chain, inspector, formula), each output node, step, show the probe and runs."""
    with qtbot.waitSignal(win.training.updated, timeout=10000):
        win.training.step(3)
    net = win.last and win.model.problem.network
    win.network_view.select_param(net.n_params - 1)  # a last-layer weight: its chain ends at the hostile output
    qtbot.waitUntil(lambda: win.model.chain_view is not None, timeout=10000)
    for node in win.network_view.scene().items():
        name = getattr(getattr(node, "node", None), "name", None)
        if name and (name.startswith("y") or name.startswith("O0")):
            win.model.request_node(name)
    for dock in win.findChildren(QWidget):
        if dock.objectName().startswith("dock_"):
            dock.show()
    qtbot.wait(50)


@pytest.fixture
def hostile_csv(tmp_path):
    return write_regression_csv(tmp_path / "hostile<img width=20000>.csv")


def test_hostile_csv_names_stay_text_in_every_view(qtbot, open_studio, hostile_csv):
    before = rss_mb()
    win = open_studio(regression_config(hostile_csv))
    visit_every_view(win, qtbot)
    assert_window_safe(win, qtbot)
    assert rss_mb() - before < 500


def test_hostile_class_labels_stay_text_in_every_view(qtbot, open_studio, tmp_path):
    before = rss_mb()
    win = open_studio(class_config(write_class_csv(tmp_path / "classes.csv")))
    visit_every_view(win, qtbot)
    assert_window_safe(win, qtbot)
    assert rss_mb() - before < 500


def test_hostile_names_through_a_session_file(qtbot, open_studio, hostile_csv, tmp_path):
    from bpstudio.control import TrainingSession
    from bpstudio.control.files.session_file import save_session

    session = TrainingSession(regression_config(hostile_csv))
    session.trainer.run(2)
    path = tmp_path / "hostile.bpstudio"
    save_session(path, session)
    hostile_csv.unlink()  # the session carries the data and its names itself
    before = rss_mb()
    win = open_studio()
    assert win.files.open(path)
    qtbot.waitUntil(lambda: win.last is not None and win.last.config.inputs == HOSTILE_INPUTS, timeout=10000)
    visit_every_view(win, qtbot)
    assert_window_safe(win, qtbot)
    assert "\u202e" not in win.windowTitle()
    assert rss_mb() - before < 500


def test_the_csv_dialog_lists_hostile_columns_as_text(qtbot, hostile_csv):
    from bpstudio.qt.files.csv_dialog import CsvDataDialog

    dialog = CsvDataDialog(None, str(hostile_csv))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.columns_read, timeout=10000):
        dialog.load_columns()
    dialog.show()
    for where, text in every_text(dialog):
        assert_rich_text_safe(text, where)
    assert dialog.minimumSizeHint().width() <= SCREEN_W


def test_every_export_writes_names_as_literal_text(qtbot, open_studio, hostile_csv, tmp_path):
    from bpstudio.control.export.script_export import script_text
    from bpstudio.control.files.tables import write_history_csv
    from bpstudio.qt.files import exports

    win = open_studio(regression_config(hostile_csv))
    visit_every_view(win, qtbot)
    view = win.model.chain_view
    exports.export_chain(tmp_path / "chain.tex", view.chain, view.at_sample)
    assert_latex_literal((tmp_path / "chain.tex").read_text())
    exports.export_chain(tmp_path / "chain.md", view.chain, view.at_sample)
    markdown = (tmp_path / "chain.md").read_text()
    assert "<img" not in markdown and "\\input" not in markdown
    assert "|" not in "".join(line.strip().strip("|").replace(" | ", "") for line in markdown.splitlines() if line.startswith("| $"))
    assert_latex_literal(win.inspector.latex())  # Copy as LaTeX
    exports.export_diagram(tmp_path / "diagram.svg", win.network_view.scene())
    assert_svg_parses((tmp_path / "diagram.svg").read_text())
    write_history_csv(tmp_path / "history.csv", win.model.history.values())
    assert list(csv.reader((tmp_path / "history.csv").open()))
    for framework in ("numpy", "pytorch"):
        assert_python_holds_names_as_strings(script_text(win.last.config, framework), (*HOSTILE_INPUTS, HOSTILE_TARGET))


def test_the_cli_writes_hostile_names_as_literal_text(hostile_csv, tmp_path):
    data = ["--data", str(hostile_csv), "--inputs", ",".join(HOSTILE_INPUTS[:1]), "--targets", HOSTILE_TARGET]
    latex = run_bpstudio("chain", *data, "--param", "W1[0,0]", "--format", "latex")
    assert latex.returncode == 0, latex.stderr
    assert_latex_literal(latex.stdout)
    svg = tmp_path / "chain.svg"
    drawn = run_bpstudio("chain", *data, "--param", "W1[0,0]", "--format", "svg", "--out", str(svg))
    assert drawn.returncode == 0, drawn.stderr
    assert_svg_parses(svg.read_text())
    as_json = run_bpstudio("chain", *data, "--param", "W1[0,0]", "--format", "json")
    assert as_json.returncode == 0 and "<img" not in json.loads(as_json.stdout)["display"]


@pytest.mark.parametrize("name", [*HOSTILE_INPUTS, HOSTILE_TARGET, *HOSTILE_LABELS])
def test_each_language_escapes_each_name(name):
    assert_latex_literal(r"\mathit{" + text_safety.latex(name) + "}")
    assert "<" not in text_safety.rich_text(name) and not RAW_MARKUP.search(text_safety.rich_text(name))
    ET.fromstring(f"<t a=\"{text_safety.xml(name)}\">{text_safety.xml(name)}</t>")
    assert ast.literal_eval(text_safety.python_literal(name)) == name
    comment = "# " + text_safety.python_comment(name) + "\nx = 1\n"
    assert [type(n).__name__ for n in ast.parse(comment).body] == ["Assign"]
    assert len(text_safety.shorten(name)) <= text_safety.SHORT
    md = text_safety.markdown(name)
    assert "<" not in md and re.search(r"(?<!\\)[`*_\[\]|$]", md) is None


def test_a_refusal_quotes_hostile_columns_short_and_inert(hostile_csv):
    from bpstudio.engine.csv_data import CsvDataError, dataset_from_csv

    with pytest.raises(CsvDataError) as refused:
        dataset_from_csv(hostile_csv, ("no such column",), (HOSTILE_TARGET,))
    message = str(refused.value)
    assert len(message) < 400 and "\x1b" not in message and "\u202e" not in message  # the header holds 10 000 n's
