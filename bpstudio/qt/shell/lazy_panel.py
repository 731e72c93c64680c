"""A dock's content that is built the first time it is shown.

The landscape panel's two plots cost ~0.1 s to build, a sixth of the studio's
start-up, for a tab many sessions never open.  A :class:`LazyPanel` stands in
the dock; the first time the dock says it is visible (or the first
:meth:`ensure`, for code and tests that need the panel) builds the real one,
which reads the model's current state.  Its own showEvent is no sign: a
window's first show shows every dock's content, tabs behind others included,
before the tabs hide them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QDockWidget, QVBoxLayout, QWidget

P = TypeVar("P", bound=QWidget)


class LazyPanel(QWidget, Generic[P]):
    def __init__(self, build: Callable[[], P], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self.panel: P | None = None  # None until built
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def ensure(self) -> P:
        """The panel, built now if it was not yet."""
        if self.panel is None:
            self.panel = self._build()
            layout = self.layout()
            assert layout is not None  # made in __init__
            layout.addWidget(self.panel)
            self.panel.setVisible(True)  # a new parent hides a widget; it shows with this holder
        return self.panel

    def follow(self, dock: QDockWidget) -> None:
        """Build when ``dock`` (which holds this) first comes on screen."""
        dock.visibilityChanged.connect(lambda visible: visible and self.ensure())
