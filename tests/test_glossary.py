"""Help ▸ Glossary (issue 28): every term and symbol the window shows, defined in both languages."""

from __future__ import annotations

import ast
import re
import sys
import unicodedata
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolTip

from bpstudio.control.learning.glossary import BY_KEY, ENTRIES, entry_for, symbols

ROOT = Path(__file__).resolve().parent.parent
GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "Delta": "Δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "lambda": "λ", "mu": "μ", "sigma": "σ", "Sigma": "Σ", "odot": "⊙", "partial": "∂",
    "infty": "∞", "sqrt": "√", "nabla": "∇", "prime": "′",
}  # fmt: skip
# A symbol: a letter with a hat or tilde, a Greek letter, or one of the operators the window writes.
SYMBOL = re.compile(r"[A-Za-z][\u0302\u0303]|[\u0370-\u03ff]|[∂‖′″⊙√∞∇⊗∘]")
LATEX = re.compile(r"\\(tilde|hat|widetilde|widehat)\{\\?([A-Za-z]+)\}|\\(" + "|".join(GREEK) + r")(?![A-Za-z])")
MARKS = {"tilde": "\u0303", "widetilde": "\u0303", "hat": "\u0302", "widehat": "\u0302"}


def _texts_of(path: Path):
    """The string constants of a module that are not docstrings: what its code can show."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.value


def window_texts():
    """Every text the window can show: the translated catalogue's sources and the code's own strings."""
    sys.path.insert(0, str(ROOT / "resources" / "translations"))
    try:
        from zh_CN import TRANSLATIONS
    finally:
        sys.path.pop(0)
    yield from TRANSLATIONS
    for layer in ("engine", "control", "qt"):
        for path in sorted((ROOT / "bpstudio" / layer).rglob("*.py")):
            if path.name != "glossary.py":
                yield from _texts_of(path)


def symbols_in(text: str) -> set[str]:
    """The symbols of ``text``, composed (Õ written as O + U+0303 or as U+00D5 is one symbol)."""
    text = unicodedata.normalize("NFD", text)
    found = {m.group() for m in SYMBOL.finditer(text)}
    for m in LATEX.finditer(text):
        found.add(m.group(2)[0] + MARKS[m.group(1)] if m.group(1) else GREEK[m.group(3)])
    return {unicodedata.normalize("NFC", symbol) for symbol in found}


def defined() -> set[str]:
    return {unicodedata.normalize("NFC", symbol) for symbol in symbols()}


def test_every_symbol_the_window_shows_is_in_the_glossary():
    used: dict[str, str] = {}
    for text in window_texts():
        for symbol in symbols_in(text):
            used.setdefault(symbol, text[:80])
    assert len(used) >= 15  # the scan finds the window's symbols (∂, α, W̃, ‖ …), not nothing
    missing = {symbol: where for symbol, where in used.items() if symbol not in defined()}
    assert not missing, f"symbols the window shows without a glossary entry: {missing}"


def test_the_issues_terms_each_have_a_one_line_definition_in_both_languages():
    wanted = [
        "epoch", "seed", "‖", "∞", "⊙", "W̃", "Õ", "″", "filter-normalised", "→", "m", "v", "m̂", "v̂", "softmax",
        "cross-entropy", "source", "sink", "basic link", "JVal", "ζ", "ε", "converged1", "converged2",
    ]  # fmt: skip
    assert not [term for term in wanted if unicodedata.normalize("NFC", term) not in defined()]
    assert "Lₙ" in BY_KEY["cross_entropy"].formula and "log" in BY_KEY["cross_entropy"].formula
    assert "1 − β₁ᵗ" in BY_KEY["bias_correction"].formula
    for entry in ENTRIES:
        for language in ("en", "zh_CN"):
            term, definition = entry.text(language)
            assert term and definition and "\n" not in definition, (entry.key, language)
        assert re.search(r"[\u4e00-\u9fff]", entry.definition[1]), entry.key  # the Chinese is Chinese
    assert len({entry.key for entry in ENTRIES}) == len(ENTRIES)


def test_a_tooltips_text_finds_its_entry():
    assert entry_for("How large each layer's gradient ‖∂L/∂W̃⁽ˡ⁾‖ is").key == "norm"
    assert entry_for("Stop when the largest gradient is below zeta").key == "zeta"
    assert entry_for("Sink (汇): a node of this chain").key == "sink"


def test_help_glossary_opens_in_both_languages(qtbot, open_studio):
    win = open_studio()
    action = win.findChild(QAction, "glossary")
    assert action is not None and action.text() == "&Glossary"
    action.trigger()
    dialog = _dialog(win)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    text = dialog.text.toPlainText()
    assert "ζ (convergence criterion)" in text and "‖g‖∞ = maxᵢ |gᵢ|" in text and len(dialog.shown) == len(ENTRIES)
    assert dialog.frameGeometry().height() <= 768
    dialog.filter.setText("moment")
    assert set(dialog.shown) >= {"moments", "bias_correction"} and len(dialog.shown) < len(ENTRIES)
    dialog.filter.clear()
    win.findChild(QAction, "language_zh_CN").trigger()
    qtbot.waitUntil(lambda: "收敛判据" in dialog.text.toPlainText(), timeout=5000)
    assert dialog.windowTitle() == "术语表" and action.text() == "术语表(&G)"


def _dialog(win):
    from bpstudio.qt.learning.glossary_dialog import GlossaryDialog

    dialog = win.findChild(GlossaryDialog, "glossary_dialog")
    assert dialog is not None
    return dialog


def test_the_terms_box_and_a_tooltip_lead_to_their_entry(qtbot, open_studio):
    win = open_studio()
    terms = win.inspector.terms
    assert "glossary:sink" in terms.labels["sink"].text()
    terms.labels["sink"].linkActivated.emit("glossary:sink")
    dialog = _dialog(win)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    scrolled = dialog.text.verticalScrollBar().value()
    assert scrolled > 0  # the sink's entry is far down the list: the view went there
    dialog.text.verticalScrollBar().setValue(0)
    QToolTip.showText(win.mapToGlobal(QPoint(50, 50)), "Stop when the largest gradient is below zeta", win)
    qtbot.waitUntil(QToolTip.isVisible, timeout=5000)
    win.findChild(QAction, "glossary").trigger()
    assert dialog.text.verticalScrollBar().value() > scrolled  # ζ comes after the sink
    assert "Glossary" in terms.glossary.text() and "glossary:" in terms.glossary.text()
