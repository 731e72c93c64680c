"""How the studio looks: light or dark theme, normal or presentation size.

One :class:`Look` holds every colour and the size factor the diagram and the
plot draw with.  The palette is Okabe-Ito (readable with every common
colour-vision deficiency), and nothing is told apart by colour alone:
negative weights are dashed, the chosen weight's link is the widest and is
labelled, sources and sinks carry a tag.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True)
class Look:
    name: str
    scale: float = 1.0  # sizes of nodes, fonts and lines; 1.5 in presentation mode
    background: str = "#ffffff"
    node_fill: str = "#ffffff"
    bias_fill: str = "#eeeeee"
    loss_fill: str = "#fff4d6"
    node_border: str = "#666666"
    text: str = "#111111"
    muted: str = "#555555"
    positive: str = "#0072B2"  # Okabe-Ito blue
    negative: str = "#E69F00"  # Okabe-Ito orange, and dashed
    selected: str = "#D55E00"  # vermillion: the article's red link
    chain: str = "#009E73"  # bluish green: the article's green chain
    phase: str = "#CC79A7"
    role: str = "#8a6508"  # source / sink tags
    plot_curve: str = "#111111"


LIGHT = Look("light")
DARK = Look(
    "dark",
    background="#1e1f22",
    node_fill="#2b2d31",
    bias_fill="#3a3c42",
    loss_fill="#4a3f1e",
    node_border="#a0a4ab",
    text="#eceff4",
    muted="#b8bcc4",
    positive="#56B4E9",
    negative="#E69F00",
    selected="#FF7A45",
    chain="#2BD1A0",
    phase="#E8A3CF",
    role="#e8c15a",
    plot_curve="#eceff4",
)
THEMES = {"light": LIGHT, "dark": DARK}
PRESENTATION_SCALE = 1.5


def look_for(theme: str, presentation: bool) -> Look:
    base = THEMES.get(theme, LIGHT)
    return replace(base, scale=PRESENTATION_SCALE if presentation else 1.0)


def apply_palette(app: QApplication, look: Look, base_font: QFont) -> None:
    """Widgets follow the theme (Fusion style, so the palette is honoured everywhere).

    Each of style, palette and font is set only when it differs: setting one
    re-polishes every widget of the window (30 ms at start-up for nothing).
    """
    use_fusion(app)
    if look.name == "dark":
        palette = QPalette()
        dark, text = QColor("#2b2d31"), QColor(look.text)
        for role, colour in (
            (QPalette.ColorRole.Window, dark),
            (QPalette.ColorRole.WindowText, text),
            (QPalette.ColorRole.Base, QColor("#1e1f22")),
            (QPalette.ColorRole.AlternateBase, dark),
            (QPalette.ColorRole.Text, text),
            (QPalette.ColorRole.Button, QColor("#3a3c42")),
            (QPalette.ColorRole.ButtonText, text),
            (QPalette.ColorRole.ToolTipBase, dark),
            (QPalette.ColorRole.ToolTipText, text),
            (QPalette.ColorRole.Highlight, QColor("#0072B2")),
            (QPalette.ColorRole.HighlightedText, QColor("#ffffff")),
            (QPalette.ColorRole.PlaceholderText, QColor("#8a8f98")),
            (QPalette.ColorRole.BrightText, QColor("#ff6b6b")),
        ):
            palette.setColor(role, colour)
        palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#6b7079"))
        palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#6b7079"))
    else:
        palette = app.style().standardPalette()
    if app.palette() != palette:
        app.setPalette(palette)
    font = QFont(base_font)
    if base_font.pointSizeF() > 0:
        font.setPointSizeF(base_font.pointSizeF() * look.scale)
    if app.font() != font:
        app.setFont(font)


def use_fusion(app: QApplication) -> None:
    """The studio's widget style; set before the window's widgets are made, it costs no re-polish."""
    style = app.style()
    if style is None or style.name().lower() != "fusion":
        app.setStyle("Fusion")
