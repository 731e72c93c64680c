"""File > Open / Save / Save As / Open Recent, and the question on closing unsaved work.

Saving reads only what the GUI thread already has (the last Update and its
own copy of the history), never the training thread's arrays.  Opening is a
transaction: the whole file is checked first (the one validator of
session_file), then handed to the training thread; the window takes the
file's name, path and saved state only when the thread reports it loaded,
and Save is disabled until then — so Save during loading cannot write the
old session over the new file.  A file refused at either step leaves title,
session and path as they were and says why.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from bpstudio.control import LoadSaved
from bpstudio.control.files.session_file import SavedSession, SessionFileError, load_session, save_state
from bpstudio.control.model.studio_model import StudioModel
from bpstudio.control.runtime.commands import Change
from bpstudio.control.runtime.pace import Pace
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.engine.text_safety import plain, shown_name
from bpstudio.qt.files.save_names import ask_save_path
from bpstudio.qt.files.start_folder import remember_folder, start_folder, start_path
from bpstudio.qt.shell.i18n import marked
from bpstudio.qt.shell.safe_text import literal

FILTER = QT_TRANSLATE_NOOP("SessionFiles", "BP Studio sessions (*.bpstudio)")
OPEN_FILTER = QT_TRANSLATE_NOOP("SessionFiles", "BP Studio sessions and lectures (*.bpstudio *.bplecture)")
LECTURE_SUFFIX = ".bplecture"
ACTION_TEXTS = {
    "open": QT_TRANSLATE_NOOP("SessionFiles", "&Open…"),
    "save": QT_TRANSLATE_NOOP("SessionFiles", "&Save"),
    "save_as": QT_TRANSLATE_NOOP("SessionFiles", "Save &As…"),
}
MAX_RECENT = 8


class SessionFiles(QObject):
    """Open, save and the unsaved-work question, from the studio model's state.

    It gets the model (what is saved: the last Update, the history, the
    selection), the parent for its dialogs, and the two gestures it needs
    (``submit`` a command to the training thread, ``pause``); it tells the
    window its title and status messages through signals.
    """

    title_changed = Signal(str)
    status_message = Signal(str)
    opening = Signal()  # a file was checked and is being opened: the studio is not on a first start's state

    def __init__(
        self,
        model: StudioModel,
        settings: QSettings,
        parent: QWidget,
        submit: Callable[[Change], None],
        pause: Callable[[], None],
        should_ask: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.parent_widget = parent
        self.submit, self.pause, self.should_ask = submit, pause, should_ask
        self.settings = settings
        self.path: Path | None = None
        self.saved_mark: tuple | None = None  # (iteration, config, changes) when last saved/opened
        self.pending: tuple[Path, SavedSession] | None = None  # handed to the thread, not yet loaded
        # the pace on screen (the toolbar's boxes): saved as shown, even before the trainer has taken it
        self.pace_source: Callable[[], Pace] | None = None
        # who opens a lecture (File > Open, Open Recent, the command line and the system hand them here too)
        self.lecture_opener: Callable[[Path], bool] | None = None

    # -- menu -----------------------------------------------------------------------------
    def add_to(self, menu: QMenu) -> None:
        self.actions = {}
        for shortcut, slot, name in (
            (QKeySequence.StandardKey.Open, self.open_dialog, "open"),
            (QKeySequence.StandardKey.Save, self.save, "save"),
            (QKeySequence.StandardKey.SaveAs, self.save_as, "save_as"),
        ):
            action = QAction(self.parent_widget)
            action.setObjectName(name)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            menu.addAction(action)
            self.actions[name] = action
        self.recent_menu = menu.addMenu("")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.retranslate()

    def retranslate(self) -> None:
        for name, action in getattr(self, "actions", {}).items():
            action.setText(marked("SessionFiles", ACTION_TEXTS[name]))
        if hasattr(self, "recent_menu"):
            self.recent_menu.setTitle(self.tr("Open &Recent"))

    def recent(self) -> list[str]:
        value = self.settings.value("recent_files", [])
        if isinstance(value, str):
            value = [value]
        return [p for p in value if isinstance(p, str)] if isinstance(value, (list, tuple)) else []

    def _remember(self, path: Path) -> None:
        entries = [str(path)] + [p for p in self.recent() if p != str(path)]
        self.settings.setValue("recent_files", entries[:MAX_RECENT])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        entries = self.recent()
        if not entries:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)
        for entry in entries:

            def open_entry(p: str = entry) -> None:
                self.open(p)

            self.recent_menu.addAction(entry, open_entry)

    # -- state ----------------------------------------------------------------------------------
    def _pace(self) -> Pace:
        if self.pace_source is not None:
            return self.pace_source()
        last = self.model.last
        return Pace() if last is None else last.pace

    def _mark(self) -> tuple | None:
        last = self.model.last
        return None if last is None else (last.iteration, last.config, last.changes, self._pace())

    @property
    def unsaved(self) -> bool:
        last = self.model.last
        if last is None:
            return False
        if self.saved_mark is None:
            return last.iteration > 0
        return self._mark() != self.saved_mark

    def let_go(self) -> None:
        """A new session replaces the one on screen (a lesson, the tour): it has no file until saved.

        Its unsaved-work mark is cleared with the path: the question comes back
        only when the new session has work in it (an iteration trained).  A file
        still being opened is let go too: the lesson comes after it, and the
        file's name must not stay on the lesson (Save would write over it).
        """
        if self.pending is not None:
            self.pending = None
            self._enable_saving(True)
        self.path = None
        self.saved_mark = None
        self._title()

    def _title(self) -> None:
        name = shown_name(self.path.name) if self.path else "untitled"  # a file name may hold control characters
        self.title_changed.emit(f"{name} — BP Studio")

    # -- actions -----------------------------------------------------------------------------------
    def open_dialog(self) -> None:
        if not self.confirm_discard():
            return
        start = str(self.path.parent) if self.path else str(start_folder(self.settings))
        filters = marked("SessionFiles", OPEN_FILTER) if self.lecture_opener is not None else marked("SessionFiles", FILTER)
        path, _ = QFileDialog.getOpenFileName(self.parent_widget, self.tr("Open session"), start, filters)
        if path:
            remember_folder(path, self.settings)
            self.open(path)

    def open(self, path: str | Path, saved=None) -> bool:
        """Check ``path`` and hand it to the training thread (``saved``: already checked contents); a lecture goes to its opener."""
        if saved is None and self.lecture_opener is not None and str(path).lower().endswith(LECTURE_SUFFIX):
            return self.lecture_opener(Path(path))
        try:
            saved = saved if saved is not None else load_session(path, for_studio=True)
        except SessionFileError as err:
            self._refused(path, str(err))
            return False
        self.pause()
        self.opening.emit()
        self.model.open_next_run_with(saved.selected_param)
        self.pending = (Path(path), saved)
        self._enable_saving(False)
        self.submit(LoadSaved(saved))
        return True

    def trainer_lost(self) -> None:
        """The trainer ended before a file being opened arrived: say it was not opened, and allow saving again."""
        if self.pending is not None:
            self.load_finished(self.pending[1], self.tr("the training process ended before the file was loaded"))

    def load_finished(self, saved: SavedSession, error: str | None) -> None:
        """The training thread has loaded ``saved`` (or failed to, with ``error``)."""
        if self.pending is None or self.pending[1] is not saved:
            return
        path = self.pending[0]
        self.pending = None
        self._enable_saving(True)
        if error is not None:
            self.model.open_next_run_with(None)
            self._refused(path, error.splitlines()[0])
            return
        self.path = path
        self.saved_mark = self._mark()
        self._remember(path)
        self._title()

    def _refused(self, path, reason: str) -> None:
        QMessageBox.warning(
            self.parent_widget,
            self.tr("Cannot open the session"),
            literal(  # a message box guesses rich text: the file's name and reason are shown as written
                self.tr("{name} cannot be opened:\n{reason}\n\nThe current session stays as it was.").format(
                    name=shown_name(Path(path).name), reason=reason
                )
            ),
        )

    def _enable_saving(self, enabled: bool) -> None:
        for name in ("save", "save_as"):
            if name in getattr(self, "actions", {}):
                self.actions[name].setEnabled(enabled)

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        start = str(self.path) if self.path else start_path("session.bpstudio", self.settings)
        path = ask_save_path(self.parent_widget, self.tr("Save session"), start, marked("SessionFiles", FILTER), ".bpstudio")
        if not path:
            return False
        remember_folder(path, self.settings)
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        last = self.model.last
        if last is None or self.pending is not None:  # never the old session over a file being opened
            return False
        problem = last.problem
        assert problem is not None, "a run's updates carry its problem"
        try:
            mirror = self.model.history
            save_state(
                path,
                last.config,
                last.snapshot,
                mirror.values(),
                last.changes,
                self.model.selected,
                problem.all_data,
                mirror.test_values() if problem.test is not None else None,
                self._pace(),
            )
        except OSError as err:
            QMessageBox.warning(
                self.parent_widget,
                self.tr("Cannot save the session"),
                literal(self.tr("{path} could not be written:\n{reason}").format(path=plain(str(path)), reason=err.strerror or err)),
            )
            return False
        self.path = Path(path)
        self.saved_mark = self._mark()
        self._remember(self.path)
        self._title()
        self.status_message.emit(self.tr("Saved {path}").format(path=path))
        return True

    def confirm_discard(self) -> bool:
        """Ask before unsaved work is lost; True when it is fine to go on."""
        if not self.unsaved or not self.should_ask():
            return True
        answer = QMessageBox.question(
            self.parent_widget,
            self.tr("Unsaved work"),
            self.tr("This session has changed since it was last saved. Save it first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard
