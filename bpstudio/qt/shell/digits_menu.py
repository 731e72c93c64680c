"""View ▸ Digits: how many significant digits every number of the formula, the inspector and the exports has.

Three exclusive actions (objectNames ``digits_4``, ``digits_6``, ``digits_all``);
the choice is the model's (:attr:`bpstudio.control.model.studio_model.StudioModel.digits`),
which the views follow through its ``digits_changed`` event, and it is kept in
the settings for the next start.  "All" shows each number with as many digits
as it takes to read back the very double (at most 17): a student checking a
row by hand can have every digit the computer used.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from bpstudio.control.words.number_format import DIGIT_SETTINGS
from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.qt.shell.i18n import marked
from bpstudio.qt.shell.menus import StudioMenus
from bpstudio.qt.shell.model_signals import ModelSignals
from bpstudio.qt.shell.studio_settings import StudioSettings

CONTEXT = "DigitsMenu"
TITLE = QT_TRANSLATE_NOOP("DigitsMenu", "&Digits")
TEXTS = {
    "4": QT_TRANSLATE_NOOP("DigitsMenu", "&4 significant digits"),
    "6": QT_TRANSLATE_NOOP("DigitsMenu", "&6 significant digits"),
    "all": QT_TRANSLATE_NOOP("DigitsMenu", "&All digits (up to 17: the exact double)"),
}
TIP = QT_TRANSLATE_NOOP(
    "DigitsMenu",
    "Digits of the formula, the inspector, the optimizer step, the nudge and the LaTeX/Markdown exports; "
    "a row says ≈ where its shown numbers, redone by hand, miss the shown result in the last digit",
)


class DigitsMenu(QMenu):
    """The submenu, put in View before Log scale; it sets the model's digits and remembers them."""

    def __init__(self, menus: StudioMenus, signals: ModelSignals, settings: StudioSettings, remembered: bool = True) -> None:
        view = menus.view_menu
        super().__init__(view)
        self.setObjectName("menu_digits")
        self.model = model = signals.model
        self.settings = settings
        view.insertMenu(menus.log_y, self)
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions_by_setting: dict[str, QAction] = {}
        for setting in DIGIT_SETTINGS:
            action = QAction(self, checkable=True)
            action.setObjectName(f"digits_{setting}")
            action.triggered.connect(lambda _=False, s=setting: self.choose(s))
            self.group.addAction(action)
            self.addAction(action)
            self.actions_by_setting[setting] = action
        if remembered:
            model.set_digits(settings.digits)
        signals.digits_changed.connect(self._show)
        self._show(model.digits)
        self.retranslate()

    def choose(self, setting: str) -> None:
        """A choice from the menu (or a test): the model's now, and the next start's."""
        self.model.set_digits(setting)
        self.settings.remember_digits(self.model.digits)

    def _show(self, setting: str) -> None:
        action = self.actions_by_setting.get(setting)
        if action is not None and not action.isChecked():
            action.setChecked(True)

    def retranslate(self) -> None:
        self.setTitle(marked(CONTEXT, TITLE))
        self.menuAction().setStatusTip(marked(CONTEXT, TIP))
        for setting, action in self.actions_by_setting.items():
            action.setText(marked(CONTEXT, TEXTS[setting]))
            action.setStatusTip(marked(CONTEXT, TIP))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
