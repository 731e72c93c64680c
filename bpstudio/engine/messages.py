"""Refusals whose sentence the studio can show in the user's language.

The engine imports no Qt, so its sentences are templates marked with a
function named like Qt's marker: pyside6-lupdate reads source text, finds
``QT_TRANSLATE_NOOP("Engine", "...")`` here as in the Qt floor, and the
studio translates ``template`` and fills in ``params``.  The CLI prints the
English sentence.
"""
from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - named for lupdate
    """Mark ``text`` for translation; returns it unchanged."""
    return text


class Refusal(ValueError):
    """A refused value: an English sentence built from a translatable template."""

    def __init__(self, template: str, **params) -> None:
        super().__init__(template.format(**params))
        self.template = template
        self.params = params
