"""What the trainer reports, and what becomes of it: its Updates, its errors, its silence and its end.

Each Update goes to the model (which keeps it and tells every view) and, for
a session file being opened, to the files (the file is the session's only
once the trainer has loaded it).  An error in training is said in the
banner.  A trainer that stops answering is watched (:mod:`.trainer_watch`);
one whose process ended unasked switches off every gesture that would need
it — the run stays where it was last reported, and can be saved.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from bpstudio.control import Update
from bpstudio.control.model.studio_model import StudioModel
from bpstudio.qt.files.session_files import SessionFiles
from bpstudio.qt.shell.notice_banner import NoticeBanner
from bpstudio.qt.shell.trainer_watch import TrainerWatch, how_it_ended


class TrainerReports(QObject):
    def __init__(self, training, model: StudioModel, files: SessionFiles, banner: NoticeBanner, parent=None) -> None:
        super().__init__(parent)
        self.model, self.files, self.banner = model, files, banner
        self.lost = False  # the trainer's process ended unasked (training switched off)
        self.switch_off: list[Callable[[], None]] = []  # what needs the trainer, switched off when it is lost
        training.updated.connect(self.on_update)
        training.failed.connect(self.on_error)
        training.lost.connect(self.on_lost)
        self.watch = TrainerWatch(training.silent_for, banner.say, banner.unsay, self)

    def on_update(self, update: Update) -> None:
        """Hand the Update to the model: it keeps it, its history and the runs it ends; views follow it."""
        self.model.apply_update(update)
        if update.loaded is not None:
            self.files.load_finished(*update.loaded)

    def on_error(self, message: str) -> None:
        self.banner.say(self.tr("Training stopped because of an error: {error}").format(error=message.splitlines()[0]))

    def on_lost(self, exit_code) -> None:
        """The trainer's process ended unasked: every gesture that would need it is switched off, the banner says why.

        A session file being opened will not arrive, so saving is given back.
        """
        self.lost = True
        self.banner.say(
            self.tr("The training process ended unexpectedly ({how}). The run stays as shown: save it, then restart BP Studio.").format(
                how=how_it_ended(exit_code)
            )
        )
        self.files.trainer_lost()
        for switch_off in self.switch_off:
            switch_off()
