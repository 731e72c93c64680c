"""Help ▸ Glossary: every term and symbol of the window, one line each, with its formula.

The entries are :mod:`bpstudio.control.learning.glossary`'s plain data, shown in the
window's language (English or 中文); a filter field narrows them, and a term
can be opened directly (the terms box's links, Shift+F1 over a tooltip).  One
dialog per window, not modal: it stays open beside the inspector while the
student reads.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QTextBrowser, QToolTip, QVBoxLayout, QWidget

from bpstudio.control.learning.glossary import BY_KEY, ENTRIES, Entry, entry_for
from bpstudio.engine.text_safety import rich_text
from bpstudio.qt.shell.i18n import current_language

FORMULA_STYLE = 'font-family: "DejaVu Serif", serif; font-size: 110%'  # a serif that sets m̂ and v̂'s hats in place


class GlossaryDialog(QDialog):
    """The glossary (objectName ``glossary_dialog``); :func:`open_glossary` opens it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("glossary_dialog")
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.filter = QLineEdit()
        self.filter.setObjectName("glossary_filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda _text: self._fill())
        layout.addWidget(self.filter)
        self.text = QTextBrowser()
        self.text.setObjectName("glossary_text")
        self.text.setOpenLinks(False)
        layout.addWidget(self.text, 1)
        self.shown: list[str] = []  # the keys listed, in order
        self.resize(620, 640)  # fits a 1366×768 screen beside the inspector
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Glossary"))
        self.intro.setText(self.tr("Every term and symbol the window shows, in one line each, with its formula."))
        self.filter.setPlaceholderText(self.tr("Find a term or symbol…"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _matches(self, entry: Entry, wanted: str) -> bool:
        if not wanted:
            return True
        language = current_language()
        haystack = " ".join((*entry.text(language), *entry.text("en"), entry.formula, *entry.symbols)).casefold()
        return wanted.casefold() in haystack

    def _fill(self) -> None:
        language = current_language()
        wanted = self.filter.text().strip()
        parts, self.shown = [], []
        for entry in ENTRIES:
            if not self._matches(entry, wanted):
                continue
            term, definition = entry.text(language)
            formula = f"<br><span style='{FORMULA_STYLE}'>{rich_text(entry.formula)}</span>" if entry.formula else ""
            parts.append(f"<a name='{entry.key}'></a><p><b>{rich_text(term)}</b> — {rich_text(definition)}{formula}</p>")
            self.shown.append(entry.key)
        if not parts:
            parts.append(f"<p><i>{rich_text(self.tr('No term matches “{text}”.').format(text=wanted))}</i></p>")
        self.text.setHtml("".join(parts))

    def show_entry(self, key: str) -> None:
        """Scroll to ``key``'s entry (the filter is cleared if it hides it)."""
        if key not in BY_KEY:
            return
        if key not in self.shown:
            self.filter.clear()
        self.text.scrollToAnchor(key)


def open_glossary(parent: QWidget, key: str | None = None) -> GlossaryDialog:
    """Show the window's glossary (made on first use), at ``key``'s entry when one is given.

    Without a key, a tooltip on screen names the entry: Shift+F1 while a
    tooltip shows opens the glossary at the first term or symbol it uses.
    """
    window = parent.window()
    dialog = window.findChild(GlossaryDialog, "glossary_dialog")
    if dialog is None:
        dialog = GlossaryDialog(window)
    if key is None and QToolTip.isVisible():
        found = entry_for(QToolTip.text())
        key = found.key if found is not None else None
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    if key is not None:
        dialog.show_entry(key)
    return dialog
