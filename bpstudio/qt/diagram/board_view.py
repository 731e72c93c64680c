"""The board view: the typeset chain alone, as large as the window allows.

For the minute a teacher explains one gradient, the chain rule of the chosen
weight is the lesson: the diagram, the plot and every other panel step aside
and the inspector shows only its title and the formula, scaled to the window
(its digits never below a projector's size).  The same key brings the layout
back exactly as it was.  Its key is F6: B and period are what presenter remotes
send to blank the screen, and they stay free for that.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QByteArray, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

BOARD_KEY = Qt.Key.Key_F6


class BoardView(QObject):
    """Owns the ``board_view`` action and the layout it puts aside and back."""

    def __init__(
        self,
        window: QMainWindow,
        board: QDockWidget,
        others: Iterable[QDockWidget],
        centre: Callable[[], QWidget | None],
        show_board: Callable[[bool], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.board = board  # the inspector's dock: it holds the chain_formula widget
        self.others = tuple(others)
        self.centre = centre
        self.show_board = show_board  # the inspector shows only the formula (True) or everything (False)
        self._kept: QByteArray | None = None
        self.action = QAction(window, checkable=True)
        self.action.setObjectName("board_view")
        self.action.setShortcut(QKeySequence(BOARD_KEY))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.toggled.connect(self.set_on)
        self.retranslate()

    @property
    def active(self) -> bool:
        return self._kept is not None

    def set_on(self, on: bool) -> None:
        if on == self.active:
            return
        window, centre = self.window, self.centre()
        if on:
            self._kept = window.saveState()
            for dock in self.others:
                dock.hide()
            if centre is not None:
                centre.hide()  # the docks take the centre's room
            self.board.show()
            self.board.raise_()
            self.show_board(True)
        else:
            kept, self._kept = self._kept, None
            self.show_board(False)
            if centre is not None:
                centre.show()
            if kept is not None:
                window.restoreState(kept)
        if self.action.isChecked() != on:
            self.action.setChecked(on)

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Board view: the chain alone"))
        self.action.setStatusTip(self.tr("The chosen weight's chain rule alone, as large as the window allows (F6 again goes back)"))
