"""File ▸ Open Playground link… and File ▸ Export ▸ Playground link: the bridge to TensorFlow Playground.

Opening pastes a link (a whole URL, or its ``#…`` part) and starts *that link's run* under
Playground conventions, paused at epoch 0 like a lesson: unsaved work is asked about first and
the old file let go. A link Playground's own controls could not make is refused in the dialog
with the key named (no traceback); ``cosX``/``cosY`` and keys Playground does not know are
accepted and said in a warning box, as Playground ignores them. Exporting shows the run's URL,
copied to the clipboard, or says why a run under the studio's own conventions has none.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QMenu, QMessageBox, QVBoxLayout, QWidget

from bpstudio.control.model.studio_model import StudioModel
from bpstudio.engine.config import ConfigError, RunConfig
from bpstudio.engine.messages import Refusal
from bpstudio.engine.playground.link import canonical_hash, read_link
from bpstudio.qt.shell.i18n import localized
from bpstudio.qt.shell.safe_text import plain_label

PLAYGROUND_URL = "https://playground.tensorflow.org/"


class LinkDialog(QDialog):
    """One line to paste a link into; a refusal stays in the dialog, under the line, until fixed."""

    def __init__(self, parent: QWidget, opened: Callable[[str], str | None]) -> None:
        super().__init__(parent)
        self.setObjectName("playground_link_dialog")
        self.opened = opened
        self.setWindowTitle(self.tr("Open Playground link"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Paste a TensorFlow Playground link (the whole URL or its '#…' part). Its run opens under "
                "Playground conventions: the same data, start weights, updates and losses, epoch by epoch."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.edit = QLineEdit()
        self.edit.setObjectName("playground_link_text")
        self.edit.setPlaceholderText("https://playground.tensorflow.org/#activation=tanh&…&seed=0.14302&…")
        layout.addWidget(self.edit)
        self.message = plain_label(QLabel())  # the refusal quotes what was pasted
        self.message.setObjectName("playground_link_error")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_open)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, self.sizeHint().height())

    def try_open(self) -> None:
        refusal = self.opened(self.edit.text())
        if refusal is None:
            self.accept()
            return
        self.message.setText(refusal)
        self.message.show()


class PlaygroundLinks(QObject):
    """The two actions and what they do; composed by the window from its menus and set-up."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.model: StudioModel = window.model
        self.dialog: LinkDialog | None = None
        self.notes: QMessageBox | None = None  # what the last opened link held that Playground ignores
        file_menu: QMenu = window.menus.menu("menu_file")
        self.open_action = QAction(window)
        self.open_action.setObjectName("open_playground_link")
        self.open_action.triggered.connect(self.ask)
        file_menu.insertAction(window.files.actions["save"], self.open_action)
        self.export_action = QAction(window)
        self.export_action.setObjectName("export_playground_link")
        self.export_action.triggered.connect(self.export)
        window.exports.menu.addAction(self.export_action)
        self.retranslate()

    def retranslate(self) -> None:
        self.open_action.setText(self.tr("Open &Playground link…"))
        self.open_action.setStatusTip(self.tr("Open a TensorFlow Playground link's own run, number for number"))
        self.export_action.setText(self.tr("Playground link"))
        self.export_action.setStatusTip(self.tr("The TensorFlow Playground URL of this run, copied to the clipboard"))

    # -- opening -----------------------------------------------------------------------------
    def ask(self) -> LinkDialog:
        """The paste dialog, shown without blocking (tests fill it in and press Open)."""
        self.dialog = LinkDialog(self.window, self.open_link)
        self.dialog.open()
        return self.dialog

    def open_link(self, text: str) -> str | None:
        """Open the link's run; the reason (naming the key) when it is refused, else None."""
        try:
            link = read_link(text)
            config = RunConfig.from_playground(text, max_iter=self.model.last.config.max_iter if self.model.last else 50000)
        except (Refusal, ConfigError) as err:
            return localized(err)
        if not self.window.lesson_setup.set_up(config, None):
            return None  # the user kept the work on screen: nothing to fix in the link
        if link.notes:  # said once, in a box of its own: the banner gives way to the new run's first update
            self.notes = QMessageBox(QMessageBox.Icon.Warning, self.tr("Playground link"), "", parent=self.window)
            self.notes.setObjectName("playground_link_notes")
            self.notes.setTextFormat(Qt.TextFormat.PlainText)  # the notes quote the link's keys, which may look like markup
            self.notes.setText("\n".join(self.tr("Playground link: {note}").format(note=localized(note)) for note in link.notes))
            self.notes.open()
        self.window.status.showMessage(self.tr("Opened a Playground link's run: Playground conventions, epoch 0"), 4000)
        return None

    # -- exporting -----------------------------------------------------------------------------
    def link(self) -> str | None:
        """The URL of the run on screen, or None when Playground cannot express it."""
        last = self.model.last
        if last is None or not last.config.is_playground:
            return None
        return PLAYGROUND_URL + "#" + canonical_hash(read_link(last.config.playground).state)

    def export(self) -> QMessageBox:
        url = self.link()
        box = QMessageBox(self.window)
        box.setObjectName("playground_link_export")
        box.setWindowTitle(self.tr("Playground link"))
        if url is None:
            box.setIcon(QMessageBox.Icon.Information)
            box.setText(
                self.tr(
                    "This run uses the studio's own conventions (a summed loss, its start weights, data and optimizer), "
                    "which TensorFlow Playground cannot express. Only a run opened from a Playground link has one."
                )
            )
        else:
            QGuiApplication.clipboard().setText(url)
            box.setText(self.tr("The run's TensorFlow Playground link, copied to the clipboard:"))
            box.setInformativeText(url)
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.window.status.showMessage(self.tr("Playground link copied"), 4000)
        box.open()
        return box
