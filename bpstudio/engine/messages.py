"""Refusals whose sentence the studio can show in the user's language.

The engine imports no Qt, so its sentences are templates marked with a
function named like Qt's marker: pyside6-lupdate reads source text, finds
``QT_TRANSLATE_NOOP("Engine", "...")`` here as in the Qt floor, and the
studio translates ``template`` and fills in ``params``.  The CLI prints the
English sentence.
"""

from __future__ import annotations

from collections.abc import Callable


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - named for lupdate
    """Mark ``text`` for translation; returns it unchanged."""
    return text


class Refusal(ValueError):
    """A refused value: an English sentence built from a translatable template."""

    def __init__(self, template: str, **params: object) -> None:
        super().__init__(template.format(**params))
        self.template = template
        self.params = params

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled as template and parameters (messages cross to the studio from the trainer's process)."""
        return _refusal, (type(self), self.template, self.params)


class Notice(str):
    """A sentence for the user that is still a ``str`` (English), with its template kept.

    The studio shows ``localized(notice)``: the template translated, then
    filled in; code and tests that read it as text see the English sentence.
    """

    template: str
    params: dict[str, object]

    def __new__(cls, template: str, **params: object) -> Notice:
        notice = super().__new__(cls, template.format(**params))
        notice.template = template
        notice.params = params
        return notice

    def __reduce__(self) -> tuple[object, ...]:
        return _refusal, (type(self), self.template, self.params)


def _refusal(kind: Callable[..., object], template: str, params: dict[str, object]) -> object:
    """Rebuild a pickled Refusal or Notice from its template and parameters."""
    return kind(template, **params)
