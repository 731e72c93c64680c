"""The Scenes panel: a lecture's scenes in order, and the teacher's note of the one chosen.

A view only: it shows the scenes it is given and says what the teacher asked
for — go to a scene (a click), rename it (F2 or a double-click, plain text),
move scenes (dragging), change a note — as signals; the presenter
(:mod:`bpstudio.qt.shell.scenes`) changes the lecture and gives the panel the
new list.  A scene whose data cannot be rebuilt is shown with a warning sign,
greyed, and the reason in its tooltip.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from bpstudio.control.files.scene import MAX_TEXT, Scene
from bpstudio.engine.text_safety import shown_name
from bpstudio.qt.shell.safe_text import plain_label

POSITION = Qt.ItemDataRole.UserRole  # each row's place in the lecture the panel was given
NOTE = Qt.ItemDataRole.UserRole + 1  # each row's note, as the lecture has it
NOTE_PAUSE_MS = 600  # a note is handed on once the typing pauses


class ScenesPanel(QWidget):
    chosen = Signal(int)  # go to the scene at this position
    renamed = Signal(int, str)
    reordered = Signal(list)  # the old positions in their new order
    note_edited = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scenes_panel")
        self._filling = False
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("scenes_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.list = QListWidget()
        self.list.setObjectName("scene_list")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked)
        self.list.setWordWrap(True)
        self.list.itemClicked.connect(lambda item: self.chosen.emit(item.data(POSITION)))
        self.list.itemChanged.connect(self._item_changed)
        self.list.model().rowsMoved.connect(self._rows_moved)
        self.list.currentRowChanged.connect(self._show_note)
        self.note_label = plain_label(QLabel())
        self.note = QPlainTextEdit()
        self.note.setObjectName("scene_note")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(140)
        self.note_timer = QTimer(self)
        self.note_timer.setSingleShot(True)
        self.note_timer.setInterval(NOTE_PAUSE_MS)
        self.note_timer.timeout.connect(self.commit_note)
        self.note.textChanged.connect(self._note_typed)
        self._note_row = -1
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note)
        self.retranslate()

    def add_actions(self, actions: Iterable[QAction]) -> None:
        """The presenter's actions, on the panel's toolbar; with no key of their own they work while the list has the keys."""
        for action in actions:
            self.toolbar.addAction(action)

    # -- what the presenter gives ----------------------------------------------------------------------
    def show_scenes(self, scenes: Sequence[Scene], current: int | None, titles: Sequence[str]) -> None:
        """The lecture's scenes (``titles``: what each row says), ``current`` chosen."""
        self.note_timer.stop()  # the presenter took the note being typed before it changed the lecture
        self._filling = True
        self._note_row = -1
        try:
            self.list.clear()
            warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            for position, (scene, title) in enumerate(zip(scenes, titles, strict=True)):
                item = QListWidgetItem(title)
                item.setData(POSITION, position)
                item.setData(NOTE, scene.view.note)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
                item.setFlags(flags | Qt.ItemFlag.ItemIsDragEnabled)
                if scene.problem is not None:
                    item.setIcon(warning)
                    item.setForeground(QColor("#888888"))
                    item.setToolTip(self.tr("This scene cannot be shown: {reason}").format(reason=shown_name(scene.problem)))
                elif scene.view.note:
                    item.setToolTip(shown_name(scene.view.note[:400]))
                self.list.addItem(item)
            self.list.setCurrentRow(-1 if current is None else current)
        finally:
            self._filling = False
        self._show_note(self.list.currentRow())

    # -- what the teacher does --------------------------------------------------------------------------
    def _item_changed(self, item: QListWidgetItem) -> None:
        if not self._filling:
            self.renamed.emit(item.data(POSITION), " ".join(item.text().split())[:MAX_TEXT])

    def _rows_moved(self, _parent: QModelIndex, _start: int, _end: int, _destination: QModelIndex, _row: int) -> None:
        if not self._filling:
            order = [self.list.item(row).data(POSITION) for row in range(self.list.count())]
            QTimer.singleShot(0, lambda: self.reordered.emit(order))  # after the view has finished its drop

    def _show_note(self, row: int) -> None:
        if self._filling:
            return
        self.commit_note()
        self._note_row = row
        item = self.list.item(row) if row >= 0 else None
        blocked = self.note.blockSignals(True)
        self.note.setPlainText("" if item is None else item.data(NOTE) or "")
        self.note.blockSignals(blocked)
        self.note.setEnabled(item is not None)

    def _note_typed(self) -> None:
        self.note_timer.start()

    def commit_note(self) -> None:
        """Hand on the note being typed, if it changed."""
        self.note_timer.stop()
        item = self.list.item(self._note_row) if self._note_row >= 0 else None
        if item is None:
            return
        text = self.note.toPlainText()[:MAX_TEXT]
        if text != (item.data(NOTE) or ""):
            item.setData(NOTE, text)
            self.note_edited.emit(item.data(POSITION), text)

    def retranslate(self) -> None:
        self.note_label.setText(self.tr("Note for the teacher (not shown to the class):"))
        self.note.setPlaceholderText(self.tr("What to say or ask at this scene"))
        self.list.setToolTip(self.tr("Click a scene to go to it; F2 or a double-click renames it; drag to reorder"))
