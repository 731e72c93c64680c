"""The studio's look: theme, presentation mode and its size, full screen — applied to every view at once.

A look (:mod:`.appearance`) is worked out from the theme, whether a projector
is in use and how tall its digits must be for the screen; every view is then
given it, so none is left in the old size or colours.  Presentation mode is
the larger look plus the projector layout (:mod:`.projector_layout`); the
board view is put away first, since the layout it would put back is the one
presentation changes.  The View menu's checks follow what is in force.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from bpstudio.qt.inspector.inspector import colours_for, readable_scale
from bpstudio.qt.shell.appearance import Look, apply_palette, digit_px_for, look_for

if TYPE_CHECKING:
    from bpstudio.qt.main_window import MainWindow


class StudioLook:
    """Reads the window's views and menus (it is the window's look); changes nothing else."""

    def __init__(self, window: MainWindow, theme: str, presentation_size: str) -> None:
        self.window = window
        self.theme = theme
        self.presentation_size = presentation_size
        self.look: Look | None = None
        app = QApplication.instance()
        assert isinstance(app, QApplication)  # a window needs the application
        self.app = app
        self.base_font = QFont(app.font())  # the presentation's sizes are worked out from it

    @property
    def presenting(self) -> bool:
        return self.window.menus.presentation.isChecked()

    def apply(self) -> None:
        w = self.window
        screen = w.screen()
        digit_px = digit_px_for(self.presentation_size, screen.availableGeometry().height() if screen is not None else 768)
        look = self.look = look_for(self.theme, self.presenting, digit_px, self.base_font)
        apply_palette(self.app, look, self.base_font)
        w.status.forget_sizes()
        w.network_view.set_look(look)
        w.plot.set_look(look)
        w.unit_views.set_look(look)
        w.inspector.set_look(look, self.presenting)
        w.phase_banner.set_look(colours_for(look), readable_scale(look.digit_px) if look.digit_px else 1.0, look.digit_px > 0)
        w.lesson_box.set_look()
        w.tour.set_look()
        if w.landscape_holder.panel is not None:
            w.landscape_holder.panel.set_look(look)
        w.menus.theme_actions[self.theme].setChecked(True)
        w.menus.size_actions.get(self.presentation_size, w.menus.size_actions["auto"]).setChecked(True)

    def set_theme(self, name: str) -> None:
        self.theme = name
        self.apply()

    def set_presentation_size(self, size: str) -> None:
        """View ▸ Presentation size: how tall a projector's digits are; remembered for the next lecture."""
        self.presentation_size = size
        self.window.settings.remember_presentation_size(size)
        if self.presenting:
            self.set_presentation(True)  # the new sizes now, and the docks laid out again with them
        else:
            self.apply()

    def set_full_screen(self, on: bool) -> None:
        """F11: the whole screen for the lesson (with presentation mode, the projector's every pixel)."""
        w = self.window
        if on and not w.isFullScreen():
            w.showFullScreen()
        elif not on and w.isFullScreen():
            w.showNormal()

    def set_presentation(self, on: bool) -> None:
        """Projector layout (see projector_layout): diagram and formula large, the plot smaller, controls hidden."""
        w = self.window
        w.board.set_on(False)  # the layout it would put back is the one presentation changes
        self.apply()  # the larger fonts first: the docks are sized with them
        if on:
            w.projector.enter()
        else:
            w.projector.leave()
        w.lesson_box.set_collapsed(on or w.projector.walking)  # on a projector its title; ▸ opens the text
        # The inspector and the diagram fit themselves again when their size settles (resizeEvent).
        w.inspector.fit_formula()
        w.network_view.fit()
