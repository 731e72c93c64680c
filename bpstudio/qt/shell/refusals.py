"""Where the trainer's answer to a setting is said: the field it concerns, the data, or the banner.

Every Update carries the run's settings and, when the trainer refused a
change, why (``update.refused``, a ConfigError with the field).  The controls
show the settings again — a refused value goes back to the old one — and the
reason goes where the user looks: under the field that was typed in; under the
data for a new run's data or size (in the banner as well while the Controls
dock is hidden, on a projector); in the banner for anything else.  A message
of the run (``update.message``: a divergence, say) goes to the banner; any
other Update of a run that has not finished puts the banner away, except the
refusal just shown there.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from bpstudio.control import Update
from bpstudio.control.model.studio_model import FINISHED
from bpstudio.qt.shell.controls_panel import ControlsPanel
from bpstudio.qt.shell.i18n import localized
from bpstudio.qt.shell.notice_banner import NoticeBanner


class Refusals(QObject):
    def __init__(self, signals, controls: ControlsPanel, controls_shown: QWidget, banner: NoticeBanner, parent=None) -> None:
        super().__init__(parent)
        self.controls, self.controls_shown, self.banner = controls, controls_shown, banner
        signals.update_applied.connect(self.follow)

    def follow(self, update: Update) -> None:
        """The controls show the run's settings; a refusal puts the old value back and says why."""
        controls = self.controls
        if update.config != controls.config or update.refused is not None:
            controls.show_config(update.config)
        in_banner = False
        if update.refused is not None:
            reason = localized(update.refused)
            if update.refused.field in controls.errors:
                controls.show_error(update.refused.field, reason)
            elif update.refused.field == "data_file":  # a new run's data or size: said under the data
                controls.show_data_error(reason)
                in_banner = not self.controls_shown.isVisible()  # (hidden on a projector)
            else:
                in_banner = True
            if in_banner:
                self.banner.say(reason)
        if update.message:
            self.banner.say(localized(update.message))
        elif update.state not in FINISHED and not in_banner:  # not the refusal just shown
            self.banner.hide()
