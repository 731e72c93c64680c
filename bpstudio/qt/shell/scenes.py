"""A lecture in the window: the Scenes panel, its actions, opening and saving, paging, blanking, the presenter view.

The lecture (:class:`.lecture_draft.LectureDraft`) changes only by the
panel's edits and Update scene, each one undoable (a ``QUndoStack``: nothing
is lost silently), and reaches its file only by Save Lecture.  Presenting —
PgDn/PgUp, a click on a scene — puts a scene on screen through
:class:`.scene_stage.SceneStage` and never changes it: what the teacher does
after arriving is scratch, and arriving again restores the prepared state.
A scene whose data cannot be rebuilt is marked in the list and skipped by
PgDn/PgUp.

Files: File ▸ Open and Open Recent open a ``.bplecture`` here (the session
files hand it over), as do ``bpstudio F.bplecture`` and the system's
file-open event; a lecture that cannot be opened opens nothing and says why.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QStyle

from bpstudio.control.files.lecture_draft import LectureDraft
from bpstudio.control.files.lecture_file import LectureFileError
from bpstudio.control.files.scene import Scene
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.engine.text_safety import plain, shown_name
from bpstudio.qt.files.save_names import ask_save_path
from bpstudio.qt.files.scenes_panel import ScenesPanel
from bpstudio.qt.files.start_folder import remember_folder, start_folder, start_path
from bpstudio.qt.shell.blank_screen import BlankScreen
from bpstudio.qt.shell.docks import add_dock
from bpstudio.qt.shell.i18n import marked
from bpstudio.qt.shell.presenter_view import PresenterView
from bpstudio.qt.shell.safe_text import literal
from bpstudio.qt.shell.scene_stage import SceneStage

if TYPE_CHECKING:
    from bpstudio.qt.main_window import MainWindow

FILTER = QT_TRANSLATE_NOOP("Scenes", "BP Studio lectures (*.bplecture)")
TEXTS = {
    "add_scene": QT_TRANSLATE_NOOP("Scenes", "&Add scene (capture now)"),
    "update_scene": QT_TRANSLATE_NOOP("Scenes", "&Update scene"),
    "next_scene": QT_TRANSLATE_NOOP("Scenes", "&Next scene"),
    "previous_scene": QT_TRANSLATE_NOOP("Scenes", "&Previous scene"),
    "rename_scene": QT_TRANSLATE_NOOP("Scenes", "&Rename scene"),
    "duplicate_scene": QT_TRANSLATE_NOOP("Scenes", "D&uplicate scene"),
    "delete_scene": QT_TRANSLATE_NOOP("Scenes", "&Delete scene"),
    "open_lecture": QT_TRANSLATE_NOOP("Scenes", "Open &Lecture…"),
    "save_lecture": QT_TRANSLATE_NOOP("Scenes", "Save Lec&ture"),
    "save_lecture_as": QT_TRANSLATE_NOOP("Scenes", "Save Lecture As…"),
}
TIPS = {
    "add_scene": QT_TRANSLATE_NOOP("Scenes", "Keep what the studio shows now as a new scene after the current one"),
    "update_scene": QT_TRANSLATE_NOOP("Scenes", "Replace the current scene by what the studio shows now (its title and note stay)"),
    "next_scene": QT_TRANSLATE_NOOP("Scenes", "Go to the next scene (Page Down, as a presenter's remote sends)"),
    "previous_scene": QT_TRANSLATE_NOOP("Scenes", "Go to the previous scene (Page Up)"),
}
ICONS = {
    "add_scene": QStyle.StandardPixmap.SP_FileDialogNewFolder,
    "update_scene": QStyle.StandardPixmap.SP_DialogSaveButton,
    "previous_scene": QStyle.StandardPixmap.SP_ArrowUp,
    "next_scene": QStyle.StandardPixmap.SP_ArrowDown,
    "duplicate_scene": QStyle.StandardPixmap.SP_FileDialogContentsView,
    "delete_scene": QStyle.StandardPixmap.SP_TrashIcon,
}


class _Edit(QUndoCommand):
    """One edit of the lecture: the scene list before and after (scenes are immutable: that is all it takes)."""

    def __init__(self, scenes: Scenes, text: str, after: tuple[Scene, ...], current: int | None) -> None:
        super().__init__(text)
        self.scenes = scenes
        self.before, self.after = scenes.draft.scenes, after
        self.current_before, self.current_after = scenes.current, current

    def redo(self) -> None:
        self.scenes.put(self.after, self.current_after)

    def undo(self) -> None:
        self.scenes.put(self.before, self.current_before)


class Scenes(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.draft = LectureDraft()
        self.current: int | None = None  # the scene last arrived at (or chosen), by position
        self.stage = SceneStage(window)
        self.undo = QUndoStack(self)
        self.panel = ScenesPanel()
        self.dock = add_dock(window, "scenes_dock", self.panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        window.tabifyDockWidget(window.probe_dock, self.dock)
        window.probe_dock.raise_()
        self.blank = BlankScreen(window)
        self.presenter = PresenterView(window)
        self.actions: dict[str, QAction] = {}
        self._build_actions()
        self.panel.chosen.connect(self.go)
        self.panel.renamed.connect(self._rename)
        self.panel.reordered.connect(self._reorder)
        self.panel.note_edited.connect(lambda position, note: self._edit(self.tr("Edit note"), self.draft.with_view(position, note=note)))
        self.panel.installEventFilter(self)  # its LanguageChange: the actions' words too
        window.installEventFilter(self)  # the window's LanguageChange puts a plain title back: the lecture's after it
        window.files.lecture_opener = self.open
        # the class sees the studio, not the list: the board view and presentation mode put the panel away
        # (both put the window's layout back when they end, the panel with it)
        window.board.others = (*window.board.others, self.dock)
        window.menus.presentation.toggled.connect(self._presenting)
        self._add_to_menus()
        self.retranslate()
        self.refresh()

    # -- building -----------------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        w, style = self.window, self.window.style()
        slots = {
            "add_scene": self.add_scene,
            "update_scene": self.update_scene,
            "next_scene": lambda: self.page(1),
            "previous_scene": lambda: self.page(-1),
            "rename_scene": self._start_rename,
            "duplicate_scene": self.duplicate,
            "delete_scene": self.delete,
            "open_lecture": self.open_dialog,
            "save_lecture": self.save,
            "save_lecture_as": self.save_as,
        }
        keys = {
            "next_scene": QKeySequence(Qt.Key.Key_PageDown),
            "previous_scene": QKeySequence(Qt.Key.Key_PageUp),
            "rename_scene": QKeySequence(Qt.Key.Key_F2),
            "delete_scene": QKeySequence(QKeySequence.StandardKey.Delete),
        }
        for name, slot in slots.items():
            action = QAction(w)
            action.setObjectName(name)
            if name in ICONS:
                action.setIcon(style.standardIcon(ICONS[name]))
            if name in keys:
                action.setShortcut(keys[name])
            action.triggered.connect(slot)
            self.actions[name] = action
        for name in ("rename_scene", "delete_scene"):  # keys of the list, not of the window (Delete in a field deletes text)
            self.actions[name].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.panel.list.addAction(self.actions[name])
        for name in ("next_scene", "previous_scene"):
            w.addAction(self.actions[name])  # PgDn/PgUp in presentation mode too, with the menus hidden
            self.presenter.addAction(self.actions[name])  # and when the teacher's click made the presenter view active
        self.presenter.addAction(self.blank.action)
        self.undo_action = self.undo.createUndoAction(self, self.tr("Undo"))  # "Undo Delete scene": it names the edit
        self.undo_action.setObjectName("undo_scene_edit")
        self.undo_action.setIcon(QIcon.fromTheme("edit-undo", style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload)))
        self.redo_action = self.undo.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setObjectName("redo_scene_edit")
        order = ("previous_scene", "next_scene", "add_scene", "update_scene", "duplicate_scene", "delete_scene")
        self.panel.add_actions([self.actions[name] for name in order] + [self.undo_action])

    def _add_to_menus(self) -> None:
        menus = self.window.menus
        file_menu = menus.menu("menu_file")
        save_as = self.window.files.actions["save_as"]
        before = file_menu.actions()[file_menu.actions().index(save_as) + 1]
        file_menu.insertSeparator(before)
        for name in ("open_lecture", "save_lecture", "save_lecture_as"):
            file_menu.insertAction(before, self.actions[name])
        self.menu = self.window.menuBar().addMenu("")
        self.menu.setObjectName("menu_lecture")
        self.window.menuBar().insertMenu(menus.menu("menu_help").menuAction(), self.menu)
        for name in ("previous_scene", "next_scene"):
            self.menu.addAction(self.actions[name])
        self.menu.addAction(self.blank.action)
        self.menu.addSeparator()
        for name in ("add_scene", "update_scene", "rename_scene", "duplicate_scene", "delete_scene"):
            self.menu.addAction(self.actions[name])
        self.menu.addActions([self.undo_action, self.redo_action])
        self.menu.addSeparator()
        self.menu.addAction(self.dock.toggleViewAction())

    def _presenting(self, on: bool) -> None:
        if on:
            self.dock.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            if watched is self.panel:
                self.retranslate()
            elif watched is self.window:
                QTimer.singleShot(0, self._title)  # after the window's own handler has set its plain title
        return False

    def retranslate(self) -> None:
        for name, action in self.actions.items():
            action.setText(marked("Scenes", TEXTS[name]))
            if name in TIPS:
                action.setToolTip(marked("Scenes", TIPS[name]))
                action.setStatusTip(marked("Scenes", TIPS[name]))
        self.menu.setTitle(self.tr("Lect&ure"))
        self.dock.setWindowTitle(self.tr("Scenes"))
        self.dock.toggleViewAction().setText(self.tr("Scenes panel"))
        self.panel.retranslate()
        self.blank.retranslate()
        self.presenter.retranslate()
        self.refresh()

    # -- the panel ------------------------------------------------------------------------------------------
    def title_of(self, position: int) -> str:
        title = self.draft.scenes[position].view.title
        return title or self.tr("Scene {n}").format(n=position + 1)

    def refresh(self) -> None:
        scenes = self.draft.scenes
        self.panel.show_scenes(scenes, self.current, [self.title_of(i) for i in range(len(scenes))])
        has = self.current is not None
        self.actions["update_scene"].setEnabled(has)
        for name in ("rename_scene", "duplicate_scene", "delete_scene"):
            self.actions[name].setEnabled(has)
        for name in ("next_scene", "previous_scene", "save_lecture", "save_lecture_as"):
            self.actions[name].setEnabled(bool(scenes))

    def put(self, scenes: tuple[Scene, ...], current: int | None) -> None:
        """The lecture's scenes are now ``scenes`` (an edit, its undo or redo)."""
        self.draft.scenes = scenes
        self.current = current if current is not None and current < len(scenes) else None
        self.refresh()
        self._title()

    def _edit(self, text: str, after: tuple[Scene, ...], current: int | None = None) -> None:
        self.undo.push(_Edit(self, text, after, self.current if current is None else current))

    def _rename(self, position: int, text: str) -> None:
        self.panel.commit_note()  # a note being typed is kept before the list changes
        if text == self.tr("Scene {n}").format(n=position + 1):
            text = ""  # the placeholder left as it was is no title
        if text != self.draft.scenes[position].view.title:
            self._edit(self.tr("Rename scene"), self.draft.with_view(position, title=text))

    def _reorder(self, order: list[int]) -> None:
        self.panel.commit_note()  # a note being typed is kept before the list changes
        if order == list(range(len(self.draft.scenes))):
            return
        current = None if self.current is None else order.index(self.current)
        self._edit(self.tr("Move scene"), self.draft.reordered(order), current)

    def _start_rename(self) -> None:
        item = self.panel.list.currentItem()
        if item is not None:
            self.panel.list.editItem(item)

    # -- capturing ------------------------------------------------------------------------------------------
    def add_scene(self) -> None:
        self.panel.commit_note()  # a note being typed is kept before the list changes
        scene = self.stage.capture()
        if scene is None:
            return
        position = len(self.draft.scenes) if self.current is None else self.current + 1
        self._edit(self.tr("Add scene"), self.draft.inserted(position, scene), position)
        self.stage.scene = scene  # what is on screen is this scene now
        self.dock.show()
        self.dock.raise_()
        self._say(self.tr("Scene {n} added").format(n=position + 1))

    def update_scene(self) -> None:
        self.panel.commit_note()  # a note being typed is kept before the list changes
        if self.current is None:
            return
        old = self.draft.scenes[self.current].view
        scene = self.stage.capture(old.title, old.note)
        if scene is not None:
            self._edit(self.tr("Update scene"), self.draft.with_scene(self.current, scene))
            self.stage.scene = scene
            self._say(self.tr("Scene {n} updated").format(n=self.current + 1))

    def duplicate(self) -> None:
        self.panel.commit_note()  # a note being typed is kept before the list changes
        if self.current is not None:
            scene = self.draft.scenes[self.current]
            self._edit(self.tr("Duplicate scene"), self.draft.inserted(self.current + 1, scene), self.current + 1)

    def delete(self) -> None:
        self.panel.commit_note()  # a note being typed is kept before the list changes
        if self.current is None:
            return
        position = self.current
        after = self.draft.without(position)
        self._edit(self.tr("Delete scene"), after, min(position, len(after) - 1) if after else None)
        self._say(self.tr("Scene {n} deleted (Lecture ▸ Undo brings it back)").format(n=position + 1))

    # -- presenting -----------------------------------------------------------------------------------------
    def go(self, position: int) -> bool:
        """Arrive at the scene at ``position``: the prepared state, whatever was done since."""
        if not 0 <= position < len(self.draft.scenes):
            return False
        self.panel.commit_note()
        scene = self.draft.scenes[position]
        self.current = position
        self.refresh()
        if not self.stage.arrive(scene):
            self._say(self.tr("Scene {n} cannot be shown: {reason}").format(n=position + 1, reason=scene.problem or ""))
            return False
        self._title()
        self._show_presenter(position)
        return True

    def page(self, step: int) -> None:
        if not self.draft.scenes:
            return
        start = (-1 if step > 0 else len(self.draft.scenes)) if self.current is None else self.current + step
        position = self.draft.playable(start, step)
        if position is None:
            self._say(self.tr("This is the last scene.") if step > 0 else self.tr("This is the first scene."))
            return
        self.go(position)

    def _show_presenter(self, position: int) -> None:
        if len(QGuiApplication.screens()) < 2:
            return
        scenes = self.draft.scenes
        following = self.draft.playable(position + 1, 1)
        self.presenter.show_scenes(position + 1, scenes[position], None if following is None else scenes[following])
        self.presenter.place(self.window.screen())

    # -- files ------------------------------------------------------------------------------------------------
    def open_dialog(self) -> None:
        if not self.window.files.confirm_discard() or not self.confirm_discard():
            return
        start = str(self.draft.path.parent) if self.draft.path else str(start_folder(self.window.settings.store))
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open lecture"), start, marked("Scenes", FILTER))
        if path:
            remember_folder(path, self.window.settings.store)
            self.open(Path(path))

    def open(self, path: str | Path) -> bool:
        """Open a lecture on its first scene that can be shown; a lecture that cannot be opened opens nothing and says why."""
        w = self.window
        w.files.opening.emit()  # opening a lecture never offers the tour, even one that fails
        if not self.confirm_discard():  # the session's question was asked by whoever asked to open
            return False
        try:
            self.draft.open(path)
        except LectureFileError as err:
            QMessageBox.warning(
                w,
                self.tr("Cannot open the lecture"),
                literal(
                    self.tr("{name} cannot be opened:\n{reason}\n\nNothing was opened.").format(
                        name=shown_name(Path(path).name), reason=err
                    )
                ),
            )
            return False
        except OSError as err:
            self._cannot(self.tr("Cannot open the lecture"), path, err)
            return False
        self.undo.clear()
        self.current = None
        w.files._remember(Path(path))  # noqa: SLF001 - Open Recent lists lectures with sessions
        self.dock.show()
        self.dock.raise_()
        self.refresh()
        first = self.draft.playable(0, 1)
        if first is None:
            QMessageBox.warning(w, self.tr("Cannot open the lecture"), self.tr("None of this lecture's scenes can be shown."))
            self._title()
            return True
        return self.go(first)

    def save(self) -> bool:
        if self.draft.path is None:
            return self.save_as()
        return self._save_to(self.draft.path)

    def save_as(self) -> bool:
        settings = self.window.settings.store
        start = str(self.draft.path) if self.draft.path else start_path("lecture.bplecture", settings)
        path = ask_save_path(self.window, self.tr("Save lecture"), start, marked("Scenes", FILTER), ".bplecture")
        if not path:
            return False
        remember_folder(path, settings)
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        if not self.draft.scenes:
            return False
        self.panel.commit_note()
        try:
            self.draft.save(path)
        except OSError as err:
            self._cannot(self.tr("Cannot save the lecture"), path, err)
            return False
        self.window.files._remember(path)  # noqa: SLF001 - Open Recent lists lectures with sessions
        self._title()
        self._say(self.tr("Saved {path}").format(path=path))
        return True

    def confirm_discard(self) -> bool:
        """Ask before unsaved lecture edits are lost; True when it is fine to go on."""
        self.panel.commit_note()
        if not self.draft.unsaved or not self.window.ask_before_closing:
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.window,
            self.tr("Unsaved lecture"),
            self.tr("The lecture's scenes have changed since it was last saved. Save the lecture first?"),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    # -- words -------------------------------------------------------------------------------------------------
    def _title(self) -> None:
        if self.draft.path is not None or self.draft.scenes:
            name = shown_name(self.draft.path.name) if self.draft.path else self.tr("untitled lecture")
            if self.current is not None:
                name = f"{name} · {self.title_of(self.current)}"
            self.window.setWindowTitle(f"{name} — BP Studio")

    def _say(self, text: str) -> None:
        self.window.status.showMessage(text, 4000)

    def _cannot(self, title: str, path: str | Path, err: OSError) -> None:
        reason = err.strerror or str(err)
        message = QCoreApplication.translate("Scenes", "{path} could not be used:\n{reason}").format(path=plain(str(path)), reason=reason)
        QMessageBox.warning(self.window, title, literal(message))
