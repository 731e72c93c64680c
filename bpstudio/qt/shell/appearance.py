"""How the studio looks: light or dark theme, normal or presentation size.

One :class:`Look` holds every colour and the size factor the diagram and the
plot draw with.  The palette is Okabe-Ito (readable with every common
colour-vision deficiency), and nothing is told apart by colour alone:
negative weights are dashed, the chosen weight's link is the widest and is
labelled, sources and sinks carry a tag.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPalette
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True)
class Look:
    name: str
    scale: float = 1.0  # sizes of nodes, fonts and lines; larger in presentation mode (see look_for)
    # Presentation mode: the ink height, in screen pixels, that every digit a lesson refers to
    # reaches (the cap height of its font); 0 in the normal look, where sizes are points × scale.
    digit_px: float = 0.0
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
    pointer: str = "#F0E442"  # Okabe-Ito yellow: the teacher's pointer, a highlighter over the rest
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

# View ▸ Presentation size: the digits' ink height on the projector, in pixels.  From the back
# row of a hall a digit needs about 14 px on a 768-line projector and 18 px on a 1080-line one.
PRESENTATION_SIZES = {"small": 12.0, "medium": 14.0, "large": 18.0, "huge": 22.0}


def automatic_digit_px(screen_height: int) -> float:
    """The presentation size a screen of this height gets unless the teacher chooses one."""
    if screen_height < 900:
        return PRESENTATION_SIZES["medium"]
    if screen_height < 1300:
        return PRESENTATION_SIZES["large"]
    return PRESENTATION_SIZES["huge"]


def digit_px_for(size: str, screen_height: int) -> float:
    """The digits' height for a Presentation size setting (``auto`` follows the screen)."""
    return PRESENTATION_SIZES.get(size) or automatic_digit_px(screen_height)


def cap_height(font: QFont) -> float:
    """The ink height of a capital (and of a digit) in this font, in pixels."""
    return QFontMetricsF(font).capHeight()


def pixel_size_for_cap(cap_px: float, font: QFont | None = None) -> int:
    """The smallest pixel size of ``font``'s family whose capitals are at least ``cap_px`` tall."""
    probe = QFont(font) if font is not None else QFont()
    probe.setPixelSize(100)
    ratio = max(cap_height(probe) / 100.0, 0.5)
    size = max(1, math.ceil(cap_px / ratio))  # the outline's capitals reach cap_px, whatever hinting does
    while True:  # hinting rounds the cap height: step up until the hinted one reaches it too
        probe.setPixelSize(size)
        if cap_height(probe) >= cap_px - 0.05:
            return size
        size += 1


def scaled_font(font: QFont, factor: float) -> QFont:
    """``font`` made ``factor`` times larger, whether its size is in points or (on a projector) in pixels."""
    larger = QFont(font)
    if font.pixelSize() > 0:
        larger.setPixelSize(max(1, round(font.pixelSize() * factor)))
    elif font.pointSizeF() > 0:
        larger.setPointSizeF(font.pointSizeF() * factor)
    return larger


def look_for(theme: str, presentation: bool, digit_px: float = PRESENTATION_SIZES["medium"], base_font: QFont | None = None) -> Look:
    """The theme's look; in presentation its scale makes the base font's digits ``digit_px`` tall."""
    base = THEMES.get(theme, LIGHT)
    if not presentation:
        return replace(base, scale=1.0, digit_px=0.0)
    base_cap = cap_height(base_font if base_font is not None else QFont())
    scale = max(1.0, digit_px / base_cap) if base_cap > 0 else 1.5
    return replace(base, scale=scale, digit_px=digit_px)


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
    if look.digit_px > 0:  # presentation: every widget's digits reach the projector's size
        font.setPixelSize(pixel_size_for_cap(look.digit_px, base_font))
    elif base_font.pointSizeF() > 0:
        font.setPointSizeF(base_font.pointSizeF() * look.scale)
    if app.font() != font:
        app.setFont(font)


def use_fusion(app: QApplication) -> None:
    """The studio's widget style; set before the window's widgets are made, it costs no re-polish."""
    style = app.style()
    if style is None or style.name().lower() != "fusion":
        app.setStyle("Fusion")
