"""What the engine's option values are called on screen, in the user's language.

The engine, the CLI and session files spell them ``adam``, ``gd``,
``momentum``, ``uniform``, ``zeros``; a student reading the Chinese window
should see 梯度下降 or 全零, not those identifiers.  Widgets keep the engine's
value as data and show :func:`option_name` of it.  An activation's or a loss's
name and tip are facets of its record, and so is an optimizer's name.
"""

from __future__ import annotations

from bpstudio.control.words.vocabulary import OPERATOR_WORDS, OPTIMIZER_RECORDS
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.qt.shell.i18n import marked

OPTION_NAMES = {
    **{name: record.display for name, record in OPTIMIZER_RECORDS.items()},  # each optimizer's record names it
    "uniform": QT_TRANSLATE_NOOP("Options", "uniform"),
    "zeros": QT_TRANSLATE_NOOP("Options", "zeros"),
    # data sets, losses and output layers (issue 14)
    "article": QT_TRANSLATE_NOOP("Options", "article (r, g, b)"),
    "circle": QT_TRANSLATE_NOOP("Options", "circle"),
    "xor": QT_TRANSLATE_NOOP("Options", "xor"),
    "gauss": QT_TRANSLATE_NOOP("Options", "gauss"),
    "spiral": QT_TRANSLATE_NOOP("Options", "spiral"),
    "moons": QT_TRANSLATE_NOOP("Options", "moons"),
    "plane": QT_TRANSLATE_NOOP("Options", "plane"),
    "multi-gauss": QT_TRANSLATE_NOOP("Options", "multi-gauss"),
    "linear": QT_TRANSLATE_NOOP("Options", "linear"),
    **{name: display for name, (display, _tip) in OPERATOR_WORDS.items()},
}
OPTION_TIPS = {name: tip for name, (_display, tip) in OPERATOR_WORDS.items()}


def option_name(value: str) -> str:
    """``gd`` → "gradient descent" (梯度下降); an activation or a loss is named by its record; other values stay as they are."""
    text = OPTION_NAMES.get(value)
    return marked("Options", text) if text else value


def option_tip(value: str) -> str:
    """One line on what an activation or a loss does, in the user's language ("" for other values)."""
    text = OPTION_TIPS.get(value)
    return marked("Options", text) if text else ""


SETTING_SYMBOLS = {
    "zeta": "ζ",
    **{s.key: s.hyper.symbol for record in OPTIMIZER_RECORDS.values() for s in record.settings},
}


def setting_symbol(field: str) -> str:
    """A live setting as the formulas write it (α, β₁, …); other fields keep their name."""
    return SETTING_SYMBOLS.get(field, field)


def setting_value(value) -> str:
    """A setting's value for a label: option names translated, numbers in %g."""
    return option_name(value) if isinstance(value, str) else f"{value:g}"
