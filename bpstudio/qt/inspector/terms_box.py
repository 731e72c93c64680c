"""The article's three terms, defined in one sentence each where the formula uses them.

A student alone meets 源, 汇 and 基础影响链路 on the diagram and in the
formula; this box says what each is, in the window's language, and points to
the tooltips that say more (on the diagram's nodes and links and on the
formula's source / sink tags).  Each term is a link to its entry in the
glossary (Help ▸ Glossary), and a last line opens the whole glossary.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout

from bpstudio.engine.messages import QT_TRANSLATE_NOOP
from bpstudio.qt.learning.glossary_dialog import open_glossary
from bpstudio.qt.shell.i18n import marked

CONTEXT = "Terms"
TERMS = (  # (key, term, its one-sentence definition)
    (
        "source",
        QT_TRANSLATE_NOOP("Terms", "Source (源)"),
        QT_TRANSLATE_NOOP(
            "Terms", "a node of this chain with several downstream branches; the gradients coming back along them are summed there."
        ),
    ),
    (
        "sink",
        QT_TRANSLATE_NOOP("Terms", "Sink (汇)"),
        QT_TRANSLATE_NOOP(
            "Terms", "a node of this chain where several upstream branches meet, such as L; nothing is summed for the parameter there."
        ),
    ),
    (
        "basic_link",
        QT_TRANSLATE_NOOP("Terms", "Basic link (基础影响链路)"),
        QT_TRANSLATE_NOOP(
            "Terms", "one edge a → b of the diagram with its local derivative ∂b/∂a; backpropagation multiplies them along each path to L."
        ),
    ),
)
PAIR = QT_TRANSLATE_NOOP("Terms", "{term}: {definition}")
HINT = QT_TRANSLATE_NOOP("Terms", "Hover the diagram's nodes and links, or the formula's source and sink tags, for more.")
GLOSSARY = QT_TRANSLATE_NOOP("Terms", "Every term and symbol of the window: {link} (Shift+F1)")
GLOSSARY_LINK = QT_TRANSLATE_NOOP("Terms", "Help ▸ Glossary")


class TermsBox(QGroupBox):
    """Source, sink and basic link in one sentence each (objectName ``terms_box``)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("terms_box")
        layout = QVBoxLayout(self)
        layout.setSpacing(3)
        self.labels: dict[str, QLabel] = {}
        for key, _term, _definition in TERMS:
            label = QLabel()
            label.setObjectName(f"term_{key}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.linkActivated.connect(self._open)
            layout.addWidget(label)
            self.labels[key] = label
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.hint)
        self.glossary = QLabel()
        self.glossary.setObjectName("terms_glossary_link")
        self.glossary.setTextFormat(Qt.TextFormat.RichText)
        self.glossary.linkActivated.connect(self._open)
        layout.addWidget(self.glossary)
        self.retranslate()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit(event.size().width())

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit(self.width())

    def _fit(self, width: int) -> None:
        """Never shorter than its wrapped sentences at ``width``.

        On a projector (F5) the inspector's column kept the box at its
        one-line-per-sentence size, cutting each sentence's last line in half;
        a minimum height is what the column always honours.
        """
        needed = self.heightForWidth(width) if width > 0 else 0
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    def _open(self, link: str) -> None:
        """A term's link opens its glossary entry; the last line's, the glossary at its top."""
        key = link.removeprefix("glossary:")
        open_glossary(self, key or None)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Terms"))
        for key, term, definition in TERMS:
            self.labels[key].setText(
                marked(CONTEXT, PAIR).format(
                    term=f"<a href='glossary:{key}'><b>{html.escape(marked(CONTEXT, term))}</b></a>",
                    definition=html.escape(marked(CONTEXT, definition)),
                )
            )
        self.hint.setText(f"<i>{html.escape(marked(CONTEXT, HINT))}</i>")
        link = f"<a href='glossary:'>{html.escape(marked(CONTEXT, GLOSSARY_LINK))}</a>"
        self.glossary.setText(html.escape(marked(CONTEXT, GLOSSARY)).format(link=link))
        self._fit(self.width())  # another language wraps differently

    def definition(self, key: str) -> str:
        """One term and its sentence as plain text, in the current language (a tooltip's text)."""
        term, sentence = next((t, d) for k, t, d in TERMS if k == key)
        return marked(CONTEXT, PAIR).format(term=marked(CONTEXT, term), definition=marked(CONTEXT, sentence))
