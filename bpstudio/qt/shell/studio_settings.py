"""What the studio remembers between starts: window layout, look, language, the run's config, the tour.

One place reads and writes the QSettings keys, so the window only says what
to keep and what it found.  A remembered config is checked before it is used
(:mod:`..control.stored_config`); one that is set aside comes back with the
reason, for the window to tell the user.
"""

from __future__ import annotations

import json
from collections.abc import Container

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtWidgets import QMainWindow, QSplitter

from bpstudio.control.files.stored_config import StoredConfigError, config_from_settings
from bpstudio.control.words.number_format import DEFAULT_DIGITS, digits_setting
from bpstudio.engine.config import RunConfig


def studio_settings_store() -> QSettings:
    """The application's settings (the test suite points them at a folder of its own)."""
    return QSettings("BPStudio", "BPStudio")


class StudioSettings:
    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or studio_settings_store()

    def config(self) -> tuple[RunConfig | None, str | None]:
        """The remembered config, or None and why it was set aside (None when nothing was remembered)."""
        try:
            return config_from_settings(self.store.value("config")), None
        except StoredConfigError as err:
            return None, str(err)

    def restore_layout(self, window: QMainWindow, splitter: QSplitter) -> bool:
        """Put the window, its docks and the centre splitter back; True when the window's geometry was kept.

        Without a remembered geometry (a first start) the window takes most of its screen.
        """
        geometry = self.store.value("geometry")
        restored = isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)
        if not restored:
            fill_most_of_the_screen(window)
        state = self.store.value("window_state")
        if isinstance(state, QByteArray):
            window.restoreState(state)
        splitter_state = self.store.value("splitter")
        if isinstance(splitter_state, QByteArray):
            splitter.restoreState(splitter_state)
        return bool(restored)

    @property
    def log_y(self) -> bool:
        return bool(self.store.value("log_y", False, type=bool))

    def theme(self, known: Container[str]) -> str:
        """The remembered theme when it is one of ``known``, else light."""
        theme = self.store.value("theme", "light")
        return theme if isinstance(theme, str) and theme in known else "light"

    @property
    def language(self) -> str:
        """The remembered language code, or "" when none was chosen yet."""
        return str(self.store.value("language", "") or "")

    @property
    def presentation_size(self) -> str:
        """View ▸ Presentation size: ``auto`` (by the screen's height) or a size's name."""
        return str(self.store.value("presentation_size", "auto") or "auto")

    def remember_presentation_size(self, size: str) -> None:
        self.store.setValue("presentation_size", size)

    @property
    def digits(self) -> str:
        """View ▸ Digits: "4", "6" or "all" significant digits (anything else remembered reads as 4)."""
        return digits_setting(self.store.value("digits", DEFAULT_DIGITS))

    def remember_digits(self, digits: str) -> None:
        self.store.setValue("digits", digits)

    @property
    def tour_seen(self) -> bool:
        return bool(self.store.value("tour_seen", False, type=bool))

    def mark_tour_seen(self) -> None:
        self.store.setValue("tour_seen", True)

    def save(self, window: QMainWindow, splitter: QSplitter, *, log_y: bool, theme: str, language: str, config: RunConfig | None) -> None:
        store = self.store
        store.setValue("geometry", window.saveGeometry())
        store.setValue("window_state", window.saveState())
        store.setValue("splitter", splitter.saveState())
        store.setValue("log_y", log_y)
        store.setValue("theme", theme)
        store.setValue("language", language)
        if config is not None:
            store.setValue("config", json.dumps(config.to_dict()))
        store.sync()


# Room the window manager's frame takes around the window's own area (title bar, borders): the
# size and position set before the first show are the window's, the frame comes on top of them.
FRAME_ROOM = QSize(16, 40)


def fill_most_of_the_screen(window: QMainWindow) -> None:
    """90 % of the screen's free area, centred (a 1920 screen showed a 1366 window in its corner).

    Never smaller than 1366×768, the size the layout was made for.  A screen where that size and
    the frame around it do not fit (a 1366×768 projector) gets the window maximized: sized to the
    whole free area, its frame pushed the status bar, which says why a run stopped, off the bottom.
    """
    screen = window.screen()
    if screen is None:
        return
    area = screen.availableGeometry()
    width = max(1366, round(area.width() * 0.9))
    height = max(768, round(area.height() * 0.9))
    if width + FRAME_ROOM.width() > area.width() or height + FRAME_ROOM.height() > area.height():
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        return
    window.resize(width, height)
    # move() places the frame's corner: centre the window with its frame
    left = area.left() + (area.width() - width - FRAME_ROOM.width()) // 2
    top = area.top() + (area.height() - height - FRAME_ROOM.height()) // 2
    window.move(left, top)
